//! `++sort` (`k140/one/two/sort`): quicksort by a comparison gate.
//!
//! The Hoon is one particular quicksort, and with a comparison that is not
//! an order (`(b x y)` and `(b y x)` both `%.y`, say) its product depends
//! on which pairs it compares: this jet compares the same pairs, and slams
//! them in the same order, as the Hoon and vere's `u3qb_sort`.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::flop::flop;
use super::{gate, next, unstack};
use crate::util::{is_zero_noun, sample2};

/// A task on the work list: sort a list, or emit a pivot.
const SORT: u64 = 0;
const EMIT: u64 = 1;

/// Slots of the nouns kept across each slam.
const GATE: usize = 0;
/// The work list, `(list [?(%0 %1) *])`, next task first.
const TODO: usize = 1;
/// The sorted items so far, newest first.
const OUT: usize = 2;
/// The items still to compare with the pivot, last first.
const REST: usize = 3;
const PIVOT: usize = 4;
/// The items that go before the pivot, and after it, in their order.
const LEFT: usize = 5;
const RIGHT: usize = 6;
/// The item being compared.
const ITEM: usize = 7;

/// `a` sorted by `b`: `~` for `~`; else, with `p` the first item and `t`
/// the rest, the items `x` of `t` for which `(b x p)` is `%.y`, sorted,
/// then `p`, then the other items of `t`, sorted. Each part keeps the
/// order of `t`. The items of `t` are compared with `p` last to first (the
/// Hoon's `skid`, recursing to the end of `t` first), then the first part
/// is sorted, then the second.
///
/// As vere's `u3qb_sort`: `%exit` if `b` is not a gate (`[battery sample
/// context]`), even for `~` (the Hoon's product there is `~`); `%exit`
/// before any slam if `a` ends in an atom other than `~` (the Hoon's
/// `skid` recurses to the end first); and a product of `b` other than
/// `%.y` puts the item after the pivot, as `%.n` does. The Hoon crashes
/// on such a product (its `skid` tests it with `?:`).
///
/// The recursion is a loop over a work list on the heap: an already
/// sorted list, the quicksort's worst case, nests as deep as it is long.
pub fn sort(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    gate(b)?;
    let mut end = a;
    while let Some((_, t)) = next(end)? {
        end = t;
    }
    if is_zero_noun(a) {
        return Ok(Noun::NULL);
    }
    let first = rt.heap.cell(Noun::direct(SORT), a);
    let todo = rt.heap.cell(first, Noun::NULL);
    let mut live = [
        b,
        todo,
        Noun::NULL,
        Noun::NULL,
        Noun::NULL,
        Noun::NULL,
        Noun::NULL,
        Noun::NULL,
    ];
    while let Some((task, todo)) = live[TODO].cell_parts() {
        live[TODO] = todo;
        let Some((tag, x)) = task.cell_parts() else {
            break;
        };
        if tag.as_direct() == Some(EMIT) {
            live[OUT] = rt.heap.cell(x, live[OUT]);
            continue;
        }
        // A list this jet made or checked, and never `~`.
        let Some((p, t)) = x.cell_parts() else {
            continue;
        };
        live[PIVOT] = p;
        live[REST] = flop(&mut rt.heap, t)?;
        live[LEFT] = Noun::NULL;
        live[RIGHT] = Noun::NULL;
        while let Some((i, t)) = live[REST].cell_parts() {
            live[REST] = t;
            live[ITEM] = i;
            let sam = rt.heap.cell(i, live[PIVOT]);
            let g = live[GATE];
            let r = rt.slam_keeping(g, sam, &mut live)?;
            let side = if r.as_loobean() == Some(true) {
                LEFT
            } else {
                RIGHT
            };
            live[side] = rt.heap.cell(live[ITEM], live[side]);
        }
        // Left first: push the right part, the pivot, then the left part.
        if !is_zero_noun(live[RIGHT]) {
            let task = rt.heap.cell(Noun::direct(SORT), live[RIGHT]);
            live[TODO] = rt.heap.cell(task, live[TODO]);
        }
        let task = rt.heap.cell(Noun::direct(EMIT), live[PIVOT]);
        live[TODO] = rt.heap.cell(task, live[TODO]);
        if !is_zero_noun(live[LEFT]) {
            let task = rt.heap.cell(Noun::direct(SORT), live[LEFT]);
            live[TODO] = rt.heap.cell(task, live[TODO]);
        }
    }
    Ok(unstack(&mut rt.heap, live[OUT], Noun::NULL))
}

/// `|*  [a=(list) b=$-([* *] ?)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    sort(rt, a, b)
}
