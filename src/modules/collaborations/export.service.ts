import type { Db } from '../../db/database.ts';
import { i18nFor, type I18n, type PlainKey } from '../../platform/i18n/i18n.ts';
import { areaName } from './area.service.ts';
import type { ExportFilters } from './export.filters.ts';
import { IMPORT_FIELDS } from './import.rows.ts';
import * as repo from './export.repository.ts';

export const EXPORT_BATCH = 500;

/** The export's columns: the same headers the import recognises, so a file goes back in. */
const COLUMNS = [...IMPORT_FIELDS, 'reviewState'] as const;

/**
 * Exports are written in Swedish or English, the languages the import reads back (a reader
 * in Danish, Norwegian or Finnish gets Swedish, the register's own language).
 */
export function exportLanguage(i18n: I18n): I18n {
  return i18n.locale === 'en' || i18n.locale === 'sv' ? i18n : i18nFor('sv');
}

export function exportHeaders(i18n: I18n): string[] {
  return COLUMNS.map((c) => i18n.t(`import.field.${c}` as PlainKey));
}

/**
 * Every collaboration that matches the filters, as rows of text in the reader's language,
 * fetched in keyset batches of 500 so memory stays flat whatever the size. Internal ones
 * too: the routes are for Gothenburg's own roles (permission `internal`, decision 016).
 */
export async function* exportRows(
  db: Db,
  filters: ExportFilters,
  i18n: I18n,
): AsyncGenerator<(string | number | null)[][]> {
  const t = (k: string) => i18n.t(k as PlainKey);
  let after: { startsOn: string; id: string } | null = null;
  for (;;) {
    const rows = await repo.listCollaborationBatch(db.kysely, filters, after, EXPORT_BATCH);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [cities, areas] = await Promise.all([
      repo.listCityNamesOf(db.kysely, ids, i18n.locale),
      repo.listAreaNamesOf(db.kysely, ids),
    ]);
    const cityNames = new Map<string, string[]>();
    for (const c of cities)
      cityNames.set(c.collaboration_id, [
        ...(cityNames.get(c.collaboration_id) ?? []),
        c.name ?? c.name_sv ?? c.slug,
      ]);
    const areaNames = new Map<string, string[]>();
    for (const a of areas)
      areaNames.set(a.collaboration_id, [
        ...(areaNames.get(a.collaboration_id) ?? []),
        areaName(i18n.locale, { nameSv: a.name_sv, nameEn: a.name_en }).name,
      ]);
    yield rows.map((r) => [
      r.title,
      t(`export.kind.${r.kind}`),
      t(`campaign.collabStatus.${r.status}`),
      r.starts_on,
      r.ends_on,
      (cityNames.get(r.id) ?? []).join(', '),
      (areaNames.get(r.id) ?? []).join(', '),
      r.goals,
      r.results,
      r.contact_name,
      r.contact_email,
      r.funding_kind ? t(`export.funding.${r.funding_kind}`) : null,
      r.funding_programme,
      r.funding_amount,
      r.strategy_tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(', '),
      t(`export.visibility.${r.visibility}`),
      r.organisation_name,
      t(`export.review.${r.review_state}`),
    ]);
    if (rows.length < EXPORT_BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { startsOn: last.starts_on, id: last.id };
  }
}
