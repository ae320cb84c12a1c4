import type { PageContext } from '../../../platform/page-context.ts';
import { ALL_LOCALES, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../../ui/form.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TextArea } from '../../decisions/views/workspace-fields.tsx';
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
    <Layout ctx={ctx} title={t('workspace.cities.title')}>
      <h1>{t('workspace.cities.title')}</h1>
      <p class="lead">{t('workspace.cities.lead')}</p>
      <div class="table-wrap">
        <table>
          <caption>{t('workspace.cities.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.cities.col.name')}</th>
              <th scope="col">{t('workspace.cities.col.kind')}</th>
              <th scope="col">{t('workspace.cities.col.status')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('workspace.cities.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cities.map((c) => (
              <tr key={c.slug}>
                <th scope="row">
                  <a href={`/cities/${c.slug}`}>{c.name}</a>
                </th>
                <td>{t(`kind.${c.kind}`)}</td>
                <td>
                  <span class={`tag tag-${c.status}`}>{t(`status.${c.status}`)}</span>
                </td>
                <td>
                  <a href={`/workspace/cities/${c.slug}`}>
                    {t('workspace.cities.edit')}
                    <span class="visually-hidden">: {c.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

/** What the form shows and sends back: every field as typed. */
export interface CityFactsValues {
  names: Partial<Record<Locale, string>>;
  descriptions: Partial<Record<Locale, string>>;
  countryCode: string;
  region: string;
  latitude: string;
  longitude: string;
  population: string;
  website: string;
  contactName: string;
  contactEmail: string;
}

export function CityFactsFormPage({
  ctx,
  city,
  values,
  errors = {},
}: {
  ctx: PageContext;
  city: CityListEntry;
  values: CityFactsValues;
  errors?: FieldErrors;
}) {
  const { t } = ctx.i18n;
  const title = t('workspace.cities.editTitle', { city: city.name });
  // "svenska", "norskt bokmål" in Swedish; "Swedish", "Norwegian Bokmål" in English.
  const languageNames = new Intl.DisplayNames([LOCALES[ctx.i18n.locale].intl], {
    type: 'language',
  });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href="/workspace/cities">{t('workspace.cities.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {t('workspace.cities.statusNote', {
          status: t(`status.${city.status}`).toLowerCase(),
          kind: t(`kind.${city.kind}`).toLowerCase(),
        })}
      </p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={`/workspace/cities/${city.slug}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="field">
          <legend>{t('workspace.cities.names')}</legend>
          <p class="hint">{t('workspace.cities.namesHint')}</p>
          {ALL_LOCALES.map((lang) => {
            const language = languageNames.of(lang) ?? LOCALES[lang].name;
            return (
              <div key={lang} class="locale-group">
                <TextField
                  name={`name_${lang}`}
                  label={t('workspace.cities.field.name', { language })}
                  value={values.names[lang]}
                  error={errors[`name_${lang}`]}
                  required={lang === 'sv'}
                  autocomplete="off"
                />
                <TextArea
                  name={`description_${lang}`}
                  label={t('workspace.cities.field.description', { language })}
                  value={values.descriptions[lang]}
                  error={errors[`description_${lang}`]}
                  rows={3}
                />
              </div>
            );
          })}
        </fieldset>
        <fieldset class="field">
          <legend>{t('workspace.cities.facts')}</legend>
          <TextField
            name="countryCode"
            label={t('workspace.cities.field.countryCode')}
            hint={t('workspace.cities.field.countryCodeHint')}
            value={values.countryCode}
            error={errors.countryCode}
            width="short"
            autocomplete="off"
          />
          <TextField
            name="region"
            label={t('workspace.cities.field.region')}
            value={values.region}
            error={errors.region}
            autocomplete="off"
          />
          <TextField
            name="latitude"
            label={t('workspace.cities.field.latitude')}
            hint={t('workspace.cities.field.coordinateHint')}
            value={values.latitude}
            error={errors.latitude}
            width="short"
            autocomplete="off"
          />
          <TextField
            name="longitude"
            label={t('workspace.cities.field.longitude')}
            hint={t('workspace.cities.field.coordinateHint')}
            value={values.longitude}
            error={errors.longitude}
            width="short"
            autocomplete="off"
          />
          <TextField
            name="population"
            label={t('workspace.cities.field.population')}
            value={values.population}
            error={errors.population}
            width="short"
            autocomplete="off"
          />
          <TextField
            name="website"
            label={t('workspace.cities.field.website')}
            hint={t('workspace.cities.field.websiteHint')}
            value={values.website}
            error={errors.website}
            autocomplete="url"
          />
        </fieldset>
        <fieldset class="field">
          <legend>{t('workspace.cities.contact')}</legend>
          <TextField
            name="contactName"
            label={t('workspace.cities.field.contactName')}
            value={values.contactName}
            error={errors.contactName}
            autocomplete="off"
          />
          <TextField
            name="contactEmail"
            label={t('workspace.cities.field.contactEmail')}
            type="email"
            value={values.contactEmail}
            error={errors.contactEmail}
            autocomplete="off"
          />
        </fieldset>
        <Button>{t('workspace.cities.save')}</Button>
      </form>
    </Layout>
  );
}
