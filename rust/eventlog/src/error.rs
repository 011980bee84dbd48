//! Errors, typed by operation: opening a log ([`OpenError`]), reading events
//! ([`ReadError`]) and writing ([`WriteError`]); all convert into [`Error`].
//!
//! Every error names the file or directory where the problem was found
//! ([`Located::path`]) and says what it is ([`Located::kind`]); kinds about
//! events name the event. The path and kind live in one box, so each error is
//! one pointer wide and `Result`s stay cheap to move (a test pins the sizes).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::lmdb::{EnvOpenError, LmdbError};

/// An error kind `K` with the file or directory it concerns.
pub struct Located<K> {
    inner: Box<(PathBuf, K)>,
}

impl<K> Located<K> {
    /// Builds an error about `path`.
    #[cold]
    #[inline(never)]
    pub fn new(path: impl Into<PathBuf>, kind: K) -> Self {
        Located {
            inner: Box::new((path.into(), kind)),
        }
    }

    /// The file or directory concerned: an epoch directory, a `*.txt` file,
    /// an LMDB environment directory, or the pier's `.urb/log`.
    pub fn path(&self) -> &Path {
        &self.inner.0
    }

    /// What went wrong.
    pub fn kind(&self) -> &K {
        &self.inner.1
    }

    /// The kind, dropping the path.
    pub fn into_kind(self) -> K {
        self.inner.1
    }
}

impl<K: fmt::Debug> fmt::Debug for Located<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Located")
            .field("path", &self.inner.0)
            .field("kind", &self.inner.1)
            .finish()
    }
}

impl<K: fmt::Display> fmt::Display for Located<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.inner.0.display(), self.inner.1)
    }
}

impl<K: std::error::Error + 'static> std::error::Error for Located<K> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.1.source()
    }
}

/// A problem with a META table (`version`, `who`, `fake`, `life`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MetaError {
    /// The environment has no `META` table.
    #[error("no META table")]
    MissingTable,
    /// A key is absent.
    #[error("META key {key:?} missing")]
    MissingKey {
        /// The key.
        key: &'static str,
    },
    /// A value has more bytes than its field (after removing trailing zero
    /// bytes): `version`/`life` > 4, `who` > 16, `fake` > 1.
    #[error("META key {key:?}: value of {len} bytes is too long (at most {max})")]
    TooLong {
        /// The key.
        key: &'static str,
        /// Length of the stored value.
        len: usize,
        /// Largest length allowed.
        max: usize,
    },
    /// `fake` is neither 0 nor 1.
    #[error("META key \"fake\": {value:#04x} is not a loobean (0 or 1)")]
    BadFake {
        /// The stored byte.
        value: u8,
    },
    /// Reading the table failed.
    #[error("{0}")]
    Lmdb(LmdbError),
}

/// What went wrong opening an event log; see [`OpenError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OpenErrorKind {
    /// `<pier>/.urb/log` is not a directory.
    #[error("no event log (directory .urb/log missing)")]
    NoLog,
    /// `.urb/log` holds no epoch directory `0i<N>`.
    #[error("no epoch directory 0i<N> in the event log")]
    NoEpochs,
    /// A file that must exist is missing (`epoc.txt`, `data.mdb`).
    #[error("file missing")]
    MissingFile,
    /// An I/O error.
    #[error("I/O error: {0}")]
    Io(io::Error),
    /// `epoc.txt` does not hold `1` (after trimming trailing whitespace).
    #[error("unknown epoch format {found:?} in epoc.txt, expected \"1\" (vere v3.0 epochs)")]
    BadEpocTxt {
        /// The trimmed content (lossily decoded).
        found: String,
    },
    /// A small text file (`epoc.txt`, `vere.txt`) is implausibly large.
    #[error("file too large ({len} bytes)")]
    FileTooLarge {
        /// Its size.
        len: u64,
    },
    /// This process already has this LMDB environment open (LMDB forbids
    /// it: closing one handle would drop the other's lock).
    #[error("LMDB environment already open in this process")]
    AlreadyOpen,
    /// vere's king seems to run on this pier (`.vere.lock` names a live
    /// process); only [`crate::Writer::open`] checks this.
    #[error("pier locked by running process {pid} (.vere.lock)")]
    KingRunning {
        /// The pid in `.vere.lock`.
        pid: u32,
    },
    /// An LMDB call failed.
    #[error("{0}")]
    Lmdb(LmdbError),
    /// A table could not be found or created.
    #[error("table {table} missing")]
    MissingTable {
        /// The table's name.
        table: &'static str,
    },
    /// A META table is bad.
    #[error("{0}")]
    Meta(MetaError),
    /// The top-level META `version` is not 3.
    #[error("disk format version {found}, expected 3 (vere v3.0 epochs); not a v3 log")]
    WrongVersion {
        /// The stored version.
        found: u32,
    },
    /// The latest epoch's META disagrees with the top-level META.
    #[error("META {field:?} differs from the top-level META")]
    MetaMismatch {
        /// `who`, `fake` or `life`.
        field: &'static str,
    },
    /// An EVENTS key is not 8 bytes.
    #[error("EVENTS key of {len} bytes, expected 8")]
    BadKey {
        /// Its length.
        len: usize,
    },
    /// Epoch `0i<base>` does not start at event `base + 1`.
    #[error("epoch 0i{base} starts at event {first}, expected {}", base.saturating_add(1))]
    EpochStart {
        /// The epoch's number N.
        base: u64,
        /// Its first event.
        first: u64,
    },
    /// Event numbers inside an epoch are not contiguous.
    #[error("gap in events: expected event {expected}, found {found}")]
    Gap {
        /// The event that should come next.
        expected: u64,
        /// The event that came instead.
        found: u64,
    },
    /// The previous epoch ends before the next epoch's base: an epoch (or its
    /// events) is missing.
    #[error("missing epoch: previous epoch ends at event {previous_last}, so events {} to {next_base} are missing", previous_last.saturating_add(1))]
    MissingEpoch {
        /// Last event of the previous epoch (its base if it is empty).
        previous_last: u64,
        /// The epoch `0i<N>` that follows.
        next_base: u64,
    },
    /// The previous epoch holds events at or after the next epoch's base.
    #[error("epochs overlap: previous epoch ends at event {previous_last}, after the next epoch's base {next_base}")]
    EpochOverlap {
        /// Last event of the previous epoch.
        previous_last: u64,
        /// The epoch `0i<N>` that follows.
        next_base: u64,
    },
}

