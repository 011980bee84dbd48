//! [`Store`]: open, load, save, quarantine. The protocol and its crash
//! analysis are in the crate documentation.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::{
    Invalid, LoadError, LoadErrorKind, OpenError, OpenErrorKind, QuarantineError,
    QuarantineErrorKind, SaveError, SaveErrorKind, Step,
};
use crate::format::{Header, Meta, HEADER_LEN};
use crate::io::{read_full, write_full, Io, RealIo};

/// File name of the snapshot in `<pier>/.urb/chk`.
pub const FILE_NAME: &str = "data.pma";
/// File name of a save in progress (or of one a crash interrupted).
pub const TMP_NAME: &str = "data.pma.tmp";
/// Prefix of quarantined snapshots: `data.pma.bad-<unix-seconds>[-<n>]`.
pub const BAD_PREFIX: &str = "data.pma.bad-";
/// Suffix of the note beside a quarantined snapshot, holding the reason.
pub const NOTE_SUFFIX: &str = ".why";

/// Reads and writes go by pieces of this size, each hashed while it is
/// still in the cache.
const CHUNK: usize = 1 << 20;

/// Candidate quarantine names per second: `bad-<s>`, `bad-<s>-1` ..
const MAX_BAD_NAMES: usize = 1000;

/// The snapshot of one pier, `<pier>/.urb/chk/data.pma`.
///
/// One `Store` per pier at a time (the king's `.vere.lock` ensures one
/// serf). After an I/O failure in [`save`](Store::save) or
/// [`quarantine`](Store::quarantine) the store is *poisoned*: every later
/// call fails with `Poisoned` until the pier is opened again.
#[derive(Debug)]
pub struct Store {
    io: Box<dyn Io>,
    dir: PathBuf,
    path: PathBuf,
    tmp: PathBuf,
    poisoned: bool,
}

impl Store {
    /// Opens the snapshot store of `pier`, which must be a directory.
    /// Creates `<pier>/.urb` and `<pier>/.urb/chk` (mode 0755) if they are
    /// missing, and nothing else; reads no file.
    pub fn open(pier: &Path) -> Result<Store, OpenError> {
        Store::open_with(pier, Box::new(RealIo))
    }

    /// [`open`](Store::open) with every filesystem operation going through
    /// `io` (tests use [`FaultIo`](crate::fault::FaultIo)).
    pub fn open_with(pier: &Path, io: Box<dyn Io>) -> Result<Store, OpenError> {
        match io.is_dir(pier) {
            Ok(true) => {}
            Ok(false) => return Err(OpenError::new(pier, OpenErrorKind::NoPier)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(OpenError::new(pier, OpenErrorKind::NoPier))
            }
            Err(source) => return Err(open_io(pier, Step::Stat, source)),
        }
        let urb = pier.join(".urb");
        let dir = urb.join("chk");
        ensure_dir(&*io, &urb, pier)?;
        ensure_dir(&*io, &dir, &urb)?;
        Ok(Store {
            io,
            path: dir.join(FILE_NAME),
            tmp: dir.join(TMP_NAME),
            dir,
            poisoned: false,
        })
    }

    /// `<pier>/.urb/chk/data.pma`.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Is the store poisoned (see [`Store`])?
    pub fn is_poisoned(&self) -> bool {
        self.poisoned
    }

