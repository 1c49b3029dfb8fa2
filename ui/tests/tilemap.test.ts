import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { tick } from "svelte";
import LocationCard from "../src/components/LocationCard.svelte";
import type { LocationView, TileLayer } from "../src/bindings";

const TILES: TileLayer = { urlTemplate: "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png", attribution: "© test tiles", coordSystem: "wgs84" };
const HERE: LocationView = { address: null, lat: 39.908692, lng: 116.397477, coordSystem: "wgs84", tiles: TILES, pointHeld: false };
const THERE: LocationView = { ...HERE, lat: 31.2304, lng: 121.4737 };

const tileImages = () => [...document.querySelectorAll<HTMLImageElement>("img.tile")];
const zooms = () => new Set(tileImages().map((img) => decodeURIComponent(img.src).match(/tiles\/(\d+)\//)?.[1]));

describe("the location card's map", () => {
  // jsdom has no layout: the map's box is given a size.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(260);
  });
  afterEach(() => vi.restoreAllMocks());

  it("shows the tiles around the point through the image protocol, with the attribution", async () => {
    render(LocationCard, { location: HERE, profileId: "prod", lookupId: 1 });
    await vi.waitFor(() => expect(tileImages().length).toBeGreaterThan(0));
    // 600×260 needs 3–4 columns and 2–3 rows of 256-pixel tiles.
    expect(tileImages().length).toBeGreaterThanOrEqual(6);
    expect(tileImages().length).toBeLessThanOrEqual(12);
    for (const img of tileImages()) expect(img.src).toMatch(/^opimg:\/\/localhost\/prod\/http%3A%2F%2F127\.0\.0\.1%3A9%2Ftiles%2F15%2F/);
    expect(decodeURIComponent(tileImages()[0].src)).toContain("/15/26977/12415.png");
    expect(screen.getByTestId("map").textContent).toContain("© test tiles");
    expect(screen.getByTestId("map-marker")).toBeTruthy();
  });

  it("zooms with its buttons and keeps its image elements, only their sources change", async () => {
    render(LocationCard, { location: HERE, profileId: "prod", lookupId: 1 });
    await vi.waitFor(() => expect(tileImages().length).toBeGreaterThan(0));
    const before = tileImages();
    await fireEvent.click(screen.getByTestId("map-zoom-in"));
    expect(zooms()).toEqual(new Set(["16"]));
    const after = tileImages();
    const kept = Math.min(before.length, after.length);
    for (let i = 0; i < kept; i++) expect(after[i]).toBe(before[i]);
    await fireEvent.click(screen.getByTestId("map-zoom-out"));
    await fireEvent.click(screen.getByTestId("map-zoom-out"));
    expect(zooms()).toEqual(new Set(["14"]));
  });

  it("keeps the operator's zoom for the same point and starts again at a new one", async () => {
    const card = render(LocationCard, { location: HERE, profileId: "prod", lookupId: 1 });
    await vi.waitFor(() => expect(tileImages().length).toBeGreaterThan(0));
    await fireEvent.click(screen.getByTestId("map-zoom-in"));
    await card.rerender({ location: { ...HERE }, profileId: "prod" });
    expect(zooms()).toEqual(new Set(["16"]));
    await card.rerender({ location: THERE, profileId: "prod" });
    expect(zooms()).toEqual(new Set(["15"]));
  });

  it("follows a drag with its tiles and marker, and a new point starts centred again", async () => {
    // jsdom has no pointer capture; WebKit has.
    HTMLElement.prototype.setPointerCapture = () => {};
    const card = render(LocationCard, { location: HERE, profileId: "prod", lookupId: 1 });
    await vi.waitFor(() => expect(tileImages().length).toBeGreaterThan(0));
    const map = screen.getByTestId("map");
    const pin = () => screen.getByTestId("map-marker").parentElement!;
    const lefts = () => tileImages().map((img) => parseFloat(img.style.left));
    const before = { tiles: lefts(), pin: parseFloat(pin().style.left) };
    await fireEvent(map, new MouseEvent("pointerdown", { button: 0, clientX: 300, clientY: 100, bubbles: true }));
    await fireEvent(map, new MouseEvent("pointermove", { clientX: 340, clientY: 100, bubbles: true }));
    await fireEvent(map, new MouseEvent("pointerup", { clientX: 340, clientY: 100, bubbles: true }));
    // Dragged 40 px to the right: the marker follows exactly; the tiles too (a column may come or go).
    expect(parseFloat(pin().style.left)).toBe(before.pin + 40);
    expect(lefts().some((left) => before.tiles.includes(left - 40))).toBe(true);
    // Moving the pointer without a button pressed does nothing.
    await fireEvent(map, new MouseEvent("pointermove", { clientX: 400, clientY: 100, bubbles: true }));
    expect(parseFloat(pin().style.left)).toBe(before.pin + 40);
    await card.rerender({ location: THERE, profileId: "prod" });
    expect(parseFloat(pin().style.left)).toBe(300 - 11);
    delete (HTMLElement.prototype as Partial<HTMLElement>).setPointerCapture;
  });

  it("says the tiles are unavailable while they fail, until one loads", async () => {
    render(LocationCard, { location: HERE, profileId: "prod", lookupId: 1 });
    await vi.waitFor(() => expect(tileImages().length).toBeGreaterThan(0));
    expect(screen.queryByTestId("tiles-unavailable")).toBeNull();
    await fireEvent.error(tileImages()[0]);
    expect(screen.getByTestId("tiles-unavailable")).toBeTruthy();
    await fireEvent.load(tileImages()[1]);
    await tick();
    expect(screen.queryByTestId("tiles-unavailable")).toBeNull();
  });

  it("without a tile layer shows the marker and says why there is no map", async () => {
    render(LocationCard, { location: { ...HERE, tiles: null }, profileId: "prod", lookupId: 1 });
    await tick();
    expect(tileImages()).toHaveLength(0);
    expect(screen.getByTestId("map-marker")).toBeTruthy();
    expect(screen.getByTestId("tiles-unavailable")).toBeTruthy();
  });
});
