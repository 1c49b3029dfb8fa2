//! Options for the page's JavaScript engine (JavaScriptCore). WebKit reads them from the
//! environment of its web process, which inherits this process's.

/// How the page's heap is collected. Its live JavaScript heap is small (3–5 MiB), and each
/// lookup's answer and update leave garbage that lives as long as the result is shown.
///
/// - Every collection is a full one (`useGenerationalGC`): with generational collection
///   the page's memory climbed after 1,500–4,000 lookups, by 64 to 119 MiB above idle at
///   5,000 (three runs), until a rare full collection; with full collections only it came
///   back to its plateau all along (six runs).
/// - A collection is due after 8 MiB of heap rather than 32 (`largeHeapSize`, the floor
///   under JavaScriptCore's twice-the-live-heap rule): the highest excursion above the
///   plateau, garbage waiting at rest for the next collection, went from 21–32 MiB (six
///   runs) to 9–19 (five runs).
///
/// - No optimising top tier (`useFTLJIT`): the page's code runs a few milliseconds per
///   lookup, which the tier below (DFG) serves as fast, and FTL's compilations cost CPU on
///   the JIT threads and memory: over 820 lookups (two runs each) the web process used
///   2 ms less CPU per lookup and ended 2–3.5 MiB smaller.
///
/// The lookup latencies were the same with each (bench/RESULTS.md has the runs).
const OPTIONS: &[(&str, &str)] =
    &[("JSC_useGenerationalGC", "false"), ("JSC_largeHeapSize", "8388608"), ("JSC_useFTLJIT", "false")];

/// At the very start, before any thread exists (the environment is the process's). A value
/// set from outside (support tuning a desktop) wins. A program the console starts (the
/// browser that "Open in map" launches through xdg-open) inherits them as well: other
/// engines ignore them; a WebKit-based browser started that way collects as the console
/// does, at some cost in its own speed. Unsetting them once WebKit has started its
/// processes would race with the threads then running.
pub fn prepare() {
    for (name, value) in OPTIONS {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_each_option_unless_it_was_set_from_outside() {
        // Nothing else in this test binary reads these variables.
        std::env::set_var("JSC_useGenerationalGC", "true");
        std::env::remove_var("JSC_largeHeapSize");
        std::env::remove_var("JSC_useFTLJIT");
        prepare();
        assert_eq!(std::env::var("JSC_useGenerationalGC").as_deref(), Ok("true"));
        assert_eq!(std::env::var("JSC_largeHeapSize").as_deref(), Ok("8388608"));
        assert_eq!(std::env::var("JSC_useFTLJIT").as_deref(), Ok("false"));
    }
}
