// Generated from the Rust code by src-tauri/tests/ui_contract.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p op-console --test ui_contract`.

export type LookupReply = { lookupId: number, chat: ChatView, recent: Array<RecentLookup>, };

export type LookupFailure = { lookupId: number | null, recent: Array<RecentLookup>, 
/**
 * The server answered: its answer can be shown (`raw_answer`), redacted.
 */
hasRawAnswer: boolean, } & ({ "code": "invalid_profile", field: ProfileField, problem: ProfileProblem, } | { "code": "profile_not_found", id: string, } | { "code": "demo_read_only" } | { "code": "invalid_import", problem: ImportProblem, } | { "code": "credentials_for_other_server", savedFor: string, profileServer: string, } | { "code": "empty_credential", credential: CredentialKind, } | { "code": "keyring_unavailable", } | { "code": "keyring_locked", } | { "code": "keyring_timeout", afterMs: number, } | { "code": "keyring_error", } | { "code": "storage", 
/**
 * The file or folder, as the operator's file manager shows it.
 */
path: string, } | { "code": "demo_unavailable", } | { "code": "open_failed", } | { "code": "copy_failed", } | { "code": "approval_outdated" } | { "code": "lookup_gone", lookupId: number, } | { "code": "image_refused", url: string, } | { "code": "image_failed", } | { "code": "hotkey_invalid", combination: string, } | { "code": "hotkey_reserved", combination: string, } | { "code": "seconds_out_of_range", min: number, max: number, } | { "code": "reveal_reason_required" } | { "code": "policy_locked", key: PolicyKey, } | { "code": "host_not_allowed", host: string, } | { "code": "key_invalid", key: string, } | { "code": "key_twice", key: string, first: KeyAction, second: KeyAction, } | { "code": "user_id_is_credential" } | { "code": "hotkey_taken", combination: string, } | { "code": "autostart_failed", } | OpError);

export type ChatView = { profileId: string, subtitle: string | null, chatId: string | null, 
/**
 * The raw status code, and the profile's label for it when one is set.
 */
status: string | null, statusLabel: string | null, 
/**
 * Epoch milliseconds; the UI shows it in the API's zone (or local time) and the age.
 */
createdAt: number | null, operatorId: string | null, 
/**
 * The serving operator is the signed-in one (the profile's operator id).
 */
operatorIsMe: boolean, groupId: string | null, isInGroup: boolean | null, refChatId: string | null, channelId: string | null, channelName: string | null, clientName: string | null, clientId: string | null, clientLogoUrl: string | null, clientType: string | null, versionCode: string | null, location: LocationView | null, user: UserView | null, foot: Foot | null, 
/**
 * Fields of the answer that could not be read (left out above), at most
 * [`op_api::model::MAX_WARNINGS`]; how many more there were.
 */
warnings: Array<FieldWarning>, warningsLeftOut: number, 
/**
 * The profile's API zone, minutes east of UTC: times are shown in it, labelled.
 */
utcOffsetMinutes: number, };

export type LocationView = { address: string | null, 
/**
 * As sent, in `coord_system`; the UI converts for its tile layer.
 */
lat: number | null, lng: number | null, coordSystem: CoordSystem, 
/**
 * The tiles of the result's profile (with their own datum), not of the one selected
 * now: a result drawn later is still drawn on its own map.
 */
tiles: TileLayer | null, 
/**
 * At district precision: the exact point (and the full address) is held in the
 * backend until the operator reveals it (`reveal_location`).
 */
pointHeld: boolean, };

export type UserView = { userId: string | null, userName: string | null, nickName: string | null, 
/**
 * The nickname, else the user name, else the user ID.
 */
displayName: string | null, 
/**
 * Up to two characters for an avatar placeholder.
 */
initials: string, avatarUrl: string | null, phone: PhoneView | null, tags: Array<string>, serviceCount: number | null, addresses: Array<AddressView>, contacts: Array<ContactView>, 
/**
 * Items of each list beyond [`op_api::MAX_LIST_ITEMS`]: counted, shown as "N more".
 */
tagsLeftOut: number, addressesLeftOut: number, contactsLeftOut: number, };

