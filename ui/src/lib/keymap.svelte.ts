// The console's shortcuts: the keymap in force (the backend's, with the operator's own
// keys; the generated defaults until it answers), how a key press is matched against it,
// and how keys are written for the shortcuts sheet and the buttons' titles. The key
// handler, the sheet and the titles all read this one table.
import type { KeyAction } from "../bindings";
import { DEFAULT_KEYMAP } from "../contract";

export type Keymap = Record<KeyAction, string[]>;

const state = $state<{ keymap: Keymap }>({ keymap: DEFAULT_KEYMAP });

export function keymap(): Keymap {
  return state.keymap;
}

/** The backend's keymap (every action it names; the defaults for any it does not). */
export function setKeymap(next: Partial<Keymap> | undefined): void {
  state.keymap = { ...DEFAULT_KEYMAP, ...next } as Keymap;
}

type Combo = { ctrl: boolean; alt: boolean; shift: boolean; meta: boolean; key: string };

/** `Ctrl+Shift+C` → its modifiers and key; `Ctrl++` is Ctrl and the plus key. */
export function parseKey(text: string): Combo {
  const plus = text.endsWith("++");
  const parts = (plus ? text.slice(0, -2) : text).split("+").filter((p) => p !== "");
  const key = plus ? "+" : (parts.pop() ?? "");
  const has = (name: string) => parts.some((p) => p.trim().toLowerCase() === name);
  return { ctrl: has("ctrl"), alt: has("alt"), shift: has("shift"), meta: has("meta"), key: key.trim() };
}

/** A printable character other than a letter or digit (`?`, `+`): Shift is part of typing it. */
const shiftedSymbol = (key: string) => [...key].length === 1 && !/^[a-z0-9]$/i.test(key);

/** Whether the press is the combination. Ctrl is Ctrl or ⌘ (macOS). */
export function matches(event: KeyboardEvent, text: string): boolean {
  const combo = parseKey(text);
  if (combo.ctrl !== (event.ctrlKey || event.metaKey) || combo.alt !== event.altKey) return false;
  if (!shiftedSymbol(combo.key) && combo.shift !== event.shiftKey) return false;
  return event.key.toLowerCase() === combo.key.toLowerCase();
}

/** The action the press asks for, if any. A plain character typed into a field is typing. */
export function actionOf(event: KeyboardEvent, map: Keymap = keymap()): KeyAction | null {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
  for (const [action, keys] of Object.entries(map) as [KeyAction, string[]][]) {
    for (const key of keys) {
      const combo = parseKey(key);
      const plain = !combo.ctrl && !combo.alt && !combo.meta && [...combo.key].length === 1;
      if (typing && plain) continue;
      if (matches(event, key)) return action;
    }
  }
  return null;
}

const ARROWS: Record<string, string> = { ArrowLeft: "←", ArrowRight: "→", ArrowUp: "↑", ArrowDown: "↓" };

/** `Alt+←`, `F5 / Ctrl+R`: keys as people write them. */
export function shownKeys(keys: string[]): string {
  return keys.map((key) => key.replace(/Arrow(Left|Right|Up|Down)$/, (name) => ARROWS[name] ?? name)).join(" / ");
}

/** A button's title: its action's keys (none when they are turned off). */
export function keysOf(action: KeyAction): string | undefined {
  const keys = keymap()[action];
  return keys.length ? shownKeys(keys) : undefined;
}
