// A lookup from the search field to the result on screen, and the recent list beside it.
// "A newer lookup always wins"; placeholders only once an answer is slow.
import type { ChatView, LookupReply, RecentLookup, UserIdProblem } from "../../bindings";
import { api, asShownError } from "../api";
import type { ShownError } from "../errors";
import { Latest } from "../latest";
import { keepUnchanged } from "../recentList";
import { measureLookup } from "../timing";
import { checkUserId } from "../userId";
import { RevealStore } from "./reveal.svelte";

/** Below this, placeholders would only flash (and cost a layout and a paint of their own). */
export const SKELETON_DELAY_MS = 150;
/** Answers kept for back and forward: this session's, in memory only. */
export const HISTORY_LIMIT = 20;

/** One answer of this session, kept for back and forward: its lookup (whose raw answer and
    numbers the backend keeps by ID), its profile and when it was fetched. */
export type HistoryEntry = { lookupId: number; userId: string; profileId: string; chat: ChatView; fetchedAt: number };

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
  /** The last answers (oldest first) and the one on screen. */
  history = $state.raw<HistoryEntry[]>([]);
  position = $state(-1);
  /** Phone numbers revealed on the result on screen. */
  readonly reveal = new RevealStore();
  #latest = new Latest();
  /** The lookup whose failure is `error` (the profile it asked: undefined for the one
      selected then): what Refresh and Retry ask again while that error is on screen. */
  #failed: { error: ShownError; userId: string; profileId?: string } | null = null;

  get current(): HistoryEntry | null {
    return this.history[this.position] ?? null;
  }

  get canGoBack(): boolean {
    return this.position > 0;
  }

  get canGoForward(): boolean {
    return this.position >= 0 && this.position < this.history.length - 1;
  }

  /** Shows an earlier (-1) or later (+1) answer of this session, without asking again. */
  go(step: -1 | 1): void {
    const next = this.history[this.position + step];
    if (!next) return;
    this.position += step;
    this.now = Date.now();
    this.chat = next.chat;
    this.query = next.userId;
    this.error = null;
    this.reveal.clear();
  }

  /** Asks again for what is on screen: the lookup that failed (on the profile it asked),
      or the answer (on its own profile), or the last query. */
  refresh(): Promise<void> {
    const current = this.current;
    if (this.#failedOnScreen() || !current) return this.retry();
    return this.lookup(current.userId, current.profileId);
  }

  #failedOnScreen() {
    return this.#failed && this.error === this.#failed.error ? this.#failed : null;
  }

  #remember(lookupId: number, userId: string, chat: ChatView): void {
    const kept = this.history.slice(0, this.position + 1);
    kept.push({ lookupId, userId, profileId: chat.profileId, chat, fetchedAt: Date.now() });
    this.history = kept.slice(-HISTORY_LIMIT);
    this.position = this.history.length - 1;
  }

  /** Looks `input` up on `profileId` (the selected profile when left out); `onPainted`
      runs once its answer (or error) is painted. */
  async lookup(input: string = this.query, profileId?: string, onPainted?: () => void): Promise<void> {
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
      const reply = await api.lookupChat(checked.id, profileId);
      received = performance.now();
      this.takeRecent(reply);
      if (!this.#latest.isCurrent(ticket)) return;
      this.chat = reply.chat;
      this.reveal.clear();
      this.#remember(reply.lookupId, checked.id, reply.chat);
      this.now = Date.now();
    } catch (e) {
      received = performance.now();
      const error = asShownError(e);
      this.takeRecent(error);
      if (!this.#latest.isCurrent(ticket)) return;
      this.chat = null;
      this.error = error;
      this.#failed = { error, userId: checked.id, profileId };
    } finally {
      clearTimeout(placeholders);
      if (this.#latest.isCurrent(ticket)) {
        this.loading = false;
        this.slow = false;
        void measureLookup(started, received).then(onPainted);
      }
    }
  }

  /** Asks again for the lookup whose failure is on screen (the error panel's retry), or the last query. */
  retry(): Promise<void> {
    const failed = this.#failedOnScreen();
    return failed ? this.lookup(failed.userId, failed.profileId) : this.lookup(this.lastQuery || this.query);
  }

  clearInput(): void {
    this.query = "";
    this.inputProblem = null;
  }

  /** Another profile: the result and the history belong to the old one. */
  reset(): void {
    this.chat = null;
    this.error = null;
    this.history = [];
    this.position = -1;
    this.reveal.clear();
    this.#failed = null;
  }

  fail(error: unknown): void {
    this.error = asShownError(error);
  }

  /** The recent list a lookup's reply or failure carries (Settings' test is a lookup
      too); a failure of Tauri's own carries none, and the list is asked for. */
  takeRecent(from: LookupReply | ShownError): void {
    if ("recent" in from) this.recent = keepUnchanged(this.recent, from.recent);
    else void this.refreshRecent();
  }

  async refreshRecent(): Promise<void> {
    try {
      this.recent = keepUnchanged(this.recent, await api.recentLookups());
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
