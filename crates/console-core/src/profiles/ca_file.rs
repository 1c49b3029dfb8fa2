//! A profile's CA file (IT's internal CA, PEM): read with bounds, once per version of the
//! file. Only a regular file is opened (a FIFO would block a worker, `/dev/zero` never
//! ends), at most [`limits::CA_FILE_MAX_BYTES`] + 1 bytes are read, and a network path
//! (`\\host\share`, `//host/share`) is refused before the OS could authenticate to that
//! host. Its SHA-256 is part of the destination the credentials are bound to.

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use op_api::{ConfigProblem, OpError};
use sha2::{Digest, Sha256};

use crate::error::ConsoleError;
use crate::profiles::profile::limits;
use crate::profiles::profile_problem::{ProfileField, ProfileProblem};
use crate::support::lock::lock;

/// The bytes of a CA file whose PEM certificates the client can add as roots (one at
/// least: `op_api::roots_in`), and their SHA-256.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaFile {
    pub bytes: Arc<Vec<u8>>,
    /// Lower-case hex.
    pub sha256: String,
}

/// Versions of files read, by (path, size, modification time): a file IT replaces is read
/// again; one that did not change is not. A few profiles share a file or two.
type Cache = Mutex<HashMap<(String, u64, Option<SystemTime>), CaFile>>;
static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
const CACHE_ENTRIES: usize = 16;

/// The CA file at `path` as a lookup (and the destination it binds credentials to) needs
/// it: a file that holds no usable certificate is the profile's problem; a missing or
/// unreadable one, the configuration's (the sentence names the path).
pub fn read_ca_file_for_lookup(path: &str) -> Result<CaFile, ConsoleError> {
    read_ca_file(path).map_err(|problem| match problem {
        ProfileProblem::CaFileNoCertificate => ConsoleError::InvalidProfile { field: ProfileField::CaFile, problem },
        _ => OpError::from(ConfigProblem::CaFile { path: path.to_owned() }).into(),
    })
}

/// The CA file at `path`; a missing file and an unreadable one are the same problem. The
/// file system is touched off the async workers: on a worker of the multi-threaded
/// runtime (every command's), its other tasks move to another thread meanwhile.
pub fn read_ca_file(path: &str) -> Result<CaFile, ProfileProblem> {
    let on_worker = tokio::runtime::Handle::try_current()
        .is_ok_and(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread);
    if on_worker {
        tokio::task::block_in_place(|| read_bounded(path))
    } else {
        read_bounded(path)
    }
}

fn read_bounded(path: &str) -> Result<CaFile, ProfileProblem> {
    if is_network_or_device_path(path) {
        return Err(ProfileProblem::CaFileUnreadable);
    }
    // `metadata` does not open the file: a FIFO or device is refused without blocking.
    let meta = std::fs::metadata(path).map_err(|_| ProfileProblem::CaFileUnreadable)?;
    if !meta.is_file() {
        return Err(ProfileProblem::CaFileUnreadable);
    }
    if meta.len() > limits::CA_FILE_MAX_BYTES as u64 {
        return Err(ProfileProblem::CaFileNoCertificate);
    }
    let key = (path.to_owned(), meta.len(), meta.modified().ok());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(file) = lock(cache).get(&key) {
        return Ok(file.clone());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limits::CA_FILE_MAX_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|_| ProfileProblem::CaFileUnreadable)?;
    // The file may have grown between the look and the read. Each certificate in it must
    // be one TLS can trust: a garbled one would fail every lookup as a broken network.
    if bytes.len() > limits::CA_FILE_MAX_BYTES || op_api::roots_in(&bytes).is_none() {
        return Err(ProfileProblem::CaFileNoCertificate);
    }
    let sha256 = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    let file = CaFile { bytes: Arc::new(bytes), sha256 };
    let mut cached = lock(cache);
    if cached.len() >= CACHE_ENTRIES {
        cached.clear();
    }
    cached.insert(key, file.clone());
    Ok(file)
}

