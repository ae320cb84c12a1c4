import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { diff, recordAudit } from '../audit/index.ts';
import type { Chain, City } from '../cities/index.ts';
import { addMeetingPart, editableMeeting, type Editor } from './meeting.helpers.ts';
import * as repo from './meeting.repository.ts';
import { parseForm } from './fields.schema.ts';
import { closingNoteForm, OUTCOME_KINDS, outcomeForm } from './outcome.schema.ts';
import { meetingsErrors } from './errors.ts';

// The outcomes of a meeting (decisions, information, actions) and the follow-up of
// actions: an open action is carried to the next meetings until it is closed.

export { OUTCOME_KINDS };

export interface Outcome {
  id: string;
  meetingId: string;
  /** The year of the meeting it came from. */
  year: number;
  kind: (typeof OUTCOME_KINDS)[number];
  text: string;
  responsibleCity: City | null;
  dueOn: string | null;
  closedOn: string | null;
  closingNote: string | null;
}

/** An outcome from its row; `year` is the year of the meeting it came from. */
export const toOutcome = (
  o: Awaited<ReturnType<typeof repo.listOutcomes>>[number],
  year: number,
  byId: ReadonlyMap<string, City>,
): Outcome => ({
  id: o.id,
  meetingId: o.meeting_id,
  year,
  kind: o.kind as Outcome['kind'],
  text: o.text,
  responsibleCity: o.responsible_city_id ? (byId.get(o.responsible_city_id) ?? null) : null,
  dueOn: o.due_on,
  closedOn: o.closed_on,
  closingNote: o.closing_note,
});

export interface OutcomeInput {
  kind: string;
  text: string;
  responsibleCity: string; // slug, or empty
  dueOn: string;
}

export function recordOutcome(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  input: OutcomeInput,
): Promise<string> {
  return addMeetingPart(db, chain, editor, meetingId, {
    entity: 'meeting_outcome',
    action: 'record',
    fields: () => {
      // The responsible city is checked against the chain; an action needs one.
      const slug = input.responsibleCity.trim();
      const city = chain.members.find((m) => m.city.slug === slug)?.city;
      const cityProblem =
        slug && !city
          ? 'outcome.cityNotInChain'
          : input.kind === 'action' && !city
            ? 'outcome.cityRequired'
            : null;
      const v = parseForm(outcomeForm, input, { responsibleCity: cityProblem });
      return {
        kind: v.kind,
        text: v.text,
        responsible_city_id: city?.id ?? null,
        due_on: v.dueOn,
        closed_on: null,
        closed_in_meeting_id: null,
        closing_note: null,
      };
    },
    insert: repo.insertOutcome,
  });
}

/**
 * Closes an open action, from the page of its own meeting or of a later one (where it is
 * a follow-up item), with a note saying how it was done.
 */
export async function closeAction(
  db: Db,
  chain: Chain,
  editor: Editor,
  meetingId: string,
  outcomeId: string,
  note: string,
  today: string = nowIso().slice(0, 10),
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const meeting = await editableMeeting(trx, chain, editor, meetingId);
    const outcome = await repo.findOutcome(trx, outcomeId);
    const origin = outcome ? await repo.findMeeting(trx, outcome.meeting_id) : undefined;
    if (
      !outcome ||
      !origin ||
      origin.chain_id !== chain.id ||
      origin.year > meeting.year ||
      outcome.kind !== 'action'
    )
      throw meetingsErrors.outcomeNotFound(outcomeId);
    const { closingNote } = parseForm(
      closingNoteForm,
      { closingNote: note },
      { closingNote: outcome.closed_on ? 'outcome.alreadyClosed' : null },
    );
    const changes = {
      closed_on: today,
      closed_in_meeting_id: meetingId,
      closing_note: closingNote,
    };
    await repo.updateOutcome(trx, outcomeId, { ...changes, updated_at: nowIso() });
    await recordAudit(trx, editor.actor, {
      entity: 'meeting_outcome',
      entityId: outcomeId,
      action: 'close',
      changes: diff({ closed_on: null, closed_in_meeting_id: null, closing_note: null }, changes),
    });
  });
}