    /// Reads and verifies the snapshot: `Ok(None)` if there is none, an
    /// error if there is one that cannot be read ([`LoadErrorKind::Io`]) or
    /// trusted ([`LoadErrorKind::Invalid`]). A stale `data.pma.tmp` is
    /// ignored. Changes nothing on disk.
    pub fn load(&mut self) -> Result<Option<(Meta, Vec<u8>)>, LoadError> {
        if self.poisoned {
            return Err(LoadError::new(&self.path, LoadErrorKind::Poisoned));
        }
        let (io, path) = (&*self.io, self.path.as_path());
        let fail = |step| move |source| LoadError::new(path, LoadErrorKind::Io { step, source });
        let invalid = |why| LoadError::new(path, LoadErrorKind::Invalid(why));
        let file = match io.open_read(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(fail(Step::Open)(source)),
        };
        let len = io.file_len(&file).map_err(fail(Step::Read))?;
        let mut head = [0u8; HEADER_LEN];
        let want = len.min(HEADER_LEN as u64) as usize;
        let got = read_full(io, &file, 0, &mut head[..want]).map_err(fail(Step::Read))?;
        if got < want {
            // Shrank since we asked its length.
            return Err(invalid(Invalid::Truncated {
                expected: len,
                found: got as u64,
            }));
        }
        let header = Header::decode(&head[..want], len).map_err(invalid)?;
        let n = usize::try_from(header.payload_len).map_err(|_| {
            invalid(Invalid::TooLarge {
                len: header.payload_len,
            })
        })?;
        // n + HEADER_LEN == len: the allocation is bounded by the file.
        let mut payload = vec![0u8; n];
        let mut hasher = blake3::Hasher::new();
        let mut offset = HEADER_LEN as u64;
        for chunk in payload.chunks_mut(CHUNK) {
            let got = read_full(io, &file, offset, chunk).map_err(fail(Step::Read))?;
            if got < chunk.len() {
                return Err(invalid(Invalid::Truncated {
                    expected: len,
                    found: offset + got as u64,
                }));
            }
            hasher.update(chunk);
            offset += got as u64;
        }
        if hasher.finalize() != blake3::Hash::from_bytes(header.payload_hash) {
            return Err(invalid(Invalid::PayloadChecksum));
        }
        Ok(Some((header.meta, payload)))
    }

    /// Replaces the snapshot with `payload` and `meta`, atomically and
    /// durably: when this returns `Ok`, a crash or power loss leaves the new
    /// snapshot; at any earlier moment, the previous one (or none). On an
    /// error the store is poisoned (except for `EventZero`, refused before
    /// any I/O); `data.pma` holds the old snapshot, or the new one if only
    /// the final directory `fsync` failed.
    pub fn save(&mut self, meta: &Meta, payload: &[u8]) -> Result<(), SaveError> {
        if self.poisoned {
            return Err(SaveError::new(&self.path, SaveErrorKind::Poisoned));
        }
        if meta.event == 0 {
            return Err(SaveError::new(&self.path, SaveErrorKind::EventZero));
        }
        let mut renamed = false;
        let result = self.write_and_rename(meta, payload, &mut renamed);
        if result.is_err() {
            self.poisoned = true;
            if !renamed {
                // Give the space back (a full disk is the usual cause); if
                // this fails too, the next save truncates the file.
                let _ = self.io.remove_file(&self.tmp);
            }
        }
        result
    }

    fn write_and_rename(
        &self,
        meta: &Meta,
        payload: &[u8],
        renamed: &mut bool,
    ) -> Result<(), SaveError> {
        let io = &*self.io;
        let fail = save_io;
        let file: File = io
            .create_truncate(&self.tmp)
            .map_err(fail(&self.tmp, Step::Create))?;
        // Payload first, hashed as it goes; then the header, which holds
        // the hash. Order inside the file does not matter: nobody reads
        // data.pma.tmp.
        let mut hasher = blake3::Hasher::new();
        let mut offset = HEADER_LEN as u64;
        for chunk in payload.chunks(CHUNK) {
            hasher.update(chunk);
            write_full(io, &file, offset, chunk).map_err(fail(&self.tmp, Step::Write))?;
            offset += chunk.len() as u64;
        }
        let header = Header {
            meta: *meta,
            payload_len: payload.len() as u64,
            payload_hash: *hasher.finalize().as_bytes(),
        };
        write_full(io, &file, 0, &header.encode()).map_err(fail(&self.tmp, Step::Write))?;
        io.sync_file(&file)
            .map_err(fail(&self.tmp, Step::SyncFile))?;
        drop(file);
        io.rename(&self.tmp, &self.path)
            .map_err(fail(&self.path, Step::Rename))?;
        *renamed = true;
        io.sync_dir(&self.dir)
            .map_err(fail(&self.dir, Step::SyncDir))
    }

