//! `++jam`: a noun serialised to an atom.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::util::sample;

/// `|=  a=*`: any noun. The stream is `mars_serial`'s, bit for bit the
/// Hoon's (and vere's `u3s_jam_fib`): backreferences where the Hoon's map
/// finds an earlier copy, pre-order, head first.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = sample(core)?;
    Ok(mars_serial::jam_atom(&mut rt.heap, a))
}
