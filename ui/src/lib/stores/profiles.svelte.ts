// The profiles as the backend has them, and the one in use. Created by App, shared with
// the settings dialog.
import type { ProfilesView, ProfileView } from "../../bindings";
import { api } from "../api";

export class ProfilesStore {
  view = $state.raw<ProfilesView | null>(null);
  readonly selected: ProfileView | null = $derived(
    this.view?.profiles.find((p) => p.profile.id === this.view?.selected) ?? null,
  );

  async load(): Promise<void> {
    this.view = await api.listProfiles();
  }

  async select(id: string): Promise<void> {
    this.view = await api.selectProfile(id);
  }

  set(next: ProfilesView): void {
    this.view = next;
  }
}
