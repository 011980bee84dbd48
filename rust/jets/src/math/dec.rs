//! `++dec`: decrement; crashes on 0 (`decrement-underflow`).

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, build, direct, sample};
use crate::words;

/// `a - 1`, or `%exit` for 0.
pub fn dec(heap: &mut Heap, a: Atom) -> Result<Noun, JetError> {
    match direct(a) {
        Some(0) => Err(JetError::Exit),
        Some(x) => Ok(Noun::direct(x - 1)),
        None => {
            let aw = a.words();
            Ok(build(heap, aw.len(), |out| {
                words::sub(aw, &[1], out);
            }))
        }
    }
}

/// `|=  a=@`. A cell never terminates in the Hoon (vere: `%exit`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = atom(sample(core)?)?;
    dec(&mut rt.heap, a)
}
