//! The HTTP client: one pooled reqwest client, timeouts, a capped body, errors mapped.

use std::error::Error as _;
use std::sync::Arc;

use reqwest::header::CONTENT_TYPE as CONTENT_TYPE_HEADER;

use crate::config::{ClientConfig, ConfigProblem};
use crate::decode::{decode_chat_response, ChatLookup};
use crate::error::OpError;
use crate::redact::{snippet, Redactor};
use crate::request::{build_signed_request, CONTENT_TYPE};
use crate::secret::Credentials;
use crate::user_id::UserId;

/// A client for one environment. Cheap to clone: clones share the connection pool.
#[derive(Clone, Debug)]
pub struct OpClient {
    http: reqwest::Client,
    config: Arc<ClientConfig>,
}

impl OpClient {
    pub fn new(config: ClientConfig) -> Result<Self, OpError> {
        config.validate()?;
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .user_agent(config.user_agent.clone())
            // A redirect would resend the token to wherever it points: treat it as an answer.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ConfigProblem::HttpClient { detail: e.to_string() })?;
        Ok(Self { http, config: Arc::new(config) })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The user's most recent chat. The user ID is checked first: a bad one sends nothing.
    pub async fn chat_info(&self, creds: &Credentials, user_id: &str) -> Result<ChatLookup, OpError> {
        let user_id = UserId::parse(user_id).map_err(|problem| OpError::InvalidUserId { problem })?;
        let request = build_signed_request(&self.config, creds, &user_id)?;
        let sign = request.sign().to_owned();
        let redactor = Redactor::new([creds.token.expose(), creds.secret.expose(), sign.as_str()]);
        let (url, body) = request.into_parts();
        tracing::debug!(user_id = %user_id, "op-api lookup");

        let mut response = self
            .http
            .post(url)
            .header(CONTENT_TYPE_HEADER, CONTENT_TYPE)
            .body(body)
            .send()
            .await
            .map_err(|e| self.transport_error(e, &redactor))?;

        let limit = self.config.max_body_bytes;
        if response.content_length().is_some_and(|len| len > limit) {
            return Err(OpError::TooLarge { limit_bytes: limit });
        }
        let mut bytes = Vec::new();
        // Read chunk by chunk so that an oversized answer is cut off while it streams.
        while let Some(chunk) = response.chunk().await.map_err(|e| self.body_error(e, &redactor))? {
            if bytes.len() as u64 + chunk.len() as u64 > limit {
                return Err(OpError::TooLarge { limit_bytes: limit });
            }
            bytes.extend_from_slice(&chunk);
        }

        let status = response.status();
        if !status.is_success() {
            return Err(OpError::HttpStatus {
                status: status.as_u16(),
                snippet: snippet(&redactor, &String::from_utf8_lossy(&bytes), 200),
            });
        }
        decode_chat_response(&bytes, &redactor)
    }

    fn transport_error(&self, error: reqwest::Error, redactor: &Redactor<'_>) -> OpError {
        let error = error.without_url();
        let detail = redactor.redact(&error_chain(&error));
        if error.is_timeout() {
            let after = if error.is_connect() { self.config.connect_timeout } else { self.config.timeout };
            return OpError::Timeout { after_ms: after.as_millis() as u64 };
        }
        if looks_like_tls(&detail) {
            return OpError::Tls { detail };
        }
        if error.is_body() || error.is_decode() {
            return OpError::Interrupted { detail };
        }
        OpError::Connect { detail }
    }

    fn body_error(&self, error: reqwest::Error, redactor: &Redactor<'_>) -> OpError {
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
