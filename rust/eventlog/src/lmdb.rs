//! Thin safe wrapper over `lmdb-sys`: environments, transactions, tables
//! and cursors, each released by `Drop`.
//!
//! This is the only file of mars with `unsafe`. It knows nothing of events,
//! epochs or META: keys and values are byte slices.
//!
//! # Lifetimes
//!
//! * [`Env`] owns an `MDB_env`; closing it (on drop) requires that no
//!   transaction is live, which the borrow checker guarantees because a
//!   [`Txn`] borrows its `Env`.
//! * Slices returned by [`Txn::get`] and [`Cursor`] point into LMDB's memory
//!   map (or into a dirty page of a write transaction). They borrow the
//!   transaction, so they cannot outlive it, and a write transaction cannot be
//!   modified (`&mut self`) while one of them is alive.
//! * A [`Dbi`] is a table handle: a small integer valid for the life of its
//!   environment. It remembers which environment it belongs to and every use
//!   checks that, so a handle cannot be used with another environment.
//!
//! # Threads
//!
//! `Env` is `Send` but not `Sync`: it may move to another thread when no
//! transaction is live, and `mdb_dbi_open` is never called concurrently on one
//! environment. `Txn` and `Cursor` hold raw pointers and are neither: LMDB's
//! write lock is a mutex that the locking thread must release.
//!
//! # One open per process
//!
//! LMDB forbids opening the same environment twice in one process: closing the
//! second handle drops the first one's POSIX `fcntl` lock on `lock.mdb`, after
//! which another process (vere's king) may believe it is alone and reset the
//! reader table under our feet. [`Env::open`] therefore registers every
//! environment opened with a lock file (by device and inode of its directory)
//! and refuses a second one with [`EnvOpenError::AlreadyOpen`].

use std::ffi::{c_int, c_uint, CString};
use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::ptr::{self, NonNull};
use std::sync::Mutex;

use lmdb_sys as ffi;

#[cfg(not(target_pointer_width = "64"))]
compile_error!("mars-eventlog needs a 64-bit target (1 TiB LMDB map, as vere)");

/// Map size of every environment, as vere v3.0 (`disk.c`, `siz_i`): 1 TiB,
/// or 500 GiB on aarch64 Linux (musl refuses larger maps there).
#[cfg(all(target_arch = "aarch64", target_os = "linux"))]
pub(crate) const MAP_SIZE: usize = 0x7d_0000_0000;
/// Map size of every environment, as vere v3.0 (`disk.c`, `siz_i`): 1 TiB.
#[cfg(not(all(target_arch = "aarch64", target_os = "linux")))]
pub(crate) const MAP_SIZE: usize = 0x100_0000_0000;

/// Named tables per environment, as vere (`mdb_env_set_maxdbs(env, 2)`).
const MAX_DBS: ffi::MDB_dbi = 2;

/// Mode of files LMDB creates, as vere (`mdb_env_open(.., 0664)`).
const FILE_MODE: ffi::mode_t = 0o664;

/// How an environment is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// `MDB_RDONLY | MDB_NOTLS`, with LMDB's lock file: safe while another
    /// process (vere's king) writes the environment.
    Read,
    /// `MDB_RDONLY | MDB_NOLOCK`: touches no file at all, works in a
    /// read-only directory without `lock.mdb`; only for environments nobody
    /// writes.
    ReadNoLock,
    /// Flags 0, exactly as vere's king: read-write with a lock file; creates
    /// `data.mdb` and `lock.mdb` when missing.
    Write,
}

impl Access {
    fn flags(self) -> c_uint {
        match self {
            Access::Read => ffi::MDB_RDONLY | ffi::MDB_NOTLS,
            Access::ReadNoLock => ffi::MDB_RDONLY | ffi::MDB_NOLOCK | ffi::MDB_NOTLS,
            Access::Write => 0,
        }
    }

    fn uses_lock_file(self) -> bool {
        !matches!(self, Access::ReadNoLock)
    }
}

/// A non-zero return code of an LMDB call: an LMDB code (negative) or an
/// `errno` value (positive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LmdbCode(pub i32);

