// Coordinate systems of Chinese maps. The API's locations are usually GCJ-02 (AMap,
// Tencent) or BD-09 (Baidu); OpenStreetMap tiles are WGS-84. Conversions go through
// GCJ-02; the inverses are iterated until the error is far below a metre.
import type { CoordSystem } from "../bindings";

export interface LatLng {
  lat: number;
  lng: number;
}

const A = 6378245.0; // Krasovsky 1940 semi-major axis
const EE = 0.006693421622965943; // its eccentricity squared
const X_PI = (Math.PI * 3000.0) / 180.0;

/** GCJ-02 applies only inside (roughly) mainland China; elsewhere it equals WGS-84. */
export function outOfChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { ...p };
  let dLat = transformLat(p.lng - 105.0, p.lat - 35.0);
  let dLng = transformLng(p.lng - 105.0, p.lat - 35.0);
  const radLat = (p.lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

export function gcj02ToBd09(p: LatLng): LatLng {
  const z = Math.sqrt(p.lng * p.lng + p.lat * p.lat) + 0.00002 * Math.sin(p.lat * X_PI);
  const theta = Math.atan2(p.lat, p.lng) + 0.000003 * Math.cos(p.lng * X_PI);
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 };
}

/** Inverts a forward transform by fixed-point iteration: error below 1e-9° (~0.1 mm). */
function invert(forward: (p: LatLng) => LatLng, target: LatLng): LatLng {
  let guess = { ...target };
  for (let i = 0; i < 30; i++) {
    const image = forward(guess);
    const dLat = image.lat - target.lat;
    const dLng = image.lng - target.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return guess;
}

export const gcj02ToWgs84 = (p: LatLng): LatLng => invert(wgs84ToGcj02, p);
export const bd09ToGcj02 = (p: LatLng): LatLng => invert(gcj02ToBd09, p);

function toGcj02(p: LatLng, from: CoordSystem): LatLng {
  if (from === "gcj02") return { ...p };
  return from === "wgs84" ? wgs84ToGcj02(p) : bd09ToGcj02(p);
}

function fromGcj02(p: LatLng, to: CoordSystem): LatLng {
  if (to === "gcj02") return { ...p };
  return to === "wgs84" ? gcj02ToWgs84(p) : gcj02ToBd09(p);
}

/** A point from one coordinate system to another. */
export function convert(p: LatLng, from: CoordSystem, to: CoordSystem): LatLng {
  if (from === to) return { ...p };
  return fromGcj02(toGcj02(p, from), to);
}

/** Great-circle distance in metres (haversine): for tests and for showing offsets. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
