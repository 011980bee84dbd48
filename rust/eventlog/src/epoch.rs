//! Epoch directories `.urb/log/0i<N>`: naming, their text files, and the
//! range of events each one's LMDB environment holds.
//!
//! ```text
//! 0i<N>/            N = last event before the epoch; holds events N+1 ..
//!   epoc.txt        "1"    epoch format (ASCII, no newline; trailing
//!                          whitespace ignored on read)
//!   vere.txt        "3.0"  version of the binary that created the epoch
//!   data.mdb        LMDB: tables META and EVENTS (MDB_INTEGERKEY)
//!   lock.mdb        LMDB's lock file (absent in read-only copies)
//! ```

use std::cell::Cell;
use std::ffi::OsStr;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{OpenError, OpenErrorKind};
use crate::event::decode_key;
use crate::lmdb::{Access, Dbi, Env, EnvOpenError, LmdbError};

/// Content of `epoc.txt` (vere `U3E_VERLAT`).
pub const EPOCH_FORMAT: &str = "1";

/// Content of `vere.txt` written by our writer: the release version of the
/// vere whose format we follow (`URBIT_VERSION` of a `live` build).
pub const VERE_VERSION: &str = "3.0";

/// Name of the EVENTS table.
pub(crate) const EVENTS_TABLE: &str = "EVENTS";

/// Largest `epoc.txt`/`vere.txt` we read (vere reads `vere.txt` into 128
/// bytes and `epoc.txt` into 8).
const MAX_TXT: u64 = 128;

/// One epoch of the log, as found when it was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EpochInfo {
    /// N of `0i<N>`: the last event before this epoch.
    pub base: u64,
    /// The epoch's directory.
    pub dir: PathBuf,
    /// Trimmed content of `vere.txt`; `None` if the file is missing (vere
    /// then assumes a version change and rolls at its next start).
    pub vere_version: Option<String>,
    /// Last event in the epoch, or `base` if it is empty. For the latest
    /// epoch this is as of opening; [`crate::EventLog::last_event`] reads the
    /// current value.
    pub last: u64,
}

impl EpochInfo {
    /// First event the epoch holds (or will hold): `base + 1`.
    pub fn first(&self) -> u64 {
        self.base.saturating_add(1)
    }

    /// Number of events.
    pub fn len(&self) -> u64 {
        self.last.saturating_sub(self.base)
    }

    /// Whether the epoch holds no event.
    pub fn is_empty(&self) -> bool {
        self.last == self.base
    }
}

/// The directory name of epoch `base`: `0i<base>`.
pub(crate) fn dir_name(base: u64) -> String {
    format!("0i{base}")
}

/// Parses an epoch directory name. Only the canonical form `0i<u64>` (decimal
/// digits, no sign, no leading zero unless the number is 0) is an epoch, so
/// that the name maps back to the same directory.
pub(crate) fn parse_dir_name(name: &OsStr) -> Option<u64> {
    let digits = name.to_str()?.strip_prefix("0i")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    digits.parse().ok()
}

/// The epochs in `log_dir`, sorted by number. Entries that are not
/// directories named `0i<u64>` are ignored.
pub(crate) fn list(log_dir: &Path) -> Result<Vec<(u64, PathBuf)>, OpenError> {
    let io_err = |e: io::Error| OpenError::new(log_dir, OpenErrorKind::Io(e));
    let mut epochs = Vec::new();
    for entry in fs::read_dir(log_dir).map_err(io_err)? {
        let entry = entry.map_err(io_err)?;
        let Some(base) = parse_dir_name(&entry.file_name()) else {
            continue;
        };
        let path = entry.path();
        // Follows symbolic links, like vere's directory listing.
        let is_dir = fs::metadata(&path)
            .map_err(|e| OpenError::new(&path, OpenErrorKind::Io(e)))?
            .is_dir();
        if is_dir {
            epochs.push((base, path));
        }
    }
    epochs.sort_unstable_by_key(|(base, _)| *base);
    Ok(epochs)
}

