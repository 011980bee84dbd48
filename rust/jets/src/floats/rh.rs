//! `++rh`: the arms `add sub mul div sqt fma lth lte equ gte gth` of
//! the half-precision door (`@rh`, 16 bits), vere's `u3wes_*`.
//! Thin wrappers over `ieee.rs` and `soft.rs`.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::ieee::{binary, compare, ternary, unary};
use super::soft::{self, HALF as F};

/// `add:rh`.
pub fn add(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::add)
}

/// `sub:rh`.
pub fn sub(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::sub)
}

/// `mul:rh`.
pub fn mul(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::mul)
}

/// `div:rh`.
pub fn div(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::div)
}

/// `sqt:rh`.
pub fn sqt(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    unary(rt, core, F, soft::sqrt)
}

/// `fma:rh`: `a * b + c`, rounded once.
pub fn fma(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    ternary(rt, core, F, soft::fma)
}

/// `lth:rh`.
pub fn lth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::lt)
}

/// `lte:rh`.
pub fn lte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::le)
}

/// `equ:rh`.
pub fn equ(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::eq)
}

/// `gte:rh`: `b <= a`.
pub fn gte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, |f, a, b| soft::le(f, b, a))
}

/// `gth:rh`: `b < a`.
pub fn gth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, |f, a, b| soft::lt(f, b, a))
}
