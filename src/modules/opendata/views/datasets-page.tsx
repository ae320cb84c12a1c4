import type { PageContext } from '../../../platform/page-context.ts';
import { formatPlainDate, TIME_ZONE } from '../../../shared/dates.ts';
import { TitledPage } from '../../../ui/titled-page.tsx';
import { DATASETS, type DatasetKey } from '../datasets.ts';

const stockholmDate = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(new Date(iso));

/** A download in the page's language: names in CSV and JSON come in it (`?lang=`). */
const download = (path: string, locale: string) =>
  locale === 'sv' ? path : `${path}?lang=${locale}`;

/** `/datasets`: every open dataset with its downloads, and the catalogue for data portals. */
export function DatasetsPage({
  ctx,
  modified,
  catalogueUrl,
  contactEmail,
}: {
  ctx: PageContext;
  modified: Readonly<Record<DatasetKey, string | null>>;
  catalogueUrl: string;
  contactEmail: string;
}) {
  const { t, locale } = ctx.i18n;
  return (
    <TitledPage ctx={ctx} title={t('datasets.title')} section="datasets" lead={t('datasets.lead')}>
      <ul class="dataset-list">
        {DATASETS.map((d) => {
          const changed = modified[d.key];
          return (
            <li id={d.key} class="dataset">
              <h2>{t(`datasets.${d.key}.title`)}</h2>
              <p>{t(`datasets.${d.key}.text`)}</p>
              <p class="dataset-meta">
                {changed
                  ? t('datasets.modified', {
                      date: formatPlainDate(stockholmDate(changed), locale),
                    })
                  : t('datasets.noData')}{' '}
                {t(d.licence === 'CC0' ? 'datasets.licence.cc0' : 'datasets.licence.ccBy')}
              </p>
              <ul class="dataset-links">
                <li>
                  <a href={download(d.csv, locale)} download>
                    {t('datasets.csv', { title: t(`datasets.${d.key}.title`) })}
                  </a>
                </li>
                <li>
                  <a href={download(d.json, locale)}>
                    {t('datasets.json', { title: t(`datasets.${d.key}.title`) })}
                  </a>
                </li>
              </ul>
            </li>
          );
        })}
      </ul>
      <h2>{t('datasets.catalogue.heading')}</h2>
      <p>{t('datasets.catalogue.text')}</p>
      <p class="dataset-url">
        <a href={catalogueUrl}>{catalogueUrl}</a>
      </p>
      <h2>{t('datasets.api.heading')}</h2>
      <p>
        {t('datasets.api.text')} <a href="/api/docs">{t('datasets.api.link')}</a>
      </p>
      <h2 id="contact">{t('datasets.contact.heading')}</h2>
      <p class="dataset-url">
        {t('datasets.contact.text')} <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
      </p>
    </TitledPage>
  );
}
