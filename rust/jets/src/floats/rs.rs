//! `++rs`: the arms `add sub mul div sqt fma lth lte equ gte gth` of
//! the single-precision door (`@rs`, 32 bits), vere's `u3wet_*`.
//! Thin wrappers over `ieee.rs` and `soft.rs`.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::ieee::{binary, compare, ternary, unary};
use super::soft::{self, SINGLE as F};

/// `add:rs`.
pub fn add(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::add)
}

/// `sub:rs`.
pub fn sub(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::sub)
}

/// `mul:rs`.
pub fn mul(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::mul)
}

/// `div:rs`.
pub fn div(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::div)
}

/// `sqt:rs`.
pub fn sqt(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    unary(rt, core, F, soft::sqrt)
}

/// `fma:rs`: `a * b + c`, rounded once.
pub fn fma(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    ternary(rt, core, F, soft::fma)
}

/// `lth:rs`.
pub fn lth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::lt)
}

/// `lte:rs`.
pub fn lte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::le)
}

/// `equ:rs`.
pub fn equ(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::eq)
}

/// `gte:rs`: `b <= a`.
pub fn gte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, |f, a, b| soft::le(f, b, a))
}

/// `gth:rs`: `b < a`.
pub fn gth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, |f, a, b| soft::lt(f, b, a))
}