export type AddressView = { id: string | null, address: string | null, remark: string | null, };

export type ContactView = { id: string | null, name: string | null, phone: PhoneView | null, };

export type PhoneView = { masked: string, field: PhoneField, 
/**
 * The answer had the full number (not only the API's own masked display form).
 */
canReveal: boolean, };

export type PhoneField = { "kind": "user" } | { "kind": "contact", index: number, };

export type Foot = { 
/**
 * When the server answered, `yyyy-MM-dd HH:mm:ss` as sent (kept as text: display only).
 */
operationTime: string | null, servicePhone: string | null, 
/**
 * The name of the server that answered.
 */
host: string | null, };

export type CoordSystem = "wgs84" | "gcj02" | "bd09";

export type TileLayer = { urlTemplate: string, attribution: string, coordSystem: CoordSystem, };

export type Profile = { 
/**
 * `a-z 0-9 -`; the keyring accounts are `<id>:token` and `<id>:secret`.
 */
id: string, name: string, baseUrl: string, clientId: string, apiVersion: string, signRule: SignRule, 
/**
 * The datum of the API's locations.
 */
coordSystem: CoordSystem, tiles: TileLayer | null, 
/**
 * Where `client.logo` and `user.icon` file names are found.
 */
assetBaseUrl: string | null, connectTimeoutMs: number, timeoutMs: number, 
/**
 * Labels for the API's undocumented status codes: `{"5": "已结束"}`.
 */
statusLabels: { [key in string]: string }, 
/**
 * The signed-in operator's id, to mark their own chats.
 */
operatorId: string | null, 
/**
 * Minutes east of UTC of the API's zone-less times, and of the times shown (UTC+8:
 * China Standard Time, the API's own).
 */
apiUtcOffsetMinutes: number, 
/**
 * How requests reach the server: the system's proxy (default), none, or a given one.
 */
proxy: ProxyMode, 
/**
 * A PEM file of certificates trusted besides the operating system's (an internal CA).
 */
caFile: string | null, 
/**
 * Plain `http://` to a host other than this machine: the token would cross the network
 * readable. Refused unless this is set (Settings asks first; IT may set it in a file).
 */
allowInsecureHttp: boolean, };

export type SignRule = { 
/**
 * The case of the hex digits; when absent, the scheme's own convention.
 */
hex?: HexCase | null, 
/**
 * For the sorted-parameter schemes: the exact body bytes join the parameters under
 * this name, so that the sign covers them. `null` leaves the body out.
 */
bodyParam: string | null, 
/**
 * An optional timestamp or nonce parameter added to the query (and so to the sign).
 */
stamp?: StampParam | null, } & ({ "scheme": "wechatV2" } | { "scheme": "alipay" } | { "scheme": "top" } | { "scheme": "bodyMd5" } | { "scheme": "template", template: string, });

export type SignScheme = { "scheme": "wechatV2" } | { "scheme": "alipay" } | { "scheme": "top" } | { "scheme": "bodyMd5" } | { "scheme": "template", template: string, };

export type HexCase = "lower" | "upper";

export type StampParam = { 
/**
 * The query parameter's name, for example `timestamp` or `nonce`.
 */
name: string, format: StampFormat, };

export type StampFormat = "unixSeconds" | "unixMillis" | "compact" | "nonce";

export type ProfileWarning = "insecureBaseUrl" | "insecureAssetUrl" | "insecureTileUrl";

export type ProfileView = { profile: Profile, isDemo: boolean, 
/**
 * One of IT's policy: the operator can select it and enter credentials, nothing else.
 */
managed: boolean, warnings: Array<ProfileWarning>, 
/**
 * The demo's server could not start: the entry stays, saying so; the rest works.
 */
unavailable: boolean, };

export type ProfilesView = { selected: string, 
/**
 * The demo first, then the saved profiles in the order they were added.
 */
profiles: Array<ProfileView>, 
/**
 * IT lets the operator add profiles of their own (`allowOwnProfiles`).
 */
ownAllowed: boolean, 
/**
 * IT lets the operator import profiles (`allowImports`).
 */
importsAllowed: boolean, };

