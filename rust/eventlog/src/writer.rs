//! Writing an event log: create a new pier log, append events, roll a new
//! epoch. For our tools and tests only; the serf never writes the log (vere's
//! king does).
//!
//! Never use a [`Writer`] while vere's king runs on the pier: the king keeps
//! its own idea of the last event. [`Writer::create`] and [`Writer::open`]
//! refuse when `<pier>/.vere.lock` names a live process (checked on Linux
//! through `/proc`).
//!
//! # Crash safety
//!
//! * A new log and a new epoch are built in a scratch directory
//!   (`.urb/tmp-log`, `.urb/log/tmp-0i<N>`; names no reader takes for an
//!   epoch), flushed (LMDB commits, `sync_all` of the text files and
//!   directories), then renamed into place and the parent directory flushed.
//!   A crash leaves either no log/epoch or a complete one, plus perhaps a
//!   scratch directory that the next attempt deletes.
//! * An append is one LMDB transaction: after a crash all of a batch is
//!   there or none of it.
//! * After a failed LMDB write the writer is poisoned: every later call fails
//!   with [`WriteErrorKind::Poisoned`] rather than guess what is on disk.

use std::fs;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use crate::epoch::{self, EpochInfo, EVENTS_TABLE, VERE_VERSION};
use crate::error::{MetaError, OpenError, OpenErrorKind, WriteError, WriteErrorKind};
use crate::event::{decode_key, encode_value, Event, EventKey};
use crate::lmdb::{Access, Dbi, Env};
use crate::log::{EventLog, OpenMode};
use crate::meta::{self, Meta, DISK_VERSION};

/// Creates a pier's event log, appends events, rolls epochs; for our tools
/// and tests only.
///
/// Never use it while vere's king runs on the pier (the king keeps its own
/// idea of the last event): [`Writer::create`] and [`Writer::open`] refuse
/// when `<pier>/.vere.lock` names a live process (detected on Linux only).
///
/// Crash safety: a new log or epoch is built in a scratch directory, flushed,
/// and renamed into place, so it appears whole or not at all; an append is
/// one LMDB transaction. After a failed LMDB write the writer refuses further
/// use ([`WriteErrorKind::Poisoned`]).
#[derive(Debug)]
pub struct Writer {
    log_dir: PathBuf,
    meta: Meta,
    /// Oldest first, never empty; the last one is open in `latest`.
    epochs: Vec<EpochInfo>,
    latest: Latest,
    poisoned: bool,
}

/// The latest epoch's environment, open read-write.
#[derive(Debug)]
struct Latest {
    env: Env,
    events: Dbi,
    meta: Dbi,
}

impl Latest {
    /// Opens (creating if needed) the environment of an epoch and its META
    /// and EVENTS tables, as vere does.
    fn open(dir: &Path) -> Result<Latest, OpenError> {
        let err = |kind| OpenError::new(dir, kind);
        let env = Env::open(dir, Access::Write).map_err(|e| err(e.into()))?;
        let meta = env
            .open_db(meta::TABLE, false, true)
            .map_err(|e| err(e.into()))?
            .ok_or_else(|| err(MetaError::MissingTable.into()))?;
        let events = env
            .open_db(EVENTS_TABLE, true, true)
            .map_err(|e| err(e.into()))?
            .ok_or_else(|| {
                err(OpenErrorKind::MissingTable {
                    table: EVENTS_TABLE,
                })
            })?;
        Ok(Latest { env, events, meta })
    }

    /// Last key of EVENTS, if any.
    fn last_key(&self) -> Result<Option<u64>, OpenError> {
        let err = |kind| OpenError::new(self.env.dir(), kind);
        let txn = self.env.read_txn().map_err(|e| err(e.into()))?;
        let mut cursor = txn.cursor(self.events).map_err(|e| err(e.into()))?;
        match cursor.last().map_err(|e| err(e.into()))? {
            None => Ok(None),
            Some((key, _)) => decode_key(key)
                .map(Some)
                .ok_or_else(|| err(OpenErrorKind::BadKey { len: key.len() })),
        }
    }
}

