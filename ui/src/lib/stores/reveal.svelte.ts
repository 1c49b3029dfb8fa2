// The phone numbers the operator revealed on the result on screen: asked of the backend
// (which keeps each lookup's numbers), each shown for as long as the rules say (30 s unless IT set another), all masked again
// with the next result.
import type { PhoneField, PhoneView } from "../../bindings";
import { api } from "../api";
import { rules } from "./rules.svelte";

/** `user`, `contact-2`: one number of a result. */
export const fieldKey = (field: PhoneField): string => (field.kind === "user" ? "user" : `contact-${field.index}`);

export class RevealStore {
  #shown = $state<Record<string, string>>({});
  #timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** The full number of `field`, while it is revealed. */
  shown(field: PhoneField): string | null {
    return this.#shown[fieldKey(field)] ?? null;
  }

  /** What the operator sees of `phone`: the full number while revealed, else the masked one. */
  displayed(phone: PhoneView): string {
    return this.shown(phone.field) ?? phone.masked;
  }

  /** Asks the backend (which journals the reveal, with `reason` when the rules ask one). */
  async reveal(lookupId: number, field: PhoneField, reason: string | null = null): Promise<void> {
    const key = fieldKey(field);
    const phone = await api.revealPhone(lookupId, field, reason);
    this.#shown[key] = phone;
    clearTimeout(this.#timers.get(key));
    this.#timers.set(key, setTimeout(() => this.hide(key), rules().revealSeconds * 1000));
  }

  hide(key: string): void {
    delete this.#shown[key];
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
  }

  /** A new result: every number masked again. */
  clear(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#shown = {};
  }
}
