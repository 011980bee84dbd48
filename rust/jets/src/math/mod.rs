//! Layer 1 (`one`): unsigned arithmetic and tree addressing.
//!
//! Sample checks follow vere's `u3wa_*`/`u3wc_*` wrappers, which mirror the
//! Hoon where it terminates: e.g. `(add 0 b)` is `b` even for a cell `b`,
//! and `(lth 0 b)` is `%.y` for any `b`. The arithmetic is the Hoon's.

pub mod add;
pub mod cap;
pub mod dec;
pub mod div;
pub mod dvr;
pub mod gte;
pub mod gth;
pub mod lte;
pub mod lth;
pub mod mas;
pub mod max;
pub mod min;
pub mod mod_;
pub mod mul;
pub mod peg;
pub mod sub;

crate::table::family! {
    add: "one/add" | "add" => add::jet;
    dec: "one/dec" | "dec" => dec::jet;
    div: "one/div" | "div" => div::jet;
    dvr: "one/dvr" | "dvr" => dvr::jet;
    gte: "one/gte" | "gte" => gte::jet;
    gth: "one/gth" | "gth" => gth::jet;
    lte: "one/lte" | "lte" => lte::jet;
    lth: "one/lth" | "lth" => lth::jet;
    max: "one/max" => max::jet;
    min: "one/min" => min::jet;
    mod: "one/mod" | "mod" => mod_::jet;
    mul: "one/mul" | "mul" => mul::jet;
    sub: "one/sub" | "sub" => sub::jet;
    cap: "one/cap" => cap::jet;
    mas: "one/mas" => mas::jet;
    peg: "one/peg" => peg::jet;
}

use std::cmp::Ordering;

use mars_nock::JetError;
use mars_noun::Noun;

use crate::util::{cmp, is_zero_noun};

/// The order of a comparison gate's sample `[a b]`, as the Hoon sees it.
/// `0` is below everything, even a cell (`(lth 0 [1 2])` is `%.y`); any
/// other cell is `%exit` (vere's `u3wa_lth` and friends; the Hoon would
/// decrement the cell forever, or say `%.n` for two equal cells).
pub fn order(a: Noun, b: Noun) -> Result<Ordering, JetError> {
    match (a.as_atom(), b.as_atom()) {
        (Some(x), Some(y)) => Ok(cmp(x, y)),
        (Some(_), None) if is_zero_noun(a) => Ok(Ordering::Less),
        (None, Some(_)) if is_zero_noun(b) => Ok(Ordering::Greater),
        _ => Err(JetError::Exit),
    }
}
