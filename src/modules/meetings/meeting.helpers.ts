import type { Db, Executor } from '../../db/database.ts';
import { errors } from '../../shared/errors.ts';
import type { NewRecordKeys } from '../../shared/ids.ts';
import { createAudited, diff, recordAudit, type Actor } from '../audit/index.ts';
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

/** A part of a meeting (programme item, seminar, outcome, document) as the audit log names it. */
type PartEntity =
  'meeting_programme_item' | 'meeting_seminar' | 'meeting_outcome' | 'meeting_document';

/**
 * Adds a part to a meeting the editor may change, in one transaction: its columns from the
 * form (checked against the meeting), a new id and timestamps, audited as `action` (`create`
 * unless given) with the whole row. Resolves to the new part's id.
 */
export function addMeetingPart<F extends object>(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  part: {
    entity: PartEntity;
    action?: string;
    fields: (meeting: repo.MeetingRow) => F;
    insert: (trx: Executor, row: F & MeetingPartKeys) => Promise<unknown>;
  },
): Promise<string> {
  return db.kysely.transaction().execute(async (trx) => {
    const meeting = await editableMeeting(trx, chain, editor, meetingId);
    const row = await createAudited(
      trx,
      editor.actor,
      { entity: part.entity, action: part.action ?? 'create' },
      part.insert,
      { meeting_id: meetingId, ...part.fields(meeting) },
    );
    return row.id;
  });
}

type MeetingPartKeys = NewRecordKeys & { meeting_id: string };

/**
 * Corrects a part of a meeting in place, in one transaction: the part exists on that meeting
 * and the editor may change the meeting; audited as `update` from `before(existing)` (by
 * default the part's own columns) to the changed columns.
 */
export async function changeMeetingPart<E extends object, C extends Record<string, unknown>>(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  partId: string,
  part: {
    entity: PartEntity;
    find: (trx: Executor, meetingId: string, id: string) => Promise<E | undefined>;
    changes: (meeting: repo.MeetingRow) => C;
    update: (trx: Executor, id: string, changes: C) => Promise<unknown>;
    before?: (existing: E) => Record<string, unknown>;
  },
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const meeting = await editableMeeting(trx, chain, editor, meetingId);
    const existing = await part.find(trx, meetingId, partId);
    if (!existing) throw partNotFound(partId);
    const changes = part.changes(meeting);
    await part.update(trx, partId, changes);
    const before = part.before?.(existing) ?? { ...existing, id: undefined, meeting_id: undefined };
    await recordAudit(trx, editor.actor, {
      entity: part.entity,
      entityId: partId,
      action: 'update',
      changes: diff(before, changes),
    });
  });
}
