//! The clipboard through GTK, on the main thread where GTK lives. Reads are asked for and
//! answered by the main loop (never a nested loop), so a slow selection owner delays only
//! the answer, never the window.

use std::time::Duration;

use gtk::gdk::{Atom, SELECTION_CLIPBOARD};
use gtk::{Clipboard, TargetEntry, TargetFlags};
use tauri::{AppHandle, Runtime};
use tokio::sync::oneshot;

/// How long an owner of the clipboard may take to hand its text over.
const READ_TIMEOUT: Duration = Duration::from_secs(2);

/// The targets a copied text is offered as (what `gtk_clipboard_set_text` offers).
const TEXT_TARGETS: [&str; 6] =
    ["UTF8_STRING", "text/plain;charset=utf-8", "text/plain", "STRING", "TEXT", "COMPOUND_TEXT"];

/// KDE's and most clipboard managers' sign to keep no history of a copy (what arboard's
/// `exclude_from_history` offers on Linux).
const SECRET_HINT_TARGET: &str = "x-kde-passwordManagerHint";
const SECRET_HINT: &[u8] = b"secret";

const TEXT_INFO: u32 = 0;
const HINT_INFO: u32 = 1;

/// Runs `job` with the clipboard on the main thread and waits for what it sends back.
async fn on_main_thread<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    job: impl FnOnce(Clipboard, oneshot::Sender<T>) + Send + 'static,
) -> Option<T> {
    let (answer, answered) = oneshot::channel();
    app.run_on_main_thread(move || job(Clipboard::get(&SELECTION_CLIPBOARD), answer)).ok()?;
    answered.await.ok()
}

/// The clipboard's text; `None` when it holds none (or its owner did not answer in time).
pub async fn read_text<R: Runtime>(app: &AppHandle<R>) -> Option<String> {
    let read = on_main_thread(app, |clipboard, answer| {
        clipboard.request_text(move |_, text| {
            let _ = answer.send(text.map(str::to_owned));
        });
    });
    tokio::time::timeout(READ_TIMEOUT, read).await.ok().flatten().flatten()
}

/// Puts `text` on the clipboard. `secret`: with the hint that asks clipboard managers to
/// keep no history of it.
pub async fn write_text<R: Runtime>(app: &AppHandle<R>, text: String, secret: bool) -> Result<(), String> {
    let written = on_main_thread(app, move |clipboard, answer| {
        let done = if secret {
            let mut targets: Vec<TargetEntry> =
                TEXT_TARGETS.iter().map(|t| TargetEntry::new(t, TargetFlags::empty(), TEXT_INFO)).collect();
            targets.push(TargetEntry::new(SECRET_HINT_TARGET, TargetFlags::empty(), HINT_INFO));
            clipboard.set_with_data(&targets, move |_, data, info| {
                if info == HINT_INFO {
                    data.set(&Atom::intern(SECRET_HINT_TARGET), 8, SECRET_HINT);
                } else {
                    data.set_text(&text);
                }
            })
        } else {
            clipboard.set_text(&text);
            true
        };
        let _ = answer.send(done);
    })
    .await;
    match written {
        Some(true) => Ok(()),
        Some(false) => Err("the clipboard did not take the text".into()),
        None => Err("the window's thread did not answer".into()),
    }
}

/// Empties the clipboard if this process still holds it (GTK leaves another owner's alone).
pub async fn clear<R: Runtime>(app: &AppHandle<R>) -> Result<(), String> {
    on_main_thread(app, |clipboard, answer| {
        clipboard.clear();
        let _ = answer.send(());
    })
    .await
    .ok_or_else(|| "the window's thread did not answer".into())
}
