import { renderToString } from 'preact-render-to-string';
import { describe, expect, it, vi } from 'vitest';
import { NordicMap, type NordicMapCity } from './map.tsx';

const CITIES: NordicMapCity[] = [
  { slug: 'goteborg', name: 'Göteborg', latitude: 57.7089, longitude: 11.9746, kind: 'home' },
  {
    slug: 'aarhus',
    name: 'Århus',
    lang: 'da',
    latitude: 56.1629,
    longitude: 10.2039,
    kind: 'twin',
  },
  {
    slug: 'bergen',
    name: 'Bergen',
    lang: 'nb',
    latitude: 60.3913,
    longitude: 5.3221,
    kind: 'twin',
  },
  { slug: 'turku', name: 'Åbo', latitude: 60.4518, longitude: 22.2666, kind: 'twin' },
];
const NAMES = CITIES.map((c) => c.name);
const CHAIN = ['goteborg', 'aarhus', 'bergen', 'turku'];

function render(props: Partial<Parameters<typeof NordicMap>[0]> = {}): string {
  return renderToString(
    <NordicMap
      cities={CITIES}
      title="Vänortskedjan"
      description="Karta över Norden med Göteborg och vänorterna Århus, Bergen och Åbo."
      chainOrder={CHAIN}
      {...props}
    />,
  );
}

/** The text between an element's opening tag (found by `open`) and its closing tag. */
function inner(html: string, open: RegExp, tag: string): string {
  const match = open.exec(html);
  if (!match) throw new Error(`no ${String(open)}`);
  const start = match.index + match[0].length;
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end);
}

function attributes(tag: string): Record<string, string> {
  const pairs = [...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m): [string, string] => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
  return Object.fromEntries(pairs);
}

function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\n]+/g, ' ');
}

