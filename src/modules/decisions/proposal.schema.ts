import { z } from 'zod';
import { multiline } from '../../shared/validation.ts';
import { MAX_CITY_NAME } from './proposal.service.ts';

/**
 * The proposal form as sent (strings), read by `readForm`: it refuses a value longer than
 * its field takes (or sent twice, or with a control character) at the field. The rules of a
 * proposal are the service's (`draftProposal`), shared with the API; the limits of the
 * free texts here are the service's, the others only keep junk out.
 */
export const proposalForm = z.object({
  kind: z.string().max(100),
  city: z.string().max(100),
  slug: z.string().max(100),
  nameSv: z.string().max(MAX_CITY_NAME),
  nameEn: z.string().max(MAX_CITY_NAME),
  countryCode: z.string().max(100),
  latitude: z.string().max(100),
  longitude: z.string().max(100),
  title: z.string().max(300),
  justification: multiline(z.string().max(20_000)),
});
