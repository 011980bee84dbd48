//! `++lien` (`k140/one/two/lien`): whether a test gate accepts some item.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::levy::all;
use crate::util::sample2;

/// `%.y` if `(b i)` is `%.y` for some item `i` of `a`, slammed first to
/// last up to the first `%.y`. `%exit` where a product is not a loobean,
/// or where the list ends in an atom other than `~`.
///
/// `%exit` if `b` is not a gate (`[battery sample context]`) even for an
/// empty list, as vere's `u3j_gate_prep`; the Hoon is `%.n` there.
pub fn lien(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    // Some item passes iff not every item fails.
    all(rt, a, b, false)
}

/// `|*  [a=(list) b=$-(* ?)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    lien(rt, a, b)
}
