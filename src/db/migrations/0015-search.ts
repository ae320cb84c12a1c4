import { sql, type Kysely } from 'kysely';
import { createIndex, isPostgres } from '../migration-helpers.ts';
import { optionalText, requiredText } from './columns.ts';
import { createFacetedFts } from './full-text.ts';

// Frozen once landed: never edit, add a new migration instead.
// The portal search (issue 14 point 5, decision 021): one index of every searchable record
// (cities, meetings, seminars, outcomes, collaborations, exchanges, council decisions, news),
// one row per record and reader language (or one row for every language when the record has
// one text). The search module fills it from the modules' search sources whenever the
// `public` data generation (migrations 0008, 0010) has moved since the index was last
// brought up to date (search_index_state), so no search answers from data older than the
// last committed write. Neither table joins a data generation: the index is derived from
// public tables, and its own writes must not empty the page cache.
//
// Collaborations and exchanges are many (100,000 and more): rather than read them all after
// every write, triggers note in `search_dirty`, in the writing transaction, which of them a
// write touched (directly, through their city or area links, or through the organisation,
// area, city or collaboration their text or visibility depends on); the refresh rereads
// only those and removes the notes it has handled.
//
// SQLite: an external-content FTS5 table (unicode61, diacritics removed; no stemming).
// PostgreSQL: a tsvector written with each row in the text's own language, through
// text-search configurations that first remove diacritics (the `unaccent` extension,
// trusted since PostgreSQL 13, so a database owner may create it) and then stem.

