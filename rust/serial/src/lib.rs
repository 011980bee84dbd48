//! jam and cue: Urbit's serialization of nouns, byte-identical to vere v3.0.
//!
//! # The format
//!
//! A jam is a bit stream, read as an atom: bit `k` of the stream has weight
//! 2^k, and as bytes it is least significant first, minimal (a jam always
//! ends with a 1 bit). Each noun is written at the current offset as
//!
//! ```text
//! 0   mat(a)               atom a
//! 1 0 jam(head) jam(tail)  cell
//! 1 1 mat(offset)          the noun whose tag starts at bit `offset`
//!
//! mat(0) = 1
//! mat(a) = 0^K 1  (L without its top bit, K-1 bits)  (a, L bits)
//!          where L = bitlen(a), K = bitlen(L)
//! ```
//!
//! (tag bits listed in write order, lowest first). The traversal is
//! pre-order, head before tail. A noun equal *by structure* to one written
//! before becomes a backreference to the offset of its first copy: always
//! for a cell, and for an atom only when the atom has more bits than the
//! offset. These choices do not matter to a reader (cue accepts any valid
//! stream) but do matter for byte-identical output, which jam reproduces:
//! the pills in `shared/pills` come back bit for bit.
//!
//! # Design
//!
//! * `bits.rs`: a writer and a reader that move 64-bit words; a big atom is
//!   copied word by word with shifts.
//! * `jam.rs`: an explicit stack, and a table of the nouns written so far
//!   (`dedup.rs`), of which there are two. The fast one (`by_mug.rs`)
//!   hashes cells and big atoms by their mug, cached in the object header,
//!   and compares candidates by walking them (`equal.rs`) on a budget; the
//!   robust one (`interned.rs`) first numbers every distinct value bottom-up
//!   and never compares. jam uses the first and, if its walks cost too much
//!   (distinct copies of shared DAGs; long lists of equal elements, whose
//!   suffix mugs cycle), starts again with the second. Output is identical.
//! * `cue.rs` with `table.rs`: an explicit stack of unfinished cells; the
//!   offset → noun table is a vector in offset order plus a rank bitmap over
//!   the input, so a backreference costs a popcount, not a hash lookup.
//! * `error.rs`: cue never panics; bad input gives a 16-byte [`CueError`].
//!   Atom lengths are checked against the remaining input before anything
//!   is allocated.
//!
//! Neither side triggers a garbage collection, so the nouns they read or
//! build may be held freely for the duration of the call. jam computes the
//! mugs of the cells it writes (they stay cached in the nouns). cue builds
//! its nouns in the caller's heap; if that passes the heap's limit, the
//! allocator unwinds with `mars_noun::OutOfMemory` as for any allocation.
//!
//! This crate has no `unsafe`.

#![forbid(unsafe_code)]

mod bits;
mod by_mug;
mod cue;
mod dedup;
mod equal;
mod error;
mod interned;
mod jam;
mod table;

pub use cue::{cue, cue_atom};
pub use error::{CueError, CueErrorKind};
pub use jam::{jam, jam_atom};
