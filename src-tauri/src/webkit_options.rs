//! Options for the page's JavaScript engine (JavaScriptCore). WebKit reads them from the
//! environment of its web process, which inherits this process's.

/// Every collection of the page's heap is a full one. With generational collection the
/// page's memory climbed after 1,500–4,000 lookups, by 64 to 119 MiB above idle at 5,000
/// (three runs of bench/measure.mjs), until a rare full collection; with full collections
/// only it stayed at its plateau through 5,000 lookups in three runs out of three. The
/// page's live heap is small (3–5 MiB), so a full collection costs little: the lookup
/// latencies were the same.
const OPTIONS: &[(&str, &str)] = &[("JSC_useGenerationalGC", "false")];

/// At the very start, before any thread exists (the environment is the process's). A value
/// set from outside (support tuning a desktop) wins.
pub fn prepare() {
    for (name, value) in OPTIONS {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}
