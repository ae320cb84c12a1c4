import type { Executor } from '../../db/database.ts';
import { users } from './user.repository.ts';

/** The account linked to a subject of the OpenID provider. */
export const findUserByOidcSubject = (db: Executor, subject: string) =>
  users.findBy(db, { oidc_subject: subject });

/** Ids of the active organisations with these slugs (for the role mapping). */
export async function organisationIdsBySlug(
  db: Executor,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'slug'])
    .where('slug', 'in', slugs)
    .where('active', '=', 1)
    .execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Ids of the twin cities with these slugs (for the role mapping). */
export async function twinCityIdsBySlug(
  db: Executor,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('city')
    .select(['id', 'slug'])
    .where('slug', 'in', slugs)
    .where('kind', '=', 'twin')
    .execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}
