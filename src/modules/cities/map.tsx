/**
 * A map of the Nordic region with the chain's cities, drawn on the server as SVG.
 *
 * The land comes from Natural Earth (1:50m, through the world-atlas package) and is
 * read once at module load; nothing is fetched at run time and no script runs in the
 * browser. The site's Content-Security-Policy forbids inline styles, so the SVG is
 * painted with presentation attributes only (sizes and the text alternative use
 * classes from the site stylesheet). The same input always gives the same markup.
 */
import { createRequire } from 'node:module';
import { type GeoContext, type GeoProjection, geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Position } from 'geojson';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type NordicMapCityKind = 'home' | 'twin' | 'partner';

export interface NordicMapCity {
  slug: string;
  name: string;
  /** The language of `name` when it differs from the page's. */
  lang?: string;
  latitude: number;
  longitude: number;
  kind: NordicMapCityKind;
  /** Linked from the text alternative (the SVG itself has no links). */
  href?: string;
  /** The country's name, shown in the text alternative. */
  country?: string;
}

export interface NordicMapLabels {
  home: string;
  twin: string;
  partner: string;
  /** Legend entry for the lines between the chain's cities. */
  chain: string;
  /** Heading of the list of cities under the map. */
  list: string;
  /** Compass letters for coordinates: north, south, east, west. */
  compass: [string, string, string, string];
}

/** Texts for the languages of the chain; other languages get the Swedish ones. */
export const NORDIC_MAP_LABELS: Record<'sv' | 'en' | 'da' | 'nb' | 'fi', NordicMapLabels> = {
  sv: {
    home: 'Hemstad',
    twin: 'Vänort',
    partner: 'Partnerstad',
    chain: 'Rotationsordningen',
    list: 'Städerna på kartan',
    compass: ['N', 'S', 'Ö', 'V'],
  },
  en: {
    home: 'Home city',
    twin: 'Twin city',
    partner: 'Partner city',
    chain: 'Host rotation order',
    list: 'Cities on the map',
    compass: ['N', 'S', 'E', 'W'],
  },
  da: {
    home: 'Hjemby',
    twin: 'Venskabsby',
    partner: 'Partnerby',
    chain: 'Rækkefølgen for værtskab',
    list: 'Byerne på kortet',
    compass: ['N', 'S', 'Ø', 'V'],
  },
  nb: {
    home: 'Hjemby',
    twin: 'Vennskapsby',
    partner: 'Partnerby',
    chain: 'Rekkefølgen for vertskap',
    list: 'Byene på kartet',
    compass: ['N', 'S', 'Ø', 'V'],
  },
  fi: {
    home: 'Kotikaupunki',
    twin: 'Ystävyyskaupunki',
    partner: 'Kumppanikaupunki',
    chain: 'Isännöintijärjestys',
    list: 'Kartan kaupungit',
    compass: ['P', 'E', 'I', 'L'],
  },
};

export interface NordicMapProps {
  cities: NordicMapCity[];
  /** Short name of the map: the SVG's <title> and the visible caption. */
  title: string;
  /** What the map shows, in a sentence or two: the SVG's <desc>. */
  description: string;
  /** Width of the drawing in CSS pixels (it shrinks on narrow screens). Default 600. */
  width?: number;
  /** Height in CSS pixels; by default it follows the cities' extent. */
  height?: number;
  /** The text drawn next to a city's marker; by default its name. */
  labelFor?: (city: NordicMapCity) => string;
  /** Slugs in the chain's order: draws a line from each city to the next. */
  chainOrder?: string[];
  /** Page language (BCP 47): picks the built-in texts and the number format. Default 'sv'. */
  locale?: string;
  /** Overrides of the built-in texts. */
  labels?: Partial<NordicMapLabels>;
  /** Prefix of the element ids; give each map on a page its own. Default 'nordic-map'. */
  idPrefix?: string;
}

// ---------------------------------------------------------------------------
// Land, read once

/** Land and borders that reach into this box (degrees) are drawn; the rest of the world is not. */
const REGION = { west: -40, east: 50, south: 45, north: 85 };

const atlas = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology<{
  countries: GeometryCollection<{ name: string }>;
}>;

function reachesRegion(points: Position[]): boolean {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const [lon = 0, lat = 0] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return (
    west <= REGION.east && east >= REGION.west && south <= REGION.north && north >= REGION.south
  );
}

