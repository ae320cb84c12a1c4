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
