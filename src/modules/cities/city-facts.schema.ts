import { z } from 'zod';
import { ALL_LOCALES } from '../../platform/i18n/locales.ts';
import { multiline } from '../../shared/validation.ts';
import { MAX_DESCRIPTION, MAX_NAME } from './city-facts.service.ts';

/** A name or a short text as the service measures it: trimmed. */
const text = (max: number) => z.string().trim().max(max);

/**
 * The city facts form as sent (strings, one name and one description field per language),
 * read by `readForm`: it refuses a value longer than its field takes (or sent twice, or
 * with a control character) at the field. The rules are the service's (`checkCityFacts`);
 * the limits of the texts here are the service's, the others only keep junk out.
 */
export const cityFactsFields = z.object({
  ...Object.fromEntries(
    ALL_LOCALES.flatMap((lang) => [
      [`name_${lang}`, text(MAX_NAME)],
      [`description_${lang}`, multiline(text(MAX_DESCRIPTION))],
    ]),
  ),
  countryCode: z.string().max(100),
  region: text(MAX_NAME),
  latitude: z.string().max(100),
  longitude: z.string().max(100),
  population: z.string().max(100),
  website: z.string().max(2000),
  contactName: text(200),
  contactEmail: text(254),
});