const polygons = atlas.objects.countries.geometries.filter(
  (geometry) => geometry.type === 'Polygon' || geometry.type === 'MultiPolygon',
);
const worldLand = merge(atlas, polygons);
const worldBorders = mesh(
  atlas,
  { type: 'GeometryCollection', geometries: polygons },
  (a, b) => a !== b,
);
const LAND: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: worldLand.coordinates.filter((polygon) => reachesRegion(polygon[0] ?? [])),
};
const BORDERS: MultiLineString = {
  type: 'MultiLineString',
  coordinates: worldBorders.coordinates.filter(reachesRegion),
};

// ---------------------------------------------------------------------------
// Paint. Every text is black on white (21:1); markers are the site's blue (#004b89)
// with a white rim, 8:1 or more against both land and sea.

const SEA = '#dde9f4';
const LAND_FILL = '#fbfbf8';
const COAST = '#7c8a99';
const BORDER = '#9aa6b2';
const MARK = '#004b89';
const LINE = '#004b89';
const FONT_SIZE = 14;

// ---------------------------------------------------------------------------
// SVG path data: 1 decimal, relative commands, points closer than half a pixel dropped

/** Collects d3's drawing calls as compact SVG path data, in tenths of a pixel. */
class PathData implements GeoContext {
  private out: string[] = [];
  /** The current ring or line, as x, y pairs in tenths. */
  private ring: number[] = [];
  private closed = false;
  /** The pen, in tenths, after the last written command. */
  private penX = 0;
  private penY = 0;
  private started = false;

  constructor(private readonly minSize: number) {}

  beginPath(): void {}

  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [Math.round(x * 10), Math.round(y * 10)];
  }

  lineTo(x: number, y: number): void {
    const ring = this.ring;
    const px = Math.round(x * 10);
    const py = Math.round(y * 10);
    const n = ring.length;
    // Points less than half a pixel from the last one add nothing at this size.
    if (n >= 2 && Math.abs(px - ring[n - 2]!) + Math.abs(py - ring[n - 1]!) < 5) return;
    ring.push(px, py);
  }

  closePath(): void {
    this.closed = true;
    this.flush();
  }

  arc(): void {}

  toString(): string {
    this.flush();
    return this.out.join('');
  }

  private flush(): void {
    const ring = this.ring;
    const closed = this.closed;
    this.ring = [];
    this.closed = false;
    if (ring.length < 4) return;
    // Drop specks: islands and bits of border smaller than `minSize` tenths across.
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < ring.length; i += 2) {
      minX = Math.min(minX, ring[i]!);
      maxX = Math.max(maxX, ring[i]!);
      minY = Math.min(minY, ring[i + 1]!);
      maxY = Math.max(maxY, ring[i + 1]!);
    }
    if (maxX - minX < this.minSize && maxY - minY < this.minSize) return;
    const startX = ring[0]!;
    const startY = ring[1]!;
    this.out.push(
      this.started
        ? `m${pair(startX - this.penX, startY - this.penY)}`
        : `M${pair(startX, startY)}`,
    );
    this.started = true;
    let x0 = startX;
    let y0 = startY;
    let line = 'l';
    for (let i = 2; i < ring.length; i += 2) {
      const text = pair(ring[i]! - x0, ring[i + 1]! - y0);
      line += line === 'l' || text.charCodeAt(0) === 45 ? text : ` ${text}`;
      x0 = ring[i]!;
      y0 = ring[i + 1]!;
    }
    this.out.push(line);
    if (closed) {
      this.out.push('z');
      // Closing returns the pen to the ring's start.
      this.penX = startX;
      this.penY = startY;
    } else {
      this.penX = x0;
      this.penY = y0;
    }
  }
}

/** Tenths of a pixel as the shortest decimal text: 15 → "1.5", -5 → "-.5". */
function num(tenths: number): string {
  const whole = Math.trunc(tenths / 10);
  const tenth = Math.abs(tenths % 10);
  if (tenth === 0) return String(whole);
  const sign = tenths < 0 ? '-' : '';
  return whole === 0 ? `${sign}.${tenth}` : `${sign}${Math.abs(whole)}.${tenth}`;
}

function pair(x: number, y: number): string {
  const a = num(x);
  const b = num(y);
  return b.startsWith('-') || (a.includes('.') && b.startsWith('.')) ? `${a}${b}` : `${a} ${b}`;
}

function draw(
  projection: GeoProjection,
  object: MultiPolygon | MultiLineString | LineString,
  minSize: number,
): string {
  const context = new PathData(minSize);
  geoPath(projection, context)(object);
  return context.toString();
}

