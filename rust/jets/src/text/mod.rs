//! Text: `qua/trip` (cord to tape) and the `hex` line splitters `lore`, `leer`, `lune`.
//!
//! `trip` is in `hoon.hoon`. The others are arms of zuse, under the core
//! `hex` (`..part`): `leer` is `to-wain:format` and `lune` is
//! `lune:unix:userlib` in the zuse of 2023; `lore`, an older cord-to-lines
//! arm, is no longer in zuse, and vere keeps its jet for old kernels.
//! `loss` (the longest common subsequence of `differ`) is not jetted yet.
//!
//! A cell where the gate's type says `@` is `%exit`, as the Hoon crashes
//! (vere's `lore`, `leer` and `lune` wrappers bail `%fail`). No jet here
//! punts.

use mars_noun::{Heap, Noun};

pub mod leer;
pub mod lore;
pub mod lune;
pub mod trip;

crate::table::family! {
    trip: "one/two/tri/qua/trip" => trip::jet;
    lore: "one/two/tri/qua/pen/hex/lore" => lore::jet;
    leer: "one/two/tri/qua/pen/hex/leer" => leer::jet;
    lune: "one/two/tri/qua/pen/hex/lune" => lune::jet;
}

/// The cords of `lines` (byte ranges of `bytes`), as a list.
pub(crate) fn cords(heap: &mut Heap, bytes: &[u8], lines: &[(usize, usize)]) -> Noun {
    let mut out = Noun::NULL;
    for &(from, to) in lines.iter().rev() {
        let line = heap.atom_from_le_bytes(&bytes[from..to]);
        out = heap.cell(line, out);
    }
    out
}

/// The lines of `bytes` split at every newline (10): as many lines as
/// newlines plus one, the last after the last newline (empty if the text
/// ends in one, or is empty), each as a byte range.
pub(crate) fn split(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut from = 0;
    for (at, &b) in bytes.iter().enumerate() {
        if b == 10 {
            lines.push((from, at));
            from = at + 1;
        }
    }
    lines.push((from, bytes.len()));
    lines
}
