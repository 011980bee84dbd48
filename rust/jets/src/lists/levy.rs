//! `++levy` (`k140/one/two/levy`): whether a test gate accepts every item.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::{gate, loobean, next};
use crate::util::{loob, sample2};

/// `%.y` if `(b i)` is `%.y` for every item `i` of `a`, slammed first to
/// last up to the first `%.n`. `%exit` where a product is not a loobean,
/// or where the list ends in an atom other than `~`.
///
/// `%exit` if `b` is not a gate (`[battery sample context]`) even for an
/// empty list, as vere's `u3j_gate_prep`; the Hoon is `%.y` there.
pub fn levy(rt: &mut Runtime, a: Noun, b: Noun) -> Result<Noun, JetError> {
    all(rt, a, b, true)
}

/// Shared with `lien`: slam `b` on each item, first to last, until a
/// product is not `want`; the answer is then `!want`, else `want`. `levy`
/// wants `%.y`; `lien` wants `%.n`, and so is `%.y` at the first `%.y`.
pub(crate) fn all(rt: &mut Runtime, a: Noun, b: Noun, want: bool) -> Result<Noun, JetError> {
    gate(b)?;
    // Kept across each slam: the gate, the rest of the list.
    let mut live = [b, a];
    while let Some((i, t)) = next(live[1])? {
        live[1] = t;
        let g = live[0];
        let p = rt.slam_keeping(g, i, &mut live)?;
        if loobean(p)? != want {
            return Ok(loob(!want));
        }
    }
    Ok(loob(want))
}

/// `|*  [a=(list) b=$-(* ?)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    levy(rt, a, b)
}
