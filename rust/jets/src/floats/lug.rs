//! `++lug:cofl`: the rounding at the heart of `fl` (vere's `u3wef_lug`):
//! `|=  [t=?(%fl %ce %sm %lg %ne %na %nt) a=[e=@s a=@u] s=?]`, rounding
//! `a` (with sticky bit `s`: `&` when nothing lies below it) to the
//! core's precision and exponent range.
//!
//! The algorithm is the Hoon's, step for step (vere's is the same); the
//! operand checks are vere's (`cofl.rs`), and two more of its:
//!
//! * any `s` but `&` counts as `|` (the Hoon crashes on a non-loobean
//!   in its `?>  |(s …)`);
//! * a `t` not in the list is `%exit` (the Hoon's `?-` would take its
//!   last case), as is an exponent more than 2^32 below the minimum.

use std::cmp::Ordering;

use dashu_int::ops::BitTest;
use dashu_int::{IBig, UBig};
use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::cofl::{number, options, to_atom, to_signed, xpd, Den, Options};
use crate::util::{pair, sample, slot};

/// The rounding types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `%fl`: floor.
    Fl,
    /// `%ce`: ceiling.
    Ce,
    /// `%sm`: the next smaller.
    Sm,
    /// `%lg`: the next larger.
    Lg,
    /// `%ne`: nearest, ties to even.
    Ne,
    /// `%na`: nearest, ties away from zero.
    Na,
    /// `%nt`: nearest, ties toward zero.
    Nt,
}

impl Kind {
    fn from_term(n: Noun) -> Option<Kind> {
        match n.as_direct()? {
            0x6c66 => Some(Kind::Fl),
            0x6563 => Some(Kind::Ce),
            0x6d73 => Some(Kind::Sm),
            0x676c => Some(Kind::Lg),
            0x656e => Some(Kind::Ne),
            0x616e => Some(Kind::Na),
            0x746e => Some(Kind::Nt),
            _ => None,
        }
    }
}

/// What `lug` gives: `[%f & e a]`, or `[%i &]` past the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rounded {
    Finite(IBig, UBig),
    Infinite,
}

/// `v` against `2^(q-1)` (against 1 for `q = 0`), without building it.
fn cmp_half(v: &UBig, q: usize) -> Ordering {
    if q == 0 {
        return v.cmp(&UBig::ONE);
    }
    let bl = v.bit_len();
    if bl < q {
        Ordering::Less
    } else if bl > q {
        Ordering::Greater
    } else if v.trailing_zeros() == Some(q - 1) {
        Ordering::Equal
    } else {
        Ordering::Greater
    }
}

/// Round `a * 2^e` of kind `t`; `exact` is the sticky bit `s = &`.
pub fn lug(
    t: Option<Kind>,
    mut e: IBig,
    mut a: UBig,
    exact: bool,
    o: &Options,
) -> Result<Rounded, JetError> {
    if a.is_zero() {
        return Err(JetError::Exit);
    }
    let m = a.bit_len();
    if !exact && m <= o.prec {
        return Err(JetError::Exit);
    }
    let f = m.saturating_sub(o.prec);
    let mut q = 0usize;
    if o.den != Den::Infinite && e < o.min_exp {
        let g = &o.min_exp - &e;
        q = u32::try_from(&g).map_err(|_| JetError::Exit)? as usize;
    }
    let q = q.max(f);
    let v = if q >= m {
        a.clone()
    } else {
        &a - ((&a >> q) << q)
    };
    a = &a >> q;
    e += IBig::from(q);
    let t = t.ok_or(JetError::Exit)?;
    let (e, a) = if a.is_zero() {
        let up = match t {
            Kind::Fl | Kind::Sm => false,
            Kind::Ce | Kind::Lg => true,
            Kind::Ne | Kind::Nt | Kind::Na => {
                let c = cmp_half(&v, q);
                let down = if t != Kind::Na && exact {
                    c != Ordering::Greater
                } else {
                    c == Ordering::Less
                };
                !down
            }
        };
        if up {
            (o.min_exp.clone(), UBig::ONE)
        } else {
            (IBig::ZERO, UBig::ZERO)
        }
    } else {
        xpd(&mut e, &mut a, o);
        let inexact = !v.is_zero();
        match t {
            Kind::Fl => {}
            Kind::Lg => a += UBig::ONE,
            Kind::Sm => {
                if !inexact && exact {
                    if e == o.min_exp && o.den != Den::Infinite {
                        a -= UBig::ONE;
                    } else {
                        let g = (&a << 1) - UBig::ONE;
                        if g.bit_len() <= o.prec {
                            e -= IBig::ONE;
                            a = g;
                        } else {
                            a -= UBig::ONE;
                        }
                    }
                }
            }
            Kind::Ce => {
                if inexact || !exact {
                    a += UBig::ONE;
                }
            }
            Kind::Ne => {
                if inexact {
                    match cmp_half(&v, q) {
                        Ordering::Equal if exact => {
                            if a.bit(0) {
                                a += UBig::ONE;
                            }
                        }
                        Ordering::Less => {}
                        _ => a += UBig::ONE,
                    }
                }
            }
            Kind::Na | Kind::Nt => {
                if inexact {
                    match cmp_half(&v, q) {
                        Ordering::Less => {}
                        Ordering::Equal if t == Kind::Nt => {
                            if !exact {
                                a += UBig::ONE;
                            }
                        }
                        _ => a += UBig::ONE,
                    }
                }
            }
        }
        if a.bit_len() == o.prec + 1 {
            a = &a >> 1;
            e += IBig::ONE;
        }
        if a.is_zero() {
            (IBig::ZERO, a)
        } else {
            if o.den != Den::Infinite && &o.min_exp + &o.width < e {
                return Ok(Rounded::Infinite);
            }
            (e, a)
        }
    };
    if o.den == Den::Flush && a.bit_len() != o.prec {
        return Ok(Rounded::Finite(IBig::ZERO, UBig::ZERO));
    }
    Ok(Rounded::Finite(e, a))
}

/// `lug` in its core: the sample `[t a s]` at 6, the parameters at 30.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (t, as_) = pair(sample(core)?)?;
    let (a, s) = pair(as_)?;
    let o = options(slot(core, 30)?)?;
    let (e, a) = number(a)?;
    let exact = s.as_direct() == Some(0);
    let heap = &mut rt.heap;
    Ok(match lug(Kind::from_term(t), e, a, exact, &o)? {
        Rounded::Infinite => {
            let i = Noun::direct(0x69);
            heap.cell(i, Noun::direct(0))
        }
        Rounded::Finite(e, a) => {
            let e = to_signed(heap, &e);
            let a = to_atom(heap, &a);
            let f = Noun::direct(0x66);
            heap.tuple(&[f, Noun::direct(0), e, a])
        }
    })
}
