//! The real API drifts from its document. op-sim's drifted users (`expectWarnings` in its
//! users file) each decode with exactly the warnings listed and no error; and any JSON
//! value put in any leaf of the spec's example never fails the lookup.

use op_api::decode_response;
use proptest::prelude::*;
use serde_json::Value;

fn users() -> Vec<Value> {
    let file: Value = serde_json::from_str(op_sim::BUILTIN_USERS_JSON).unwrap();
    file["users"].as_array().unwrap().clone()
}

/// The body op-sim sends for a user (its envelope, or the raw bytes).
fn answer(user: &Value) -> Vec<u8> {
    let reply: op_sim::Reply = serde_json::from_value(user["reply"].clone()).unwrap();
    let (_, text) = op_sim::reply_text(&reply, "http://127.0.0.1:8787", "2016-03-08 17:32:45").unwrap();
    text.into_bytes()
}

fn sorted(mut warnings: Vec<Value>) -> Vec<Value> {
    warnings.sort_by_key(|w| w["path"].as_str().unwrap_or_default().to_owned());
    warnings
}

#[test]
fn every_drifted_answer_decodes_with_exactly_its_warnings() {
    let corpus: Vec<Value> = users().into_iter().filter(|u| u.get("expectWarnings").is_some()).collect();
    assert!(corpus.len() >= 10, "the corpus is there");
    for user in corpus {
        let id = user["userId"].as_str().unwrap();
        let lookup = decode_response(&answer(&user)).unwrap_or_else(|e| panic!("{id}: {e}"));
        let found: Vec<Value> = lookup.warnings.iter().map(|w| serde_json::to_value(w).unwrap()).collect();
        let expected = user["expectWarnings"].as_array().unwrap().clone();
        assert_eq!(sorted(found), sorted(expected), "{id}");
    }
}

#[test]
fn each_drift_reads_as_meant() {
    let by_id = |id: &str| users().into_iter().find(|u| u["userId"] == id).unwrap();
    let chat = decode_response(&answer(&by_id("u0001-drift-types"))).unwrap().chat;
    let user = chat.user.as_ref().unwrap();
    assert_eq!(chat.version_code.as_deref(), Some("520"));
    assert_eq!(user.service_count, Some(7));
    assert_eq!(chat.is_in_group, Some(false));
    assert_eq!(chat.client.as_ref().unwrap().client_id.as_ref().unwrap().as_str(), "4");
    assert_eq!(chat.create_time.unwrap().epoch_ms(), 1_442_307_258_000);
    assert_eq!(chat.group_id.as_deref(), Some("106268050147246664"));
    let location = chat.location.as_ref().unwrap();
    assert_eq!((location.lat, location.lng), (Some(40.02248), Some(116.2986)));
    let tags: Vec<&str> = user.tags.as_ref().unwrap().items.iter().map(|t| t.as_str()).collect();
    assert_eq!(tags, ["VIP", "老客户", "3"]);
    assert_eq!(user.phone.as_deref(), Some("13812345678"));
    assert_eq!(user.address, None);
    assert_eq!(user.contacts.as_ref().unwrap().items[0].user_contact_id.as_deref(), Some("7"));

    let swapped = decode_response(&answer(&by_id("u0001-drift-swapped"))).unwrap().chat.location.unwrap();
    assert_eq!((swapped.lat, swapped.lng), (Some(40.02248), Some(116.2986)));
    let zero = decode_response(&answer(&by_id("u0001-drift-zero"))).unwrap().chat.location.unwrap();
    assert_eq!((zero.address.as_deref(), zero.lat, zero.lng), (Some("地址不详"), None, None));
    for id in ["u0001-drift-seconds", "u0001-drift-iso"] {
        let time = decode_response(&answer(&by_id(id))).unwrap().chat.create_time.unwrap();
        assert_eq!(time.epoch_ms(), 1_442_307_258_000, "{id}");
    }
    let bom = decode_response(&answer(&by_id("u0001-drift-bom"))).unwrap();
    assert_eq!(bom.chat.chat_id.as_deref(), Some("u0001106268050147246664"));
}

