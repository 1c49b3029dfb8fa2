//! The console's updates: a check at start and then at the plan's interval, a check when
//! the operator asks, and an install only when the operator says so. Every result goes to
//! the page as an [`UpdateStatus`]; nothing here opens a dialog or blocks the window.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use console_core::updates::{
    clean_notes, fetch_manifest, fetch_package, AvailableUpdate, UpdateNetwork, UpdateOutcome, UpdatePlan,
    UpdateProgress, UpdateStatus, UpdatesOff, MANIFEST_LIMITS, PACKAGE_LIMITS,
};
use console_core::{lock, Console};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_updater::Update;

use super::{build, client, outcome};

pub struct Updates {
    plan: Result<UpdatePlan, UpdatesOff>,
    status: Mutex<UpdateStatus>,
    /// The update the last check found, ready to download, and IT's network for it.
    found: Mutex<Option<(Update, UpdateNetwork)>>,
    /// Versions whose package failed verification: not offered again while the console runs.
    refused: Mutex<Vec<String>>,
    /// The page, told of every new status.
    watcher: Mutex<Option<Channel<UpdateStatus>>>,
    /// One check or install at a time.
    busy: tokio::sync::Mutex<()>,
    /// The periodic checks have started.
    checking: AtomicBool,
}

impl Updates {
    pub fn new<R: Runtime>(app: &AppHandle<R>, console: &Console) -> Self {
        let plan = console.update_plan(&build::build_updates(app));
        match &plan {
            Ok(plan) => log::info!("updates: from {} every {} h", plan.endpoint, plan.every.as_secs() / 3600),
            Err(off) => log::info!("updates: off ({off:?})"),
        }
        let status = UpdateStatus::new(
            &app.package_info().version.to_string(),
            plan.as_ref().err().copied(),
            plan.as_ref().is_ok_and(|p| p.mirror),
            build::can_install(),
        );
        Self {
            plan,
            status: Mutex::new(status),
            found: Mutex::new(None),
            refused: Mutex::new(Vec::new()),
            watcher: Mutex::new(None),
            busy: tokio::sync::Mutex::new(()),
            checking: AtomicBool::new(false),
        }
    }

    pub fn status(&self) -> UpdateStatus {
        lock(&self.status).clone()
    }

    /// The page's channel for every later status; the current one is returned.
    pub fn watch(&self, statuses: Channel<UpdateStatus>) -> UpdateStatus {
        *lock(&self.watcher) = Some(statuses);
        self.status()
    }

    fn publish(&self, change: impl FnOnce(&mut UpdateStatus)) -> UpdateStatus {
        let status = {
            let mut status = lock(&self.status);
            change(&mut status);
            status.clone()
        };
        if let Some(watcher) = lock(&self.watcher).as_ref() {
            let _ = watcher.send(status.clone());
        }
        status
    }