impl LmdbCode {
    /// `MDB_NOTFOUND`: no such key, or end of the table.
    pub const NOT_FOUND: LmdbCode = LmdbCode(ffi::MDB_NOTFOUND);
    /// `MDB_KEYEXIST`: a put with `MDB_NOOVERWRITE` met an existing key.
    pub const KEY_EXIST: LmdbCode = LmdbCode(ffi::MDB_KEYEXIST);
    /// `MDB_BAD_DBI`: a table handle used with the wrong environment.
    pub const BAD_DBI: LmdbCode = LmdbCode(ffi::MDB_BAD_DBI);

    /// LMDB's name for its own codes.
    fn lmdb_name(self) -> Option<&'static str> {
        let name = match self.0 {
            ffi::MDB_KEYEXIST => "MDB_KEYEXIST: key/data pair already exists",
            ffi::MDB_NOTFOUND => "MDB_NOTFOUND: no matching key/data pair found",
            ffi::MDB_PAGE_NOTFOUND => "MDB_PAGE_NOTFOUND: requested page not found",
            ffi::MDB_CORRUPTED => "MDB_CORRUPTED: located page was wrong type",
            ffi::MDB_PANIC => "MDB_PANIC: update of meta page failed",
            ffi::MDB_VERSION_MISMATCH => {
                "MDB_VERSION_MISMATCH: database environment version mismatch"
            }
            ffi::MDB_INVALID => "MDB_INVALID: file is not an LMDB file",
            ffi::MDB_MAP_FULL => "MDB_MAP_FULL: environment mapsize limit reached",
            ffi::MDB_DBS_FULL => "MDB_DBS_FULL: environment maxdbs limit reached",
            ffi::MDB_READERS_FULL => "MDB_READERS_FULL: environment maxreaders limit reached",
            ffi::MDB_TLS_FULL => "MDB_TLS_FULL: thread-local storage keys full",
            ffi::MDB_TXN_FULL => "MDB_TXN_FULL: transaction has too many dirty pages",
            ffi::MDB_CURSOR_FULL => "MDB_CURSOR_FULL: internal error - cursor stack limit reached",
            ffi::MDB_PAGE_FULL => "MDB_PAGE_FULL: internal error - page has no more space",
            ffi::MDB_MAP_RESIZED => {
                "MDB_MAP_RESIZED: database contents grew beyond environment mapsize"
            }
            ffi::MDB_INCOMPATIBLE => {
                "MDB_INCOMPATIBLE: operation and DB incompatible, or DB flags changed"
            }
            ffi::MDB_BAD_RSLOT => "MDB_BAD_RSLOT: invalid reuse of reader locktable slot",
            ffi::MDB_BAD_TXN => "MDB_BAD_TXN: transaction must abort, has a child, or is invalid",
            ffi::MDB_BAD_VALSIZE => "MDB_BAD_VALSIZE: unsupported size of key/DB name/data",
            ffi::MDB_BAD_DBI => {
                "MDB_BAD_DBI: the specified DBI handle was closed/changed unexpectedly"
            }
            _ => return None,
        };
        Some(name)
    }
}

impl fmt::Display for LmdbCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lmdb_name() {
            Some(name) => f.write_str(name),
            None if self.0 > 0 => io::Error::from_raw_os_error(self.0).fmt(f),
            None => write!(f, "unknown LMDB error {}", self.0),
        }
    }
}

/// A failed LMDB call: which call, and its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("lmdb {op}: {code}")]
pub struct LmdbError {
    /// The LMDB function that failed, e.g. `mdb_env_open`.
    pub op: &'static str,
    /// Its return code.
    pub code: LmdbCode,
}

impl LmdbError {
    /// Whether this is `MDB_NOTFOUND`.
    pub fn is_not_found(&self) -> bool {
        self.code == LmdbCode::NOT_FOUND
    }

    /// Whether this is `MDB_KEYEXIST`.
    pub fn is_key_exist(&self) -> bool {
        self.code == LmdbCode::KEY_EXIST
    }
}

/// Turns an LMDB return code into a `Result`.
fn check(op: &'static str, rc: c_int) -> Result<(), LmdbError> {
    if rc == ffi::MDB_SUCCESS {
        Ok(())
    } else {
        Err(LmdbError {
            op,
            code: LmdbCode(rc),
        })
    }
}

/// Like [`check`], with `MDB_NOTFOUND` mapped to `Ok(false)`.
fn check_found(op: &'static str, rc: c_int) -> Result<bool, LmdbError> {
    if rc == ffi::MDB_NOTFOUND {
        Ok(false)
    } else {
        check(op, rc).map(|()| true)
    }
}