export type CredentialStatus = { hasToken: boolean, hasSecret: boolean, 
/**
 * Saved for another server or client ID than the profile's now: they will not be sent.
 */
forOtherServer: boolean, };

export type RecentLookup = { userId: string, profileId: string, 
/**
 * Epoch milliseconds.
 */
at: number, 
/**
 * `ok`, or the error's code.
 */
outcome: string, };

export type ErrorBody = { 
/**
 * The server answered: its answer can be shown (`raw_answer`), redacted.
 */
hasRawAnswer: boolean, } & ({ "code": "invalid_profile", field: ProfileField, problem: ProfileProblem, } | { "code": "profile_not_found", id: string, } | { "code": "demo_read_only" } | { "code": "invalid_import", problem: ImportProblem, } | { "code": "credentials_for_other_server", savedFor: string, profileServer: string, } | { "code": "empty_credential", credential: CredentialKind, } | { "code": "keyring_unavailable", } | { "code": "keyring_locked", } | { "code": "keyring_timeout", afterMs: number, } | { "code": "keyring_error", } | { "code": "storage", 
/**
 * The file or folder, as the operator's file manager shows it.
 */
path: string, } | { "code": "demo_unavailable", } | { "code": "open_failed", } | { "code": "copy_failed", } | { "code": "approval_outdated" } | { "code": "lookup_gone", lookupId: number, } | { "code": "image_refused", url: string, } | { "code": "image_failed", } | { "code": "hotkey_invalid", combination: string, } | { "code": "hotkey_reserved", combination: string, } | { "code": "seconds_out_of_range", min: number, max: number, } | { "code": "reveal_reason_required" } | { "code": "policy_locked", key: PolicyKey, } | { "code": "host_not_allowed", host: string, } | { "code": "key_invalid", key: string, } | { "code": "key_twice", key: string, first: KeyAction, second: KeyAction, } | { "code": "user_id_is_credential" } | { "code": "hotkey_taken", combination: string, } | { "code": "autostart_failed", } | OpError);

export type ConsoleError = { "code": "invalid_profile", field: ProfileField, problem: ProfileProblem, } | { "code": "profile_not_found", id: string, } | { "code": "demo_read_only" } | { "code": "invalid_import", problem: ImportProblem, } | { "code": "credentials_for_other_server", savedFor: string, profileServer: string, } | { "code": "empty_credential", credential: CredentialKind, } | { "code": "keyring_unavailable", } | { "code": "keyring_locked", } | { "code": "keyring_timeout", afterMs: number, } | { "code": "keyring_error", } | { "code": "storage", 
/**
 * The file or folder, as the operator's file manager shows it.
 */
path: string, } | { "code": "demo_unavailable", } | { "code": "open_failed", } | { "code": "copy_failed", } | { "code": "approval_outdated" } | { "code": "lookup_gone", lookupId: number, } | { "code": "image_refused", url: string, } | { "code": "image_failed", } | { "code": "hotkey_invalid", combination: string, } | { "code": "hotkey_reserved", combination: string, } | { "code": "seconds_out_of_range", min: number, max: number, } | { "code": "reveal_reason_required" } | { "code": "policy_locked", key: PolicyKey, } | { "code": "host_not_allowed", host: string, } | { "code": "key_invalid", key: string, } | { "code": "key_twice", key: string, first: KeyAction, second: KeyAction, } | { "code": "user_id_is_credential" } | { "code": "hotkey_taken", combination: string, } | { "code": "autostart_failed", } | OpError;

export type OpError = { "code": "invalid_user_id", problem: UserIdProblem, } | { "code": "not_configured", problem: ConfigProblem, } | { "code": "connect", } | { "code": "timeout", afterMs: number, } | { "code": "tls", cause: TlsCause, } | { "code": "redirect", status: number, 
/**
 * The host it points to, when it names one.
 */
host: string | null, } | { "code": "http_status", status: number, } | { "code": "decode", 
/**
 * Where in the answer: `data.location.lat`, `code`, or `""` for the whole answer
 * (not JSON, or not the API's envelope).
 */
path: string, } | { "code": "content_encoding", encoding: string, } | { "code": "too_large", limitBytes: number, } | { "code": "interrupted", } | { "code": "api", apiCode: string, apiMessage: string, status: number | null, } | { "code": "no_chat" };

