//! The text caret stops blinking when the operator is away, as it does in GTK's own fields.
//!
//! GTK stops a caret's blinking after `gtk-cursor-blink-timeout` seconds (10 by default)
//! without a key press or a click; WebKit blinks a focused field's caret for as long as the
//! window is shown. The search field keeps the focus all day, so the console at rest painted
//! a frame at each blink, about 100 a minute (bench/RESULTS.md). Here the console keeps
//! GTK's rule: after that long without input in any of its pages, the next blink is put off
//! for days (WebKit reads GTK's `gtk-cursor-blink-time`) and the caret is drawn steady; the
//! next key press, click or focus gives the desktop's own blink back, and the caret blinks
//! again from its next move. A desktop with blinking off, or a timeout of a day or more, is
//! left as it is. The setting is the process's: GTK's own dialogs (the file chooser) rest
//! with the pages.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use gtk::gio;
use gtk::glib::{self, SourceId};
use gtk::prelude::*;
use tauri::{Runtime, WebviewWindow, WindowEvent};

/// The blink time at rest, in ms: about eight days. Not GTK's maximum: GTK's own fields
/// compute with it and would overflow.
const RESTING_BLINK_TIME: i32 = i32::MAX / 3;

/// A timeout this long or longer means "never" (GTK allows 68 years).
const NEVER: Duration = Duration::from_secs(24 * 60 * 60);

/// WebKit's caret animation, once it has no next blink due, stays as it was, drawn or not,
/// until the caret moves: a caret moved by one character and back (one frame each) is drawn
/// again, steady. A key pressed or a click in between puts it back first (they then act where
/// the operator left it). A selection (no caret), an empty field (nowhere to move) and a
/// hidden page (no frames) are left alone.
const REDRAW_CARET: &str = r#"(() => {
  const f = document.activeElement;
  if (document.visibilityState === "hidden") return;
  if (!f || typeof f.setSelectionRange !== "function" || f.selectionStart === null) return;
  const at = f.selectionStart;
  if (at !== f.selectionEnd || f.value.length === 0) return;
  const near = at > 0 ? at - 1 : 1;
  f.setSelectionRange(near, near);
  const moved = f.selectionStart;
  let pending = true;
  const back = () => {
    if (!pending) return;
    pending = false;
    removeEventListener("keydown", back, true);
    removeEventListener("pointerdown", back, true);
    if (f.selectionStart === moved && f.selectionEnd === moved) f.setSelectionRange(at, at);
  };
  addEventListener("keydown", back, true);
  addEventListener("pointerdown", back, true);
  requestAnimationFrame(() => requestAnimationFrame(back));
})()"#;

/// GTK's settings are the process's, so this state is too: one for every followed page.
struct Blink {
    settings: gtk::Settings,
    /// The blink is put off by this rule (the blink time is ours, not the desktop's).
    resting: bool,
    last_input: Instant,
    deadline: Option<SourceId>,
    /// Each followed page's "draw the caret again", by window label (a page is followed
    /// once; a window that is gone is dropped).
    redraws: Vec<(String, Box<dyn Fn()>)>,
    /// AT-SPI's status (`org.a11y.Status`): with a screen reader on, the caret is not moved
    /// (it would announce the characters it passes).
    a11y_status: Option<gio::DBusProxy>,
}

thread_local! {
    // GTK lives on the main thread, and so do these.
    static BLINK: RefCell<Option<Blink>> = const { RefCell::new(None) };
}

/// Follows the input of `window`'s page: its key presses, clicks and focus.
pub fn follow<R: Runtime>(window: &WebviewWindow<R>) {
    let this = window.clone();
    let label = window.label().to_owned();
    let followed = window.with_webview(move |webview| {
        let Some(settings) = gtk::Settings::default() else { return };
        let first = BLINK.with_borrow_mut(|blink| {
            let first = blink.is_none();
            let blink = blink.get_or_insert_with(|| Blink {
                settings,
                resting: false,
                last_input: Instant::now(),
                deadline: None,
                redraws: Vec::new(),
                a11y_status: None,
            });
            blink.redraws.retain(|(followed, _)| *followed != label);
            blink.redraws.push((
                label.clone(),
                Box::new(move || {
                    let _ = this.eval(REDRAW_CARET);
                }),
            ));
            first
        });
        if first {
            watch_a11y_status();
        }
        let page: gtk::Widget = webview.inner().upcast();
        // Before WebKit's own handlers (these signals run the class handler last).
        page.connect_key_press_event(|_, _| input());
        page.connect_button_press_event(|_, _| input());
        page.connect_focus_in_event(|_, _| input());
        // The window's first appearance counts as input: the caret blinks at first.
        input();
    });
    if let Err(e) = followed {
        log::warn!("the caret will blink at rest: {e}");
        return;
    }
    let label = window.label().to_owned();
    window.on_window_event(move |event| {
        if let WindowEvent::Destroyed = event {
            BLINK.with_borrow_mut(|blink| {
                if let Some(blink) = blink {
                    blink.redraws.retain(|(followed, _)| *followed != label);
                }
            });
        }
    });
}

