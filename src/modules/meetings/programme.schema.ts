import { z } from 'zod';
import { optionalText, requiredText } from './fields.schema.ts';
import { multiline } from '../../shared/validation.ts';

export const PROGRAMME_KINDS = ['plenary', 'seminar', 'study_visit', 'social'] as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().trim().regex(TIME, { error: 'programme.timeInvalid' });

/**
 * A programme item (added or corrected). Its day must be one of the meeting's days: the
 * service checks that against the meeting.
 */
export const programmeForm = z
  .object({
    day: z.string().trim(),
    startsAt: time,
    endsAt: time,
    kind: z.enum(PROGRAMME_KINDS, { error: 'programme.kindRequired' }),
    title: requiredText(300, 'programme.titleRequired'),
    location: optionalText(300, 'meeting.textTooLong'),
    description: multiline(optionalText(5000, 'meeting.textTooLong')),
  })
  .refine(
    // Checked even when other fields are wrong, so every problem is reported at once.
    (v: { startsAt?: unknown; endsAt?: unknown }) => {
      const start = typeof v.startsAt === 'string' ? v.startsAt.trim() : '';
      const end = typeof v.endsAt === 'string' ? v.endsAt.trim() : '';
      return !TIME.test(start) || !TIME.test(end) || end > start;
    },
    { path: ['endsAt'], error: 'programme.endNotAfterStart', when: () => true },
  );
