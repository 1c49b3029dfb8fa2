//! The decoder never panics, whatever the server sends: a bounded property test.

use op_api::decode_response;
use proptest::prelude::*;

/// Arbitrary JSON values, nested a few levels deep.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map(field_name(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Mostly the API's own field names, so the fuzzing reaches deep into the models.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "code",
            "message",
            "data",
            "page",
            "foot",
            "user",
            "operatorId",
            "subtitle",
            "channel",
            "refChatId",
            "location",
            "groupId",
            "status",
            "chatId",
            "isInGroup",
            "versionCode",
            "createTime",
            "clientType",
            "client",
            "userId",
            "userName",
            "nickName",
            "phone",
            "displayPhone",
            "tags",
            "address",
            "icon",
            "contacts",
            "serviceCount",
            "lat",
            "lng",
            "name",
            "logo",
            "clientId",
            "channelId",
            "remark",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z]{1,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_response(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let _ = decode_response(value.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_data_in_a_success_envelope_never_panics(data in json_value()) {
        let body = serde_json::json!({ "code": 200, "data": data }).to_string();
        let _ = decode_response(body.as_bytes());
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(decode_response(deep.as_bytes()).unwrap_err().code(), "decode");
}
