//! Reading an event log: [`EventLog`] opens and checks `.urb/log`, then reads
//! events across epochs in batches, each batch in short read-only
//! transactions.

use std::path::{Path, PathBuf};

use crate::epoch::{self, EpochEnv, EpochInfo};
use crate::error::{OpenError, OpenErrorKind, ReadError, ReadErrorKind};
use crate::event::{decode_key, decode_value, Event, EventKey};
use crate::lmdb::{Access, Env};
use crate::meta::{self, Meta, DISK_VERSION};

/// Events per batch of [`Events`] (vere replays in batches of 1024 too).
pub const BATCH_EVENTS: usize = 1024;

/// A batch of [`Events`] ends early once its values reach this many bytes.
pub const BATCH_BYTES: usize = 64 << 20;

/// How [`EventLog::open`] opens the LMDB environments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OpenMode {
    /// Read-only (`MDB_RDONLY`) with LMDB's lock file, like any LMDB reader:
    /// safe while vere's king has the log open and writes to it. Creates
    /// `lock.mdb` where it is missing, so the directories must be writable.
    #[default]
    Locked,
    /// `MDB_RDONLY | MDB_NOLOCK`: creates and changes no file, works on a
    /// read-only copy without `lock.mdb`. Only for logs that nobody writes
    /// while they are open (inspection of a copy): without the lock, a
    /// concurrent writer may reuse pages under a reader.
    NoLock,
}

impl OpenMode {
    fn access(self) -> Access {
        match self {
            OpenMode::Locked => Access::Read,
            OpenMode::NoLock => Access::ReadNoLock,
        }
    }
}

/// An open event log (`<pier>/.urb/log`), read-only.
///
/// Opening checks the whole layout (see the crate documentation); reads then
/// check every key and value they touch. The latest epoch's environment stays
/// open; an older epoch's is opened when read and kept until another older
/// epoch is read (each environment maps up to 1 TiB of address space).
///
/// Epochs created after opening are not seen: drop the log and open it again.
#[derive(Debug)]
pub struct EventLog {
    log_dir: PathBuf,
    mode: OpenMode,
    meta: Meta,
    /// Sorted by base; never empty.
    epochs: Vec<EpochInfo>,
    latest: EpochEnv,
    older: Option<(usize, EpochEnv)>,
}

impl EventLog {
    /// Opens `<pier>/.urb/log` and checks it:
    ///
    /// * the top-level META (`.urb/log/data.mdb`) is readable and its
    ///   `version` is 3;
    /// * there is at least one epoch directory `0i<N>`; each has `epoc.txt`
    ///   = `1` and an LMDB environment whose EVENTS keys are 8 bytes,
    ///   contiguous, and start at N+1;
    /// * each epoch starts where the previous one ends (no missing epoch, no
    ///   overlap);
    /// * the latest epoch's META is readable and agrees with the top-level
    ///   META on `who`, `fake` and `life`.
    ///
    /// Nothing is created, changed or deleted, except `lock.mdb` files that
    /// LMDB creates in [`OpenMode::Locked`]. Unlike vere, a bad latest epoch
    /// is reported, never deleted. vere writes a new epoch in place, so
    /// opening while the king is rolling one may fail; try again.
    pub fn open(pier: &Path, mode: OpenMode) -> Result<EventLog, OpenError> {
        let log_dir = pier.join(".urb").join("log");
        if !log_dir.is_dir() {
            return Err(OpenError::new(log_dir, OpenErrorKind::NoLog));
        }
        let access = mode.access();
        let meta = read_meta(&log_dir, access)?;
        if meta.version != DISK_VERSION {
            return Err(OpenError::new(
                log_dir,
                OpenErrorKind::WrongVersion {
                    found: meta.version,
                },
            ));
        }

        let listed = epoch::list(&log_dir)?;
        let count = listed.len();
        let mut epochs: Vec<EpochInfo> = Vec::with_capacity(count);
        let mut latest = None;
        for (i, (base, dir)) in listed.into_iter().enumerate() {
            let err = |kind| OpenError::new(&dir, kind);
            epoch::check_epoc_txt(&dir)?;
            let vere_version = epoch::read_vere_txt(&dir)?;
            let data = dir.join("data.mdb");
            if !data.is_file() {
                return Err(OpenError::new(data, OpenErrorKind::MissingFile));
            }
            let env = EpochEnv::open(&dir, access).map_err(|e| err(e.into()))?;
            let last = match env.extent().map_err(err)? {
                None => base,
                Some((first, last)) => {
                    if Some(first) != base.checked_add(1) {
                        return Err(err(OpenErrorKind::EpochStart { base, first }));
                    }
                    last
                }
            };
            if let Some(previous) = epochs.last() {
                let previous_last = previous.last;
                if previous_last < base {
                    return Err(err(OpenErrorKind::MissingEpoch {
                        previous_last,
                        next_base: base,
                    }));
                }
                if previous_last > base {
                    return Err(err(OpenErrorKind::EpochOverlap {
                        previous_last,
                        next_base: base,
                    }));
                }
            }
            epochs.push(EpochInfo {
                base,
                dir,
                vere_version,
                last,
            });
            if i + 1 == count {
                latest = Some(env);
            }
        }
        let Some(latest) = latest else {
            return Err(OpenError::new(log_dir, OpenErrorKind::NoEpochs));
        };

        let latest_meta = read_env_meta(&latest.env)?;
        let mismatch = if latest_meta.who != meta.who {
            Some("who")
        } else if latest_meta.fake != meta.fake {
            Some("fake")
        } else if latest_meta.life != meta.life {
            Some("life")
        } else {
            None
        };
        if let Some(field) = mismatch {
            return Err(OpenError::new(
                latest.env.dir(),
                OpenErrorKind::MetaMismatch { field },
            ));
        }

        Ok(EventLog {
            log_dir,
            mode,
            meta,
            epochs,
            latest,
            older: None,
        })
    }

