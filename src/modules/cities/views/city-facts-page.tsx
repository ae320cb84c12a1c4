import type { PageContext } from '../../../platform/page-context.ts';
import { ALL_LOCALES, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { Button, Form, NumberField, TextArea, TextField } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { DataTable, RowLink } from '../../../ui/table.tsx';
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
      <DataTable
        caption={t('workspace.cities.caption')}
        rows={cities}
        rowKey={(c) => c.slug}
        columns={[
          {
            header: t('workspace.cities.col.name'),
            rowHeader: true,
            cell: (c) => <a href={`/cities/${c.slug}`}>{c.name}</a>,
          },
          { header: t('workspace.cities.col.kind'), cell: (c) => t(`kind.${c.kind}`) },
          {
            header: t('workspace.cities.col.status'),
            cell: (c) => <span class={`tag tag-${c.status}`}>{t(`status.${c.status}`)}</span>,
          },
          {
            header: t('workspace.cities.edit'),
            hiddenHeader: true,
            cell: (c) => (
              <RowLink
                href={`/workspace/cities/${c.slug}`}
                label={t('workspace.cities.edit')}
                name={c.name}
              />
            ),
          },
        ]}
      />
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
}: {
  ctx: PageContext;
  city: CityListEntry;
  values: CityFactsValues;
}) {
  const { t } = ctx.i18n;
  const title = t('workspace.cities.editTitle', { city: city.name });
  // "svenska", "norskt bokmål" in Swedish; "Swedish", "Norwegian Bokmål" in English.
  const languageNames = new Intl.DisplayNames([LOCALES[ctx.i18n.locale].intl], {
    type: 'language',
  });
  // The form's fields by name: one name and description field per language.
  const fields: Record<string, string | undefined> = {
    countryCode: values.countryCode,
    region: values.region,
    latitude: values.latitude,
    longitude: values.longitude,
    population: values.population,
    website: values.website,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
  };
  for (const lang of ALL_LOCALES) {
    fields[`name_${lang}`] = values.names[lang];
    fields[`description_${lang}`] = values.descriptions[lang];
  }
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
      <Form ctx={ctx} action={`/workspace/cities/${city.slug}`} values={fields}>
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
                  optional={lang !== 'sv'}
                  autocomplete="off"
                />
                <TextArea
                  name={`description_${lang}`}
                  label={t('workspace.cities.field.description', { language })}
                  optional
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
            width="short"
            autocomplete="off"
          />
          <TextField name="region" label={t('workspace.cities.field.region')} optional />
          <NumberField
            name="latitude"
            label={t('workspace.cities.field.latitude')}
            hint={t('workspace.cities.field.coordinateHint')}
            decimal
            optional
          />
          <NumberField
            name="longitude"
            label={t('workspace.cities.field.longitude')}
            hint={t('workspace.cities.field.coordinateHint')}
            decimal
            optional
          />
          <NumberField name="population" label={t('workspace.cities.field.population')} optional />
          <TextField
            name="website"
            label={t('workspace.cities.field.website')}
            hint={t('workspace.cities.field.websiteHint')}
            type="url"
            autocomplete="url"
            optional
          />
        </fieldset>
        <fieldset class="field">
          <legend>{t('workspace.cities.contact')}</legend>
          <TextField
            name="contactName"
            label={t('workspace.cities.field.contactName')}
            autocomplete="off"
            optional
          />
          <TextField
            name="contactEmail"
            label={t('workspace.cities.field.contactEmail')}
            type="email"
            autocomplete="off"
            optional
          />
        </fieldset>
        <Button>{t('workspace.cities.save')}</Button>
      </Form>
    </Layout>
  );
}
