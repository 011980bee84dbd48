//! `++fork` (`k140/one/two/tri/qua/pen/fork`): make a `%fork` type from a
//! list of types.
//!
//! vere's `u3qf_fork` is the Hoon's walk: skip `%void`, merge a `%fork`'s
//! set with `uni:in`, add any other type with `put:in` (here the crate's
//! own set jets, which are the Hoon's). At the end vere reads the set as
//! `[n l r]` with `u3h`/`u3t`, so a set that is a nonzero atom or whose
//! tail is an atom (only an ill-typed `[%fork p]` item makes one) is
//! `%exit`, where the Hoon's `?=([* ~ ~] lez)` says no and gives
//! `[%fork lez]`. vere's crash stands.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Heap, Noun};

use crate::maps::{in_put, in_uni};
use crate::typecons::{is, FORK, VOID};
use crate::util::{pair, sample};

/// `(fork yed)`. A list not ending in `~` is `%exit` (the Hoon's `i.yed`).
pub fn fork(heap: &mut Heap, mut yed: Noun) -> Result<Noun, JetError> {
    let mut lez = Noun::ZERO;
    while !is(yed, 0) {
        let (i, t) = pair(yed)?;
        if !noun_eq(i, VOID) {
            lez = match i.cell_parts() {
                Some((h, p)) if noun_eq(h, FORK) => in_uni::uni(heap, lez, p)?,
                _ => in_put::put(heap, lez, i)?,
            };
        }
        yed = t;
    }
    if is(lez, 0) {
        return Ok(VOID);
    }
    let (n, lr) = pair(lez)?;
    let (l, r) = pair(lr)?;
    if is(l, 0) && is(r, 0) {
        Ok(n)
    } else {
        Ok(heap.cell(FORK, lez))
    }
}

/// `|=  yed=(list type)` (vere's `u3wf_fork`).
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let yed = sample(core)?;
    fork(&mut rt.heap, yed)
}