/// Why [`Env::open`] failed.
#[derive(Debug)]
pub(crate) enum EnvOpenError {
    /// The directory could not be examined, or its path holds a NUL byte.
    Io(io::Error),
    /// This process already has the environment open.
    AlreadyOpen,
    /// An LMDB call failed.
    Lmdb(LmdbError),
}

impl From<LmdbError> for EnvOpenError {
    fn from(e: LmdbError) -> Self {
        EnvOpenError::Lmdb(e)
    }
}

/// Environments open with a lock file in this process, by (device, inode)
/// of their directory.
static OPEN_DIRS: Mutex<Vec<(u64, u64)>> = Mutex::new(Vec::new());

/// Registration of an environment directory in [`OPEN_DIRS`]; released on
/// drop.
#[derive(Debug)]
struct Claim {
    id: (u64, u64),
}

impl Claim {
    fn take(dir: &Path) -> Result<Claim, EnvOpenError> {
        let meta = std::fs::metadata(dir).map_err(EnvOpenError::Io)?;
        let id = (meta.dev(), meta.ino());
        let mut open = OPEN_DIRS
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if open.contains(&id) {
            return Err(EnvOpenError::AlreadyOpen);
        }
        open.push(id);
        Ok(Claim { id })
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let mut open = OPEN_DIRS
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        open.retain(|id| *id != self.id);
    }
}

/// An open LMDB environment (a directory holding `data.mdb`).
#[derive(Debug)]
pub(crate) struct Env {
    raw: NonNull<ffi::MDB_env>,
    dir: PathBuf,
    access: Access,
    /// Dropped after `raw` is closed (see `Drop`).
    _claim: Option<Claim>,
}

// SAFETY: an `MDB_env` may be used from any thread. The only thread-bound
// LMDB state is a live transaction (write mutex; reader slot without
// `MDB_NOTLS`), and a `Txn` borrows its `Env`, so an `Env` can only move to
// another thread when none is live. `Env` is not `Sync`, so `mdb_dbi_open`
// (which must not run concurrently on one environment) is never raced.
unsafe impl Send for Env {}

impl Env {
    /// Opens the environment in `dir` with vere's settings: 2 named tables,
    /// map size [`MAP_SIZE`], file mode 0664.
    pub(crate) fn open(dir: &Path, access: Access) -> Result<Env, EnvOpenError> {
        let path = CString::new(dir.as_os_str().as_bytes()).map_err(|_| {
            EnvOpenError::Io(io::Error::new(
                io::ErrorKind::InvalidInput,
                "path contains a NUL byte",
            ))
        })?;
        let claim = if access.uses_lock_file() {
            Some(Claim::take(dir)?)
        } else {
            None
        };

        let mut raw = ptr::null_mut();
        // SAFETY: `raw` is a valid out-pointer; on success LMDB stores a new
        // environment handle in it.
        check("mdb_env_create", unsafe { ffi::mdb_env_create(&mut raw) })?;
        let raw = NonNull::new(raw).ok_or(LmdbError {
            op: "mdb_env_create",
            code: LmdbCode(ENOMEM),
        })?;
        // From here on `env`'s `Drop` closes the handle, as LMDB requires
        // even when `mdb_env_open` fails.
        let env = Env {
            raw,
            dir: dir.to_path_buf(),
            access,
            _claim: claim,
        };

        // SAFETY: `env.raw` is a live environment handle not yet opened,
        // which is when maxdbs and mapsize may be set.
        check("mdb_env_set_maxdbs", unsafe {
            ffi::mdb_env_set_maxdbs(env.raw.as_ptr(), MAX_DBS)
        })?;
        // SAFETY: as above.
        check("mdb_env_set_mapsize", unsafe {
            ffi::mdb_env_set_mapsize(env.raw.as_ptr(), MAP_SIZE)
        })?;
        // SAFETY: `env.raw` is live and not yet opened; `path` is a
        // NUL-terminated string that outlives the call (LMDB copies it).
        check("mdb_env_open", unsafe {
            ffi::mdb_env_open(env.raw.as_ptr(), path.as_ptr(), access.flags(), FILE_MODE)
        })?;
        Ok(env)
    }

    /// Identity of this environment, for [`Dbi`].
    fn addr(&self) -> usize {
        self.raw.as_ptr() as usize
    }

