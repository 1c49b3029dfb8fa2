//! The process itself: on Linux it is made non-dumpable at start, so that no core file (and
//! no other process of the same user through ptrace or /proc/<pid>/mem) can read the
//! credentials it holds in memory. Its core size limit is set to 0 too: WebKit's web and
//! network processes, started later, inherit that limit (the dumpable flag is reset by
//! their exec), and they hold customer data and what the operator types.

/// Call first thing in `main`, before any child process starts. Returns whether the
/// process is now protected.
pub fn harden_process() -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: prctl with PR_SET_DUMPABLE takes plain integers and touches no memory of ours.
        let result = unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) };
        if result != 0 {
            tracing::warn!("the process could not be made non-dumpable");
        }
        let none = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: setrlimit reads the struct we pass; lowering a limit needs no privilege.
        let limited = unsafe { libc::setrlimit(libc::RLIMIT_CORE, &none) };
        if limited != 0 {
            tracing::warn!("the core file size could not be limited to 0");
        }
        result == 0 && limited == 0
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
        // A child started after (as WebKit's processes are) can write no core file.
        let child = std::process::Command::new("sh").args(["-c", "ulimit -c; ulimit -H -c"]).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&child.stdout), "0\n0\n", "the child's soft and hard core limits");
    }
}
