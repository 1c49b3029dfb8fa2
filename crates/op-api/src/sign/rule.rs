//! How a request is signed, as data: the profile stores it, the client and op-sim apply it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::stamp::StampParam;
use super::template::Template;

/// The scheme: one of four MD5 conventions of the API's era, or a template for any other.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scheme", rename_all = "camelCase")]
pub enum SignScheme {
    /// WeChat Pay v2: sorted `k=v&…` + `&key=SECRET`; upper case.
    WechatV2,
    /// Alipay MAPI: sorted `k=v&…` + `SECRET`; lower case.
    Alipay,
    /// Taobao TOP: `SECRET` + sorted `k1v1k2v2…` + `SECRET`; upper case.
    Top,
    /// Umeng style: `METHOD + url + body + SECRET`; lower case.
    BodyMd5,
    /// Anything else: see [`Template`] for the placeholders.
    Template { template: String },
}

/// A template to start from: the body-MD5 preset written as a template.
pub const EXAMPLE_TEMPLATE: &str = "{method}{url}{body}{secret}";

/// The case of the 32 hex digits of the sign.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HexCase {
    Lower,
    Upper,
}

/// A sign rule: a scheme and the few choices around it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignRule {
    #[serde(flatten)]
    pub scheme: SignScheme,
    /// The case of the hex digits; when absent, the scheme's own convention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hex: Option<HexCase>,
    /// For the sorted-parameter schemes: the exact body bytes join the parameters under
    /// this name, so that the sign covers them. `null` leaves the body out.
    #[serde(default = "default_body_param")]
    pub body_param: Option<String>,
    /// An optional timestamp or nonce parameter added to the query (and so to the sign).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp: Option<StampParam>,
}

fn default_body_param() -> Option<String> {
    Some("body".to_owned())
}

/// Everything a sign can cover, gathered by the client (or by op-sim from what it received).
#[derive(Clone, Debug)]
pub struct SignInput<'a> {
    pub method: &'a str,
    /// The request URL as sent, without the `sign` parameter.
    pub url: &'a str,
    /// The URL's path, with any base-URL prefix.
    pub path: &'a str,
    /// The query parameters except `sign`, decoded, in the order sent.
    pub params: &'a [(String, String)],
    /// The exact body bytes sent.
    pub body: &'a [u8],
    pub secret: &'a str,
}

/// Why a sign rule cannot be applied; the profile editor words each.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum SignRuleProblem {
    #[error("the sign template has a '{{' without its '}}'")]
    TemplateUnclosed,
    #[error("the sign template has a '}}' without its '{{' (write '}}}}' for a brace)")]
    TemplateStrayBrace,
    #[error("the sign template's placeholder {{{name}}} is unknown; use method, url, path, param:NAME, sorted, sortedConcat, body, secret or stamp")]
    TemplateUnknownPlaceholder { name: String },
    #[error("the sign template must contain {{secret}}")]
    TemplateNoSecret,
    #[error("the {param} parameter's name '{name}' must be letters, digits, '_' or '-'")]
    BadParamName { param: SignParam, name: String },
    #[error("the timestamp/nonce parameter cannot be named '{name}'")]
    ReservedStampName { name: String },
}

/// The two parameters a sign rule names.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SignParam {
    Body,
    Stamp,
}

impl fmt::Display for SignParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Body => "body",
            Self::Stamp => "timestamp/nonce",
        })
    }
}

/// A command-line sign rule that could not be read (op-sim's `--sign-rule`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseSignRuleError {
    #[error("unknown sign rule '{0}'; use wechat-v2, alipay, top, body-md5, template:TEXT or JSON")]
    Unknown(String),
    #[error("the sign rule's JSON is not valid: {0}")]
    Json(String),
    #[error(transparent)]
    Invalid(#[from] SignRuleProblem),
}

impl Default for SignRule {
    /// Body-MD5: the only preset that covers the method, the path, every query
    /// parameter (the token among them) and the exact body bytes in one string, and its
    /// lower-case hex matches the spec's example sign. README explains the choice.
    fn default() -> Self {
        Self::preset(SignScheme::BodyMd5)
    }
}

impl SignRule {
    pub fn preset(scheme: SignScheme) -> Self {
        Self { scheme, hex: None, body_param: default_body_param(), stamp: None }
    }

    pub fn template(template: impl Into<String>) -> Self {
        Self::preset(SignScheme::Template { template: template.into() })
    }

    pub fn hex_case(&self) -> HexCase {
        self.hex.unwrap_or(match self.scheme {
            SignScheme::WechatV2 | SignScheme::Top => HexCase::Upper,
            SignScheme::Alipay | SignScheme::BodyMd5 | SignScheme::Template { .. } => HexCase::Lower,
        })
    }

    /// Checks what can be checked without a request: the template's placeholders, the
    /// parameter names.
    pub fn validate(&self) -> Result<(), SignRuleProblem> {
        if let SignScheme::Template { template } = &self.scheme {
            Template::parse(template)?;
        }
        if let Some(name) = &self.body_param {
            check_param_name(name, SignParam::Body)?;
        }
        if let Some(stamp) = &self.stamp {
            check_param_name(&stamp.name, SignParam::Stamp)?;
            if matches!(stamp.name.as_str(), "apiVersion" | "client" | "token" | "sign") {
                return Err(SignRuleProblem::ReservedStampName { name: stamp.name.clone() });
            }
        }
        Ok(())
    }

