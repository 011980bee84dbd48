//! `++sfix` (`k140/one/two/tri/qua/sfix`): first then second rule, the
//! first's result (`(comp |*([a=* b=*] a))`).

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::comp::{comp, Join};
use super::nail::Nest;
use crate::util::sample2;

/// `|*  sam=[vex=edge sab=rule]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let _nest = Nest::enter()?;
    let (vex, sab) = sample2(core)?;
    comp(rt, Join::First, vex, sab)
}
