import type { Db } from '../../db/database.ts';
import type { SearchDocument, SearchKind, SearchSource } from '../../platform/search.ts';
import * as repo from './collaboration-search.repository.ts';

const isPublished = (visibility: string | null, publishedAt: string | null) =>
  visibility === 'public' && publishedAt !== null;

const group = <T>(rows: readonly T[], key: (row: T) => string) => {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row)) ?? [];
    list.push(row);
    out.set(key(row), list);
  }
  return out;
};

/**
 * Collaborations and exchanges for the portal search, with the read rules of decision 016
 * (`collaboration.policy.ts` readScope, the repositories' scope predicates): public when
 * public and acknowledged (an exchange also needs its collaboration, if any, to be so),
 * otherwise internal, found by Gothenburg's roles and by the partner contacts of the cities
 * in `cityIds`. Staff contacts and the review are never indexed. An exchange's text does not
 * name its collaboration (a partner may read the exchange and not the collaboration).
 */
async function documents(
  db: Db,
  collaborationIds: readonly string[] | null,
  exchangeIds: readonly string[] | null,
): Promise<SearchDocument[]> {
  const [collaborations, cities, areas, exchanges] = await Promise.all([
    repo.listCollaborationsForSearch(db.kysely, collaborationIds),
    repo.listCollaborationCitiesForSearch(db.kysely, collaborationIds),
    repo.listCollaborationAreasForSearch(db.kysely, collaborationIds),
    repo.listExchangesForSearch(db.kysely, exchangeIds),
  ]);
  const citiesOf = group(cities, (r) => r.collaboration_id);
  const areasOf = group(areas, (r) => r.collaboration_id);
  const docs: SearchDocument[] = collaborations.map((c) => {
    const isPublic = isPublished(c.visibility, c.published_at);
    return {
      kind: 'collaboration',
      id: c.id,
      lang: null,
      textLang: 'sv',
      title: c.title,
      body: [
        c.organisation_name,
        c.goals ?? '',
        c.results ?? '',
        (areasOf.get(c.id) ?? []).map((a) => `${a.name_sv}, ${a.name_en}`).join(', '),
        c.strategy_tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
          .join(', '),
      ]
        .filter(Boolean)
        .join('\n'),
      visibility: isPublic ? 'public' : 'internal',
      cityIds: (citiesOf.get(c.id) ?? []).map((r) => r.city_id),
      publicPath: isPublic ? `/collaborations/${c.id}` : null,
      workspacePath: `/workspace/collaborations/${c.id}`,
      date: c.starts_on,
    };
  });
  for (const e of exchanges) {
    const inPublicCollaboration =
      e.collaboration_id !== null &&
      isPublished(e.collaboration_visibility, e.collaboration_published_at);
    const isPublic =
      isPublished(e.visibility, e.published_at) &&
      (e.collaboration_id === null || inPublicCollaboration);
    docs.push({
      kind: 'exchange',
      id: e.id,
      lang: null,
      textLang: 'sv',
      title: e.activities.length > 160 ? `${e.activities.slice(0, 159)}…` : e.activities,
      body: [e.organisation_name, e.activities, e.learnings ?? ''].filter(Boolean).join('\n'),
      visibility: isPublic ? 'public' : 'internal',
      cityIds: [e.city_id],
      // Exchanges have no public page of their own: the public one of their collaboration
      // shows them; one without a collaboration is shown on its city's page.
      publicPath: isPublic
        ? inPublicCollaboration
          ? `/collaborations/${e.collaboration_id}`
          : `/cities/${e.city_slug}`
        : null,
      workspacePath: `/workspace/exchanges/${e.id}`,
      date: e.occurred_on,
    });
  }
  return docs;
}

/** Ids per query: well below SQLite's and PostgreSQL's limits on bound values. */
const BATCH = 500;

/** The documents of the named collaborations and exchanges, read in batches. */
async function someDocuments(
  db: Db,
  ids: ReadonlyMap<SearchKind, readonly string[]>,
): Promise<SearchDocument[]> {
  const collaborationIds = [...new Set(ids.get('collaboration') ?? [])];
  const exchangeIds = [...new Set(ids.get('exchange') ?? [])];
  const out: SearchDocument[] = [];
  for (let i = 0; i < Math.max(collaborationIds.length, exchangeIds.length); i += BATCH) {
    out.push(
      ...(await documents(
        db,
        collaborationIds.slice(i, i + BATCH),
        exchangeIds.slice(i, i + BATCH),
      )),
    );
  }
  return out;
}

export const collaborationsSearch: SearchSource = {
  kinds: ['collaboration', 'exchange'],
  all: (db) => documents(db, null, null),
  some: someDocuments,
};
