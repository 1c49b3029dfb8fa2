//! op-sim: a real HTTP server on 127.0.0.1 that plays the Op API's
//! `getChatInfoByUserId`. The desktop app's demo mode and every test above the client use
//! it; its users (one per success and failure case) live in `data/users.json`.

mod bodies;
pub mod codes;
mod config;
mod handler;
mod server;
mod sign_oracle;
mod static_images;
#[cfg(feature = "tls")]
mod tls;
mod users;

pub use bodies::{envelope_text, flood, reply_text, HTTP_500_PAGE};
pub use config::{SimConfig, DEMO_CLIENT_ID, DEMO_SECRET, DEMO_TOKEN};
pub use server::{spawn, SimHandle};
#[cfg(feature = "tls")]
pub use tls::{spawn_tls, spawn_tls_app, throwaway_ca_pem, TlsOptions, TlsSim};
pub use users::{FloodShape, Reply, SimUsers, UsersError, BUILTIN_USERS_JSON};