    /// Asks the endpoint whether there is a newer version (nothing when updates are off).
    pub async fn check<R: Runtime>(&self, app: &AppHandle<R>, console: &Console) -> UpdateStatus {
        let Ok(plan) = &self.plan else { return self.status() };
        let _one = self.busy.lock().await;
        let checked = match console.update_network(&plan.endpoint) {
            Err(e) => {
                log::warn!("update check: IT's network settings cannot be used: {e}");
                Err(UpdateOutcome::Unreachable)
            }
            Ok(network) => {
                match fetch_manifest(&network, &plan.endpoint_url(&client::endpoint_values(app)), MANIFEST_LIMITS).await
                {
                    Err(problem) => {
                        log::info!("update check failed: {problem}");
                        Err(outcome::of_fetch(&problem))
                    }
                    Ok(None) => Ok(None),
                    // The plugin reads it: the version, this platform's package and signature.
                    Ok(Some(manifest)) => client::updater(app, plan)
                        .and_then(|updater| updater.restore_update(manifest))
                        .map(|found| found.map(|update| (update, network)))
                        .map_err(|e| {
                            log::info!("update check: the manifest cannot be used: {e}");
                            outcome::of_check(&e)
                        }),
                }
            }
        };
        let (result, available) = match checked {
            // The package's address is the manifest's: held to IT's hosts and https too.
            Ok(Some((update, network))) if !network.allows(&update.download_url) => {
                log::warn!("update {}: its package is at a place updates may not go", update.version);
                *lock(&self.found) = None;
                (UpdateOutcome::BadManifest, None)
            }
            Ok(Some((update, _))) if lock(&self.refused).contains(&update.version) => {
                *lock(&self.found) = None;
                (UpdateOutcome::BadSignature, None)
            }
            Ok(Some((update, network))) => {
                let available =
                    AvailableUpdate { version: update.version.clone(), notes: clean_notes(update.body.as_deref()) };
                *lock(&self.found) = Some((update, network));
                (UpdateOutcome::Available, Some(available))
            }
            Ok(None) => {
                *lock(&self.found) = None;
                (UpdateOutcome::UpToDate, None)
            }
            // The server could not be reached: what it offered before still stands. Any
            // other answer withdraws it (IT may have pulled the release).
            Err(UpdateOutcome::Unreachable) => (UpdateOutcome::Unreachable, None),
            Err(result) => {
                *lock(&self.found) = None;
                (result, None)
            }
        };
        log::info!("update check: {result:?}");
        self.publish(|status| status.checked_now(result, available))
    }

    /// Downloads the update found — the version the operator was shown, no other — checks
    /// its signature, installs it off the async workers (the package manager may ask for a
    /// password), and restarts into it. What is pending is written first: on Windows the
    /// installer ends the process without the exit handler. A download or install that fails
    /// leaves the installed version as it was and says why.
    pub async fn install<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        console: &Console,
        version: &str,
        progress: Channel<UpdateProgress>,
    ) -> UpdateStatus {
        let _one = self.busy.lock().await;
        let found = lock(&self.found).clone();
        let Some((update, network)) = found.filter(|(u, _)| u.version == version && self.status().can_install) else {
            return self.status();
        };
        if !network.allows(&update.download_url) {
            return self.status();
        }
        if let Err(e) = console.save_recent() {
            log::warn!("recent lookups not saved before the update: {e}");
        }
        let bytes = fetch_package(&network, &update.download_url, PACKAGE_LIMITS, |downloaded, total| {
            let _ = progress.send(UpdateProgress { downloaded, total });
        })
        .await;
        let installed = match bytes {
            Err(problem) => {
                log::warn!("update {} not downloaded: {problem}", update.version);
                Err(UpdateOutcome::DownloadFailed)
            }
            // `install` checks the signature first: a package that does not match is not installed.
            Ok(bytes) => {
                let package = update.clone();
                tokio::task::spawn_blocking(move || package.install(bytes))
                    .await
                    .unwrap_or_else(|e| Err(tauri_plugin_updater::Error::Network(format!("the install stopped: {e}"))))
                    .map_err(|e| {
                        log::warn!("update {} not installed: {e}", update.version);
                        outcome::of_install(&e)
                    })
            }
        };
        match installed {
            Ok(()) => {
                log::info!("update {} installed: restarting", update.version);
                self.publish(|status| status.outcome = UpdateOutcome::Installed);
                // The exit handler writes what is pending (the recent list) first.
                app.restart()
            }
            Err(result) => {
                if result == UpdateOutcome::BadSignature {
                    lock(&self.refused).push(update.version.clone());
                    *lock(&self.found) = None;
                }
                self.publish(|status| status.outcome = result)
            }
        }
    }

    /// The first check once the page is ready (off the start's path), then one every interval
    /// of the plan, for as long as the console runs. Called at every `ui_ready`; starts once.
    pub fn start_checks<R: Runtime>(&self, app: &AppHandle<R>) {
        if self.plan.is_err() || self.checking.swap(true, Ordering::SeqCst) {
            return;
        }
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            let (Some(updates), Some(console)) = (app.try_state::<Updates>(), app.try_state::<Console>()) else {
                return;
            };
            let Ok(plan) = &updates.plan else { return };
            loop {
                updates.check(&app, &console).await;
                tokio::time::sleep(plan.every).await;
            }
        });
    }
}
