//! Demo mode: op-sim in-process on 127.0.0.1 with its built-in users, and a profile that
//! points at it. Its credentials are op-sim's public demo ones, held in memory only.
//! Behind the default feature `demo`: without it, [`Demo`] has no profile and says why.

use std::collections::BTreeMap;

use op_api::Credentials;
use op_sim::{SimConfig, SimHandle, DEMO_CLIENT_ID, DEMO_SECRET, DEMO_TOKEN};
use tokio::sync::OnceCell;

use crate::error::ConsoleError;
use crate::profiles::profile::{CoordSystem, Profile, TileLayer, DEMO_PROFILE_ID};

/// The demo server, started on first use and kept for the console's life.
#[derive(Default)]
pub(crate) struct Demo {
    server: OnceCell<SimHandle>,
}

impl Demo {
    pub(crate) async fn profile(&self) -> Result<Profile, ConsoleError> {
        Ok(demo_profile(self.server.get_or_try_init(start_demo_server).await?))
    }

    pub(crate) fn credentials(&self) -> Result<Credentials, ConsoleError> {
        Ok(demo_credentials())
    }
}

/// The operator the demo treats as signed in: the one serving the spec's example chat.
pub const DEMO_OPERATOR_ID: &str = "o0001b41cf9f36e5a42e2a5b539593981fe32";

pub async fn start_demo_server() -> Result<SimHandle, ConsoleError> {
    op_sim::spawn(SimConfig::demo(), 0).await.map_err(|e| ConsoleError::DemoUnavailable { detail: e.to_string() })
}

/// The built-in profile for a running demo server.
pub fn demo_profile(server: &SimHandle) -> Profile {
    demo_profile_at(&server.base_url())
}

/// The demo profile for op-sim at `base`.
pub fn demo_profile_at(base: &str) -> Profile {
    let mut profile = Profile::new(DEMO_PROFILE_ID, "Demo", base, DEMO_CLIENT_ID);
    profile.coord_system = CoordSystem::Gcj02;
    profile.status_labels =
        BTreeMap::from([("3".to_owned(), "处理中 (demo)".to_owned()), ("5".to_owned(), "已结束 (demo)".to_owned())]);
    profile.operator_id = Some(DEMO_OPERATOR_ID.to_owned());
    profile.timeout_ms = 5_000;
    // op-sim's own plain tiles and placeholder images: the demo contacts nothing else.
    profile.tiles = Some(TileLayer {
        url_template: format!("{base}/tiles/{{z}}/{{x}}/{{y}}.png"),
        attribution: "Demo tiles (op-sim)".to_owned(),
        coord_system: CoordSystem::Wgs84,
    });
    profile.asset_base_url = Some(format!("{base}/assets"));
    profile
}

pub fn demo_credentials() -> Credentials {
    Credentials::new(DEMO_TOKEN, DEMO_SECRET)
}
