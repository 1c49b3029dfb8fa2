// The settings dialog's state: the profile being edited (a draft until saved), its
// credentials' saved state, and the last message. Each section edits its part of it.
import type { ApprovalDone, CredentialStatus, Profile, ProfileView, SignRule } from "../../bindings";
import { EXAMPLE_SIGN_TEMPLATE, NEW_PROFILE } from "../../contract";
import { api, asShownError } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { t } from "../../lib/i18n.svelte";
import type { ApprovalsStore } from "../../lib/stores/approvals.svelte";
import type { ProfilesStore } from "../../lib/stores/profiles.svelte";

export type Scheme = SignRule["scheme"];

export class ProfileEditor {
  /** The profile being edited; "" for a new one. */
  editingId = $state("");
  draft = $state<Profile>(structuredClone(NEW_PROFILE));
  template = $state(EXAMPLE_SIGN_TEMPLATE);
  labelsText = $state("");
  warnings = $state.raw<ProfileView["warnings"]>([]);
  credentials = $state.raw<CredentialStatus>({ hasToken: false, hasSecret: false, forOtherServer: false });
  message = $state.raw<{ ok: boolean; text: string } | null>(null);
  busy = $state(false);

  readonly profiles: ProfilesStore;
  readonly approvals: ApprovalsStore;

  constructor(profiles: ProfilesStore, approvals: ApprovalsStore) {
    this.profiles = profiles;
    this.approvals = approvals;
    this.edit(profiles.view?.selected ?? "");
  }

  /** The saved profile being edited; null for a new one. */
  get editing(): ProfileView | null {
    return this.profiles.view?.profiles.find((p) => p.profile.id === this.editingId) ?? null;
  }

  /** One of IT's: read-only but for credentials. */
  get isManaged(): boolean {
    return this.editing?.managed ?? false;
  }

  get isDemo(): boolean {
    return this.editing?.isDemo ?? false;
  }

  /** Starts editing a profile by id ("" for a new one). */
  edit(id: string): void {
    this.editingId = id;
    this.message = null;
    this.load(this.profiles.view?.profiles.find((p) => p.profile.id === id) ?? null);
  }

  /** Fills the editor from a profile (or a new one). Leaves the message alone. */
  load(view: ProfileView | null): void {
    const profile: Profile = structuredClone(view ? $state.snapshot(view.profile) : NEW_PROFILE) as Profile;
    this.draft = profile;
    this.template = profile.signRule.scheme === "template" ? profile.signRule.template : EXAMPLE_SIGN_TEMPLATE;
    this.labelsText = Object.entries(profile.statusLabels).map(([k, v]) => `${k}=${v}`).join("\n");
    this.warnings = view?.warnings ?? [];
    this.credentials = { hasToken: false, hasSecret: false, forOtherServer: false };
    if (view) {
      api.credentialStatus(view.profile.id).then((s) => (this.credentials = s)).catch((e) => this.fail(e));
    }
  }

  fail(error: unknown): void {
    this.message = { ok: false, text: errorText(asShownError(error)).text };
  }

  succeed(text: string): void {
    this.message = { ok: true, text };
  }

  /** Runs one action of the dialog: busy while it runs, its failure as the message. */
  async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = null;
    try {
      await work();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  setScheme(scheme: Scheme): void {
    const { bodyParam, hex, stamp } = this.draft.signRule;
    this.draft.signRule =
      scheme === "template"
        ? { scheme, template: this.template, bodyParam, hex, stamp }
        : { scheme, bodyParam: bodyParam ?? NEW_PROFILE.signRule.bodyParam, hex, stamp };
  }

  /** The draft as it would be saved. */
  profileToSave(): Profile {
    const profile = $state.snapshot(this.draft) as Profile;
    if (profile.signRule.scheme === "template") profile.signRule = { ...profile.signRule, template: this.template };
    profile.statusLabels = parseLabels(this.labelsText);
    if (profile.tiles && !profile.tiles.urlTemplate.trim()) profile.tiles = null;
    return profile;
  }

  /** Saved at once, or (its tile or asset hosts moved) after the operator's yes in the trusted window. */
  save = () =>
    this.run(async () => {
      const outcome = await api.saveProfile(this.profileToSave());
      if (outcome.kind === "needsApproval") {
        this.approvals.asked("changes");
        this.succeed(t("approvalWaiting"));
        return;
      }
      this.profiles.set(await api.listProfiles());
      this.editingId = outcome.view.profile.id;
      this.load(outcome.view);
      this.succeed(t("saved"));
    });

  /** The trusted window answered: what it changed shows here. */
  async answered(answer: ApprovalDone): Promise<void> {
    if (answer.kind === "credentials") {
      if (answer.profileId === this.editingId) this.credentials = answer.status;
      this.succeed(answer.status.hasToken && answer.status.hasSecret ? t("saved") : t("credentialsWindowClosed"));
      return;
    }
    if (!answer.applied) {
      this.message = { ok: false, text: t("importDeclined") };
      return;
    }
    await this.profiles.load();
    this.edit(this.editingId);
    this.succeed(t("imported", { n: answer.profiles }));
  }

  use = (id: string) => this.run(() => this.profiles.select(id));

  delete = () =>
    this.run(async () => {
      await api.deleteProfile(this.draft.id);
      await this.profiles.load();
      this.edit(this.profiles.view?.selected ?? "");
    });
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) labels[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return labels;
}
