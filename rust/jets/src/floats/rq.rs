//! `++rq`: the arms `add sub mul div sqt fma lth lte equ gte gth` of
//! the quad-precision door (`@rq`, 128 bits), vere's `u3weq_*`.
//! Thin wrappers over `ieee.rs` and `soft.rs`.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::ieee::{binary, compare, ternary, unary};
use super::soft::{self, QUAD as F};

/// `add:rq`.
pub fn add(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::add)
}

/// `sub:rq`.
pub fn sub(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::sub)
}

/// `mul:rq`.
pub fn mul(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::mul)
}

/// `div:rq`.
pub fn div(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    binary(rt, core, F, soft::div)
}

/// `sqt:rq`.
pub fn sqt(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    unary(rt, core, F, soft::sqrt)
}

/// `fma:rq`: `a * b + c`, rounded once.
pub fn fma(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    ternary(rt, core, F, soft::fma)
}

/// `lth:rq`.
pub fn lth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::lt)
}

/// `lte:rq`.
pub fn lte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::le)
}

/// `equ:rq`.
pub fn equ(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, soft::eq)
}

/// `gte:rq`: `b <= a`.
pub fn gte(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, |f, a, b| soft::le(f, b, a))
}

/// `gth:rq`: `b < a`.
pub fn gth(_: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    compare(core, F, |f, a, b| soft::lt(f, b, a))
}
