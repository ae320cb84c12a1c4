/**
 * The knowledge bank's document for a collaboration, as the contract with the collaborations
 * module says: title = title; body = goals, results, area names (sv) and strategy tags
 * (comma-joined), one per line; year = the year of starts_on. (The lead will switch this to
 * the collaborations module's search-document.ts after the merge.)
 */
export interface CollaborationForSearch {
  id: string;
  organisationId: string;
  title: string;
  goals: string | null;
  results: string | null;
  startsOn: string;
  visibility: string;
  areaNamesSv: string[];
  strategyTags: string[];
}

export function collaborationSearchDocument(c: CollaborationForSearch) {
  return {
    id: c.id,
    entity: 'collaboration',
    organisation_id: c.organisationId,
    year: Number(c.startsOn.slice(0, 4)),
    visibility: c.visibility,
    title: c.title,
    body: [
      c.goals ?? '',
      c.results ?? '',
      c.areaNamesSv.join(', '),
      c.strategyTags.join(', '),
    ].join('\n'),
  };
}

/**
 * The knowledge bank's document for an experience exchange: what was done as the title (cut
 * to 200 characters), what was done and what was learned as the body. (The collaborations
 * module's search-document.ts replaces this after the merge.)
 */
export function exchangeSearchDocument(e: {
  id: string;
  organisationId: string;
  occurredOn: string;
  visibility: string;
  activities: string;
  learnings: string | null;
}) {
  return {
    id: e.id,
    entity: 'exchange',
    organisation_id: e.organisationId,
    year: Number(e.occurredOn.slice(0, 4)),
    visibility: e.visibility,
    title: e.activities.slice(0, 200),
    body: [e.activities, e.learnings ?? ''].join('\n'),
  };
}