export type UserIdProblem = { "kind": "empty" } | { "kind": "tooLong", chars: number, max: number, } | { "kind": "badCharacter", character: string, position: number, };

export type ConfigProblem = { "kind": "baseUrl", problem: UrlProblem, } | { "kind": "clientId" } | { "kind": "apiVersion" } | { "kind": "timeout" } | { "kind": "bodyLimit" } | { "kind": "signRule", problem: SignRuleProblem, } | { "kind": "noToken" } | { "kind": "noSecret" } | { "kind": "noCredentials" } | { "kind": "httpClient", } | { "kind": "caFile", path: string, } | { "kind": "proxyUrl", url: string, };

export type UrlProblem = { "kind": "notUrl" } | { "kind": "scheme" } | { "kind": "noHost" } | { "kind": "userInfo" } | { "kind": "queryOrFragment" };

export type SignRuleProblem = { "kind": "templateUnclosed" } | { "kind": "templateStrayBrace" } | { "kind": "templateUnknownPlaceholder", name: string, } | { "kind": "templateNoSecret" } | { "kind": "badParamName", param: SignParam, name: string, } | { "kind": "reservedStampName", name: string, };

export type SignParam = "body" | "stamp";

export type ProfileField = "id" | "name" | "baseUrl" | "clientId" | "apiVersion" | "signRule" | "connectTimeoutMs" | "timeoutMs" | "statusLabels" | "operatorId" | "assetBaseUrl" | "tiles" | "apiUtcOffsetMinutes" | "proxy" | "caFile";

export type ProfileProblem = { "kind": "idFormat", maxChars: number, } | { "kind": "length", maxChars: number, } | { "kind": "tooLong", maxChars: number, } | { "kind": "url", problem: UrlProblem, } | { "kind": "clientIdFormat", maxChars: number, } | { "kind": "apiVersionFormat", maxChars: number, } | { "kind": "signRule", problem: SignRuleProblem, } | { "kind": "outOfRange", min: number, max: number, } | { "kind": "statusLabel", maxCodeChars: number, maxLabelChars: number, } | { "kind": "tilePlaceholder", placeholder: string, } | { "kind": "utcOffset", min: number, max: number, } | { "kind": "insecureHttp" } | { "kind": "proxyScheme" } | { "kind": "caFileUnreadable" } | { "kind": "caFileNoCertificate" };

export type ImportProblem = { "kind": "unreadable", path: string, } | { "kind": "tooLarge", maxBytes: number, } | { "kind": "newerVersion", version: number, } | { "kind": "unknownKey", path: string, } | { "kind": "credentialKey", path: string, } | { "kind": "notJson", line: number, column: number, } | { "kind": "notAnObject" } | { "kind": "wrongShape", path: string, } | { "kind": "noProfiles" } | { "kind": "invalidProfile", id: string, field: ProfileField, problem: ProfileProblem, } | { "kind": "reservedId", id: string, } | { "kind": "duplicate", id: string, } | { "kind": "selectedMissing", id: string, };

export type CredentialKind = "token" | "secret";

export type TlsCause = "unknownIssuer" | "nameMismatch" | "expired" | "other";

export type FieldWarning = { 
/**
 * Where in the answer: `data.user.tags[2]`.
 */
path: string, } & ({ "kind": "unreadable", found: JsonKind, } | { "kind": "noPoint" } | { "kind": "swapped" } | { "kind": "replaced" });

export type WarningProblem = { "kind": "unreadable", found: JsonKind, } | { "kind": "noPoint" } | { "kind": "swapped" } | { "kind": "replaced" };

export type JsonKind = "object" | "array" | "string" | "number" | "boolean";

export type ProxyMode = { "mode": "system" } | { "mode": "none" } | { "mode": "url", url: string, };