    /// The environment's directory.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether write transactions are possible.
    pub(crate) fn is_writable(&self) -> bool {
        self.access == Access::Write
    }

    /// Opens the named table `name`. Returns `Ok(None)` if it does not exist
    /// and `create` is false. `create` needs a writable environment.
    ///
    /// The handle is opened in its own transaction, committed at once, so it
    /// stays valid for the life of the environment. Call it when no other
    /// transaction of this environment is live in this thread.
    pub(crate) fn open_db(
        &self,
        name: &str,
        integer_key: bool,
        create: bool,
    ) -> Result<Option<Dbi>, LmdbError> {
        let name = CString::new(name).map_err(|_| LmdbError {
            op: "mdb_dbi_open",
            code: LmdbCode(ffi::MDB_BAD_VALSIZE),
        })?;
        let mut flags = 0;
        if integer_key {
            flags |= ffi::MDB_INTEGERKEY;
        }
        if create {
            flags |= ffi::MDB_CREATE;
        }
        let txn = if create {
            self.write_txn()?
        } else {
            self.read_txn()?
        };
        let mut dbi: ffi::MDB_dbi = 0;
        // SAFETY: `txn.raw` is a live transaction of this environment,
        // `name` is NUL-terminated and outlives the call, `dbi` is a valid
        // out-pointer.
        let rc = unsafe { ffi::mdb_dbi_open(txn.raw.as_ptr(), name.as_ptr(), flags, &mut dbi) };
        if !check_found("mdb_dbi_open", rc)? {
            return Ok(None);
        }
        // Committing (even a read-only transaction) keeps the handle open for
        // the life of the environment; aborting would close it.
        txn.commit()?;
        Ok(Some(Dbi {
            raw: dbi,
            env: self.addr(),
        }))
    }

    /// Begins a read-only transaction.
    pub(crate) fn read_txn(&self) -> Result<Txn<'_>, LmdbError> {
        self.begin(ffi::MDB_RDONLY, false)
    }

    /// Begins a write transaction (blocks while another process writes).
    pub(crate) fn write_txn(&self) -> Result<Txn<'_>, LmdbError> {
        if !self.is_writable() {
            return Err(LmdbError {
                op: "mdb_txn_begin",
                code: LmdbCode(EACCES),
            });
        }
        self.begin(0, true)
    }

    fn begin(&self, flags: c_uint, writable: bool) -> Result<Txn<'_>, LmdbError> {
        let mut raw = ptr::null_mut();
        // SAFETY: `self.raw` is an open environment (`Env` exists only after
        // a successful `mdb_env_open`), there is no parent transaction, and
        // `raw` is a valid out-pointer.
        check("mdb_txn_begin", unsafe {
            ffi::mdb_txn_begin(self.raw.as_ptr(), ptr::null_mut(), flags, &mut raw)
        })?;
        let raw = NonNull::new(raw).ok_or(LmdbError {
            op: "mdb_txn_begin",
            code: LmdbCode(ENOMEM),
        })?;
        Ok(Txn {
            raw,
            env: self,
            writable,
        })
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        // SAFETY: `self.raw` came from `mdb_env_create` and is closed only
        // here; no transaction is live since every `Txn` borrows `self`.
        unsafe { ffi::mdb_env_close(self.raw.as_ptr()) }
    }
}

/// A named-table handle, valid for the life of the [`Env`] that opened it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dbi {
    raw: ffi::MDB_dbi,
    /// Address of the environment that opened it; compared, never
    /// dereferenced.
    env: usize,
}

/// A transaction; aborted on drop unless committed.
#[derive(Debug)]
pub(crate) struct Txn<'env> {
    raw: NonNull<ffi::MDB_txn>,
    env: &'env Env,
    writable: bool,
}

/// Builds an `MDB_val` that LMDB only reads.
fn val_in(bytes: &[u8]) -> ffi::MDB_val {
    ffi::MDB_val {
        mv_size: bytes.len(),
        mv_data: bytes.as_ptr().cast_mut().cast(),
    }
}

/// An `MDB_val` for LMDB to fill in.
fn val_out() -> ffi::MDB_val {
    ffi::MDB_val {
        mv_size: 0,
        mv_data: ptr::null_mut(),
    }
}

