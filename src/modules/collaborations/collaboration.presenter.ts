import { csvLine } from '../../shared/csv.ts';
import type { Collaboration } from './collaboration.service.ts';

/** A collaboration as the API shows it; `internal` adds contact and review details. */
export function presentCollaboration(c: Collaboration, internal: boolean) {
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
    ...(internal
      ? {
          contact: { name: c.contactName, email: c.contactEmail },
          review: { state: c.review.state, comment: c.review.comment },
        }
      : {}),
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
