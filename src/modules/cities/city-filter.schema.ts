import { z } from 'zod';
import { CITY_KINDS, CITY_STATUSES } from './city.service.ts';

/** The filters of a list of cities: `GET /api/v1/cities` and its CSV take the same. */
export const cityFilterQuery = z.object({
  status: z
    .enum(CITY_STATUSES, { error: `status must be one of: ${CITY_STATUSES.join(', ')}` })
    .optional()
    .describe('Only cities with this status'),
  kind: z
    .enum(CITY_KINDS, { error: `kind must be one of: ${CITY_KINDS.join(', ')}` })
    .optional()
    .describe('Only cities of this kind'),
});
