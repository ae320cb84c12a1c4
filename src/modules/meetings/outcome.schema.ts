import { z } from 'zod';
import { optionalDate, requiredText } from './fields.schema.ts';
import { multiline } from '../../shared/validation.ts';

export const OUTCOME_KINDS = ['decision', 'information', 'action'] as const;

/**
 * An outcome of a meeting. The responsible city must be in the chain, and an action needs
 * one: the service checks that against the chain.
 */
export const outcomeForm = z.object({
  kind: z.enum(OUTCOME_KINDS, { error: 'outcome.kindRequired' }),
  text: multiline(requiredText(2000, 'outcome.textRequired')),
  responsibleCity: z.string().trim(),
  dueOn: optionalDate('meeting.dateInvalid'),
});

/** How an open action was done. */
export const closingNoteForm = z.object({
  closingNote: multiline(requiredText(2000, 'outcome.closingNoteRequired')),
});
