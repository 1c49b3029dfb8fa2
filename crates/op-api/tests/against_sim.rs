//! op-api against op-sim over real loopback HTTP: every success and every failure, each
//! arriving as its own error variant.

mod common;

use common::{client_for, config_for, demo_credentials, demo_sim, EXAMPLE_USER};
use op_api::sign::{HexCase, SignRule, SignScheme, StampFormat, StampParam};
use op_api::{Credentials, OpClient, OpError};
use op_sim::{codes, SimConfig, SimUsers, DEMO_CLIENT_ID};

#[tokio::test]
async fn the_example_user_decodes_as_in_the_spec() {
    let sim = demo_sim().await;
    let answered = client_for(&sim).lookup(&demo_credentials(), EXAMPLE_USER).await;
    let lookup = answered.result.unwrap();
    assert_eq!(lookup.chat.chat_id.as_deref(), Some("u0001106268050147246664"));
    assert_eq!(lookup.chat.location.unwrap().lat, Some(40.02248));
    assert_eq!(lookup.foot.unwrap().host.as_deref(), Some("op-sim"));
    assert_eq!(lookup.warnings, vec![]);
    // The answer as support sees it: pretty JSON, whole.
    assert!(answered.raw_answer.unwrap().contains(&format!("\"userId\": \"{EXAMPLE_USER}\"")));
    sim.shutdown().await;
}

#[tokio::test]
async fn the_rich_user_has_addresses_contacts_tags_and_a_masked_phone() {
    let sim = demo_sim().await;
    let chat = client_for(&sim).chat_info(&demo_credentials(), " u0001-rich ").await.unwrap().chat;
    let user = chat.user.unwrap();
    assert_eq!(user.address.unwrap().items.len(), 3);
    assert_eq!(user.contacts.unwrap().items.len(), 2);
    assert_eq!(user.tags.unwrap().items.len(), 3);
    assert_eq!(user.display_phone.as_deref(), Some("138****5678"));
    // createTime sent as the table's string form: 2016-03-08 09:15:00 in UTC+8.
    assert_eq!(chat.create_time.unwrap().epoch_ms(), 1_457_399_700_000);
}

#[tokio::test]
async fn a_user_without_location_and_the_hostile_user_decode() {
    let sim = demo_sim().await;
    let client = client_for(&sim);
    let chat = client.chat_info(&demo_credentials(), "u0001-nolocation").await.unwrap().chat;
    assert_eq!(chat.location, None);
    let hostile = client.chat_info(&demo_credentials(), "u0001-hostile").await.unwrap().chat;
    assert!(hostile.subtitle.unwrap().starts_with("<img src=x onerror="));
    let tags = hostile.user.unwrap().tags.unwrap();
    assert_eq!(tags.items[2].as_str().chars().count(), 10_000);
}

async fn failure(user_id: &str) -> OpError {
    let sim = demo_sim().await;
    let err = client_for(&sim).chat_info(&demo_credentials(), user_id).await.unwrap_err();
    sim.shutdown().await;
    err
}

#[tokio::test]
async fn no_chat() {
    assert_eq!(failure("u0001-nochat").await, OpError::NoChat);
}

#[tokio::test]
async fn the_api_s_own_error() {
    assert_eq!(
        failure("u0001-apierror").await,
        OpError::Api { api_code: "5001".into(), api_message: "系统繁忙，请稍后再试".into(), status: None }
    );
}

#[tokio::test]
async fn an_unknown_user() {
    assert!(
        matches!(failure("u0001-nobody").await, OpError::Api { api_code, .. } if api_code == codes::USER_NOT_FOUND.to_string())
    );
}

#[tokio::test]
async fn http_500_with_html() {
    let err = failure("u0001-http500").await;
    let OpError::HttpStatus { status, snippet } = &err else { panic!("{err:?}") };
    assert_eq!(*status, 500);
    assert!(snippet.contains("Internal Server Error") && snippet.len() <= 204, "{snippet}");
}

#[tokio::test]
async fn malformed_json() {
    let err = failure("u0001-malformed").await;
    assert!(matches!(&err, OpError::Decode { path, .. } if path.is_empty()), "{err:?}");
}

#[tokio::test]
async fn a_field_that_cannot_be_read_is_a_warning_not_a_failure() {
    let sim = demo_sim().await;
    let lookup = client_for(&sim).chat_info(&demo_credentials(), "u0001-wrongtypes").await.unwrap();
    assert_eq!(
        lookup.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["data.location.lat: found a string it cannot read"]
    );
    let location = lookup.chat.location.unwrap();
    assert_eq!((location.address.as_deref(), location.lat, location.lng), (Some("北京"), None, None));
    sim.shutdown().await;
}