/// What went wrong reading events; see [`ReadError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The event asked for precedes the log's first event (events start at
    /// 1; epochs deleted by `urbit chop` are gone).
    #[error("event {event} is before the first event {first} of the log")]
    BeforeFirst {
        /// The event asked for.
        event: u64,
        /// The log's first event.
        first: u64,
    },
    /// The next key is not the expected event.
    #[error("gap in events: expected event {expected}, found {found}")]
    Gap {
        /// The event that should come next.
        expected: u64,
        /// The event that came instead.
        found: u64,
    },
    /// An event that the epoch's range includes is not there.
    #[error("event {event} missing")]
    MissingEvent {
        /// The missing event.
        event: u64,
    },
    /// A value is too short to hold a mug and a jam (≤ 4 bytes).
    #[error("event {event}: value of {len} bytes, expected more than 4 (mug + jam)")]
    ShortValue {
        /// The event.
        event: u64,
        /// The value's length.
        len: usize,
    },
    /// An EVENTS key is not 8 bytes.
    #[error("EVENTS key of {len} bytes, expected 8")]
    BadKey {
        /// Its length.
        len: usize,
    },
    /// An older epoch's EVENTS table has vanished since the log was opened.
    #[error("EVENTS table missing")]
    MissingTable,
    /// An I/O error (opening an older epoch's environment).
    #[error("I/O error: {0}")]
    Io(io::Error),
    /// This process already has this LMDB environment open.
    #[error("LMDB environment already open in this process")]
    AlreadyOpen,
    /// An LMDB call failed.
    #[error("{0}")]
    Lmdb(LmdbError),
}

/// What went wrong writing; see [`WriteError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteErrorKind {
    /// The pier already has an event log.
    #[error("event log already exists")]
    AlreadyExists,
    /// vere's king seems to run on this pier (`.vere.lock` names a live
    /// process).
    #[error("pier locked by running process {pid} (.vere.lock)")]
    KingRunning {
        /// The pid in `.vere.lock`.
        pid: u32,
    },
    /// Only META version 3 can be written.
    #[error("cannot write META version {found}, only 3")]
    UnsupportedVersion {
        /// The version asked for.
        found: u32,
    },
    /// An appended event's number is not the next one.
    #[error("event {found} appended, expected event {expected}")]
    NotContiguous {
        /// The next event number.
        expected: u64,
        /// The number given.
        found: u64,
    },
    /// An appended event has no jam bytes (readers reject values ≤ 4 bytes).
    #[error("event {event} has an empty jam")]
    EmptyJam {
        /// The event.
        event: u64,
    },
    /// An event is already stored (`MDB_NOOVERWRITE`).
    #[error("event {event} already stored")]
    KeyExists {
        /// The event.
        event: u64,
    },
    /// A rollover was asked for while the latest epoch has no events.
    #[error("latest epoch 0i{base} is empty; nothing to roll over")]
    EmptyEpoch {
        /// The latest epoch's number.
        base: u64,
    },
    /// An earlier write failed; the writer refuses further use.
    #[error("writer unusable after an earlier failure")]
    Poisoned,
    /// A META table is bad.
    #[error("{0}")]
    Meta(MetaError),
    /// A table could not be created.
    #[error("table {table} missing")]
    MissingTable {
        /// The table's name.
        table: &'static str,
    },
    /// Opening the environment of the new latest epoch failed.
    #[error("reopening: {0}")]
    Reopen(OpenErrorKind),
    /// An I/O error.
    #[error("I/O error: {0}")]
    Io(io::Error),
    /// This process already has this LMDB environment open.
    #[error("LMDB environment already open in this process")]
    AlreadyOpen,
    /// An LMDB call failed.
    #[error("{0}")]
    Lmdb(LmdbError),
}

