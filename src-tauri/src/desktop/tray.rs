use std::sync::Mutex;

use console_core::{RequestSource, TrayLabels};
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

/// The tray's menu items, kept to reword them when the page's language changes.
struct Tray<R: Runtime> {
    items: [MenuItem<R>; 3],
}

/// Shows the tray (Show, Look up clipboard, Quit) in the page's words, or rewords it.
/// A desktop without a tray host simply does not show it.
pub fn show_tray<R: Runtime>(app: &AppHandle<R>, labels: &TrayLabels) {
    let texts = [&labels.show, &labels.look_up_clipboard, &labels.quit];
    if let Some(tray) = app.try_state::<Mutex<Tray<R>>>() {
        let tray = tray.lock().unwrap_or_else(|e| e.into_inner());
        for (item, text) in tray.items.iter().zip(texts) {
            let _ = item.set_text(text.as_str());
        }
        return;
    }
    if let Err(e) = build(app, texts) {
        log::warn!("no tray icon: {e}");
    }
}

fn build<R: Runtime>(app: &AppHandle<R>, [show, look_up, quit]: [&String; 3]) -> tauri::Result<()> {
    let items = [
        MenuItem::with_id(app, "show", show, true, None::<&str>)?,
        MenuItem::with_id(app, "look-up-clipboard", look_up, true, None::<&str>)?,
        MenuItem::with_id(app, "quit", quit, true, None::<&str>)?,
    ];
    let menu = Menu::with_items(app, &[&items[0], &items[1], &items[2]])?;
    let mut builder = TrayIconBuilder::with_id("main").menu(&menu).tooltip("Op Console").on_menu_event(|app, event| {
        match event.id().as_ref() {
            "show" => super::show_main_window(app),
            "look-up-clipboard" => super::look_up_clipboard(app, RequestSource::Tray),
            "quit" => app.exit(0),
            _ => {}
        }
    });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    app.manage(Mutex::new(Tray { items }));
    Ok(())
}