impl Writer {
    /// Creates the event log of a new pier with META `meta` (version must be
    /// 3): `.urb/log/data.mdb` holding only META, and epoch `0i0` with
    /// `epoc.txt` = `1`, `vere.txt` = `3.0` and an environment with META and
    /// an empty EVENTS table. Creates `<pier>` and `<pier>/.urb` if needed.
    /// Fails if `.urb/log` exists and is not an empty directory.
    pub fn create(pier: &Path, meta: &Meta) -> Result<Writer, WriteError> {
        if meta.version != DISK_VERSION {
            return Err(WriteError::new(
                pier,
                WriteErrorKind::UnsupportedVersion {
                    found: meta.version,
                },
            ));
        }
        if let Some(pid) = running_king(pier) {
            return Err(WriteError::new(
                pier.join(".vere.lock"),
                WriteErrorKind::KingRunning { pid },
            ));
        }
        let urb = pier.join(".urb");
        let log_dir = urb.join("log");
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |e: io::Error| WriteError::new(path, e.into())
        };
        make_dirs(&urb, true).map_err(io_err(&urb))?;
        if log_dir.exists() {
            let empty = fs::read_dir(&log_dir)
                .map(|mut entries| entries.next().is_none())
                .unwrap_or(false);
            if !empty {
                return Err(WriteError::new(log_dir, WriteErrorKind::AlreadyExists));
            }
            fs::remove_dir(&log_dir).map_err(io_err(&log_dir))?;
        }

        let scratch = urb.join("tmp-log");
        remove_scratch(&scratch).map_err(io_err(&scratch))?;
        make_dirs(&scratch, false).map_err(io_err(&scratch))?;
        write_env_meta(&scratch, meta, false)?;
        let epoch0 = scratch.join(epoch::dir_name(0));
        make_dirs(&epoch0, false).map_err(io_err(&epoch0))?;
        epoch::write_txt_files(&epoch0).map_err(io_err(&epoch0))?;
        write_env_meta(&epoch0, meta, true)?;
        epoch::sync_dir(&epoch0).map_err(io_err(&epoch0))?;
        epoch::sync_dir(&scratch).map_err(io_err(&scratch))?;
        fs::rename(&scratch, &log_dir).map_err(io_err(&log_dir))?;
        epoch::sync_dir(&urb).map_err(io_err(&urb))?;

