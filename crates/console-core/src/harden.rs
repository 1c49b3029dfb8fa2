//! The process itself: on Linux it is made non-dumpable at start, so that no core file (and
//! no other process of the same user through ptrace or /proc/<pid>/mem) can read the
//! credentials it holds in memory.

/// Call first thing in `main`. Returns whether the process is now protected.
pub fn harden_process() -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: prctl with PR_SET_DUMPABLE takes plain integers and touches no memory of ours.
        let result = unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
        if result != 0 {
            tracing::warn!("the process could not be made non-dumpable");
        }
        result == 0
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn the_process_is_not_dumpable() {
        // SAFETY: as above; PR_GET_DUMPABLE only reads the flag.
        let before = unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) };
        assert_eq!(before, 1, "a test process starts dumpable");
        assert!(super::harden_process());
        // SAFETY: as above.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) }, 0, "the kernel says not dumpable");
    }
}
