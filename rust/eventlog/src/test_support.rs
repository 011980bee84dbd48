//! Helpers for the unit tests: small piers written by [`Writer`], direct
//! LMDB edits to corrupt them, and snapshots of a pier's files.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::epoch::{self, EVENTS_TABLE};
use crate::event::{Event, EventKey};
use crate::lmdb::{Access, Dbi, Env, Txn};
use crate::meta::{self, Meta};
use crate::writer::Writer;

/// META of the test piers: fake ~zod, life 2.
pub(crate) fn test_meta() -> Meta {
    Meta::new(0, true, 2)
}

/// A deterministic event `n` with a jam of 1..=7 bytes.
pub(crate) fn event(n: u64) -> Event {
    let len = 1 + (n % 7) as usize;
    Event {
        number: n,
        mug: (n as u32).wrapping_mul(0x9e37_79b9),
        jam: (0..len).map(|i| (n as u8).wrapping_add(i as u8)).collect(),
    }
}

/// Events `from..=to`.
pub(crate) fn events(from: u64, to: u64) -> Vec<Event> {
    (from..=to).map(event).collect()
}

/// A pier whose epochs end at `ends`: `&[3, 6, 9]` gives `0i0` (1-3), `0i3`
/// (4-6), `0i6` (7-9). The writer is closed on return.
pub(crate) fn make_pier(ends: &[u64]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Writer::create(dir.path(), &test_meta()).unwrap();
    let mut last = 0;
    for (i, &end) in ends.iter().enumerate() {
        if i > 0 {
            writer.roll().unwrap();
        }
        writer.append(&events(last + 1, end)).unwrap();
        last = end;
    }
    dir
}

/// `<pier>/.urb/log`.
pub(crate) fn log_dir(pier: &Path) -> PathBuf {
    pier.join(".urb").join("log")
}

/// The directory of epoch `base`.
pub(crate) fn epoch_dir(pier: &Path, base: u64) -> PathBuf {
    log_dir(pier).join(epoch::dir_name(base))
}

/// Opens the environment in `dir` read-write and runs `edit` in one write
/// transaction with its META table and (if present) EVENTS table.
pub(crate) fn edit_env(dir: &Path, edit: impl FnOnce(&mut Txn<'_>, Dbi, Option<Dbi>)) {
    let env = Env::open(dir, Access::Write).unwrap();
    let meta = env.open_db(meta::TABLE, false, false).unwrap().unwrap();
    let events = env.open_db(EVENTS_TABLE, true, false).unwrap();
    let mut txn = env.write_txn().unwrap();
    edit(&mut txn, meta, events);
    txn.commit().unwrap();
}

/// Deletes event `n` from the epoch in `dir`.
pub(crate) fn delete_event(dir: &Path, n: u64) {
    edit_env(dir, |txn, _, events| {
        assert!(txn
            .del(events.unwrap(), EventKey::new(n).as_bytes())
            .unwrap());
    });
}

/// Stores `value` as event `n` in the epoch in `dir` (overwriting).
pub(crate) fn put_event(dir: &Path, n: u64, value: &[u8]) {
    edit_env(dir, |txn, _, events| {
        txn.put(events.unwrap(), EventKey::new(n).as_bytes(), value, false)
            .unwrap();
    });
}

/// Every file under `dir` with its content; `lock.mdb` files are listed
/// without content (LMDB's lock file changes whenever anyone opens the
/// environment with locking).
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.insert(path.clone(), None);
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == "lock.mdb") {
                files.insert(path, None);
            } else {
                let content = fs::read(&path).unwrap();
                files.insert(path, Some(content));
            }
        }
    }
    files
}
