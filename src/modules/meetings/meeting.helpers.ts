import type { Executor } from '../../db/database.ts';
import { errors } from '../../shared/errors.ts';
import type { Actor } from '../audit/index.ts';
import type { Chain, City } from '../cities/index.ts';
import { canEditMeeting, type MeetingUser } from './meeting.policy.ts';
import * as repo from './meeting.repository.ts';
import { meetingsErrors } from './errors.ts';

// Small helpers shared by the meeting services (meeting, programme, seminar,
// meeting-document, outcome, rotation): kept here once, not copied.

export interface Editor {
  actor: Actor;
  user: MeetingUser;
}

export const meetingNotFound = meetingsErrors.meetingNotFound;

export const partNotFound = meetingsErrors.meetingPartNotFound;

/** The chain's member cities (and any others given), by id. */
export const chainCities = (chain: Chain, cities: readonly City[] = []) =>
  new Map([...cities, ...chain.members.map((m) => m.city)].map((c) => [c.id, c]));

export const isOne = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v);

export const trimmedOrNull = (v: string) => v.trim() || null;

/** The meeting, for a change to its parts: it exists and the editor may change it. */
export async function editableMeeting(trx: Executor, chain: Chain, editor: Editor, id: string) {
  const meeting = await repo.findMeeting(trx, id);
  if (!meeting || meeting.chain_id !== chain.id) throw meetingNotFound(id);
  if (!canEditMeeting(editor.user, meeting.host_city_id)) throw errors.forbidden();
  return meeting;
}
