//! Type constructors and limb search of `pen` (`cell comb cons core face
//! flan flip flor fork look loot`), called constantly by `+ut`.
//!
//! One gate per file, each a pure function and a thin `jet` wrapper that
//! unpacks the sample (axes 12 and 13 of the gate core, or 6). Products are
//! vere-v3.0's (`pkg/noun/jets/f/*.c`), which ran every vere pier; where
//! they part from the Hoon 140 arm, the file says how, and
//! `tests/typecons.rs` pins each difference:
//!
//! * `flan`, `flip`, `flor` (vere's `u3wf_*_139`): vere lacks the arms'
//!   `[%0 0]` rules, folds any `[%1 x]` with `x` not 0 as if it were
//!   `[%1 1]` (`flan`, `flor`), folds constants the arm does not (`flip`),
//!   and crashes on an atom formula.
//! * `fork`: a final set that is an atom other than `~`, or whose tail is
//!   an atom, is `%exit` (the Hoon says `[%fork lez]`).
//! * `look` (and so `loot`): an arm whose `hoon` is an atom is not a match.
//!
//! Ill-typed samples (an atom where the gate wants a cell) are `%exit`, as
//! the Hoon crashes there; vere bails `%fail` (its `u3r_mean` readers;
//! `comb`'s punts, so the Hoon's `%exit`).
//! Where vere's C is undefined (a node of `look`'s or `loot`'s map that is
//! not `[n l r]`, read by an unchecked `u3r_trel`) or aborts the process
//! (`core`'s "old core" check, `flip`'s assertion), the Hoon decides.
//!
//! `flan`, `flip` and `flor` are in the `k140` and `k139` trees but not in
//! `k138`'s (vere dropped them), and `family!` binds every row under all
//! three kelvins; so they are listed in [`GATES_NOT_K138`], bound under
//! `k140` and `k139` only (`src/table.rs` gathers both lists).

pub mod cell;
pub mod comb;
pub mod cons;
pub mod core;
pub mod face;
pub mod flan;
pub mod flip;
pub mod flor;
pub mod fork;
pub mod look;
pub mod loot;

use mars_nock::JetError;
use mars_noun::{Heap, Noun};

use crate::table::Gate;
use crate::util::{atom, is_zero_noun};

crate::table::family! {
    pen_cell: "one/two/tri/qua/pen/cell" => cell::jet;
    pen_comb: "one/two/tri/qua/pen/comb" => comb::jet;
    pen_cons: "one/two/tri/qua/pen/cons" => cons::jet;
    pen_core: "one/two/tri/qua/pen/core" => core::jet;
    pen_face: "one/two/tri/qua/pen/face" => face::jet;
    pen_fork: "one/two/tri/qua/pen/fork" => fork::jet;
    pen_look: "one/two/tri/qua/pen/look" => look::jet;
    pen_loot: "one/two/tri/qua/pen/loot" => loot::jet;
}

/// The gates of `k140` and `k139` that `k138` does not have (`flan`,
/// `flip`, `flor`), bound under those two roots only.
pub static GATES_NOT_K138: &[Gate] = &[
    Gate {
        name: "pen_flan",
        path: "one/two/tri/qua/pen/flan",
        paths: &[
            "k140/one/two/tri/qua/pen/flan",
            "k139/one/two/tri/qua/pen/flan",
        ],
        jet: flan::jet,
    },
    Gate {
        name: "pen_flip",
        path: "one/two/tri/qua/pen/flip",
        paths: &[
            "k140/one/two/tri/qua/pen/flip",
            "k139/one/two/tri/qua/pen/flip",
        ],
        jet: flip::jet,
    },
    Gate {
        name: "pen_flor",
        path: "one/two/tri/qua/pen/flor",
        paths: &[
            "k140/one/two/tri/qua/pen/flor",
            "k139/one/two/tri/qua/pen/flor",
        ],
        jet: flor::jet,
    },
];

/// A cord of up to 8 bytes, as a direct atom.
const fn cord(s: &[u8]) -> Noun {
    let mut v = 0u64;
    let mut i = 0;
    while i < s.len() {
        v |= (s[i] as u64) << (8 * i);
        i += 1;
    }
    Noun::direct(v)
}

/// `%void`, the empty type.
pub const VOID: Noun = cord(b"void");
/// `%cell`.
pub const CELL: Noun = cord(b"cell");
/// `%core`.
pub const CORE: Noun = cord(b"core");
/// `%face`.
pub const FACE: Noun = cord(b"face");
/// `%fork`.
pub const FORK: Noun = cord(b"fork");

/// Is `n` the atom `v`?
#[inline]
pub(crate) fn is(n: Noun, v: u64) -> bool {
    n.as_direct() == Some(v)
}

/// `p` if `n` is `[tag p]` (a Nock formula with opcode `tag`).
#[inline]
pub(crate) fn op(n: Noun, tag: u64) -> Option<Noun> {
    let (h, t) = n.cell_parts()?;
    is(h, tag).then_some(t)
}

/// `(peg a b)` on nouns, as the `peg` jet takes them: `b` must be an atom,
/// `(peg a 1)` is `a` even for a cell `a`; else both atoms, neither 0, or
/// `%exit` (vere's `u3qc_peg` agrees where it is defined).
pub(crate) fn peg(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let b = atom(b)?;
    if is(b.as_noun(), 1) && !is_zero_noun(a) {
        return Ok(a);
    }
    crate::math::peg::peg(heap, atom(a)?, b)
}

/// `(peg a b)` for a small `b`, on an atom `a`.
pub(crate) fn peg_small(heap: &mut Heap, a: Noun, b: u64) -> Result<Noun, JetError> {
    crate::math::peg::peg(heap, atom(a)?, atom(Noun::direct(b))?)
}
