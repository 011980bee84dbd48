//! `++apt:in` (`k140/one/two/in/apt`): is a set a well-formed treap?
//!
//! The pill's Hoon 140 arm tests that items differ from their bounds and
//! children (`!=`), as Hoon 139 and 138 do: the differential tests find
//! `[1 [1 ~ ~] ~]` rejected. vere-v3.0's `u3wdi_apt_140` (bound under
//! `k140` and `a50`) has no such test; it follows an earlier text of the
//! arm, so this jet follows the Hoon and vere's `u3wdi_apt` instead, under
//! every kelvin. (`a50` is left unbound: its tree names the weaker jet.)

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::maps::by_apt::apt_jet;
use crate::maps::treap::Kind;

/// Items strictly ordered by `gor` and distinct, children below their
/// parents by `mor` and distinct from them.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    apt_jet(core, Kind::Set, true)
}
