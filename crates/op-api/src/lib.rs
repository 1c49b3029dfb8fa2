//! op-api: a typed, signed client for the Op API's `getChatInfoByUserId`.
//!
//! It knows nothing of Tauri or of keyrings: the caller hands it a [`ClientConfig`] and
//! [`Credentials`] and gets a [`ChatLookup`] or an [`OpError`] with a stable code.

mod client;
mod config;
mod decode;
mod error;
pub mod model;
mod redact;
mod request;
mod secret;
pub mod sign;
mod user_id;

pub use client::OpClient;
pub use config::{
    default_user_agent, parse_base_url, ClientConfig, ConfigProblem, UrlProblem, DEFAULT_API_VERSION,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT,
};
pub use decode::{decode_response, ChatLookup};
pub use error::{serialised_code, OpError};
pub use request::{build_signed_request, endpoint_url, SignedRequest, CONTENT_TYPE, ENDPOINT_PATH, METHOD};
pub use secret::{Credentials, Secret};
pub use user_id::{UserId, UserIdProblem, MAX_USER_ID_CHARS, USER_ID_PUNCTUATION};
