/**
 * The geometry of the Nordic map (map.tsx): the land and borders (Natural Earth 1:50m
 * through the world-atlas package, read once at module load), the projection that fits
 * the cities, the placement of their labels, and the finished drawing, remembered per
 * input. Pure computation: the same input always gives the same drawing.
 */
import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import { computeNordicLand, type NordicLand } from './map.land.ts';
import { draw } from './map.path.ts';

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

/** The labels' font size in pixels (the view draws them; the layout measures them). */
export const FONT_SIZE = 14;

// ---------------------------------------------------------------------------
// Land, computed on first use (map.land.ts)

let land: NordicLand | undefined;
/**
 * Merging the atlas takes about 0.2 s and its 3.6 MB of JSON: done by the first drawing, not
 * at start (decision 043), and only the region's land and borders are kept.
 */
const nordicLand = (): NordicLand => (land ??= computeNordicLand());

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

export interface Drawing {
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

export function drawing(
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
  const { land: landShape, borders: borderLines } = nordicLand();
  const land = draw(projection, landShape, 8);
  const borders = draw(projection, borderLines, 8);
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