export type MovedAside = { file: string, movedTo: string, reason: MovedReason, };

export type MovedReason = "unreadable" | "corrupt" | "newer";

export type DesktopRequest = { "kind": "lookup", userId: string, profileId: string | null, source: RequestSource, } | { "kind": "noUserIdOnClipboard", seen: string, } | { "kind": "badLink", problem: LinkProblem, } | { "kind": "clipboardHoldsCredential" } | { "kind": "approvalAnswered", answer: ApprovalDone, };

export type PageStart = { 
/**
 * The profiles as Settings lists them (no token or secret); none when they could not
 * be read (the page asks, and says why).
 */
profiles: ProfilesView | null, 
/**
 * What started the console (a link, `--lookup`): the page does it first, and shows its
 * window with the answer on it. The shell's inbox keeps it for a page that did not
 * take it (`connect_desktop`'s `took_start`): done once either way.
 */
request: DesktopRequest | null, };

export type RequestSource = "hotkey" | "tray" | "link" | "commandLine";

export type LinkProblem = { "kind": "notALink" } | { "kind": "tooLong", maxChars: number, } | { "kind": "unknownAction", action: string, } | { "kind": "noUserId" } | { "kind": "badUserId", problem: UserIdProblem, } | { "kind": "badProfile" } | { "kind": "unknownParameter", name: string, };

export type DesktopSettings = { 
/**
 * The global "look up the clipboard" combination (`Ctrl+Alt+U`); `None` is none.
 */
hotkey: string | null, 
/**
 * Closing the window hides it to the tray. Off by default: not every Linux desktop
 * shows a tray, and a hidden window without one is lost to the operator.
 */
closeToTray: boolean, 
/**
 * Start with the desktop session (the system's autostart entry is the truth).
 */
startAtLogin: boolean, 
/**
 * The operator's own keys for the console's shortcuts (an action left out keeps its
 * default keys; an empty list turns them off).
 */
keys: { [key in KeyAction]?: Array<string> }, 
/**
 * Seconds a revealed number stays shown (`None`: IT's recommendation, else 30).
 */
revealSeconds: number | null, 
/**
 * Ask for a reason before revealing a number.
 */
revealReason: boolean | null, 
/**
 * "Copy summary" carries the phone line (masked unless revealed, as on screen).
 */
summaryIncludesPhone: boolean | null, 
/**
 * Seconds after which a copied number, or a summary holding one, leaves the clipboard.
 */
clipboardClearSeconds: number | null, 
/**
 * How precisely a location is shown until the operator reveals the point.
 */
locationPrecision: LocationPrecision | null, };

export type DesktopView = { 
/**
 * As in force: IT's policy over the operator's choices.
 */
settings: DesktopSettings, hotkeyRegistered: boolean, 
/**
 * Every shortcut's keys in force: the defaults with the operator's choices over them.
 */
keymap: { [key in KeyAction]?: Array<string> }, 
/**
 * What IT locked: Settings disables those controls and says why.
 */
locked: Array<PolicyKey>, rules: DataRules, };

export type TrayLabels = { show: string, lookUpClipboard: string, quit: string, };

export type KeyAction = "focusSearch" | "back" | "forward" | "refresh" | "copySummary" | "closeWindow" | "showShortcuts";

export type DataRules = { phoneReveal: boolean, revealReason: boolean, revealSeconds: number, summaryIncludesPhone: boolean, clipboardClearSeconds: number, locationPrecision: LocationPrecision, rawAnswer: boolean, 
/**
 * "Open in map" sends the point to the map's site: only when IT's allowed hosts let it.
 */
openInMap: boolean, };

export type LocationPrecision = "exact" | "district";

export type PolicyKey = "managedProfiles" | "allowedHosts" | "allowOwnProfiles" | "allowImports" | "demo" | "proxy" | "caFile" | "hotkey" | "closeToTray" | "startAtLogin" | "phoneReveal" | "revealReason" | "revealSeconds" | "summaryIncludesPhone" | "clipboardClearSeconds" | "locationPrecision" | "rawAnswer" | "updates";

