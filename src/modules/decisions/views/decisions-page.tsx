import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant, formatPlainDate } from '../../../shared/dates.ts';
import type { PageInfo } from '../../../shared/pagination.ts';
import { Button, DateField, FileField, Form, RadioGroup, TextField } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { Pagination } from '../../../ui/pagination.tsx';
import { DECISION_BODIES, OUTCOMES, type CouncilDecision } from '../decision.service.ts';
import type { Proposal } from '../proposal.service.ts';

export function DecisionsPage({
  ctx,
  pending,
  cityNames,
  decisions,
  superseded,
  info,
}: {
  ctx: PageContext;
  pending: Proposal[];
  cityNames: Map<string, string>;
  decisions: CouncilDecision[];
  /** Ids of decisions a later one supersedes (corrections). */
  superseded: Set<string>;
  info: PageInfo;
}) {
  const { t, intl } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('workspace.decisions.title')}>
      <h1>{t('workspace.decisions.title')}</h1>
      <p class="lead">{t('workspace.decisions.lead')}</p>

      <h2>{t('workspace.decisions.pendingTitle')}</h2>
      {pending.length === 0 ? (
        <p>{t('workspace.decisions.pendingNone')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('workspace.decisions.pendingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workspace.proposals.col.title')}</th>
                <th scope="col">{t('workspace.proposals.col.kind')}</th>
                <th scope="col">{t('workspace.proposals.col.city')}</th>
                <th scope="col">{t('workspace.decisions.sentOn')}</th>
                <th scope="col">{t('workspace.decisions.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>{t(`workspace.proposals.kind.${p.kind}`)}</td>
                  <td>{cityNames.get(p.cityId) ?? ''}</td>
                  <td>{p.sentAt ? formatInstant(p.sentAt, intl) : ''}</td>
                  <td>
                    <a href={`/workspace/decisions/new?proposal=${encodeURIComponent(p.id)}`}>
                      {t('workspace.decisions.register')}
                      <span class="visually-hidden">: {p.title}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('workspace.decisions.recordedTitle')}</h2>
      <p>
        <a href="/workspace/decisions/new">{t('workspace.decisions.registerOther')}</a>
      </p>
      {decisions.length === 0 ? (
        <p>{t('workspace.decisions.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('workspace.decisions.recordedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workspace.decisions.col.title')}</th>
                <th scope="col">{t('workspace.decisions.col.body')}</th>
                <th scope="col">{t('workspace.decisions.col.meetingDate')}</th>
                <th scope="col">{t('workspace.decisions.col.section')}</th>
                <th scope="col">{t('workspace.decisions.col.caseNumber')}</th>
                <th scope="col">{t('workspace.decisions.col.outcome')}</th>
                <th scope="col">{t('workspace.decisions.col.document')}</th>
                <th scope="col">{t('workspace.decisions.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.title}
                    {d.historical ? (
                      <>
                        {' '}
                        <span class="tag">{t('workspace.decisions.historical')}</span>
                      </>
                    ) : null}
                    {d.supersedesId ? (
                      <>
                        {' '}
                        <span class="tag">{t('workspace.decisions.correction')}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{t(`workspace.decisions.body.${d.body}`)}</td>
                  <td>{formatPlainDate(d.meetingDate, intl)}</td>
                  <td>{d.section ? `§ ${d.section}` : ''}</td>
                  <td>{d.caseNumber ?? ''}</td>
                  <td>{t(`workspace.decisions.outcome.${d.outcome}`)}</td>
                  <td>
                    {d.documentId ? (
                      <a href={`/decisions/${d.id}/document`}>
                        {t('workspace.decisions.pdf')}
                        <span class="visually-hidden">
                          {' '}
                          {t('workspace.decisions.pdfFor', { title: d.title })}
                        </span>
                      </a>
                    ) : null}
                  </td>
                  <td>
                    {superseded.has(d.id) ? (
                      t('workspace.decisions.corrected')
                    ) : (
                      <a href={`/workspace/decisions/new?supersedes=${encodeURIComponent(d.id)}`}>
                        {t('workspace.decisions.correct')}
                        <span class="visually-hidden">: {d.title}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination i18n={ctx.i18n} info={info} baseQuery={new URLSearchParams()} />
    </Layout>
  );
}

export interface DecisionValues {
  body: string;
  meetingDate: string;
  section: string;
  caseNumber: string;
  title: string;
  outcome: string;
  link: string;
  finalOn: string;
}

export function NewDecisionPage({
  ctx,
  action,
  proposal,
  corrects,
  kfOnly,
  values,
}: {
  ctx: PageContext;
  /** The form's action: this page's URL, with ?proposal= or ?supersedes=. */
  action: string;
  proposal: { title: string; city: string; kind: string; justification: string } | null;
  corrects: CouncilDecision | null;
  /** P6: the proposal concerns a twin city, so only KF may decide it. */
  kfOnly: boolean;
  values?: DecisionValues | undefined;
}) {
  const { t, intl } = ctx.i18n;
  const errors = ctx.formErrors;
  const title = corrects
    ? t('workspace.decisions.correctTitle')
    : t('workspace.decisions.newTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href="/workspace/decisions">{t('workspace.decisions.back')}</a>
      </p>
      <h1>{title}</h1>
      {corrects ? <p class="lead">{t('workspace.decisions.correctLead')}</p> : null}
      {proposal ? (
        <section class="panel" id="context" tabIndex={-1} aria-labelledby="context-title">
          <h2 id="context-title">{t('workspace.decisions.forProposal')}</h2>
          <p>
            <strong>{proposal.title}</strong>
          </p>
          <p>
            {t('workspace.decisions.proposalCity', { city: proposal.city, kind: proposal.kind })}
          </p>
          <p>{proposal.justification}</p>
          {kfOnly ? (
            <p class="panel panel-highlight" role="note">
              {t('workspace.decisions.kfOnly')}
            </p>
          ) : null}
          {errors.context ? <p class="error-message">{errors.context}</p> : null}
        </section>
      ) : null}
      {corrects ? (
        <section class="panel" id="context" tabIndex={-1} aria-labelledby="context-title">
          <h2 id="context-title">{t('workspace.decisions.corrects')}</h2>
          <p>
            <strong>{corrects.title}</strong>
          </p>
          <p>
            {t(`workspace.decisions.body.${corrects.body}`)},{' '}
            {formatPlainDate(corrects.meetingDate, intl)}
            {corrects.section ? `, § ${corrects.section}` : ''}
            {corrects.caseNumber ? `, ${corrects.caseNumber}` : ''}
          </p>
          {errors.context ? <p class="error-message">{errors.context}</p> : null}
        </section>
      ) : null}
      {!proposal && !corrects && errors.context ? (
        <p class="error-message" id="context" tabIndex={-1}>
          {errors.context}
        </p>
      ) : null}
      <Form ctx={ctx} action={action} multipart values={values}>
        <RadioGroup
          name="body"
          legend={t('workspace.decisions.field.body')}
          options={DECISION_BODIES.map((b) => ({
            value: b,
            label: t(`workspace.decisions.body.${b}`),
          }))}
        />
        <DateField name="meetingDate" label={t('workspace.decisions.field.meetingDate')} />
        <TextField
          name="section"
          label={t('workspace.decisions.field.section')}
          hint={t('workspace.decisions.field.sectionHint')}
          width="short"
          autocomplete="off"
        />
        <TextField
          name="caseNumber"
          label={t('workspace.decisions.field.caseNumber')}
          hint={t('workspace.decisions.field.caseNumberHint')}
          autocomplete="off"
        />
        <TextField
          name="title"
          label={t('workspace.decisions.field.title')}
          width="full"
          autocomplete="off"
        />
        <RadioGroup
          name="outcome"
          legend={t('workspace.decisions.field.outcome')}
          options={OUTCOMES.map((o) => ({
            value: o,
            label: t(`workspace.decisions.outcome.${o}`),
          }))}
        />
        <TextField
          name="link"
          label={t('workspace.decisions.field.link')}
          hint={t('workspace.decisions.field.linkHint')}
          type="url"
          width="full"
          autocomplete="off"
          optional
        />
        <DateField
          name="finalOn"
          label={t('workspace.decisions.field.finalOn')}
          hint={t('workspace.decisions.field.finalOnHint')}
          optional
        />
        <FileField
          name="document"
          label={t('workspace.decisions.field.document')}
          hint={t('workspace.decisions.field.documentHint')}
          accept="application/pdf,.pdf"
          optional
        />
        <Button>{t('workspace.decisions.save')}</Button>
      </Form>
    </Layout>
  );
}
