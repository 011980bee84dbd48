//! Errors, typed by operation: [`OpenError`], [`LoadError`], [`SaveError`],
//! [`QuarantineError`]; all convert into [`Error`].
//!
//! Each is a [`Located`]: the path concerned (the pier, `.urb/chk`,
//! `data.pma`, `data.pma.tmp` or the quarantine name) and a kind, in one box,
//! so an error is one pointer wide (a test pins the sizes). I/O failures say
//! which [`Step`] failed and keep the [`io::Error`].

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

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

    /// The file or directory concerned.
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

/// The filesystem operation that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// Looking at a path (`stat`).
    Stat,
    /// Creating a directory.
    CreateDir,
    /// Opening a file for reading.
    Open,
    /// Reading a file or its length.
    Read,
    /// Creating (or truncating) a file.
    Create,
    /// Writing a file.
    Write,
    /// `fsync` of a file.
    SyncFile,
    /// Renaming a file.
    Rename,
    /// `fsync` of a directory.
    SyncDir,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::Stat => "stat",
            Step::CreateDir => "mkdir",
            Step::Open => "open",
            Step::Read => "read",
            Step::Create => "create",
            Step::Write => "write",
            Step::SyncFile => "fsync",
            Step::Rename => "rename",
            Step::SyncDir => "fsync of directory",
        })
    }
}

/// What went wrong opening a [`Store`](crate::Store); see [`OpenError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OpenErrorKind {
    /// The pier directory does not exist or is not a directory.
    #[error("not a pier: no such directory")]
    NoPier,
    /// `.urb` or `.urb/chk` exists but is not a directory.
    #[error("exists but is not a directory")]
    NotADirectory,
    /// A filesystem operation failed.
    #[error("{step} failed: {source}")]
    Io {
        /// The operation.
        step: Step,
        /// The error.
        source: io::Error,
    },
}

/// Why a present `data.pma` is not trusted. The file is left as it is; the
/// caller may [`quarantine`](crate::Store::quarantine) it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Invalid {
    /// The file does not start with the magic `MARSPMA\0`: not a mars
    /// snapshot (for example an Ares PMA file, which used the same name).
    #[error("not a mars snapshot (wrong magic): a foreign file")]
    Foreign,
    /// A format version this binary does not read.
    #[error(
        "snapshot format version {found} {}, this binary reads version {supported}",
        if found > supported { "is newer: written by a newer mars" } else { "is unknown" }
    )]
    Version {
        /// The version in the file.
        found: u32,
        /// The version this binary reads ([`VERSION`](crate::VERSION)).
        supported: u32,
    },
    /// The file is shorter than its header says (or than a header).
    #[error("truncated: {found} bytes, expected {expected}")]
    Truncated {
        /// Length the header implies (`HEADER_LEN` if the header itself is
        /// cut; saturated at `u64::MAX`).
        expected: u64,
        /// Length of the file.
        found: u64,
    },
    /// The file is longer than its header says.
    #[error("trailing data: {found} bytes, expected {expected}")]
    TrailingData {
        /// Header + payload length.
        expected: u64,
        /// Length of the file.
        found: u64,
    },
    /// The header does not match its checksum.
    #[error("header checksum mismatch")]
    HeaderChecksum,
    /// The payload does not match the checksum in the header.
    #[error("payload checksum mismatch")]
    PayloadChecksum,
    /// Reserved header bytes are not zero although the header checksum
    /// matches: written by something else than this format's writer.
    #[error("reserved header bytes are not zero")]
    Reserved,
    /// The header says event 0, which is never saved.
    #[error("header says event 0")]
    EventZero,
    /// The payload does not fit in memory's address space (32-bit hosts).
    #[error("payload of {len} bytes does not fit in memory")]
    TooLarge {
        /// Payload length from the header.
        len: u64,
    },
}

/// What went wrong loading a snapshot; see [`LoadError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// A save or quarantine failed earlier; reopen the store.
    #[error("store refuses use after an earlier I/O failure; reopen it")]
    Poisoned,
    /// The file is there but could not be read.
    #[error("{step} failed: {source}")]
    Io {
        /// The operation.
        step: Step,
        /// The error.
        source: io::Error,
    },
    /// The file was read and is not a trustworthy snapshot.
    #[error("{0}")]
    Invalid(Invalid),
}

