import { z } from 'zod';

/** How a paged JSON list of the API describes its slice (news, decisions, …). */
export const pageJson = z.object({
  limit: z.number().int(),
  total: z.number().int().describe('How many match, in every slice together'),
  page: z.number().int().describe('The 1-based page of this slice'),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next slice; null on the last one'),
  next: z.string().nullable().describe('The address of the next slice, or null at the end'),
});
