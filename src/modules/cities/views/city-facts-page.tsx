import type { PageContext } from '../../../platform/page-context.ts';
import { ALL_LOCALES, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { formatInstant } from '../../../shared/dates.ts';
import { Content } from '../../../ui/content.tsx';
import { EditConflict, VersionField, type SavedVersion } from '../../../ui/edit-conflict.tsx';
import {
  Button,
  fieldLabels,
  Form,
  NumberField,
  TextArea,
  TextField,
} from '../../../ui/fields.tsx';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { DataTable, linkColumn, rowLinkColumn } from '../../../ui/table.tsx';
import type { CitySuggestion } from '../city-suggestion.service.ts';
import type { CityKind, CityStatus } from '../city.service.ts';

export interface CityListEntry {
  slug: string;
  name: string;
  kind: CityKind;
  status: CityStatus;
}

/** The coordinators' list of cities, each with a link to its facts form. */
export function CityFactsListPage({ ctx, cities }: { ctx: PageContext; cities: CityListEntry[] }) {
  const { t } = ctx.i18n;
  return (
    <TitledPage ctx={ctx} title={t('workspace.cities.title')} lead={t('workspace.cities.lead')}>
      <DataTable
        caption={t('workspace.cities.caption')}
        rows={cities}
        rowKey={(c) => c.slug}
        columns={[
          linkColumn<CityListEntry>(
            t('workspace.cities.col.name'),
            (c) => `/cities/${c.slug}`,
            (c) => c.name,
          ),
          { header: t('workspace.cities.col.kind'), cell: (c) => t(`kind.${c.kind}`) },
          {
            header: t('workspace.cities.col.status'),
            cell: (c) => <span class={`tag tag-${c.status}`}>{t(`status.${c.status}`)}</span>,
          },
          rowLinkColumn<CityListEntry>(
            t('workspace.cities.edit'),
            (c) => `/workspace/cities/${c.slug}`,
            (c) => c.name,
          ),
        ]}
      />
    </TitledPage>
  );
}

/** What the form shows and sends back: every field as typed, by the field's name. */
export type CityFactsValues = Record<string, string>;

/** The label of a field of the city facts form (also the rows of a conflict or a review). */
export function cityFieldLabel(ctx: PageContext, field: string): string {
  const { t } = ctx.i18n;
  // "svenska", "norskt bokmål" in Swedish; "Swedish", "Norwegian Bokmål" in English.
  const languageNames = new Intl.DisplayNames([LOCALES[ctx.i18n.locale].intl], {
    type: 'language',
  });
  const text = /^(name|description)_([a-z]{2})$/.exec(field);
  if (text) {
    const lang = text[2] as Locale;
    const language = languageNames.of(lang) ?? LOCALES[lang]?.name ?? lang;
    return text[1] === 'name'
      ? t('workspace.cities.field.name', { language })
      : t('workspace.cities.field.description', { language });
  }
  return ctx.i18n.tDynamic(`workspace.cities.field.${field}`);
}

/**
 * The facts form of a city. `edit`: a coordinator's, every field in every language, saved
 * at once. `suggest`: the city's partner contact's (decision 036), the texts in their
 * languages (`languages`), region, population, website and contact, sent for review.
 */
export function CityFactsFormPage({
  ctx,
  city,
  values,
  mode,
  languages = ALL_LOCALES,
  version,
  conflict,
  suggestion,
}: {
  ctx: PageContext;
  city: CityListEntry;
  values: CityFactsValues;
  mode: 'edit' | 'suggest';
  languages?: readonly Locale[];
  version?: string | undefined;
  conflict?: SavedVersion | undefined;
  suggestion?: CitySuggestion | null;
}) {
  const { t, locale } = ctx.i18n;
  const partner = mode === 'suggest';
  const title = partner
    ? t('citySuggestion.title', { city: city.name })
    : t('workspace.cities.editTitle', { city: city.name });
  const label = (field: string) => cityFieldLabel(ctx, field);
  const field = fieldLabels(ctx.i18n, 'workspace.cities.field');
  return (
    <TitledPage
      ctx={ctx}
      title={title}
      back={
        partner
          ? { href: '/workspace', label: t('citySuggestion.back') }
          : { href: '/workspace/cities', label: t('workspace.cities.back') }
      }
      lead={
        partner
          ? t('citySuggestion.lead', { city: city.name })
          : t('workspace.cities.statusNote', {
              status: t(`status.${city.status}`).toLowerCase(),
              kind: t(`kind.${city.kind}`).toLowerCase(),
            })
      }
    >
      {partner ? (
        <>
          <SuggestionState ctx={ctx} suggestion={suggestion ?? null} />
          <p>
            <a href={`/cities/${city.slug}`}>
              {t('citySuggestion.publicPage', { city: city.name })}
            </a>
          </p>
        </>
      ) : suggestion?.status === 'pending' ? (
        <p class="panel panel-highlight" role="note">
          {t('citySuggestion.pendingNote', {
            when: formatInstant(suggestion.submittedAt, locale),
          })}{' '}
          <a href={`/workspace/cities/${city.slug}/suggestion`}>
            {t('citySuggestion.reviewLink', { city: city.name })}
          </a>
        </p>
      ) : null}
      {conflict ? <EditConflict ctx={ctx} saved={conflict} yours={values} label={label} /> : null}
      <Form
        ctx={ctx}
        action={`/workspace/cities/${city.slug}`}
        values={values}
        class="city-facts-form"
      >
        <VersionField version={version} />
        <fieldset class="field">
          <legend>{t(partner ? 'citySuggestion.texts' : 'workspace.cities.names')}</legend>
          <p class="hint">
            {t(partner ? 'citySuggestion.textsHint' : 'workspace.cities.namesHint')}
          </p>
          {languages.map((lang) => (
            <div key={lang} class="locale-group">
              <TextField
                name={`name_${lang}`}
                label={label(`name_${lang}`)}
                optional={lang !== 'sv'}
                autocomplete="off"
              />
              <TextArea
                name={`description_${lang}`}
                label={label(`description_${lang}`)}
                optional
                rows={partner ? 5 : 3}
              />
            </div>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{t('workspace.cities.facts')}</legend>
          {partner ? null : (
            <TextField {...field('countryCode', 'hint')} width="short" autocomplete="off" />
          )}
          <TextField {...field('region')} optional />
          {partner
            ? null
            : (['latitude', 'longitude'] as const).map((name) => (
                <NumberField
                  key={name}
                  name={name}
                  label={label(name)}
                  hint={t('workspace.cities.field.coordinateHint')}
                  decimal
                  optional
                />
              ))}
          <NumberField {...field('population')} optional />
          <TextField {...field('website', 'hint')} type="url" autocomplete="url" optional />
        </fieldset>
        <fieldset class="field">
          <legend>{t('workspace.cities.contact')}</legend>
          <TextField {...field('contactName')} autocomplete="off" optional />
          <TextField {...field('contactEmail')} type="email" autocomplete="off" optional />
        </fieldset>
        <Button>{t(partner ? 'citySuggestion.send' : 'workspace.cities.save')}</Button>
      </Form>
    </TitledPage>
  );
}

/** Where the partner contact's suggestion stands, in words (none shows nothing). */
function SuggestionState({
  ctx,
  suggestion,
}: {
  ctx: PageContext;
  suggestion: CitySuggestion | null;
}) {
  const { t, locale } = ctx.i18n;
  if (!suggestion) return null;
  const when = (iso: string | null) => (iso ? formatInstant(iso, locale) : '');
  if (suggestion.status === 'pending')
    return (
      <p class="panel" role="status">
        {t('citySuggestion.state.pending', { when: when(suggestion.submittedAt) })}
      </p>
    );
  if (suggestion.status === 'returned')
    return (
      <div class="panel panel-highlight" role="status">
        <p>{t('citySuggestion.state.returned', { when: when(suggestion.reviewedAt) })}</p>
        <blockquote>
          <Content locale={locale}>{suggestion.comment ?? ''}</Content>
        </blockquote>
      </div>
    );
  return (
    <p class="panel" role="status">
      {t('citySuggestion.state.approved', { when: when(suggestion.reviewedAt) })}
    </p>
  );
}

/** One row of a review: a field, its published value and the suggested one. */
export interface ReviewRow {
  field: string;
  published: string;
  suggested: string;
}

/** A coordinator reviews a partner contact's suggestion: what changes, then approve or return. */
export function SuggestionReviewPage({
  ctx,
  city,
  suggestion,
  rows,
  values = {},
}: {
  ctx: PageContext;
  city: CityListEntry;
  suggestion: CitySuggestion;
  rows: ReviewRow[];
  values?: Record<string, string>;
}) {
  const { t, locale } = ctx.i18n;
  const title = t('citySuggestion.reviewTitle', { city: city.name });
  const empty = <em>{t('citySuggestion.empty')}</em>;
  const shown = (value: string) => (value.trim() === '' ? empty : value);
  return (
    <TitledPage
      ctx={ctx}
      title={title}
      back={{
        href: `/workspace/cities/${city.slug}`,
        label: t('citySuggestion.backToCity', { city: city.name }),
      }}
      lead={t('citySuggestion.reviewLead', {
        who: suggestion.submittedBy ?? '',
        when: formatInstant(suggestion.submittedAt, locale),
      })}
    >
      {/* One block per changed field (not a table): long descriptions stay readable at 320 px. */}
      <h2>{t('citySuggestion.changesCaption')}</h2>
      <ul class="suggestion-changes">
        {rows.map((r) => (
          <li key={r.field}>
            <h3>{cityFieldLabel(ctx, r.field)}</h3>
            <dl>
              <dt>{t('citySuggestion.col.published')}</dt>
              <dd>{shown(r.published)}</dd>
              <dt>{t('citySuggestion.col.suggested')}</dt>
              <dd>{shown(r.suggested)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <h2>{t('citySuggestion.verdict')}</h2>
      <Form ctx={ctx} action={`/workspace/cities/${city.slug}/suggestion/approve`}>
        <VersionField version={suggestion.version} />
        <p>{t('citySuggestion.approveHint')}</p>
        <Button>{t('citySuggestion.approve')}</Button>
      </Form>
      <Form
        ctx={ctx}
        action={`/workspace/cities/${city.slug}/suggestion/return`}
        values={values}
        class="panel suggestion-return"
      >
        <VersionField version={suggestion.version} />
        <TextArea
          name="comment"
          label={t('citySuggestion.comment')}
          hint={t('citySuggestion.commentHint')}
          rows={4}
        />
        <Button variant="secondary">{t('citySuggestion.return')}</Button>
      </Form>
    </TitledPage>
  );
}
