// Typed calls to the backend's commands. The command names come from contract.ts and the
// types from bindings.ts (both generated from Rust); a failure is always an ApiError
// carrying the backend's {code, …} or, for a failure of Tauri's own, code `internal`.
import { invoke, type Channel } from "@tauri-apps/api/core";
import type {
  ChangeOutcome,
  CredentialStatus,
  DesktopRequest,
  DesktopSettings,
  DesktopView,
  ErrorBody,
  LocationView,
  LookupReply,
  PhoneField,
  MovedAside,
  PolicyReport,
  Profile,
  ProfilesView,
  RecentLookup,
  RequestSource,
  SaveOutcome,
  TrayLabels,
  UpdateProgress,
  UpdateStatus,
} from "../bindings";
import type { Command, TrustedCommand } from "../contract";
import type { ShownError } from "./errors";

export class ApiError extends Error {
  readonly body: ShownError;
  constructor(body: ShownError) {
    super(body.code);
    this.body = body;
  }
}

/** The error as the UI shows it, whatever was thrown. */
export function asShownError(raw: unknown): ShownError {
  if (raw instanceof ApiError) return raw.body;
  if (raw && typeof raw === "object" && typeof (raw as ErrorBody).code === "string") return raw as ErrorBody;
  return { code: "internal", message: String(raw) };
}

/** A command of either page's; a failure is always an ApiError. */
async function invokeCommand<T>(command: Command | TrustedCommand, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw new ApiError(asShownError(raw));
  }
}

/** The main page's commands (the generated list: a name not in it does not compile). */
const call = <T>(command: Command, args?: Record<string, unknown>) => invokeCommand<T>(command, args);

/** The trusted window's commands, for its own page (the main page's capability refuses them). */
export const callTrusted = <T>(command: TrustedCommand, args?: Record<string, unknown>) => invokeCommand<T>(command, args);

export const api = {
  lookupChat: (userId: string, profileId?: string) =>
    call<LookupReply>("lookup_chat", { userId, profileId: profileId ?? null }),
  rawAnswer: (lookupId: number) => call<string | null>("raw_answer", { lookupId }),
  revealPhone: (lookupId: number, field: PhoneField, reason: string | null = null) =>
    call<string>("reveal_phone", { lookupId, field, reason }),
  revealLocation: (lookupId: number, reason: string | null = null) => call<LocationView>("reveal_location", { lookupId, reason }),
  listProfiles: () => call<ProfilesView>("list_profiles"),
  saveProfile: (profile: Profile) => call<SaveOutcome>("save_profile", { profile }),
  deleteProfile: (id: string) => call<void>("delete_profile", { id }),
  selectProfile: (id: string) => call<ProfilesView>("select_profile", { id }),
  importProfiles: (text: string) => call<ChangeOutcome>("import_profiles", { text }),
  signPreview: (profile: Profile, userId: string) => call<string>("sign_preview", { profile, userId }),
  /** The system's file dialog for a CA file: the path chosen, or null. */
  chooseCaFile: () => call<string | null>("choose_ca_file"),
  /** Opens the trusted window for the profile's token and secret (typed there, never here). */
  requestCredentials: (profileId: string) => call<number>("request_credentials", { profileId }),
  forgetCredentials: (profileId: string) => call<CredentialStatus>("forget_credentials", { profileId }),
  credentialStatus: (profileId: string) => call<CredentialStatus>("credential_status", { profileId }),
  recentLookups: () => call<RecentLookup[]>("recent_lookups"),
  clearRecentLookups: () => call<void>("clear_recent_lookups"),
  openInMap: (lat: number, lng: number) => call<void>("open_in_map", { lat, lng }),
  /** Copies `text`; `forget`: it holds a revealed number, removed from the clipboard after the rules' time. */
  copyText: (text: string, forget: boolean) => call<void>("copy_text", { text, forget }),
  uiReady: () => call<void>("ui_ready"),
  connectDesktop: (requests: Channel<DesktopRequest>, tookStart: boolean) => call<void>("connect_desktop", { requests, tookStart }),
  showTray: (labels: TrayLabels) => call<void>("show_tray", { labels }),
  desktopSettings: () => call<DesktopView>("desktop_settings"),
  saveDesktopSettings: (settings: DesktopSettings) => call<DesktopView>("save_desktop_settings", { settings }),
  closeWindow: () => call<void>("close_window"),
  /** A desktop request's answer is on screen: the backend logs when (support, the benchmark). */
  desktopAnswerPainted: (source: RequestSource, paintedAt: number) => call<void>("desktop_answer_painted", { source, paintedAt }),
  movedAside: () => call<MovedAside[]>("moved_aside"),
  policyReport: () => call<PolicyReport>("policy_report"),
  /** The current update status; later ones arrive on `statuses`. */
  watchUpdates: (statuses: Channel<UpdateStatus>) => call<UpdateStatus>("watch_updates", { statuses }),
  checkForUpdate: () => call<UpdateStatus>("check_for_update"),
  /** Downloads, verifies and installs `version` (the one shown), then the console restarts. */
  installUpdate: (version: string, progress: Channel<UpdateProgress>) =>
    call<UpdateStatus>("install_update", { version, progress }),
};
