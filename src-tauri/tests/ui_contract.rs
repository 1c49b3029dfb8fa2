//! What the UI is built against, generated here so it cannot drift: the TypeScript types
//! (`ui/src/bindings.ts`, from the Rust types by ts-rs), the values it needs from Rust
//! (`ui/src/contract.ts`: the command names, limits, defaults and the user-ID rule), and
//! the test fixtures (`ui/tests/fixtures/`: op-sim's users as views, a realistic sample
//! of every error). The tests fail when any is stale; `UPDATE_BINDINGS=1 cargo test -p
//! op-console --test ui_contract` rewrites them.

use console_core::policy::{
    LocationPrecision, PolicyEntry, PolicyIssue, PolicyKey, PolicyLevel, PolicyProblem, PolicyReport,
};
use console_core::updates::{AvailableUpdate, UpdateOutcome, UpdateProgress, UpdateStatus, UpdatesOff};
use console_core::{
    limits, AddressView, ApprovalDone, ApprovalRequest, ChangeOutcome, ChangeSource, ChatView, ConsoleError,
    ContactView, CoordSystem, CredentialKind, CredentialStatus, DataFlowChanges, DataRules, DesktopRequest,
    DesktopSettings, DesktopView, ErrorBody, FieldChange, FlowField, FlowValue, ImportProblem, KeyAction, LinkProblem,
    LocationView, LookupFailure, LookupReply, MovedAside, MovedReason, PageStart, PhoneField, PhoneView, Profile,
    ProfileChange, ProfileField, ProfileProblem, ProfileView, ProfileWarning, ProfilesView, RecentLookup,
    RequestSource, SaveOutcome, SelectionChange, TileLayer, TrayLabels, UserView,
};
use op_api::model::{FieldWarning, Foot, JsonKind, WarningProblem};
use op_api::sign::{
    HexCase, SignParam, SignRule, SignRuleProblem, SignScheme, StampFormat, StampParam, EXAMPLE_TEMPLATE,
};
use op_api::{ConfigProblem, OpError, ProxyMode, TlsCause, UrlProblem, UserIdProblem};
use serde_json::json;
use ts_rs::{Config, TS};

const REGENERATE: &str = "UPDATE_BINDINGS=1 cargo test -p op-console --test ui_contract";