/// What went wrong saving a snapshot; see [`SaveError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SaveErrorKind {
    /// A save or quarantine failed earlier; reopen the store.
    #[error("store refuses use after an earlier I/O failure; reopen it")]
    Poisoned,
    /// [`Meta::event`](crate::Meta::event) is 0. Nothing was written and the
    /// store stays usable.
    #[error("refusing to save event 0")]
    EventZero,
    /// A filesystem operation failed; the store is now poisoned.
    #[error("{step} failed: {source}")]
    Io {
        /// The operation.
        step: Step,
        /// The error.
        source: io::Error,
    },
}

/// What went wrong quarantining a snapshot; see [`QuarantineError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QuarantineErrorKind {
    /// A save or quarantine failed earlier; reopen the store.
    #[error("store refuses use after an earlier I/O failure; reopen it")]
    Poisoned,
    /// There is no `data.pma` to move. The store stays usable.
    #[error("no snapshot to quarantine")]
    NoSnapshot,
    /// Every candidate name (`-1` .. `-999`) for this second is taken.
    #[error("no free quarantine name")]
    NoFreeName,
    /// A filesystem operation failed; the store is now poisoned.
    #[error("{step} failed: {source}")]
    Io {
        /// The operation.
        step: Step,
        /// The error.
        source: io::Error,
    },
}

/// Opening a store failed; [`path`](Located::path) is the pier, `.urb` or
/// `.urb/chk`.
pub type OpenError = Located<OpenErrorKind>;
/// Loading failed; [`path`](Located::path) is `data.pma`.
pub type LoadError = Located<LoadErrorKind>;
/// Saving failed; [`path`](Located::path) is `data.pma.tmp`, `data.pma` (the
/// rename) or `.urb/chk` (its `fsync`).
pub type SaveError = Located<SaveErrorKind>;
/// Quarantining failed; [`path`](Located::path) is `data.pma` or
/// `.urb/chk`.
pub type QuarantineError = Located<QuarantineErrorKind>;

impl LoadError {
    /// Why the file is not trusted, if it was read and judged (rather than
    /// unreadable or the store poisoned).
    pub fn invalid(&self) -> Option<Invalid> {
        match self.kind() {
            LoadErrorKind::Invalid(why) => Some(*why),
            _ => None,
        }
    }
}

/// Any error of this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// See [`OpenError`].
    #[error("opening snapshot store: {0}")]
    Open(#[from] OpenError),
    /// See [`LoadError`].
    #[error("loading snapshot: {0}")]
    Load(#[from] LoadError),
    /// See [`SaveError`].
    #[error("saving snapshot: {0}")]
    Save(#[from] SaveError),
    /// See [`QuarantineError`].
    #[error("quarantining snapshot: {0}")]
    Quarantine(#[from] QuarantineError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of;

    #[test]
    fn errors_are_small() {
        assert_eq!(size_of::<OpenError>(), size_of::<usize>());
        assert_eq!(size_of::<LoadError>(), size_of::<usize>());
        assert_eq!(size_of::<SaveError>(), size_of::<usize>());
        assert_eq!(size_of::<QuarantineError>(), size_of::<usize>());
        assert!(size_of::<Error>() <= 2 * size_of::<usize>());
        assert_eq!(size_of::<Result<(), SaveError>>(), size_of::<usize>());
    }

    #[test]
    fn messages_name_path_and_versions() {
        let e = LoadError::new(
            "/p/.urb/chk/data.pma",
            LoadErrorKind::Invalid(Invalid::Version {
                found: 7,
                supported: 1,
            }),
        );
        assert_eq!(
            e.to_string(),
            "/p/.urb/chk/data.pma: snapshot format version 7 is newer: written by a newer mars, \
             this binary reads version 1"
        );
        let e = SaveError::new(
            "/p/.urb/chk/data.pma.tmp",
            SaveErrorKind::Io {
                step: Step::Write,
                source: io::Error::from_raw_os_error(28),
            },
        );
        assert!(e
            .to_string()
            .starts_with("/p/.urb/chk/data.pma.tmp: write failed: "));
        let e: Error = e.into();
        assert!(e.to_string().starts_with("saving snapshot: /p/"));
    }
}