/// AT-SPI's status on the session bus, kept up to date by GIO (no call at rest). Without
/// it (no accessibility bus) no screen reader can be running.
fn watch_a11y_status() {
    gio::DBusProxy::for_bus(
        gio::BusType::Session,
        gio::DBusProxyFlags::DO_NOT_AUTO_START,
        None,
        "org.a11y.Bus",
        "/org/a11y/bus",
        "org.a11y.Status",
        gio::Cancellable::NONE,
        |proxy| {
            if let Ok(proxy) = proxy {
                BLINK.with_borrow_mut(|blink| {
                    if let Some(blink) = blink {
                        blink.a11y_status = Some(proxy);
                    }
                });
            }
        },
    );
}

fn screen_reader_on(status: Option<&gio::DBusProxy>) -> bool {
    status.and_then(|s| s.cached_property("ScreenReaderEnabled")).and_then(|v| v.get::<bool>()).unwrap_or(false)
}

fn input() -> glib::Propagation {
    let restore = BLINK.with_borrow_mut(|blink| {
        let blink = blink.as_mut()?;
        blink.last_input = Instant::now();
        if blink.deadline.is_none() {
            blink.deadline = timeout(&blink.settings).map(arm_deadline);
        }
        std::mem::take(&mut blink.resting).then(|| blink.settings.clone())
    });
    // Outside the borrow: a setting's change is announced to its listeners at once.
    if let Some(settings) = restore {
        // The desktop's value again (an operator's, or XSETTINGS'), not a copy of ours.
        settings.reset_property("gtk-cursor-blink-time");
    }
    glib::Propagation::Proceed
}

/// The desktop's blink timeout (zero: no blinking, as GTK reads it); `None`: it never stops.
fn timeout(settings: &gtk::Settings) -> Option<Duration> {
    let timeout = Duration::from_secs(settings.gtk_cursor_blink_timeout().max(0) as u64);
    (timeout < NEVER).then_some(timeout)
}

/// One timer at a time, set at most once per timeout: nothing wakes the console at rest
/// once the caret rests.
fn arm_deadline(after: Duration) -> SourceId {
    glib::timeout_add_local_once(after, || {
        let rest = BLINK.with_borrow_mut(|blink| {
            let blink = blink.as_mut()?;
            blink.deadline = None;
            let timeout = timeout(&blink.settings)?;
            let idle = blink.last_input.elapsed();
            if idle < timeout {
                blink.deadline = Some(arm_deadline(timeout - idle));
                return None;
            }
            if blink.resting || !blink.settings.is_gtk_cursor_blink() {
                return None;
            }
            blink.resting = true;
            let redraws = (!screen_reader_on(blink.a11y_status.as_ref())).then(|| std::mem::take(&mut blink.redraws));
            Some((blink.settings.clone(), redraws))
        });
        let Some((settings, redraws)) = rest else { return };
        // Not `gtk-cursor-blink` off: WebKit then re-arms its caret timer at once, for ever,
        // while the caret is drawn (CPU at rest), or leaves it undrawn. With the next blink
        // days away, no timer is armed.
        settings.set_gtk_cursor_blink_time(RESTING_BLINK_TIME);
        // After the setting (sent to WebKit as it changes): each page's caret is drawn.
        let Some(redraws) = redraws else { return };
        for (_, redraw) in &redraws {
            redraw();
        }
        BLINK.with_borrow_mut(|blink| {
            if let Some(blink) = blink {
                // Pages followed meanwhile (none: this is the main thread) come after.
                let added = std::mem::replace(&mut blink.redraws, redraws);
                blink.redraws.extend(added);
            }
        });
    })
}
