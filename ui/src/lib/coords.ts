// Coordinate systems of Chinese maps. The API's locations are usually GCJ-02 (AMap,
// Tencent) or BD-09 (Baidu); OpenStreetMap tiles are WGS-84. The conversions are gcoord's
// (a maintained implementation of the published formulas; its GCJ-02 → WGS-84 inverse is
// iterated to 1e-6°, about 0.1 m); this file only adapts them to the profile's names.
import gcoord, { type CRSTypes } from "gcoord";
import type { CoordSystem } from "../bindings";

export interface LatLng {
  lat: number;
  lng: number;
}

// A new datum is a type error until it is mapped here.
const CRS: Record<CoordSystem, CRSTypes> = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
};

/** A point from one coordinate system to another. */
export function convert(p: LatLng, from: CoordSystem, to: CoordSystem): LatLng {
  if (from === to) return { ...p };
  const [lng, lat] = gcoord.transform<[number, number]>([p.lng, p.lat], CRS[from], CRS[to]);
  return { lat, lng };
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