fn render() -> String {
    // Epoch milliseconds and counts fit a JavaScript number.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        LookupReply::decl(&cfg),
        LookupFailure::decl(&cfg),
        ChatView::decl(&cfg),
        LocationView::decl(&cfg),
        UserView::decl(&cfg),
        AddressView::decl(&cfg),
        ContactView::decl(&cfg),
        PhoneView::decl(&cfg),
        PhoneField::decl(&cfg),
        Foot::decl(&cfg),
        CoordSystem::decl(&cfg),
        TileLayer::decl(&cfg),
        Profile::decl(&cfg),
        SignRule::decl(&cfg),
        SignScheme::decl(&cfg),
        HexCase::decl(&cfg),
        StampParam::decl(&cfg),
        StampFormat::decl(&cfg),
        ProfileWarning::decl(&cfg),
        ProfileView::decl(&cfg),
        ProfilesView::decl(&cfg),
        CredentialStatus::decl(&cfg),
        RecentLookup::decl(&cfg),
        ErrorBody::decl(&cfg),
        ConsoleError::decl(&cfg),
        OpError::decl(&cfg),
        UserIdProblem::decl(&cfg),
        ConfigProblem::decl(&cfg),
        UrlProblem::decl(&cfg),
        SignRuleProblem::decl(&cfg),
        SignParam::decl(&cfg),
        ProfileField::decl(&cfg),
        ProfileProblem::decl(&cfg),
        ImportProblem::decl(&cfg),
        CredentialKind::decl(&cfg),
        TlsCause::decl(&cfg),
        FieldWarning::decl(&cfg),
        WarningProblem::decl(&cfg),
        JsonKind::decl(&cfg),
        ProxyMode::decl(&cfg),
        MovedAside::decl(&cfg),
        MovedReason::decl(&cfg),
        DesktopRequest::decl(&cfg),
        PageStart::decl(&cfg),
        RequestSource::decl(&cfg),
        LinkProblem::decl(&cfg),
        DesktopSettings::decl(&cfg),
        DesktopView::decl(&cfg),
        TrayLabels::decl(&cfg),
        KeyAction::decl(&cfg),
        DataRules::decl(&cfg),
        LocationPrecision::decl(&cfg),
        PolicyKey::decl(&cfg),
        PolicyLevel::decl(&cfg),
        PolicyReport::decl(&cfg),
        PolicyEntry::decl(&cfg),
        PolicyIssue::decl(&cfg),
        PolicyProblem::decl(&cfg),
        ApprovalRequest::decl(&cfg),
        ApprovalDone::decl(&cfg),
        ChangeOutcome::decl(&cfg),
        SaveOutcome::decl(&cfg),
        ChangeSource::decl(&cfg),
        DataFlowChanges::decl(&cfg),
        ProfileChange::decl(&cfg),
        SelectionChange::decl(&cfg),
        FieldChange::decl(&cfg),
        FlowValue::decl(&cfg),
        FlowField::decl(&cfg),
        UpdateStatus::decl(&cfg),
        UpdateOutcome::decl(&cfg),
        UpdatesOff::decl(&cfg),
        AvailableUpdate::decl(&cfg),
        UpdateProgress::decl(&cfg),
    ];
    let mut out = header();
    for decl in decls {
        out.push_str("export ");
        out.push_str(decl.trim());
        out.push_str("\n\n");
    }
    out.push_str("/** Every error code the backend sends. */\nexport type ErrorCode = ErrorBody[\"code\"];\n");
    out
}

fn header() -> String {
    format!(
        "// Generated from the Rust code by src-tauri/tests/ui_contract.rs. Do not edit:\n// run `{REGENERATE}`.\n\n"
    )
}

