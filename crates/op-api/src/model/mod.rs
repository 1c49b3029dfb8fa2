//! The Op API's objects, as they arrive on the wire (camelCase). Every field may be null
//! or missing, and unknown fields are ignored.

mod address;
mod channel;
mod chat_info;
mod client_app;
mod contact;
mod envelope;
mod foot;
mod location;
mod raw_text;
mod timestamp;
mod user;

pub use address::Address;
pub use channel::Channel;
pub use chat_info::ChatInfo;
pub use client_app::ClientApp;
pub use contact::Contact;
pub use envelope::{Envelope, SUCCESS_CODE};
pub use foot::Foot;
pub use location::Location;
pub use raw_text::RawText;
pub use timestamp::Timestamp;
pub use user::User;
