import type { Db } from '../../db/database.ts';
import { cacheKey, cachedRead } from '../../platform/read-cache.ts';
import { currentYear, gothenburgDay, stockholmDayStart } from '../../shared/dates.ts';
import { getChain, listCities, type City } from '../cities/index.ts';
import {
  collaborationFigures,
  exchangeFigures,
  type CollaborationFigures,
  type ExchangeFigures,
} from '../collaborations/index.ts';
import { decisionFigures, type DecisionFigures } from '../decisions/index.ts';
import { meetingFigures, type MeetingFigures } from '../meetings/index.ts';
import { countPublishedNews } from '../news/index.ts';
import { citiesErrors } from '../cities/index.ts';
import { overviewErrors } from './errors.ts';

/** Twin-city cooperation began in 1946 (the policy, P1): the first year an overview shows. */
export const FIRST_YEAR = 1946;

/** The years an overview exists for: 1946 to the current year, newest first. */
export function overviewYears(now: Date = new Date()): number[] {
  const last = currentYear(now);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/**
 * A year from an address: four digits between 1946 and the current year, else the
 * overview's 404 (a page like every other not-found page).
 */
export function parseOverviewYear(text: string, now: Date = new Date()): number {
  if (!/^\d{4}$/.test(text)) throw overviewErrors.overviewYearNotFound(text);
  const year = Number(text);
  if (year < FIRST_YEAR || year > currentYear(now)) throw overviewErrors.overviewYearNotFound(text);
  return year;
}

/** Everything the overview of one year (and optionally one twin city) shows. */
export interface YearOverview {
  year: number;
  /** The last day counted: 31 December, or today in the current year. */
  asOf: string;
  /** The twin city of a city's overview, or null for the whole of the city's work. */
  city: City | null;
  /** The chain's twin cities (Gothenburg's partners in the chain), in rotation order. */
  twinCities: City[];
  collaborations: CollaborationFigures;
  exchanges: ExchangeFigures;
  meetings: MeetingFigures;
  decisions: DecisionFigures;
  /** News published on the portal in the year (all of it: news is not counted per city). */
  news: number;
  /** False when nothing at all is recorded for the year (the page says so). */
  hasActivity: boolean;
}

/** The chain's twin cities (every member but the home city). */
export async function twinCities(db: Db): Promise<City[]> {
  const chain = await getChain(db);
  return chain ? chain.members.map((m) => m.city).filter((c) => c.kind !== 'home') : [];
}

/**
 * The figures of a year, for all twin cities or one (`citySlug`, which must be a twin city
 * of the chain, else CITY_NOT_FOUND). Public records only. Computed once per generation of
 * the public data (every write to a table a public page reads changes it), so a visit
 * after a write always sees the write.
 */
export async function yearOverview(
  db: Db,
  year: number,
  citySlug: string | null,
  now: Date = new Date(),
): Promise<YearOverview> {
  const today = gothenburgDay(now);
  const to = `${year}-12-31`;
  const asOf = today < to ? today : to;
  return cachedRead(
    db.kysely,
    'public',
    cacheKey('overview', String(year), citySlug ?? '', asOf),
    async () => {
      const chain = await getChain(db, await listCities(db));
      const twins = chain ? chain.members.map((m) => m.city).filter((c) => c.kind !== 'home') : [];
      const city = citySlug === null ? null : (twins.find((c) => c.slug === citySlug) ?? null);
      if (citySlug !== null && !city) throw citiesErrors.cityNotFound(citySlug);
      const window = { from: `${year}-01-01`, to, asOf, cityId: city?.id };
      const [collaborations, exchanges, meetings, decisions, news] = await Promise.all([
        collaborationFigures(db, window),
        exchangeFigures(db, window),
        chain
          ? meetingFigures(db, chain, year)
          : Promise.resolve({
              meetings: [],
              seminars: 0,
              outcomes: [],
              outcomesTotal: 0,
              followedUpTotal: 0,
            }),
        decisionFigures(db, year, city?.id),
        // On a twin city's overview: the news linked to that city.
        countPublishedNews(db.kysely, {
          since: stockholmDayStart(`${year}-01-01`),
          until: stockholmDayStart(`${year + 1}-01-01`),
          ...(city ? { cityId: city.id } : {}),
        }),
      ]);
      const hasActivity =
        collaborations.total + exchanges.total + meetings.meetings.length + decisions.total + news >
        0;
      return {
        year,
        asOf,
        city,
        twinCities: twins,
        collaborations,
        exchanges,
        meetings,
        decisions,
        news,
        hasActivity,
      };
    },
  );
}