#[test]
fn zone_less_times_are_read_in_the_profile_s_zone() {
    let body = br#"{"code":200,"data":{"createTime":"2015-09-15 16:54:18"}}"#;
    let shanghai = decode_response(body).unwrap().chat.create_time.unwrap().epoch_ms();
    let utc = op_api::decode_response_in(body, 0).unwrap().chat.create_time.unwrap().epoch_ms();
    assert_eq!(shanghai, 1_442_307_258_000);
    assert_eq!(utc - shanghai, 8 * 3600 * 1000);
}

/// Every leaf of the spec's example, by its path.
fn leaves(value: &Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, inner) in map {
                let mut next = path.clone();
                next.push(key.clone());
                leaves(inner, next, out);
            }
        }
        _ => out.push(path),
    }
}

/// The spec's example answer with the text of one of its leaves (picked by `which`)
/// replaced by `leaf`, byte for byte; and that leaf's path.
fn example_with(which: &prop::sample::Index, leaf: &[u8]) -> (Vec<String>, Vec<u8>) {
    let example: Value = serde_json::from_slice(include_bytes!("data/example-response.json")).unwrap();
    let mut paths = Vec::new();
    leaves(&example["data"], vec![], &mut paths);
    let path = which.get(&paths).clone();
    // A marker in the leaf, replaced in the text by the bytes given.
    const MARKER: &str = "\"\\u0001LEAF\\u0001\"";
    let mut answer = example.clone();
    let mut slot = &mut answer["data"];
    for key in &path {
        slot = &mut slot[key.as_str()];
    }
    *slot = Value::from("\u{1}LEAF\u{1}");
    let marked = answer.to_string();
    let at = marked.find(MARKER).unwrap();
    let mut bytes = marked.as_bytes()[..at].to_vec();
    bytes.extend_from_slice(leaf);
    bytes.extend_from_slice(&marked.as_bytes()[at + MARKER.len()..]);
    (path, bytes)
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        prop::sample::select(vec!["", " ", "0", "1", "true", "NaN", "1e400", "2015-09-15 16:54:18", "-1"])
            .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_value_in_any_leaf_never_fails_the_lookup(which in any::<prop::sample::Index>(), value in any_json()) {
        let (path, answer) = example_with(&which, value.to_string().as_bytes());
        let lookup = decode_response(&answer);
        prop_assert!(lookup.is_ok(), "{}: {:?}", path.join("."), lookup.err());
    }
}

/// Text a real server writes into a leaf that no `Value` can hold: escapes that are half of
/// a character, numbers beyond a double, bytes that are not UTF-8, control characters,
/// nesting too deep for a reader, and the plain values besides.
fn any_leaf_text() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(br#""\ud83d""#.to_vec()),
        Just(br#""ab\udc00cd""#.to_vec()),
        Just(br#""\ud83d\ud83d""#.to_vec()),
        Just(b"\"\xff\xfe\xc0\"".to_vec()),
        Just(b"\"\xe4\xb8\"".to_vec()),
        Just(b"1e400".to_vec()),
        Just(b"-1e400".to_vec()),
        Just(b"123456789012345678901234567890".to_vec()),
        Just(b"0.000000000000000000000000000000000000000000001e-400".to_vec()),
        Just(format!("{}1{}", "[".repeat(500), "]".repeat(500)).into_bytes()),
        Just(format!("{}1{}", "{\"a\":".repeat(300), "}".repeat(300)).into_bytes()),
        any_json().prop_map(|v| v.to_string().into_bytes()),
    ];
    prop::collection::vec(piece, 1..3).prop_map(|pieces| {
        if pieces.len() == 1 {
            pieces.into_iter().next().unwrap_or_default()
        } else {
            let mut list = b"[".to_vec();
            list.extend(pieces.join(&b","[..]));
            list.push(b']');
            list
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The same property at the level of the answer's text: whatever is written in a leaf,
    /// the lookup succeeds, and what could not be read is a warning at that leaf or below.
    #[test]
    fn any_text_in_any_leaf_never_fails_the_lookup(which in any::<prop::sample::Index>(), text in any_leaf_text()) {
        let (path, bytes) = example_with(&which, &text);
        let lookup = decode_response(&bytes);
        prop_assert!(lookup.is_ok(), "{}: {:?}", path.join("."), lookup.err());
        let leaf = format!("data.{}", path.join("."));
        for warning in &lookup.unwrap().warnings {
            prop_assert!(warning.path.starts_with(&leaf) || warning.path == "data.location", "{} outside {}", warning.path, leaf);
        }
    }
}