/// `\\host\share\ca.pem`, `//host/share`, `\\?\…`, `\\.\…`: never opened.
fn is_network_or_device_path(path: &str) -> bool {
    let path = path.trim();
    path.starts_with(r"\\") || path.starts_with("//") || path.starts_with(r"/\") || path.starts_with(r"\/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ca_file_is_read_with_bounds_regular_files_only() {
        let pem = op_sim::throwaway_ca_pem();
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("ca.pem");
        std::fs::write(&good, &pem).unwrap();
        let read = read_ca_file(good.to_str().unwrap()).unwrap();
        assert_eq!(read.bytes.as_slice(), pem.as_bytes());
        assert_eq!(read.sha256.len(), 64);

        // An endless device and a directory: refused at once, nothing read.
        assert_eq!(read_ca_file("/dev/zero"), Err(ProfileProblem::CaFileUnreadable));
        assert_eq!(read_ca_file(dir.path().to_str().unwrap()), Err(ProfileProblem::CaFileUnreadable));
        // Missing and unreadable read the same.
        assert_eq!(read_ca_file("/nonexistent/ca.pem"), Err(ProfileProblem::CaFileUnreadable));
        // A network path is never opened (on Windows the OS would authenticate to the host).
        for unc in [r"\\evil.example\share\ca.pem", "//evil.example/share/ca.pem", r"\\?\UNC\evil\s\ca.pem"] {
            assert_eq!(read_ca_file(unc), Err(ProfileProblem::CaFileUnreadable), "{unc}");
        }
        let big = dir.path().join("big.pem");
        std::fs::write(&big, format!("{pem}{}", "x".repeat(limits::CA_FILE_MAX_BYTES))).unwrap();
        assert_eq!(read_ca_file(big.to_str().unwrap()), Err(ProfileProblem::CaFileNoCertificate));
    }

    /// The marker alone is not a certificate: a truncated one, a key, or (where webpki
    /// judges the roots: op_api::roots_in) a garbled one is refused when the profile is
    /// saved, not at every lookup as a network that cannot start.
    #[test]
    fn a_certificate_tls_cannot_trust_is_no_certificate() {
        let pem = op_sim::throwaway_ca_pem();
        let dir = tempfile::tempdir().unwrap();
        let mut files = vec![
            ("truncated.pem", pem[..pem.len() / 2].to_owned()),
            ("key.pem", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n".to_owned()),
        ];
        if op_api::WEBPKI_JUDGES_ROOTS {
            files.push(("garbled.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".to_owned()));
        }
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            assert_eq!(read_ca_file(path.to_str().unwrap()), Err(ProfileProblem::CaFileNoCertificate), "{name}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("ca.pem");
        let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        // Opening it for reading would block until a writer came: this returns at once.
        assert_eq!(read_ca_file(fifo.to_str().unwrap()), Err(ProfileProblem::CaFileUnreadable));
    }

    #[test]
    fn read_from_an_async_worker_it_leaves_the_worker() {
        let pem = op_sim::throwaway_ca_pem();
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("ca.pem");
        std::fs::write(&good, &pem).unwrap();
        let path = good.to_str().unwrap().to_owned();
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).build().unwrap();
        let read = runtime.block_on(runtime.spawn(async move { read_ca_file(&path) })).unwrap();
        assert_eq!(read.unwrap().bytes.as_slice(), pem.as_bytes());
        let current = tokio::runtime::Builder::new_current_thread().build().unwrap();
        assert!(current.block_on(async { read_ca_file(good.to_str().unwrap()) }).is_ok());
    }

    #[test]
    fn a_replaced_file_is_read_again() {
        let pem = op_sim::throwaway_ca_pem();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, &pem).unwrap();
        let first = read_ca_file(path.to_str().unwrap()).unwrap();
        std::fs::write(&path, format!("{pem}{pem}")).unwrap();
        let second = read_ca_file(path.to_str().unwrap()).unwrap();
        assert_ne!(first.sha256, second.sha256);
    }
}
