import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { cachedRead } from '../../platform/read-cache.ts';
import { catalogueTriples } from './catalogue.graph.ts';
import { datasetsModified } from './catalogue.service.ts';
import { toJsonLd, toRdfXml, toTurtle } from './rdf.ts';

const FORMATS = ['application/rdf+xml', 'application/ld+json', 'text/turtle'] as const;
type Format = (typeof FORMATS)[number];

/**
 * The format an `Accept` header prefers among the three, by quality and then by the order
 * above; RDF/XML (what Sweden's data portal harvests) when it names none of them.
 */
export function negotiate(accept: string | undefined): Format {
  if (!accept) return 'application/rdf+xml';
  let best: { format: Format; q: number; rank: number } | null = null;
  for (const part of accept.slice(0, 1000).split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    const matches = FORMATS.filter(
      (f) =>
        type === f ||
        (type === 'application/json' && f === 'application/ld+json') ||
        (type.endsWith('/*') && f.startsWith(type.slice(0, -1))) ||
        type === '*/*',
    );
    for (const format of matches) {
      const rank = FORMATS.indexOf(format) + (type.includes('*') ? FORMATS.length : 0);
      if (!best || q > best.q || (q === best.q && rank < best.rank)) best = { format, q, rank };
    }
  }
  return best?.format ?? 'application/rdf+xml';
}

export const catalogueRoutes: FastifyPluginAsync = async (app) => {
  const base = (request: FastifyRequest) =>
    app.config.publicUrl ?? `${request.protocol}://${request.host}`;

  app.get('/datasets/dcat', { config: { permission: 'public' } }, async (request, reply) => {
    const format = negotiate(request.headers.accept);
    const root = base(request);
    // Written once per change of the public records (and per format and address).
    const body = await cachedRead(
      app.db.kysely,
      'public',
      `dcat\u0000${format}\u0000${root}`,
      async () => {
        const triples = catalogueTriples({
          base: root,
          contactEmail: app.config.openDataContactEmail,
          modified: await datasetsModified(app.db),
        });
        return format === 'text/turtle'
          ? await toTurtle(triples)
          : format === 'application/ld+json'
            ? JSON.stringify(toJsonLd(triples), null, 2)
            : toRdfXml(triples);
      },
    );
    return reply
      .type(`${format}; charset=utf-8`)
      .header('vary', 'Accept')
      .header('cache-control', 'public, max-age=300')
      .send(body);
  });
};
