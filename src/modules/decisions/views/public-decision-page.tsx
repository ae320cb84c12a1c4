import { Fragment } from 'preact';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { CityName } from '../../cities/index.ts';
import { Content } from '../../../ui/content.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { documentPath } from '../decision.presenter.ts';
import type { DecisionDetail } from '../history.service.ts';
import { bodyLabel, DecisionReference, outcomeLabel, PlainDate } from './public-parts.tsx';

/** One council decision with all its fields and its place among corrections. */
export function PublicDecisionPage({ ctx, detail }: { ctx: PageContext; detail: DecisionDetail }) {
  const { t, locale } = ctx.i18n;
  const { decision, supersedes, supersededBy, city, cities } = detail;
  const document = documentPath(decision);
  const concerned = city ? [city, ...cities.filter((c) => c.id !== city.id)] : cities;
  return (
    <TitledPage
      ctx={ctx}
      title={decision.title}
      titleIn="sv"
      section="decisions"
      back={{ href: '/decisions', label: t('decisions.back') }}
    >
      <p class="card-meta">
        <DecisionReference decision={decision} i18n={ctx.i18n} />
      </p>
      {supersededBy ? (
        <div class="panel panel-highlight" role="note">
          <p>
            {t('decisions.supersededNote')}{' '}
            <a href={`/decisions/${supersededBy.id}`}>
              <Content locale={locale}>{supersededBy.title}</Content>
            </a>
          </p>
        </div>
      ) : null}
      {decision.historical ? <p>{t('decisions.historicalNote')}</p> : null}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('decisions.facts')}</h2>
        <dl class="facts">
          <dt>{t('decisions.body')}</dt>
          <dd>{bodyLabel(decision, ctx.i18n)}</dd>
          <dt>{t('decisions.meetingDate')}</dt>
          <dd>
            <PlainDate value={decision.meetingDate} i18n={ctx.i18n} />
          </dd>
          <dt>{t('decisions.section')}</dt>
          <dd>
            {decision.section
              ? t('timeline.section', { section: decision.section })
              : t('decisions.missing')}
          </dd>
          <dt>{t('decisions.caseNumber')}</dt>
          <dd>{decision.caseNumber ?? t('decisions.missing')}</dd>
          <dt>{t('decisions.outcome')}</dt>
          <dd>{outcomeLabel(decision, ctx.i18n)}</dd>
          <dt>{t('decisions.finalOn')}</dt>
          <dd>
            {decision.finalOn ? (
              <PlainDate value={decision.finalOn} i18n={ctx.i18n} />
            ) : (
              t('decisions.missing')
            )}
          </dd>
          {concerned.length > 0 ? (
            <>
              <dt>{t('decisions.city')}</dt>
              <dd>
                {concerned.map((c, i) => (
                  <Fragment key={c.id}>
                    {i > 0 ? ', ' : ''}
                    <a href={`/cities/${c.slug}`}>
                      <CityName city={c} locale={locale} />
                    </a>
                  </Fragment>
                ))}
              </dd>
            </>
          ) : null}
          <dt>{t('decisions.link')}</dt>
          <dd>
            {decision.link ? (
              <a href={decision.link} rel="external">
                {decision.link.replace(/^https?:\/\//, '')}
              </a>
            ) : (
              t('decisions.missing')
            )}
          </dd>
          <dt>{t('decisions.document')}</dt>
          <dd>
            {document ? (
              <a href={document} type="application/pdf">
                {t('decisions.documentLink')}
              </a>
            ) : (
              t('decisions.missing')
            )}
          </dd>
          <RelatedDecision term={t('decisions.supersedes')} decision={supersedes} i18n={ctx.i18n} />
          <RelatedDecision
            term={t('decisions.supersededBy')}
            decision={supersededBy}
            i18n={ctx.i18n}
          />
        </dl>
      </section>
    </TitledPage>
  );
}

/** A decision this one corrects or is corrected by: a link and its meeting date. */
function RelatedDecision(props: {
  term: string;
  decision: { id: string; title: string; meetingDate: string } | null | undefined;
  i18n: I18n;
}) {
  const { decision } = props;
  if (!decision) return null;
  return (
    <>
      <dt>{props.term}</dt>
      <dd>
        <a href={`/decisions/${decision.id}`}>
          <Content locale={props.i18n.locale}>{decision.title}</Content>
        </a>{' '}
        (
        <PlainDate value={decision.meetingDate} i18n={props.i18n} />)
      </dd>
    </>
  );
}
