import type { JSX } from 'preact';
import type { PageContext } from '../../../platform/page-context.ts';
import { formatDateRange } from '../../../shared/dates.ts';
import { CityCard } from './city-card.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { type City, localized } from '../../cities/index.ts';
import type { Meeting, NextMeeting } from '../../meetings/index.ts';

interface Props {
  ctx: PageContext;
  cities: readonly City[];
  next: NextMeeting | null;
  last: Meeting | null;
  /** Sections other modules add (the latest news), through the related-content port. */
  related?: readonly JSX.Element[];
}

export function HomePage({ ctx, cities, next, last, related = [] }: Props) {
  const { t, locale, intl } = ctx.i18n;
  const chainCities = cities.filter((c) => c.kind === 'home' || c.kind === 'twin');
  return (
    <Layout ctx={ctx} title={t('home.title')} section="home">
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>

      <div class="columns">
        <section aria-labelledby="next-heading" class="panel panel-highlight">
          <h2 id="next-heading">{t('home.nextTitle')}</h2>
          {next ? (
            next.meeting ? (
              <p>
                <strong>
                  <a href={`/meetings/${next.meeting.id}`}>
                    {t('home.nextPlanned', {
                      year: next.year,
                      city: localized(next.host, locale).name,
                    })}
                  </a>
                </strong>
                {next.meeting.startDate ? (
                  <>
                    <br />
                    {formatDateRange(next.meeting.startDate, next.meeting.endDate, intl)}
                  </>
                ) : null}
              </p>
            ) : (
              <p>
                <strong class="big-year">{next.year}</strong>
                {t('home.nextForecast', {
                  year: next.year,
                  city: localized(next.host, locale).name,
                })}{' '}
                <a href="/meetings">{t('home.allMeetings')}</a>
              </p>
            )
          ) : (
            <p>{t('home.nextUnknown')}</p>
          )}
          {last ? (
            <>
              <h3>{t('home.lastTitle')}</h3>
              <p>
                <a href={`/meetings/${last.id}`}>
                  {t('home.lastMeeting', {
                    city: localized(last.host, locale).name,
                    dates: last.startDate
                      ? formatDateRange(last.startDate, last.endDate, intl)
                      : String(last.year),
                  })}
                </a>
              </p>
              <p>
                <a href="/meetings">{t('home.allMeetings')}</a>
              </p>
            </>
          ) : null}
        </section>

        <section aria-labelledby="how-heading" class="panel">
          <h2 id="how-heading">{t('home.howTitle')}</h2>
          <ul>
            <li>{t('home.how1')}</li>
            <li>{t('home.how2')}</li>
            <li>{t('home.how3')}</li>
          </ul>
          <p>
            <a href="/policy">{t('home.readPolicy')}</a>
          </p>
        </section>
      </div>

      <section aria-labelledby="cities-heading">
        <h2 id="cities-heading">{t('home.citiesTitle')}</h2>
        <ul class="card-list">
          {chainCities.map((city) => {
            const text = localized(city, locale);
            return (
              <CityCard ctx={ctx} city={city} key={city.slug}>
                {text.description ? (
                  <p lang={text.lang === locale ? undefined : text.lang}>{text.description}</p>
                ) : null}
              </CityCard>
            );
          })}
        </ul>
      </section>
      {related}
    </Layout>
  );
}
