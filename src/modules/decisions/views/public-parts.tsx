import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { PlainKey } from '../../../platform/i18n/i18n.ts';
import { formatPlainDate } from '../../../shared/dates.ts';
import { Content } from '../../../ui/content.tsx';
import { type Chain, hostCycleYears } from '../../cities/index.ts';
import { documentPath } from '../decision.presenter.ts';
import type { CouncilDecision } from '../decision.service.ts';

/** The number of years between Gothenburg's turns that the policy (P3) expects. */
export const POLICY_HOST_CYCLE_YEARS = 8;

/** A plain date as a <time> element in the page language. */
export function PlainDate({ value, i18n }: { value: string; i18n: I18n }) {
  return <time datetime={value}>{formatPlainDate(value, i18n.intl)}</time>;
}

/** A tag after a title, a space apart. */
export function Tag({ children }: { children: string }) {
  return (
    <>
      {' '}
      <span class="tag">{children}</span>
    </>
  );
}

export const bodyLabel = (decision: CouncilDecision, i18n: I18n) =>
  i18n.t(`decisions.body.${decision.body}` as PlainKey);

export const outcomeLabel = (decision: CouncilDecision, i18n: I18n) =>
  i18n.t(`decisions.outcome.${decision.outcome}` as PlainKey);

/** "KF, 15 oktober 2026, § 12, SLK-2026-01047": the reference of a decision. */
export function DecisionReference({ decision, i18n }: { decision: CouncilDecision; i18n: I18n }) {
  return (
    <>
      {bodyLabel(decision, i18n)}, <PlainDate value={decision.meetingDate} i18n={i18n} />
      {decision.section ? `, ${i18n.t('timeline.section', { section: decision.section })}` : ''}
      {decision.caseNumber ? `, ${decision.caseNumber}` : ''}
      {decision.historical ? ` (${i18n.t('decisions.historicalTag')})` : ''}
    </>
  );
}

/** A decision in a list: its reference, a link to it and to its document. */
export function DecisionSummary({ decision, i18n }: { decision: CouncilDecision; i18n: I18n }) {
  const document = documentPath(decision);
  return (
    <>
      <a href={`/decisions/${decision.id}`}>
        <Content locale={i18n.locale}>{decision.title}</Content>
      </a>
      <br />
      <DecisionReference decision={decision} i18n={i18n} />
      {' · '}
      {outcomeLabel(decision, i18n)}
      {document ? (
        <>
          {' · '}
          <a href={document} type="application/pdf">
            {i18n.t('decisions.documentLink')}
          </a>
        </>
      ) : null}
    </>
  );
}

/**
 * P3: the chain's host cycle is members × interval years; the policy expects eight.
 * Shown on /cities and on the pages of the chain's cities when it is not.
 */
export function RotationWarning({ chain, i18n }: { chain: Chain | null; i18n: I18n }) {
  if (!chain || chain.members.length === 0) return null;
  const cycle = hostCycleYears(chain);
  if (cycle === POLICY_HOST_CYCLE_YEARS) return null;
  return (
    <div class="panel panel-highlight rotation-warning" role="note">
      <p>
        <strong>{i18n.t('rotation.warningLabel')}:</strong>{' '}
        {i18n.t('rotation.warning', { members: chain.members.length, cycle })}
      </p>
    </div>
  );
}