/// The values the UI takes from Rust instead of copying them.
fn contract() -> String {
    let mut out = header();
    out.push_str("import type { KeyAction, Profile } from \"./bindings\";\n\n");
    let commands = serde_json::to_string(op_console_lib::MAIN_COMMANDS).unwrap();
    out.push_str(&format!(
        "/** The backend's commands, as the main page invokes them. */\nexport const COMMANDS = {commands} as const;\nexport type Command = (typeof COMMANDS)[number];\n\n"
    ));
    let trusted = serde_json::to_string(op_console_lib::TRUSTED_COMMANDS).unwrap();
    out.push_str(&format!(
        "/** The commands the trusted window invokes (and only it may). */\nexport const TRUSTED_COMMANDS = {trusted} as const;\nexport type TrustedCommand = (typeof TRUSTED_COMMANDS)[number];\n\n"
    ));
    let user_id = json!({"maxChars": op_api::MAX_USER_ID_CHARS, "punctuation": op_api::USER_ID_PUNCTUATION});
    out.push_str(&format!(
        "/** A user ID: trimmed, 1 to maxChars of ASCII letters, digits and punctuation. */\nexport const USER_ID_RULE = {user_id} as const;\n\n"
    ));
    let profile = json!({
        "idMaxChars": limits::ID_MAX_CHARS,
        "nameMaxChars": limits::NAME_MAX_CHARS,
        "clientIdMaxChars": limits::CLIENT_ID_MAX_CHARS,
        "apiVersionMaxChars": limits::API_VERSION_MAX_CHARS,
        "timeoutMinMs": limits::TIMEOUT_MIN_MS,
        "timeoutMaxMs": limits::TIMEOUT_MAX_MS,
        "operatorIdMaxChars": limits::OPERATOR_ID_MAX_CHARS,
        "attributionMaxChars": limits::ATTRIBUTION_MAX_CHARS,
        "utcOffsetMinMinutes": limits::UTC_OFFSET_MIN_MINUTES,
        "utcOffsetMaxMinutes": limits::UTC_OFFSET_MAX_MINUTES,
    });
    out.push_str(&format!(
        "/** The limits of a profile's fields. */\nexport const PROFILE_LIMITS = {profile} as const;\n\n"
    ));
    let new_profile = serde_json::to_string(&Profile::new("", "", "https://", "")).unwrap();
    out.push_str(&format!(
        "/** A new profile with the defaults, as the editor starts it. */\nexport const NEW_PROFILE: Profile = {new_profile};\n\n"
    ));
    let subdomains = serde_json::to_string(&console_core::TILE_SUBDOMAINS).unwrap();
    out.push_str(&format!(
        "/** What a tile template's `{{s}}` stands for; the image protocol accepts each. */\nexport const TILE_SUBDOMAINS = {subdomains} as const;\n\n"
    ));
    let template = serde_json::to_string(EXAMPLE_TEMPLATE).unwrap();
    out.push_str(&format!("/** The template a new `template` sign rule starts from. */\nexport const EXAMPLE_SIGN_TEMPLATE = {template};\n\n"));
    let desktop = json!({
        "defaultHotkey": console_core::DEFAULT_HOTKEY,
        "hotkeyMaxChars": console_core::HOTKEY_MAX_CHARS,
        "linkScheme": console_core::LINK_SCHEME,
        "clipboardPreviewChars": console_core::CLIPBOARD_PREVIEW_CHARS,
        "keysPerAction": console_core::KEYS_PER_ACTION,
        "keyMaxChars": console_core::KEY_MAX_CHARS,
        "secondsMin": console_core::policy::SECONDS_MIN,
        "secondsMax": console_core::policy::SECONDS_MAX,
        "defaultRevealSeconds": console_core::DEFAULT_REVEAL_SECONDS,
        "defaultClipboardClearSeconds": console_core::DEFAULT_CLIPBOARD_CLEAR_SECONDS,
    });
    out.push_str(&format!(
        "/** The desktop integration's defaults and limits. */\nexport const DESKTOP = {desktop} as const;\n\n"
    ));
    let global = serde_json::to_string(PageStart::GLOBAL).unwrap();
    out.push_str(&format!(
        "/** The page's global that holds what the backend gave it at start (`PageStart`). */\nexport const PAGE_START_GLOBAL = {global};\n\n"
    ));
    let keymap = serde_json::to_string(&console_core::keymap(&Default::default())).unwrap();
    out.push_str(&format!(
        "/** Every shortcut's keys until the backend says the operator chose others. */\nexport const DEFAULT_KEYMAP: Record<KeyAction, string[]> = {keymap};\n"
    ));
    out
}

