/**
 * The land and borders of the Nordic map, computed from Natural Earth 1:50m (the world-atlas
 * package): every country merged into land, the borders between them, and of both only what
 * reaches into the map's region. It takes about 0.2 s; map.geometry.ts does it on the first
 * drawing rather than at start (decision 043). The atlas is read with `readFileSync`, not
 * `require`, so that its 3.6 MB are not kept in the module cache once the land is made.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MultiLineString, MultiPolygon, Position } from 'geojson';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Land and borders that reach into this box (degrees) are drawn; the rest of the world is not. */
const REGION = { west: -40, east: 50, south: 45, north: 85 };

export interface NordicLand {
  land: MultiPolygon;
  borders: MultiLineString;
}

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

/** Computes the region's land and borders from the atlas. */
export function computeNordicLand(): NordicLand {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const atlas = JSON.parse(readFileSync(path, 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const polygons = atlas.objects.countries.geometries.filter(
    (geometry) => geometry.type === 'Polygon' || geometry.type === 'MultiPolygon',
  );
  const worldLand = merge(atlas, polygons);
  const worldBorders = mesh(
    atlas,
    { type: 'GeometryCollection', geometries: polygons },
    (a, b) => a !== b,
  );
  return {
    land: {
      type: 'MultiPolygon',
      coordinates: worldLand.coordinates.filter((polygon) => reachesRegion(polygon[0] ?? [])),
    },
    borders: {
      type: 'MultiLineString',
      coordinates: worldBorders.coordinates.filter(reachesRegion),
    },
  };
}
