//! One way to take a lock: a panic elsewhere (poisoning) must not stop the console, whose
//! state under each lock stays valid between statements.

use std::sync::{Mutex, MutexGuard};

pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
