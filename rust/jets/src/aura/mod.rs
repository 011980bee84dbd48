//! Atom printing and parsing: `scot`, `scow`, `slaw`, the `po` syllable
//! tables (`ind ins tod tos`), the `ob` scramblers (`fein fynd`), and the
//! small `two` arithmetic left (`muk pow sqt`).
//!
//! Every product is the Hoon 140 arm's; crashes are vere-v3.0's. The arms
//! are jetted where vere's C jets are, and punt where they punt:
//!
//! * `scot`, `scow`: the auras `%tas`, `%ud`, `%ux`, `%uv` and `%uw`;
//!   every other aura punts (vere's `%p` and `%da` printers are disabled
//!   in v3.0).
//! * `slaw`: `%ud` and `%tas` always; `%p` and `%da` when the text has the
//!   shape vere's parser reads (a malformed one punts, as in vere, and the
//!   Hoon says `~`); every other aura punts.
//!
//! Where vere's native product is not the Hoon's, the jet gives the
//! Hoon's (see each gate's docs): a text with a zero byte inside (`slaw`),
//! `@ud` with whitespace after a dot (`slaw`, which punts on it), the
//! non-canonical `@p` that `fed:ag` refuses (`slaw`), a `%tas` with a zero
//! byte inside (`scot`), and `ins`/`ind` of an atom wider than three bytes.
//! Crashes follow vere where it and the Hoon part: `muk` hashes any key
//! shorter than its length (the Hoon's `snag` crashes when a whole 4-byte
//! block of padding is missing), `pow` fails (`%fail`) on an exponent of
//! 2^31 or more (the Hoon would compute `(pow 0 (bex 40))`), and `ins`/
//! `ind` fail on a cell (the Hoon says `~`).
//!
//! All are bound under `k140`, `k139` and `k138` (same arms, same C in
//! vere); `muk` also under `a50`, whose flat tree has it.

use mars_noun::{Heap, Noun};

pub mod etch;
pub mod muk;
pub mod ob_fein;
pub mod ob_fynd;
pub mod po_ind;
pub mod po_ins;
pub mod po_tod;
pub mod po_tos;
pub mod pow;
pub mod scot;
pub mod scow;
pub mod slaw;
pub mod sqt;
pub mod syllables;

crate::table::family! {
    muk: "one/two/muk" | "muk" => muk::jet;
    pow: "one/two/pow" => pow::jet;
    sqt: "one/two/sqt" => sqt::jet;
    ob_fein: "one/two/tri/ob/fein" => ob_fein::jet;
    ob_fynd: "one/two/tri/ob/fynd" => ob_fynd::jet;
    po_ind: "one/two/tri/qua/po/ind" => po_ind::jet;
    po_ins: "one/two/tri/qua/po/ins" => po_ins::jet;
    po_tod: "one/two/tri/qua/po/tod" => po_tod::jet;
    po_tos: "one/two/tri/qua/po/tos" => po_tos::jet;
    scot: "one/two/tri/qua/scot" => scot::jet;
    scow: "one/two/tri/qua/scow" => scow::jet;
    slaw: "one/two/tri/qua/slaw" => slaw::jet;
}

/// An aura (or any short cord) as the direct atom it is: `aura(b"ud")`.
pub(crate) const fn aura(name: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = name.len();
    while i > 0 {
        i -= 1;
        v = (v << 8) | name[i] as u64;
    }
    v
}

/// The tape of `bytes`, one item each.
pub(crate) fn tape(heap: &mut Heap, bytes: &[u8]) -> Noun {
    bytes
        .iter()
        .rev()
        .fold(Noun::NULL, |t, &b| heap.cell(Noun::direct(u64::from(b)), t))
}

/// `[~ u]`.
pub(crate) fn some(heap: &mut Heap, u: Noun) -> Noun {
    heap.cell(Noun::NULL, u)
}
