// What the desktop asks of the page (the global hotkey, an opconsole:// link, the tray),
// done as the operator would have done it: a lookup, after asking when a link names
// another profile; a notice when there is nothing to look up.
import { Channel } from "@tauri-apps/api/core";
import type { DesktopRequest, LinkProblem, RequestSource } from "../../bindings";
import { api } from "../api";
import type { ApprovalsStore } from "./approvals.svelte";
import type { LookupStore } from "./lookup.svelte";
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

  /** Listens, once the profiles are known (a request may name one). */
  connect(): Promise<void> {
    const requests = new Channel<DesktopRequest>();
    requests.onmessage = (request) => this.handle(request);
    return api.connectDesktop(requests);
  }

  handle(request: DesktopRequest): void {
    if (request.kind === "approvalAnswered") {
      // What the trusted window changed: the profiles (and with them the one in use).
      this.#approvals.answer(request.answer);
      if (request.answer.kind === "changes" && request.answer.applied) void this.#profiles.load().catch(() => {});
      return;
    }
    this.notice = null;
    this.pendingSwitch = null;
    if (request.kind !== "lookup") {
      this.notice = request;
      return;
    }
    this.lookUpOn(request.userId, request.profileId, "link", request.source);
  }

  /** Looks `userId` up on `profileId` (the one in use when null), asking first when that
      is another profile than the one in use. A desktop request's `source` is told when its
      answer is painted. */
  lookUpOn(userId: string, profileId: string | null, from: PendingSwitch["from"], source?: RequestSource): void {
    this.notice = null;
    this.pendingSwitch = null;
    if (profileId && profileId !== this.#profiles.view?.selected) {
      const view = this.#profiles.view?.profiles.find((p) => p.profile.id === profileId);
      if (!view) this.notice = { kind: "unknownProfile", profileId, from };
      else this.pendingSwitch = { userId, profileId, profileName: view.profile.name, from };
      return;
    }
    const painted = source ? () => void api.desktopAnswerPainted(source).catch(() => {}) : undefined;
    void this.#lookup.lookup(userId, undefined, painted);
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
