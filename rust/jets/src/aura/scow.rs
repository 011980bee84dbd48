//! `++scow` (`k140/one/two/tri/qua/scow`): an atom printed in an aura, as
//! a tape (`(scow %ux 255)` is `"0xff"`).
//!
//! As vere's `u3we_scow`, which is its `scot` made a tape: `%tas` (the
//! atom's bytes, zeros inside kept, as the Hoon's `(rip 3 q)`), `%ud`,
//! `%ux`, `%uv` and `%uw` here, every other aura punts (vere's `%p` and
//! `%da` printers are disabled in v3.0). A cell for either half of the
//! `dime`, or a sample that is an atom, is `%exit`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::etch::etch;
use super::scot::TAS;
use super::tape;
use crate::text::trip::trip;
use crate::util::{atom, sample2};

/// `(scow aura a)`, or `None` where vere punts.
pub fn scow(heap: &mut Heap, aura: Noun, a: Atom) -> Option<Noun> {
    let aura = aura.as_direct()?;
    if aura == TAS {
        return Some(trip(heap, a));
    }
    etch(aura, a).map(|t| tape(heap, &t))
}

/// `|=  mol=dime`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (p, q) = sample2(core)?;
    let (p, q) = (atom(p)?, atom(q)?);
    scow(&mut rt.heap, p.as_noun(), q).ok_or(JetError::Punt)
}
