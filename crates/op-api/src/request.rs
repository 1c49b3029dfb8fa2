//! The request exactly as the spec has it, signed: built without any I/O.

use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use url::Url;
use zeroize::{Zeroize, Zeroizing};

use crate::config::{ClientConfig, ConfigProblem};
use crate::error::OpError;
use crate::secret::Credentials;
use crate::sign::SignInput;
use crate::user_id::UserId;

pub const ENDPOINT_PATH: &str = "/op/v2/getChatInfoByUserId";
pub const METHOD: &str = "POST";
pub const CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// RFC 3986 unreserved characters stay as they are; everything else is %XX.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

pub(crate) fn encode_query_value(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// A signed request. Its URL holds the token and the sign: Debug hides it, and the
/// buffers that held them are wiped when dropped.
pub struct SignedRequest {
    url: Zeroizing<String>,
    body: Vec<u8>,
    sign: Zeroizing<String>,
}

impl SignedRequest {
    /// The full URL, query and sign included. Never log it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The exact body bytes that were signed.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    pub(crate) fn sign(&self) -> &str {
        &self.sign
    }

    pub(crate) fn into_parts(self) -> (Zeroizing<String>, Vec<u8>) {
        (self.url, self.body)
    }
}

impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedRequest")
            .field("url", &"***")
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish()
    }
}

/// `{base}/op/v2/getChatInfoByUserId`, keeping any path prefix of the base URL.
pub fn endpoint_url(base: &Url) -> Url {
    let mut url = base.clone();
    let path = format!("{}{}", base.path().trim_end_matches('/'), ENDPOINT_PATH);
    url.set_path(&path);
    url.set_query(None);
    url.set_fragment(None);
    url
}

/// Builds and signs the request for `user_id`.
pub fn build_signed_request(
    config: &ClientConfig,
    creds: &Credentials,
    user_id: &UserId,
) -> Result<SignedRequest, OpError> {
    if creds.token.is_empty() {
        return Err(ConfigProblem::NoToken.into());
    }
    if creds.secret.is_empty() {
        return Err(ConfigProblem::NoSecret.into());
    }
    // A JSON object of one string: serialising it cannot fail.
    let body = serde_json::json!({ "userId": user_id.as_str() }).to_string().into_bytes();
    let endpoint = endpoint_url(&config.base_url);

    let mut params: Vec<(String, String)> = vec![
        ("apiVersion".to_owned(), config.api_version.trim().to_owned()),
        ("client".to_owned(), config.client_id.clone()),
        ("token".to_owned(), creds.token.expose().trim().to_owned()),
    ];
    if let Some(stamp) = &config.sign_rule.stamp {
        params.push((stamp.name.clone(), stamp.value_now()));
    }
    let query = Zeroizing::new(
        params
            .iter()
            .map(|(k, v)| format!("{}={}", encode_query_value(k), encode_query_value(v)))
            .collect::<Vec<_>>()
            .join("&"),
    );
    let unsigned_url = Zeroizing::new(format!("{endpoint}?{}", query.as_str()));

    let sign = config
        .sign_rule
        .sign(&SignInput {
            method: METHOD,
            url: unsigned_url.as_str(),
            path: endpoint.path(),
            params: &params,
            body: &body,
            secret: creds.secret.expose(),
        })
        .map(Zeroizing::new)
        .map_err(|problem| ConfigProblem::SignRule { problem })?;
    let url = Zeroizing::new(format!("{}&sign={}", unsigned_url.as_str(), sign.as_str()));
    for (_, value) in params.iter_mut() {
        value.zeroize();
    }
    Ok(SignedRequest { url, body, sign })
}

/// Stand-ins for the credentials in [`sign_preview`]: the preview shows where they go,
/// never what they are.
pub const PREVIEW_TOKEN: &str = "TOKEN";
pub const PREVIEW_SECRET: &str = "***";

