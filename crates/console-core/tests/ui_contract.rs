//! What the UI is built against, generated here so it cannot drift: the TypeScript types
//! (`ui/src/bindings.ts`, from the Rust types by ts-rs) and the views of op-sim's users
//! that the UI tests render (`ui/tests/fixtures/views.json`). The tests fail when either
//! is stale; `UPDATE_BINDINGS=1 cargo test -p console-core --test ui_contract` rewrites both.

use console_core::{
    AddressView, ChatView, ContactView, CoordSystem, CredentialStatus, ErrorBody, LocationView, Profile, ProfileView,
    ProfileWarning, ProfilesView, RecentLookup, TileLayer, UserView,
};
use op_api::model::Foot;
use op_api::sign::{HexCase, SignRule, SignScheme, StampFormat, StampParam};
use ts_rs::{Config, TS};

fn render() -> String {
    // Epoch milliseconds and counts fit a JavaScript number.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ChatView::decl(&cfg),
        LocationView::decl(&cfg),
        UserView::decl(&cfg),
        AddressView::decl(&cfg),
        ContactView::decl(&cfg),
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
    ];
    let mut out = String::from(
        "// Generated from the Rust types by crates/console-core/tests/ui_contract.rs. Do not edit:\n// run `UPDATE_BINDINGS=1 cargo test -p console-core --test ui_contract`.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(decl.trim());
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The views the UI tests render: op-sim's users as the demo profile shows them.
fn views() -> String {
    let users: serde_json::Value = serde_json::from_str(op_sim::BUILTIN_USERS_JSON).unwrap();
    let profile = console_core::demo::demo_profile_at("http://127.0.0.1:8787");
    let mut views = serde_json::Map::new();
    for user in users["users"].as_array().unwrap() {
        if user["reply"]["kind"] != "chat" || user["userId"] == "u0001-wrongtypes" {
            continue;
        }
        let answer = serde_json::json!({"code": 200, "message": "成功", "data": user["reply"]["data"], "page": null,
            "foot": {"operationTime": "2016-03-08 17:32:45", "servicePhone": "400800400", "host": "op-sim"}});
        let lookup = op_api::decode_response(answer.to_string().as_bytes()).unwrap();
        let view = console_core::ChatView::build(lookup, &profile);
        views.insert(user["userId"].as_str().unwrap().to_owned(), serde_json::to_value(view).unwrap());
    }
    let profiles =
        serde_json::json!({"selected": "demo", "profiles": [{"profile": profile, "isDemo": true, "warnings": []}]});
    let mut out = serde_json::to_string_pretty(&serde_json::json!({"views": views, "profiles": profiles})).unwrap();
    out.push('\n');
    out
}

fn check_fresh(relative: &str, fresh: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative);
    if std::env::var("UPDATE_BINDINGS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{relative} is stale: run `UPDATE_BINDINGS=1 cargo test -p console-core --test ui_contract`"
    );
}

#[test]
fn ui_bindings_are_fresh() {
    check_fresh("ui/src/bindings.ts", &render());
}

#[test]
fn ui_test_fixtures_are_fresh() {
    check_fresh("ui/tests/fixtures/views.json", &views());
}
