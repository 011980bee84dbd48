//! `++slag` (`k140/one/two/slag`): a list without its first items.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use crate::util::{is_zero_noun, sample2};

/// `b` after its first `a` items, shared, not copied: `b` itself if `a` is
/// 0 (whatever `b`), `~` if `b` has fewer items. `~` if `b` is `~`
/// (whatever `a`); `%exit` if `a` is a cell and `b` is not `~` (vere's
/// wrapper).
///
/// Where the walk meets an atom other than `~` before `a` items, the
/// product is `~`, as vere's `u3qb_slag` (`c3n == u3du(b)`) has it; the
/// Hoon (`?~  b  ~` then `t.b`) crashes there. Exact at any count: vere
/// bails `%fail` on counts of 2^31 and up, the Hoon walks to the end.
pub fn slag(a: Noun, mut b: Noun) -> Result<Noun, JetError> {
    if is_zero_noun(b) {
        return Ok(Noun::NULL);
    }
    let a = a.as_atom().ok_or(JetError::Exit)?;
    // A count past 2^64 is more than any list has.
    let mut n = a.as_u64().unwrap_or(u64::MAX);
    while n > 0 {
        let Some((_, t)) = b.cell_parts() else {
            return Ok(Noun::NULL);
        };
        b = t;
        n -= 1;
    }
    Ok(b)
}

/// `|*  [a=@ b=(list)]`.
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (a, b) = sample2(core)?;
    slag(a, b)
}
