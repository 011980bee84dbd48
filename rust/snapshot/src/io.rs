//! Every filesystem operation of this crate goes through [`Io`], so tests
//! can inject faults ([`FaultIo`](crate::fault::FaultIo)); [`RealIo`] is the
//! real thing.
//!
//! The trait is small and close to the system calls: the store's protocol
//! (which file, which order, what to do on failure) lives in the store, and
//! an implementation only performs or refuses single operations. Files are
//! real [`File`]s; reads and writes are positional (`pread`/`pwrite`) and may
//! be short, as the system calls may.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, FileExt, OpenOptionsExt};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// Mode of the directories the store creates (before the umask).
pub const DIR_MODE: u32 = 0o755;
/// Mode of the files the store creates (before the umask).
pub const FILE_MODE: u32 = 0o644;

/// The filesystem, as the store sees it.
pub trait Io: fmt::Debug + Send {
    /// Is `path` (following symbolic links) a directory? `NotFound` if it
    /// does not exist.
    fn is_dir(&self, path: &Path) -> io::Result<bool>;
    /// Creates one directory, mode [`DIR_MODE`]; `AlreadyExists` if it does.
    fn create_dir(&self, path: &Path) -> io::Result<()>;
    /// Opens an existing file for reading.
    fn open_read(&self, path: &Path) -> io::Result<File>;
    /// The length of an open file.
    fn file_len(&self, file: &File) -> io::Result<u64>;
    /// Reads at `offset`; may read less than `buf.len()`, 0 at end of file.
    fn read_at(&self, file: &File, offset: u64, buf: &mut [u8]) -> io::Result<usize>;
    /// Opens `path` for writing, creating it (mode [`FILE_MODE`]) or
    /// truncating it: `O_WRONLY | O_CREAT | O_TRUNC`.
    fn create_truncate(&self, path: &Path) -> io::Result<File>;
    /// Writes at `offset`; may write less than `buf.len()`.
    fn write_at(&self, file: &File, offset: u64, buf: &[u8]) -> io::Result<usize>;
    /// `fsync` of a file: its data and metadata are on the disk.
    fn sync_file(&self, file: &File) -> io::Result<()>;
    /// Renames `from` to `to` atomically, replacing `to` if it exists.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Renames `from` to `to`, failing with `AlreadyExists` (and changing
    /// nothing) if `to` exists.
    fn rename_noreplace(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a file (the store only ever removes its own `data.pma.tmp`).
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    /// `fsync` of a directory: the names in it are on the disk.
    fn sync_dir(&self, path: &Path) -> io::Result<()>;
    /// Seconds since the Unix epoch (for quarantine names).
    fn unix_time(&self) -> u64;
}

/// The real filesystem.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealIo;

impl Io for RealIo {
    fn is_dir(&self, path: &Path) -> io::Result<bool> {
        fs::metadata(path).map(|m| m.is_dir())
    }

    fn create_dir(&self, path: &Path) -> io::Result<()> {
        fs::DirBuilder::new().mode(DIR_MODE).create(path)
    }

    fn open_read(&self, path: &Path) -> io::Result<File> {
        File::open(path)
    }

    fn file_len(&self, file: &File) -> io::Result<u64> {
        file.metadata().map(|m| m.len())
    }

    fn read_at(&self, file: &File, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        FileExt::read_at(file, buf, offset)
    }

    fn create_truncate(&self, path: &Path) -> io::Result<File> {
        OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(FILE_MODE)
            .open(path)
    }

    fn write_at(&self, file: &File, offset: u64, buf: &[u8]) -> io::Result<usize> {
        FileExt::write_at(file, buf, offset)
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn rename_noreplace(&self, from: &Path, to: &Path) -> io::Result<()> {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        {
            use nix::errno::Errno;
            use nix::fcntl::{renameat2, RenameFlags};
            match renameat2(None, from, None, to, RenameFlags::RENAME_NOREPLACE) {
                Ok(()) => return Ok(()),
                // The filesystem does not support the flag: fall back below.
                Err(Errno::EINVAL | Errno::ENOSYS) => {}
                Err(e) => return Err(e.into()),
            }
        }
        // Portable: link(2) never replaces its target. If we die between
        // the two calls, both names hold the same file; nothing is lost.
        fs::hard_link(from, to)?;
        fs::remove_file(from)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn sync_dir(&self, path: &Path) -> io::Result<()> {
        File::open(path)?.sync_all()
    }

    fn unix_time(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }
}

/// Reads into all of `buf` at `offset`, retrying short reads and `EINTR`;
/// returns how many bytes were read, less than `buf.len()` only at end of
/// file.
pub(crate) fn read_full(
    io: &dyn Io,
    file: &File,
    offset: u64,
    buf: &mut [u8],
) -> io::Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match io.read_at(file, offset + done as u64, &mut buf[done..]) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

/// Writes all of `buf` at `offset`, retrying short writes and `EINTR`; a
/// write of 0 bytes is an error (`WriteZero`), never an endless loop.
pub(crate) fn write_full(io: &dyn Io, file: &File, offset: u64, buf: &[u8]) -> io::Result<()> {
    let mut done = 0;
    while done < buf.len() {
        match io.write_at(file, offset + done as u64, &buf[done..]) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_noreplace_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::write(&a, b"a").unwrap();
        fs::write(&b, b"b").unwrap();
        let e = RealIo.rename_noreplace(&a, &b).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&a).unwrap(), b"a");
        assert_eq!(fs::read(&b).unwrap(), b"b");
        let c = dir.path().join("c");
        RealIo.rename_noreplace(&a, &c).unwrap();
        assert!(!a.exists());
        assert_eq!(fs::read(&c).unwrap(), b"a");
    }

    #[test]
    fn created_modes() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("d");
        RealIo.create_dir(&d).unwrap();
        let f = d.join("f");
        RealIo.create_truncate(&f).unwrap();
        // The umask can only take bits away.
        let dm = fs::metadata(&d).unwrap().permissions().mode() & 0o7777;
        let fm = fs::metadata(&f).unwrap().permissions().mode() & 0o7777;
        assert_eq!(dm & !DIR_MODE, 0, "{dm:o}");
        assert_eq!(fm & !FILE_MODE, 0, "{fm:o}");
        assert_eq!(dm & 0o700, 0o700);
        assert_eq!(fm & 0o600, 0o600);
    }

    #[test]
    fn create_truncate_truncates() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f");
        fs::write(&f, b"a long stale file").unwrap();
        let h = RealIo.create_truncate(&f).unwrap();
        write_full(&RealIo, &h, 0, b"new").unwrap();
        drop(h);
        assert_eq!(fs::read(&f).unwrap(), b"new");
    }
}
