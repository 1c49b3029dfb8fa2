//! The spec's response example (data/example-response.json, byte for byte as the API
//! document gives it; docs/op-api.md) decodes, field for field.

use op_api::model::{Address, Contact, Listed, Timestamp};
use op_api::{decode_response, OpError};

const EXAMPLE: &[u8] = include_bytes!("data/example-response.json");

#[test]
fn every_field_of_the_example_decodes() {
    let lookup = decode_response(EXAMPLE).expect("the spec's example decodes");
    let chat = &lookup.chat;

    assert_eq!(chat.create_time, Some(Timestamp::from_epoch_ms(1_442_307_258_460)));
    assert_eq!(chat.create_time.unwrap().to_utc8_datetime().as_deref(), Some("2015-09-15 16:54:18"));
    assert_eq!(chat.is_in_group, Some(false));

    let client = chat.client.as_ref().unwrap();
    assert_eq!(client.logo.as_deref(), Some("635d69a89716478c9c7b7fc5ea948fe5_100.png"));
    assert_eq!(client.name.as_deref(), Some("Get iOS"));
    assert_eq!(client.client_id.as_ref().map(|c| c.as_str()), Some("4"));

    assert_eq!(chat.operator_id.as_deref(), Some("o0001b41cf9f36e5a42e2a5b539593981fe32"));

    let location = chat.location.as_ref().unwrap();
    assert_eq!(location.address.as_deref(), Some("北京市海淀区小清河路"));
    assert_eq!(location.lng, Some(116.2986));
    assert_eq!(location.lat, Some(40.02248));

    assert_eq!(chat.status.as_ref().map(|s| s.as_str()), Some("5"));
    assert_eq!(chat.version_code, None);
    assert_eq!(chat.group_id.as_deref(), Some("106268050147246664"));
    assert_eq!(chat.subtitle.as_deref(), Some("Get帮你搞定一切"));

    let user = chat.user.as_ref().unwrap();
    assert_eq!(user.tags, None);
    assert_eq!(user.icon, None);
    assert_eq!(user.phone, None);
    assert_eq!(user.address, Some(Listed::<Address>::default()));
    assert_eq!(user.nick_name, None);
    assert_eq!(user.user_id.as_deref(), Some("u00012b2e588bd93843168dfb67ae12cc2ee9"));
    assert_eq!(user.user_name, None);
    assert_eq!(user.service_count, Some(7));
    assert_eq!(user.contacts, Some(Listed::<Contact>::default()));
    assert_eq!(user.display_phone, None);

    let channel = chat.channel.as_ref().unwrap();
    assert_eq!(channel.channel_id.as_deref(), Some("未知渠道ID"));
    assert_eq!(channel.name.as_deref(), Some("未知渠道"));

    assert_eq!(chat.ref_chat_id, None);
    assert_eq!(chat.chat_id.as_deref(), Some("u0001106268050147246664"));
    assert_eq!(chat.client_type.as_ref().map(|c| c.as_str()), Some("4"));

    let foot = lookup.foot.as_ref().unwrap();
    assert_eq!(foot.operation_time.as_deref(), Some("2016-03-08 17:32:45"));
    assert_eq!(foot.service_phone.as_deref(), Some("400800400"));
    assert_eq!(foot.host.as_deref(), Some("ldx-pc"));

    // Nothing in the example needed a second reading.
    assert_eq!(lookup.warnings, vec![]);
}

#[test]
fn the_table_s_types_decode_too() {
    // The documented types: createTime as a string, clientType as a string; unknown fields.
    let json = r#"{"code":"200","message":"ok","data":{"createTime":"2015-09-15 16:54:18","clientType":"4",
        "status":5,"newField":{"x":1},"user":{"tags":["VIP",3],"serviceCount":null}},"extra":true}"#;
    let chat = decode_response(json.as_bytes()).unwrap().chat;
    assert_eq!(chat.create_time, Some(Timestamp::from_epoch_ms(1_442_307_258_000)));
    assert_eq!(chat.client_type.unwrap().as_str(), "4");
    assert_eq!(chat.status.unwrap().as_str(), "5");
    let tags: Vec<String> = chat.user.unwrap().tags.unwrap().items.into_iter().map(|t| t.into_string()).collect();
    assert_eq!(tags, ["VIP", "3"]);
}

#[test]
fn an_empty_data_object_is_a_chat_with_nothing_in_it() {
    let chat = decode_response(br#"{"code":200,"data":{}}"#).unwrap().chat;
    assert_eq!(chat, Default::default());
}

#[test]
fn the_envelope_is_strict() {
    for (json, path) in [
        (&b"<html>"[..], ""),
        (br#"[{"code":200}]"#, ""),
        (br#"{"message":"no code"}"#, "code"),
        (br#"{"code":{"value":200}}"#, "code"),
        (br#"{"code":200,"data":[]}"#, "data"),
        (br#"{"code":200,"data":"u0001"}"#, "data"),
    ] {
        match decode_response(json) {
            Err(OpError::Decode { path: found, .. }) => assert_eq!(found, path, "{}", String::from_utf8_lossy(json)),
            other => panic!("{}: {other:?}", String::from_utf8_lossy(json)),
        }
    }
}

#[test]
fn envelope_outcomes() {
    assert_eq!(decode_response(br#"{"code":200,"data":null}"#).unwrap_err().code(), "no_chat");
    assert_eq!(decode_response(br#"{"code":200}"#).unwrap_err().code(), "no_chat");
    let err = decode_response(r#"{"code":4003,"message":"token 无效"}"#.as_bytes()).unwrap_err();
    assert_eq!(err, OpError::Api { api_code: "4003".into(), api_message: "token 无效".into(), status: None });
    // The code as text, or as a whole float, is still the code; a BOM before the JSON is skipped.
    for ok in [
        &br#"{"code":"200","data":{}}"#[..],
        br#"{"code":" 200 ","data":{}}"#,
        br#"{"code":200.0,"data":{}}"#,
        b"\xEF\xBB\xBF{\"code\":200,\"data\":{}}",
    ] {
        assert!(decode_response(ok).is_ok(), "{}", String::from_utf8_lossy(ok));
    }
}
