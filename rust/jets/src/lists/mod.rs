//! Layer 2 lists (`two`): `flop`, `lent`, `turn`, `weld`, … (higher-order gates slam their gate argument through `Runtime::slam_keeping`).
//!
//! One file per gate. Every walk is a loop: a list of a million items needs
//! no native stack. Lists are built from the end (the items gathered in a
//! `Vec` first, where no Nock runs in between) or, across slams, kept as a
//! noun list newest first and turned around at the end, so that a
//! collection during a slam moves them safely: everything a higher-order
//! jet holds across a slam is in the `live` array it hands to
//! `slam_keeping`.
//!
//! Crashes follow vere-v3.0's `b/*.c`, which follow the Hoon except where
//! a file says otherwise: a list that ends in an atom other than `~` is
//! `%exit` (`u3x_cell`), a gate that is not `[battery sample context]` is
//! `%exit` when the Hoon would slam it, and a test gate's product that is
//! not a loobean is `%exit`. Where vere and the Hoon part (`zing`, `slag`,
//! `sort`, and the gate check of `levy`, `lien` and `sort` on an empty
//! list) the gate's file says so; `tests/lists.rs` pins those cases. No
//! jet here punts.

use mars_nock::JetError;
use mars_noun::{Heap, Noun};

use crate::util::is_zero_noun;

pub mod find;
pub mod flop;
pub mod lent;
pub mod levy;
pub mod lien;
pub mod murn;
pub mod need;
pub mod reap;
pub mod reel;
pub mod roll;
pub mod scag;
pub mod skid;
pub mod skim;
pub mod skip;
pub mod slag;
pub mod snag;
pub mod sort;
pub mod turn;
pub mod weld;
pub mod welp;
pub mod zing;

crate::table::family! {
    find: "one/two/find" => find::jet;
    flop: "one/two/flop" | "flop" => flop::jet;
    lent: "one/two/lent" | "lent" => lent::jet;
    levy: "one/two/levy" | "levy" => levy::jet;
    lien: "one/two/lien" => lien::jet;
    murn: "one/two/murn" => murn::jet;
    need: "one/two/need" => need::jet;
    reap: "one/two/reap" | "reap" => reap::jet;
    reel: "one/two/reel" => reel::jet;
    roll: "one/two/roll" => roll::jet;
    scag: "one/two/scag" => scag::jet;
    skid: "one/two/skid" => skid::jet;
    skim: "one/two/skim" => skim::jet;
    skip: "one/two/skip" => skip::jet;
    slag: "one/two/slag" | "slag" => slag::jet;
    snag: "one/two/snag" | "snag" => snag::jet;
    sort: "one/two/sort" => sort::jet;
    turn: "one/two/turn" | "turn" => turn::jet;
    weld: "one/two/weld" => weld::jet;
    welp: "one/two/welp" | "welp" => welp::jet;
    zing: "one/two/zing" => zing::jet;
}

/// One step along a list: `Some((i, t))` for a cell, `None` at `~`, and
/// `%exit` at any other atom (the Hoon's `i.a` of an atom, vere's
/// `u3x_cell`).
#[inline]
pub(crate) fn next(list: Noun) -> Result<Option<(Noun, Noun)>, JetError> {
    match list.cell_parts() {
        Some(it) => Ok(Some(it)),
        None if is_zero_noun(list) => Ok(None),
        None => Err(JetError::Exit),
    }
}

/// The items of a `~`-terminated list, or `%exit`.
pub(crate) fn items(mut list: Noun) -> Result<Vec<Noun>, JetError> {
    let mut out = Vec::new();
    while let Some((i, t)) = next(list)? {
        out.push(i);
        list = t;
    }
    Ok(out)
}

/// `items` consed onto `tail`: `[items[0] items[1] … tail]`.
pub(crate) fn build(heap: &mut Heap, items: &[Noun], tail: Noun) -> Noun {
    items.iter().rev().fold(tail, |t, &h| heap.cell(h, t))
}

/// A list this module built, newest first, turned around onto `tail`: the
/// items of `rev` in reverse order, then `tail`.
pub(crate) fn unstack(heap: &mut Heap, mut rev: Noun, tail: Noun) -> Noun {
    let mut out = tail;
    while let Some((i, t)) = rev.cell_parts() {
        out = heap.cell(i, out);
        rev = t;
    }
    out
}

/// vere's `u3j_gate_prep`: a gate to slam must be `[battery sample
/// context]`, else `%exit`.
#[inline]
pub(crate) fn gate(b: Noun) -> Result<(), JetError> {
    match b.cell_parts() {
        Some((_, payload)) if payload.is_cell() => Ok(()),
        _ => Err(JetError::Exit),
    }
}

/// A test gate's product as a loobean: `%.y` (0) or `%.n` (1), anything
/// else `%exit` (the Hoon's `?:` on it, Nock 6).
#[inline]
pub(crate) fn loobean(n: Noun) -> Result<bool, JetError> {
    n.as_loobean().ok_or(JetError::Exit)
}
