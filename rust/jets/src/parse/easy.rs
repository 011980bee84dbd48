//! `++easy` (`k140/one/two/tri/qua/easy/fun`): always parse, to a constant,
//! consuming nothing. The jet is on the inner gate `fun` (`|=  tub=nail`);
//! `huf`, the sample of `easy`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::nail::{success, OUTER};
use crate::util::{pair, sample, slot};

/// `((easy huf) tub)`: `[p.tub [~ huf tub]]`.
pub fn easy(rt: &mut Runtime, huf: Noun, tub: Noun) -> Result<Noun, JetError> {
    let (p_tub, _) = pair(tub)?;
    Ok(success(&mut rt.heap, p_tub, huf, tub))
}

/// `|=  tub=nail` in a core whose `huf` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let tub = sample(core)?;
    let huf = slot(core, OUTER)?;
    easy(rt, huf, tub)
}