export type PolicyLevel = "mandatory" | "recommended";

export type PolicyReport = { path: string, present: boolean, entries: Array<PolicyEntry>, issues: Array<PolicyIssue>, };

export type PolicyEntry = { key: string, level: PolicyLevel, 
/**
 * As the file gives it.
 */
value: unknown, 
/**
 * In force (a value that could not be read is not, see `issues`).
 */
applied: boolean, };

export type PolicyIssue = { 
/**
 * The key as the file writes it; `None` for the whole file.
 */
key: string | null, level: PolicyLevel | null, problem: PolicyProblem, };

export type PolicyProblem = { "kind": "unreadable" } | { "kind": "writableByOthers" } | { "kind": "notJson", line: number, column: number, } | { "kind": "notAnObject" } | { "kind": "newerVersion", version: number, } | { "kind": "unknownKey" } | { "kind": "wrongValue" } | { "kind": "onlyMandatory" } | { "kind": "invalidProfile", id: string, field: ProfileField, problem: ProfileProblem, } | { "kind": "duplicateProfile", id: string, } | { "kind": "profileHostNotAllowed", id: string, host: string, };

export type ApprovalRequest = { "kind": "credentials", requestId: number, profileId: string, name: string, flows: Array<FlowValue>, status: CredentialStatus, } | { "kind": "changes", requestId: number, source: ChangeSource, changes: DataFlowChanges, };

export type ApprovalDone = { "kind": "changes", applied: boolean, profiles: number, } | { "kind": "credentials", profileId: string, status: CredentialStatus, };

export type ChangeOutcome = { "kind": "applied", profiles: number, } | { "kind": "needsApproval", requestId: number, };

export type SaveOutcome = { "kind": "saved", view: ProfileView, } | { "kind": "needsApproval", requestId: number, };

export type ChangeSource = "settingsImport" | "startUp" | "secondLaunch" | "settingsSave";

export type DataFlowChanges = { profiles: Array<ProfileChange>, selected: SelectionChange | null, };

export type ProfileChange = { id: string, name: string, 
/**
 * A profile this computer does not have yet.
 */
added: boolean, 
/**
 * The name of an existing profile this one could be taken for (`Prod` beside `prod `,
 * `Prоd` with a Cyrillic o).
 */
looksLike: string | null, fields: Array<FieldChange>, 
/**
 * Credentials are saved for it and would no longer be sent: they are asked for again.
 */
credentialsUnusable: boolean, };

export type SelectionChange = { from: string, to: string, };

export type FieldChange = { field: FlowField, from: string | null, to: string | null, };

export type FlowValue = { field: FlowField, value: string | null, };

export type FlowField = "baseUrl" | "clientId" | "proxy" | "caFile" | "tiles" | "assets";

export type UpdateStatus = { currentVersion: string, 
/**
 * Why the console does not look (`None`: it does).
 */
off: UpdatesOff | null, 
/**
 * The endpoint is IT's mirror.
 */
mirror: boolean, 
/**
 * Epoch milliseconds of the last check.
 */
lastCheck: number | null, outcome: UpdateOutcome, available: AvailableUpdate | null, 
/**
 * The console can install it itself; when a package manager owns the install and this
 * session cannot ask for the rights, the notice says to ask IT instead.
 */
canInstall: boolean, };

export type UpdateOutcome = { "kind": "notChecked" } | { "kind": "upToDate" } | { "kind": "available" } | { "kind": "unreachable" } | { "kind": "badManifest" } | { "kind": "badSignature" } | { "kind": "downloadFailed" } | { "kind": "installFailed" } | { "kind": "installed" };

export type UpdatesOff = "policy" | "noKey" | "notPackaged" | "noEndpoint" | "hostNotAllowed";

export type AvailableUpdate = { version: string, 
/**
 * The release notes ([`clean_notes`]).
 */
notes: string | null, };

export type UpdateProgress = { downloaded: number, 
/**
 * `None` when the server did not say.
 */
total: number | null, };

/** Every error code the backend sends. */
export type ErrorCode = ErrorBody["code"];
