//! `++dor`: depth order. Atoms before cells, atoms by value, cells by head
//! then (equal heads) by tail.

use mars_nock::{JetError, Runtime};
use mars_noun::{noun_eq, Noun};

use crate::util::{cmp, loob, sample2};

/// Is `a` at or before `b`? A loop, not a recursion: only one branch is
/// ever followed.
pub fn dor(mut a: Noun, mut b: Noun) -> bool {
    loop {
        if noun_eq(a, b) {
            return true;
        }
        match (a.cell_parts(), b.cell_parts()) {
            (None, None) => match (a.as_atom(), b.as_atom()) {
                (Some(x), Some(y)) => return cmp(x, y).is_lt(),
                _ => unreachable!("not cells, so atoms"),
            },
            (None, Some(_)) => return true,
            (Some(_), None) => return false,
            (Some((ah, at)), Some((bh, bt))) => {
                if noun_eq(ah, bh) {
                    (a, b) = (at, bt);
                } else {
                    (a, b) = (ah, bh);
                }
            }
        }
    }
}

/// `|=  [a=* b=*]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    Ok(loob(dor(a, b)))
}