    /// The sign: 32 hex digits of an MD5 of [`SignRule::material`].
    pub fn sign(&self, input: &SignInput<'_>) -> Result<String, SignRuleProblem> {
        Ok(md5_hex(&self.material(input)?, self.hex_case()))
    }

    /// The exact bytes that are hashed (for the settings' preview, with a stand-in secret).
    pub fn material(&self, input: &SignInput<'_>) -> Result<Vec<u8>, SignRuleProblem> {
        let material: Vec<u8> = match &self.scheme {
            SignScheme::WechatV2 => {
                let mut s = sorted_pairs(&self.signed_params(input), "=", "&");
                s.push_str("&key=");
                s.push_str(input.secret);
                s.into_bytes()
            }
            SignScheme::Alipay => {
                let mut s = sorted_pairs(&self.signed_params(input), "=", "&");
                s.push_str(input.secret);
                s.into_bytes()
            }
            SignScheme::Top => {
                let mut s = String::from(input.secret);
                s.push_str(&sorted_pairs(&self.signed_params(input), "", ""));
                s.push_str(input.secret);
                s.into_bytes()
            }
            SignScheme::BodyMd5 => {
                let mut bytes =
                    Vec::with_capacity(input.method.len() + input.url.len() + input.body.len() + input.secret.len());
                bytes.extend_from_slice(input.method.as_bytes());
                bytes.extend_from_slice(input.url.as_bytes());
                bytes.extend_from_slice(input.body);
                bytes.extend_from_slice(input.secret.as_bytes());
                bytes
            }
            SignScheme::Template { template } => {
                let stamp_value = self
                    .stamp
                    .as_ref()
                    .and_then(|stamp| input.params.iter().find(|(k, _)| *k == stamp.name))
                    .map(|(_, v)| v.as_str());
                Template::parse(template)?.render(input, &self.signed_params(input), stamp_value)
            }
        };
        Ok(material)
    }

    /// The parameters the sorted schemes sign: the query's (without `sign`) and the body.
    fn signed_params(&self, input: &SignInput<'_>) -> Vec<(String, String)> {
        let mut params: Vec<(String, String)> = input.params.iter().filter(|(k, _)| k != "sign").cloned().collect();
        if let Some(name) = &self.body_param {
            params.push((name.clone(), String::from_utf8_lossy(input.body).into_owned()));
        }
        params
    }
}

/// Sorted by key (byte order), empty values dropped, joined as `k{kv}v{pair}k{kv}v…`.
pub(crate) fn sorted_pairs(params: &[(String, String)], kv: &str, pair: &str) -> String {
    let mut kept: Vec<&(String, String)> = params.iter().filter(|(_, v)| !v.is_empty()).collect();
    kept.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then_with(|| a.1.cmp(&b.1)));
    let mut out = String::new();
    for (i, (k, v)) in kept.iter().enumerate() {
        if i > 0 {
            out.push_str(pair);
        }
        out.push_str(k);
        out.push_str(kv);
        out.push_str(v);
    }
    out
}

fn check_param_name(name: &str, param: SignParam) -> Result<(), SignRuleProblem> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(SignRuleProblem::BadParamName { param, name: name.to_owned() });
    }
    Ok(())
}

pub(crate) fn md5_hex(bytes: &[u8], case: HexCase) -> String {
    use md5::{Digest, Md5};
    let digest = Md5::digest(bytes);
    let mut out = String::with_capacity(32);
    for byte in digest {
        match case {
            HexCase::Lower => out.push_str(&format!("{byte:02x}")),
            HexCase::Upper => out.push_str(&format!("{byte:02X}")),
        }
    }
    out
}

impl fmt::Display for SignRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.scheme {
            SignScheme::WechatV2 => f.write_str("wechat-v2"),
            SignScheme::Alipay => f.write_str("alipay"),
            SignScheme::Top => f.write_str("top"),
            SignScheme::BodyMd5 => f.write_str("body-md5"),
            SignScheme::Template { template } => write!(f, "template:{template}"),
        }
    }
}

/// The command-line form: `wechat-v2`, `alipay`, `top`, `body-md5`, `template:TEXT`, or the
/// rule's JSON (as a profile stores it).
impl FromStr for SignRule {
    type Err = ParseSignRuleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let rule = match s {
            "wechat-v2" => Self::preset(SignScheme::WechatV2),
            "alipay" => Self::preset(SignScheme::Alipay),
            "top" => Self::preset(SignScheme::Top),
            "body-md5" => Self::preset(SignScheme::BodyMd5),
            _ if s.starts_with("template:") => Self::template(&s["template:".len()..]),
            _ if s.starts_with('{') => serde_json::from_str(s).map_err(|e| ParseSignRuleError::Json(e.to_string()))?,
            _ => return Err(ParseSignRuleError::Unknown(s.escape_debug().to_string())),
        };
        rule.validate()?;
        Ok(rule)
    }
}
