import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { CityName, countryName, type City } from '../../cities/index.ts';

/** A city in a list of cards: its name as a link, its country, kind and year; then `children`. */
export function CityCard({
  ctx,
  city,
  children,
}: {
  ctx: PageContext;
  city: City;
  children?: ComponentChildren;
}) {
  const { t, locale, intl } = ctx.i18n;
  return (
    <li class="card">
      <h3 class="card-title">
        <a href={`/cities/${city.slug}`}>
          <CityName city={city} locale={locale} />
        </a>
      </h3>
      <p class="card-meta">
        {countryName(city.countryCode, intl)} · {t(`kind.${city.kind}`)}
        {city.sinceYear ? ` · ${t('cities.table.since')} ${city.sinceYear}` : ''}
      </p>
      {children}
    </li>
  );
}
