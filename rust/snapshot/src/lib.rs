//! mars's snapshot: the file `<pier>/.urb/chk/data.pma`, written atomically
//! and durably, read back verified.
//!
//! This crate works on bytes and knows nothing of nouns. The serf hands
//! [`Store::save`] an opaque payload (today the jam of the kernel and
//! runtime state, [`PAYLOAD_JAM`]; later maybe a heap image) with a
//! [`Meta`] (event number, mug, payload kind), and [`Store::load`] gives
//! them back, or `None` if there is no snapshot, or an error if there is one
//! that cannot be read or trusted. A snapshot that is not trusted can be
//! moved aside with [`Store::quarantine`]; nothing here ever deletes a
//! snapshot.
//!
//! ```no_run
//! use mars_snapshot::{Meta, Store, PAYLOAD_JAM};
//! # fn main() -> Result<(), mars_snapshot::Error> {
//! let mut store = Store::open("/ships/zod".as_ref())?;
//! let meta = Meta { event: 42, mug: 0x1234_5678, payload_kind: PAYLOAD_JAM };
//! store.save(&meta, b"jam of the state")?;
//! match store.load() {
//!     Ok(Some((meta, payload))) => { /* cue the payload, check the mug */ }
//!     Ok(None) => { /* no snapshot: replay from event 1 */ }
//!     Err(e) if e.invalid().is_some() => { store.quarantine(&e.to_string())?; }
//!     Err(e) => return Err(e.into()),
//! }
//! # Ok(()) }
//! ```
//!
//! # Files
//!
//! `.urb/chk` is shared with vere, whose own snapshot lives there
//! (`north.bin`, `south.bin`, the transient `control.bin` and `memory.bin`,
//! and `limbo.bin`); vere's king rewrites those at every start. This crate
//! never creates, opens, modifies or deletes them: the only names it
//! touches are
//!
//! ```text
//! <pier>/.urb, <pier>/.urb/chk       created by Store::open if missing (0755)
//! .urb/chk/data.pma                  the snapshot; only ever replaced by rename
//! .urb/chk/data.pma.tmp              a save in progress (0644); removed after a failed save
//! .urb/chk/data.pma.bad-<s>[-<n>]    a quarantined snapshot (<s> = Unix seconds)
//! .urb/chk/data.pma.bad-<s>[-<n>].why  the reason it was quarantined (text)
//! ```
//!
//! Ares (the earlier Rust serf) kept its own heap file under the same name
//! `data.pma`; such a file loads as [`Invalid::Foreign`] and can be
//! quarantined.
//!
//! # Format (version 1)
//!
//! A 128-byte header, then the payload. Every integer is little-endian.
//!
//! ```text
//! offset  size  field
//!      0     8  magic          "MARSPMA\0" (4d 41 52 53 50 4d 41 00)
//!      8     4  version        u32 LE, 1
//!     12     4  payload_kind   u32 LE, 1 = jam (Meta::payload_kind)
//!     16     8  event          u64 LE, never 0 (Meta::event)
//!     24     4  mug            u32 LE (Meta::mug)
//!     28     4  reserved       zero
//!     32     8  payload_len    u64 LE, bytes of payload
//!     40    32  payload_hash   blake3(payload)
//!     72    24  reserved       zero
//!     96    32  header_hash    blake3(bytes 0..96)
//!    128     …  payload        payload_len bytes; the file ends there
//! ```
//!
//! [`Store::load`] checks, in this order, and refuses the file with the
//! matching [`Invalid`] reason:
//!
//! 1. the magic ([`Invalid::Foreign`]; a file shorter than 8 bytes that is
//!    a prefix of the magic is [`Invalid::Truncated`]);
//! 2. the version, read before anything else because a later version may
//!    lay out its header differently ([`Invalid::Version`], naming both
//!    versions);
//! 3. that the header is whole ([`Invalid::Truncated`]);
//! 4. the header hash ([`Invalid::HeaderChecksum`]);
//! 5. that the reserved bytes are zero ([`Invalid::Reserved`]) and the event
//!    is not 0 ([`Invalid::EventZero`]), which with a good header hash means
//!    another writer, not damage;
//! 6. that the file is exactly 128 + `payload_len` bytes
//!    ([`Invalid::Truncated`], [`Invalid::TrailingData`]);
//! 7. the payload hash ([`Invalid::PayloadChecksum`]).
//!
//! Any single changed bit is thus refused (a test flips every header bit
//! and a sample of payload bits), and any damage short of a blake3
//! collision. The payload starts at offset 128, so a future heap image can
//! be mapped with 128-byte alignment (page alignment would need version 2).
//!
//! Loading reads the file in 1 MiB pieces straight into the one allocation
//! it returns (of exactly `payload_len` bytes, which the file length
//! bounds), hashing each piece while it is in the cache; saving likewise
//! hashes each piece just before writing it. `examples/measure.rs` times
//! both (`cargo run --release -p mars-snapshot --example measure`): for
//! 100 MB, about 0.1 s each on a small VM, within ~20% of a plain
//! `write` + `fsync` (blake3 alone runs at ~5 GB/s there).
//!
//! # Saving, and what a crash leaves
//!
//! [`Store::save`] does, in order:
//!
//! 1. `open("data.pma.tmp", O_WRONLY|O_CREAT|O_TRUNC, 0644)`: a stale
//!    temporary file from an earlier crash is truncated and reused;
//! 2. write the payload at offset 128, then the header at offset 0;
//! 3. `fsync` the temporary file;
//! 4. `rename("data.pma.tmp", "data.pma")`;
//! 5. `fsync` the directory `.urb/chk`;
//!
//! and returns `Ok` only after step 5. If the process dies:
//!
//! | dies after step | `data.pma` (what load returns)            | `data.pma.tmp`         |
//! |-----------------|-------------------------------------------|------------------------|
//! | before 1        | old (or none)                             | absent or stale        |
//! | 1, 2            | old                                       | empty or partial       |
//! | 3               | old                                       | complete, ignored      |
//! | 4               | new (old after a power loss is possible)  | gone                   |
//! | 5               | new, durably                              | gone                   |
//!
//! Never a mix: `data.pma` is only ever changed by the rename of step 4,
//! which swaps which whole file the name points to. `data.pma.tmp` is never
//! read by [`Store::load`].
//!
//! What is assumed of the filesystem and disk:
//!
//! * `rename` within one directory is atomic, for a crash of the process
//!   and for a power loss: after either, the name refers to the old file or
//!   to the new one (POSIX; ext4, xfs, btrfs, apfs);
//! * `fsync` of a file makes its contents and length durable (step 3 comes
//!   before step 4 so that a power loss after the rename cannot expose a
//!   new name with contents not yet on disk, as ext4 with delayed
//!   allocation could);
//! * `fsync` of a directory makes a rename in it durable (step 5);
//! * the disk honours cache flushes. A disk that loses or garbles written
//!   data is detected, not corrected: the checksums refuse the file and the
//!   serf replays from the event log.
//!
//! Both files exist during a save, so it needs free space for the new
//! snapshot beside the old one. Only one process may save at a time: two
//! writers would share `data.pma.tmp`; vere's king runs one serf per pier,
//! under its `.vere.lock`.
//!
//! # Errors and poisoning
//!
//! Errors are typed by operation ([`OpenError`], [`LoadError`],
//! [`SaveError`], [`QuarantineError`], all convertible into [`Error`]),
//! one pointer wide, and name the path concerned and the failed
//! [`Step`] with its [`std::io::Error`] (disk full, read-only directory,
//! permission denied, …).
//!
//! When a save fails (before step 4) `data.pma` has not been touched: it is
//! the previous snapshot, byte for byte. The temporary file is removed
//! (best effort: it may hold a large partial file on a full disk). If only
//! step 5 fails, the new snapshot is in place but may not survive a power
//! loss; after one, load returns the old or the new, both complete.
//!
//! After an I/O failure in [`Store::save`] or [`Store::quarantine`], the
//! store is *poisoned*: every later call returns a `Poisoned` error until
//! the pier is opened again with [`Store::open`]. The caller cannot know the
//! state of the temporary file or of the directory, and on Linux a failed
//! `fsync` may have dropped the dirty pages and cleared the error, so that
//! a second `fsync` "succeeds" with the data gone; retrying in place would
//! be guessing. The serf's answer to a failed save is vere's: report and
//! exit. A save refused before any I/O (event 0) does not poison.
//!
//! # Quarantine, and what a crash leaves
//!
//! [`Store::quarantine`] renames `data.pma` to `data.pma.bad-<s>` with
//! `renameat2(RENAME_NOREPLACE)` (or, where that is unavailable, `link` then
//! `unlink`, since `link` never replaces its target), trying `-1`, `-2`, …
//! while the name is taken, then `fsync`s the directory and writes the
//! note. A crash before the rename leaves `data.pma` in place (it will be
//! refused and quarantined again); after it, the file is under its new
//! name; between `link` and `unlink`, under both. No bytes of a snapshot
//! are ever deleted.
//!
//! # Testing
//!
//! Every filesystem operation goes through the [`Io`] trait. [`RealIo`]
//! is the real one; [`fault::FaultIo`] performs the real operation or
//! injects a fault (an error before or after the effect, a short read or
//! write, a flipped bit, a crash after which nothing more happens) at
//! a chosen call. `tests/faults.rs` fails every call of a save in turn and
//! checks that the previous snapshot is still there and intact, and that
//! vere's files are untouched; `tests/kill.rs` SIGKILLs a process that
//! saves large snapshots in a loop and checks that load always returns a
//! complete old or new snapshot. Those kills test the protocol against
//! process death, not against power loss (the page cache survives them).
//!
//! Unix only (positional I/O, modes, directory `fsync`).

#![cfg(unix)]

mod error;
pub mod fault;
mod format;
mod io;
mod store;

pub use error::{
    Error, Invalid, LoadError, LoadErrorKind, Located, OpenError, OpenErrorKind, QuarantineError,
    QuarantineErrorKind, SaveError, SaveErrorKind, Step,
};
pub use format::{Meta, HEADER_LEN, MAGIC, PAYLOAD_JAM, VERSION};
pub use io::{Io, RealIo, DIR_MODE, FILE_MODE};
pub use store::{Store, BAD_PREFIX, FILE_NAME, NOTE_SUFFIX, TMP_NAME};