/// Opening an event log failed.
pub type OpenError = Located<OpenErrorKind>;
/// Reading events failed.
pub type ReadError = Located<ReadErrorKind>;
/// Writing (creating a log, appending, rolling an epoch) failed.
pub type WriteError = Located<WriteErrorKind>;

/// Any error of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Opening a log.
    #[error(transparent)]
    Open(#[from] OpenError),
    /// Reading events.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// Writing.
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl From<OpenError> for WriteError {
    fn from(e: OpenError) -> Self {
        let path = e.path().to_path_buf();
        WriteError::new(path, WriteErrorKind::Reopen(e.into_kind()))
    }
}

impl From<EnvOpenError> for OpenErrorKind {
    fn from(e: EnvOpenError) -> Self {
        match e {
            EnvOpenError::Io(e) => OpenErrorKind::Io(e),
            EnvOpenError::AlreadyOpen => OpenErrorKind::AlreadyOpen,
            EnvOpenError::Lmdb(e) => OpenErrorKind::Lmdb(e),
        }
    }
}

impl From<EnvOpenError> for ReadErrorKind {
    fn from(e: EnvOpenError) -> Self {
        match e {
            EnvOpenError::Io(e) => ReadErrorKind::Io(e),
            EnvOpenError::AlreadyOpen => ReadErrorKind::AlreadyOpen,
            EnvOpenError::Lmdb(e) => ReadErrorKind::Lmdb(e),
        }
    }
}

impl From<EnvOpenError> for WriteErrorKind {
    fn from(e: EnvOpenError) -> Self {
        match e {
            EnvOpenError::Io(e) => WriteErrorKind::Io(e),
            EnvOpenError::AlreadyOpen => WriteErrorKind::AlreadyOpen,
            EnvOpenError::Lmdb(e) => WriteErrorKind::Lmdb(e),
        }
    }
}

impl From<LmdbError> for OpenErrorKind {
    fn from(e: LmdbError) -> Self {
        OpenErrorKind::Lmdb(e)
    }
}

impl From<LmdbError> for ReadErrorKind {
    fn from(e: LmdbError) -> Self {
        ReadErrorKind::Lmdb(e)
    }
}

impl From<LmdbError> for WriteErrorKind {
    fn from(e: LmdbError) -> Self {
        WriteErrorKind::Lmdb(e)
    }
}

impl From<io::Error> for OpenErrorKind {
    fn from(e: io::Error) -> Self {
        OpenErrorKind::Io(e)
    }
}

impl From<io::Error> for WriteErrorKind {
    fn from(e: io::Error) -> Self {
        WriteErrorKind::Io(e)
    }
}

impl From<MetaError> for OpenErrorKind {
    fn from(e: MetaError) -> Self {
        OpenErrorKind::Meta(e)
    }
}

impl From<MetaError> for WriteErrorKind {
    fn from(e: MetaError) -> Self {
        WriteErrorKind::Meta(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of;

    #[test]
    fn errors_are_small() {
        assert_eq!(size_of::<OpenError>(), size_of::<usize>());
        assert_eq!(size_of::<ReadError>(), size_of::<usize>());
        assert_eq!(size_of::<WriteError>(), size_of::<usize>());
        assert!(size_of::<Error>() <= 2 * size_of::<usize>());
        assert!(size_of::<Result<u64, ReadError>>() <= 2 * size_of::<usize>());
    }

    #[test]
    fn display_names_path_and_event() {
        let e = ReadError::new(
            "/p/.urb/log/0i0",
            ReadErrorKind::Gap {
                expected: 5,
                found: 7,
            },
        );
        assert_eq!(
            e.to_string(),
            "/p/.urb/log/0i0: gap in events: expected event 5, found 7"
        );
        let e: Error = e.into();
        assert!(e.to_string().contains("expected event 5"));
    }
}
