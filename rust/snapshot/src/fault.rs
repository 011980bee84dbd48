//! [`FaultIo`]: an [`Io`] that performs operations on the real filesystem
//! and injects the faults it is told to, for tests (ours and the serf's).
//!
//! Faults are triggered by call count: the N-th call overall, the N-th call
//! of one [`Op`], or every call of an op from the N-th on (a disk that stays
//! full). Every call is recorded, so a test can run an operation once
//! cleanly, list its calls, and then fail each of them in turn.
//!
//! ```
//! use mars_snapshot::fault::{Fault, FaultIo, Op};
//! const ENOSPC: i32 = 28;
//! // The second write writes 10 bytes, every later write finds the disk full.
//! let io = FaultIo::new()
//!     .at_op(Op::WriteAt, 1, Fault::Short(10))
//!     .from_op(Op::WriteAt, 2, Fault::Fail(ENOSPC));
//! # let _ = io;
//! ```

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::io::{Io, RealIo};

/// `EIO`, the error of a [`Fault::Crash`]ed filesystem.
const EIO: i32 = 5;

/// One operation of [`Io`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// [`Io::is_dir`].
    IsDir,
    /// [`Io::create_dir`].
    CreateDir,
    /// [`Io::open_read`].
    OpenRead,
    /// [`Io::file_len`].
    FileLen,
    /// [`Io::read_at`].
    ReadAt,
    /// [`Io::create_truncate`].
    CreateTruncate,
    /// [`Io::write_at`].
    WriteAt,
    /// [`Io::sync_file`].
    SyncFile,
    /// [`Io::rename`].
    Rename,
    /// [`Io::rename_noreplace`].
    RenameNoreplace,
    /// [`Io::remove_file`].
    RemoveFile,
    /// [`Io::sync_dir`].
    SyncDir,
}

/// What happens to a call that a rule picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Fail with this `errno`, doing nothing.
    Fail(i32),
    /// Do the operation, then fail with this `errno`: the caller cannot know
    /// whether it happened (an `EIO` from a rename that did rename).
    FailAfter(i32),
    /// Reads and writes transfer at most this many bytes (possibly 0) and
    /// report it; other operations are unaffected.
    Short(usize),
    /// Reads flip this bit (modulo the number of bits read) in the data
    /// they return; other operations are unaffected.
    FlipBit(u64),
    /// The process dies here: this call and every later one fail with
    /// `EIO` and do nothing, as if nothing after it had run.
    Crash,
}

#[derive(Clone, Copy, Debug)]
enum Trigger {
    Call(usize),
    Op(Op, usize),
    FromOp(Op, usize),
}

#[derive(Debug, Default)]
struct State {
    calls: Vec<Op>,
    rules: Vec<(Trigger, Fault)>,
    crashed: bool,
    fired: usize,
    clock: Option<u64>,
}

/// The real filesystem with injected faults; clones share their rules and
/// record of calls, so a test keeps a clone to inspect.
#[derive(Clone, Debug, Default)]
pub struct FaultIo {
    state: Arc<Mutex<State>>,
}

impl FaultIo {
    /// No faults yet: behaves as [`RealIo`].
    pub fn new() -> FaultIo {
        FaultIo::default()
    }

    /// `fault` at the `n`-th call (from 0) of any operation.
    #[must_use]
    pub fn at_call(self, n: usize, fault: Fault) -> FaultIo {
        self.rule(Trigger::Call(n), fault)
    }

    /// `fault` at the `n`-th call (from 0) of `op`.
    #[must_use]
    pub fn at_op(self, op: Op, n: usize, fault: Fault) -> FaultIo {
        self.rule(Trigger::Op(op, n), fault)
    }

    /// `fault` at every call of `op` from the `n`-th (from 0) on.
    #[must_use]
    pub fn from_op(self, op: Op, n: usize, fault: Fault) -> FaultIo {
        self.rule(Trigger::FromOp(op, n), fault)
    }

    /// [`Io::unix_time`] returns `secs` instead of the real time.
    #[must_use]
    pub fn with_clock(self, secs: u64) -> FaultIo {
        self.lock().clock = Some(secs);
        self
    }

    /// Every call so far, in order.
    pub fn calls(&self) -> Vec<Op> {
        self.lock().calls.clone()
    }

    /// How many calls were given a fault.
    pub fn fired(&self) -> usize {
        self.lock().fired
    }