impl<'env> Txn<'env> {
    fn check_dbi(&self, op: &'static str, db: Dbi) -> Result<(), LmdbError> {
        if db.env == self.env.addr() {
            Ok(())
        } else {
            Err(LmdbError {
                op,
                code: LmdbCode::BAD_DBI,
            })
        }
    }

    /// The value stored under `key`, if any.
    pub(crate) fn get(&self, db: Dbi, key: &[u8]) -> Result<Option<&[u8]>, LmdbError> {
        self.check_dbi("mdb_get", db)?;
        let mut k = val_in(key);
        let mut v = val_out();
        // SAFETY: `self.raw` is live, `db` belongs to its environment, `k`
        // points at `key` (which LMDB only reads), `v` is an out-value.
        let rc = unsafe { ffi::mdb_get(self.raw.as_ptr(), db.raw, &mut k, &mut v) };
        if !check_found("mdb_get", rc)? {
            return Ok(None);
        }
        // SAFETY: `v` was just filled by a successful `mdb_get` in this
        // transaction; the slice borrows `self`, so the transaction can
        // neither end nor be written to while it lives.
        Ok(Some(unsafe { borrow_val(&v) }))
    }

    /// Number of entries in the table.
    pub(crate) fn entries(&self, db: Dbi) -> Result<u64, LmdbError> {
        self.check_dbi("mdb_stat", db)?;
        let mut stat = ffi::MDB_stat {
            ms_psize: 0,
            ms_depth: 0,
            ms_branch_pages: 0,
            ms_leaf_pages: 0,
            ms_overflow_pages: 0,
            ms_entries: 0,
        };
        // SAFETY: `self.raw` is live, `db` belongs to its environment and
        // `stat` is a valid out-pointer.
        check("mdb_stat", unsafe {
            ffi::mdb_stat(self.raw.as_ptr(), db.raw, &mut stat)
        })?;
        Ok(stat.ms_entries as u64)
    }

    /// Stores `value` under `key`. With `no_overwrite`, an existing key fails
    /// with `MDB_KEYEXIST` (see [`LmdbError::is_key_exist`]).
    pub(crate) fn put(
        &mut self,
        db: Dbi,
        key: &[u8],
        value: &[u8],
        no_overwrite: bool,
    ) -> Result<(), LmdbError> {
        self.check_writable("mdb_put")?;
        self.check_dbi("mdb_put", db)?;
        let flags = if no_overwrite {
            ffi::MDB_NOOVERWRITE
        } else {
            0
        };
        let mut k = val_in(key);
        let mut v = val_in(value);
        // SAFETY: `self.raw` is a live write transaction, `db` belongs to its
        // environment; `k` and `v` point at caller slices that LMDB copies
        // (no `MDB_RESERVE`) and does not write.
        check("mdb_put", unsafe {
            ffi::mdb_put(self.raw.as_ptr(), db.raw, &mut k, &mut v, flags)
        })
    }

    /// Deletes `key`; `Ok(false)` if it was absent.
    #[cfg(test)]
    pub(crate) fn del(&mut self, db: Dbi, key: &[u8]) -> Result<bool, LmdbError> {
        self.check_writable("mdb_del")?;
        self.check_dbi("mdb_del", db)?;
        let mut k = val_in(key);
        // SAFETY: `self.raw` is a live write transaction, `db` belongs to its
        // environment, `k` points at `key`, and a null data pointer means
        // "any value" for a table without duplicates.
        let rc = unsafe { ffi::mdb_del(self.raw.as_ptr(), db.raw, &mut k, ptr::null_mut()) };
        check_found("mdb_del", rc)
    }

    fn check_writable(&self, op: &'static str) -> Result<(), LmdbError> {
        if self.writable {
            Ok(())
        } else {
            Err(LmdbError {
                op,
                code: LmdbCode(EACCES),
            })
        }
    }

