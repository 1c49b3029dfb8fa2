//! The HTTP client: one pooled reqwest client, timeouts, a capped body, errors mapped.

use std::error::Error as _;
use std::sync::Arc;

use reqwest::header::CONTENT_TYPE as CONTENT_TYPE_HEADER;

use zeroize::Zeroizing;

use crate::config::ClientConfig;
use crate::decode::{api_zone, decode_chat_response, DecodedChat};
use crate::error::{OpError, TlsCause};
use crate::http::{http_client, read_capped, BodyError, HttpSettings};
use crate::network::effective_proxy;
use crate::raw_answer::raw_answer;
use crate::redact::{snippet, Redactor};
use crate::request::{build_signed_request, CONTENT_TYPE};
use crate::secret::{Credentials, Secret};
use crate::user_id::UserId;

/// What a lookup gives: its result and, when the server answered, the answer as support
/// may see it (redacted, cut at 64 KiB).
#[derive(Debug)]
pub struct LookupOutcome {
    pub result: Result<DecodedChat, OpError>,
    pub raw_answer: Option<String>,
}

/// A client for one environment. Cheap to clone: clones share the connection pool.
#[derive(Clone, Debug)]
pub struct OpClient {
    http: reqwest::Client,
    config: Arc<ClientConfig>,
}

impl OpClient {
    pub fn new(config: ClientConfig) -> Result<Self, OpError> {
        config.validate()?;
        let proxy = effective_proxy(&config.proxy, &config.base_url)?;
        let http = http_client(HttpSettings {
            proxy: proxy.as_ref(),
            extra_roots_pem: config.extra_roots_pem.as_deref(),
            connect_timeout: config.connect_timeout,
            timeout: config.timeout,
        })?;
        Ok(Self { http, config: Arc::new(config) })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The user's most recent chat. The user ID is checked first: a bad one sends nothing.
    pub async fn chat_info(&self, creds: &Credentials, user_id: &str) -> Result<DecodedChat, OpError> {
        self.lookup(creds, user_id).await.result
    }

    /// The lookup and, whenever an answer arrived (success or not), that answer for the
    /// support view: redacted of the token, the secret and the sign, cut at 64 KiB.
    pub async fn lookup(&self, creds: &Credentials, user_id: &str) -> LookupOutcome {
        let user_id = match UserId::parse(user_id) {
            Ok(id) => id,
            Err(problem) => return LookupOutcome { result: Err(OpError::InvalidUserId { problem }), raw_answer: None },
        };
        let request = match build_signed_request(&self.config, creds, &user_id) {
            Ok(request) => request,
            Err(e) => return LookupOutcome { result: Err(e), raw_answer: None },
        };
        let sign = Secret::new(request.sign());
        let redactor = Redactor::new([creds.token.expose(), creds.secret.expose(), sign.expose()]);
        let (url, body) = request.into_parts();
        tracing::debug!(user_id = %user_id, "op-api lookup");
        let bytes = match self.send(url, body, &redactor).await {
            Ok(answer) => answer,
            Err(e) => return LookupOutcome { result: Err(e), raw_answer: None },
        };
        let (status, location, bytes) = bytes;
        let raw_answer = Some(raw_answer(&bytes, &redactor));
        let zone = api_zone(self.config.api_utc_offset_minutes);
        let result = if status.is_redirection() {
            Err(OpError::Redirect { status: status.as_u16(), host: location })
        } else if !status.is_success() {
            // An error status whose body is the API's envelope: the API's own code and words.
            match decode_chat_response(&bytes, &redactor, zone) {
                Err(OpError::Api { api_code, api_message, .. }) => {
                    Err(OpError::Api { api_code, api_message, status: Some(status.as_u16()) })
                }
                _ => Err(OpError::HttpStatus {
                    status: status.as_u16(),
                    snippet: snippet(&redactor, &String::from_utf8_lossy(&bytes), 200),
                }),
            }
        } else {
            decode_chat_response(&bytes, &redactor, zone)
        };
        LookupOutcome { result, raw_answer }
    }

    /// Sends the request; the status, a redirect's host and the body (capped while it streams).
    async fn send(
        &self,
        url: Zeroizing<String>,
        body: Vec<u8>,
        redactor: &Redactor,
    ) -> Result<(reqwest::StatusCode, Option<String>, Vec<u8>), OpError> {
        let mut response = self
            .http
            .post(url.as_str())
            .header(CONTENT_TYPE_HEADER, CONTENT_TYPE)
            .body(body)
            .send()
            .await
            .map_err(|e| self.transport_error(e, redactor))?;

        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| url::Url::parse(v).ok())
            .and_then(|u| u.host_str().map(str::to_owned));
        let header = |name| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let content_type = header(reqwest::header::CONTENT_TYPE);
        crate::body::check_content_encoding(header(reqwest::header::CONTENT_ENCODING).as_deref())?;
        let limit = self.config.max_body_bytes;
        let bytes = read_capped(&mut response, limit).await.map_err(|e| match e {
            BodyError::TooLarge => OpError::TooLarge { limit_bytes: limit },
            BodyError::Read(e) => self.body_error(e, redactor),
        })?;

        let bytes = match crate::body::as_utf8(&bytes, content_type.as_deref()) {
            std::borrow::Cow::Owned(text) => text,
            std::borrow::Cow::Borrowed(_) => bytes,
        };
        Ok((response.status(), location, bytes))
    }

    fn transport_error(&self, error: reqwest::Error, redactor: &Redactor) -> OpError {
        let error = error.without_url();
        let detail = redactor.redact(&error_chain(&error));
        if error.is_timeout() {
            let after = if error.is_connect() { self.config.connect_timeout } else { self.config.timeout };
            return OpError::Timeout { after_ms: after.as_millis() as u64 };
        }
        if looks_like_tls(&detail) {
            return OpError::Tls { cause: TlsCause::from_detail(&detail), detail };
        }
        if error.is_body() || error.is_decode() {
            return OpError::Interrupted { detail };
        }
        OpError::Connect { detail }
    }

    fn body_error(&self, error: reqwest::Error, redactor: &Redactor) -> OpError {
        let error = error.without_url();
        if error.is_timeout() {
            return OpError::Timeout { after_ms: self.config.timeout.as_millis() as u64 };
        }
        OpError::Interrupted { detail: redactor.redact(&error_chain(&error)) }
    }
}

/// `outer: cause: root cause`, without repeats.
fn error_chain(error: &reqwest::Error) -> String {
    let mut parts: Vec<String> = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts.join(": ")
}

fn looks_like_tls(detail: &str) -> bool {
    let lower = detail.to_ascii_lowercase();
    ["tls", "certificate", "handshake", "corrupt message", "invalidcontenttype"].iter().any(|w| lower.contains(w))
}
