//! `++drg:cofl`: Dragon4, the shortest decimal that reads back as the
//! float (vere's `u3wef_drg`): `|=  a=[e=@s a=@u]` to `[@s @u]`, a
//! decimal exponent and digits.
//!
//! The algorithm is the Hoon's (vere's is the same); the operand checks
//! are vere's (`cofl.rs`), and one more: an exponent that, widened to
//! the precision, no longer fits in 32 signed bits is `%exit`.

use dashu_int::ops::{BitTest, DivRem};
use dashu_int::{IBig, UBig};
use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::cofl::{number, options, to_atom, to_signed, xpd, Den, Options};
use crate::util::{sample, slot};

/// `a * 2^e` as `o * 10^k`, shortest.
pub fn drg(mut e: IBig, mut a: UBig, opt: &Options) -> Result<(IBig, UBig), JetError> {
    if a.is_zero() {
        return Err(JetError::Exit);
    }
    xpd(&mut e, &mut a, opt);
    let ex = i32::try_from(&e).map_err(|_| JetError::Exit)?;
    let ten = UBig::from(10u8);
    let mut r = a.clone();
    let mut s = UBig::ONE;
    let mut mn = UBig::ONE;
    if ex > 0 {
        r <<= ex as usize;
        mn <<= ex as usize;
    } else if ex < 0 {
        s <<= ex.unsigned_abs() as usize;
    }
    let mut mp = mn.clone();
    // `a` is `2^(p-1)` (tested without building it: `p` may be 2^32 - 1).
    let least = a.bit_len() == opt.prec && a.trailing_zeros() == Some(opt.prec - 1);
    if least && (e != opt.min_exp || opt.den == Den::Infinite) {
        mp <<= 1;
        r <<= 1;
        s <<= 1;
    }
    let i = (&s + UBig::from(9u8)) / &ten;
    let mut k: i64 = 0;
    while r < i {
        k -= 1;
        r *= &ten;
        mn *= &ten;
        mp *= &ten;
    }
    while (&r << 1) + &mp >= (&s << 1) {
        s *= &ten;
        k += 1;
    }
    let mut o = UBig::ZERO;
    loop {
        k -= 1;
        mn *= &ten;
        mp *= &ten;
        let (u, rem) = (&r * &ten).div_rem(&s);
        r = rem;
        let i = &r << 1;
        let j = &s << 1;
        let l = i < mn;
        let h = j < mp || i > &j - &mp;
        o = o * &ten + u;
        if l || h {
            if h && (!l || i > s) {
                o += UBig::ONE;
            }
            return Ok((IBig::from(k), o));
        }
    }
}

/// `drg` in its core: the sample `[e a]` at 6, the parameters at 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let a = sample(core)?;
    let o = options(slot(core, 30)?)?;
    let (e, a) = number(a)?;
    let (k, digits) = drg(e, a, &o)?;
    let heap = &mut rt.heap;
    let k = to_signed(heap, &k);
    let d = to_atom(heap, &digits);
    Ok(heap.cell(k, d))
}
