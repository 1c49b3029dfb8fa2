// What the backend gave the page when it made the window (src-tauri desktop/main_window.rs
// puts it on the page before its scripts run): the profiles and what started the console
// (a link, `--lookup`). The first screen and a link's answer do not wait for a round trip
// WebKit answers only after the page has loaded and painted. Absent in a plain browser and
// in tests: the page asks for the profiles, and the backend sends the request when the page
// connects (`connect_desktop`'s `tookStart`).
import type { PageStart } from "../bindings";
import { PAGE_START_GLOBAL } from "../contract";
/** The page's session took its start request: a reload (the page never reloads itself)
    does not do it again. */
const TAKEN = "op-console.startRequestTaken";

export function pageStart(): PageStart {
  const value = (window as unknown as Record<string, unknown>)[PAGE_START_GLOBAL];
  if (value == null || typeof value !== "object") return { profiles: null, request: null };
  const start = value as Partial<PageStart>;
  return { profiles: start.profiles ?? null, request: start.request && takeOnce() ? start.request : null };
}

function takeOnce(): boolean {
  try {
    if (sessionStorage.getItem(TAKEN)) return false;
    sessionStorage.setItem(TAKEN, "1");
  } catch {
    // No storage: taken (a reload would do it again).
  }
  return true;
}