/// Reads a small text file with trailing whitespace (C `isspace`) removed;
/// `Ok(None)` if it does not exist.
fn read_txt(path: &Path) -> Result<Option<Vec<u8>>, OpenError> {
    let err = |kind| OpenError::new(path, kind);
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(err(OpenErrorKind::Io(e))),
    };
    let len = file.metadata().map_err(|e| err(e.into()))?.len();
    if len > MAX_TXT {
        return Err(err(OpenErrorKind::FileTooLarge { len }));
    }
    let mut bytes = Vec::new();
    file.take(MAX_TXT)
        .read_to_end(&mut bytes)
        .map_err(|e| err(e.into()))?;
    let trimmed = bytes
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
        .map_or(0, |i| i + 1);
    bytes.truncate(trimmed);
    Ok(Some(bytes))
}

/// Checks that `epoc.txt` exists and holds [`EPOCH_FORMAT`].
pub(crate) fn check_epoc_txt(dir: &Path) -> Result<(), OpenError> {
    let path = dir.join("epoc.txt");
    match read_txt(&path)? {
        None => Err(OpenError::new(path, OpenErrorKind::MissingFile)),
        Some(bytes) if bytes == EPOCH_FORMAT.as_bytes() => Ok(()),
        Some(bytes) => Err(OpenError::new(
            path,
            OpenErrorKind::BadEpocTxt {
                found: String::from_utf8_lossy(&bytes).into_owned(),
            },
        )),
    }
}

/// Reads `vere.txt`; `None` if missing.
pub(crate) fn read_vere_txt(dir: &Path) -> Result<Option<String>, OpenError> {
    Ok(read_txt(&dir.join("vere.txt"))?.map(|b| String::from_utf8_lossy(&b).into_owned()))
}

/// Writes `epoc.txt` and `vere.txt` into a new epoch directory and flushes
/// them to disk.
pub(crate) fn write_txt_files(dir: &Path) -> io::Result<()> {
    for (name, text) in [("epoc.txt", EPOCH_FORMAT), ("vere.txt", VERE_VERSION)] {
        let mut file = fs::File::create(dir.join(name))?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
    }
    Ok(())
}

/// Flushes a directory's entries to disk.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// An epoch's open LMDB environment and its EVENTS table handle.
#[derive(Debug)]
pub(crate) struct EpochEnv {
    pub(crate) env: Env,
    /// `None` while the table does not exist (vere creates it lazily, so a
    /// freshly rolled epoch may lack it); looked up again on each use.
    events: Cell<Option<Dbi>>,
}

impl EpochEnv {
    /// Opens the environment of an epoch directory.
    pub(crate) fn open(dir: &Path, access: Access) -> Result<EpochEnv, EnvOpenError> {
        let env = Env::open(dir, access)?;
        Ok(EpochEnv {
            env,
            events: Cell::new(None),
        })
    }

    /// The EVENTS handle, if the table exists. Call with no transaction of
    /// this environment live.
    pub(crate) fn events(&self) -> Result<Option<Dbi>, LmdbError> {
        if let Some(db) = self.events.get() {
            return Ok(Some(db));
        }
        let db = self.env.open_db(EVENTS_TABLE, true, false)?;
        self.events.set(db);
        Ok(db)
    }

