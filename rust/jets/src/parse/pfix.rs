//! `++pfix` (`k140/one/two/tri/qua/pfix`): first then second rule, the
//! second's result (`(comp |*([a=* b=*] b))`).

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::comp::{comp, Join};
use super::nail::Nest;
use crate::util::sample2;

/// `|*  sam=[vex=edge sab=rule]`. The result is rebuilt as the Hoon
/// rebuilds it (vere hands back `q.yit` itself).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let (vex, sab) = sample2(core)?;
    comp(rt, Join::Second, vex, sab)
}
