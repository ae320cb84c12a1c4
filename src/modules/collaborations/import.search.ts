import * as shared from './search-document.ts';

/**
 * The import's view of the knowledge bank's documents: the same builders the
 * collaborations service uses (search-document.ts), fed from the import's camelCase rows.
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
  cityIds: string[];
  areaIds: string[];
}

export const collaborationSearchDocument = (c: CollaborationForSearch) =>
  shared.collaborationSearchDocument({
    id: c.id,
    organisation_id: c.organisationId,
    starts_on: c.startsOn,
    visibility: c.visibility,
    title: c.title,
    goals: c.goals,
    results: c.results,
    areaNamesSv: c.areaNamesSv,
    strategy_tags: c.strategyTags,
    cityIds: c.cityIds,
    areaIds: c.areaIds,
  });

export const exchangeSearchDocument = (e: {
  id: string;
  organisationId: string;
  occurredOn: string;
  visibility: string;
  activities: string;
  learnings: string | null;
  cityId: string;
}) =>
  shared.exchangeSearchDocument({
    id: e.id,
    organisation_id: e.organisationId,
    occurred_on: e.occurredOn,
    visibility: e.visibility,
    activities: e.activities,
    learnings: e.learnings,
    city_id: e.cityId,
    // Imported exchanges stand alone (not part of a collaboration): no areas.
    areaIds: [],
  });
