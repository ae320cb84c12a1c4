import { z } from 'zod';
import { translatedText } from '../../platform/i18n/api.ts';
import { multiline, sentForm, wholeNumber } from '../../shared/validation.ts';
import { MEETING_STATUSES } from './rotation.ts';
import { FIRST_YEAR, LAST_YEAR } from './meeting.service.ts';

const yearError = `from must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`;
const countError = 'count must be a whole number from 1 to 100';

export const rotationQuery = z.object({
  from: wholeNumber(FIRST_YEAR, LAST_YEAR, yearError)
    .optional()
    .describe('First year of the sequence (default: the current year)'),
  count: wholeNumber(1, 100, countError).default(8).describe('Number of turns, 1–100 (default 8)'),
});

export const rotationTurnJson = z
  .object({
    year: z.number().int().meta({ example: 2027 }),
    host: z.object({
      slug: z.string().meta({ example: 'goteborg' }),
      name: z.string().describe('Name in Swedish').meta({ example: 'Göteborg' }),
      localized: z
        .object({ name: translatedText })
        .describe(
          'The name in the language of the response (`lang`, `Accept-Language`, else ' +
            'Swedish), or the Swedish one, with `lang: sv`, when it has no translation',
        ),
    }),
    status: z
      .enum(MEETING_STATUSES)
      .describe('A registered meeting’s status, or `forecast` for a turn the rotation predicts'),
    meeting: z
      .string()
      .nullable()
      .describe('URL of the meeting’s public page, when the turn is a registered meeting'),
  })
  .meta({ id: 'RotationTurn' });

export const rotationJson = z.array(rotationTurnJson).meta({ id: 'Rotation' });

export const meetingIdParams = z.object({ id: z.string().max(100) });
export const documentParams = z.object({ id: z.string().max(100), docId: z.string().max(100) });

/** A reason given in a text area (its limit is the service's). */
const reason = multiline(z.string().trim().max(2000));

/**
 * The workspace's meeting form as sent (`sentForm`). The rules are the service's
 * (`scheduleMeeting`, `updateMeeting`); the limits of the texts are the service's.
 */
export const meetingForm = sentForm(
  ['year', 'host', 'startDate', 'endDate', 'venue', 'theme', 'status', 'statusReason'],
  { venue: 300, theme: 300, statusReason: reason },
);

/** The form that changes the rotation (`adjustRotation`), as sent. */
export const adjustmentForm = sentForm(['kind', 'year', 'city', 'otherCity', 'reason'], {
  reason,
});
