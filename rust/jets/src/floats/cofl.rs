//! The `cofl` core (`fl`'s internals): what `lug` and `drg` share. The
//! parameters `[[p=@u v=@s w=@u] r d]` are the cofl core's context head,
//! axis 30 of each gate core; numbers are `[e=@s a=@u]`, `a * 2^e`.
//!
//! vere's `u3wef_*` read them with GMP and `exit` on operands it will not
//! take, where the Hoon would go on (we follow vere):
//!
//! * an exponent `e` of the sample that is not a direct atom below 2^31
//!   (vere's "cat": `|e| <= 2^30`);
//! * a precision `p` of 2^32 or more (and, as in the Hoon, below 2);
//! * a rounding mode `r` or a denormal mode `d` that is not a direct
//!   atom below 2^31 (neither is used by `lug` or `drg` but `d`, which
//!   is `%i`, `%f`, or else acts as `%d`).

use dashu_int::ops::BitTest;
use dashu_int::{IBig, Sign, UBig};
use mars_nock::JetError;
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, pair};

/// The denormal behaviour `d`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Den {
    /// `%d`, and any other atom: return denormals.
    Denormal,
    /// `%f`: flush denormals to zero.
    Flush,
    /// `%i`: infinite exponent range.
    Infinite,
}

/// The parameters of an `fl` core.
#[derive(Debug, Clone)]
pub struct Options {
    /// `p`, at least 2.
    pub prec: usize,
    /// `v`, the minimum exponent.
    pub min_exp: IBig,
    /// `w`, the width of the exponent range.
    pub width: IBig,
    pub den: Den,
}

/// vere's "cat": a direct atom below 2^31.
fn cat(n: Noun) -> Result<u64, JetError> {
    match n.as_direct() {
        Some(v) if v < 1 << 31 => Ok(v),
        _ => Err(JetError::Exit),
    }
}

fn ubig(a: Atom) -> UBig {
    UBig::from_words(a.words())
}

/// The value of an `@s`: even is positive (`2v`), odd negative
/// (`2|v| - 1`).
pub fn signed(a: Atom) -> IBig {
    let u = ubig(a);
    if u.bit(0) {
        -IBig::from((u + UBig::ONE) >> 1)
    } else {
        IBig::from(u >> 1)
    }
}

/// An `@s` atom for `v`.
pub fn to_signed(heap: &mut Heap, v: &IBig) -> Noun {
    let (sign, mag) = v.clone().into_parts();
    let enc = match sign {
        _ if mag.is_zero() => mag,
        Sign::Positive => mag << 1,
        Sign::Negative => (mag << 1) - UBig::ONE,
    };
    heap.atom_from_words(enc.as_words())
}

/// An unsigned atom for `v`.
pub fn to_atom(heap: &mut Heap, v: &UBig) -> Noun {
    heap.atom_from_words(v.as_words())
}

/// The parameters `[[p v w] r d]`.
pub fn options(n: Noun) -> Result<Options, JetError> {
    let (pvw, rd) = pair(n)?;
    let (p, vw) = pair(pvw)?;
    let (v, w) = pair(vw)?;
    let (r, d) = pair(rd)?;
    let prec = atom(p)?
        .as_u64()
        .filter(|&x| x <= u64::from(u32::MAX))
        .ok_or(JetError::Exit)?;
    if prec < 2 {
        return Err(JetError::Exit);
    }
    let min_exp = signed(atom(v)?);
    let width = IBig::from(ubig(atom(w)?));
    cat(r)?;
    let den = match cat(d)? {
        0x69 => Den::Infinite,
        0x66 => Den::Flush,
        _ => Den::Denormal,
    };
    Ok(Options {
        prec: prec as usize,
        min_exp,
        width,
        den,
    })
}

/// A number `[e a]`: `e` a cat.
pub fn number(n: Noun) -> Result<(IBig, UBig), JetError> {
    let (e, a) = pair(n)?;
    cat(e)?;
    Ok((signed(atom(e)?), ubig(atom(a)?)))
}

/// `xpd`: widen `a` to the full precision, or to the minimum exponent.
pub fn xpd(e: &mut IBig, a: &mut UBig, o: &Options) {
    let z = a.bit_len();
    if z >= o.prec {
        return;
    }
    let mut c = o.prec - z;
    if o.den != Den::Infinite {
        let i = &*e - &o.min_exp;
        if i < IBig::ZERO {
            c = 0;
        } else if let Ok(i) = u32::try_from(&i) {
            c = c.min(i as usize);
        }
    }
    *a = &*a << c;
    *e -= IBig::from(c);
}
