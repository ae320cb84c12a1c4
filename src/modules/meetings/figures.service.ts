import type { Db } from '../../db/database.ts';
import type { Chain } from '../cities/index.ts';
import * as repo from './figures.repository.ts';
import { listMeetings, type Meeting } from './meeting.service.ts';

/** The chain's meetings of a year and what came of them, for the yearly overview. */
export interface MeetingFigures {
  /** The year's meetings (every status but cancelled). */
  meetings: Meeting[];
  seminars: number;
  outcomes: { kind: string; count: number; followedUp: number }[];
  outcomesTotal: number;
  followedUpTotal: number;
}

/**
 * The meetings of the chain in `year` that were not cancelled, their seminars, and their
 * outcomes per kind with how many were followed up (closed).
 */
export async function meetingFigures(db: Db, chain: Chain, year: number): Promise<MeetingFigures> {
  const meetings = (await listMeetings(db, chain)).filter(
    (m) => m.year === year && m.status !== 'cancelled',
  );
  const ids = meetings.map((m) => m.id);
  const [outcomes, seminars] = await Promise.all([
    repo.countOutcomesByKind(db.kysely, ids),
    repo.countSeminars(db.kysely, ids),
  ]);
  return {
    meetings,
    seminars,
    outcomes,
    outcomesTotal: outcomes.reduce((s, o) => s + o.count, 0),
    followedUpTotal: outcomes.reduce((s, o) => s + o.followedUp, 0),
  };
}
