import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** Where the parts of the stylesheet are: `src/ui/styles/NNN-<part>.css`. */
export const STYLES_DIR = fileURLToPath(new URL('../ui/styles/', import.meta.url));

/** The one stylesheet, `/static/styles.css`, as it is served. */
export interface Stylesheet {
  /** The parts' file names, in the order they are joined. */
  readonly parts: readonly string[];
  readonly css: Buffer;
  /** The first 10 hex digits of its SHA-256: the `?v=` of its address in every page. */
  readonly version: string;
  readonly etag: string;
  readonly lastModified: string;
}

/**
 * Joins the parts of the stylesheet once, at start: each file of `src/ui/styles` in the
 * order of its name (the number in front keeps the cascade as it was written), one blank
 * line between two. The platform's parts (base, layout, content, forms, workspace) and each
 * module's (named after it, e.g. `130-news.css`) live there; a new part takes a free number.
 */
export function loadStylesheet(dir: string = STYLES_DIR): Stylesheet {
  const parts = readdirSync(dir)
    .filter((name) => name.endsWith('.css'))
    .sort();
  const css = Buffer.from(
    parts.map((name) => readFileSync(join(dir, name), 'utf8')).join('\n'),
    'utf8',
  );
  const hash = createHash('sha256').update(css).digest('hex');
  const modified = Math.max(...parts.map((name) => statSync(join(dir, name)).mtimeMs));
  return {
    parts,
    css,
    version: hash.slice(0, 10),
    etag: `W/"${hash.slice(0, 27)}"`,
    lastModified: new Date(Math.floor(modified / 1000) * 1000).toUTCString(),
  };
}

/**
 * `GET /static/styles.css`: the joined stylesheet, with an ETag and Last-Modified, and 304
 * to a request that already has it. The caller's scope sets Cache-Control (a year under the
 * versioned address, revalidated under any other) and compression applies as to any reply.
 */
export function registerStylesheet(scope: FastifyInstance, sheet: Stylesheet): void {
  scope.get('/static/styles.css', (request, reply) => {
    reply.header('etag', sheet.etag).header('last-modified', sheet.lastModified);
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    const fresh =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((tag) => tag.trim() === sheet.etag || tag.trim() === '*')
        : ifModifiedSince !== undefined &&
          Date.parse(ifModifiedSince) >= Date.parse(sheet.lastModified);
    if (fresh) return reply.code(304).send();
    return reply.type('text/css; charset=utf-8').send(sheet.css);
  });
}
