// What the desktop asks of the page (the global hotkey, an opconsole:// link, the tray),
// done as the operator would have done it: a lookup, after asking when a link names
// another profile; a notice when there is nothing to look up.
import { Channel } from "@tauri-apps/api/core";
import type { DesktopRequest, LinkProblem, TrayLabels } from "../../bindings";
import { api } from "../api";
import type { LookupStore } from "./lookup.svelte";
import type { ProfilesStore } from "./profiles.svelte";

export type DesktopNotice =
  | { kind: "noUserIdOnClipboard"; seen: string }
  | { kind: "badLink"; problem: LinkProblem }
  | { kind: "clipboardHoldsCredential" }
  | { kind: "unknownProfile"; profileId: string };

/** A link that names another profile than the one in use waits for the operator's yes. */
export type PendingSwitch = { userId: string; profileId: string; profileName: string };

export class DesktopStore {
  notice = $state.raw<DesktopNotice | null>(null);
  pendingSwitch = $state.raw<PendingSwitch | null>(null);
  readonly #profiles: ProfilesStore;
  readonly #lookup: LookupStore;
  readonly #changeProfile: (id: string) => Promise<void>;

  constructor(profiles: ProfilesStore, lookup: LookupStore, changeProfile: (id: string) => Promise<void>) {
    this.#profiles = profiles;
    this.#lookup = lookup;
    this.#changeProfile = changeProfile;
  }

  /** Listens (once the profiles are known) and gives the tray its words; again on a language switch. */
  connect(labels: TrayLabels): Promise<void> {
    const requests = new Channel<DesktopRequest>();
    requests.onmessage = (request) => this.handle(request);
    return api.connectDesktop(labels, requests);
  }

  handle(request: DesktopRequest): void {
    this.notice = null;
    this.pendingSwitch = null;
    if (request.kind !== "lookup") {
      this.notice = request;
      return;
    }
    const wanted = request.profileId;
    if (wanted && wanted !== this.#profiles.view?.selected) {
      const view = this.#profiles.view?.profiles.find((p) => p.profile.id === wanted);
      if (!view) this.notice = { kind: "unknownProfile", profileId: wanted };
      else this.pendingSwitch = { userId: request.userId, profileId: wanted, profileName: view.profile.name };
      return;
    }
    void this.#lookup.lookup(request.userId);
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
