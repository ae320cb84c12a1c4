import { z } from 'zod';

/**
 * The filters of collaboration lists and exports (query parameters), named as in the
 * collaborations module's `collaboration.filters.ts`: city, area and organisation by slug,
 * year (the collaboration's period overlaps it), status and kind. Empty values mean "any".
 */
const empty = (v: unknown) => (v === '' ? undefined : v);
const slug = z.preprocess(
  empty,
  z
    .string()
    .max(100)
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional(),
);

export const exportFiltersSchema = z.object({
  city: slug,
  area: slug,
  organisation: slug,
  year: z.preprocess(empty, z.coerce.number().int().min(1900).max(2200).optional()),
  status: z.preprocess(empty, z.enum(['planned', 'ongoing', 'completed', 'cancelled']).optional()),
  kind: z.preprocess(
    empty,
    z
      .enum(['project', 'network', 'knowledge_exchange', 'study_visit', 'staff_exchange', 'other'])
      .optional(),
  ),
});

export type ExportFilters = z.output<typeof exportFiltersSchema>;