describe('NordicMap', () => {
  const html = render();
  const svgTag = /<svg class="nordic-map-svg"[^>]*>/.exec(html)?.[0] ?? '';
  const svg = attributes(svgTag);
  const [, , width, height] = (svg.viewBox ?? '').split(' ').map(Number);

  it('is an image with a title and a description', () => {
    expect(html.startsWith('<figure')).toBe(true);
    expect(svg.role).toBe('img');
    expect(svg['aria-labelledby']).toBe('nordic-map-title');
    expect(svg['aria-describedby']).toBe('nordic-map-desc');
    expect(html).toContain('<title id="nordic-map-title">Vänortskedjan</title>');
    expect(html).toContain(
      '<desc id="nordic-map-desc">Karta över Norden med Göteborg och vänorterna Århus, Bergen och Åbo.</desc>',
    );
    expect(width).toBe(600);
    expect(height).toBeGreaterThan(200);
  });

  it('marks the four cities inside the view, the home city with a square', () => {
    const markers = inner(html, /<g class="nordic-map-markers">/, 'g');
    const squares = [...markers.matchAll(/<rect ([^>]*)>/g)].map((m) => attributes(m[1]!));
    const circles = [...markers.matchAll(/<circle ([^>]*)>/g)].map((m) => attributes(m[1]!));
    expect(squares).toHaveLength(1);
    expect(circles).toHaveLength(3);
    const centres = [
      ...squares.map((a) => [
        Number(a.x) + Number(a.width) / 2,
        Number(a.y) + Number(a.height) / 2,
      ]),
      ...circles.map((a) => [Number(a.cx), Number(a.cy)]),
    ];
    for (const [x, y] of centres) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(width!);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(height!);
    }
    // Fitted to the cities: they spread over most of the drawing.
    const xs = centres.map(([x]) => x!);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(width! * 0.6);
    // West to east: Bergen, Århus, Göteborg, Åbo.
    type Point = [number, number];
    const [home, aarhus, bergen, turku] = centres as [Point, Point, Point, Point];
    expect(bergen[0]).toBeLessThan(aarhus[0]);
    expect(aarhus[0]).toBeLessThan(home[0]);
    expect(home[0]).toBeLessThan(turku[0]);
    expect(aarhus[1]).toBeGreaterThan(bergen[1]); // Århus is south of Bergen
  });

  it('labels each city in black on a white halo, inside the view', () => {
    const group = /<g class="nordic-map-labels"[^>]*>/.exec(html)?.[0] ?? '';
    expect(attributes(group)).toMatchObject({
      fill: '#000',
      stroke: '#fff',
      'paint-order': 'stroke',
    });
    const labels = [
      ...inner(html, /<g class="nordic-map-labels"[^>]*>/, 'g').matchAll(
        /<text ([^>]*)>([^<]*)<\/text>/g,
      ),
    ];
    expect(labels.map((m) => m[2]).sort()).toEqual([...NAMES].sort());
    for (const [, attrs] of labels) {
      const a = attributes(attrs!);
      expect(Number(a.x)).toBeGreaterThan(0);
      expect(Number(a.x)).toBeLessThan(width!);
      expect(Number(a.y)).toBeGreaterThan(0);
      expect(Number(a.y)).toBeLessThanOrEqual(height!);
    }
    expect(html).toMatch(/<text [^>]*lang="da"[^>]*>Århus<\/text>/);
  });

  it('has no inline styles and no scripts', () => {
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/<style|<script|\son\w+=/i);
  });

  it('draws land and the chain with one decimal at most', () => {
    const paths = [...html.matchAll(/\sd="([^"]*)"/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThanOrEqual(4); // land, borders, chain (halo and line)
    for (const d of paths) {
      expect(d).toMatch(/^[Mm][-\d. MmLlHhVvZz]*$/);
      expect(d).not.toMatch(/\.\d\d/);
    }
    expect(paths[0]!.length).toBeGreaterThan(2000); // real coastlines, not a box
    expect(html).toContain('class="nordic-map-chain"');
  });

  it('lists the cities as text under the map, in the chain order', () => {
    const caption = inner(html, /<figcaption[^>]*>/, 'figcaption');
    const list = inner(caption, /<ol class="nordic-map-cities"[^>]*>/, 'ol');
    const items = [...list.matchAll(/<li>(.*?)<\/li>/g)].map((m) => text(m[1]!));
    expect(items).toHaveLength(4);
    expect(items.map((item) => item.split(/[,(]/)[0]!.trim())).toEqual(NAMES);
    expect(items[0]).toBe('Göteborg (hemstad) – 57,71°\u00a0N, 11,97°\u00a0Ö');
    expect(items[2]).toContain('Bergen (vänort)');
    // Real text: nothing in the list is hidden from assistive technology.
    expect(list).not.toContain('aria-hidden');
    expect(caption).toContain('Städerna på kartan');
    expect(text(caption)).toContain('Hemstad');
    expect(text(caption)).toContain('Rotationsordningen');
  });

  it('links, countries, English texts and an unordered list without a chain', () => {
    const out = render({
      chainOrder: undefined,
      locale: 'en',
      idPrefix: 'twins',
      cities: CITIES.map((c) => ({ ...c, href: `/cities/${c.slug}`, country: 'X' })),
    });
    expect(out).not.toContain('nordic-map-chain');
    expect(out).toContain('<ul class="nordic-map-cities" aria-labelledby="twins-list">');
    expect(out).toContain('aria-labelledby="twins-title"');
    expect(out).toContain('<a href="/cities/aarhus" lang="da">Århus</a>, X (twin city) – 56.16°');
    expect(out).toContain('Cities on the map');
    expect(out).not.toContain('Host rotation order');
  });

  it('stays small', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(60_000);
  });

  it('is deterministic, also from a fresh module', async () => {
    expect(render()).toBe(html);
    vi.resetModules();
    const fresh = await import('./map.tsx');
    const again = renderToString(
      <fresh.NordicMap
        cities={CITIES}
        title="Vänortskedjan"
        description="Karta över Norden med Göteborg och vänorterna Århus, Bergen och Åbo."
        chainOrder={CHAIN}
      />,
    );
    expect(again).toBe(html);
  });

  it('copes with a single city and with none', () => {
    const one = render({ cities: [CITIES[3]!], chainOrder: undefined });
    expect(one).toContain('>Åbo</text>');
    expect(one).not.toMatch(/NaN|Infinity/);
    const none = render({ cities: [], chainOrder: undefined });
    expect(none).toContain('role="img"');
    expect(none).not.toMatch(/NaN|Infinity/);
  });
});