    /// The log directory, `<pier>/.urb/log`.
    pub fn log_dir(&self) -> &Path {
        &self.log_dir
    }

    /// The pier's META (from the top-level `.urb/log/data.mdb`).
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The epochs, oldest first, as found when opening (never empty).
    pub fn epochs(&self) -> &[EpochInfo] {
        &self.epochs
    }

    /// The latest epoch, the only one vere's king writes and replays from.
    pub fn latest_epoch(&self) -> &EpochInfo {
        let i = self.epochs.len() - 1;
        &self.epochs[i]
    }

    /// The first event of the log: 1, or N+1 for an oldest epoch `0i<N>`
    /// left by `urbit chop`. A log without events has `first_event() ==
    /// last_event() + 1`.
    pub fn first_event(&self) -> u64 {
        self.epochs[0].first()
    }

    /// The last event of the log, read now: the last key of the latest
    /// epoch, or its N if it has no events yet.
    pub fn last_event(&self) -> Result<u64, ReadError> {
        let base = self.latest_epoch().base;
        let err = |kind| ReadError::new(self.latest.env.dir(), kind);
        let Some(db) = self.latest.events().map_err(|e| err(e.into()))? else {
            return Ok(base);
        };
        let txn = self.latest.env.read_txn().map_err(|e| err(e.into()))?;
        let mut cursor = txn.cursor(db).map_err(|e| err(e.into()))?;
        match cursor.last().map_err(|e| err(e.into()))? {
            None => Ok(base),
            Some((key, _)) => {
                decode_key(key).ok_or_else(|| err(ReadErrorKind::BadKey { len: key.len() }))
            }
        }
    }

    /// Reads up to `count` events from event `from` on, across epochs. Fewer
    /// are returned only at the end of the log. Each epoch's part is read in
    /// its own short read-only transaction.
    pub fn read(&mut self, from: u64, count: usize) -> Result<Vec<Event>, ReadError> {
        self.read_batch(from, count, usize::MAX)
    }

