// Generated from the Rust code by src-tauri/tests/ui_contract.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p op-console --test ui_contract`.

import type { KeyAction, Profile } from "./bindings";

/** The backend's commands, as the main page invokes them. */
export const COMMANDS = ["lookup_chat","raw_answer","reveal_phone","reveal_location","list_profiles","save_profile","delete_profile","select_profile","import_profiles","sign_preview","choose_ca_file","request_credentials","forget_credentials","credential_status","recent_lookups","clear_recent_lookups","open_in_map","copy_text","ui_ready","moved_aside","policy_report","connect_desktop","show_tray","desktop_settings","save_desktop_settings","close_window","desktop_answer_painted","watch_updates","check_for_update","install_update"] as const;
export type Command = (typeof COMMANDS)[number];

/** The commands the trusted window invokes (and only it may). */
export const TRUSTED_COMMANDS = ["approval_request","approve_changes","decline_request","save_requested_credentials"] as const;
export type TrustedCommand = (typeof TRUSTED_COMMANDS)[number];

/** A user ID: trimmed, 1 to maxChars of ASCII letters, digits and punctuation. */
export const USER_ID_RULE = {"maxChars":64,"punctuation":"_-."} as const;

/** The limits of a profile's fields. */
export const PROFILE_LIMITS = {"apiVersionMaxChars":8,"attributionMaxChars":200,"clientIdMaxChars":64,"idMaxChars":40,"nameMaxChars":60,"operatorIdMaxChars":64,"timeoutMaxMs":120000,"timeoutMinMs":500,"utcOffsetMaxMinutes":840,"utcOffsetMinMinutes":-720} as const;

/** A new profile with the defaults, as the editor starts it. */
export const NEW_PROFILE: Profile = {"id":"","name":"","baseUrl":"https://","clientId":"","apiVersion":"01","signRule":{"scheme":"bodyMd5","bodyParam":"body"},"coordSystem":"gcj02","tiles":null,"assetBaseUrl":null,"connectTimeoutMs":5000,"timeoutMs":15000,"statusLabels":{},"operatorId":null,"apiUtcOffsetMinutes":480,"proxy":{"mode":"system"},"caFile":null,"allowInsecureHttp":false};

/** What a tile template's `{s}` stands for; the image protocol accepts each. */
export const TILE_SUBDOMAINS = ["a","b","c"] as const;

/** The template a new `template` sign rule starts from. */
export const EXAMPLE_SIGN_TEMPLATE = "{method}{url}{body}{secret}";

/** The desktop integration's defaults and limits. */
export const DESKTOP = {"clipboardPreviewChars":40,"defaultClipboardClearSeconds":30,"defaultHotkey":"Ctrl+Alt+U","defaultRevealSeconds":30,"hotkeyMaxChars":60,"keyMaxChars":40,"keysPerAction":3,"linkScheme":"opconsole","secondsMax":600,"secondsMin":5} as const;

/** The page's global that holds what the backend gave it at start (`PageStart`). */
export const PAGE_START_GLOBAL = "__OP_CONSOLE_START__";

/** Every shortcut's keys until the backend says the operator chose others. */
export const DEFAULT_KEYMAP: Record<KeyAction, string[]> = {"focusSearch":["Ctrl+K"],"back":["Alt+ArrowLeft"],"forward":["Alt+ArrowRight"],"refresh":["F5","Ctrl+R"],"copySummary":["Ctrl+Shift+C"],"closeWindow":["Ctrl+W"],"showShortcuts":["?"]};
