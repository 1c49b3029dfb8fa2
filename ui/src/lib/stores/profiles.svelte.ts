// The profiles as the backend has them, and the one in use. Created by App, shared with
// the settings dialog. Every way the profile in use changes (the header's selector,
// Settings' "Use", a link's or a recent row's switch, an import that selects another)
// passes here, and `onSwitched` (the result on screen belongs to the old one) runs for each.
import type { ProfilesView, ProfileView } from "../../bindings";
import { api } from "../api";

export class ProfilesStore {
  view = $state.raw<ProfilesView | null>(null);
  readonly selected: ProfileView | null = $derived(
    this.view?.profiles.find((p) => p.profile.id === this.view?.selected) ?? null,
  );
  readonly #onSwitched: () => void;
  /** How many times the view was set: an answer asked for before a change is not applied after it. */
  #changes = 0;

  constructor(onSwitched: () => void = () => {}) {
    this.#onSwitched = onSwitched;
  }

  async load(): Promise<void> {
    this.set(await api.listProfiles());
  }

  /** The view to start with: the one the page was given (`pageStart`), at once, then
      the backend's in the background (a `--profiles` import may have landed since) unless
      the view changed meanwhile (a switch that an older answer would undo). Without a
      given view, the backend's answer. */
  async start(given: ProfilesView | null): Promise<void> {
    if (!given) return this.load();
    this.set(given);
    const changes = this.#changes;
    void api
      .listProfiles()
      .then((now) => {
        if (this.#changes === changes && JSON.stringify(now) !== JSON.stringify(given)) this.set(now);
      })
      .catch(() => {});
  }

  async select(id: string): Promise<void> {
    this.set(await api.selectProfile(id));
  }

  set(next: ProfilesView): void {
    this.#changes += 1;
    const before = this.view?.selected;
    this.view = next;
    if (before !== undefined && before !== next.selected) this.#onSwitched();
  }

  /** A profile's name by id ("" when this computer does not have it). */
  nameOf(id: string): string {
    return this.view?.profiles.find((p) => p.profile.id === id)?.profile.name ?? "";
  }
}