    /// Iterates over the events from `from` to the end of the log, reading
    /// batches of [`BATCH_EVENTS`] events (or [`BATCH_BYTES`] bytes).
    pub fn iter_from(&mut self, from: u64) -> Events<'_> {
        Events {
            log: self,
            next: from,
            batch: BATCH_EVENTS,
            buffer: Vec::new().into_iter(),
            done: false,
        }
    }

    /// Iterates over all events, from [`EventLog::first_event`].
    pub fn iter(&mut self) -> Events<'_> {
        let first = self.first_event();
        self.iter_from(first)
    }

    /// Reads up to `count` events from `from` on, stopping early once the
    /// values read reach `max_bytes` (at least one event is returned if there
    /// is one).
    fn read_batch(
        &mut self,
        from: u64,
        count: usize,
        max_bytes: usize,
    ) -> Result<Vec<Event>, ReadError> {
        let mut batch = Batch {
            events: Vec::new(),
            count,
            bytes: 0,
            max_bytes,
        };
        if count == 0 {
            return Ok(batch.events);
        }
        let first = self.first_event();
        if from < first {
            return Err(ReadError::new(
                &self.log_dir,
                ReadErrorKind::BeforeFirst { event: from, first },
            ));
        }
        // The epoch holding `from`: the last one whose base is below it.
        let mut index = self
            .epochs
            .partition_point(|e| e.base < from)
            .saturating_sub(1);
        let mut next = from;
        loop {
            let is_latest = index + 1 == self.epochs.len();
            let epoch_last = self.epochs[index].last;
            let until = if is_latest { None } else { Some(epoch_last) };
            if until.map_or(true, |last| next <= last) {
                let env = self.env(index)?;
                read_epoch(env, next, until, &mut batch)?;
                if let Some(event) = batch.events.last() {
                    next = event.number.saturating_add(1);
                }
            }
            if batch.is_full() || is_latest {
                return Ok(batch.events);
            }
            if next <= epoch_last {
                // The epoch ended before the range found when opening.
                return Err(ReadError::new(
                    &self.epochs[index].dir,
                    ReadErrorKind::MissingEvent { event: next },
                ));
            }
            index += 1;
        }
    }

    /// The environment of epoch `index`, opening an older one if needed.
    fn env(&mut self, index: usize) -> Result<&EpochEnv, ReadError> {
        if index + 1 == self.epochs.len() {
            return Ok(&self.latest);
        }
        let env = match self.older.take() {
            Some((cached, env)) if cached == index => env,
            previous => {
                // Close the previous one first: one older epoch at a time.
                drop(previous);
                let dir = &self.epochs[index].dir;
                EpochEnv::open(dir, self.mode.access())
                    .map_err(|e| ReadError::new(dir, e.into()))?
            }
        };
        Ok(&self.older.insert((index, env)).1)
    }
}

/// Events being collected by [`EventLog::read_batch`].
struct Batch {
    events: Vec<Event>,
    count: usize,
    bytes: usize,
    max_bytes: usize,
}

impl Batch {
    fn is_full(&self) -> bool {
        self.events.len() >= self.count || self.bytes >= self.max_bytes
    }
}

/// Reads events `next..` from one epoch into `batch`, up to `until` (the
/// epoch's last event; `None` for the latest epoch, read to its current end).
fn read_epoch(
    env: &EpochEnv,
    next: u64,
    until: Option<u64>,
    batch: &mut Batch,
) -> Result<(), ReadError> {
    let err = |kind| ReadError::new(env.env.dir(), kind);
    let Some(db) = env.events().map_err(|e| err(e.into()))? else {
        return match until {
            None => Ok(()),
            Some(_) => Err(err(ReadErrorKind::MissingTable)),
        };
    };
    let txn = env.env.read_txn().map_err(|e| err(e.into()))?;
    let mut cursor = txn.cursor(db).map_err(|e| err(e.into()))?;
    let number =
        |key: &[u8]| decode_key(key).ok_or_else(|| err(ReadErrorKind::BadKey { len: key.len() }));
    let key = EventKey::new(next);
    let mut entry = cursor.set_key(key.as_bytes()).map_err(|e| err(e.into()))?;
    if entry.is_none() {
        // Not there: a gap if a later event of this epoch is, else the end
        // of the log (latest epoch) or a missing event (older epoch).
        let after = cursor
            .set_range(key.as_bytes())
            .map_err(|e| err(e.into()))?;
        let found = after.map(|(k, _)| number(k)).transpose()?;
        return match (found, until) {
            (None, None) => Ok(()),
            (Some(found), until) if until.map_or(true, |last| found <= last) => {
                Err(err(ReadErrorKind::Gap {
                    expected: next,
                    found,
                }))
            }
            _ => Err(err(ReadErrorKind::MissingEvent { event: next })),
        };
    }
    let mut expected = next;
    while let Some((key, value)) = entry {
        let found = number(key)?;
        if until.is_some_and(|last| found > last) {
            break;
        }
        if found != expected {
            return Err(err(ReadErrorKind::Gap { expected, found }));
        }
        let (mug, jam) = decode_value(value).ok_or_else(|| {
            err(ReadErrorKind::ShortValue {
                event: found,
                len: value.len(),
            })
        })?;
        batch.events.push(Event {
            number: found,
            mug,
            jam: jam.to_vec(),
        });
        batch.bytes = batch.bytes.saturating_add(value.len());
        if batch.is_full() {
            break;
        }
        expected = expected.saturating_add(1);
        entry = cursor.next().map_err(|e| err(e.into()))?;
    }
    Ok(())
}

