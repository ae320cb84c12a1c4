/**
 * SVG path data for the Nordic map (map.tsx): d3-geo's drawing calls collected as compact
 * path data: 1 decimal, relative commands, points closer than half a pixel dropped.
 */
import { type GeoContext, type GeoProjection, geoPath } from 'd3-geo';
import type { LineString, MultiLineString, MultiPolygon } from 'geojson';

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
export function draw(
  projection: GeoProjection,
  object: MultiPolygon | MultiLineString | LineString,
  minSize: number,
): string {
  const context = new PathData(minSize);
  geoPath(projection, context)(object);
  return context.toString();
}