#[tokio::test]
async fn a_slow_server_times_out() {
    assert_eq!(failure("u0001-slow").await, OpError::Timeout { after_ms: 800 });
}

#[tokio::test]
async fn an_oversized_body_is_cut_off_while_it_streams() {
    assert_eq!(failure("u0001-oversized").await, OpError::TooLarge { limit_bytes: op_api::DEFAULT_MAX_BODY_BYTES });
}

#[tokio::test]
async fn a_connection_closed_mid_body() {
    let err = failure("u0001-cutoff").await;
    assert_eq!(err.code(), "interrupted", "{err:?}");
}

#[tokio::test]
async fn a_closed_port_is_a_connect_error() {
    let sim = demo_sim().await;
    let base = sim.base_url();
    sim.shutdown().await;
    let err = OpClient::new(config_for(&base)).unwrap().chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "connect", "{err:?}");
}

#[tokio::test]
async fn https_to_a_plain_http_server_is_a_tls_error() {
    let sim = demo_sim().await;
    let base = sim.base_url().replace("http://", "https://");
    let err = OpClient::new(config_for(&base)).unwrap().chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "tls", "{err:?}");
}

#[tokio::test]
async fn a_wrong_token_is_rejected_by_the_server() {
    let sim = demo_sim().await;
    let creds = Credentials::new("o0001-wrong-token", op_sim::DEMO_SECRET);
    let err = client_for(&sim).chat_info(&creds, EXAMPLE_USER).await.unwrap_err();
    assert!(matches!(&err, OpError::Api { api_code, .. } if api_code == &codes::TOKEN_REJECTED.to_string()), "{err:?}");
}

#[tokio::test]
async fn a_wrong_secret_fails_the_sign_check() {
    let sim = demo_sim().await;
    let creds = Credentials::new(op_sim::DEMO_TOKEN, "not-the-secret");
    let err = client_for(&sim).chat_info(&creds, EXAMPLE_USER).await.unwrap_err();
    assert!(matches!(&err, OpError::Api { api_code, .. } if api_code == &codes::BAD_SIGN.to_string()), "{err:?}");
}

