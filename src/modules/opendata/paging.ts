import { z } from 'zod';
import { pageNumber, wholeNumber } from '../../shared/validation.ts';
import { errors } from '../../shared/errors.ts';

export { pageJson } from '../../shared/paging-json.ts';

/**
 * The open lists' pagination, as the decisions API has it: `limit` (1–200) with either
 * `cursor` (the `nextCursor` of the previous slice) or `page` (1-based). The JSON lists
 * default to 50; a CSV without any of them is the whole list, read in batches.
 */
const LIMIT_ERROR = 'limit must be a whole number from 1 to 200';

const limit = wholeNumber(1, 200, LIMIT_ERROR);

const cursor = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'cursor is not one this API gave out' })
  .optional()
  .describe('The `nextCursor` of the previous slice (opaque)');

const page = pageNumber().optional().describe('1-based page number (instead of `cursor`)');

export const jsonPaging = {
  limit: limit.default(50).describe('Items per slice, 1–200 (default 50)'),
  cursor,
  page,
};

export const csvPaging = {
  limit: limit
    .optional()
    .describe('Rows per slice, 1–200; without `limit`, `cursor` and `page` the whole list'),
  cursor,
  page,
};

/** Rows read at a time when a CSV gives the whole list: memory stays flat however long. */
export const CSV_BATCH = 500;

/** Cursors are opaque to callers: the offset of the next slice, base64url-encoded. */
export const encodeCursor = (offset: number) => Buffer.from(`o${offset}`).toString('base64url');

function decodeCursor(value: string): number {
  const m = /^o(\d{1,9})$/.exec(Buffer.from(value, 'base64url').toString('latin1'));
  if (!m)
    throw errors.validation([{ path: 'cursor', message: 'cursor is not one this API gave out' }]);
  return Number(m[1]);
}

/** The offset a request asks for; a 400 for both `cursor` and `page`. */
export function offsetOf(query: {
  limit: number;
  cursor?: string | undefined;
  page?: number | undefined;
}) {
  if (query.cursor !== undefined && query.page !== undefined) {
    throw errors.validation([{ path: 'cursor', message: 'give either cursor or page, not both' }]);
  }
  return query.cursor !== undefined
    ? decodeCursor(query.cursor)
    : ((query.page ?? 1) - 1) * query.limit;
}

/** The `page` member of a JSON list, with the link to the next slice (filters and `lang` kept). */
export function pageOf(
  path: string,
  params: Record<string, string | number | undefined>,
  slice: { limit: number; offset: number; shown: number; total: number },
) {
  const nextOffset = slice.offset + slice.shown;
  const nextCursor = slice.shown > 0 && nextOffset < slice.total ? encodeCursor(nextOffset) : null;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
  query.set('limit', String(slice.limit));
  if (nextCursor) query.set('cursor', nextCursor);
  return {
    limit: slice.limit,
    total: slice.total,
    page: Math.floor(slice.offset / slice.limit) + 1,
    nextCursor,
    next: nextCursor ? `${path}?${query.toString()}` : null,
  };
}

/**
 * The rows a CSV request reads: the slice it asks for, or (without `limit`, `cursor` and
 * `page`) every batch until a short one. The query is checked here, before the response
 * starts, so a bad cursor is a 400 and never a broken download.
 */
export function csvRows<T>(
  query: { limit?: number | undefined; cursor?: string | undefined; page?: number | undefined },
  read: (slice: { limit: number; offset: number }) => Promise<readonly T[]>,
): AsyncGenerator<T> {
  const single =
    query.limit !== undefined || query.cursor !== undefined || query.page !== undefined;
  const limit = query.limit ?? 50;
  const first = single ? offsetOf({ ...query, limit }) : 0;
  return (async function* () {
    if (single) {
      yield* await read({ limit, offset: first });
      return;
    }
    for (let offset = 0; ; offset += CSV_BATCH) {
      const rows = await read({ limit: CSV_BATCH, offset });
      yield* rows;
      if (rows.length < CSV_BATCH) return;
    }
  })();
}
