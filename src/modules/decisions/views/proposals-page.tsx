import type { PageContext } from '../../../platform/page-context.ts';
import { formatInstant } from '../../../shared/dates.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextField,
} from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { PROPOSAL_KINDS } from '../decision.service.ts';
import type { Proposal } from '../proposal.service.ts';
import { RadioGroup, TextArea } from './workspace-fields.tsx';

/** What the list shows about the chain (P3): now, and if an open proposal is approved. */
export interface ChainOutlook {
  members: number;
  intervalYears: number;
  cycleYears: number;
  /** Open proposals that would change the chain, with the cycle they would lead to. */
  ifApproved: { title: string; members: number; cycleYears: number }[];
}

/** The policy's assumption: four cities, every second year, Gothenburg hosts every eighth. */
export const POLICY_CYCLE_YEARS = 8;

export function ProposalsPage({
  ctx,
  proposals,
  cityNames,
  chain,
  errors = {},
}: {
  ctx: PageContext;
  proposals: Proposal[];
  cityNames: Map<string, string>;
  chain: ChainOutlook | null;
  errors?: FieldErrors;
}) {
  const { t, intl } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('workspace.proposals.title')}>
      <h1>{t('workspace.proposals.title')}</h1>
      <p class="lead">{t('workspace.proposals.lead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
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
            {chain.cycleYears === POLICY_CYCLE_YEARS ? (
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
      <p>
        <a class="button" href="/workspace/proposals/new">
          {t('workspace.proposals.new')}
        </a>
      </p>
      {proposals.length === 0 ? (
        <p id="proposals">{t('workspace.proposals.none')}</p>
      ) : (
        <div class="table-wrap" id="proposals" tabIndex={-1}>
          <table>
            <caption>{t('workspace.proposals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workspace.proposals.col.title')}</th>
                <th scope="col">{t('workspace.proposals.col.kind')}</th>
                <th scope="col">{t('workspace.proposals.col.city')}</th>
                <th scope="col">{t('workspace.proposals.col.status')}</th>
                <th scope="col">{t('workspace.proposals.col.created')}</th>
                <th scope="col">{t('workspace.proposals.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>{t(`workspace.proposals.kind.${p.kind}`)}</td>
                  <td>{cityNames.get(p.cityId) ?? ''}</td>
                  <td>
                    <span class={`tag tag-proposal-${p.status}`}>
                      {t(`workspace.proposals.status.${p.status}`)}
                    </span>
                  </td>
                  <td>{formatInstant(p.createdAt, intl)}</td>
                  <td>
                    {p.status === 'draft' ? (
                      <>
                        <form method="post" action={`/workspace/proposals/${p.id}/send`}>
                          <CsrfField token={ctx.csrfToken} />
                          <button type="submit" class="link-button">
                            {t('workspace.proposals.send')}
                            <span class="visually-hidden">: {p.title}</span>
                          </button>
                        </form>
                        <form method="post" action={`/workspace/proposals/${p.id}/withdraw`}>
                          <CsrfField token={ctx.csrfToken} />
                          <button type="submit" class="link-button">
                            {t('workspace.proposals.withdraw')}
                            <span class="visually-hidden">: {p.title}</span>
                          </button>
                        </form>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface ProposalValues {
  kind: string;
  city: string;
  slug: string;
  nameSv: string;
  nameEn: string;
  countryCode: string;
  latitude: string;
  longitude: string;
  title: string;
  justification: string;
}

/** The select's value for "a new city, described below". */
export const NEW_CITY = 'new';

export function NewProposalPage({
  ctx,
  cities,
  values,
  errors = {},
}: {
  ctx: PageContext;
  cities: { slug: string; name: string; kind: string; status: string }[];
  values?: ProposalValues | undefined;
  errors?: FieldErrors;
}) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('workspace.proposals.newTitle')}>
      <p class="breadcrumb">
        <a href="/workspace/proposals">{t('workspace.proposals.back')}</a>
      </p>
      <h1>{t('workspace.proposals.newTitle')}</h1>
      <p class="lead">{t('workspace.proposals.newLead')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/workspace/proposals/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RadioGroup
          name="kind"
          legend={t('workspace.proposals.field.kind')}
          options={PROPOSAL_KINDS.map((k) => ({
            value: k,
            label: t(`workspace.proposals.kind.${k}`),
          }))}
          value={values?.kind}
          error={errors.kind}
        />
        <SelectField
          name="city"
          label={t('workspace.proposals.field.city')}
          hint={t('workspace.proposals.field.cityHint')}
          options={[
            { value: '', label: t('workspace.proposals.field.cityChoose') },
            { value: NEW_CITY, label: t('workspace.proposals.field.cityNew') },
            ...cities.map((c) => ({
              value: c.slug,
              label: `${c.name} (${t(`kind.${c.kind}` as 'kind.twin')}, ${t(`status.${c.status}` as 'status.active').toLowerCase()})`,
            })),
          ]}
          value={values?.city}
          error={errors.city}
        />
        <fieldset class="field">
          <legend>{t('workspace.proposals.newCity')}</legend>
          <TextField
            name="slug"
            label={t('workspace.proposals.field.slug')}
            hint={t('workspace.proposals.field.slugHint')}
            value={values?.slug}
            error={errors.slug}
            autocomplete="off"
          />
          <TextField
            name="nameSv"
            label={t('workspace.proposals.field.nameSv')}
            value={values?.nameSv}
            error={errors.nameSv}
            autocomplete="off"
          />
          <TextField
            name="nameEn"
            label={t('workspace.proposals.field.nameEn')}
            hint={t('workspace.proposals.field.nameEnHint')}
            value={values?.nameEn}
            error={errors.nameEn}
            autocomplete="off"
          />
          <TextField
            name="countryCode"
            label={t('workspace.proposals.field.countryCode')}
            hint={t('workspace.proposals.field.countryCodeHint')}
            value={values?.countryCode}
            error={errors.countryCode}
            width="short"
            autocomplete="off"
          />
          <TextField
            name="latitude"
            label={t('workspace.proposals.field.latitude')}
            hint={t('workspace.proposals.field.latitudeHint')}
            value={values?.latitude}
            error={errors.latitude}
            width="short"
            autocomplete="off"
          />
          <TextField
            name="longitude"
            label={t('workspace.proposals.field.longitude')}
            hint={t('workspace.proposals.field.longitudeHint')}
            value={values?.longitude}
            error={errors.longitude}
            width="short"
            autocomplete="off"
          />
        </fieldset>
        <TextField
          name="title"
          label={t('workspace.proposals.field.title')}
          value={values?.title}
          error={errors.title}
          width="full"
          autocomplete="off"
        />
        <TextArea
          name="justification"
          label={t('workspace.proposals.field.justification')}
          value={values?.justification}
          error={errors.justification}
        />
        <Button>{t('workspace.proposals.save')}</Button>
      </form>
    </Layout>
  );
}
