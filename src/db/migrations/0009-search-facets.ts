import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../migration-helpers.ts';
import { createFacetedFts } from './full-text.ts';

// Frozen once landed: never edit, add a new migration instead.
// The knowledge bank's filters (city, area, organisation, year) were a lookup per match
// (tens of thousands for a broad word); they become facet tokens stored with each document
// ("o" + organisation id, "y" + year, "c" + city id, "a" + area id, hyphens dropped): on
// SQLite a third FTS5 column matched together with the words, on PostgreSQL an array GIN
// index combined with the tsvector's. An exchange carries its own city and the areas of its
// collaboration. See docs/decisions/009.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await sql`alter table search_document add column facets text not null default ''`.execute(db);

  const agg = (expr: string) =>
    postgres ? sql.raw(`string_agg(${expr}, ' ')`) : sql.raw(`group_concat(${expr}, ' ')`);
  const token = (prefix: string, column: string) =>
    sql.raw(`'${prefix}' || lower(replace(${column}, '-', ''))`);
  // Organisation and year first, then cities and areas (the order search-document.ts writes).
  const own = sql`${token('o', 'search_document.organisation_id')} || ' y' || ${sql.raw(
    postgres ? 'search_document.year::text' : 'search_document.year',
  )}`;
  await sql`update search_document set facets = ${own} || coalesce(' ' || (select ${agg('t.tok')}
    from (
      select ${token('c', 'cc.city_id')} as tok from collaboration_city cc
        where cc.collaboration_id = search_document.id
      union all
      select ${token('a', 'ca.area_id')} as tok from collaboration_area ca
        where ca.collaboration_id = search_document.id) t), '')
    where entity = 'collaboration'`.execute(db);
  await sql`update search_document set facets = ${own} || coalesce(' ' || (select ${agg('t.tok')}
    from (
      select ${token('c', 'x.city_id')} as tok from exchange x where x.id = search_document.id
      union all
      select ${token('a', 'ca.area_id')} as tok from exchange x
        join collaboration_area ca on ca.collaboration_id = x.collaboration_id
        where x.id = search_document.id) t), '')
    where entity = 'exchange'`.execute(db);

  if (postgres) {
    await sql`create index search_document_facets_idx on search_document
      using gin (string_to_array(facets, ' '))`.execute(db);
    return;
  }
  for (const trigger of ['search_document_ai', 'search_document_ad', 'search_document_au'])
    await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
  await sql`drop table search_document_fts`.execute(db);
  await createFacetedFts(db, 'search_document');
  await sql`insert into search_document_fts(search_document_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  if (postgres) {
    await sql`drop index search_document_facets_idx`.execute(db);
    await sql`alter table search_document drop column facets`.execute(db);
    return;
  }
  for (const trigger of ['search_document_ai', 'search_document_ad', 'search_document_au'])
    await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
  await sql`drop table search_document_fts`.execute(db);
  await sql`alter table search_document drop column facets`.execute(db);
  await sql`create virtual table search_document_fts using fts5(
    title, body, content='search_document', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger search_document_ai after insert on search_document begin
    insert into search_document_fts(rowid, title, body) values (new.rowid, new.title, new.body);
  end`.execute(db);
  await sql`create trigger search_document_ad after delete on search_document begin
    insert into search_document_fts(search_document_fts, rowid, title, body)
      values ('delete', old.rowid, old.title, old.body);
  end`.execute(db);
  await sql`create trigger search_document_au after update on search_document begin
    insert into search_document_fts(search_document_fts, rowid, title, body)
      values ('delete', old.rowid, old.title, old.body);
    insert into search_document_fts(rowid, title, body) values (new.rowid, new.title, new.body);
  end`.execute(db);
  await sql`insert into search_document_fts(search_document_fts) values ('rebuild')`.execute(db);
}