/// Reads the META table of the environment in `dir` (opened and closed here).
fn read_meta(dir: &Path, access: Access) -> Result<Meta, OpenError> {
    let data = dir.join("data.mdb");
    if !data.is_file() {
        return Err(OpenError::new(data, OpenErrorKind::MissingFile));
    }
    let env = Env::open(dir, access).map_err(|e| OpenError::new(dir, e.into()))?;
    read_env_meta(&env)
}

/// Reads the META table of an open environment.
fn read_env_meta(env: &Env) -> Result<Meta, OpenError> {
    let err = |kind| OpenError::new(env.dir(), kind);
    let db = env
        .open_db(meta::TABLE, false, false)
        .map_err(|e| err(e.into()))?
        .ok_or_else(|| err(crate::error::MetaError::MissingTable.into()))?;
    let txn = env.read_txn().map_err(|e| err(e.into()))?;
    Meta::read(&txn, db).map_err(|e| err(e.into()))
}

/// Iterator over events, from [`EventLog::iter_from`]. Yields an error at
/// most once, then ends.
#[derive(Debug)]
pub struct Events<'a> {
    log: &'a mut EventLog,
    next: u64,
    batch: usize,
    buffer: std::vec::IntoIter<Event>,
    done: bool,
}

impl Events<'_> {
    /// Sets the number of events read per batch (at least 1).
    pub fn batch_size(mut self, events: usize) -> Self {
        self.batch = events.max(1);
        self
    }
}