/** Our configuration per language, copied from PostgreSQL's own stemming configuration. */
const CONFIGS: Record<string, string> = {
  vanort_sv: 'swedish',
  vanort_en: 'english',
  vanort_da: 'danish',
  vanort_nb: 'norwegian',
  vanort_fi: 'finnish',
};

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable('search_entry')
    // kind:record_id:lang, one row per record and reader language.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .$call(requiredText('kind', 'record_id'))
    // The reader language the row answers ('sv', 'en', 'da', 'nb', 'fi'), or 'any'.
    .addColumn('lang', 'text', (c) => c.notNull())
    // The language the text is written in (stemming, and the lang attribute of the hit).
    .addColumn('text_lang', 'text', (c) => c.notNull())
    .$call(requiredText('title', 'body'))
    // public | internal (who may read it: decision 016, as the collaborations module reads).
    .addColumn('visibility', 'text', (c) => c.notNull())
    // The cities party to the record, space-separated ids (a partner contact reads their own).
    .addColumn('city_ids', 'text', (c) => c.notNull().defaultTo(''))
    .$call(optionalText('public_path', 'workspace_path'))
    // A plain date or instant shown with the hit and used to order equal ranks.
    .addColumn('sort_date', 'text')
    // A hash of the row's content: the refresh rewrites only rows whose hash changed.
    .addColumn('hash', 'text', (c) => c.notNull())
    // Filter tokens (SQLite: a third FTS5 column matched with the words, as migration 0009
    // does for the knowledge bank): "k" + kind, "l" + lang, "v" + visibility, "c" + each
    // city id without hyphens.
    .addColumn('facets', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await createIndex(db, 'search_entry_kind_idx', 'search_entry', ['kind', 'lang']);

  await db.schema
    .createTable('search_index_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // The `public` generation the index was last brought up to date with.
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('search_dirty')
    .addColumn('seq', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey(),
    )
    .$call(requiredText('kind', 'record_id'))
    .execute();
  await createDirtyTriggers(db, postgres);

  if (postgres) {
    await sql`create extension if not exists unaccent`.execute(db);
    for (const [name, base] of Object.entries(CONFIGS)) {
      await sql`create text search configuration ${sql.raw(name)} (copy = ${sql.raw(base)})`.execute(
        db,
      );
      await sql`alter text search configuration ${sql.raw(name)}
        alter mapping for hword, hword_part, word with unaccent, ${sql.raw(`${base}_stem`)}`.execute(
        db,
      );
    }
    await sql`alter table search_entry add column tsv tsvector not null default ''::tsvector`.execute(
      db,
    );
    await sql`create index search_entry_tsv_idx on search_entry using gin (tsv)`.execute(db);
    return;
  }
  await createFacetedFts(db, 'search_entry');
}

/**
 * For each table: the records of search kinds a row's write touches, as SQL selecting
 * (kind, record_id), with `r.` standing for the written row (new, or old on delete).
 */
const TOUCHES: Record<
  string,
  { events: readonly ('insert' | 'update' | 'delete')[]; select: string }
> = {
  collaboration: {
    events: ['insert', 'update', 'delete'],
    select: `select 'collaboration', r.id
      union all select 'exchange', x.id from exchange x where x.collaboration_id = r.id`,
  },
  collaboration_city: {
    events: ['insert', 'update', 'delete'],
    select: `select 'collaboration', r.collaboration_id`,
  },
  collaboration_area: {
    events: ['insert', 'update', 'delete'],
    select: `select 'collaboration', r.collaboration_id`,
  },
  exchange: { events: ['insert', 'update', 'delete'], select: `select 'exchange', r.id` },
  organisation: {
    events: ['update'],
    select: `select 'collaboration', c.id from collaboration c where c.organisation_id = r.id
      union all select 'exchange', x.id from exchange x where x.organisation_id = r.id`,
  },
  area: {
    events: ['update'],
    select: `select 'collaboration', ca.collaboration_id from collaboration_area ca
      where ca.area_id = r.id`,
  },
  city: {
    events: ['update'],
    select: `select 'exchange', x.id from exchange x where x.city_id = r.id`,
  },
};

async function createDirtyTriggers(db: Kysely<any>, postgres: boolean): Promise<void> {
  for (const [table, { events, select }] of Object.entries(TOUCHES)) {
    if (postgres) {
      // A row trigger: `r` is the new row, or the old one on delete; an update that moves a
      // link from one record to another notes both.
      const body = (row: 'new' | 'old') =>
        `insert into search_dirty (kind, record_id) ${select.replaceAll('r.', `${row}.`)};`;
      await sql`create function ${sql.raw(`search_dirty_${table}`)}() returns trigger
        language plpgsql as ${sql.raw(`$$
        begin
          if tg_op <> 'INSERT' then ${body('old')} end if;
          if tg_op <> 'DELETE' then ${body('new')} end if;
          return null;
        end $$`)}`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_search_dirty`)}
        after ${sql.raw(events.join(' or '))} on ${sql.table(table)}
        for each row execute function ${sql.raw(`search_dirty_${table}`)}()`.execute(db);
      continue;
    }
    for (const event of events) {
      const rows = event === 'insert' ? ['new'] : event === 'delete' ? ['old'] : ['old', 'new'];
      const inserts = rows
        .map(
          (row) =>
            `insert into search_dirty (kind, record_id) ${select.replaceAll('r.', `${row}.`)};`,
        )
        .join('\n');
      await sql`create trigger ${sql.raw(`${table}_search_dirty_${event}`)}
        after ${sql.raw(event)} on ${sql.table(table)} begin
          ${sql.raw(inserts)}
        end`.execute(db);
    }
  }
}

async function dropDirtyTriggers(db: Kysely<any>, postgres: boolean): Promise<void> {
  for (const [table, { events }] of Object.entries(TOUCHES)) {
    if (postgres) {
      await sql`drop trigger ${sql.raw(`${table}_search_dirty`)} on ${sql.table(table)}`.execute(
        db,
      );
      await sql`drop function ${sql.raw(`search_dirty_${table}`)}()`.execute(db);
    } else {
      for (const event of events)
        await sql`drop trigger ${sql.raw(`${table}_search_dirty_${event}`)}`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropDirtyTriggers(db, isPostgres(db));
  await db.schema.dropTable('search_dirty').execute();
  if (isPostgres(db)) {
    await db.schema.dropTable('search_entry').execute();
    for (const name of Object.keys(CONFIGS))
      await sql`drop text search configuration ${sql.raw(name)}`.execute(db);
    // The extension stays: another part of the database may have come to use it.
  } else {
    await sql`drop table search_entry_fts`.execute(db);
    await db.schema.dropTable('search_entry').execute();
  }
  await db.schema.dropTable('search_index_state').execute();
}
