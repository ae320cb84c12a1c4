import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { areaForm, type AreaInput } from './collaboration.schema.ts';
import { newId } from '../../shared/ids.ts';
import { createAudited, diff, recordAudit, type Actor } from '../audit/index.ts';
import { slugify } from '../organisations/index.ts';
import { DEFAULT_AREAS } from './area.defaults.ts';
import * as repo from './area.repository.ts';
import { cachedRead, cacheKey } from '../../platform/read-cache.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { collaborationsErrors } from './errors.ts';

export interface Area {
  id: string;
  slug: string;
  nameSv: string;
  nameEn: string;
  position: number;
  active: boolean;
}

/**
 * An area's name on a page in `locale`, with its language: the English name on English
 * pages, the Swedish one (the register's language) on all others, since an English name is
 * no nearer Danish, Norwegian or Finnish than the Swedish one is.
 */
export const areaName = (
  locale: Locale,
  a: { nameSv: string; nameEn: string },
): { name: string; lang: Locale } =>
  locale === 'en' ? { name: a.nameEn, lang: 'en' } : { name: a.nameSv, lang: 'sv' };

const toArea = (r: repo.AreaRow): Area => ({
  id: r.id,
  slug: r.slug,
  nameSv: r.name_sv,
  nameEn: r.name_en,
  position: r.position,
  active: r.active === 1,
});

/**
 * Seeds the default areas that are missing (by slug); idempotent, never renames or
 * reactivates an existing one. Called by the demo seed, the import and on first use of the
 * forms: the one place the default areas (area.defaults.ts) are written.
 */
export async function ensureDefaultAreas(trx: Executor): Promise<void> {
  if (Number((await repo.countAreas(trx)).n) >= DEFAULT_AREAS.length) return;
  const now = nowIso();
  let position = 0;
  for (const [slug, nameSv, nameEn] of DEFAULT_AREAS) {
    position += 1;
    await repo.insertAreaIfMissing(trx, {
      id: newId(),
      slug,
      name_sv: nameSv,
      name_en: nameEn,
      position,
      active: 1,
      created_at: now,
      updated_at: now,
    });
  }
}

export async function listAreas(
  db: Executor,
  options: { activeOnly?: boolean } = {},
): Promise<readonly Area[]> {
  return cachedRead(db, 'registry', cacheKey('areas', { active: options.activeOnly }), async () =>
    (await repo.listAreas(db, options)).map(toArea),
  );
}

/** The areas, seeding the defaults on first use. */
export async function areasForForms(db: Db): Promise<readonly Area[]> {
  let areas = await listAreas(db.kysely);
  if (areas.length === 0) {
    await db.kysely.transaction().execute((trx) => ensureDefaultAreas(trx));
    areas = await listAreas(db.kysely);
  }
  return areas;
}

export type { AreaInput } from './collaboration.schema.ts';

const areaNotFound = collaborationsErrors.areaNotFound;

export async function addArea(db: Db, actor: Actor, input: AreaInput): Promise<Area> {
  const values = parseOrThrow(areaForm, input);
  return db.kysely.transaction().execute(async (trx) => {
    const base = slugify(values.nameEn || values.nameSv);
    let slug = base;
    for (let i = 2; await repo.findAreaBySlug(trx, slug); i++) slug = `${base}-${i}`;
    const row = await createAudited(
      trx,
      actor,
      { entity: 'area', action: 'create' },
      repo.insertArea,
      {
        slug,
        name_sv: values.nameSv,
        name_en: values.nameEn,
        position: (await repo.maxAreaPosition(trx)) + 1,
        active: 1,
      },
      (row) => ({ slug, name_sv: row.name_sv, name_en: row.name_en }),
    );
    return toArea(row);
  });
}

export async function renameArea(db: Db, actor: Actor, id: string, input: AreaInput) {
  const values = parseOrThrow(areaForm, input);
  await db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findArea(trx, id);
    if (!before) throw areaNotFound(id);
    const names = { name_sv: values.nameSv, name_en: values.nameEn };
    await repo.updateArea(trx, id, { ...names, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      entity: 'area',
      entityId: id,
      action: 'rename',
      changes: diff({ name_sv: before.name_sv, name_en: before.name_en }, names),
    });
  });
}

export async function setAreaActive(db: Db, actor: Actor, id: string, active: boolean) {
  await db.kysely.transaction().execute(async (trx) => {
    const before = await repo.findArea(trx, id);
    if (!before) throw areaNotFound(id);
    await repo.updateArea(trx, id, { active: active ? 1 : 0, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      entity: 'area',
      entityId: id,
      action: active ? 'activate' : 'deactivate',
      changes: diff({ active: before.active }, { active: active ? 1 : 0 }),
    });
  });
}
