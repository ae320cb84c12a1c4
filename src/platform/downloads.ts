import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * A CSV file sent as a download named `filename`, streamed: each line is sent as it is
 * made. Not kept by caches unless `cacheControl` says otherwise (a public list may be).
 */
export function sendCsv(
  reply: FastifyReply,
  filename: string,
  lines: AsyncIterable<string>,
  cacheControl = 'no-store',
): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', cacheControl)
    .send(Readable.from(lines));
}

/**
 * Content-Disposition for a file, with an ASCII fallback and the UTF-8 name (RFC 6266): a
 * download, or shown in the browser (`inline`).
 */
export function attachment(filename: string, inline = false): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