        let dir = log_dir.join(epoch::dir_name(0));
        let latest = Latest::open(&dir).map_err(WriteError::from)?;
        Ok(Writer {
            log_dir,
            meta: *meta,
            epochs: vec![EpochInfo {
                base: 0,
                dir,
                vere_version: Some(VERE_VERSION.to_owned()),
                last: 0,
            }],
            latest,
            poisoned: false,
        })
    }

    /// Opens an existing log for appending, after checking it as
    /// [`EventLog::open`] does.
    pub fn open(pier: &Path) -> Result<Writer, OpenError> {
        if let Some(pid) = running_king(pier) {
            return Err(OpenError::new(
                pier.join(".vere.lock"),
                OpenErrorKind::KingRunning { pid },
            ));
        }
        // Check the log, then close it before opening the latest epoch
        // read-write (one open per environment per process).
        let (log_dir, meta, mut epochs) = {
            let log = EventLog::open(pier, OpenMode::Locked)?;
            (
                log.log_dir().to_path_buf(),
                *log.meta(),
                log.epochs().to_vec(),
            )
        };
        let Some(info) = epochs.last_mut() else {
            return Err(OpenError::new(log_dir, OpenErrorKind::NoEpochs));
        };
        let latest = Latest::open(&info.dir)?;
        info.last = latest.last_key()?.unwrap_or(info.base);
        Ok(Writer {
            log_dir,
            meta,
            epochs,
            latest,
            poisoned: false,
        })
    }

    /// The pier's META.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The epochs, oldest first.
    pub fn epochs(&self) -> &[EpochInfo] {
        &self.epochs
    }

    /// The last event written (the latest epoch's base if it has none).
    pub fn last_event(&self) -> u64 {
        self.latest_info().last
    }

    fn latest_info(&self) -> &EpochInfo {
        &self.epochs[self.epochs.len() - 1]
    }

    fn check_usable(&self) -> Result<(), WriteError> {
        if self.poisoned {
            Err(WriteError::new(&self.log_dir, WriteErrorKind::Poisoned))
        } else {
            Ok(())
        }
    }

    /// Appends `events` in one transaction (`MDB_NOOVERWRITE`). Their
    /// numbers must continue the log without a gap and each jam must be
    /// non-empty; otherwise nothing is written.
    pub fn append(&mut self, events: &[Event]) -> Result<(), WriteError> {
        self.check_usable()?;
        let dir = self.latest.env.dir();
        let mut expected = self.last_event().saturating_add(1);
        for event in events {
            if event.number != expected {
                return Err(WriteError::new(
                    dir,
                    WriteErrorKind::NotContiguous {
                        expected,
                        found: event.number,
                    },
                ));
            }
            if event.jam.is_empty() {
                return Err(WriteError::new(
                    dir,
                    WriteErrorKind::EmptyJam {
                        event: event.number,
                    },
                ));
            }
            expected = expected.saturating_add(1);
        }
        let Some(last) = events.last() else {
            return Ok(());
        };
        let result = self.put_events(events);
        if result.is_err() {
            self.poisoned = true;
        } else {
            let i = self.epochs.len() - 1;
            self.epochs[i].last = last.number;
        }
        result
    }

    fn put_events(&self, events: &[Event]) -> Result<(), WriteError> {
        let err = |kind| WriteError::new(self.latest.env.dir(), kind);
        let mut txn = self.latest.env.write_txn().map_err(|e| err(e.into()))?;
        for event in events {
            let key = EventKey::new(event.number);
            let value = encode_value(event.mug, &event.jam);
            txn.put(self.latest.events, key.as_bytes(), &value, true)
                .map_err(|e| {
                    if e.is_key_exist() {
                        err(WriteErrorKind::KeyExists {
                            event: event.number,
                        })
                    } else {
                        err(e.into())
                    }
                })?;
        }
        txn.commit().map_err(|e| err(e.into()))
    }

    /// Rolls over to a new epoch `0i<N>`, N = the last event, as `urbit roll`
    /// does: `epoc.txt`, `vere.txt`, and an environment with the META of the
    /// current epoch (version 3) and an empty EVENTS table. Later appends go
    /// there. Refused if the latest epoch has no events. Returns N.
    ///
    /// vere also copies its snapshot (`.urb/chk/{north,south}.bin`) into the
    /// new epoch; this writer does not touch snapshots.
    pub fn roll(&mut self) -> Result<u64, WriteError> {
        self.check_usable()?;
        let current = self.latest_info();
        if current.is_empty() {
            return Err(WriteError::new(
                &current.dir,
                WriteErrorKind::EmptyEpoch { base: current.base },
            ));
        }
        let base = current.last;
        let dir = self.log_dir.join(epoch::dir_name(base));
        if dir.exists() {
            return Err(WriteError::new(dir, WriteErrorKind::AlreadyExists));
        }
        let meta = {
            let err = |kind| WriteError::new(self.latest.env.dir(), kind);
            let txn = self.latest.env.read_txn().map_err(|e| err(e.into()))?;
            Meta::read(&txn, self.latest.meta).map_err(|e| err(e.into()))?
        };
        let meta = Meta {
            version: DISK_VERSION,
            ..meta
        };

        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |e: io::Error| WriteError::new(path, e.into())
        };
        let scratch = self.log_dir.join(format!("tmp-{}", epoch::dir_name(base)));
        remove_scratch(&scratch).map_err(io_err(&scratch))?;
        make_dirs(&scratch, false).map_err(io_err(&scratch))?;
        epoch::write_txt_files(&scratch).map_err(io_err(&scratch))?;
        write_env_meta(&scratch, &meta, true)?;
        epoch::sync_dir(&scratch).map_err(io_err(&scratch))?;
        fs::rename(&scratch, &dir).map_err(io_err(&dir))?;
        epoch::sync_dir(&self.log_dir).map_err(io_err(&self.log_dir))?;

        // The epoch is on disk: from here a failure leaves the writer unsure
        // which epoch is current.
        match Latest::open(&dir) {
            Ok(latest) => self.latest = latest,
            Err(e) => {
                self.poisoned = true;
                return Err(e.into());
            }
        }
        self.epochs.push(EpochInfo {
            base,
            dir,
            vere_version: Some(VERE_VERSION.to_owned()),
            last: base,
        });
        Ok(base)
    }
}

