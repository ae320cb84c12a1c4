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

const cityName = (city: City | undefined, slug: string, locale: Locale) => {
  if (!city) return { text: slug, lang: 'sv' as Locale };
  const l = localized(city, locale);
  return { text: l.name, lang: l.lang };
};

// ---- cities

export const CITY_CSV_HEADER = [
  'slug',
  'kind',
  'status',
  'name',
  'name_lang',
  'name_sv',
  'name_en',
  'name_da',
  'name_nb',
  'name_fi',
  'description',
  'description_lang',
  'country_code',
  'region',
  'latitude',
  'longitude',
  'population',
  'website',
  'since_year',
] as const;

export function cityCsvRow(city: City, locale: Locale): string {
  const names = Object.fromEntries(Object.entries(city.texts).map(([l, t]) => [l, t.name]));
  const descriptions = Object.fromEntries(
    Object.entries(city.texts).map(([l, t]) => [l, t.description]),
  );
  const name = translated(names, locale);
  const description = translated(descriptions, locale);
  return csvRow([
    city.slug,
    city.kind,
    city.status,
    name?.text ?? city.slug,
    name?.lang ?? 'sv',
    city.texts.sv?.name,
    city.texts.en?.name,
    city.texts.da?.name,
    city.texts.nb?.name,
    city.texts.fi?.name,
    description?.text,
    description?.lang,
    city.countryCode,
    city.region,
    city.coordinates?.latitude,
    city.coordinates?.longitude,
    city.population,
    city.website,
    city.sinceYear,
  ]);
}

// ---- decisions

export const DECISION_CSV_HEADER = [
  'id',
  'body',
  'meeting_date',
  'section',
  'case_number',
  'title',
  'outcome',
  'final_on',
  'historical',
  'supersedes_id',
  'link',
] as const;

export function decisionCsvRow(d: CouncilDecision): string {
  return csvRow([
    d.id,
    d.body,
    d.meetingDate,
    d.section,
    d.caseNumber,
    d.title,
    d.outcome,
    d.finalOn,
    d.historical,
    d.supersedesId,
    d.link,
  ]);
}

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

export const MEETING_CSV_HEADER = [
  'id',
  'year',
  'host_city',
  'host_city_name',
  'start_date',
  'end_date',
  'venue',
  'theme',
  'status',
  'status_reason',
  'original_year',
  'updated_at',
] as const;

export function meetingCsvRow(m: Meeting, locale: Locale): string {
  return csvRow([
    m.id,
    m.year,
    m.host.slug,
    cityName(m.host, m.host.slug, locale).text,
    m.startDate,
    m.endDate,
    m.venue,
    m.theme,
    m.status,
    m.statusReason,
    m.originalYear,
    m.updatedAt,
  ]);
}

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

export const EXCHANGE_CSV_HEADER = [
  'id',
  'occurred_on',
  'city',
  'city_name',
  'direction',
  'participants',
  'organisation',
  'organisation_name',
  'collaboration_id',
  'collaboration_title',
  'activities',
  'learnings',
  'published_at',
] as const;

export function exchangeCsvRow(
  e: Exchange,
  cities: ReadonlyMap<string, City>,
  locale: Locale,
): string {
  return csvRow([
    e.id,
    e.occurredOn,
    e.city.slug,
    cityName(cities.get(e.city.id), e.city.slug, locale).text,
    e.direction,
    e.participants,
    e.organisation.slug,
    e.organisation.name,
    e.collaboration?.id,
    e.collaboration?.title,
    e.activities,
    e.learnings,
    e.publishedAt,
  ]);
}

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

export const NEWS_CSV_HEADER = [
  'id',
  'published_at',
  'updated_at',
  'lang',
  'title',
  'summary',
  'body_markdown',
  'languages',
] as const;

export function newsCsvRow(n: PublishedNews, locale: Locale): string {
  const v = newsVersion(n, locale);
  return csvRow([
    n.id,
    n.publishedAt,
    n.updatedAt,
    v.lang,
    v.title,
    v.summary,
    v.bodyMarkdown,
    languagesOf(n).join(' '),
  ]);
}
