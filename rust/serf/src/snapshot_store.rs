//! The serf's side of `data.pma`: turning the kernel into the snapshot
//! payload and back. The file format, atomic save and integrity checks are
//! `mars-snapshot`'s; this file only knows what the payload means.
//!
//! Payload kind 1: `jam([%mars-v1 kernel cold])`, where `cold` is the jet
//! cold state (`Runtime::cold_noun`), so a restarted serf is jetted without
//! re-running the registering code. On load the kernel's mug must equal the
//! header's. A snapshot that fails any check is moved aside (never
//! deleted) with a message, and the serf starts as if there were none.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;

use nix::fcntl::{Flock, FlockArg};

use mars_nock::Runtime;
use mars_noun::{mug, Noun};
use mars_snapshot::{Meta, Store};
use thiserror::Error;

/// Payload kind: jam of `[%mars-v1 kernel cold]`.
const KIND_JAM: u32 = 1;
/// `%mars-v1`
fn tag(rt: &mut Runtime) -> Noun {
    rt.heap.atom_str("mars-v1")
}

#[derive(Debug, Error)]
pub enum SnapshotError {
    #[error("cannot open the snapshot directory: {0}")]
    Open(String),
    #[error("{path} is locked by another mars process{holder}: one serf per pier")]
    Locked { path: String, holder: String },
    #[error("cannot save the snapshot: {0}")]
    Save(String),
}

/// A loaded snapshot.
#[derive(Debug)]
pub struct Loaded {
    pub kernel: Noun,
    pub event: u64,
    pub mug: u32,
}

pub struct SnapshotStore {
    store: Store,
    /// Held for the life of the store: one mars process per pier.
    _lock: Flock<File>,
}

/// Take `<pier>/.urb/chk/mars.lock` (an advisory `flock`, released by the
/// kernel when the process dies) and write our pid into it.
fn lock(pier: &Path) -> Result<Flock<File>, SnapshotError> {
    let path = pier.join(".urb/chk/mars.lock");
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| SnapshotError::Open(format!("{}: {e}", path.display())))?;
    match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
        Ok(mut held) => {
            let _ = held.set_len(0);
            let _ = held.write_all(format!("{}\n", std::process::id()).as_bytes());
            Ok(held)
        }
        Err((mut file, _)) => {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            let pid = pid.trim();
            Err(SnapshotError::Locked {
                path: pier.display().to_string(),
                holder: if pid.is_empty() {
                    String::new()
                } else {
                    format!(" (pid {pid})")
                },
            })
        }
    }
}

impl SnapshotStore {
    pub fn open(pier: &Path) -> Result<SnapshotStore, SnapshotError> {
        let store = Store::open(pier).map_err(|e| SnapshotError::Open(e.to_string()))?;
        let lock = lock(pier)?;
        Ok(SnapshotStore { store, _lock: lock })
    }

    /// Load and verify; a bad snapshot is quarantined and reported on stderr.
    pub fn load(&mut self, rt: &mut Runtime) -> Option<Loaded> {
        let (meta, payload) = match self.store.load() {
            Ok(Some(x)) => x,
            Ok(None) => return None,
            Err(e) => {
                self.reject(&e.to_string());
                return None;
            }
        };
        if meta.payload_kind != KIND_JAM {
            self.reject(&format!("unknown payload kind {}", meta.payload_kind));
            return None;
        }
        let noun = match mars_serial::cue(&mut rt.heap, &payload) {
            Ok(n) => n,
            Err(e) => {
                self.reject(&format!("payload does not cue: {e}"));
                return None;
            }
        };
        let expected = tag(rt);
        let parts = noun.cell_parts().and_then(|(t, rest)| {
            let (k, cold) = rest.cell_parts()?;
            mars_noun::noun_eq(t, expected).then_some((k, cold))
        });
        let Some((kernel, cold)) = parts else {
            self.reject("payload is not [%mars-v1 kernel cold]");
            return None;
        };
        if !rt.restore_cold(cold) {
            self.reject("malformed jet cold state");
            return None;
        }
        let actual = mug(kernel);
        if actual != meta.mug {
            self.reject(&format!(
                "kernel mug {actual:#x} differs from the header's {:#x}",
                meta.mug
            ));
            return None;
        }
        Some(Loaded {
            kernel,
            event: meta.event,
            mug: meta.mug,
        })
    }

    fn reject(&mut self, why: &str) {
        match self.store.quarantine(why) {
            Ok(moved) => eprintln!(
                "mars: snapshot {} is not usable ({why}); moved it to {} and starting without it",
                self.store.path().display(),
                moved.display()
            ),
            Err(e) => eprintln!(
                "mars: snapshot {} is not usable ({why}) and could not be moved aside: {e}",
                self.store.path().display()
            ),
        }
    }

    /// Save `kernel` at `event` atomically.
    pub fn save(
        &mut self,
        rt: &mut Runtime,
        kernel: Noun,
        event: u64,
        kernel_mug: u32,
    ) -> Result<(), SnapshotError> {
        let t = tag(rt);
        let cold = rt.cold_noun();
        let noun = rt.heap.tuple(&[t, kernel, cold]);
        let payload = mars_serial::jam(noun);
        let meta = Meta {
            event,
            mug: kernel_mug,
            payload_kind: KIND_JAM,
        };
        self.store
            .save(&meta, &payload)
            .map_err(|e| SnapshotError::Save(e.to_string()))
    }
}
