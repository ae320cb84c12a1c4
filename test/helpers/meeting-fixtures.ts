import type { Executor } from '../../src/db/database.ts';
import { nowIso } from '../../src/shared/dates.ts';
import { newId } from '../../src/shared/ids.ts';

export interface MeetingRow {
  year: number;
  /** The host city's slug. */
  host: string;
  /** Default: a new id. */
  id?: string;
  startDate?: string | null;
  endDate?: string | null;
  venue?: string | null;
  status?: string;
}

/**
 * Inserts a meeting of the demo chain straight into the database (no form, no audit), by
 * default planned, without dates, venue or theme; returns its id.
 */
export async function insertMeeting(db: Executor, meeting: MeetingRow): Promise<string> {
  const chain = await db.selectFrom('chain').select('id').executeTakeFirstOrThrow();
  const host = await db
    .selectFrom('city')
    .select('id')
    .where('slug', '=', meeting.host)
    .executeTakeFirstOrThrow();
  const id = meeting.id ?? newId();
  await db
    .insertInto('meeting')
    .values({
      id,
      chain_id: chain.id,
      year: meeting.year,
      host_city_id: host.id,
      start_date: meeting.startDate ?? null,
      end_date: meeting.endDate ?? null,
      venue: meeting.venue ?? null,
      theme: null,
      status: meeting.status ?? 'planned',
      created_at: nowIso(),
      updated_at: nowIso(),
    })
    .execute();
  return id;
}

/**
 * The demo chain's rotation for seven turns from 2023, as `year host status`: the meetings
 * on record, then the forecast (the rotation API and rotationTurns give the same).
 */
export const DEMO_ROTATION_FROM_2023 = [
  '2023 aarhus held',
  '2025 turku held',
  '2027 goteborg planned',
  '2029 bergen forecast',
  '2031 aarhus forecast',
  '2033 turku forecast',
  '2035 goteborg forecast',
] as const;

/** The rotation form's example adjustment: from 2039 Aarhus and Åbo swap places. */
export const SWAP_AARHUS_TURKU_2039 = {
  kind: 'swap',
  year: '2039',
  city: 'aarhus',
  otherCity: 'turku',
  reason: 'Åbo firar 800 år 2041 (exempel).',
} as const;
