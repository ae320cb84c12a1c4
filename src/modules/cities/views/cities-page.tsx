import type { PageContext } from '../../../platform/page-context.ts';
import { CityName, countryName } from '../../../ui/components/city-name.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { NordicMap } from '../map.tsx';
import { type Chain, type City, hostCycleYears, localized } from '../city.service.ts';

export function CitiesPage({
  ctx,
  cities,
  chain,
}: {
  ctx: PageContext;
  cities: City[];
  chain: Chain | null;
}) {
  const { t, locale, intl } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('cities.title')} section="cities">
      <h1>{t('cities.title')}</h1>
      <p class="lead">{t('cities.lead')}</p>
      {cities.length === 0 ? (
        <p>{t('cities.empty')}</p>
      ) : (
        <ul class="card-list">
          {cities.map((city) => (
            <li class="card" key={city.slug}>
              <h2 class="card-title">
                <a href={`/cities/${city.slug}`}>
                  <CityName city={city} locale={locale} />
                </a>
              </h2>
              <p class="card-meta">
                {countryName(city.countryCode, intl)} · {t(`kind.${city.kind}`)}
                {city.sinceYear ? ` · ${t('cities.table.since')} ${city.sinceYear}` : ''}
              </p>
              <p>
                <span class={`tag tag-${city.status}`}>{t(`status.${city.status}`)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {chain ? (
        <section aria-labelledby="chain-heading">
          <h2 id="chain-heading">{t('cities.chainTitle')}</h2>
          <p>
            {t('cities.chainText', {
              members: chain.members.length,
              interval: chain.intervalYears,
              cycle: hostCycleYears(chain),
            })}
          </p>
          <NordicMap
            cities={chain.members.flatMap(({ city }) => {
              if (!city.coordinates) return [];
              const text = localized(city, locale);
              return [
                {
                  slug: city.slug,
                  name: text.name,
                  lang: text.lang === locale ? undefined : text.lang,
                  latitude: city.coordinates.latitude,
                  longitude: city.coordinates.longitude,
                  kind: city.kind,
                  href: `/cities/${city.slug}`,
                  country: countryName(city.countryCode, intl),
                },
              ];
            })}
            chainOrder={chain.members.map((m) => m.city.slug)}
            title={t('cities.mapTitle')}
            description={t('cities.mapDescription')}
            locale={locale}
          />
        </section>
      ) : null}
    </Layout>
  );
}
