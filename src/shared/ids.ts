import { randomUUID } from 'node:crypto';
import { nowIso } from './dates.ts';

/** A new opaque identifier for a row. */
export const newId = (): string => randomUUID();

/** The keys every new record's row gets: its id, and when it was created and last updated. */
export interface NewRecordKeys {
  id: string;
  created_at: string;
  updated_at: string;
}

/**
 * A new record's row, for a table that keeps when each row was created and last updated:
 * a fresh id, then `fields` (in their order), created and updated `now`.
 */
export function newRecord<F extends object>(fields: F, now: string = nowIso()): F & NewRecordKeys {
  return { id: newId(), ...fields, created_at: now, updated_at: now };
}
