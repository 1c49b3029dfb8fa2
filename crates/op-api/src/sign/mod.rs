//! Signing requests with MD5. The API's rule is undocumented, so the rule is data
//! (a [`SignRule`]) chosen per environment, never one hard-wired function.

mod rule;
mod stamp;
mod template;

pub use rule::{HexCase, SignInput, SignRule, SignRuleError, SignScheme};
pub use stamp::{StampFormat, StampParam};
