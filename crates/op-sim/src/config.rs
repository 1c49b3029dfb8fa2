//! What the simulated server accepts: one client, one token, one secret, one sign rule.

use op_api::sign::SignRule;

use crate::users::SimUsers;

/// Demo credentials: public, fake, and accepted only by op-sim. Never a real account's.
pub const DEMO_CLIENT_ID: &str = "0123456789abcdef0123456789abcdef";
pub const DEMO_TOKEN: &str = "o0001-demo-token-not-secret";
pub const DEMO_SECRET: &str = "demo-signing-secret-not-secret";

#[derive(Clone, Debug)]
pub struct SimConfig {
    pub client_id: String,
    pub token: String,
    pub secret: String,
    pub sign_rule: SignRule,
    pub api_version: String,
    pub users: SimUsers,
}

impl SimConfig {
    /// The demo: the built-in users, the demo credentials and the default sign rule.
    pub fn demo() -> Self {
        Self {
            client_id: DEMO_CLIENT_ID.to_owned(),
            token: DEMO_TOKEN.to_owned(),
            secret: DEMO_SECRET.to_owned(),
            sign_rule: SignRule::default(),
            api_version: op_api::DEFAULT_API_VERSION.to_owned(),
            users: SimUsers::builtin(),
        }
    }
}
