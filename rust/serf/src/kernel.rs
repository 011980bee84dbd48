//! The kernel interface (vere's `vortex.c`): lifecycle, poke, peek, wish.
//!
//! The kernel is a core with `+load` at axis 4, `+wish` at 10, `+peek` at 22
//! and `+poke` at 23. Calling an arm's gate with a sample is one formula on
//! the subject `[kernel sample]`: `[8 [9 A 0 2] 9 2 10 [6 0 7] 0 2]`.

use mars_nock::{Bail, Runtime};
use mars_noun::Noun;

/// Arm axes of the kernel core.
pub const AXIS_WISH: u64 = 10;
pub const AXIS_PEEK: u64 = 22;
pub const AXIS_POKE: u64 = 23;

/// `[8 [9 A 0 2] 9 2 10 [6 0 7] 0 2]`: slam arm A of `+2` with `+3`.
fn arm_slam_formula(rt: &mut Runtime, arm: u64) -> Noun {
    let h = &mut rt.heap;
    let get_arm = h.tuple(&[
        Noun::direct(9),
        Noun::direct(arm),
        Noun::ZERO,
        Noun::direct(2),
    ]);
    let sample = h.tuple(&[Noun::direct(6), Noun::ZERO, Noun::direct(7)]);
    let gate = h.cell(Noun::ZERO, Noun::direct(2));
    let edit = h.tuple(&[Noun::direct(10), sample, gate]);
    let call = h.tuple(&[Noun::direct(9), Noun::direct(2), edit]);
    h.tuple(&[Noun::direct(8), get_arm, call])
}

/// Call the kernel arm at `arm` (a gate) with `sample`.
pub fn call_arm(rt: &mut Runtime, kernel: Noun, arm: u64, sample: Noun) -> Result<Noun, Bail> {
    let formula = arm_slam_formula(rt, arm);
    let subject = rt.heap.cell(kernel, sample);
    rt.nock(subject, formula)
}

/// The lifecycle (`u3v_life`): run the first event as a formula on the rest
/// of the list; the kernel is axis 7 of the product.
pub fn lifecycle(rt: &mut Runtime, events: Noun) -> Result<Noun, Bail> {
    let h = &mut rt.heap;
    let tail = h.cell(Noun::ZERO, Noun::direct(3));
    let head = h.cell(Noun::ZERO, Noun::direct(2));
    let formula = h.tuple(&[Noun::direct(2), tail, head]);
    let gate = rt.nock(events, formula)?;
    gate.slot_u64(7).ok_or_else(Bail::exit)
}

/// `+poke`: `[now ovum]` → `[effects new-kernel]`.
pub fn poke(rt: &mut Runtime, kernel: Noun, job: Noun) -> Result<(Noun, Noun), Bail> {
    let product = call_arm(rt, kernel, AXIS_POKE, job)?;
    product.cell_parts().ok_or_else(Bail::exit)
}

/// `+peek`: the scry sample → `(unit (cask))`, verbatim.
pub fn peek(rt: &mut Runtime, kernel: Noun, sample: Noun) -> Result<Noun, Bail> {
    call_arm(rt, kernel, AXIS_PEEK, sample)
}

/// `+wish`: evaluate Hoon text (a cord) in the kernel.
pub fn wish(rt: &mut Runtime, kernel: Noun, text: &str) -> Result<Noun, Bail> {
    let cord = rt.heap.atom_str(text);
    call_arm(rt, kernel, AXIS_WISH, cord)
}

/// Length of a null-terminated list (`None` if it is not one).
pub fn list_len(mut list: Noun) -> Option<u64> {
    let mut n = 0;
    while let Some((_, t)) = list.cell_parts() {
        n += 1;
        list = t;
    }
    (list.as_u64() == Some(0)).then_some(n)
}
