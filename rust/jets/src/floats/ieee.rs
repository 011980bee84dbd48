//! The shared body of every `rd`, `rs`, `rq` and `rh` arm: sample and
//! rounding-mode reading as vere's `u3we{r,t,q,s}_*` wrappers do it, then
//! the arithmetic of `soft.rs`.
//!
//! * The operands are the gate's sample (`[a b]`, `a`, or `[a b c]` for
//!   `fma`); a cell where an atom belongs is `%exit`. Only the low bits
//!   of each operand are read (16, 32, 64 or 128), as vere's `u3r_word`,
//!   `u3r_chub`, `u3r_words` and as the Hoon's `sea` (which `cut`s the
//!   fraction, exponent and sign out of the low bits).
//! * The arithmetic arms (`add sub mul div sqt fma`) read the door's
//!   sample `r` at axis 30 of the gate core: `%n`, `%u`, `%d` or `%z`,
//!   else `%fail` (vere's `_set_rounding`). The Hoon's `ff` also knows
//!   `%a` (round away from zero); the door's mold excludes it, and vere
//!   fails on it, so we do. The comparisons never read `r`.

use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Noun};

use super::soft::{Format, Round};
use crate::util::{atom, loob, pair, sample, slot};

/// Axis of the door's sample `r` in a gate core of `rd`, `rs`, `rq`, `rh`.
pub const DOOR_SAMPLE: u64 = 30;

/// The low 128 bits of an atom.
pub fn low(a: Atom) -> u128 {
    let w = a.words();
    u128::from(w[0]) | (u128::from(w.get(1).copied().unwrap_or(0)) << 64)
}

/// The rounding mode of the door: `%fail` unless `%n %u %d %z`.
pub fn mode(core: Noun) -> Result<Round, JetError> {
    let r = slot(core, DOOR_SAMPLE)?;
    r.as_direct()
        .and_then(Round::from_term)
        .ok_or(JetError::Fail(Mote::Fail))
}

fn operand(n: Noun) -> Result<u128, JetError> {
    Ok(low(atom(n)?))
}

/// `|=  [a=@r b=@r]`, rounded.
pub fn binary(
    rt: &mut Runtime,
    core: Noun,
    f: Format,
    op: fn(Format, Round, u128, u128) -> u128,
) -> Result<Noun, JetError> {
    let (a, b) = pair(sample(core)?)?;
    let (a, b) = (operand(a)?, operand(b)?);
    let r = mode(core)?;
    Ok(rt.heap.atom_u128(op(f, r, a, b)))
}

/// `|=  a=@r`, rounded.
pub fn unary(
    rt: &mut Runtime,
    core: Noun,
    f: Format,
    op: fn(Format, Round, u128) -> u128,
) -> Result<Noun, JetError> {
    let a = operand(sample(core)?)?;
    let r = mode(core)?;
    Ok(rt.heap.atom_u128(op(f, r, a)))
}

/// `|=  [a=@r b=@r c=@r]`, rounded.
pub fn ternary(
    rt: &mut Runtime,
    core: Noun,
    f: Format,
    op: fn(Format, Round, u128, u128, u128) -> u128,
) -> Result<Noun, JetError> {
    let (a, bc) = pair(sample(core)?)?;
    let (b, c) = pair(bc)?;
    let (a, b, c) = (operand(a)?, operand(b)?, operand(c)?);
    let r = mode(core)?;
    Ok(rt.heap.atom_u128(op(f, r, a, b, c)))
}

/// `|=  [a=@r b=@r]`, a comparison: the rounding mode is not read.
pub fn compare(
    core: Noun,
    f: Format,
    op: fn(Format, u128, u128) -> bool,
) -> Result<Noun, JetError> {
    let (a, b) = pair(sample(core)?)?;
    let (a, b) = (operand(a)?, operand(b)?);
    Ok(loob(op(f, a, b)))
}

/// The eleven arms of a float door (`add sub mul div sqt fma lth lte equ
/// gte gth`) for the format `$f`, as `pub fn`s of the invoking module.
macro_rules! door_arms {
    ($f:expr) => {
        use mars_nock::{JetError, Runtime};
        use mars_noun::Noun;

        use $crate::floats::ieee::{binary, compare, ternary, unary};
        use $crate::floats::soft;

        /// `add`.
        pub fn add(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            binary(rt, core, $f, soft::add)
        }

        /// `sub`.
        pub fn sub(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            binary(rt, core, $f, soft::sub)
        }

        /// `mul`.
        pub fn mul(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            binary(rt, core, $f, soft::mul)
        }

        /// `div`.
        pub fn div(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            binary(rt, core, $f, soft::div)
        }

        /// `sqt`.
        pub fn sqt(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            unary(rt, core, $f, soft::sqrt)
        }

        /// `fma`: `a * b + c`, rounded once.
        pub fn fma(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            ternary(rt, core, $f, soft::fma)
        }

        /// `lth`.
        pub fn lth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            compare(core, $f, soft::lt)
        }

        /// `lte`.
        pub fn lte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            compare(core, $f, soft::le)
        }

        /// `equ`.
        pub fn equ(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            compare(core, $f, soft::eq)
        }

        /// `gte`: `b <= a`.
        pub fn gte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            compare(core, $f, |f, a, b| soft::le(f, b, a))
        }

        /// `gth`: `b < a`.
        pub fn gth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
            compare(core, $f, |f, a, b| soft::lt(f, b, a))
        }
    };
}
pub(crate) use door_arms;
