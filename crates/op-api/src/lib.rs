//! op-api: a typed, signed client for the Op API's `getChatInfoByUserId`.
//!
//! It knows nothing of Tauri or of keyrings: the caller hands it a [`ClientConfig`] and
//! [`Credentials`] and gets a [`DecodedChat`] or an [`OpError`] with a stable code.

mod body;
mod client;
mod config;
mod decode;
mod error;
mod http;
mod json;
pub mod model;
mod network;
mod raw_answer;
mod redact;
mod request;
mod secret;
pub mod sign;
mod user_id;

pub use client::{LookupOutcome, OpClient};
pub use config::{
    parse_base_url, ClientConfig, ConfigProblem, ProxyMode, UrlProblem, DEFAULT_API_VERSION, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT,
};
pub use decode::{decode_response, decode_response_in, DecodedChat};
pub use error::{serialised_code, OpError, TlsCause};
pub use http::{http_client, http_client_builder, read_capped, read_capped_with, BodyError, HttpSettings, USER_AGENT};
pub use json::{MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES};
pub use network::{effective_proxy, effective_proxy_in, http_proxy, is_loopback, roots_in, WEBPKI_JUDGES_ROOTS};
pub use raw_answer::RAW_ANSWER_MAX_BYTES;
pub use request::{
    build_signed_request, endpoint_url, sign_preview, SignedRequest, CONTENT_TYPE, ENDPOINT_PATH, METHOD,
    PREVIEW_SECRET, PREVIEW_TOKEN,
};
pub use secret::{Credentials, Secret};
pub use user_id::{UserId, UserIdProblem, MAX_USER_ID_CHARS, USER_ID_PUNCTUATION};
