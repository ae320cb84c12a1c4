/**
 * The open lists' rows: JSON through the schemas in opendata.schema.ts, CSV as RFC 4180
 * lines (CRLF, quoted when needed). Only the fields the public pages show: never a contact,
 * an e-mail address, a review state, who registered something, or anything internal.
 */
import type { z } from 'zod';
import { translated } from '../../platform/i18n/api.ts';
import { ALL_LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { csvField } from '../../shared/csv.ts';
import { localized, type City } from '../cities/index.ts';
import type { Exchange } from '../collaborations/index.ts';
import type { CouncilDecision } from '../decisions/index.ts';
import type { Meeting } from '../meetings/index.ts';
import { newsVersion, type PublishedNews } from '../news/index.ts';
import type { exchangeJson, meetingJson, newsJson } from './opendata.schema.ts';

type Cell = string | number | boolean | null | undefined;

/**
 * One CSV line. Numbers are written as they are (a negative coordinate stays a number); text
 * goes through the shared field writer, which also defuses spreadsheet formulas.
 */
export function csvRow(values: readonly Cell[]): string {
  return values.map((v) => (typeof v === 'number' ? String(v) : csvField(v))).join(',') + '\r\n';
}

/** A CSV list's columns: the header line's names, and an item's line in the same order. */
export interface CsvColumns<T, C> {
  header: readonly string[];
  line: (item: T, context: C) => string;
}

/**
 * The columns of a CSV list from one table: each header name with how its cell is read from
 * an item (and the request's `context`, by default its language), so the two cannot drift.
 */
export function csvColumns<T, C = Locale>(
  cells: Record<string, (item: T, context: C) => Cell>,
): CsvColumns<T, C> {
  const read = Object.values(cells);
  return {
    header: Object.keys(cells),
    line: (item, context) => csvRow(read.map((cell) => cell(item, context))),
  };
}

const cityName = (city: City | undefined, slug: string, locale: Locale) => {
  if (!city) return { text: slug, lang: 'sv' as Locale };
  const l = localized(city, locale);
  return { text: l.name, lang: l.lang };
};

// ---- cities

/** The city's name or description in `locale` if it has one, else in Swedish. */
const cityText = (city: City, field: 'name' | 'description', locale: Locale) =>
  translated(Object.fromEntries(Object.entries(city.texts).map(([l, t]) => [l, t[field]])), locale);

export const CITY_CSV = csvColumns<City>({
  slug: (c) => c.slug,
  kind: (c) => c.kind,
  status: (c) => c.status,
  name: (c, locale) => cityText(c, 'name', locale)?.text ?? c.slug,
  name_lang: (c, locale) => cityText(c, 'name', locale)?.lang ?? 'sv',
  name_sv: (c) => c.texts.sv?.name,
  name_en: (c) => c.texts.en?.name,
  name_da: (c) => c.texts.da?.name,
  name_nb: (c) => c.texts.nb?.name,
  name_fi: (c) => c.texts.fi?.name,
  description: (c, locale) => cityText(c, 'description', locale)?.text,
  description_lang: (c, locale) => cityText(c, 'description', locale)?.lang,
  country_code: (c) => c.countryCode,
  region: (c) => c.region,
  latitude: (c) => c.coordinates?.latitude,
  longitude: (c) => c.coordinates?.longitude,
  population: (c) => c.population,
  website: (c) => c.website,
  since_year: (c) => c.sinceYear,
});

// ---- decisions

export const DECISION_CSV = csvColumns<CouncilDecision>({
  id: (d) => d.id,
  body: (d) => d.body,
  meeting_date: (d) => d.meetingDate,
  section: (d) => d.section,
  case_number: (d) => d.caseNumber,
  title: (d) => d.title,
  outcome: (d) => d.outcome,
  final_on: (d) => d.finalOn,
  historical: (d) => d.historical,
  supersedes_id: (d) => d.supersedesId,
  link: (d) => d.link,
});

// ---- meetings

export function presentMeeting(m: Meeting, locale: Locale): z.output<typeof meetingJson> {
  return {
    id: m.id,
    year: m.year,
    host: { slug: m.host.slug, name: cityName(m.host, m.host.slug, locale) },
    startDate: m.startDate,
    endDate: m.endDate,
    venue: m.venue,
    theme: m.theme,
    status: m.status,
    statusReason: m.statusReason,
    originalYear: m.originalYear,
    updatedAt: m.updatedAt,
    links: { html: `/meetings/${m.id}` },
  };
}

export const MEETING_CSV = csvColumns<Meeting>({
  id: (m) => m.id,
  year: (m) => m.year,
  host_city: (m) => m.host.slug,
  host_city_name: (m, locale) => cityName(m.host, m.host.slug, locale).text,
  start_date: (m) => m.startDate,
  end_date: (m) => m.endDate,
  venue: (m) => m.venue,
  theme: (m) => m.theme,
  status: (m) => m.status,
  status_reason: (m) => m.statusReason,
  original_year: (m) => m.originalYear,
  updated_at: (m) => m.updatedAt,
});

// ---- exchanges

export function presentExchange(
  e: Exchange,
  cities: ReadonlyMap<string, City>,
  locale: Locale,
): z.output<typeof exchangeJson> {
  return {
    id: e.id,
    occurredOn: e.occurredOn,
    city: { slug: e.city.slug, name: cityName(cities.get(e.city.id), e.city.slug, locale) },
    direction: e.direction,
    participants: e.participants,
    organisation: { slug: e.organisation.slug, name: e.organisation.name },
    collaboration: e.collaboration
      ? { id: e.collaboration.id, title: e.collaboration.title }
      : null,
    activities: e.activities,
    learnings: e.learnings,
    publishedAt: e.publishedAt,
  };
}

/** What an exchange's CSV line reads besides the exchange: the cities by id, the language. */
export interface ExchangeCsvContext {
  cities: ReadonlyMap<string, City>;
  locale: Locale;
}

export const EXCHANGE_CSV = csvColumns<Exchange, ExchangeCsvContext>({
  id: (e) => e.id,
  occurred_on: (e) => e.occurredOn,
  city: (e) => e.city.slug,
  city_name: (e, { cities, locale }) => cityName(cities.get(e.city.id), e.city.slug, locale).text,
  direction: (e) => e.direction,
  participants: (e) => e.participants,
  organisation: (e) => e.organisation.slug,
  organisation_name: (e) => e.organisation.name,
  collaboration_id: (e) => e.collaboration?.id,
  collaboration_title: (e) => e.collaboration?.title,
  activities: (e) => e.activities,
  learnings: (e) => e.learnings,
  published_at: (e) => e.publishedAt,
});

// ---- news

/** The languages an item is written in, in the portal's order (Swedish first). */
const languagesOf = (n: PublishedNews): Locale[] =>
  ALL_LOCALES.filter((l) => n.versions.some((v) => v.lang === l));

export function presentNews(n: PublishedNews, locale: Locale): z.output<typeof newsJson> {
  const v = newsVersion(n, locale);
  return {
    id: n.id,
    publishedAt: n.publishedAt,
    updatedAt: n.updatedAt,
    lang: v.lang,
    title: v.title,
    summary: v.summary,
    bodyHtml: v.bodyHtml,
    bodyMarkdown: v.bodyMarkdown,
    languages: languagesOf(n),
    about: n.links.map((l) => ({ kind: l.kind, id: l.id })),
    links: { html: `/news/${n.id}` },
  };
}

export const NEWS_CSV = csvColumns<PublishedNews>({
  id: (n) => n.id,
  published_at: (n) => n.publishedAt,
  updated_at: (n) => n.updatedAt,
  lang: (n, locale) => newsVersion(n, locale).lang,
  title: (n, locale) => newsVersion(n, locale).title,
  summary: (n, locale) => newsVersion(n, locale).summary,
  body_markdown: (n, locale) => newsVersion(n, locale).bodyMarkdown,
  languages: (n) => languagesOf(n).join(' '),
});
