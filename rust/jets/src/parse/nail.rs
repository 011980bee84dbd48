//! Shared pieces of the parsing jets: `++last`, `++lust`, `++fail`,
//! `++next` (none jetted by vere, all used inside the jetted arms), and the
//! reads of a `nail` `[p=hair q=tape]`, an `edge` `[p=hair q=(unit [p=* q=nail])]`
//! and of a wet gate's outer sample.
//!
//! Every read follows the Hoon: `?~  q.vex` is a test for the atom 0 (Nock
//! 5), so a nonzero atom where a unit or a tape belongs goes on to the
//! next read (`q.u.q.vex`, `i.q.tub`) and crashes there, `%exit`, where
//! vere's jets test for a cell and take the atom for `~`.

use std::cell::Cell;

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Heap, Noun};

use crate::math::{add, order};
use crate::util::{atom, direct, pair, slot};

/// Axis of the outer gate's sample in a `fun` core: the `fun` gate's
/// context (7) is the outer gate (`cook`, `cold`, …), whose sample is at
/// its axis 6: `(peg 7 6)` (vere's `u3x_con` then `u3x_sam`).
pub const OUTER: u64 = 30;

/// Is `n` the atom 0 (`~`)? `?~` compiles to this test.
#[inline]
pub fn is_null(n: Noun) -> bool {
    n.as_direct() == Some(0)
}

/// `p.u` and `q.u` of a unit the Hoon has found not to be `~`: its tail,
/// taken apart (the head is not looked at).
#[inline]
pub fn unit_pq(q: Noun) -> Result<(Noun, Noun), JetError> {
    let (_, u) = pair(q)?;
    pair(u)
}

/// `[hair [~ u=[res nail]]]`: a successful edge.
#[inline]
pub fn success(heap: &mut Heap, hair: Noun, res: Noun, nail: Noun) -> Noun {
    let u = heap.cell(res, nail);
    let q = heap.cell(Noun::ZERO, u);
    heap.cell(hair, q)
}

/// `++last`: the farther of two hairs, by line then column; on a tie the
/// second. Lines are compared with `=` (any nouns) and then, like columns,
/// with `gth` (as this crate's `gth` jet: `%exit` on a cell, except that 0
/// is below everything). vere's `_last` bails `%fail` on any part of 2^31
/// and up; the Hoon compares atoms of any size, and so do we.
pub fn last(zyc: Noun, naz: Noun) -> Result<Noun, JetError> {
    let (pz, qz) = pair(zyc)?;
    let (pn, qn) = pair(naz)?;
    let far = if noun_eq(pz, pn) {
        order(qz, qn)?.is_gt()
    } else {
        order(pz, pn)?.is_gt()
    };
    Ok(if far { zyc } else { naz })
}

/// `.+(a)`: `%exit` for a cell.
pub fn inc(heap: &mut Heap, a: Noun) -> Result<Noun, JetError> {
    let a = atom(a)?;
    match direct(a) {
        // Below 2^63, so the sum fits in a u64.
        Some(x) => Ok(heap.atom_u64(x + 1)),
        None => Ok(add::add(heap, a, atom(Noun::ONE)?)),
    }
}

/// `++lust`: the hair after the character `weq`: a newline (`=(10 weq)`,
/// any noun) starts the next line at column 1, anything else moves one
/// column on. Only the part incremented must be an atom.
pub fn lust(heap: &mut Heap, weq: Noun, naz: Noun) -> Result<Noun, JetError> {
    let (p, q) = pair(naz)?;
    if weq.as_direct() == Some(10) {
        let p = inc(heap, p)?;
        Ok(heap.cell(p, Noun::ONE))
    } else {
        let q = inc(heap, q)?;
        Ok(heap.cell(p, q))
    }
}

/// `++fail`: `[p.tub ~]`.
pub fn fail(heap: &mut Heap, tub: Noun) -> Result<Noun, JetError> {
    let (p, _) = pair(tub)?;
    Ok(heap.cell(p, Noun::ZERO))
}

/// `++next` on a nail whose tape is not `~`: consume its first character,
/// `[zac [~ i.q.tub [zac t.q.tub]]]` with `zac=(lust i.q.tub p.tub)`.
pub fn next(heap: &mut Heap, p: Noun, q: Noun) -> Result<Noun, JetError> {
    let (i, t) = pair(q)?;
    let zac = lust(heap, i, p)?;
    let rest = heap.cell(zac, t);
    Ok(success(heap, zac, i, rest))
}

/// The first character of the nail `tub`, or `None` for an empty tape
/// (`?~  q.tub`), with the nail's parts: `(p, q, i.q)`.
pub fn first(tub: Noun) -> Result<(Noun, Noun, Option<Noun>), JetError> {
    let (p, q) = pair(tub)?;
    if is_null(q) {
        return Ok((p, q, None));
    }
    let (i, _) = pair(q)?;
    Ok((p, q, Some(i)))
}

/// `(sab)`: run the `$` arm of a gate whose sample is already in place
/// (`;~` hands `pose` such a gate). Kicked as a slam with its own sample,
/// the same core, so that the kick formula is the runtime's one cached
/// slam formula; a core with no axis 6 is kicked with `[9 2 0 1]` itself.
pub fn kick(rt: &mut Runtime, gate: Noun, live: &mut [Noun]) -> Result<Noun, JetError> {
    match gate.slot_u64(6) {
        Some(sample) => Ok(rt.slam_keeping(gate, sample, live)?),
        None => {
            let formula = rt
                .heap
                .tuple(&[Noun::direct(9), Noun::direct(2), Noun::ZERO, Noun::ONE]);
            Ok(rt.nock_keeping(live, |rt| rt.nock(gate, formula))?)
        }
    }
}

/// The outer gate's sample `[a b]` of a `fun` core.
pub fn outer2(core: Noun) -> Result<(Noun, Noun), JetError> {
    pair(slot(core, OUTER)?)
}

/// The most parsing jets that may be running at once on a thread, each
/// inside a slam of the one before. Nock depth lives on the heap, but a
/// jet that slams a rule is a native frame around the Nock it runs, and
/// rules nest as deep as the text does: some six of these jets per
/// bracket of Hoon source, about 900 bytes of native stack each in a
/// release build (7.5 KB in a debug build). Past this many a jet punts:
/// its arm runs as Nock, whose depth costs no native stack, and the rules
/// it calls are jetted again once the nesting unwinds. Either way at most
/// some 360 KB of stack; parsing ordinary Hoon (a 6 KB core) nests about
/// 140 deep.
pub const MAX_NEST: u32 = if cfg!(debug_assertions) { 48 } else { 400 };

thread_local! {
    static NEST: Cell<u32> = const { Cell::new(0) };
}

/// One parsing jet that slams rules, running (see [`MAX_NEST`]). Hold it
/// while the jet runs; dropping it, on any return or unwind, leaves.
pub struct Nest(());

impl Nest {
    /// Enter, or `Punt` if [`MAX_NEST`] jets are running.
    pub fn enter() -> Result<Nest, JetError> {
        NEST.with(|n| {
            let d = n.get();
            if d >= MAX_NEST {
                Err(JetError::Punt)
            } else {
                n.set(d + 1);
                Ok(Nest(()))
            }
        })
    }
}

impl Drop for Nest {
    fn drop(&mut self) {
        NEST.with(|n| n.set(n.get().saturating_sub(1)));
    }
}