/// A realistic sample of every error the UI words, each as the page receives it.
fn errors() -> String {
    let url = |problem| ProfileProblem::Url { problem };
    let sign = |problem| ProfileProblem::SignRule { problem };
    let invalid = |field, problem| ConsoleError::InvalidProfile { field, problem };
    let import = |problem| ConsoleError::InvalidImport { problem };
    let config = |problem| ConsoleError::from(OpError::NotConfigured { problem });
    let id = || "staging".to_owned();
    let mut samples: Vec<ConsoleError> = vec![
        OpError::InvalidUserId { problem: UserIdProblem::Empty }.into(),
        OpError::InvalidUserId { problem: UserIdProblem::TooLong { chars: 70, max: 64 } }.into(),
        OpError::InvalidUserId { problem: UserIdProblem::BadCharacter { character: '<', position: 6 } }.into(),
        OpError::Connect { detail: "tcp connect error: Connection refused (os error 111)".into() }.into(),
        OpError::Timeout { after_ms: 15000 }.into(),
        OpError::Tls { cause: TlsCause::UnknownIssuer, detail: "invalid peer certificate: UnknownIssuer".into() }
            .into(),
        OpError::Tls { cause: TlsCause::NameMismatch, detail: "NotValidForName".into() }.into(),
        OpError::Tls { cause: TlsCause::Expired, detail: "Expired".into() }.into(),
        OpError::Tls { cause: TlsCause::Other, detail: "handshake failure".into() }.into(),
        OpError::Redirect { status: 307, host: Some("elsewhere.example.com".into()) }.into(),
        OpError::Redirect { status: 302, host: None }.into(),
        OpError::HttpStatus { status: 502, snippet: "<html>Bad Gateway</html>".into() }.into(),
        OpError::Decode { path: "data.location.lat".into(), detail: "invalid type: map, expected f64".into() }.into(),
        OpError::Decode { path: String::new(), detail: "expected value at line 1 column 1".into() }.into(),
        OpError::TooLarge { limit_bytes: op_api::DEFAULT_MAX_BODY_BYTES }.into(),
        OpError::Interrupted { detail: "connection reset".into() }.into(),
        OpError::ContentEncoding { encoding: "gzip".into() }.into(),
        OpError::Api { api_code: "4003".into(), api_message: "token 无效".into(), status: None }.into(),
        OpError::Api { api_code: "5001".into(), api_message: "".into(), status: None }.into(),
        OpError::Api {
            api_code: "5002".into(), api_message: "服务内部错误，请稍后再试".into(), status: Some(500)
        }
        .into(),
        OpError::NoChat.into(),
        config(ConfigProblem::ClientId),
        config(ConfigProblem::ApiVersion),
        config(ConfigProblem::Timeout),
        config(ConfigProblem::BodyLimit),
        config(ConfigProblem::NoToken),
        config(ConfigProblem::NoSecret),
        config(ConfigProblem::NoCredentials),
        config(ConfigProblem::HttpClient { detail: "no TLS backend".into() }),
        config(ConfigProblem::SignRule { problem: SignRuleProblem::TemplateNoSecret }),
        config(ConfigProblem::CaFile { path: "/etc/op-console/corp-ca.pem".into() }),
        // op-api's own check of the bytes it is given: no path to name.
        config(ConfigProblem::CaFile { path: String::new() }),
        config(ConfigProblem::ProxyUrl { url: "http://proxy.corp:3128".into() }),
        invalid(ProfileField::Id, ProfileProblem::IdFormat { max_chars: limits::ID_MAX_CHARS }),
        invalid(ProfileField::Name, ProfileProblem::Length { max_chars: limits::NAME_MAX_CHARS }),
        invalid(ProfileField::ClientId, ProfileProblem::ClientIdFormat { max_chars: limits::CLIENT_ID_MAX_CHARS }),
        invalid(
            ProfileField::ApiVersion,
            ProfileProblem::ApiVersionFormat { max_chars: limits::API_VERSION_MAX_CHARS },
        ),
        invalid(
            ProfileField::TimeoutMs,
            ProfileProblem::OutOfRange { min: limits::TIMEOUT_MIN_MS, max: limits::TIMEOUT_MAX_MS },
        ),
        invalid(
            ProfileField::ConnectTimeoutMs,
            ProfileProblem::OutOfRange { min: limits::TIMEOUT_MIN_MS, max: limits::TIMEOUT_MAX_MS },
        ),
        invalid(
            ProfileField::StatusLabels,
            ProfileProblem::StatusLabel {
                max_code_chars: limits::STATUS_CODE_MAX_CHARS,
                max_label_chars: limits::STATUS_LABEL_MAX_CHARS,
            },
        ),
        invalid(ProfileField::OperatorId, ProfileProblem::TooLong { max_chars: limits::OPERATOR_ID_MAX_CHARS }),
        invalid(ProfileField::Tiles, ProfileProblem::TilePlaceholder { placeholder: "{y}".into() }),
        invalid(ProfileField::Tiles, ProfileProblem::TooLong { max_chars: limits::ATTRIBUTION_MAX_CHARS }),
        invalid(ProfileField::AssetBaseUrl, url(UrlProblem::Scheme)),
        invalid(
            ProfileField::ApiUtcOffsetMinutes,
            ProfileProblem::UtcOffset { min: limits::UTC_OFFSET_MIN_MINUTES, max: limits::UTC_OFFSET_MAX_MINUTES },
        ),
        invalid(ProfileField::Proxy, ProfileProblem::ProxyScheme),
        invalid(ProfileField::BaseUrl, ProfileProblem::InsecureHttp),
        invalid(ProfileField::CaFile, ProfileProblem::CaFileUnreadable),
        invalid(ProfileField::CaFile, ProfileProblem::CaFileNoCertificate),
        invalid(ProfileField::SignRule, sign(SignRuleProblem::TemplateUnclosed)),
        invalid(ProfileField::SignRule, sign(SignRuleProblem::TemplateStrayBrace)),
        invalid(ProfileField::SignRule, sign(SignRuleProblem::TemplateUnknownPlaceholder { name: "nope".into() })),
        invalid(ProfileField::SignRule, sign(SignRuleProblem::TemplateNoSecret)),
        invalid(
            ProfileField::SignRule,
            sign(SignRuleProblem::BadParamName { param: SignParam::Body, name: "bad name".into() }),
        ),
        invalid(
            ProfileField::SignRule,
            sign(SignRuleProblem::BadParamName { param: SignParam::Stamp, name: "时间".into() }),
        ),
        invalid(ProfileField::SignRule, sign(SignRuleProblem::ReservedStampName { name: "token".into() })),
        ConsoleError::ProfileNotFound { id: id() },
        ConsoleError::DemoReadOnly,
        import(ImportProblem::Unreadable { path: "/home/agent/profiles.json".into() }),
        import(ImportProblem::NotJson { line: 3, column: 14 }),
        import(ImportProblem::TooLarge { max_bytes: console_core::IMPORT_MAX_BYTES }),
        import(ImportProblem::NewerVersion { version: 2 }),
        import(ImportProblem::UnknownKey { path: "profiles[0].timeout".into() }),
        import(ImportProblem::CredentialKey { path: "profiles[0].token".into() }),
        import(ImportProblem::NotAnObject),
        import(ImportProblem::WrongShape { path: "profiles[0].timeoutMs".into() }),
        import(ImportProblem::NoProfiles),
        import(ImportProblem::InvalidProfile {
            id: id(),
            field: ProfileField::BaseUrl,
            problem: url(UrlProblem::NotUrl),
        }),
        import(ImportProblem::ReservedId { id: "demo".into() }),
        import(ImportProblem::Duplicate { id: id() }),
        import(ImportProblem::SelectedMissing { id: "prod".into() }),
        ConsoleError::CredentialsForOtherServer {
            saved_for: "https://op.example.com:443".into(),
            profile_server: "https://op-new.example.com:443/gw".into(),
        },
        ConsoleError::EmptyCredential { credential: CredentialKind::Token },
        ConsoleError::EmptyCredential { credential: CredentialKind::Secret },
        ConsoleError::KeyringUnavailable { detail: "Failed to connect to address unix:path=/run/user/0/bus".into() },
        ConsoleError::KeyringLocked { detail: "collection is locked".into() },
        ConsoleError::KeyringTimeout { after_ms: console_core::KEYRING_WAIT.as_millis() as u64 },
        ConsoleError::KeyringError { detail: "D-Bus error".into() },
        ConsoleError::Storage {
            path: "/home/agent/.config/com.opconsole.desktop/profiles.json".into(),
            detail: "No space left on device".into(),
        },
        ConsoleError::DemoUnavailable { detail: "address in use".into() },
        ConsoleError::OpenFailed { detail: "no browser".into() },
        ConsoleError::CopyFailed { detail: "no display".into() },
        ConsoleError::ImageRefused { url: "https://elsewhere.example.com/x.png".into() },
        ConsoleError::ImageFailed { detail: "HTTP 404".into() },
        ConsoleError::HotkeyInvalid { combination: "Ctrl+Alt+".into() },
        ConsoleError::HotkeyReserved { combination: "Ctrl+C".into() },
        ConsoleError::UserIdIsCredential,
        ConsoleError::LookupGone { lookup_id: 3 },
        ConsoleError::ApprovalOutdated,
        ConsoleError::PolicyLocked { key: PolicyKey::AllowImports },
        ConsoleError::HostNotAllowed { host: "op.evil.example".into() },
        ConsoleError::SecondsOutOfRange { min: 5, max: 600 },
        ConsoleError::RevealReasonRequired,
        ConsoleError::KeyInvalid { key: "Ctrl+".into() },
        ConsoleError::KeyTwice { key: "Ctrl+K".into(), first: KeyAction::FocusSearch, second: KeyAction::Back },
        ConsoleError::HotkeyTaken { combination: "Ctrl+Alt+U".into(), detail: "AlreadyRegistered".into() },
        ConsoleError::AutostartFailed { detail: "permission denied".into() },
    ];
    // Every URL problem, on the base URL: the field the operator types first.
    for problem in
        [UrlProblem::NotUrl, UrlProblem::Scheme, UrlProblem::NoHost, UrlProblem::UserInfo, UrlProblem::QueryOrFragment]
    {
        samples.push(invalid(ProfileField::BaseUrl, url(problem)));
        samples.push(config(ConfigProblem::BaseUrl { problem }));
    }
    let bodies: Vec<ErrorBody> = samples.into_iter().map(ErrorBody::from).collect();
    let mut out = serde_json::to_string_pretty(&bodies).unwrap();
    out.push('\n');
    out
}

