//! Goofs: `[mote tang]`, the trace rendered by the kernel's `+mook` (found
//! through `+wish`), as vere's `u3m_soft` does. When there is no kernel, or
//! rendering fails, the fallback prints each raw trace frame as a `%leaf`.

use mars_nock::{Bail, Mote, Runtime};
use mars_noun::{fmt, Noun};

use crate::kernel::{call_arm, AXIS_WISH};
use crate::plea::Goof;

/// `%leaf`
const TAS_LEAF: u64 = 0x6661_656c;

/// Build the goof for `bail`. `kernel` is the current kernel, if any.
pub fn goof(rt: &mut Runtime, kernel: Option<Noun>, bail: &Bail) -> Goof {
    let mote = Noun::direct(bail.mote().tas());
    if bail.mote() == Mote::Evil {
        return Goof {
            mote,
            tang: Noun::NULL,
        };
    }
    let tax = bail.trace_noun(&mut rt.heap);
    let Some(kernel) = kernel else {
        return Goof {
            mote,
            tang: Noun::NULL,
        };
    };
    // Built before anything runs, while the bail's trace nouns are valid;
    // kept because rendering runs Nock, which may collect.
    let fallback = fallback_tang(rt, bail);
    let keep = rt.keep(fallback);
    let tang = mook(rt, kernel, tax).unwrap_or_else(|| rt.root(keep));
    rt.release(keep);
    Goof { mote, tang }
}

/// `+:(mook [%2 tax])` via `+wish`; `None` if anything fails or the result
/// is not shaped like a tang.
fn mook(rt: &mut Runtime, kernel: Noun, tax: Noun) -> Option<Noun> {
    let tax_root = rt.keep(tax);
    let cord = rt.heap.atom_str("mook");
    let gate = call_arm(rt, kernel, AXIS_WISH, cord).ok();
    let result = gate.and_then(|gate| {
        let tax = rt.root(tax_root);
        let sample = rt.heap.cell(Noun::direct(2), tax);
        rt.slam(gate, sample).ok()
    });
    rt.release(tax_root);
    let (_, tang) = result?.cell_parts()?;
    crate::plea::is_tang(tang).then_some(tang)
}

/// One `%leaf` per trace frame, innermost first (a tang is printed flopped).
fn fallback_tang(rt: &mut Runtime, bail: &Bail) -> Noun {
    let mut tang = Noun::NULL;
    for &(tag, clue) in bail.trace() {
        let text = format!("{} {}", crate::trace::term(tag), fmt::render(clue, 512));
        let tape_items: Vec<Noun> = text.bytes().map(|b| Noun::direct(u64::from(b))).collect();
        let tape = rt.heap.list(&tape_items);
        let leaf = rt.heap.cell(Noun::direct(TAS_LEAF), tape);
        tang = rt.heap.cell(leaf, tang);
    }
    tang
}
