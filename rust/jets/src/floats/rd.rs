//! `++rd`: the arms `add sub mul div sqt fma lth lte equ gte gth` of
//! the double-precision door (`@rd`, 64 bits), vere's `u3wer_*`.
//! Thin wrappers over `ieee.rs` and `soft.rs`.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::ieee::{binary, compare, ternary, unary};
use super::soft::{self, DOUBLE as F};

/// `add:rd`.
pub fn add(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::add)
}

/// `sub:rd`.
pub fn sub(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::sub)
}

/// `mul:rd`.
pub fn mul(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::mul)
}

/// `div:rd`.
pub fn div(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::div)
}

/// `sqt:rd`.
pub fn sqt(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    unary(rt, core, F, soft::sqrt)
}

/// `fma:rd`: `a * b + c`, rounded once.
pub fn fma(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    ternary(rt, core, F, soft::fma)
}

/// `lth:rd`.
pub fn lth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::lt)
}

/// `lte:rd`.
pub fn lte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::le)
}

/// `equ:rd`.
pub fn equ(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::eq)
}

/// `gte:rd`: `b <= a`.
pub fn gte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, |f, a, b| soft::le(f, b, a))
}

/// `gth:rd`: `b < a`.
pub fn gth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, |f, a, b| soft::lt(f, b, a))
}
