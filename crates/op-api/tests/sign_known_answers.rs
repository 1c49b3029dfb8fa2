//! Known-answer tests for every sign preset. The expected values were computed
//! independently with Python's hashlib from the inputs written beside them, e.g.
//! `hashlib.md5((secret + 'POST' + url + body).encode()).hexdigest()`.

use op_api::sign::{HexCase, SignInput, SignRule, SignScheme};

const URL: &str = "http://127.0.0.1:8787/op/v2/getChatInfoByUserId?apiVersion=01&client=b2736195b38346639463ee889d6b8ff4&token=o0001-fake-token";
const PATH: &str = "/op/v2/getChatInfoByUserId";
const BODY: &[u8] = br#"{"userId":"u00012b2e588bd93843168dfb67ae12cc2ee9"}"#;
const SECRET: &str = "fake-secret-for-tests";

fn params() -> Vec<(String, String)> {
    [("apiVersion", "01"), ("client", "b2736195b38346639463ee889d6b8ff4"), ("token", "o0001-fake-token")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn sign(rule: &SignRule) -> String {
    let params = params();
    rule.sign(&SignInput { method: "POST", url: URL, path: PATH, params: &params, body: BODY, secret: SECRET }).unwrap()
}

#[test]
fn wechat_v2_published_vector() {
    // The WeChat Pay v2 documentation's own example (docs/op-api.md, "The sign").
    let params: Vec<(String, String)> = [
        ("appid", "wxd930ea5d5a258f4f"),
        ("mch_id", "10000100"),
        ("device_info", "1000"),
        ("body", "test"),
        ("nonce_str", "ibuaiVcKdpRxkhJA"),
        ("sign", "ignored-by-the-rule"),
        ("empty", ""),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let mut rule = SignRule::preset(SignScheme::WechatV2);
    rule.body_param = None;
    let sign = rule
        .sign(&SignInput {
            method: "POST",
            url: "",
            path: "",
            params: &params,
            body: b"",
            secret: "192006250b4c09247ec02edce69f6a2d",
        })
        .unwrap();
    assert_eq!(sign, "9A0A8659F005D6984697E2CA0A9CF3B7");
}

// The sorted string the three parameter presets build from URL, BODY and params():
// apiVersion=01&body={"userId":"u00012b2e588bd93843168dfb67ae12cc2ee9"}&client=b2736195b38346639463ee889d6b8ff4&token=o0001-fake-token

#[test]
fn wechat_v2_over_our_request() {
    // md5(sorted + '&key=' + secret).upper()
    assert_eq!(sign(&SignRule::preset(SignScheme::WechatV2)), "C11B58B0C30E010DFC95F24B92299AF2");
}

#[test]
fn alipay() {
    // md5(sorted + secret)
    assert_eq!(sign(&SignRule::preset(SignScheme::Alipay)), "46f4713b3fb40389ac673dc205c8b231");
}

#[test]
fn top() {
    // md5(secret + 'apiVersion01body{…}clientb27…token o0001-fake-token' + secret).upper()
    assert_eq!(sign(&SignRule::preset(SignScheme::Top)), "88D0A549BBC5E6713EB820A364240654");
}

#[test]
fn body_md5_is_the_default() {
    // md5('POST' + URL + BODY + secret)
    assert_eq!(SignRule::default().scheme, SignScheme::BodyMd5);
    assert_eq!(sign(&SignRule::default()), "2994c653598586d7e7317cba751f8941");
}

#[test]
fn template_with_upper_hex() {
    // md5(secret + 'POST' + PATH + token + BODY + secret).upper()
    let mut rule = SignRule::template("{secret}{method}{path}{param:token}{body}{secret}");
    rule.hex = Some(HexCase::Upper);
    assert_eq!(sign(&rule), "FF52C750F42EE50520FEE42A71D46235");
}

#[test]
fn template_reproduces_each_preset() {
    let cases = [
        ("{sorted}&key={secret}", SignScheme::WechatV2, HexCase::Upper),
        ("{sorted}{secret}", SignScheme::Alipay, HexCase::Lower),
        ("{secret}{sortedConcat}{secret}", SignScheme::Top, HexCase::Upper),
        ("{method}{url}{body}{secret}", SignScheme::BodyMd5, HexCase::Lower),
    ];
    for (template, scheme, hex) in cases {
        let mut rule = SignRule::template(template);
        rule.hex = Some(hex);
        assert_eq!(sign(&rule), sign(&SignRule::preset(scheme.clone())), "{template}");
    }
}

#[test]
fn a_changed_body_byte_changes_every_sign() {
    let params = params();
    let other_body = br#"{"userId":"u00012b2e588bd93843168dfb67ae12cc2ee8"}"#;
    for scheme in [SignScheme::WechatV2, SignScheme::Alipay, SignScheme::Top, SignScheme::BodyMd5] {
        let rule = SignRule::preset(scheme);
        let other = rule
            .sign(&SignInput {
                method: "POST",
                url: URL,
                path: PATH,
                params: &params,
                body: other_body,
                secret: SECRET,
            })
            .unwrap();
        assert_ne!(other, sign(&rule), "{rule}");
    }
}

#[test]
fn rules_round_trip_through_json_and_the_command_line_form() {
    let json = r#"{"scheme":"template","template":"{body}{secret}","hex":"upper","bodyParam":null,"stamp":{"name":"ts","format":"unixSeconds"}}"#;
    let rule: SignRule = json.parse().unwrap();
    assert_eq!(rule.hex, Some(HexCase::Upper));
    assert_eq!(rule.body_param, None);
    assert_eq!(serde_json::from_str::<SignRule>(&serde_json::to_string(&rule).unwrap()).unwrap(), rule);
    let preset: SignRule = serde_json::from_str(r#"{"scheme":"alipay"}"#).unwrap();
    assert_eq!(preset, SignRule::preset(SignScheme::Alipay));
    assert_eq!(preset.body_param.as_deref(), Some("body"));
    for name in ["wechat-v2", "alipay", "top", "body-md5"] {
        let rule: SignRule = name.parse().unwrap();
        assert_eq!(rule.to_string(), name);
    }
    assert!("md5-please".parse::<SignRule>().unwrap_err().to_string().contains("unknown sign rule"));
    assert!("template:{nope}".parse::<SignRule>().is_err());
}
