// What IT's policy decided for this console, as the backend says it at start: the data
// rules in force (phone reveal, how long a number stays shown, the summary's phone line,
// the raw-answer view) and which settings are locked. Drawn here; enforced by the backend,
// which refuses whatever a page asks against them.
import type { DataRules, DesktopView, PolicyKey } from "../../bindings";
import { DESKTOP } from "../../contract";

/** Until the backend answers: nothing revealed and no raw view (the stricter side). */
const UNTIL_KNOWN: DataRules = {
  phoneReveal: false,
  revealReason: false,
  revealSeconds: DESKTOP.defaultRevealSeconds,
  summaryIncludesPhone: true,
  clipboardClearSeconds: DESKTOP.defaultClipboardClearSeconds,
  locationPrecision: "exact",
  rawAnswer: false,
  openInMap: false,
};

const state = $state<{ rules: DataRules; locked: PolicyKey[] }>({ rules: UNTIL_KNOWN, locked: [] });

export function rules(): DataRules {
  return state.rules;
}

/** IT locked `key`: its control is disabled and says so. */
export function isLocked(key: PolicyKey): boolean {
  return state.locked.includes(key);
}

/** From `desktop_settings` (at start and after each save of This computer). */
export function setRules(view: DesktopView): void {
  state.rules = view.rules;
  state.locked = view.locked;
}
