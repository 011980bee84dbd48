//! `++just` (`k140/one/two/tri/qua/just/fun`): match one character. The jet
//! is on the inner gate `fun` (`|=  tub=nail`); `daf`, the sample of
//! `just`, is at axis 30 of it.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Noun};

use super::nail::{fail, first, next, OUTER};
use crate::util::{sample, slot};

/// `((just daf) tub)`: the first character if it is `daf` (compared as
/// nouns, `=`), else a failure at `p.tub`.
pub fn just(rt: &mut Runtime, daf: Noun, tub: Noun) -> Result<Noun, JetError> {
    let (p, q, i) = first(tub)?;
    match i {
        Some(i) if noun_eq(daf, i) => next(&mut rt.heap, p, q),
        _ => fail(&mut rt.heap, tub),
    }
}

/// `|=  tub=nail` in a core whose `daf` is at axis 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let tub = sample(core)?;
    let daf = slot(core, OUTER)?;
    just(rt, daf, tub)
}
