//! The request exactly as the spec has it, signed: built without any I/O.

use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use url::Url;

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

/// A signed request. Its URL holds the token and the sign: Debug hides it.
pub struct SignedRequest {
    url: String,
    body: Vec<u8>,
    sign: String,
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

    pub(crate) fn into_parts(self) -> (String, Vec<u8>) {
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
    let query = params
        .iter()
        .map(|(k, v)| format!("{}={}", encode_query_value(k), encode_query_value(v)))
        .collect::<Vec<_>>()
        .join("&");
    let unsigned_url = format!("{endpoint}?{query}");

    let sign = config
        .sign_rule
        .sign(&SignInput {
            method: METHOD,
            url: &unsigned_url,
            path: endpoint.path(),
            params: &params,
            body: &body,
            secret: creds.secret.expose(),
        })
        .map_err(|problem| ConfigProblem::SignRule { problem })?;
    let url = format!("{unsigned_url}&sign={sign}");
    Ok(SignedRequest { url, body, sign })
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
