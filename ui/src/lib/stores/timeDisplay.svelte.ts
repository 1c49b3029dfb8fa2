// Whether times show in the API's zone (the default: what the API's own people read) or
// in this computer's. The operator's choice, kept across restarts.
const STORAGE_KEY = "op-console.localTime";

function initial(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "1";
  } catch {
    return false;
  }
}

const state = $state({ local: initial() });

export function showsLocalTime(): boolean {
  return state.local;
}

export function toggleLocalTime(): void {
  state.local = !state.local;
  try {
    localStorage.setItem(STORAGE_KEY, state.local ? "1" : "0");
  } catch {
    /* private mode: the choice lasts for this session */
  }
}
