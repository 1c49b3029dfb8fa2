//! op-sim's own check of a request's sign: a second, separate implementation of each sign
//! rule, so that a bug in op-api's signer fails the tests instead of being mirrored here.
//! It reads the rule as data (op-api's `SignRule`) but shares none of op-api's code, and
//! is written the plain way each rule is published.

use md5::{Digest, Md5};
use op_api::sign::{HexCase, SignRule, SignScheme};

/// What the server received, less the `sign` parameter.
pub struct Received<'a> {
    pub method: &'a str,
    /// The URL as the client built it, without `&sign=…`.
    pub url: &'a str,
    pub path: &'a str,
    /// The decoded query parameters, in order, without `sign`.
    pub params: &'a [(String, String)],
    pub body: &'a [u8],
}

/// The sign the rule expects for this request, or `None` when the rule cannot be applied.
pub fn expected_sign(rule: &SignRule, secret: &str, request: &Received<'_>) -> Option<String> {
    let upper_by_default = matches!(rule.scheme, SignScheme::WechatV2 | SignScheme::Top);
    let upper = match rule.hex {
        Some(HexCase::Upper) => true,
        Some(HexCase::Lower) => false,
        None => upper_by_default,
    };
    let material: Vec<u8> = match &rule.scheme {
        SignScheme::WechatV2 => format!("{}&key={secret}", joined(rule, request, "=", "&")).into_bytes(),
        SignScheme::Alipay => format!("{}{secret}", joined(rule, request, "=", "&")).into_bytes(),
        SignScheme::Top => format!("{secret}{}{secret}", joined(rule, request, "", "")).into_bytes(),
        SignScheme::BodyMd5 => {
            [request.method.as_bytes(), request.url.as_bytes(), request.body, secret.as_bytes()].concat()
        }
        SignScheme::Template { template } => render(template, rule, secret, request)?,
    };
    let hex: String = Md5::digest(&material).iter().map(|b| format!("{b:02x}")).collect();
    Some(if upper { hex.to_uppercase() } else { hex })
}

/// The sorted-parameter string: the query's parameters plus the body under the rule's
/// body parameter, empty values left out, sorted by name (then value), `k{kv}v{sep}…`.
fn joined(rule: &SignRule, request: &Received<'_>, kv: &str, sep: &str) -> String {
    let mut pairs: Vec<(String, String)> = request.params.to_vec();
    if let Some(name) = &rule.body_param {
        pairs.push((name.clone(), String::from_utf8_lossy(request.body).into_owned()));
    }
    pairs.retain(|(k, v)| k != "sign" && !v.is_empty());
    pairs.sort();
    pairs.iter().map(|(k, v)| format!("{k}{kv}{v}")).collect::<Vec<_>>().join(sep)
}

/// A template with `{method}`, `{url}`, `{path}`, `{param:NAME}`, `{sorted}`,
/// `{sortedConcat}`, `{body}`, `{secret}` and `{stamp}`; `{{` and `}}` are braces.
fn render(template: &str, rule: &SignRule, secret: &str, request: &Received<'_>) -> Option<Vec<u8>> {
    let param = |name: &str| request.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let mut out = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("{{") {
            out.push(b'{');
            rest = after;
        } else if let Some(after) = rest.strip_prefix("}}") {
            out.push(b'}');
            rest = after;
        } else if let Some(after) = rest.strip_prefix('{') {
            let end = after.find('}')?;
            let name = &after[..end];
            rest = &after[end + 1..];
            let value: Vec<u8> = match name {
                "method" => request.method.into(),
                "url" => request.url.into(),
                "path" => request.path.into(),
                "sorted" => joined(rule, request, "=", "&").into_bytes(),
                "sortedConcat" => joined(rule, request, "", "").into_bytes(),
                "body" => request.body.to_vec(),
                "secret" => secret.into(),
                "stamp" => rule.stamp.as_ref().and_then(|s| param(&s.name)).unwrap_or_default().into_bytes(),
                _ => param(name.strip_prefix("param:").filter(|n| !n.is_empty())?).unwrap_or_default().into_bytes(),
            };
            out.extend_from_slice(&value);
        } else {
            let next = rest.find(['{', '}']).unwrap_or(rest.len());
            if next == 0 {
                return None; // a lone '}'
            }
            out.extend_from_slice(&rest.as_bytes()[..next]);
            rest = &rest[next..];
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    //! Known answers, computed outside Rust (Python's hashlib) or published by the rule's
    //! owner; op-api's signer is checked against the same values in its own tests.
    use super::*;

    const URL: &str = "http://127.0.0.1:8787/op/v2/getChatInfoByUserId?apiVersion=01&client=b2736195b38346639463ee889d6b8ff4&token=o0001-fake-token";
    const BODY: &[u8] = br#"{"userId":"u00012b2e588bd93843168dfb67ae12cc2ee9"}"#;
    const SECRET: &str = "fake-secret-for-tests";

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn ours(rule: &SignRule) -> String {
        let params = pairs(&[
            ("apiVersion", "01"),
            ("client", "b2736195b38346639463ee889d6b8ff4"),
            ("token", "o0001-fake-token"),
        ]);
        let request =
            Received { method: "POST", url: URL, path: "/op/v2/getChatInfoByUserId", params: &params, body: BODY };
        expected_sign(rule, SECRET, &request).unwrap()
    }

    #[test]
    fn the_wechat_pay_v2_published_vector() {
        let params = pairs(&[
            ("appid", "wxd930ea5d5a258f4f"),
            ("mch_id", "10000100"),
            ("device_info", "1000"),
            ("body", "test"),
            ("nonce_str", "ibuaiVcKdpRxkhJA"),
        ]);
        let mut rule = SignRule::preset(SignScheme::WechatV2);
        rule.body_param = None;
        let request = Received { method: "POST", url: "", path: "", params: &params, body: b"" };
        assert_eq!(
            expected_sign(&rule, "192006250b4c09247ec02edce69f6a2d", &request).unwrap(),
            "9A0A8659F005D6984697E2CA0A9CF3B7"
        );
    }

    #[test]
    fn each_preset_and_a_template_over_the_spec_s_request() {
        assert_eq!(ours(&SignRule::preset(SignScheme::WechatV2)), "C11B58B0C30E010DFC95F24B92299AF2");
        assert_eq!(ours(&SignRule::preset(SignScheme::Alipay)), "46f4713b3fb40389ac673dc205c8b231");
        assert_eq!(ours(&SignRule::preset(SignScheme::Top)), "88D0A549BBC5E6713EB820A364240654");
        assert_eq!(ours(&SignRule::preset(SignScheme::BodyMd5)), "2994c653598586d7e7317cba751f8941");
        let mut template = SignRule::template("{secret}{method}{path}{param:token}{body}{secret}");
        template.hex = Some(HexCase::Upper);
        assert_eq!(ours(&template), "FF52C750F42EE50520FEE42A71D46235");
    }

    #[test]
    fn a_broken_template_expects_nothing() {
        for bad in ["{method", "}{secret}", "{param:}{secret}"] {
            let params = Vec::new();
            let request = Received { method: "POST", url: "", path: "", params: &params, body: b"" };
            assert_eq!(expected_sign(&SignRule::template(bad), SECRET, &request), None, "{bad}");
        }
    }
}
