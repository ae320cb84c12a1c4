import type { SearchDocumentTable } from './collaboration.table.ts';

/**
 * The knowledge bank's document of one collaboration or exchange (contract shared with
 * the import): written by every service that writes the entity, in the same transaction.
 */

export interface CollaborationSearchSource {
  id: string;
  organisation_id: string;
  starts_on: string;
  visibility: string;
  title: string;
  goals: string | null;
  results: string | null;
  /** Swedish names of the collaboration's areas. */
  areaNamesSv: readonly string[];
  /** Comma-separated as stored, or a list. */
  strategy_tags: string | readonly string[];
}

export interface ExchangeSearchSource {
  id: string;
  organisation_id: string;
  occurred_on: string;
  visibility: string;
  activities: string;
  learnings: string | null;
}

const yearOf = (plainDate: string) => Number(plainDate.slice(0, 4));

const tagsText = (tags: string | readonly string[]) =>
  (typeof tags === 'string' ? tags.split(',') : [...tags])
    .map((t) => t.trim())
    .filter(Boolean)
    .join(', ');

export function collaborationSearchDocument(c: CollaborationSearchSource): SearchDocumentTable {
  return {
    id: c.id,
    entity: 'collaboration',
    organisation_id: c.organisation_id,
    year: yearOf(c.starts_on),
    visibility: c.visibility,
    title: c.title,
    body: [
      c.goals ?? '',
      c.results ?? '',
      c.areaNamesSv.join(', '),
      tagsText(c.strategy_tags),
    ].join('\n'),
  };
}

export function exchangeSearchDocument(e: ExchangeSearchSource): SearchDocumentTable {
  return {
    id: e.id,
    entity: 'exchange',
    organisation_id: e.organisation_id,
    year: yearOf(e.occurred_on),
    visibility: e.visibility,
    title: e.activities.slice(0, 200),
    body: [e.activities, e.learnings ?? ''].join('\n'),
  };
}