impl Iterator for Events<'_> {
    type Item = Result<Event, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(event) = self.buffer.next() {
            return Some(Ok(event));
        }
        if self.done {
            return None;
        }
        match self.log.read_batch(self.next, self.batch, BATCH_BYTES) {
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
            Ok(events) => {
                let Some(last) = events.last() else {
                    self.done = true;
                    return None;
                };
                self.next = last.number.saturating_add(1);
                self.buffer = events.into_iter();
                self.buffer.next().map(Ok)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{epoch_dir, event, events, make_pier, test_meta};
    use crate::writer::Writer;

    fn numbers(events: &[Event]) -> Vec<u64> {
        events.iter().map(|e| e.number).collect()
    }

    #[test]
    fn handles_can_move_between_threads() {
        fn assert_send<T: Send>() {}
        assert_send::<EventLog>();
        assert_send::<Writer>();
        let pier = make_pier(&[3, 6]);
        let mut log = EventLog::open(pier.path(), OpenMode::Locked).unwrap();
        let read = std::thread::spawn(move || log.read(1, 10).unwrap())
            .join()
            .unwrap();
        assert_eq!(read, events(1, 6));
    }

    #[test]
    fn reads_across_epochs() {
        let pier = make_pier(&[3, 6, 9]);
        let mut log = EventLog::open(pier.path(), OpenMode::Locked).unwrap();
        assert_eq!(*log.meta(), test_meta());
        assert_eq!((log.first_event(), log.last_event().unwrap()), (1, 9));
        assert_eq!(log.latest_epoch().base, 6);
        let ranges: Vec<(u64, u64, u64)> = log
            .epochs()
            .iter()
            .map(|e| (e.base, e.first(), e.last))
            .collect();
        assert_eq!(ranges, [(0, 1, 3), (3, 4, 6), (6, 7, 9)]);
        for from in 1..=10 {
            for count in 0..=10 {
                let want: Vec<u64> = (from..=9).take(count).collect();
                assert_eq!(numbers(&log.read(from, count).unwrap()), want);
            }
        }
        assert_eq!(log.read(2, 7).unwrap(), events(2, 8));
        // Older epochs in any order (one cached environment at a time).
        for from in [4, 1, 7, 2, 5, 4] {
            assert_eq!(log.read(from, 1).unwrap(), [event(from)]);
        }
    }

    #[test]
    fn iterates_in_batches_of_any_size() {
        let pier = make_pier(&[3, 6, 9]);
        let mut log = EventLog::open(pier.path(), OpenMode::Locked).unwrap();
        for size in [0, 1, 2, 3, 4, 1000] {
            let all: Vec<Event> = log
                .iter()
                .batch_size(size)
                .collect::<Result<_, _>>()
                .unwrap();
            assert_eq!(all, events(1, 9), "batch size {size}");
        }
        let tail: Vec<Event> = log.iter_from(5).collect::<Result<_, _>>().unwrap();
        assert_eq!(tail, events(5, 9));
        assert_eq!(log.iter_from(10).count(), 0);
    }

    #[test]
    fn byte_budget_splits_batches_but_returns_at_least_one() {
        let pier = make_pier(&[3, 6, 9]);
        let mut log = EventLog::open(pier.path(), OpenMode::Locked).unwrap();
        assert_eq!(log.read_batch(1, 100, 1).unwrap(), [event(1)]);
        let two = event(1).stored_len() + 1;
        assert_eq!(log.read_batch(1, 100, two).unwrap(), events(1, 2));
    }

    #[test]
    fn before_the_first_event() {
        let pier = make_pier(&[3, 6, 9]);
        let mut log = EventLog::open(pier.path(), OpenMode::Locked).unwrap();
        let err = log.read(0, 1).unwrap_err();
        assert!(matches!(
            err.kind(),
            ReadErrorKind::BeforeFirst { event: 0, first: 1 }
        ));
        assert_eq!(log.read(0, 0).unwrap(), []);
    }

    #[test]
    fn chopped_log_starts_after_its_oldest_epoch() {
        // `urbit chop` deletes all but the two newest epochs.
        let pier = make_pier(&[3, 6, 9]);
        std::fs::remove_dir_all(epoch_dir(pier.path(), 0)).unwrap();
        let mut log = EventLog::open(pier.path(), OpenMode::Locked).unwrap();
        assert_eq!(log.first_event(), 4);
        let err = log.read(3, 1).unwrap_err();
        assert!(matches!(
            err.kind(),
            ReadErrorKind::BeforeFirst { event: 3, first: 4 }
        ));
        let all: Vec<Event> = log.iter().collect::<Result<_, _>>().unwrap();
        assert_eq!(all, events(4, 9));
    }

    #[test]
    fn empty_log_and_empty_latest_epoch() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::create(dir.path(), &test_meta()).unwrap();
        drop(writer);
        let mut log = EventLog::open(dir.path(), OpenMode::Locked).unwrap();
        assert_eq!((log.first_event(), log.last_event().unwrap()), (1, 0));
        assert!(log.latest_epoch().is_empty());
        assert_eq!(log.read(1, 10).unwrap(), []);
        assert_eq!(log.iter().count(), 0);
        drop(log);

        writer = Writer::open(dir.path()).unwrap();
        writer.append(&events(1, 2)).unwrap();
        writer.roll().unwrap();
        drop(writer);
        let mut log = EventLog::open(dir.path(), OpenMode::Locked).unwrap();
        assert_eq!(log.last_event().unwrap(), 2);
        assert_eq!(log.latest_epoch().base, 2);
        assert_eq!(log.read(1, 10).unwrap(), events(1, 2));
        assert_eq!(log.read(3, 10).unwrap(), []);
    }

    #[test]
    fn latest_epoch_without_events_table() {
        // vere creates EVENTS lazily: a freshly rolled epoch may lack it.
        let pier = make_pier(&[2]);
        let epoch = pier.path().join(".urb/log/0i2");
        std::fs::create_dir(&epoch).unwrap();
        crate::epoch::write_txt_files(&epoch).unwrap();
        {
            let env = Env::open(&epoch, Access::Write).unwrap();
            let db = env.open_db(meta::TABLE, false, true).unwrap().unwrap();
            let mut txn = env.write_txn().unwrap();
            test_meta().write(&mut txn, db).unwrap();
            txn.commit().unwrap();
        }
        let mut log = EventLog::open(pier.path(), OpenMode::Locked).unwrap();
        assert_eq!(log.last_event().unwrap(), 2);
        assert_eq!(log.read(1, 10).unwrap(), events(1, 2));
    }
}