/// Creates an LMDB environment in `dir` holding META (and an empty EVENTS
/// table if `events`), then closes it.
fn write_env_meta(dir: &Path, meta: &Meta, events: bool) -> Result<(), WriteError> {
    let err = |kind| WriteError::new(dir, kind);
    let env = Env::open(dir, Access::Write).map_err(|e| err(e.into()))?;
    let meta_db = env
        .open_db(meta::TABLE, false, true)
        .map_err(|e| err(e.into()))?
        .ok_or_else(|| err(MetaError::MissingTable.into()))?;
    if events {
        env.open_db(EVENTS_TABLE, true, true)
            .map_err(|e| err(e.into()))?
            .ok_or_else(|| {
                err(WriteErrorKind::MissingTable {
                    table: EVENTS_TABLE,
                })
            })?;
    }
    let mut txn = env.write_txn().map_err(|e| err(e.into()))?;
    meta.write(&mut txn, meta_db).map_err(|e| err(e.into()))?;
    txn.commit().map_err(|e| err(e.into()))
}

/// `mkdir` with mode 0700, as vere; `recursive` also creates parents and
/// accepts an existing directory.
fn make_dirs(dir: &Path, recursive: bool) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(recursive)
        .mode(0o700)
        .create(dir)
}

/// Deletes a scratch directory left by an interrupted create or roll.
fn remove_scratch(dir: &Path) -> io::Result<()> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// The pid in `<pier>/.vere.lock` if that process is alive.
#[cfg(target_os = "linux")]
fn running_king(pier: &Path) -> Option<u32> {
    let text = fs::read_to_string(pier.join(".vere.lock")).ok()?;
    let pid: u32 = text.trim().parse().ok()?;
    Path::new("/proc")
        .join(pid.to_string())
        .exists()
        .then_some(pid)
}