    /// Opens a cursor on `db`.
    pub(crate) fn cursor(&self, db: Dbi) -> Result<Cursor<'_>, LmdbError> {
        self.check_dbi("mdb_cursor_open", db)?;
        let mut raw = ptr::null_mut();
        // SAFETY: `self.raw` is live, `db` belongs to its environment and
        // `raw` is a valid out-pointer.
        check("mdb_cursor_open", unsafe {
            ffi::mdb_cursor_open(self.raw.as_ptr(), db.raw, &mut raw)
        })?;
        let raw = NonNull::new(raw).ok_or(LmdbError {
            op: "mdb_cursor_open",
            code: LmdbCode(ENOMEM),
        })?;
        Ok(Cursor {
            raw,
            txn: PhantomData,
        })
    }

    /// Commits (for a read-only transaction: ends it, keeping table handles
    /// opened in it).
    pub(crate) fn commit(self) -> Result<(), LmdbError> {
        let raw = self.raw;
        // The transaction is freed by `mdb_txn_commit` whatever it returns:
        // do not abort it again in `Drop`.
        std::mem::forget(self);
        // SAFETY: `raw` is a live transaction with no live cursor (cursors
        // borrow the `Txn`, which has been moved into this call) and is not
        // used again.
        check("mdb_txn_commit", unsafe {
            ffi::mdb_txn_commit(raw.as_ptr())
        })
    }
}

impl Drop for Txn<'_> {
    fn drop(&mut self) {
        // SAFETY: `self.raw` is live (a committed `Txn` is forgotten, never
        // dropped) and has no live cursor (cursors borrow `self`).
        unsafe { ffi::mdb_txn_abort(self.raw.as_ptr()) }
    }
}

/// A key and value borrowed from a transaction.
pub(crate) type Entry<'t> = (&'t [u8], &'t [u8]);

/// A cursor over one table; closed on drop.
#[derive(Debug)]
pub(crate) struct Cursor<'txn> {
    raw: NonNull<ffi::MDB_cursor>,
    txn: PhantomData<&'txn ()>,
}

impl<'txn> Cursor<'txn> {
    fn get(
        &mut self,
        op: ffi::MDB_cursor_op,
        key: Option<&[u8]>,
    ) -> Result<Option<Entry<'txn>>, LmdbError> {
        let mut k = key.map_or_else(val_out, val_in);
        let mut v = val_out();
        // SAFETY: `self.raw` is a live cursor of a live transaction (it
        // borrows it); `k` is either an input key LMDB only reads or an
        // out-value, `v` is an out-value.
        let rc = unsafe { ffi::mdb_cursor_get(self.raw.as_ptr(), &mut k, &mut v, op) };
        if !check_found("mdb_cursor_get", rc)? {
            return Ok(None);
        }
        // SAFETY: `k` and `v` were just filled by a successful cursor read;
        // they point into the map or into pages of the transaction that
        // `'txn` borrows, valid until it ends or is written to, which the
        // borrow prevents. (After `MDB_SET_KEY`, `k` points at the stored key
        // rather than at the caller's slice.)
        let entry = unsafe { (borrow_val(&k), borrow_val(&v)) };
        Ok(Some(entry))
    }

    /// The first entry.
    pub(crate) fn first(&mut self) -> Result<Option<Entry<'txn>>, LmdbError> {
        self.get(ffi::MDB_FIRST, None)
    }

    /// The last entry.
    pub(crate) fn last(&mut self) -> Result<Option<Entry<'txn>>, LmdbError> {
        self.get(ffi::MDB_LAST, None)
    }

    /// The entry after the current one.
    pub(crate) fn next(&mut self) -> Result<Option<Entry<'txn>>, LmdbError> {
        self.get(ffi::MDB_NEXT, None)
    }

    /// The entry whose key is exactly `key`.
    pub(crate) fn set_key(&mut self, key: &[u8]) -> Result<Option<Entry<'txn>>, LmdbError> {
        self.get(ffi::MDB_SET_KEY, Some(key))
    }

    /// The first entry whose key is `>= key`.
    pub(crate) fn set_range(&mut self, key: &[u8]) -> Result<Option<Entry<'txn>>, LmdbError> {
        self.get(ffi::MDB_SET_RANGE, Some(key))
    }
}

impl Drop for Cursor<'_> {
    fn drop(&mut self) {
        // SAFETY: `self.raw` is a live cursor of a transaction that is still
        // live (the cursor borrows it); it is closed only here.
        unsafe { ffi::mdb_cursor_close(self.raw.as_ptr()) }
    }
}

/// `ENOMEM` (same value on Linux, macOS and the BSDs).
const ENOMEM: c_int = 12;
/// `EACCES` (same value on Linux, macOS and the BSDs).
const EACCES: c_int = 13;

