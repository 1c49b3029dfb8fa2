// A lookup from the search field to the result on screen, and the recent list beside it.
// "A newer lookup always wins"; placeholders only once an answer is slow.
import type { ChatView, RecentLookup, UserIdProblem } from "../../bindings";
import { api, asShownError } from "../api";
import type { ShownError } from "../errors";
import { Latest } from "../latest";
import { measureLookup } from "../timing";
import { checkUserId } from "../userId";

// Below this, placeholders would only flash (and cost a layout and a paint of their own).
const SKELETON_DELAY_MS = 150;

export class LookupStore {
  query = $state("");
  inputProblem = $state.raw<UserIdProblem | null>(null);
  loading = $state(false);
  /** The lookup has taken long enough for placeholders: a fast answer replaces the old one directly. */
  slow = $state(false);
  chat = $state.raw<ChatView | null>(null);
  error = $state.raw<ShownError | null>(null);
  lastQuery = $state("");
  recent = $state.raw<RecentLookup[]>([]);
  now = $state(Date.now());
  #latest = new Latest();

  async lookup(input: string = this.query): Promise<void> {
    const checked = checkUserId(input);
    if (!checked.ok) {
      this.inputProblem = checked.problem;
      return;
    }
    this.inputProblem = null;
    this.query = checked.id;
    this.lastQuery = checked.id;
    const ticket = this.#latest.begin();
    const started = performance.now();
    let received = started;
    this.loading = true;
    this.error = null;
    const placeholders = setTimeout(() => {
      if (this.#latest.isCurrent(ticket)) this.slow = true;
    }, SKELETON_DELAY_MS);
    try {
      const result = await api.lookupChat(checked.id);
      received = performance.now();
      if (!this.#latest.isCurrent(ticket)) return;
      this.chat = result;
      this.now = Date.now();
    } catch (e) {
      received = performance.now();
      if (!this.#latest.isCurrent(ticket)) return;
      this.chat = null;
      this.error = asShownError(e);
    } finally {
      clearTimeout(placeholders);
      if (this.#latest.isCurrent(ticket)) {
        this.loading = false;
        this.slow = false;
        measureLookup(started, received);
      }
      this.refreshRecent();
    }
  }

  /** Looks the last user up again (the error panel's retry). */
  retry(): Promise<void> {
    return this.lookup(this.lastQuery || this.query);
  }

  clearInput(): void {
    this.query = "";
    this.inputProblem = null;
  }

  /** Another profile: the result belongs to the old one. */
  reset(): void {
    this.chat = null;
    this.error = null;
  }

  fail(error: unknown): void {
    this.error = asShownError(error);
  }

  async refreshRecent(): Promise<void> {
    try {
      this.recent = await api.recentLookups();
    } catch {
      /* the list is a convenience: a failure leaves the old one */
    }
  }

  async clearRecent(): Promise<void> {
    try {
      await api.clearRecentLookups();
      this.recent = [];
    } catch (e) {
      this.fail(e);
    }
  }
}
