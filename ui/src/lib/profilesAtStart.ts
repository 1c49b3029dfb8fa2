// The profiles the backend had when it made the window (src-tauri desktop/main_window.rs
// puts them on the page before its scripts run): the first screen, and a link that
// started the console, do not wait for a round trip WebKit answers only after the page
// has loaded. Absent in the dev server's page and in tests: the page asks as before.
import type { ProfilesView } from "../bindings";

const GLOBAL = "__OP_CONSOLE_PROFILES__";

export function profilesAtStart(): ProfilesView | null {
  const value = (window as unknown as Record<string, unknown>)[GLOBAL];
  return value != null && typeof value === "object" ? (value as ProfilesView) : null;
}
