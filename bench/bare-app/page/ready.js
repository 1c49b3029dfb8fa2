// Ready for input: the field has focus. Tell the backend, as Op Console's page does.
document.getElementById("field").focus();
window.__TAURI_INTERNALS__.invoke("ui_ready");
