// Updates as the backend reports them: the status (version, last check, what it found),
// a download's progress, and the operator's two actions, "Check now" and "Install and
// restart". The backend checks on its own schedule; the page only listens and asks.
import { Channel } from "@tauri-apps/api/core";
import type { UpdateProgress, UpdateStatus } from "../../bindings";
import { api } from "../api";

export class UpdatesStore {
  status = $state.raw<UpdateStatus | null>(null);
  progress = $state.raw<UpdateProgress | null>(null);
  busy = $state<"checking" | "installing" | null>(null);
  /** The version whose notice the operator closed: not offered again until a newer one. */
  dismissed = $state<string | null>(null);

  /** Listens for the backend's news; a failure leaves updates unmentioned (never an error). */
  async connect(): Promise<void> {
    const statuses = new Channel<UpdateStatus>();
    let heard = false;
    statuses.onmessage = (status) => {
      heard = true;
      this.status = status;
    };
    try {
      const current = await api.watchUpdates(statuses);
      // News that came on the channel meanwhile is newer than this answer.
      if (!heard) this.status = current;
    } catch {
      /* updates stay unmentioned */
    }
  }

  async checkNow(): Promise<void> {
    this.busy = "checking";
    try {
      this.status = await api.checkForUpdate();
    } catch {
      /* the status keeps the last outcome */
    } finally {
      this.busy = null;
    }
  }

  /** Installs the version the operator was shown. */
  async install(): Promise<void> {
    const version = this.status?.available?.version;
    if (!version) return;
    this.busy = "installing";
    this.progress = null;
    const progress = new Channel<UpdateProgress>();
    progress.onmessage = (p) => (this.progress = p);
    try {
      // On success the console restarts before this returns.
      this.status = await api.installUpdate(version, progress);
    } catch {
      /* the status says what happened */
    } finally {
      this.busy = null;
      this.progress = null;
    }
  }

  /** The version found can be installed from here (not one whose signature failed). */
  get installable(): boolean {
    return !!this.status?.available && this.status.canInstall && this.status.outcome.kind !== "badSignature";
  }

  /** The notice: a newer version the operator has not closed. */
  get offered(): boolean {
    const available = this.status?.available;
    return available != null && available.version !== this.dismissed;
  }

  dismiss(): void {
    this.dismissed = this.status?.available?.version ?? null;
  }
}

/** The console's one updates store (the notice and Settings read it). */
export const updates = new UpdatesStore();
