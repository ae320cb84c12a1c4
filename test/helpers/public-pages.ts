import type { FastifyInstance } from 'fastify';

/**
 * The public pages to check, read from `/sitemap.xml` (so a new public page is checked as
 * soon as its module lists it): every Swedish address, with at most `perKind` of each kind
 * of detail page (`/meetings/:id`, `/collaborations/:id`, …) to keep the run bounded.
 */
export async function samplePublicPages(app: FastifyInstance, perKind = 2): Promise<string[]> {
  const res = await app.inject({ url: '/sitemap.xml' });
  if (res.statusCode !== 200) throw new Error(`/sitemap.xml answered ${res.statusCode}`);
  const paths = [...res.body.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]*)<\/loc>/g)]
    .map((m) => m[1]!)
    .filter((p) => !/^\/(en|da|nb|fi)(\/|$)/.test(p));
  const seen = new Map<string, number>();
  return paths.filter((path) => {
    const parts = path.split('/').filter(Boolean);
    if (parts.length < 2 || parts[0] === 'cities') return true;
    const kind = parts[0]!;
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    return n < perKind;
  });
}
