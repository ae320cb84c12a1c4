import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { createdAt, createIndex, idColumn, timestamps } from '../migration-helpers.ts';
import { activeColumn, optionalText, partOf, requiredText, slugColumn } from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// Portable across SQLite and PostgreSQL: text ids, text instants (ISO 8601 UTC),
// text plain dates (YYYY-MM-DD), integer 0/1 for booleans.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .$call(requiredText('value', 'updated_at'))
    .execute();

  await db.schema
    .createTable('city')
    .$call(idColumn)
    .$call(slugColumn)
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['home', 'twin', 'partner'])))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['proposed', 'active', 'dormant', 'ended'])),
    )
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('population', 'integer')
    .addColumn('website', 'text')
    .addColumn('since_year', 'integer')
    .$call(timestamps)
    .execute();
  await createIndex(db, 'city_kind_status_idx', 'city', ['kind', 'status']);

  await db.schema
    .createTable('city_translation')
    .$call(partOf('city_id', 'city'))
    .$call(requiredText('lang', 'name'))
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('city_translation_pk', ['city_id', 'lang'])
    .execute();

  await db.schema
    .createTable('chain')
    .$call(idColumn)
    .$call(slugColumn)
    .addColumn('interval_years', 'integer', (c) => c.notNull())
    .addColumn('since_year', 'integer', (c) => c.notNull())
    .$call(createdAt)
    .execute();

  await db.schema
    .createTable('chain_member')
    .$call(partOf('chain_id', 'chain'))
    .addColumn('city_id', 'text', (c) => c.notNull().references('city.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('chain_member_pk', ['chain_id', 'city_id'])
    .addUniqueConstraint('chain_member_position_uq', ['chain_id', 'position'])
    .execute();

  await db.schema
    .createTable('organisation')
    .$call(idColumn)
    .$call(slugColumn)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sqlIn('kind', ['administration', 'company'])),
    )
    .addColumn('email', 'text')
    .$call(activeColumn)
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('meeting')
    .$call(idColumn)
    .addColumn('chain_id', 'text', (c) => c.notNull().references('chain.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('host_city_id', 'text', (c) => c.notNull().references('city.id'))
    .$call(optionalText('start_date', 'end_date', 'venue', 'theme'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sqlIn('status', ['forecast', 'planned', 'confirmed', 'held', 'postponed', 'cancelled']),
        ),
    )
    .$call(timestamps)
    .execute();
  await createIndex(db, 'meeting_chain_year_idx', 'meeting', ['chain_id', 'year']);
  await createIndex(db, 'meeting_host_idx', 'meeting', 'host_city_id');
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'meeting',
    'organisation',
    'chain_member',
    'chain',
    'city_translation',
    'city',
    'app_setting',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

function sqlIn(column: string, values: string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
