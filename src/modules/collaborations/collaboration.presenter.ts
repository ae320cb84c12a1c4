import { translated, type TranslatedText } from '../../platform/i18n/api.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { csvLine } from '../../shared/csv.ts';
import { type City, localized } from '../cities/index.ts';
import type { Collaboration } from './collaboration.service.ts';

/** What the API needs to name a collaboration's cities and areas in the request's language. */
export interface NamesIn {
  locale: Locale;
  /** The registry's cities by id. */
  cities: ReadonlyMap<string, City>;
}

function cityName(city: { id: string; slug: string }, names: NamesIn): TranslatedText {
  const known = names.cities.get(city.id);
  if (!known) return { text: city.slug, lang: 'sv' };
  const text = localized(known, names.locale);
  return { text: text.name, lang: text.lang };
}

/**
 * A collaboration as the API shows it; `contacts` adds the contact (Gothenburg staff) and
 * the review, for readers with one of Gothenburg's roles only (decision 016).
 * `localized` names its cities and areas in `names.locale` (areas have Swedish and English
 * names: the other languages get the Swedish one, marked `sv`).
 */
export function presentCollaboration(c: Collaboration, contacts: boolean, names: NamesIn) {
  return {
    id: c.id,
    title: c.title,
    organisation: { slug: c.organisation.slug, name: c.organisation.name },
    cities: c.cities.map((x) => x.slug),
    areas: c.areas.map((a) => a.slug),
    kind: c.kind,
    status: c.status,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    goals: c.goals,
    results: c.results,
    funding: c.funding,
    strategyTags: c.strategyTags,
    visibility: c.visibility,
    publishedAt: c.publishedAt,
    ...(contacts
      ? {
          contact: { name: c.contactName, email: c.contactEmail },
          review: { state: c.review.state, comment: c.review.comment },
        }
      : {}),
    localized: {
      cities: c.cities.map((x) => ({ slug: x.slug, name: cityName(x, names) })),
      areas: c.areas.map((a) => ({
        slug: a.slug,
        name: translated({ sv: a.nameSv, en: a.nameEn }, names.locale) ?? {
          text: a.slug,
          lang: 'sv' as const,
        },
      })),
    },
    links: { self: `/api/v1/collaborations/${c.id}`, html: `/collaborations/${c.id}` },
  };
}

export const CSV_HEADER = [
  'id',
  'title',
  'organisation',
  'cities',
  'areas',
  'kind',
  'status',
  'starts_on',
  'ends_on',
  'goals',
  'results',
  'funding_kind',
  'funding_programme',
  'funding_amount',
  'strategy_tags',
  'visibility',
] as const;

export const csvHeaderLine = () => csvLine([...CSV_HEADER]);

export function collaborationCsvLine(c: Collaboration): string {
  return csvLine([
    c.id,
    c.title,
    c.organisation.name,
    c.cities.map((x) => x.slug).join(' '),
    c.areas.map((a) => a.slug).join(' '),
    c.kind,
    c.status,
    c.startsOn,
    c.endsOn,
    c.goals,
    c.results,
    c.funding.kind,
    c.funding.programme,
    c.funding.amount,
    c.strategyTags.join(', '),
    c.visibility,
  ]);
}