    /// Moves `data.pma` aside to `data.pma.bad-<unix-seconds>`, or
    /// `…-<n>` if that name is taken, without ever replacing or deleting
    /// anything, and returns the new path. `why` goes into a note beside
    /// it, `<new path>.why` (best effort: the move is what matters, and a
    /// failure to write the note is ignored).
    pub fn quarantine(&mut self, why: &str) -> Result<PathBuf, QuarantineError> {
        if self.poisoned {
            return Err(QuarantineError::new(
                &self.path,
                QuarantineErrorKind::Poisoned,
            ));
        }
        let secs = self.io.unix_time();
        for n in 0..MAX_BAD_NAMES {
            let name = if n == 0 {
                format!("{BAD_PREFIX}{secs}")
            } else {
                format!("{BAD_PREFIX}{secs}-{n}")
            };
            let to = self.dir.join(name);
            match self.io.rename_noreplace(&self.path, &to) {
                Ok(()) => {
                    if let Err(source) = self.io.sync_dir(&self.dir) {
                        self.poisoned = true;
                        return Err(QuarantineError::new(
                            &self.dir,
                            QuarantineErrorKind::Io {
                                step: Step::SyncDir,
                                source,
                            },
                        ));
                    }
                    self.write_note(&to, why);
                    return Ok(to);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return Err(QuarantineError::new(
                        &self.path,
                        QuarantineErrorKind::NoSnapshot,
                    ))
                }
                Err(source) => {
                    self.poisoned = true;
                    return Err(QuarantineError::new(
                        &self.path,
                        QuarantineErrorKind::Io {
                            step: Step::Rename,
                            source,
                        },
                    ));
                }
            }
        }
        Err(QuarantineError::new(
            &self.path,
            QuarantineErrorKind::NoFreeName,
        ))
    }

    fn write_note(&self, bad: &Path, why: &str) {
        let mut note = bad.as_os_str().to_owned();
        note.push(NOTE_SUFFIX);
        let text = format!("{why}\n");
        if let Ok(file) = self.io.create_truncate(Path::new(&note)) {
            let _ = write_full(&*self.io, &file, 0, text.as_bytes());
        }
    }
}

/// Makes the error of a failed save `step` on `path`; the path is copied
/// only if it fails.
fn save_io(path: &Path, step: Step) -> impl FnOnce(io::Error) -> SaveError + '_ {
    move |source| SaveError::new(path, SaveErrorKind::Io { step, source })
}

#[cold]
fn open_io(path: &Path, step: Step, source: io::Error) -> OpenError {
    OpenError::new(path, OpenErrorKind::Io { step, source })
}

/// Makes sure `dir` is a directory, creating it (and making its name
/// durable in `parent`) if it is missing.
fn ensure_dir(io: &dyn Io, dir: &Path, parent: &Path) -> Result<(), OpenError> {
    match io.is_dir(dir) {
        Ok(true) => return Ok(()),
        Ok(false) => return Err(OpenError::new(dir, OpenErrorKind::NotADirectory)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(source) => return Err(open_io(dir, Step::Stat, source)),
    }
    match io.create_dir(dir) {
        Ok(()) => {}
        // Created meanwhile by someone else (vere's serf does the same).
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return match io.is_dir(dir) {
                Ok(true) => Ok(()),
                Ok(false) => Err(OpenError::new(dir, OpenErrorKind::NotADirectory)),
                Err(source) => Err(open_io(dir, Step::Stat, source)),
            }
        }
        Err(source) => return Err(open_io(dir, Step::CreateDir, source)),
    }
    io.sync_dir(parent)
        .map_err(|source| open_io(parent, Step::SyncDir, source))
}

#[cfg(test)]
mod tests;