    /// Finds the first and last event, `None` if there is none, and checks
    /// that every number between them is present (entry count = last - first
    /// + 1; on a mismatch the table is walked to name the first gap).
    pub(crate) fn extent(&self) -> Result<Option<(u64, u64)>, OpenErrorKind> {
        let Some(db) = self.events()? else {
            return Ok(None);
        };
        let txn = self.env.read_txn()?;
        let mut cursor = txn.cursor(db)?;
        let key = |k: &[u8]| decode_key(k).ok_or(OpenErrorKind::BadKey { len: k.len() });
        let Some((first, _)) = cursor.first()? else {
            return Ok(None);
        };
        let first = key(first)?;
        let Some((last, _)) = cursor.last()? else {
            return Ok(None);
        };
        let last = key(last)?;
        let entries = txn.entries(db)?;
        if last.checked_sub(first).and_then(|d| d.checked_add(1)) != Some(entries) {
            // Name the first gap (or bad key).
            let mut expected = first;
            let mut entry = cursor.first()?;
            while let Some((k, _)) = entry {
                let found = key(k)?;
                if found != expected {
                    return Err(OpenErrorKind::Gap { expected, found });
                }
                expected = expected.saturating_add(1);
                entry = cursor.next()?;
            }
        }
        Ok(Some((first, last)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_names_are_epochs() {
        let parse = |s: &str| parse_dir_name(OsStr::new(s));
        assert_eq!(parse("0i0"), Some(0));
        assert_eq!(parse("0i42"), Some(42));
        assert_eq!(parse("0i18446744073709551615"), Some(u64::MAX));
        for bad in [
            "0i",
            "0ifoo",
            "0i42x",
            "0i-1",
            "0i+1",
            "0i 1",
            "0i007",
            "1i1",
            "0i18446744073709551616",
            "tmp-0i5",
            "0i5.tmp",
            "data.mdb",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(dir_name(42), "0i42");
    }

    #[test]
    fn listing_sorts_numerically_and_skips_others() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["0i100", "0i9", "0i0", "0ifoo", "0i01", "other"] {
            fs::create_dir(dir.path().join(name)).unwrap();
        }
        fs::write(dir.path().join("0i7"), b"a file, not an epoch").unwrap();
        let bases: Vec<u64> = list(dir.path()).unwrap().into_iter().map(|e| e.0).collect();
        assert_eq!(bases, [0, 9, 100]);
    }

    #[test]
    fn epoc_txt_trims_trailing_whitespace_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("epoc.txt");
        assert!(matches!(
            check_epoc_txt(dir.path()).unwrap_err().kind(),
            OpenErrorKind::MissingFile
        ));
        for ok in ["1", "1\n", "1 \t\r\n\x0b\x0c"] {
            fs::write(&path, ok).unwrap();
            check_epoc_txt(dir.path()).unwrap();
        }
        for bad in ["2", " 1", "1x", "", "01"] {
            fs::write(&path, bad).unwrap();
            let err = check_epoc_txt(dir.path()).unwrap_err();
            assert!(
                matches!(err.kind(), OpenErrorKind::BadEpocTxt { .. }),
                "{bad:?}: {err}"
            );
            assert_eq!(err.path(), path);
        }
        fs::write(&path, [b'1'; 200]).unwrap();
        assert!(matches!(
            check_epoc_txt(dir.path()).unwrap_err().kind(),
            OpenErrorKind::FileTooLarge { len: 200 }
        ));
    }

    #[test]
    fn txt_files_written_as_vere() {
        let dir = tempfile::tempdir().unwrap();
        write_txt_files(dir.path()).unwrap();
        assert_eq!(fs::read(dir.path().join("epoc.txt")).unwrap(), b"1");
        assert_eq!(fs::read(dir.path().join("vere.txt")).unwrap(), b"3.0");
        assert_eq!(read_vere_txt(dir.path()).unwrap().as_deref(), Some("3.0"));
        check_epoc_txt(dir.path()).unwrap();
    }

    #[test]
    fn epoch_info_ranges() {
        let info = EpochInfo {
            base: 42,
            dir: PathBuf::from("0i42"),
            vere_version: None,
            last: 58,
        };
        assert_eq!((info.first(), info.len(), info.is_empty()), (43, 16, false));
        let empty = EpochInfo { last: 42, ..info };
        assert!(empty.is_empty());
    }
}