// ---------------------------------------------------------------------------
// Layout

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Placed {
  city: NordicMapCity;
  x: number;
  y: number;
  text: string;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A generous guess of a label's width: the SVG is measured by no browser here. */
function textWidth(text: string): number {
  let units = 0;
  for (const char of text)
    units += /[A-ZÅÄÖÆØ]/.test(char) ? 0.72 : /[il.,'’ ]/.test(char) ? 0.3 : 0.58;
  return units * FONT_SIZE;
}

/** Puts each label on the first side of its marker where it fits and hides nothing. */
function placeLabels(
  points: { city: NordicMapCity; x: number; y: number; text: string }[],
  width: number,
  height: number,
): Placed[] {
  const markers: Box[] = points.map(({ x, y }) => ({ x0: x - 8, y0: y - 8, x1: x + 8, y1: y + 8 }));
  const taken: Box[] = [];
  return points.map((point, index) => {
    const { x, y, text } = point;
    const w = textWidth(text);
    const ascent = FONT_SIZE * 0.75;
    const descent = FONT_SIZE * 0.25;
    const candidates = [
      { labelX: x + 10, labelY: y + 5, anchor: 'start' as const },
      { labelX: x - 10, labelY: y + 5, anchor: 'end' as const },
      { labelX: x, labelY: y - 12, anchor: 'middle' as const },
      { labelX: x, labelY: y + 12 + ascent, anchor: 'middle' as const },
      { labelX: x + 8, labelY: y - 9, anchor: 'start' as const },
      { labelX: x - 8, labelY: y - 9, anchor: 'end' as const },
      { labelX: x + 8, labelY: y + 9 + ascent, anchor: 'start' as const },
      { labelX: x - 8, labelY: y + 9 + ascent, anchor: 'end' as const },
    ];
    let best = candidates[0]!;
    let bestCost = Infinity;
    let bestBox: Box | null = null;
    for (const candidate of candidates) {
      const x0 =
        candidate.anchor === 'start'
          ? candidate.labelX
          : candidate.anchor === 'end'
            ? candidate.labelX - w
            : candidate.labelX - w / 2;
      const box = {
        x0: x0 - 3,
        y0: candidate.labelY - ascent - 3,
        x1: x0 + w + 3,
        y1: candidate.labelY + descent + 3,
      };
      let cost = 0;
      // Outside the drawing costs most, then hiding a marker, then another label.
      const outside =
        Math.max(0, -box.x0) +
        Math.max(0, box.x1 - width) +
        Math.max(0, -box.y0) +
        Math.max(0, box.y1 - height);
      cost += outside * 1000;
      markers.forEach((marker, i) => {
        if (i !== index) cost += overlapArea(box, marker) * 100;
      });
      for (const other of taken) if (overlaps(box, other)) cost += overlapArea(box, other) * 10;
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
        bestBox = box;
      }
      if (cost === 0) break;
    }
    if (bestBox) taken.push(bestBox);
    return { ...point, ...best };
  });
}

function projectionFor(cities: NordicMapCity[], width: number, height: number | undefined) {
  const lons = cities.map((c) => c.longitude);
  const lats = cities.map((c) => c.latitude);
  // Without cities, the Nordic countries.
  let west = cities.length ? Math.min(...lons) : 4;
  let east = cities.length ? Math.max(...lons) : 32;
  let south = cities.length ? Math.min(...lats) : 54;
  let north = cities.length ? Math.max(...lats) : 71;
  // At least about 400 km each way, so one city or two close ones still show a region.
  const minLat = 3.6;
  const minLon = 7.2;
  if (north - south < minLat) {
    const mid = (north + south) / 2;
    south = mid - minLat / 2;
    north = mid + minLat / 2;
  }
  if (east - west < minLon) {
    const mid = (east + west) / 2;
    west = mid - minLon / 2;
    east = mid + minLon / 2;
  }
  const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
  const frame: MultiPoint = {
    type: 'MultiPoint',
    coordinates: [
      ...cities.map((c): [number, number] => [c.longitude, c.latitude]),
      [west, south],
      [east, south],
      [west, north],
      [east, north],
      [centre[0], south],
      [centre[0], north],
    ],
  };
  const padX = Math.round(width * 0.09);
  const padY = Math.round(width * 0.1);
  const projection = geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    .clipAngle(40)
    .precision(1);
  let h = height;
  if (h === undefined) {
    // The height that fits the frame at this width, within reason.
    projection.fitWidth(width - 2 * padX, frame);
    const [[, y0], [, y1]] = geoPath(projection).bounds(frame);
    h = Math.round(Math.min(Math.max(y1 - y0 + 2 * padY, width * 0.62), width * 1.25));
  }
  projection.fitExtent(
    [
      [padX, padY],
      [width - padX, h - padY],
    ],
    frame,
  );
  projection.clipExtent([
    [0, 0],
    [width, h],
  ]);
  return { projection, height: h };
}

// ---------------------------------------------------------------------------
// The drawing, remembered: a page shows the same chain to every visitor.

interface Drawing {
  height: number;
  land: string;
  borders: string;
  chainPath: string;
  placed: {
    slug: string;
    kind: NordicMapCityKind;
    lang: string | undefined;
    text: string;
    x: number;
    y: number;
    labelX: number;
    labelY: number;
    anchor: 'start' | 'middle' | 'end';
  }[];
}

const drawings = new Map<string, Drawing>();
const DRAWINGS_KEPT = 32;

function drawing(
  cities: NordicMapCity[],
  texts: string[],
  chain: NordicMapCity[],
  width: number,
  heightWanted: number | undefined,
): Drawing {
  const key = JSON.stringify([
    width,
    heightWanted ?? null,
    cities.map((c, i) => [c.slug, c.kind, c.lang ?? '', c.latitude, c.longitude, texts[i]]),
    chain.map((c) => c.slug),
  ]);
  const known = drawings.get(key);
  if (known) return known;

  const { projection, height } = projectionFor(cities, width, heightWanted);
  const land = draw(projection, LAND, 8);
  const borders = draw(projection, BORDERS, 8);
  const chainPath =
    chain.length > 1
      ? draw(
          projection,
          { type: 'LineString', coordinates: chain.map((c) => [c.longitude, c.latitude]) },
          0,
        )
      : '';

  // Home city first, so that its label gets the best place.
  const order: Record<NordicMapCityKind, number> = { home: 0, twin: 1, partner: 2 };
  const points = cities
    .map((city, i) => {
      const [x, y] = projection([city.longitude, city.latitude]) ?? [NaN, NaN];
      return { city, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, text: texts[i] ?? '' };
    })
    .filter((p) => p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height)
    .sort((a, b) => order[a.city.kind] - order[b.city.kind]);
  const placed = placeLabels(points, width, height).map((p) => ({
    slug: p.city.slug,
    kind: p.city.kind,
    lang: p.city.lang,
    text: p.text,
    x: p.x,
    y: p.y,
    labelX: Math.round(p.labelX * 10) / 10,
    labelY: Math.round(p.labelY * 10) / 10,
    anchor: p.anchor,
  }));

  const result = { height, land, borders, chainPath, placed };
  if (drawings.size >= DRAWINGS_KEPT) drawings.delete(drawings.keys().next().value!);
  drawings.set(key, result);
  return result;
}

// ---------------------------------------------------------------------------
// Component

function labelsFor(
  locale: string,
  overrides: Partial<NordicMapLabels> | undefined,
): NordicMapLabels {
  const language = locale.toLowerCase().split('-')[0] as keyof typeof NORDIC_MAP_LABELS;
  const base = Object.hasOwn(NORDIC_MAP_LABELS, language)
    ? NORDIC_MAP_LABELS[language]
    : NORDIC_MAP_LABELS.sv;
  return { ...base, ...overrides };
}

function formatCoordinates(city: NordicMapCity, locale: string, labels: NordicMapLabels): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  } catch {
    format = new Intl.NumberFormat('sv', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  const [n, s, e, w] = labels.compass;
  const lat = `${format.format(Math.abs(city.latitude))}°\u00a0${city.latitude < 0 ? s : n}`;
  const lon = `${format.format(Math.abs(city.longitude))}°\u00a0${city.longitude < 0 ? w : e}`;
  return `${lat}, ${lon}`;
}

function Marker({ kind, x, y }: { kind: NordicMapCityKind; x: number; y: number }) {
  if (kind === 'home') {
    return (
      <rect
        x={x - 6.5}
        y={y - 6.5}
        width="13"
        height="13"
        fill={MARK}
        stroke="#fff"
        stroke-width="2"
      />
    );
  }
  if (kind === 'partner') {
    return (
      <path
        d={`M${x} ${y - 7.5}l7.5 7.5-7.5 7.5-7.5-7.5z`}
        fill="#fff"
        stroke={MARK}
        stroke-width="3"
      />
    );
  }
  return <circle cx={x} cy={y} r="6.5" fill={MARK} stroke="#fff" stroke-width="2" />;
}

function LegendSymbol({ kind }: { kind: NordicMapCityKind | 'chain' }) {
  return (
    <svg
      class="nordic-map-symbol"
      width="22"
      height="18"
      viewBox="-11 -9 22 18"
      aria-hidden="true"
      focusable="false"
    >
      {kind === 'chain' ? (
        <path d="M-10 0h20" stroke={LINE} stroke-width="2.5" stroke-dasharray="6 3" fill="none" />
      ) : (
        <Marker kind={kind} x={0} y={0} />
      )}
    </svg>
  );
}

export function NordicMap(props: NordicMapProps) {
  const width = Math.round(props.width ?? 600);
  const locale = props.locale ?? 'sv';
  const labels = labelsFor(locale, props.labels);
  const id = props.idPrefix ?? 'nordic-map';
  const cities = props.cities.filter(
    (c) => Number.isFinite(c.latitude) && Number.isFinite(c.longitude),
  );
  const bySlug = new Map(cities.map((c) => [c.slug, c]));
  const chain = (props.chainOrder ?? [])
    .map((slug) => bySlug.get(slug))
    .filter((c): c is NordicMapCity => c !== undefined);
  const texts = cities.map((city) => (props.labelFor ? props.labelFor(city) : city.name));
  const { height, land, borders, chainPath, placed } = drawing(
    cities,
    texts,
    chain,
    width,
    props.height,
  );

  // The list follows the chain's order when there is one, otherwise the given order.
  const listed = chain.length ? [...chain, ...cities.filter((c) => !chain.includes(c))] : cities;
  const kinds = (['home', 'twin', 'partner'] as const).filter((k) =>
    cities.some((c) => c.kind === k),
  );
  const List = chain.length ? 'ol' : 'ul';

  return (
    <figure class="nordic-map" aria-labelledby={`${id}-caption`}>
      <svg
        class="nordic-map-svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        <rect width={width} height={height} fill={SEA} />
        <path
          d={land}
          fill={LAND_FILL}
          stroke={COAST}
          stroke-width="0.75"
          stroke-linejoin="round"
        />
        <path
          d={borders}
          fill="none"
          stroke={BORDER}
          stroke-width="0.75"
          stroke-dasharray="3 2"
          stroke-linejoin="round"
        />
        {chainPath ? (
          <g class="nordic-map-chain" fill="none" stroke-linejoin="round" stroke-linecap="round">
            <path d={chainPath} stroke="#fff" stroke-width="5" />
            <path d={chainPath} stroke={LINE} stroke-width="2.5" stroke-dasharray="6 3" />
          </g>
        ) : null}
        <g class="nordic-map-markers">
          {placed.map((p) => (
            <Marker key={p.slug} kind={p.kind} x={p.x} y={p.y} />
          ))}
        </g>
        <g
          class="nordic-map-labels"
          font-size={FONT_SIZE}
          font-weight="600"
          fill="#000"
          stroke="#fff"
          stroke-width="4"
          stroke-linejoin="round"
          paint-order="stroke"
        >
          {placed.map((p) => (
            <text key={p.slug} x={p.labelX} y={p.labelY} text-anchor={p.anchor} lang={p.lang}>
              {p.text}
            </text>
          ))}
        </g>
        <rect width={width} height={height} fill="none" stroke={COAST} stroke-width="1" />
      </svg>
      <figcaption class="nordic-map-caption">
        <p class="nordic-map-title" id={`${id}-caption`}>
          {props.title}
        </p>
        {kinds.length ? (
          <ul class="nordic-map-legend">
            {kinds.map((kind) => (
              <li key={kind}>
                <LegendSymbol kind={kind} /> {labels[kind]}
              </li>
            ))}
            {chainPath ? (
              <li>
                <LegendSymbol kind="chain" /> {labels.chain}
              </li>
            ) : null}
          </ul>
        ) : null}
        {listed.length ? (
          <>
            <p class="nordic-map-list-heading" id={`${id}-list`}>
              {labels.list}
            </p>
            <List class="nordic-map-cities" aria-labelledby={`${id}-list`}>
              {listed.map((city) => (
                <li key={city.slug}>
                  {city.href ? (
                    <a href={city.href} lang={city.lang}>
                      {city.name}
                    </a>
                  ) : (
                    <span lang={city.lang}>{city.name}</span>
                  )}
                  {city.country ? `, ${city.country}` : ''} ({labels[city.kind].toLowerCase()}) –{' '}
                  {formatCoordinates(city, locale, labels)}
                </li>
              ))}
            </List>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
