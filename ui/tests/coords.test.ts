import { describe, expect, it } from "vitest";
import { convert, distanceMetres } from "../src/lib/coords";
import type { CoordSystem } from "../src/bindings";

// Reference values computed independently with a Python implementation of the published
// formulas (see the session note): WGS-84 Tiananmen and the spec's example location.
const TIANANMEN_WGS = { lat: 39.908692, lng: 116.397477 };
const TIANANMEN_GCJ = { lat: 39.91009549393981, lng: 116.40372056710368 };
const EXAMPLE_GCJ = { lat: 40.02248, lng: 116.2986 };
const EXAMPLE_BD = { lat: 40.028675265746685, lng: 116.30503006311511 };

describe("coordinate conversion", () => {
  it("WGS-84 to GCJ-02 matches the reference", () => {
    const gcj = convert(TIANANMEN_WGS, "wgs84", "gcj02");
    expect(gcj.lat).toBeCloseTo(TIANANMEN_GCJ.lat, 9);
    expect(gcj.lng).toBeCloseTo(TIANANMEN_GCJ.lng, 9);
    // The offset is the few hundred metres docs/op-api.md speaks of.
    expect(distanceMetres(TIANANMEN_WGS, gcj)).toBeGreaterThan(400);
    expect(distanceMetres(TIANANMEN_WGS, gcj)).toBeLessThan(700);
  });

  it("GCJ-02 to BD-09 matches the reference", () => {
    const bd = convert(EXAMPLE_GCJ, "gcj02", "bd09");
    expect(bd.lat).toBeCloseTo(EXAMPLE_BD.lat, 9);
    expect(bd.lng).toBeCloseTo(EXAMPLE_BD.lng, 9);
  });

  it("the inverses are far below a metre", () => {
    expect(distanceMetres(convert(TIANANMEN_GCJ, "gcj02", "wgs84"), TIANANMEN_WGS)).toBeLessThan(0.2);
    expect(distanceMetres(convert(EXAMPLE_BD, "bd09", "gcj02"), EXAMPLE_GCJ)).toBeLessThan(0.2);
  });

  it("every pair of systems round-trips", () => {
    const systems: CoordSystem[] = ["wgs84", "gcj02", "bd09"];
    for (const from of systems) {
      for (const to of systems) {
        const there = convert(EXAMPLE_GCJ, from, to);
        const back = convert(there, to, from);
        expect(distanceMetres(back, EXAMPLE_GCJ), `${from}→${to}→${from}`).toBeLessThan(0.2);
      }
    }
  });

  it("outside China GCJ-02 is WGS-84", () => {
    const london = { lat: 51.5007, lng: -0.1246 };
    expect(convert(london, "wgs84", "gcj02")).toEqual(london);
    expect(convert(london, "gcj02", "wgs84")).toEqual(london);
  });
});