    fn rule(self, trigger: Trigger, fault: Fault) -> FaultIo {
        self.lock().rules.push((trigger, fault));
        self
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A test that panicked while holding the lock has failed anyway.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a call of `op` and returns the fault it gets, if any.
    fn begin(&self, op: Op) -> Option<Fault> {
        let mut s = self.lock();
        let call = s.calls.len();
        let nth = s.calls.iter().filter(|&&o| o == op).count();
        s.calls.push(op);
        if s.crashed {
            return Some(Fault::Crash);
        }
        let fault = s.rules.iter().find_map(|&(t, f)| {
            let hit = match t {
                Trigger::Call(n) => n == call,
                Trigger::Op(o, n) => o == op && n == nth,
                Trigger::FromOp(o, n) => o == op && nth >= n,
            };
            hit.then_some(f)
        });
        if let Some(f) = fault {
            s.fired += 1;
            s.crashed |= f == Fault::Crash;
        }
        fault
    }

    /// Runs `f` under the fault for `op`, for the faults that apply to
    /// every operation.
    fn run<T>(&self, op: Op, f: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        match self.begin(op) {
            Some(Fault::Fail(errno)) => Err(io::Error::from_raw_os_error(errno)),
            Some(Fault::Crash) => Err(io::Error::from_raw_os_error(EIO)),
            Some(Fault::FailAfter(errno)) => {
                let _ = f();
                Err(io::Error::from_raw_os_error(errno))
            }
            Some(Fault::Short(_) | Fault::FlipBit(_)) | None => f(),
        }
    }
}

impl Io for FaultIo {
    fn is_dir(&self, path: &Path) -> io::Result<bool> {
        self.run(Op::IsDir, || RealIo.is_dir(path))
    }

    fn create_dir(&self, path: &Path) -> io::Result<()> {
        self.run(Op::CreateDir, || RealIo.create_dir(path))
    }

    fn open_read(&self, path: &Path) -> io::Result<File> {
        self.run(Op::OpenRead, || RealIo.open_read(path))
    }

    fn file_len(&self, file: &File) -> io::Result<u64> {
        self.run(Op::FileLen, || RealIo.file_len(file))
    }

    fn read_at(&self, file: &File, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        match self.begin(Op::ReadAt) {
            Some(Fault::Fail(errno)) => Err(io::Error::from_raw_os_error(errno)),
            Some(Fault::Crash) => Err(io::Error::from_raw_os_error(EIO)),
            Some(Fault::FailAfter(errno)) => {
                let _ = RealIo.read_at(file, offset, buf);
                Err(io::Error::from_raw_os_error(errno))
            }
            Some(Fault::Short(max)) => {
                let n = max.min(buf.len());
                RealIo.read_at(file, offset, &mut buf[..n])
            }
            Some(Fault::FlipBit(bit)) => {
                let n = RealIo.read_at(file, offset, buf)?;
                if n > 0 {
                    let bit = bit % (n as u64 * 8);
                    buf[(bit / 8) as usize] ^= 1 << (bit % 8);
                }
                Ok(n)
            }
            None => RealIo.read_at(file, offset, buf),
        }
    }

    fn create_truncate(&self, path: &Path) -> io::Result<File> {
        self.run(Op::CreateTruncate, || RealIo.create_truncate(path))
    }

    fn write_at(&self, file: &File, offset: u64, buf: &[u8]) -> io::Result<usize> {
        match self.begin(Op::WriteAt) {
            Some(Fault::Fail(errno)) => Err(io::Error::from_raw_os_error(errno)),
            Some(Fault::Crash) => Err(io::Error::from_raw_os_error(EIO)),
            Some(Fault::FailAfter(errno)) => {
                let _ = RealIo.write_at(file, offset, buf);
                Err(io::Error::from_raw_os_error(errno))
            }
            Some(Fault::Short(max)) => {
                let n = max.min(buf.len());
                RealIo.write_at(file, offset, &buf[..n])
            }
            Some(Fault::FlipBit(_)) | None => RealIo.write_at(file, offset, buf),
        }
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.run(Op::SyncFile, || RealIo.sync_file(file))
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.run(Op::Rename, || RealIo.rename(from, to))
    }

    fn rename_noreplace(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.run(Op::RenameNoreplace, || RealIo.rename_noreplace(from, to))
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        self.run(Op::RemoveFile, || RealIo.remove_file(path))
    }

    fn sync_dir(&self, path: &Path) -> io::Result<()> {
        self.run(Op::SyncDir, || RealIo.sync_dir(path))
    }

    fn unix_time(&self) -> u64 {
        self.lock().clock.unwrap_or_else(|| RealIo.unix_time())
    }
}
