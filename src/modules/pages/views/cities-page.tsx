import type { PlainKey } from '../../../platform/i18n/i18n.ts';
import type { PageContext } from '../../../platform/page-context.ts';
import { countryName } from '../../cities/index.ts';
import { CityCard } from './city-card.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { RotationWarning } from '../../decisions/index.ts';
import { NordicMap } from '../../cities/index.ts';
import {
  type Chain,
  type City,
  type CityStatus,
  hostCycleYears,
  localized,
} from '../../cities/index.ts';

/** The order partner cities are grouped in: the living relations first. */
const PARTNER_GROUPS: readonly CityStatus[] = ['active', 'proposed', 'dormant', 'ended'];

function StatusCard({ ctx, city }: { ctx: PageContext; city: City }) {
  const { t } = ctx.i18n;
  return (
    <CityCard ctx={ctx} city={city}>
      <p>
        <span class={`tag tag-${city.status}`}>{t(`status.${city.status}`)}</span>
      </p>
    </CityCard>
  );
}

export function CitiesPage({
  ctx,
  cities,
  chain,
}: {
  ctx: PageContext;
  cities: readonly City[];
  chain: Chain | null;
}) {
  const { t, locale, intl } = ctx.i18n;
  const twins = cities.filter((c) => c.kind !== 'partner');
  const partners = cities.filter((c) => c.kind === 'partner');
  return (
    <Layout ctx={ctx} title={t('cities.title')} section="cities">
      <h1>{t('cities.title')}</h1>
      <p class="lead">{t('cities.lead')}</p>
      <RotationWarning chain={chain} i18n={ctx.i18n} />
      {cities.length === 0 ? (
        <p>{t('cities.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="twins-heading">
            <h2 id="twins-heading">{t('cities.twinsTitle')}</h2>
            <ul class="card-list">
              {twins.map((city) => (
                <StatusCard ctx={ctx} city={city} key={city.slug} />
              ))}
            </ul>
          </section>
          {partners.length > 0 ? (
            <section aria-labelledby="partners-heading">
              <h2 id="partners-heading">{t('cities.partnersTitle')}</h2>
              <p>{t('cities.partnersLead')}</p>
              {PARTNER_GROUPS.map((status) => {
                const group = partners.filter((c) => c.status === status);
                if (group.length === 0) return null;
                const heading = `partners-${status}-heading`;
                return (
                  <section aria-labelledby={heading} key={status}>
                    <h3 id={heading}>
                      {t(`cities.partnerGroup.${status}` as PlainKey)} ({group.length})
                    </h3>
                    <ul class="card-list">
                      {group.map((city) => (
                        <StatusCard ctx={ctx} city={city} key={city.slug} />
                      ))}
                    </ul>
                  </section>
                );
              })}
            </section>
          ) : null}
        </>
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
