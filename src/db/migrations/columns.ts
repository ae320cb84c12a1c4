import type { CreateTableBuilder, Kysely } from 'kysely';
import { inList, isPostgres } from '../migration-helpers.ts';

/*
 * Column groups the migrations share, beside the pieces in ../migration-helpers.ts (whose
 * rule holds here too): what they build must never change, not a name, an order nor a
 * constraint; test/integration/migrations-schema.test.ts compares every step, up and down,
 * on both databases. A table's name stays written out in its migration's createTable call
 * (docs.test.ts reads the table names from there).
 */

type Table = CreateTableBuilder<string, string>;
/** Adds one or more columns to a table being created (with `$call`). */
export type Column = (table: Table) => Table;

/** `slug`: not null and unique, the name a row goes by in addresses. */
export const slugColumn: Column = (table) =>
  table.addColumn('slug', 'text', (c) => c.notNull().unique());

/** `active`: 0 or 1, not null, 1 unless set. */
export const activeColumn: Column = (table) =>
  table.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1));

/** Text columns that may be null, in the order given. */
export const optionalText =
  (...names: string[]): Column =>
  (table) =>
    names.reduce((built, name) => built.addColumn(name, 'text'), table);

/** Text columns that may not be null, in the order given. */
export const requiredText =
  (...names: string[]): Column =>
  (table) =>
    names.reduce((built, name) => built.addColumn(name, 'text', (c) => c.notNull()), table);

/** A not-null text column holding one of `values` (a check constraint, `inList`). */
export const oneOf =
  (name: string, values: readonly string[]): Column =>
  (table) =>
    table.addColumn(name, 'text', (c) => c.notNull().check(inList(name, values)));

/** A not-null reference to `<parent>.id`: the row is part of the parent and goes with it. */
export const partOf =
  (name: string, parent: string): Column =>
  (table) =>
    table.addColumn(name, 'text', (c) =>
      c.notNull().references(`${parent}.id`).onDelete('cascade'),
    );

/** An uploaded file: its name, content type, size, SHA-256 and bytes, none of them null. */
export const fileColumns =
  (db: Kysely<unknown>): Column =>
  (table) =>
    requiredText(
      'filename',
      'content_type',
    )(table)
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull());
