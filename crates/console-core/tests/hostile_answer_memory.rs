//! A hostile answer cannot blow up memory: for each of op-sim's 2 MiB worst cases, the
//! whole path an answer takes (HTTP body, decoding, the view, the JSON the page receives
//! and the raw view) allocates at most 32 MiB above what the console held before it.
//! Counted by this test binary's own allocator: bytes, not timings, so the figure is the
//! same on every machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use console_core::{Console, Vault};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout, passed on as it came.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const BUDGET_BYTES: usize = 32 * 1024 * 1024;
const MIB: f64 = 1024.0 * 1024.0;

#[tokio::test(flavor = "current_thread")]
async fn a_hostile_answer_stays_within_32_mib_over_idle() {
    let dirs = tempfile::tempdir().unwrap();
    let console = Console::open(&dirs.path().join("config"), &dirs.path().join("data"), Vault::mock()).unwrap();
    // Idle: the demo's server started, one ordinary lookup done.
    console.lookup(None, "u00012b2e588bd93843168dfb67ae12cc2ee9").await.unwrap();

    let mut figures = Vec::new();
    for user in ["u0001-flood-lists", "u0001-flood-deep", "u0001-flood-warnings", "u0001-flood-keys"] {
        let idle = CURRENT.load(Ordering::Relaxed);
        PEAK.store(idle, Ordering::Relaxed);
        let answer = console.lookup(None, user).await.unwrap_or_else(|e| panic!("{user}: {e:?}"));
        let to_page = serde_json::to_string(&answer).unwrap();
        let raw = console.raw_answer(answer.lookup_id);
        let peak = PEAK.load(Ordering::Relaxed) - idle;
        println!(
            "{user}: peak {:.1} MiB over idle; {:.1} KiB to the page; raw view {:.1} KiB",
            peak as f64 / MIB,
            to_page.len() as f64 / 1024.0,
            raw.as_deref().map_or(0, str::len) as f64 / 1024.0
        );
        figures.push((user, peak, to_page.len()));
        drop((answer, to_page, raw));
    }
    for (user, peak, to_page) in figures {
        assert!(peak <= BUDGET_BYTES, "{user}: {:.1} MiB over idle (budget 32 MiB)", peak as f64 / MIB);
        assert!(to_page <= 256 * 1024, "{user}: {to_page} bytes of JSON to the page");
    }
}
