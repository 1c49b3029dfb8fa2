//! At rest the console wakes for nothing of its own (issue 27): the thread pool zbus runs
//! the keyring's (and single-instance's) blocking work on lets its threads go once idle.
//! `blocking` 1.7.0 kept an idle thread waking every 500 ms for ever (Cargo.lock holds 1.6).
#![cfg(target_os = "linux")]

use std::time::{Duration, Instant};

/// The pool's threads of this process, by name.
fn pool_threads() -> usize {
    std::fs::read_dir("/proc/self/task")
        .expect("/proc/self/task")
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .filter(|name| name.starts_with("blocking-"))
        .count()
}

#[test]
fn the_keyring_s_thread_pool_lets_its_threads_go_when_idle() {
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    runtime.block_on(blocking::unblock(|| ()));
    assert!(pool_threads() > 0, "the pool started a thread");
    // An idle thread ends after 500 ms without work; a few seconds leave room for a slow machine.
    let deadline = Instant::now() + Duration::from_secs(5);
    while pool_threads() > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(pool_threads(), 0, "an idle pool thread still runs (and wakes twice a second) after 5 s");
}