/// A slice over bytes LMDB handed out.
///
/// # Safety
///
/// `val` must have been filled by a successful LMDB read, and the bytes it
/// points at must stay valid and unmodified for `'a` (in practice: `'a` is a
/// borrow of the live transaction the read happened in, which forbids writes
/// and ending the transaction).
unsafe fn borrow_val<'a>(val: &ffi::MDB_val) -> &'a [u8] {
    if val.mv_size == 0 || val.mv_data.is_null() {
        return &[];
    }
    // SAFETY: non-null, `mv_size` initialised bytes that live for `'a` per
    // this function's contract; LMDB's map is never written through this
    // process while a read borrow exists.
    unsafe { std::slice::from_raw_parts(val.mv_data.cast::<u8>().cast_const(), val.mv_size) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u64) -> [u8; 8] {
        n.to_le_bytes()
    }

    #[test]
    fn put_get_cursor_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::open(dir.path(), Access::Write).unwrap();
        let db = env.open_db("T", true, true).unwrap().unwrap();
        let mut txn = env.write_txn().unwrap();
        for n in [3u64, 1, 2] {
            txn.put(db, &key(n), &[n as u8; 5], true).unwrap();
        }
        let err = txn.put(db, &key(2), b"x", true).unwrap_err();
        assert!(err.is_key_exist());
        txn.commit().unwrap();

        let txn = env.read_txn().unwrap();
        assert_eq!(txn.get(db, &key(2)).unwrap(), Some(&[2u8; 5][..]));
        assert_eq!(txn.get(db, &key(9)).unwrap(), None);
        assert_eq!(txn.entries(db).unwrap(), 3);
        let mut cur = txn.cursor(db).unwrap();
        let (k, _) = cur.first().unwrap().unwrap();
        assert_eq!(k, key(1));
        assert_eq!(cur.next().unwrap().unwrap().0, key(2));
        assert_eq!(cur.last().unwrap().unwrap().0, key(3));
        assert!(cur.next().unwrap().is_none());
        assert!(cur.set_key(&key(7)).unwrap().is_none());
        assert_eq!(cur.set_range(&key(0)).unwrap().unwrap().0, key(1));
    }

    #[test]
    fn missing_table_is_none_and_read_only_refuses_writes() {
        let dir = tempfile::tempdir().unwrap();
        {
            let env = Env::open(dir.path(), Access::Write).unwrap();
            env.open_db("A", false, true).unwrap().unwrap();
        }
        let env = Env::open(dir.path(), Access::Read).unwrap();
        assert!(env.open_db("B", false, false).unwrap().is_none());
        assert!(env.write_txn().is_err());
        let db = env.open_db("A", false, false).unwrap().unwrap();
        let mut txn = env.read_txn().unwrap();
        assert!(txn.put(db, b"k", b"v", false).is_err());
    }

    #[test]
    fn second_open_in_process_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let first = Env::open(dir.path(), Access::Write).unwrap();
        assert!(matches!(
            Env::open(dir.path(), Access::Read),
            Err(EnvOpenError::AlreadyOpen)
        ));
        drop(first);
        Env::open(dir.path(), Access::Read).unwrap();
    }

    #[test]
    fn handle_of_another_env_is_refused() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let env_a = Env::open(a.path(), Access::Write).unwrap();
        let env_b = Env::open(b.path(), Access::Write).unwrap();
        let db_a = env_a.open_db("T", false, true).unwrap().unwrap();
        let txn = env_b.read_txn().unwrap();
        assert_eq!(txn.get(db_a, b"k").unwrap_err().code, LmdbCode::BAD_DBI);
    }

    #[test]
    fn no_lock_mode_creates_no_file() {
        let dir = tempfile::tempdir().unwrap();
        {
            let env = Env::open(dir.path(), Access::Write).unwrap();
            env.open_db("T", false, true).unwrap().unwrap();
        }
        std::fs::remove_file(dir.path().join("lock.mdb")).unwrap();
        let env = Env::open(dir.path(), Access::ReadNoLock).unwrap();
        env.open_db("T", false, false).unwrap().unwrap();
        drop(env);
        assert!(!dir.path().join("lock.mdb").exists());
    }

    #[test]
    fn codes_have_messages() {
        assert!(LmdbCode::NOT_FOUND.to_string().contains("MDB_NOTFOUND"));
        assert!(!LmdbCode(2).to_string().is_empty());
        assert!(LmdbCode(-1).to_string().contains("-1"));
    }
}
