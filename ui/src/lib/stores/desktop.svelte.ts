// What the desktop asks of the page (the global hotkey, an opconsole:// link, the tray),
// done as the operator would have done it: a lookup, after asking when a link names
// another profile; a notice when there is nothing to look up.
import { Channel } from "@tauri-apps/api/core";
import { tick } from "svelte";
import type { DesktopRequest, LinkProblem, RequestSource } from "../../bindings";
import { api } from "../api";
import type { ApprovalsStore } from "./approvals.svelte";
import { SKELETON_DELAY_MS, type LookupStore } from "./lookup.svelte";
import type { ProfilesStore } from "./profiles.svelte";

export type DesktopNotice =
  | { kind: "noUserIdOnClipboard"; seen: string }
  | { kind: "badLink"; problem: LinkProblem }
  | { kind: "clipboardHoldsCredential" }
  | { kind: "unknownProfile"; profileId: string; from: "link" | "recent" };

/** A lookup on another profile than the one in use (a link's, a recent row's) waits for the operator's yes. */
export type PendingSwitch = { userId: string; profileId: string; profileName: string; from: "link" | "recent" };

export class DesktopStore {
  notice = $state.raw<DesktopNotice | null>(null);
  pendingSwitch = $state.raw<PendingSwitch | null>(null);
  readonly #profiles: ProfilesStore;
  readonly #lookup: LookupStore;
  readonly #changeProfile: (id: string) => Promise<void>;
  readonly #approvals: ApprovalsStore;

  constructor(
    profiles: ProfilesStore,
    lookup: LookupStore,
    changeProfile: (id: string) => Promise<void>,
    approvals: ApprovalsStore,
  ) {
    this.#profiles = profiles;
    this.#lookup = lookup;
    this.#changeProfile = changeProfile;
    this.#approvals = approvals;
  }

  /** Listens, once the profiles are known (a request may name one). `tookStart`: what
      started the console came with the page and is being done (else the backend sends it). */
  connect(tookStart: boolean): Promise<void> {
    const requests = new Channel<DesktopRequest>();
    requests.onmessage = (request) => void this.handle(request);
    return api.connectDesktop(requests, tookStart);
  }

  /** Does what the desktop asks; settles once it is on screen (a lookup's answer or error
      in the page's state, a notice or a question shown). */
  handle(request: DesktopRequest): Promise<void> {
    if (request.kind === "approvalAnswered") {
      // What the trusted window changed: the profiles (and with them the one in use).
      this.#approvals.answer(request.answer);
      if (request.answer.kind === "changes" && request.answer.applied) void this.#profiles.load().catch(() => {});
      return Promise.resolve();
    }
    this.notice = null;
    this.pendingSwitch = null;
    if (request.kind !== "lookup") {
      this.notice = request;
      return Promise.resolve();
    }
    return this.lookUpOn(request.userId, request.profileId, "link", request.source);
  }

  /** What started the console (given with the page): done first, and the window shown with
      it on screen, or once the answer is as late as placeholders would show (the window
      then shows them). The page says it took it when it connects: the backend does not send it again. */
  async startWith(request: DesktopRequest): Promise<void> {
    // Handled first: a slow lookup's own placeholders are set before this timer ends.
    const handled = this.handle(request);
    let late: ReturnType<typeof setTimeout> | undefined;
    const placeholders = new Promise<void>((resolve) => (late = setTimeout(resolve, SKELETON_DELAY_MS)));
    await Promise.race([handled, placeholders]);
    clearTimeout(late);
    await tick();
  }

  /** Looks `userId` up on `profileId` (the one in use when null), asking first when that
      is another profile than the one in use. A desktop request's `source` is told when its
      answer is painted (the page's clock: the report's own trip is not part of it). Settles
      once the answer (or the question) is in the page's state. */
  lookUpOn(userId: string, profileId: string | null, from: PendingSwitch["from"], source?: RequestSource): Promise<void> {
    this.notice = null;
    this.pendingSwitch = null;
    if (profileId && profileId !== this.#profiles.view?.selected) {
      const view = this.#profiles.view?.profiles.find((p) => p.profile.id === profileId);
      if (!view) this.notice = { kind: "unknownProfile", profileId, from };
      else this.pendingSwitch = { userId, profileId, profileName: view.profile.name, from };
      return Promise.resolve();
    }
    const painted = source ? () => void api.desktopAnswerPainted(source, Date.now()).catch(() => {}) : undefined;
    return this.#lookup.lookup(userId, undefined, painted);
  }

  async acceptSwitch(): Promise<void> {
    const pending = this.pendingSwitch;
    this.pendingSwitch = null;
    if (!pending) return;
    await this.#changeProfile(pending.profileId);
    if (this.#profiles.view?.selected === pending.profileId) await this.#lookup.lookup(pending.userId);
  }

  dismiss(): void {
    this.notice = null;
    this.pendingSwitch = null;
  }
}
