//! `++welp` (`k140/one/two/welp`): faceless `weld`.
//!
//! The Hoon (`?~  +<-  +<-(. +<+)  +<-(+ $(+<- +<->))`) is `weld` without
//! faces: the items of the head, then the tail as it is. vere binds
//! `u3wb_weld` here too.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::weld::weld;
use crate::util::sample2;

/// `=|  [* *]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    weld(&mut rt.heap, a, b)
}