/// What the rule would hash for `user_id`, with [`PREVIEW_TOKEN`] and [`PREVIEW_SECRET`]
/// in place of the credentials: for the settings screen.
pub fn sign_preview(config: &ClientConfig, user_id: &str) -> Result<String, OpError> {
    let user_id = UserId::parse(user_id).map_err(|problem| OpError::InvalidUserId { problem })?;
    let creds = Credentials::new(PREVIEW_TOKEN, PREVIEW_SECRET);
    let request = build_signed_request(config, &creds, &user_id)?;
    let unsigned = request.url().rsplit_once("&sign=").map(|(url, _)| url).unwrap_or_default();
    let endpoint = endpoint_url(&config.base_url);
    let params: Vec<(String, String)> = url::Url::parse(unsigned)
        .map(|u| u.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
        .unwrap_or_default();
    let material = config
        .sign_rule
        .material(&SignInput {
            method: METHOD,
            url: unsigned,
            path: endpoint.path(),
            params: &params,
            body: request.body(),
            secret: PREVIEW_SECRET,
        })
        .map_err(|problem| ConfigProblem::SignRule { problem })?;
    Ok(String::from_utf8_lossy(&material).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::UrlProblem;

    fn config(base: &str) -> ClientConfig {
        ClientConfig::new(base, "b2736195b38346639463ee889d6b8ff4").unwrap()
    }

    fn id() -> UserId {
        UserId::parse("u00012b2e588bd93843168dfb67ae12cc2ee9").unwrap()
    }

    #[test]
    fn the_request_is_the_spec_s_and_signed_like_the_known_answer() {
        let creds = Credentials::new("o0001-fake-token", "fake-secret-for-tests");
        let req = build_signed_request(&config("http://127.0.0.1:8787"), &creds, &id()).unwrap();
        // The same inputs as the body-md5 known answer in tests/sign_known_answers.rs.
        assert_eq!(
            req.url(),
            "http://127.0.0.1:8787/op/v2/getChatInfoByUserId?apiVersion=01&client=b2736195b38346639463ee889d6b8ff4&token=o0001-fake-token&sign=2994c653598586d7e7317cba751f8941"
        );
        assert_eq!(req.body(), br#"{"userId":"u00012b2e588bd93843168dfb67ae12cc2ee9"}"#);
    }

    #[test]
    fn keeps_a_path_prefix_and_encodes_query_values() {
        let creds = Credentials::new("o0001 a&b=c/é", "s");
        for base in ["https://api.example.com/gateway", "https://api.example.com/gateway/"] {
            let req = build_signed_request(&config(base), &creds, &id()).unwrap();
            assert!(
                req.url()
                    .starts_with("https://api.example.com/gateway/op/v2/getChatInfoByUserId?apiVersion=01&client="),
                "{}",
                req.url()
            );
            assert!(req.url().contains("&token=o0001%20a%26b%3Dc%2F%C3%A9&sign="), "{}", req.url());
        }
    }

    #[test]
    fn missing_credentials_are_not_configured() {
        let cfg = config("http://127.0.0.1:1");
        let err = build_signed_request(&cfg, &Credentials::new("", "s"), &id()).unwrap_err();
        assert_eq!(err.code(), "not_configured");
        let err = build_signed_request(&cfg, &Credentials::new("t", "  "), &id()).unwrap_err();
        assert_eq!(err, OpError::NotConfigured { problem: ConfigProblem::NoSecret });
    }

    #[test]
    fn the_preview_shows_what_is_hashed_without_credentials() {
        let preview = sign_preview(&config("http://127.0.0.1:8787"), "u0001-rich").unwrap();
        assert_eq!(
            preview,
            "POSThttp://127.0.0.1:8787/op/v2/getChatInfoByUserId?apiVersion=01&client=b2736195b38346639463ee889d6b8ff4&token=TOKEN{\"userId\":\"u0001-rich\"}***"
        );
        let mut alipay = config("http://127.0.0.1:8787");
        alipay.sign_rule = crate::sign::SignRule::preset(crate::sign::SignScheme::Alipay);
        assert_eq!(
            sign_preview(&alipay, "u1").unwrap(),
            "apiVersion=01&body={\"userId\":\"u1\"}&client=b2736195b38346639463ee889d6b8ff4&token=TOKEN***"
        );
    }

    #[test]
    fn debug_hides_the_url() {
        let creds = Credentials::new("o0001-fake-token", "fake-secret-for-tests");
        let req = build_signed_request(&config("http://127.0.0.1:8787"), &creds, &id()).unwrap();
        let shown = format!("{req:?}");
        assert!(!shown.contains("o0001-fake-token") && !shown.contains(req.sign()), "{shown}");
    }

    #[test]
    fn bad_base_urls_are_refused_with_a_reason() {
        for (base, problem) in [
            ("not a url", UrlProblem::NotUrl),
            ("ftp://h/", UrlProblem::Scheme),
            ("http://u:p@h/", UrlProblem::UserInfo),
            ("http://h/?x=1", UrlProblem::QueryOrFragment),
        ] {
            let err = ClientConfig::new(base, "c").unwrap_err();
            assert_eq!(err, OpError::NotConfigured { problem: ConfigProblem::BaseUrl { problem } }, "{base}");
        }
    }
}
