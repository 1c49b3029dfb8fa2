//! The text caret stops blinking when the operator is away, as it does in GTK's own fields.
//!
//! GTK stops a caret's blinking after `gtk-cursor-blink-timeout` seconds (10 by default)
//! without a key press or a click; WebKit blinks a focused field's caret for as long as the
//! window is shown. The search field keeps the focus all day, so the console at rest painted
//! a frame at each blink, about 100 a minute (bench/RESULTS.md). Here the console keeps
//! GTK's rule: after that long without input in any of its windows, the next blink is put
//! off for weeks (WebKit reads GTK's `gtk-cursor-blink-time`) and the caret is drawn
//! steady; the next key press, click or focus gives the desktop's own blink back, and the
//! caret blinks again from its next move. A desktop with blinking off, or a timeout of a
//! day or more, is left as it is.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use gtk::glib::{self, SourceId};
use gtk::prelude::*;
use tauri::{Runtime, WebviewWindow};

/// GTK's settings, shared by every window of the process (and so by this state).
struct Blink {
    settings: gtk::Settings,
    /// Blinking is put off by this rule (the blink time is ours, not the desktop's).
    stopped: bool,
    last_input: Instant,
    deadline: Option<SourceId>,
    /// Each followed page's "draw the caret again" (false once its window is gone).
    redraws: Vec<Box<dyn Fn() -> bool>>,
}

/// WebKit's caret animation, once it has no next blink due, stays as it was, drawn or not,
/// until the caret moves: a caret moved by one character and back (one frame each) is drawn
/// again, steady. A key pressed in between puts the caret back first (the key then acts where
/// the operator left it); a click places it itself. A selection (no caret) and an empty field
/// (nowhere to move) are left alone.
const REDRAW_CARET: &str = r#"(() => {
  const f = document.activeElement;
  if (!f || typeof f.setSelectionRange !== "function" || f.selectionStart === null) return;
  const at = f.selectionStart;
  if (at !== f.selectionEnd || f.value.length === 0) return;
  const near = at > 0 ? at - 1 : 1;
  let pending = true;
  const settle = (back) => {
    if (!pending) return;
    pending = false;
    removeEventListener("keydown", onKey, true);
    removeEventListener("pointerdown", onPointer, true);
    if (back && f.selectionStart === near && f.selectionEnd === near) f.setSelectionRange(at, at);
  };
  const onKey = () => settle(true);
  const onPointer = () => settle(false);
  addEventListener("keydown", onKey, true);
  addEventListener("pointerdown", onPointer, true);
  f.setSelectionRange(near, near);
  requestAnimationFrame(() => requestAnimationFrame(() => settle(true)));
})()"#;

thread_local! {
    // GTK lives on the main thread, and so do these.
    static BLINK: RefCell<Option<Blink>> = const { RefCell::new(None) };
}

/// Follows the input of `window`'s page: its key presses, clicks and focus.
pub fn follow<R: Runtime>(window: &WebviewWindow<R>) {
    let this = window.clone();
    let followed = window.with_webview(move |webview| {
        let Some(settings) = gtk::Settings::default() else { return };
        BLINK.with_borrow_mut(|blink| {
            let blink = blink.get_or_insert_with(|| Blink {
                settings,
                stopped: false,
                last_input: Instant::now(),
                deadline: None,
                redraws: Vec::new(),
            });
            blink.redraws.push(Box::new(move || this.eval(REDRAW_CARET).is_ok()));
        });
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
    }
}

fn input() -> glib::Propagation {
    let restore = BLINK.with_borrow_mut(|blink| {
        let blink = blink.as_mut()?;
        blink.last_input = Instant::now();
        if blink.deadline.is_none() {
            blink.deadline = timeout(&blink.settings).map(at);
        }
        std::mem::take(&mut blink.stopped).then(|| blink.settings.clone())
    });
    // Outside the borrow: a setting's change is announced to its listeners at once.
    if let Some(settings) = restore {
        // The desktop's value again (an operator's, or XSETTINGS'), not a copy of ours.
        settings.reset_property("gtk-cursor-blink-time");
    }
    glib::Propagation::Proceed
}

/// A timeout this long or longer means "never" (GTK's maximum is 68 years).
const NEVER: Duration = Duration::from_secs(24 * 60 * 60);

/// The desktop's blink timeout (zero: no blinking, as GTK reads it); `None`: it never stops.
fn timeout(settings: &gtk::Settings) -> Option<Duration> {
    let timeout = Duration::from_secs(settings.gtk_cursor_blink_timeout().max(0) as u64);
    (timeout < NEVER).then_some(timeout)
}

/// One timer at a time, set at most once per timeout: nothing wakes the console at rest
/// once blinking has stopped.
fn at(after: Duration) -> SourceId {
    glib::timeout_add_local_once(after, || {
        let stop = BLINK.with_borrow_mut(|blink| {
            let blink = blink.as_mut()?;
            blink.deadline = None;
            let timeout = timeout(&blink.settings)?;
            let resting = blink.last_input.elapsed();
            if resting < timeout {
                blink.deadline = Some(at(timeout - resting));
                return None;
            }
            let stop = !blink.stopped && blink.settings.is_gtk_cursor_blink();
            blink.stopped |= stop;
            stop.then(|| blink.settings.clone())
        });
        if let Some(settings) = stop {
            // Not `gtk-cursor-blink` off: WebKit then re-arms its caret timer at once, for
            // ever, while the caret is drawn (CPU at rest), or leaves it undrawn. With the
            // next blink weeks away, no timer is armed.
            settings.set_gtk_cursor_blink_time(i32::MAX);
            // After the setting (sent to WebKit as it changes): the caret moves and is drawn.
            BLINK.with_borrow_mut(|blink| {
                if let Some(blink) = blink {
                    blink.redraws.retain(|redraw| redraw());
                }
            });
        }
    })
}
