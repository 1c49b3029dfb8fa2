//! The commands over Tauri's IPC (mock runtime): registered, reachable, returning the
//! JSON the UI's generated types describe, and errors as `{code, …parameters}`.

use console_core::{Console, Vault};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

struct App {
    _dirs: tempfile::TempDir,
    window: WebviewWindow<tauri::test::MockRuntime>,
}

fn app() -> App {
    let dirs = tempfile::tempdir().unwrap();
    let console = Console::open(&dirs.path().join("config"), &dirs.path().join("data"), Vault::mock()).unwrap();
    let app = mock_builder().invoke_handler(op_console_lib::handlers()).build(mock_context(noop_assets())).unwrap();
    app.manage(console);
    app.manage(op_console_lib::StartedAt(std::time::Instant::now()));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    App { _dirs: dirs, window }
}

fn invoke(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke_in(&app.window, cmd, args)
}

fn invoke_in(window: &WebviewWindow<tauri::test::MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn the_page_reports_ready() {
    assert_eq!(invoke(&app(), "ui_ready", json!({})), Ok(Value::Null));
}

#[test]
fn the_demo_lookup_over_ipc() {
    let app = app();
    let profiles = invoke(&app, "list_profiles", json!({})).unwrap();
    assert_eq!(profiles["selected"], "demo");
    assert_eq!(profiles["profiles"][0]["isDemo"], true);
    let answer = invoke(&app, "lookup_chat", json!({"userId": "u00012b2e588bd93843168dfb67ae12cc2ee9"})).unwrap();
    assert_eq!(answer["chat"]["chatId"], "u0001106268050147246664");
    assert_eq!(answer["chat"]["location"]["coordSystem"], "gcj02");
    // The recent list comes with the answer: one call per lookup.
    assert_eq!(answer["recent"][0]["userId"], "u00012b2e588bd93843168dfb67ae12cc2ee9");
    let recent = invoke(&app, "recent_lookups", json!({})).unwrap();
    assert_eq!(recent, answer["recent"]);
    assert_eq!(recent[0]["outcome"], "ok");
    invoke(&app, "clear_recent_lookups", json!({})).unwrap();
    assert_eq!(invoke(&app, "recent_lookups", json!({})).unwrap(), json!([]));
}

#[test]
fn errors_cross_as_code_and_parameters() {
    let app = app();
    let err = invoke(&app, "lookup_chat", json!({"userId": "bad id!"})).unwrap_err();
    assert_eq!(err["code"], "invalid_user_id");
    assert_eq!(err["problem"], json!({"kind": "badCharacter", "character": " ", "position": 4}));
    assert_eq!(err["lookupId"], json!(null), "a typo is no lookup");
    assert!(err.get("message").is_none(), "no English sentence crosses: {err}");
    let err = invoke(&app, "lookup_chat", json!({"userId": "u0001-apierror"})).unwrap_err();
    let lookup_id = err["lookupId"].clone();
    assert!(lookup_id.is_u64(), "{err}");
    assert_eq!(err["recent"][0]["userId"], "u0001-apierror", "a failure carries the recent list");
    let mut err = err;
    for key in ["lookupId", "recent"] {
        err.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(
        err,
        json!({"code": "api", "apiCode": "5001", "apiMessage": "系统繁忙，请稍后再试", "status": null, "hasRawAnswer": true})
    );
    // The answer behind that error, for support, by its lookup: the envelope, pretty-printed.
    let raw = invoke(&app, "raw_answer", json!({"lookupId": lookup_id})).unwrap();
    assert!(raw.as_str().unwrap().contains("\"code\": 5001"), "{raw}");
    let err = invoke(&app, "select_profile", json!({"id": "nope"})).unwrap_err();
    assert_eq!(err["code"], "profile_not_found");
    let err =
        invoke(&app, "save_profile", json!({"profile": {"id": "", "name": "X", "baseUrl": "nope", "clientId": "c"}}))
            .unwrap_err();
    assert_eq!(
        err,
        json!({"code": "invalid_profile", "field": "baseUrl", "problem": {"kind": "url", "problem": {"kind": "notUrl"}},
               "hasRawAnswer": false})
    );
    let err = invoke(&app, "open_in_map", json!({"lat": 123.0, "lng": 0.0})).unwrap_err();
    assert_eq!(err["code"], "open_failed");
}

#[test]
fn the_sign_preview_shows_where_the_credentials_go_not_what_they_are() {
    let app = app();
    let profile = json!({"id": "", "name": "P", "baseUrl": "https://op.example.com", "clientId": "c0ffee"});
    let preview = invoke(&app, "sign_preview", json!({"profile": profile, "userId": "u0001-rich"})).unwrap();
    assert_eq!(
        preview,
        "POSThttps://op.example.com/op/v2/getChatInfoByUserId?apiVersion=01&client=c0ffee&token=TOKEN{\"userId\":\"u0001-rich\"}***"
    );
}

#[test]
fn credentials_go_in_through_the_trusted_window_and_only_their_state_comes_out() {
    let app = app();
    let saved = invoke(
        &app,
        "save_profile",
        json!({"profile": {"id": "", "name": "Staging", "baseUrl": "https://op.example.com", "clientId": "c0ffee"}}),
    )
    .unwrap();
    assert_eq!(saved["kind"], "saved");
    let id = saved["view"]["profile"]["id"].as_str().unwrap().to_owned();
    // The main page asks; the trusted window opens, shows where they will go, takes them.
    let request = invoke(&app, "request_credentials", json!({"profileId": id})).unwrap();
    let trusted = trusted_window(&app);
    let shown = invoke_in(&trusted, "approval_request", json!({})).unwrap();
    assert_eq!((shown["kind"].as_str(), shown["requestId"].clone()), (Some("credentials"), request.clone()));
    assert_eq!(shown["flows"][0], json!({"field": "baseUrl", "value": "https://op.example.com"}));
    let done = invoke_in(
        &trusted,
        "save_requested_credentials",
        json!({"requestId": request, "token": "o0001-ipc-token", "secret": "ipc-secret"}),
    )
    .unwrap();
    assert_eq!(
        done,
        json!({"kind": "credentials", "profileId": id, "status": {"hasToken": true, "hasSecret": true, "forOtherServer": false}})
    );
    for cmd in ["credential_status", "list_profiles"] {
        let out = invoke(&app, cmd, json!({"profileId": id})).unwrap().to_string();
        assert!(!out.contains("o0001-ipc-token") && !out.contains("ipc-secret"), "{cmd}: {out}");
    }
    assert_eq!(
        invoke(&app, "forget_credentials", json!({"profileId": id})).unwrap(),
        json!({"hasToken": false, "hasSecret": false, "forOtherServer": false})
    );
    invoke(&app, "delete_profile", json!({"id": id})).unwrap();
    // An import that adds a profile waits for the operator's yes in the trusted window.
    let text = "{\"profiles\":[{\"id\":\"hq\",\"name\":\"HQ\",\"baseUrl\":\"https://h\",\"clientId\":\"c\"}]}";
    let imported = invoke(&app, "import_profiles", json!({ "text": text })).unwrap();
    assert_eq!(imported["kind"], "needsApproval");
    let trusted = trusted_window(&app);
    let asked = invoke_in(&trusted, "approval_request", json!({})).unwrap();
    assert_eq!(asked["changes"]["profiles"][0]["id"], "hq");
    let done = invoke_in(&trusted, "approve_changes", json!({"requestId": imported["requestId"]})).unwrap();
    assert_eq!(done, json!({"kind": "changes", "applied": true, "profiles": 1}));
}

fn trusted_window(app: &App) -> WebviewWindow<tauri::test::MockRuntime> {
    app.window.app_handle().get_webview_window("trusted").expect("the trusted window opened")
}
