//! Signing requests with MD5. The API's rule is undocumented, so the rule is data
//! (a [`SignRule`]) chosen per environment, never one hard-wired function.

mod rule;
mod stamp;
mod template;

pub use rule::{
    HexCase, ParseSignRuleError, SignInput, SignParam, SignRule, SignRuleProblem, SignScheme, EXAMPLE_TEMPLATE,
};
pub use stamp::{StampFormat, StampParam};
