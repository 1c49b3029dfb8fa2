//! The Op API's objects. Every field may be null, missing or of another type than the
//! document says: the reader (`reader.rs`) takes what it can and warns about the rest;
//! unknown fields are ignored.

mod address;
mod channel;
mod chat_info;
mod client_app;
mod contact;
mod envelope;
mod foot;
mod listed;
mod location;
mod raw_text;
pub(crate) mod reader;
mod timestamp;
mod user;
mod warning;

pub use address::Address;
pub use channel::Channel;
pub use chat_info::ChatInfo;
pub use client_app::ClientApp;
pub use contact::Contact;
pub use envelope::{Envelope, NotAnEnvelope, SUCCESS_CODE};
pub use foot::Foot;
pub use listed::Listed;
pub use location::Location;
pub use raw_text::RawText;
pub use reader::MAX_WARNINGS;
pub use timestamp::{Timestamp, DEFAULT_API_UTC_OFFSET_MINUTES};
pub use user::User;
pub use warning::{FieldWarning, JsonKind, WarningProblem};
