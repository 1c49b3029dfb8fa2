// Web-Mercator tile arithmetic for the location card's map: which `{z}/{x}/{y}` tiles
// cover a view and where each lands. The map is a fixed set of <img> slots whose sources
// change with the view, instead of a tile layer that builds new elements for every lookup
// (bench/RESULTS.md, "Memory": Leaflet's tile layer kept ~45 MiB more in WebKit over
// 1,000 lookups).
import { TILE_SUBDOMAINS } from "../contract";
import type { LatLng } from "./coords";

export const TILE_SIZE = 256;
/** The zoom a new point is shown at: a few streets around it. */
export const DEFAULT_ZOOM = 15;
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 19;
// Web Mercator's edge: beyond it there are no tiles.
const MAX_LATITUDE = 85.0511287798;

/** A point in the world's pixels at a zoom (x east, y south; the world is 256·2^z wide). */
export interface Pixel {
  x: number;
  y: number;
}

/** What the map shows: a zoom and the world pixel at the centre of the box. */
export interface View {
  zoom: number;
  center: Pixel;
}

/** One tile on screen: its URL and its top-left corner in the box's pixels. */
export interface PlacedTile {
  url: string;
  left: number;
  top: number;
}

export function project(point: LatLng, zoom: number): Pixel {
  const world = TILE_SIZE * 2 ** zoom;
  const lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, point.lat));
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: ((point.lng + 180) / 360) * world,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world,
  };
}

/** The same view one zoom step in (+1) or out (-1), around its centre. */
export function zoomed(view: View, step: 1 | -1): View {
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, view.zoom + step));
  const factor = 2 ** (zoom - view.zoom);
  return { zoom, center: { x: view.center.x * factor, y: view.center.y * factor } };
}

export function tileUrl(template: string, zoom: number, x: number, y: number): string {
  return template
    // Spread over the subdomains as Leaflet does, so templates written for it keep working.
    .replaceAll("{s}", TILE_SUBDOMAINS[Math.abs(x + y) % TILE_SUBDOMAINS.length])
    .replaceAll("{z}", String(zoom))
    .replaceAll("{x}", String(x))
    .replaceAll("{y}", String(y));
}

/**
 * The tiles that cover a `width`×`height` box showing `view`, row by row. Columns wrap
 * around the date line; rows beyond the poles are left out.
 */
export function coveringTiles(template: string, view: View, width: number, height: number): PlacedTile[] {
  const count = 2 ** view.zoom;
  const left = view.center.x - width / 2;
  const top = view.center.y - height / 2;
  const tiles: PlacedTile[] = [];
  for (let row = Math.floor(top / TILE_SIZE); row * TILE_SIZE < top + height; row++) {
    if (row < 0 || row >= count) continue;
    for (let column = Math.floor(left / TILE_SIZE); column * TILE_SIZE < left + width; column++) {
      const x = ((column % count) + count) % count;
      tiles.push({ url: tileUrl(template, view.zoom, x, row), left: column * TILE_SIZE - left, top: row * TILE_SIZE - top });
    }
  }
  return tiles;
}

/** Where a point lands in the box's pixels, for the marker. */
export function placeInBox(point: LatLng, view: View, width: number, height: number): Pixel {
  const at = project(point, view.zoom);
  return { x: at.x - view.center.x + width / 2, y: at.y - view.center.y + height / 2 };
}
