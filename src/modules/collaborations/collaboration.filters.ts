import { z } from 'zod';

export const COLLABORATION_KINDS = [
  'project',
  'network',
  'knowledge_exchange',
  'study_visit',
  'staff_exchange',
  'other',
] as const;
export type CollaborationKind = (typeof COLLABORATION_KINDS)[number];

export const COLLABORATION_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type CollaborationStatus = (typeof COLLABORATION_STATUSES)[number];

export const REVIEW_STATES = ['draft', 'submitted', 'returned', 'acknowledged'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

const slug = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z0-9-]*$/, { error: 'must be a slug (a-z, 0-9, -)' });

/** An empty query value means "no filter" (forms send empty selects). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/**
 * The filters of every collaboration list: workspace and public pages, the API, the
 * exports and the knowledge bank (`q` only there). All slugs; `year` is a period overlap.
 * Shared contract with the export (campaign branch).
 */
export const collaborationFilters = z.object({
  city: optional(slug).describe('Slug of a partner city'),
  area: optional(slug).describe('Slug of an area'),
  organisation: optional(slug).describe('Slug of the owner organisation'),
  year: optional(z.string().regex(/^\d{4}$/, { error: 'year must be four digits' })).describe(
    'The period overlaps this year',
  ),
  status: optional(
    z.enum(COLLABORATION_STATUSES, {
      error: `status must be one of: ${COLLABORATION_STATUSES.join(', ')}`,
    }),
  ),
  kind: optional(
    z.enum(COLLABORATION_KINDS, {
      error: `kind must be one of: ${COLLABORATION_KINDS.join(', ')}`,
    }),
  ),
  q: optional(z.string().trim().max(200)).describe('Free text (knowledge bank only)'),
});

export type CollaborationFilters = z.infer<typeof collaborationFilters>;

/** Parses filters from a query string, dropping (instead of failing on) bad values: for HTML pages. */
export function lenientFilters(query: unknown): CollaborationFilters {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(collaborationFilters.shape) as (keyof CollaborationFilters)[]) {
    const value = raw[key];
    const parsed = collaborationFilters.shape[key].safeParse(
      typeof value === 'string' ? value : undefined,
    );
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out;
}

/** The filters as query-string pairs (for links that keep them). */
export function filterQuery(f: CollaborationFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}
