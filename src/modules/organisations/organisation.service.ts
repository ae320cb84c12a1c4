import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { createAudited, diff, recordAudit, type Actor } from '../audit/index.ts';
import * as repo from './organisation.repository.ts';
import { cachedRead } from '../../platform/read-cache.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import {
  ORGANISATION_KINDS,
  organisationForm,
  type OrganisationInput,
} from './organisation.schema.ts';
import { organisationsErrors } from './errors.ts';

export { ORGANISATION_KINDS, type OrganisationInput };

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  email: string | null;
  active: boolean;
}

const toOrganisation = (r: repo.OrganisationRow): Organisation => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  kind: r.kind as OrganisationKind,
  email: r.email,
  active: r.active === 1,
});

export async function listOrganisations(db: Executor): Promise<readonly Organisation[]> {
  return cachedRead(db, 'registry', 'organisations', async () =>
    (await repo.listOrganisations(db)).map(toOrganisation),
  );
}

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'organisation'
  );
}

const organisationNotFound = (id: string) => organisationsErrors.organisationNotFound(id);
const nameTaken = () => errors.validation([{ path: 'name', message: 'org.nameTaken' }]);

/** The form's fields, validated by its schema; no address is null. */
function parseInput(input: OrganisationInput) {
  const form = parseOrThrow(organisationForm, input);
  return { name: form.name, kind: form.kind, email: form.email || null };
}

export async function createOrganisation(
  db: Db,
  actor: Actor,
  form: OrganisationInput,
): Promise<Organisation> {
  const input = parseInput(form);
  return db.kysely.transaction().execute(async (trx) => {
    if (await repo.findOrganisationByName(trx, input.name)) throw nameTaken();
    let slug = slugify(input.name);
    for (let i = 2; await repo.findOrganisationBySlug(trx, slug); i++)
      slug = `${slugify(input.name)}-${i}`;
    const row = await createAudited(
      trx,
      actor,
      { entity: 'organisation', action: 'create' },
      repo.insertOrganisation,
      { slug, name: input.name, kind: input.kind, email: input.email, active: 1 },
      (row) => ({ slug, name: row.name, kind: row.kind, email: row.email, active: 1 }),
    );
    return toOrganisation(row);
  });
}

export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  form: OrganisationInput,
): Promise<Organisation> {
  const input = parseInput(form);
  return db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findOrganisation(trx, id);
    if (!before) throw organisationNotFound(id);
    const clash = await repo.findOrganisationByName(trx, input.name);
    if (clash && clash.id !== id) throw nameTaken();
    const changes = diff(
      { name: before.name, kind: before.kind, email: before.email },
      { name: input.name, kind: input.kind, email: input.email },
    );
    if (Object.keys(changes).length > 0) {
      await repo.updateOrganisation(trx, id, { ...input, updated_at: nowIso() });
      await recordAudit(trx, actor, {
        entity: 'organisation',
        entityId: id,
        action: 'update',
        changes,
      });
    }
    return toOrganisation((await repo.findOrganisation(trx, id))!);
  });
}

export async function setOrganisationActive(
  db: Db,
  actor: Actor,
  id: string,
  active: boolean,
): Promise<Organisation> {
  return db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findOrganisation(trx, id);
    if (!before) throw organisationNotFound(id);
    if ((before.active === 1) !== active) {
      await repo.updateOrganisation(trx, id, { active: active ? 1 : 0, updated_at: nowIso() });
      await recordAudit(trx, actor, {
        entity: 'organisation',
        entityId: id,
        action: active ? 'activate' : 'deactivate',
        changes: { active: { before: before.active === 1, after: active } },
      });
    }
    return toOrganisation((await repo.findOrganisation(trx, id))!);
  });
}

/** One organisation by its slug (inside the caller's transaction), or null. */
export async function findOrganisationBySlug(
  db: Executor,
  slug: string,
): Promise<Organisation | null> {
  const row = await repo.findOrganisationBySlug(db, slug);
  return row ? toOrganisation(row) : null;
}
