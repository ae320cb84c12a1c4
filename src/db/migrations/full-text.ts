import { sql, type Kysely } from 'kysely';

/**
 * SQLite's full-text index of `table`'s title, body and facets (migrations 0009 and 0015):
 * the external-content FTS5 table `<table>_fts` and the three triggers that keep it in step
 * with the table, the DDL text exactly as those migrations wrote it.
 */
export async function createFacetedFts(db: Kysely<unknown>, table: string): Promise<void> {
  const name = sql.raw(table);
  const fts = sql.raw(`${table}_fts`);
  const trigger = (event: string) => sql.raw(`${table}_${event}`);
  await sql`create virtual table ${fts} using fts5(
    title, body, facets, content='${name}', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger ${trigger('ai')} after insert on ${name} begin
    insert into ${fts}(rowid, title, body, facets)
      values (new.rowid, new.title, new.body, new.facets);
  end`.execute(db);
  await sql`create trigger ${trigger('ad')} after delete on ${name} begin
    insert into ${fts}(${fts}, rowid, title, body, facets)
      values ('delete', old.rowid, old.title, old.body, old.facets);
  end`.execute(db);
  await sql`create trigger ${trigger('au')} after update on ${name} begin
    insert into ${fts}(${fts}, rowid, title, body, facets)
      values ('delete', old.rowid, old.title, old.body, old.facets);
    insert into ${fts}(rowid, title, body, facets)
      values (new.rowid, new.title, new.body, new.facets);
  end`.execute(db);
}
