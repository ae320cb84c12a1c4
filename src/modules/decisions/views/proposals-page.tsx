import { Fragment } from 'preact';
import type { FormStrings } from '../../../platform/forms.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import {
  Button,
  fieldLabels,
  Form,
  NumberField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { ConfirmLink } from '../../../ui/confirm.tsx';
import { DataTable, messageColumns, type Column } from '../../../ui/table.tsx';
import { PROPOSAL_KINDS } from '../decision.service.ts';
import type { proposalForm } from '../proposal.schema.ts';
import type { Proposal } from '../proposal.service.ts';
import { POLICY_HOST_CYCLE_YEARS } from './public-parts.tsx';
import { ButtonLink } from '../../../ui/button-link.tsx';

/** What the list shows about the chain (P3): now, and if an open proposal is approved. */
export interface ChainOutlook {
  members: number;
  intervalYears: number;
  cycleYears: number;
  /** Open proposals that would change the chain, with the cycle they would lead to. */
  ifApproved: { title: string; members: number; cycleYears: number }[];
}

/**
 * The columns that name a proposal (its title, kind and city), in the proposals list and in
 * the decisions page's list of proposals waiting for a decision.
 */
export function proposalColumns(i18n: I18n, cityNames: Map<string, string>): Column<Proposal>[] {
  return messageColumns(i18n, 'workspace.proposals.col', {
    title: { rowHeader: true, cell: (p) => p.title },
    kind: (p) => i18n.t(`workspace.proposals.kind.${p.kind}`),
    city: (p) => cityNames.get(p.cityId) ?? '',
  });
}

/** A draft's actions: each asks first (decision 033). */
const DRAFT_ACTIONS = ['send', 'withdraw'] as const;

export function ProposalsPage({
  ctx,
  proposals,
  cityNames,
  chain,
}: {
  ctx: PageContext;
  proposals: Proposal[];
  cityNames: Map<string, string>;
  chain: ChainOutlook | null;
}) {
  const { t, intl } = ctx.i18n;
  /** After the columns that name a proposal: where it stands, and what may be done with it. */
  const stateColumns: Column<Proposal>[] = messageColumns(ctx.i18n, 'workspace.proposals.col', {
    status: (p) => (
      <span class={`tag tag-proposal-${p.status}`}>
        {t(`workspace.proposals.status.${p.status}`)}
      </span>
    ),
    created: (p) => formatInstant(p.createdAt, intl),
    actions: (p) =>
      p.status === 'draft'
        ? DRAFT_ACTIONS.map((action, i) => (
            <Fragment key={action}>
              {i > 0 ? ' ' : null}
              <ConfirmLink
                variant="link"
                href={`/workspace/proposals/${p.id}/${action}`}
                name={p.title}
              >
                {t(`workspace.proposals.${action}`)}
              </ConfirmLink>
            </Fragment>
          ))
        : null,
  });
  return (
    <TitledPage ctx={ctx} messages="workspace.proposals">
      <section class="panel" aria-labelledby="chain-title">
        <h2 id="chain-title">{t('workspace.proposals.chainTitle')}</h2>
        {chain ? (
          <>
            <p>
              {t('workspace.proposals.chainText', {
                members: chain.members,
                interval: chain.intervalYears,
                cycle: chain.cycleYears,
              })}
            </p>
            {chain.cycleYears === POLICY_HOST_CYCLE_YEARS ? (
              <p>{t('workspace.proposals.chainOk')}</p>
            ) : (
              <p class="panel panel-highlight" role="note">
                <strong>
                  {t('workspace.proposals.chainWarning', { cycle: chain.cycleYears })}
                </strong>
              </p>
            )}
            {chain.ifApproved.map((p) => (
              <p key={p.title} class="panel panel-highlight" role="note">
                {t('workspace.proposals.chainIfApproved', {
                  title: p.title,
                  members: p.members,
                  cycle: p.cycleYears,
                })}
              </p>
            ))}
          </>
        ) : (
          <p>{t('workspace.proposals.chainNone')}</p>
        )}
      </section>
      <ButtonLink href="/workspace/proposals/new">{t('workspace.proposals.new')}</ButtonLink>
      <DataTable
        id="proposals"
        caption={t('workspace.proposals.caption')}
        rows={proposals}
        empty={t('workspace.proposals.none')}
        columns={[...proposalColumns(ctx.i18n, cityNames), ...stateColumns]}
      />
    </TitledPage>
  );
}

/** The form's values as sent (see proposal.schema.ts). */
export type ProposalValues = FormStrings<typeof proposalForm>;

/** The select's value for "a new city, described below". */
export const NEW_CITY = 'new';

export function NewProposalPage({
  ctx,
  cities,
  values,
}: {
  ctx: PageContext;
  cities: { slug: string; name: string; kind: string; status: string }[];
  values?: ProposalValues | undefined;
}) {
  const { t } = ctx.i18n;
  const field = fieldLabels(ctx.i18n, 'workspace.proposals.field');
  return (
    <TitledPage
      ctx={ctx}
      title={t('workspace.proposals.newTitle')}
      back={{ href: '/workspace/proposals', label: t('workspace.proposals.back') }}
      lead={t('workspace.proposals.newLead')}
    >
      <Form ctx={ctx} action="/workspace/proposals/new" values={values}>
        <RadioGroup
          name="kind"
          legend={t('workspace.proposals.field.kind')}
          options={PROPOSAL_KINDS.map((k) => ({
            value: k,
            label: t(`workspace.proposals.kind.${k}`),
          }))}
        />
        <SelectField
          {...field('city', 'hint')}
          options={[
            { value: '', label: t('workspace.proposals.field.cityChoose') },
            { value: NEW_CITY, label: t('workspace.proposals.field.cityNew') },
            ...cities.map((c) => ({
              value: c.slug,
              label: `${c.name} (${t(`kind.${c.kind}` as 'kind.twin')}, ${t(`status.${c.status}` as 'status.active').toLowerCase()})`,
            })),
          ]}
        />
        <fieldset class="field">
          <legend>{t('workspace.proposals.newCity')}</legend>
          <TextField {...field('slug', 'hint')} autocomplete="off" />
          <TextField {...field('nameSv')} autocomplete="off" />
          <TextField {...field('nameEn', 'hint')} autocomplete="off" />
          <TextField {...field('countryCode', 'hint')} width="short" autocomplete="off" />
          <NumberField {...field('latitude', 'hint')} decimal />
          <NumberField {...field('longitude', 'hint')} decimal />
        </fieldset>
        <TextField {...field('title')} width="full" autocomplete="off" />
        <TextArea {...field('justification')} />
        <Button>{t('workspace.proposals.save')}</Button>
      </Form>
    </TitledPage>
  );
}
