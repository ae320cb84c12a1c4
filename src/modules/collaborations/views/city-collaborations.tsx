import type { PageContext } from '../../../platform/page-context.ts';
import { type City, localized } from '../../cities/index.ts';
import { Content } from '../../../ui/content.tsx';
import { period } from './parts.tsx';

export interface CityCollaboration {
  id: string;
  title: string;
  organisation_name: string;
  starts_on: string;
  ends_on: string | null;
}

/** A few lines on the city page: its public collaborations and a link to all of them. */
export function CityCollaborations({
  ctx,
  city,
  collaborations,
}: {
  ctx: PageContext;
  city: City;
  collaborations: CityCollaboration[];
}) {
  const { t, locale } = ctx.i18n;
  const name = localized(city, locale).name;
  return (
    <section aria-labelledby="collaborations-heading">
      <h2 id="collaborations-heading">{t('collab.city.title', { city: name })}</h2>
      {collaborations.length === 0 ? (
        <p>{t('collab.city.none')}</p>
      ) : (
        <ul>
          {collaborations.map((c) => (
            <li key={c.id}>
              <a href={`/collaborations/${c.id}`}>
                <Content locale={locale}>{c.title}</Content>
              </a>{' '}
              – <Content locale={locale}>{c.organisation_name}</Content>,{' '}
              {period(ctx.i18n, c.starts_on, c.ends_on)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/collaborations?city=${encodeURIComponent(city.slug)}`}>
          {t('collab.city.all', { city: name })}
        </a>
      </p>
    </section>
  );
}
