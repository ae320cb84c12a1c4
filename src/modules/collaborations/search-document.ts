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
  cityIds: readonly string[];
  areaIds: readonly string[];
}

export interface ExchangeSearchSource {
  id: string;
  organisation_id: string;
  occurred_on: string;
  visibility: string;
  activities: string;
  learnings: string | null;
  city_id: string;
  /** The areas of the collaboration the exchange is part of (none when it stands alone). */
  areaIds: readonly string[];
}

/**
 * A filter token as migration 0009 writes it: a letter for the kind (c city, a area,
 * o organisation, y year) and the id in lower case without hyphens.
 */
export const facetToken = (
  kind: 'city' | 'area' | 'organisation' | 'year',
  id: string | number,
): string => `${kind.charAt(0)}${String(id).toLowerCase().replaceAll('-', '')}`;

/** Every filter token of a document, space-separated. */
export function facetsText(doc: {
  organisationId: string;
  year: number;
  cityIds: readonly string[];
  areaIds: readonly string[];
}): string {
  return [
    facetToken('organisation', doc.organisationId),
    facetToken('year', doc.year),
    ...doc.cityIds.map((id) => facetToken('city', id)),
    ...doc.areaIds.map((id) => facetToken('area', id)),
  ].join(' ');
}

const yearOf = (plainDate: string) => Number(plainDate.slice(0, 4));

const tagsText = (tags: string | readonly string[]) =>
  (typeof tags === 'string' ? tags.split(',') : [...tags])
    .map((t) => t.trim())
    .filter(Boolean)
    .join(', ');

/**
 * A collaboration's document body ends with two lines that are labels, not prose: its areas
 * and its strategy goals (each a comma-separated list without line breaks). The knowledge
 * bank shows them as labels beside the snippet, not run into it (issue 19).
 */
export const LABEL_LINES = 2;

/** The prose of a document's body and, for a collaboration, its areas and strategy goals. */
export function splitSearchBody(
  entity: string,
  body: string,
): { text: string; areas: string; goals: string } {
  if (entity !== 'collaboration') return { text: body, areas: '', goals: '' };
  const lines = body.split('\n');
  const labels = lines.splice(lines.length - LABEL_LINES, LABEL_LINES);
  return { text: lines.join('\n').trimEnd(), areas: labels[0] ?? '', goals: labels[1] ?? '' };
}

/** The same cut in PostgreSQL: the body without its last two lines (a regular expression). */
export const PROSE_PATTERN = '\n[^\n]*\n[^\n]*$';

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
    facets: facetsText({
      organisationId: c.organisation_id,
      year: yearOf(c.starts_on),
      cityIds: c.cityIds,
      areaIds: c.areaIds,
    }),
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
    facets: facetsText({
      organisationId: e.organisation_id,
      year: yearOf(e.occurred_on),
      cityIds: [e.city_id],
      areaIds: e.areaIds,
    }),
  };
}
