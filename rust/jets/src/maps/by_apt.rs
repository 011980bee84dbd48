//! `++apt:by` (`k140/one/two/by/apt`): is a map a well-formed treap?

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::treap::{self, is_null, Bound, Kind, DOOR_SAMPLE};
use crate::util::{loob, slot};

/// The trap `=<  $  =|  [l=(unit) r=(unit)]  |.`, its bounds at axes 12
/// and 13 (`~` when the arm is pulled; vere's `u3wdb_apt` assumes `~`), the
/// door's map at axis 30. Keys must be strictly ordered by `gor` and
/// distinct, children below their parents by `mor`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    apt_jet(core, Kind::Map, true)
}

/// The jet of `apt:by` and `apt:in`: `kind`, and whether the `!=` tests
/// are made (always, in the arms we bind). The bounds are read only if `a`
/// is not `~`.
pub fn apt_jet(core: Noun, kind: Kind, strict: bool) -> Result<Noun, JetError> {
    let a = slot(core, DOOR_SAMPLE)?;
    if is_null(a) {
        return Ok(loob(true));
    }
    let l = Bound::Unit(slot(core, 12)?);
    let r = Bound::Unit(slot(core, 13)?);
    Ok(loob(treap::apt(kind, strict, a, l, r)?))
}