/// Without `/proc` a live king cannot be detected; callers must know.
#[cfg(not(target_os = "linux"))]
fn running_king(_pier: &Path) -> Option<u32> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{OpenErrorKind, WriteErrorKind};
    use crate::log::{EventLog, OpenMode};
    use crate::test_support::{epoch_dir, event, events, log_dir, make_pier, test_meta};

    fn read_all(pier: &Path) -> Vec<Event> {
        let mut log = EventLog::open(pier, OpenMode::Locked).unwrap();
        log.iter().collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn create_append_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let pier = dir.path().join("new-pier");
        {
            let mut writer = Writer::create(&pier, &test_meta()).unwrap();
            assert_eq!(writer.last_event(), 0);
            writer.append(&events(1, 2)).unwrap();
            writer.append(&[]).unwrap();
            writer.append(&events(3, 5)).unwrap();
            assert_eq!(writer.last_event(), 5);
            assert_eq!(*writer.meta(), test_meta());
        }
        assert_eq!(read_all(&pier), events(1, 5));
        let log = EventLog::open(&pier, OpenMode::NoLock).unwrap();
        assert_eq!(*log.meta(), test_meta());
        assert_eq!(log.epochs().len(), 1);
        assert_eq!(log.epochs()[0].vere_version.as_deref(), Some("3.0"));
        assert_eq!(log.last_event().unwrap(), 5);
    }

    #[test]
    fn layout_matches_vere() {
        let pier = make_pier(&[2]);
        let log = log_dir(pier.path());
        let mut names: Vec<String> = fs::read_dir(&log)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["0i0", "data.mdb", "lock.mdb"]);
        let epoch0 = epoch_dir(pier.path(), 0);
        assert_eq!(fs::read(epoch0.join("epoc.txt")).unwrap(), b"1");
        assert_eq!(fs::read(epoch0.join("vere.txt")).unwrap(), b"3.0");
        assert!(!pier.path().join(".urb/tmp-log").exists());

        // The top-level environment holds META only.
        let env = Env::open(&log, Access::Read).unwrap();
        assert!(env.open_db(EVENTS_TABLE, true, false).unwrap().is_none());
        let meta_db = env.open_db(meta::TABLE, false, false).unwrap().unwrap();
        let txn = env.read_txn().unwrap();
        assert_eq!(txn.get(meta_db, b"version").unwrap(), Some(&[3u8][..]));
        assert_eq!(txn.get(meta_db, b"who").unwrap(), Some(&[][..]));
        assert_eq!(txn.get(meta_db, b"fake").unwrap(), Some(&[][..]));
        assert_eq!(txn.get(meta_db, b"life").unwrap(), Some(&[2u8][..]));
        assert_eq!(txn.entries(meta_db).unwrap(), 4);
        drop(txn);
        drop(env);

        // The epoch's EVENTS: 8-byte LE keys, mug LE ++ jam values.
        let env = Env::open(&epoch0, Access::Read).unwrap();
        let db = env.open_db(EVENTS_TABLE, true, false).unwrap().unwrap();
        let txn = env.read_txn().unwrap();
        let value = txn.get(db, &2u64.to_le_bytes()).unwrap().unwrap();
        let e = event(2);
        assert_eq!(&value[..4], e.mug.to_le_bytes());
        assert_eq!(&value[4..], e.jam);
    }

    #[test]
    fn create_refuses_an_existing_log() {
        let pier = make_pier(&[1]);
        let err = Writer::create(pier.path(), &test_meta()).unwrap_err();
        assert!(matches!(err.kind(), WriteErrorKind::AlreadyExists));
        assert_eq!(err.path(), log_dir(pier.path()));
        assert_eq!(read_all(pier.path()), events(1, 1));
    }

    #[test]
    fn create_replaces_an_empty_log_dir_and_old_scratch() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(log_dir(dir.path())).unwrap();
        let scratch = dir.path().join(".urb/tmp-log");
        fs::create_dir_all(scratch.join("0i0")).unwrap();
        fs::write(scratch.join("junk"), b"left by a crash").unwrap();
        let mut writer = Writer::create(dir.path(), &test_meta()).unwrap();
        writer.append(&events(1, 3)).unwrap();
        drop(writer);
        assert!(!scratch.exists());
        assert_eq!(read_all(dir.path()), events(1, 3));
    }

    #[test]
    fn create_refuses_other_versions() {
        let dir = tempfile::tempdir().unwrap();
        let meta = Meta {
            version: 2,
            ..test_meta()
        };
        let err = Writer::create(dir.path(), &meta).unwrap_err();
        assert!(matches!(
            err.kind(),
            WriteErrorKind::UnsupportedVersion { found: 2 }
        ));
        assert!(!dir.path().join(".urb").exists());
    }

    #[test]
    fn append_enforces_contiguous_numbers() {
        let pier = make_pier(&[3]);
        let mut writer = Writer::open(pier.path()).unwrap();
        let err = writer.append(&events(5, 6)).unwrap_err();
        assert!(matches!(
            err.kind(),
            WriteErrorKind::NotContiguous {
                expected: 4,
                found: 5
            }
        ));
        // A gap inside the batch: nothing of it is written.
        let batch = [event(4), event(6)];
        let err = writer.append(&batch).unwrap_err();
        assert!(matches!(
            err.kind(),
            WriteErrorKind::NotContiguous {
                expected: 5,
                found: 6
            }
        ));
        let empty = Event {
            jam: Vec::new(),
            ..event(4)
        };
        let err = writer.append(&[empty]).unwrap_err();
        assert!(matches!(err.kind(), WriteErrorKind::EmptyJam { event: 4 }));
        // Validation failures do not poison.
        writer.append(&events(4, 4)).unwrap();
        drop(writer);
        assert_eq!(read_all(pier.path()), events(1, 4));
    }

    #[test]
    fn failed_write_poisons_the_writer() {
        let pier = make_pier(&[3]);
        let mut writer = Writer::open(pier.path()).unwrap();
        // Someone else stored event 4 behind the writer's back.
        {
            let mut txn = writer.latest.env.write_txn().unwrap();
            let value = encode_value(1, b"other");
            txn.put(
                writer.latest.events,
                EventKey::new(4).as_bytes(),
                &value,
                true,
            )
            .unwrap();
            txn.commit().unwrap();
        }
        let err = writer.append(&events(4, 5)).unwrap_err();
        assert!(matches!(err.kind(), WriteErrorKind::KeyExists { event: 4 }));
        let err = writer.append(&events(4, 5)).unwrap_err();
        assert!(matches!(err.kind(), WriteErrorKind::Poisoned));
        assert!(matches!(
            writer.roll().unwrap_err().kind(),
            WriteErrorKind::Poisoned
        ));
    }

    #[test]
    fn roll_starts_a_new_epoch_with_the_same_meta() {
        let dir = tempfile::tempdir().unwrap();
        let meta = Meta::new(0x1234_5678_9abc, false, 5);
        let mut writer = Writer::create(dir.path(), &meta).unwrap();
        writer.append(&events(1, 4)).unwrap();
        assert_eq!(writer.roll().unwrap(), 4);
        let err = writer.roll().unwrap_err();
        assert!(matches!(err.kind(), WriteErrorKind::EmptyEpoch { base: 4 }));
        writer.append(&events(5, 7)).unwrap();
        let bases: Vec<u64> = writer.epochs().iter().map(|e| e.base).collect();
        assert_eq!(bases, [0, 4]);
        drop(writer);

        let epoch = epoch_dir(dir.path(), 4);
        assert_eq!(fs::read(epoch.join("epoc.txt")).unwrap(), b"1");
        assert_eq!(fs::read(epoch.join("vere.txt")).unwrap(), b"3.0");
        assert!(!log_dir(dir.path()).join("tmp-0i4").exists());
        let mut log = EventLog::open(dir.path(), OpenMode::Locked).unwrap();
        assert_eq!(*log.meta(), meta);
        let ranges: Vec<(u64, u64)> = log.epochs().iter().map(|e| (e.base, e.last)).collect();
        assert_eq!(ranges, [(0, 4), (4, 7)]);
        assert_eq!(log.read(1, 100).unwrap(), events(1, 7));
        drop(log);
        let env = Env::open(&epoch, Access::Read).unwrap();
        let db = env.open_db(meta::TABLE, false, false).unwrap().unwrap();
        let txn = env.read_txn().unwrap();
        assert_eq!(Meta::read(&txn, db).unwrap(), meta);
    }

    #[test]
    fn reopen_continues_in_the_latest_epoch() {
        let pier = make_pier(&[2, 5]);
        let mut writer = Writer::open(pier.path()).unwrap();
        assert_eq!(writer.last_event(), 5);
        assert_eq!(writer.epochs().len(), 2);
        writer.append(&events(6, 8)).unwrap();
        assert_eq!(writer.roll().unwrap(), 8);
        writer.append(&events(9, 9)).unwrap();
        drop(writer);
        let log = EventLog::open(pier.path(), OpenMode::Locked).unwrap();
        let ranges: Vec<(u64, u64)> = log.epochs().iter().map(|e| (e.base, e.last)).collect();
        assert_eq!(ranges, [(0, 2), (2, 8), (8, 9)]);
        drop(log);
        assert_eq!(read_all(pier.path()), events(1, 9));
    }

    #[test]
    fn writer_and_reader_cannot_share_a_process() {
        let pier = make_pier(&[2]);
        let writer = Writer::open(pier.path()).unwrap();
        let err = EventLog::open(pier.path(), OpenMode::Locked).unwrap_err();
        assert!(matches!(err.kind(), OpenErrorKind::AlreadyOpen));
        drop(writer);
        EventLog::open(pier.path(), OpenMode::Locked).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn refuses_while_a_king_runs() {
        let pier = make_pier(&[1]);
        fs::write(
            pier.path().join(".vere.lock"),
            format!("{}\n", std::process::id()),
        )
        .unwrap();
        let err = Writer::open(pier.path()).unwrap_err();
        assert!(matches!(err.kind(), OpenErrorKind::KingRunning { .. }));
        let other = tempfile::tempdir().unwrap();
        fs::copy(
            pier.path().join(".vere.lock"),
            other.path().join(".vere.lock"),
        )
        .unwrap();
        let err = Writer::create(other.path(), &test_meta()).unwrap_err();
        assert!(matches!(err.kind(), WriteErrorKind::KingRunning { .. }));
        // A stale lock (no such process) does not block.
        fs::write(pier.path().join(".vere.lock"), "4294967295\n").unwrap();
        Writer::open(pier.path()).unwrap();
    }
}
