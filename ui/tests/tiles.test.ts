import { describe, expect, it } from "vitest";
import { coveringTiles, MAX_ZOOM, MIN_ZOOM, placeInBox, project, tileUrl, zoomed } from "../src/lib/tiles";

// Reference: OpenStreetMap's slippy-map formula (x = (lng+180)/360·2^z,
// y = (1 − asinh(tan φ)/π)/2·2^z), computed separately in Python for WGS-84 Tiananmen.
const TIANANMEN = { lat: 39.908692, lng: 116.397477 };
const TIANANMEN_Z15 = { x: 26978.757017599997 * 256, y: 12416.123912473597 * 256 };

describe("map tiles", () => {
  it("projects a point to the world's pixels as OpenStreetMap numbers its tiles", () => {
    const at = project(TIANANMEN, 15);
    expect(at.x).toBeCloseTo(TIANANMEN_Z15.x, 3);
    expect(at.y).toBeCloseTo(TIANANMEN_Z15.y, 3);
    expect(project({ lat: 0, lng: 0 }, 0)).toEqual({ x: 128, y: 128 });
    // Beyond Web Mercator's edge the point stays on the last row instead of going to infinity.
    expect(project({ lat: 90, lng: 0 }, 1).y).toBeCloseTo(0, 6);
  });

  it("covers a box with the tiles around its centre, each placed in the box's pixels", () => {
    // A 512×256 box centred at world pixel (1024, 1024) at zoom 3: columns 3–4, rows 3–4.
    const tiles = coveringTiles("https://t/{z}/{x}/{y}.png", { zoom: 3, center: { x: 1024, y: 1024 } }, 512, 256);
    expect(tiles).toEqual([
      { url: "https://t/3/3/3.png", left: 0, top: -128 },
      { url: "https://t/3/4/3.png", left: 256, top: -128 },
      { url: "https://t/3/3/4.png", left: 0, top: 128 },
      { url: "https://t/3/4/4.png", left: 256, top: 128 },
    ]);
  });

  it("wraps columns around the date line and leaves out rows beyond the poles", () => {
    // Zoom 1 is 2×2 tiles; a box centred on the world's top-left corner.
    const tiles = coveringTiles("https://t/{z}/{x}/{y}.png", { zoom: 1, center: { x: 0, y: 0 } }, 200, 200);
    expect(tiles.map((t) => t.url)).toEqual(["https://t/1/1/0.png", "https://t/1/0/0.png"]);
    expect(tiles.map((t) => [t.left, t.top])).toEqual([
      [-156, 100],
      [100, 100],
    ]);
  });

  it("fills Leaflet's {s} subdomain the way Leaflet does", () => {
    expect(tileUrl("https://{s}.t/{z}/{x}/{y}@2x.png", 15, 1, 1)).toBe("https://c.t/15/1/1@2x.png");
    expect(tileUrl("https://{s}.t/{z}/{x}/{y}.png", 15, 0, 0)).toBe("https://a.t/15/0/0.png");
  });

  it("zooms around the centre within the zoom range", () => {
    expect(zoomed({ zoom: 15, center: { x: 100, y: 60 } }, 1)).toEqual({ zoom: 16, center: { x: 200, y: 120 } });
    expect(zoomed({ zoom: 15, center: { x: 100, y: 60 } }, -1)).toEqual({ zoom: 14, center: { x: 50, y: 30 } });
    expect(zoomed({ zoom: MAX_ZOOM, center: { x: 1, y: 1 } }, 1).zoom).toBe(MAX_ZOOM);
    expect(zoomed({ zoom: MIN_ZOOM, center: { x: 1, y: 1 } }, -1).zoom).toBe(MIN_ZOOM);
  });

  it("puts the marker at the centre of a view centred on it", () => {
    const view = { zoom: 15, center: project(TIANANMEN, 15) };
    expect(placeInBox(TIANANMEN, view, 600, 260)).toEqual({ x: 300, y: 130 });
  });
});