/// The views the UI tests render: op-sim's users as the demo profile shows them.
fn views() -> String {
    let users: serde_json::Value = serde_json::from_str(op_sim::BUILTIN_USERS_JSON).unwrap();
    let profile = console_core::demo::demo_profile_at("http://127.0.0.1:8787");
    let mut views = serde_json::Map::new();
    // The full numbers each view masks: what `reveal_phone` gives for its fields.
    let mut phones = serde_json::Map::new();
    for user in users["users"].as_array().unwrap() {
        // Every answer op-sim gives at once that reads as a chat.
        let reply: op_sim::Reply = serde_json::from_value(user["reply"].clone()).unwrap();
        let Some((200, text)) = op_sim::reply_text(&reply, "http://127.0.0.1:8787", "2016-03-08 17:32:45") else {
            continue;
        };
        let Ok(lookup) = op_api::decode_response(text.as_bytes()) else { continue };
        let (view, numbers) = console_core::ChatView::build(lookup, &profile);
        let id = user["userId"].as_str().unwrap().to_owned();
        if !numbers.is_empty() {
            phones.insert(id.clone(), serde_json::to_value(numbers).unwrap());
        }
        views.insert(id, serde_json::to_value(view).unwrap());
    }
    // The real type, so that a field added to it reaches the page's tests.
    let profiles = ProfilesView {
        selected: "demo".into(),
        profiles: vec![ProfileView { profile, is_demo: true, managed: false, warnings: vec![], unavailable: false }],
        own_allowed: true,
        imports_allowed: true,
    };
    let mut out =
        serde_json::to_string_pretty(&serde_json::json!({"views": views, "phones": phones, "profiles": profiles}))
            .unwrap();
    out.push('\n');
    out
}

fn check_fresh(relative: &str, fresh: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(relative);
    if std::env::var("UPDATE_BINDINGS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == fresh, "{relative} is stale: run `{REGENERATE}`");
}

#[test]
fn ui_bindings_are_fresh() {
    check_fresh("ui/src/bindings.ts", &render());
}

#[test]
fn ui_contract_values_are_fresh() {
    check_fresh("ui/src/contract.ts", &contract());
}

#[test]
fn ui_test_fixtures_are_fresh() {
    check_fresh("ui/tests/fixtures/views.json", &views());
    check_fresh("ui/tests/fixtures/errors.json", &errors());
}
