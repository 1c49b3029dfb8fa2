// Which phone numbers the operator has revealed for the result on screen: each for
// REVEAL_SECONDS, all masked again with the next result.
import { REVEAL_SECONDS } from "../phone";

export class RevealStore {
  #shown = $state<Record<string, true>>({});
  #timers = new Map<string, ReturnType<typeof setTimeout>>();

  isShown(phone: string): boolean {
    return this.#shown[phone] === true;
  }

  reveal(phone: string): void {
    this.#shown[phone] = true;
    clearTimeout(this.#timers.get(phone));
    this.#timers.set(phone, setTimeout(() => this.hide(phone), REVEAL_SECONDS * 1000));
  }

  hide(phone: string): void {
    delete this.#shown[phone];
    clearTimeout(this.#timers.get(phone));
    this.#timers.delete(phone);
  }

  /** A new result: every number masked again. */
  clear(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#shown = {};
  }
}
