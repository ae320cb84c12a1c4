import type { ComponentChildren } from 'preact';
import { ALL_LOCALES, LOCALES } from '../../../platform/i18n/locales.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange } from '../../../shared/dates.ts';
import { intlCache } from '../../../shared/intl.ts';
import { countryName } from '../../cities/index.ts';
import { langAttr } from '../../../ui/content.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { DataTable } from '../../../ui/table.tsx';
import type { StatusChange } from '../../decisions/index.ts';
import { RotationWarning } from '../../decisions/index.ts';
import { CityTimeline } from '../../decisions/index.ts';
import type { Meeting } from '../../meetings/index.ts';
import { type Chain, type City, localized } from '../../cities/index.ts';
import { CityCollaborations, type CityCollaboration } from '../../collaborations/index.ts';

interface Props {
  ctx: PageContext;
  city: City;
  chain: Chain | null;
  meetings: Meeting[];
  /** The city's status changes, oldest first. */
  history: StatusChange[];
  /** The city's public collaborations (newest first, a few). */
  collaborations?: CityCollaboration[];
  /** Sections other modules add about the city (linked news), through the related-content port. */
  related?: ComponentChildren;
}

export function CityPage({ ctx, city, chain, meetings, history, collaborations, related }: Props) {
  const { t, locale, intl, formatNumber } = ctx.i18n;
  const text = localized(city, locale);
  const position = chain?.members.find((m) => m.city.id === city.id)?.position;
  const hosted = meetings.filter((m) => m.host.id === city.id).sort((a, b) => b.year - a.year);
  const name = text.name;
  return (
    <Layout ctx={ctx} title={name} section="cities">
      <p class="breadcrumb">
        <a href="/cities">{t('city.back')}</a>
      </p>
      <h1 lang={text.lang === locale ? undefined : text.lang}>{name}</h1>
      <p class="card-meta">
        <span class={`tag tag-${city.status}`}>{t(`status.${city.status}`)}</span>{' '}
        {t(`kind.${city.kind}`)}
        {position ? ` · ${t('city.chainPosition', { position })}` : ''}
      </p>
      {position ? <RotationWarning chain={chain} i18n={ctx.i18n} /> : null}
      {text.description ? (
        <p class="lead" lang={text.lang === locale ? undefined : text.lang}>
          {text.description}
        </p>
      ) : null}

      <div class="columns">
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">{t('city.facts')}</h2>
          <dl class="facts">
            <dt>{t('city.country')}</dt>
            <dd>{countryName(city.countryCode, intl)}</dd>
            {city.region ? (
              <>
                <dt>{t('city.region')}</dt>
                {/* The register's staff write the region in Swedish ("Egentliga Finland"). */}
                <dd lang={langAttr(locale)}>{city.region}</dd>
              </>
            ) : null}
            <dt>{t('city.kind')}</dt>
            <dd>{t(`kind.${city.kind}`)}</dd>
            <dt>{t('city.status')}</dt>
            <dd>{t(`status.${city.status}`)}</dd>
            {city.sinceYear ? (
              <>
                <dt>{t('city.since')}</dt>
                <dd>{city.sinceYear}</dd>
              </>
            ) : null}
            {city.population ? (
              <>
                <dt>{t('city.population')}</dt>
                <dd>{formatNumber(city.population)}</dd>
              </>
            ) : null}
            {city.coordinates ? (
              <>
                <dt>{t('city.coordinates')}</dt>
                <dd>
                  {formatCoordinate(city.coordinates.latitude, 'N', 'S', intl)},{' '}
                  {formatCoordinate(city.coordinates.longitude, 'E', 'W', intl)}
                </dd>
              </>
            ) : null}
            {city.website ? (
              <>
                <dt>{t('city.website')}</dt>
                <dd>
                  <a href={city.website} rel="external">
                    {city.website.replace(/^https?:\/\//, '')}
                  </a>
                </dd>
              </>
            ) : null}
            {city.contact ? (
              <>
                <dt>{t('city.contact')}</dt>
                <dd>
                  {city.contact.name}
                  {city.contact.name && city.contact.email ? <br /> : null}
                  {city.contact.email ? (
                    <a href={`mailto:${city.contact.email}`}>{city.contact.email}</a>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="names-heading">
          <h2 id="names-heading">{t('city.names')}</h2>
          <dl class="facts">
            {ALL_LOCALES.filter((l) => city.texts[l]).map((l) => (
              <>
                <dt lang={l}>{LOCALES[l].name}</dt>
                <dd lang={l}>{city.texts[l]?.name}</dd>
              </>
            ))}
          </dl>
        </section>
      </div>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline.title')}</h2>
        <p>{t('timeline.lead', { city: name })}</p>
        <CityTimeline
          i18n={ctx.i18n}
          cityName={name}
          history={history}
          meetings={meetings.filter((m) => m.host.id === city.id)}
        />
      </section>

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{t('city.meetingsTitle', { city: name })}</h2>
        <DataTable
          caption={t('city.meetingsTitle', { city: name })}
          captionHidden
          rows={hosted}
          empty={t('city.meetingsEmpty', { city: name })}
          columns={[
            {
              header: t('meeting.table.year'),
              rowHeader: true,
              cell: (m) => <a href={`/meetings/${m.id}`}>{m.year}</a>,
            },
            {
              header: t('meeting.table.dates'),
              cell: (m) =>
                m.startDate
                  ? formatDateRange(m.startDate, m.endDate, intl)
                  : t('meeting.datesUnknown'),
            },
            { header: t('meeting.table.status'), cell: (m) => t(`meetingStatus.${m.status}`) },
          ]}
        />
      </section>
      {collaborations ? (
        <CityCollaborations ctx={ctx} city={city} collaborations={collaborations} />
      ) : null}
      {related}
    </Layout>
  );
}

function formatCoordinate(value: number, pos: string, neg: string, intl: string): string {
  const n = intlCache.coordinateFormat(intl).format(Math.abs(value));
  return `${n}° ${value >= 0 ? pos : neg}`;
}
