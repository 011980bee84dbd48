//! The event log of an Urbit pier, in vere v3.0's format: the only code in
//! mars that touches LMDB.
//!
//! * [`EventLog`] reads: it opens and checks `<pier>/.urb/log`, reports the
//!   epochs, the META keys and the first and last event, and reads events in
//!   batches across epochs. It is safe to use while vere's king runs on the
//!   pier ([`OpenMode::Locked`]), and can inspect read-only copies
//!   ([`OpenMode::NoLock`]).
//! * [`Writer`] writes, for our tools and tests only (vere's king is the one
//!   that writes a live pier's log): creates a new log, appends events, rolls
//!   a new epoch, with the same files, flags, tables and encodings as vere.
//!
//! Events are bytes here ([`Event`]: number, mug, jam); this crate knows
//! nothing of nouns.
//!
//! # On-disk format
//!
//! ```text
//! <pier>/.urb/log/
//!   data.mdb, lock.mdb     top-level LMDB environment: table META only
//!   0i0/                   epoch 0: events 1 ..
//!     epoc.txt             "1"    epoch format, ASCII, no newline
//!     vere.txt             "3.0"  vere version that made the epoch
//!     data.mdb, lock.mdb   LMDB environment: tables META and EVENTS
//!   0i<N>/                 a later epoch: events N+1 .. (N = last event of
//!     ...                  the previous epoch); vere adds north.bin and
//!                          south.bin, a copy of its snapshot at event N
//! ```
//!
//! An epoch directory is named exactly `0i` + a `u64` in decimal; anything
//! else in `.urb/log` is ignored. The latest epoch is the one with the
//! largest N; vere's king appends to it and replays only from it.
//!
//! Every LMDB environment: `maxdbs` 2, map size 1 TiB (`0x100_0000_0000`;
//! 500 GiB on aarch64 Linux, as vere), file mode 0664, environment flags 0
//! when writing (vere's).
//!
//! EVENTS (opened with `MDB_INTEGERKEY`), one entry per event:
//!
//! ```text
//! key   offset 0  u64 LE   event number (1, 2, ...; contiguous)
//! value offset 0  u32 LE   mug of the kernel after the event (0 = unchecked)
//!       offset 4  bytes    jam of the event (at least 1 byte)
//! ```
//!
//! so a value of 4 bytes or less is corrupt. Lifecycle events (`1..=life`)
//! are raw nouns; later ones are `[now ovum]`.
//!
//! META, in the top-level environment and in every epoch's: keys `version`,
//! `who`, `fake`, `life`, each value the little-endian image of the number
//! with trailing zero bytes removed (0 = empty value); see [`Meta`]:
//!
//! ```text
//! version  u32  03       must be 3 in the top-level META
//! who      u128 (empty)  ~zod; ~nec = 01
//! fake     u8   (empty)  loobean: 0 = fake ship, 01 = real ship
//! life     u32  05       number of lifecycle events (brass pill)
//! ```
//!
//! The host must be little-endian: LMDB orders `MDB_INTEGERKEY` keys as
//! native integers while the format stores them little-endian.
//!
//! # Design
//!
//! * `lmdb.rs` is a thin safe wrapper over `lmdb-sys` (environment,
//!   transaction, table handle, cursor, each with RAII); it is the only file
//!   with `unsafe`. It refuses to open one environment twice in a process,
//!   which LMDB forbids.
//! * `event.rs`, `meta.rs`, `epoch.rs` hold the encodings: EVENTS entries,
//!   META values, epoch directories and their text files.
//! * `log.rs` is the reader, `writer.rs` the writer, `error.rs` the errors:
//!   typed by operation ([`OpenError`], [`ReadError`], [`WriteError`]),
//!   each naming the file and, where it applies, the event; all convert into
//!   [`Error`]. No input, however corrupt, makes this crate panic.
//!
//! # Writing
//!
//! [`Writer`] builds a new log or epoch in a scratch directory
//! (`.urb/tmp-log`, `.urb/log/tmp-0i<N>`, names no reader takes for an
//! epoch), flushes it (LMDB commit, `fsync` of the text files and
//! directories) and renames it into place: after a crash the log or epoch
//! is there whole or not at all, and a leftover scratch directory is deleted
//! by the next attempt. An append is one LMDB transaction (`MDB_NOOVERWRITE`)
//! of contiguous events. Unlike vere, [`Writer::roll`] does not copy vere's
//! snapshot (`.urb/chk/{north,south}.bin`) into the new epoch.
//!
//! # Reading next to a running king
//!
//! In [`OpenMode::Locked`] every environment is opened `MDB_RDONLY` with
//! LMDB's lock file, and every read is a short read-only transaction (one per
//! epoch per batch), so the king's writer never waits on us and never reuses
//! pages we read. Events the king commits later are seen by later reads;
//! epochs it creates later are seen after reopening.

#[cfg(target_endian = "big")]
compile_error!("mars-eventlog assumes a little-endian host (LMDB integer keys are native)");

mod epoch;
mod error;
mod event;
mod lmdb;
mod log;
mod meta;
mod writer;

#[cfg(test)]
mod corruption_tests;
#[cfg(test)]
mod test_support;

pub use epoch::{EpochInfo, EPOCH_FORMAT, VERE_VERSION};
pub use error::{
    Error, Located, MetaError, OpenError, OpenErrorKind, ReadError, ReadErrorKind, WriteError,
    WriteErrorKind,
};
pub use event::Event;
pub use lmdb::{LmdbCode, LmdbError};
pub use log::{EventLog, Events, OpenMode, BATCH_BYTES, BATCH_EVENTS};
pub use meta::{Meta, DISK_VERSION};
pub use writer::Writer;
