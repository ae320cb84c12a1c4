import { z } from 'zod';
import { optionalText, requiredText } from './fields.schema.ts';
import { multiline } from '../../shared/validation.ts';

/** A seminar of a meeting (added or corrected). */
export const seminarForm = z.object({
  title: requiredText(300, 'seminar.titleRequired'),
  topicArea: optionalText(200, 'meeting.textTooLong'),
  speakers: optionalText(2000, 'meeting.textTooLong'),
  description: multiline(optionalText(5000, 'meeting.textTooLong')),
});
