import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import { users } from './user.repository.ts';

/** The account linked to a subject of the OpenID provider. */
export const findUserByOidcSubject = (db: Executor, subject: string) =>
  users.findBy(db, { oidc_subject: subject });

const organisations = tableAccess('organisation', ['id', 'slug']);
const cities = tableAccess('city', ['id', 'slug']);

const idBySlug = (rows: readonly { id: string; slug: string }[]) =>
  new Map(rows.map((r) => [r.slug, r.id]));

/** Ids of the active organisations with these slugs (for the role mapping). */
export async function organisationIdsBySlug(
  db: Executor,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  return idBySlug(await organisations.list(db, { slug: ['in', slugs], active: 1 }));
}

/** Ids of the twin cities with these slugs (for the role mapping). */
export async function twinCityIdsBySlug(
  db: Executor,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  return idBySlug(await cities.list(db, { slug: ['in', slugs], kind: 'twin' }));
}
