import type { PageContext } from '../../../platform/page-context.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { formatDateRange, formatInstant, formatPlainDate } from '../../../shared/dates.ts';
import {
  Button,
  CheckboxGroup,
  DateField,
  Form,
  RadioGroup,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { AnswerInput, CampaignInput } from '../campaign.schema.ts';
import type { Campaign, CampaignResponse, CampaignSnapshot } from '../campaign.service.ts';

const key = (k: string) => k as MessageKey;

export function CampaignsPage({
  ctx,
  campaigns,
  canRun,
}: {
  ctx: PageContext;
  campaigns: Campaign[];
  canRun: boolean;
}) {
  const { t, intl } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('campaign.list.title')}>
      <h1>{t('campaign.list.title')}</h1>
      <p class="lead">{t('campaign.list.lead')}</p>
      {canRun ? (
        <p>
          <a class="button button-primary" href="/workspace/campaigns/new">
            {t('campaign.list.new')}
          </a>
        </p>
      ) : null}
      {campaigns.length === 0 ? (
        <p>{canRun ? t('campaign.list.none') : t('campaign.list.noneForReporter')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('campaign.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaign.col.title')}</th>
                <th scope="col">{t('campaign.col.period')}</th>
                <th scope="col">{t('campaign.col.deadline')}</th>
                <th scope="col">{t('campaign.col.status')}</th>
                <th scope="col">{t('campaign.col.answered')}</th>
                {canRun ? null : <th scope="col">{t('campaign.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={`/workspace/campaigns/${c.id}`}>{c.title}</a>
                  </th>
                  <td>{formatDateRange(c.periodFrom, c.periodTo, intl)}</td>
                  <td>{formatPlainDate(c.deadline, intl)}</td>
                  <td>{t(key(`campaign.status.${c.status}`))}</td>
                  <td>{t('campaign.answeredOf', { answered: c.answered, asked: c.asked })}</td>
                  {canRun ? null : (
                    <td>
                      <a href={`/workspace/campaigns/${c.id}/answer`}>
                        {c.status === 'open' ? t('campaign.answerLink') : t('campaign.viewLink')}
                        <span class="visually-hidden">: {c.title}</span>
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function NewCampaignPage({
  ctx,
  organisations,
  values,
}: {
  ctx: PageContext;
  organisations: { id: string; name: string }[];
  values?: CampaignInput | undefined;
}) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('campaign.new.title')}>
      <p class="breadcrumb">
        <a href="/workspace/campaigns">{t('campaign.new.back')}</a>
      </p>
      <h1>{t('campaign.new.title')}</h1>
      <Form
        ctx={ctx}
        action="/workspace/campaigns/new"
        values={values ?? { scope: 'all', organisations: [] }}
      >
        <TextField
          name="title"
          label={t('campaign.field.title')}
          hint={t('campaign.field.titleHint')}
          width="full"
          autocomplete="off"
        />
        <DateField name="periodFrom" label={t('campaign.field.periodFrom')} />
        <DateField name="periodTo" label={t('campaign.field.periodTo')} />
        <DateField name="deadline" label={t('campaign.field.deadline')} />
        <TextArea
          name="message"
          label={t('campaign.field.message')}
          hint={t('campaign.field.messageHint')}
          rows={4}
          optional
        />
        <RadioGroup
          name="scope"
          legend={t('campaign.field.scope')}
          options={[
            { value: 'all', label: t('campaign.scope.all') },
            { value: 'chosen', label: t('campaign.scope.chosen') },
          ]}
        />
        <CheckboxGroup
          name="organisations"
          legend={t('campaign.field.organisations')}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Button>{t('campaign.new.submit')}</Button>
      </Form>
    </Layout>
  );
}

function StateTag({ ctx, state }: { ctx: PageContext; state: CampaignResponse['state'] }) {
  const cls =
    state === 'answered' ? 'tag tag-active' : state === 'overdue' ? 'tag tag-dormant' : 'tag';
  return <span class={cls}>{ctx.i18n.t(key(`campaign.state.${state}`))}</span>;
}

export function CampaignPage({
  ctx,
  campaign,
  responses,
  canRun,
}: {
  ctx: PageContext;
  campaign: Campaign;
  responses: CampaignResponse[];
  canRun: boolean;
}) {
  const { t, intl } = ctx.i18n;
  const closed = campaign.status === 'closed';
  return (
    <Layout ctx={ctx} title={campaign.title}>
      <p class="breadcrumb">
        <a href="/workspace/campaigns">{t('campaign.new.back')}</a>
      </p>
      <h1>{campaign.title}</h1>
      <p>
        <span class={closed ? 'tag' : 'tag tag-active'}>
          {t(key(`campaign.status.${campaign.status}`))}
        </span>
      </p>
      <p>
        {t('campaign.show.period', {
          period: formatDateRange(campaign.periodFrom, campaign.periodTo, intl),
        })}
        <br />
        {t('campaign.show.deadline', { date: formatPlainDate(campaign.deadline, intl) })}
      </p>
      {campaign.message ? <p class="panel">{campaign.message}</p> : null}
      {closed && campaign.closedAt ? (
        <p class="panel panel-highlight" role="note">
          {t('campaign.show.closedNote', { date: formatInstant(campaign.closedAt, intl) })}
        </p>
      ) : null}
      <p id="progress">
        {t('campaign.show.progress', { answered: campaign.answered, asked: campaign.asked })}
      </p>
      <div class="table-wrap">
        <table>
          <caption>{t('campaign.show.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaign.col.organisation')}</th>
              <th scope="col">{t('campaign.col.status')}</th>
              <th scope="col">{t('campaign.col.answer')}</th>
              <th scope="col">{t('campaign.col.when')}</th>
              <th scope="col">{t('campaign.col.who')}</th>
              <th scope="col">{t('campaign.col.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {responses.map((r) => (
              <tr key={r.organisationId}>
                <th scope="row">{r.organisationName}</th>
                <td>
                  <StateTag ctx={ctx} state={r.state} />
                </td>
                <td>
                  {r.answer ? t(key(`campaign.answer.${r.answer}`)) : ''}
                  {r.snapshot ? (
                    <>
                      <br />
                      <span class="hint">
                        {t('campaign.show.snapshot', {
                          collaborations: r.snapshot.collaborations.length,
                          exchanges: r.snapshot.exchanges.length,
                        })}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{r.answeredAt ? formatInstant(r.answeredAt, intl) : ''}</td>
                <td>{r.answeredByName ?? ''}</td>
                <td>{r.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!canRun ? (
        <p>
          <a href={`/workspace/campaigns/${campaign.id}/answer`}>
            {closed ? t('campaign.viewLink') : t('campaign.answerLink')}
          </a>
        </p>
      ) : null}
      {canRun && !closed ? (
        <Form ctx={ctx} action={`/workspace/campaigns/${campaign.id}/close`}>
          <p class="hint">{t('campaign.show.closeHint')}</p>
          <Button variant="warning">{t('campaign.show.close')}</Button>
        </Form>
      ) : null}
    </Layout>
  );
}

export function AnswerPage({
  ctx,
  campaign,
  organisation,
  list,
  current,
  values,
}: {
  ctx: PageContext;
  campaign: Campaign;
  organisation: { id: string; name: string };
  list: CampaignSnapshot;
  current: CampaignResponse | null;
  values?: AnswerInput | undefined;
}) {
  const { t, intl } = ctx.i18n;
  const closed = campaign.status === 'closed';
  return (
    <Layout ctx={ctx} title={t('campaign.answer.title')}>
      <p class="breadcrumb">
        <a href="/workspace/campaigns">{t('campaign.new.back')}</a>
      </p>
      <h1>{campaign.title}</h1>
      <p class="lead">{t('campaign.answer.for', { organisation: organisation.name })}</p>
      <p>
        {t('campaign.show.period', {
          period: formatDateRange(campaign.periodFrom, campaign.periodTo, intl),
        })}
        <br />
        {t('campaign.show.deadline', { date: formatPlainDate(campaign.deadline, intl) })}
      </p>
      {campaign.message ? (
        <section class="panel" aria-labelledby="message-title">
          <h2 id="message-title">{t('campaign.answer.message')}</h2>
          <p>{campaign.message}</p>
        </section>
      ) : null}
      {closed ? (
        <p class="panel panel-highlight" role="note" id="closed">
          {t('campaign.error.closed')}
        </p>
      ) : null}

      <h2>{t('campaign.answer.collaborationsTitle')}</h2>
      {list.collaborations.length === 0 ? (
        <p>{t('campaign.answer.noCollaborations')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('campaign.answer.collaborationsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaign.answer.col.title')}</th>
                <th scope="col">{t('campaign.answer.col.period')}</th>
                <th scope="col">{t('campaign.answer.col.status')}</th>
                {closed ? null : <th scope="col">{t('campaign.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.collaborations.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.title}</th>
                  <td>{formatDateRange(c.startsOn, c.endsOn, intl)}</td>
                  <td>{t(key(`campaign.collabStatus.${c.status}`))}</td>
                  {closed ? null : (
                    <td>
                      <a href={`/workspace/collaborations/${c.id}/edit`}>
                        {t('campaign.answer.edit')}
                        <span class="visually-hidden">: {c.title}</span>
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('campaign.answer.exchangesTitle')}</h2>
      {list.exchanges.length === 0 ? (
        <p>{t('campaign.answer.noExchanges')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('campaign.answer.exchangesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaign.answer.col.date')}</th>
                <th scope="col">{t('campaign.answer.col.city')}</th>
                <th scope="col">{t('campaign.answer.col.activities')}</th>
              </tr>
            </thead>
            <tbody>
              {list.exchanges.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{formatPlainDate(e.occurredOn, intl)}</th>
                  <td>{e.city ?? ''}</td>
                  <td>{e.activities}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {closed ? null : <p class="hint">{t('campaign.answer.editHint')}</p>}

      {current?.answer ? (
        <p class="panel" id="current-answer">
          {t('campaign.answer.current', {
            answer: t(key(`campaign.answer.${current.answer}`)),
            when: current.answeredAt ? formatInstant(current.answeredAt, intl) : '',
            who: current.answeredByName ?? '',
          })}
          {current.comment ? (
            <>
              <br />
              {current.comment}
            </>
          ) : null}
        </p>
      ) : null}

      {closed ? null : (
        <Form
          ctx={ctx}
          action={`/workspace/campaigns/${campaign.id}/answer`}
          values={values ?? { answer: current?.answer ?? '', comment: current?.comment ?? '' }}
        >
          <RadioGroup
            name="answer"
            legend={t('campaign.answer.field')}
            hint={t('campaign.answer.changeUntilClosed')}
            options={[
              { value: 'confirmed', label: t('campaign.answer.option.confirmed') },
              { value: 'no_activity', label: t('campaign.answer.option.no_activity') },
            ]}
          />
          <TextArea name="comment" label={t('campaign.answer.comment')} rows={3} optional />
          <Button>{t('campaign.answer.submit')}</Button>
        </Form>
      )}
    </Layout>
  );
}