#[tokio::test]
async fn wrong_client_and_api_version_are_rejected() {
    let sim = demo_sim().await;
    let mut config = config_for(&sim.base_url());
    config.client_id = "ffffffffffffffffffffffffffffffff".into();
    let err = OpClient::new(config).unwrap().chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap_err();
    assert!(matches!(&err, OpError::Api { api_code, .. } if api_code == &codes::UNKNOWN_CLIENT.to_string()), "{err:?}");
    let mut config = config_for(&sim.base_url());
    config.api_version = "02".into();
    let err = OpClient::new(config).unwrap().chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap_err();
    assert!(
        matches!(&err, OpError::Api { api_code, .. } if api_code == &codes::BAD_API_VERSION.to_string()),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_invalid_user_id_sends_no_request() {
    let sim = demo_sim().await;
    let client = client_for(&sim);
    for bad in ["", "   ", "u0001<script>", "u0001 x", &"u".repeat(65)] {
        let err = client.chat_info(&demo_credentials(), bad).await.unwrap_err();
        assert_eq!(err.code(), "invalid_user_id", "{bad:?}");
    }
    assert_eq!(sim.requests_seen(), 0, "the server saw a request for an invalid id");
    client.chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap();
    assert_eq!(sim.requests_seen(), 1);
}

#[tokio::test]
async fn missing_credentials_send_no_request() {
    let sim = demo_sim().await;
    let err = client_for(&sim).chat_info(&Credentials::default(), EXAMPLE_USER).await.unwrap_err();
    assert_eq!(err.code(), "not_configured");
    assert_eq!(sim.requests_seen(), 0);
}

#[tokio::test]
async fn a_base_url_with_a_path_prefix() {
    let sim = demo_sim().await;
    let client = OpClient::new(config_for(&format!("{}/gateway/api/", sim.base_url()))).unwrap();
    client.chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap();
}

#[tokio::test]
async fn every_sign_scheme_round_trips_with_the_server() {
    let mut stamped = SignRule::template("{method}{path}{sorted}{stamp}{secret}");
    stamped.hex = Some(HexCase::Upper);
    stamped.stamp = Some(StampParam { name: "nonce".into(), format: StampFormat::Nonce });
    let mut timed = SignRule::preset(SignScheme::Top);
    timed.stamp = Some(StampParam { name: "timestamp".into(), format: StampFormat::UnixMillis });
    let rules = [
        SignRule::preset(SignScheme::WechatV2),
        SignRule::preset(SignScheme::Alipay),
        SignRule::preset(SignScheme::Top),
        SignRule::preset(SignScheme::BodyMd5),
        stamped,
        timed,
    ];
    for rule in rules {
        let sim = op_sim::spawn(SimConfig { sign_rule: rule.clone(), ..SimConfig::demo() }, 0).await.unwrap();
        let mut config = config_for(&sim.base_url());
        config.sign_rule = rule.clone();
        let client = OpClient::new(config.clone()).unwrap();
        client.chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap_or_else(|e| panic!("{rule}: {e}"));

        // The same server refuses a client that signs by another rule.
        config.sign_rule = if rule.scheme == SignScheme::Alipay {
            SignRule::preset(SignScheme::BodyMd5)
        } else {
            SignRule::preset(SignScheme::Alipay)
        };
        let err = OpClient::new(config).unwrap().chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap_err();
        assert!(
            matches!(&err, OpError::Api { api_code, .. } if api_code == &codes::BAD_SIGN.to_string()),
            "{rule}: {err:?}"
        );
        sim.shutdown().await;
    }
}

#[tokio::test]
async fn a_users_file_replaces_the_built_in_users() {
    let users = SimUsers::from_json(r#"{"users":[{"userId":"u0001-only","reply":{"kind":"noChat"}}]}"#).unwrap();
    let sim = op_sim::spawn(SimConfig { users, ..SimConfig::demo() }, 0).await.unwrap();
    let client = client_for(&sim);
    assert_eq!(client.chat_info(&demo_credentials(), "u0001-only").await.unwrap_err(), OpError::NoChat);
    assert_eq!(client.chat_info(&demo_credentials(), EXAMPLE_USER).await.unwrap_err().code(), "api");
    assert_eq!(DEMO_CLIENT_ID.len(), 32);
}

#[tokio::test]
async fn an_answer_in_its_declared_charset_is_read_as_such() {
    let sim = demo_sim().await;
    let answered = client_for(&sim).lookup(&demo_credentials(), "u0001-drift-gbk").await;
    let chat = answered.result.unwrap().chat;
    assert_eq!(chat.user.unwrap().user_name.as_deref(), Some("王小明"));
    assert_eq!(chat.subtitle.as_deref(), Some("国标码的回答"));
    assert!(answered.raw_answer.unwrap().contains("王小明"), "the raw view shows the text, not its GBK bytes");
}

#[tokio::test]
async fn a_compressed_answer_nobody_asked_for_is_refused_by_name() {
    assert_eq!(failure("u0001-gzip").await, OpError::ContentEncoding { encoding: "gzip".into() });
}

#[tokio::test]
async fn a_hostile_answer_is_cut_to_what_a_screen_can_show() {
    let sim = demo_sim().await;
    let client = client_for(&sim);
    let lists = client.lookup(&demo_credentials(), "u0001-flood-lists").await;
    let user = lists.result.unwrap().chat.user.unwrap();
    let tags = user.tags.unwrap();
    assert_eq!(tags.items.len(), op_api::MAX_LIST_ITEMS);
    assert!(tags.left_out > 300_000, "the rest is counted: {}", tags.left_out);
    assert!(lists.raw_answer.unwrap().len() <= op_api::RAW_ANSWER_MAX_BYTES + 64);

    let warnings = client.lookup(&demo_credentials(), "u0001-flood-warnings").await.result.unwrap();
    // Contacts are cut at the list's limit too: three unreadable fields each, the first
    // warnings kept, the rest counted.
    assert_eq!(warnings.warnings.len(), op_api::model::MAX_WARNINGS);
    assert_eq!(warnings.warnings_left_out, op_api::MAX_LIST_ITEMS * 3 - op_api::model::MAX_WARNINGS);

    for user in ["u0001-flood-deep", "u0001-flood-keys"] {
        let answered = client.lookup(&demo_credentials(), user).await;
        assert!(answered.result.is_ok(), "{user}: {:?}", answered.result.err());
        assert!(answered.raw_answer.unwrap().ends_with("(cut at 64 KiB)"), "{user}");
    }
    sim.shutdown().await;
}
