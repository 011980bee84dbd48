//! Virtualisation: `+mink` as a native jet.
//!
//! `+mink` runs `*[sub fol]` with a scry gate for Nock 12 and returns a
//! `tone`: `[%0 product]`, `[%1 path]` when a scry blocked, or `[%2 trace]`
//! on a deterministic crash (`%exit`), the trace being the `%hunk %lose
//! %mean %spot` frames open at the crash, innermost first, as vere's jet
//! builds it from the Nock it interpreted. Any other failure (`%meme`,
//! `%intr`, ...) is not caught: it fails the enclosing computation.
//!
//! Each level gets an empty transient `%memo` cache (a nested road in vere
//! starts with none), restored when it returns.

use mars_noun::Noun;

use crate::bail::Mote;
use crate::jets::JetError;
use crate::runtime::Runtime;

/// The `+mink` jet: the gate's sample is `[[sub fol] gul]`.
pub fn mink(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let sample = core.slot_u64(6).ok_or(JetError::Exit)?;
    let (job, gate) = sample.cell_parts().ok_or(JetError::Exit)?;
    let (subject, formula) = job.cell_parts().ok_or(JetError::Exit)?;
    run_virtual(rt, subject, formula, gate)
}

/// Run `*[subject formula]` under the scry gate `gate`, producing a tone.
pub fn run_virtual(
    rt: &mut Runtime,
    subject: Noun,
    formula: Noun,
    gate: Noun,
) -> Result<Noun, JetError> {
    rt.scry_gates.push(gate);
    let fresh = rt.memo.fresh();
    let outer = std::mem::replace(&mut rt.memo, fresh);
    rt.memo_stack.push(outer);
    let r = rt.nock(subject, formula);
    if let Some(outer) = rt.memo_stack.pop() {
        rt.memo = outer;
    }
    rt.scry_gates.pop();
    match r {
        Ok(product) => Ok(rt.heap.cell(Noun::ZERO, product)),
        Err(b) => {
            if let Some(path) = b.blocked() {
                return Ok(rt.heap.cell(Noun::ONE, path));
            }
            match b.mote() {
                Mote::Exit => {
                    let trace = b.trace_noun(&mut rt.heap);
                    Ok(rt.heap.cell(Noun::direct(2), trace))
                }
                _ => Err(JetError::Bail(b)),
            }
        }
    }
}
