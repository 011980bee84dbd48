//! IEEE 754 binary arithmetic in software, for the four interchange
//! formats the Hoon has (`@rh`, `@rs`, `@rd`, `@rq`), with the four
//! rounding directions of its doors (`%n %u %d %z`).
//!
//! The products are vere-v3.0's: Berkeley SoftFloat 3 (correctly rounded
//! IEEE 754-2008 results) with every NaN replaced by one quiet NaN, the
//! Hoon's (`bif` of `[%n ~]`, sign clear, top fraction bit set).
//!
//! Every operation computes its exact result (an integer `mag * 2^exp`,
//! with a sticky bit where the exact value lies strictly between `mag`
//! and `mag + 1` units) and rounds it once. Exact integers are `dashu`
//! `UBig`s of a few hundred bits at most (a quad `fma`): an addend far
//! below the other operand only sets the sticky bit.

use dashu_int::ops::{BitTest, DivRem, SquareRootRem};
use dashu_int::UBig;

/// A binary interchange format: `w` exponent bits, `p` fraction bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    pub w: u32,
    pub p: u32,
}

/// `@rh`: binary16.
pub const HALF: Format = Format { w: 5, p: 10 };
/// `@rs`: binary32.
pub const SINGLE: Format = Format { w: 8, p: 23 };
/// `@rd`: binary64.
pub const DOUBLE: Format = Format { w: 11, p: 52 };
/// `@rq`: binary128.
pub const QUAD: Format = Format { w: 15, p: 112 };

impl Format {
    /// Total width in bits.
    pub const fn bits(self) -> u32 {
        self.w + self.p + 1
    }
    /// The low `bits()` bits of `x`: what vere reads of an operand
    /// (`u3r_chub(0, a)` and friends), and what the Hoon's `sea` reads.
    pub const fn trunc(self, x: u128) -> u128 {
        if self.bits() >= 128 {
            x
        } else {
            x & ((1u128 << self.bits()) - 1)
        }
    }
    const fn sign_bit(self) -> u128 {
        1u128 << (self.w + self.p)
    }
    const fn frac_mask(self) -> u128 {
        (1u128 << self.p) - 1
    }
    const fn exp_max(self) -> u128 {
        (1u128 << self.w) - 1
    }
    const fn bias(self) -> i64 {
        (1i64 << (self.w - 1)) - 1
    }
    /// Exponent of the unit in the last place of a subnormal.
    const fn emin(self) -> i64 {
        1 - self.bias() - self.p as i64
    }
    /// The one NaN: vere's `_nan_unify`, the Hoon's `bif` of `[%n ~]`.
    pub const fn nan(self) -> u128 {
        ((1u128 << (self.w + 1)) - 1) << (self.p - 1)
    }
    const fn inf(self, neg: bool) -> u128 {
        (self.exp_max() << self.p) | if neg { self.sign_bit() } else { 0 }
    }
    const fn zero(self, neg: bool) -> u128 {
        if neg {
            self.sign_bit()
        } else {
            0
        }
    }
    /// The largest finite magnitude, with a sign.
    const fn max(self, neg: bool) -> u128 {
        ((self.exp_max() - 1) << self.p) | self.frac_mask() | self.zero(neg)
    }
    /// Is `x` (already truncated) a NaN?
    pub const fn is_nan(self, x: u128) -> bool {
        (x >> self.p) & self.exp_max() == self.exp_max() && x & self.frac_mask() != 0
    }
}

/// A rounding direction: the Hoon's `%n` (nearest, ties to even), `%u`
/// (toward +∞), `%d` (toward −∞), `%z` (toward zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    Near,
    Up,
    Down,
    Zero,
}

impl Round {
    /// The mode for a door's sample `r`, as vere's `_set_rounding` reads
    /// it: `%n %u %d %z`, nothing else (not `%a`, which the Hoon's `ff`
    /// would take).
    pub fn from_term(t: u64) -> Option<Round> {
        match t {
            0x6e => Some(Round::Near),
            0x75 => Some(Round::Up),
            0x64 => Some(Round::Down),
            0x7a => Some(Round::Zero),
            _ => None,
        }
    }
}

/// An operand, classified.
#[derive(Debug, Clone, Copy)]
enum Val {
    Nan,
    Inf(bool),
    Zero(bool),
    /// `(-1)^neg * mag * 2^exp`, `mag` nonzero.
    Fin {
        neg: bool,
        mag: u128,
        exp: i64,
    },
}

fn unpack(f: Format, x: u128) -> Val {
    let neg = x & f.sign_bit() != 0;
    let e = (x >> f.p) & f.exp_max();
    let frac = x & f.frac_mask();
    if e == f.exp_max() {
        if frac == 0 {
            Val::Inf(neg)
        } else {
            Val::Nan
        }
    } else if e == 0 {
        if frac == 0 {
            Val::Zero(neg)
        } else {
            Val::Fin {
                neg,
                mag: frac,
                exp: f.emin(),
            }
        }
    } else {
        Val::Fin {
            neg,
            mag: frac | (1u128 << f.p),
            exp: e as i64 - f.bias() - f.p as i64,
        }
    }
}

/// An exact value `(-1)^neg * mag * 2^exp`, `mag` nonzero.
struct Exact {
    neg: bool,
    mag: UBig,
    exp: i64,
}

impl Exact {
    fn of(neg: bool, mag: u128, exp: i64) -> Exact {
        Exact {
            neg,
            mag: UBig::from(mag),
            exp,
        }
    }
    /// The exponent just above the top bit: the value is below
    /// `2^top()`.
    fn top(&self) -> i64 {
        self.exp + self.mag.bit_len() as i64
    }
}

/// Round `(-1)^neg * (mag + s) * 2^exp`, where `s` is 0 if `!sticky` and
/// strictly between 0 and 1 otherwise, to the format. With `sticky`,
/// `mag` must have at least `p + 2` bits (so that the sticky part lies
/// below the rounding bit); callers guarantee it.
fn round(f: Format, r: Round, neg: bool, mag: &UBig, exp: i64, sticky: bool) -> u128 {
    let n = mag.bit_len() as i64;
    if n == 0 {
        return f.zero(neg);
    }
    let p = i64::from(f.p);
    // The exponent of the last place kept: p + 1 bits for a normal
    // number, the subnormal grid below.
    let top = exp + n - 1;
    let mut ulp = (top - p).max(f.emin());
    let shift = ulp - exp;
    let (mut q, up) = if shift <= 0 {
        // Exact at this grid (never with `sticky`: see above).
        let q = u128::try_from(mag << ((-shift) as usize)).unwrap_or(0);
        (q, false)
    } else {
        let s = shift as usize;
        let q = u128::try_from(mag >> s).unwrap_or(0);
        let tz = mag.trailing_zeros().unwrap_or(0);
        let half = mag.bit(s - 1);
        let below = tz < s - 1;
        let inexact = half || below || sticky;
        let up = match r {
            Round::Near => half && (below || sticky || q & 1 == 1),
            Round::Zero => false,
            Round::Up => !neg && inexact,
            Round::Down => neg && inexact,
        };
        (q, up)
    };
    if up {
        q += 1;
        if q == 1u128 << (f.p + 1) {
            q >>= 1;
            ulp += 1;
        }
    }
    if q == 0 {
        return f.zero(neg);
    }
    let be = if q < 1u128 << f.p {
        0
    } else {
        ulp + p + f.bias()
    };
    if be >= f.exp_max() as i64 {
        // Overflow: infinity, or the largest finite number when rounding
        // toward zero from it (IEEE 754 §7.4).
        let inf = match r {
            Round::Near => true,
            Round::Zero => false,
            Round::Up => !neg,
            Round::Down => neg,
        };
        return if inf { f.inf(neg) } else { f.max(neg) };
    }
    f.zero(neg) | ((be as u128) << f.p) | (q & f.frac_mask())
}

/// The rounded sum of two exact nonzero values.
fn add_exact(f: Format, r: Round, a: Exact, b: Exact) -> u128 {
    let (hi, lo) = if a.top() >= b.top() { (a, b) } else { (b, a) };
    // `hi` widened to at least p + 3 bits; if `lo` lies wholly below its
    // last place, it only moves the sticky bit.
    let k = (i64::from(f.p) + 3 - hi.mag.bit_len() as i64).max(0);
    let floor = hi.exp - k;
    if lo.top() <= floor {
        let wide = &hi.mag << (k as usize);
        let mag = if hi.neg == lo.neg {
            wide
        } else {
            wide - UBig::ONE
        };
        return round(f, r, hi.neg, &mag, floor, true);
    }
    let e = hi.exp.min(lo.exp);
    let x = &hi.mag << ((hi.exp - e) as usize);
    let y = &lo.mag << ((lo.exp - e) as usize);
    if hi.neg == lo.neg {
        return round(f, r, hi.neg, &(x + y), e, false);
    }
    match x.cmp(&y) {
        std::cmp::Ordering::Greater => round(f, r, hi.neg, &(x - y), e, false),
        std::cmp::Ordering::Less => round(f, r, lo.neg, &(y - x), e, false),
        // An exact zero sum of opposite signs: +0, or −0 rounding down.
        std::cmp::Ordering::Equal => f.zero(r == Round::Down),
    }
}

/// `a + b`.
pub fn add(f: Format, r: Round, a: u128, b: u128) -> u128 {
    let (a, b) = (f.trunc(a), f.trunc(b));
    match (unpack(f, a), unpack(f, b)) {
        (Val::Nan, _) | (_, Val::Nan) => f.nan(),
        (Val::Inf(x), Val::Inf(y)) => {
            if x == y {
                f.inf(x)
            } else {
                f.nan()
            }
        }
        (Val::Inf(x), _) | (_, Val::Inf(x)) => f.inf(x),
        (Val::Zero(x), Val::Zero(y)) => {
            if x == y {
                f.zero(x)
            } else {
                f.zero(r == Round::Down)
            }
        }
        (Val::Zero(_), Val::Fin { .. }) => b,
        (Val::Fin { .. }, Val::Zero(_)) => a,
        (
            Val::Fin {
                neg: n1,
                mag: m1,
                exp: e1,
            },
            Val::Fin {
                neg: n2,
                mag: m2,
                exp: e2,
            },
        ) => add_exact(f, r, Exact::of(n1, m1, e1), Exact::of(n2, m2, e2)),
    }
}

/// `a - b`: `a + (-b)` (which differs only in which NaN it gives, and
/// every NaN is the one NaN here).
pub fn sub(f: Format, r: Round, a: u128, b: u128) -> u128 {
    let b = f.trunc(b);
    if f.is_nan(b) {
        return f.nan();
    }
    add(f, r, a, b ^ f.sign_bit())
}

/// `a * b`.
pub fn mul(f: Format, r: Round, a: u128, b: u128) -> u128 {
    match (unpack(f, f.trunc(a)), unpack(f, f.trunc(b))) {
        (Val::Nan, _) | (_, Val::Nan) => f.nan(),
        (Val::Inf(_), Val::Zero(_)) | (Val::Zero(_), Val::Inf(_)) => f.nan(),
        (Val::Inf(x), Val::Inf(y))
        | (Val::Inf(x), Val::Fin { neg: y, .. })
        | (Val::Fin { neg: x, .. }, Val::Inf(y)) => f.inf(x != y),
        (Val::Zero(x), Val::Zero(y))
        | (Val::Zero(x), Val::Fin { neg: y, .. })
        | (Val::Fin { neg: x, .. }, Val::Zero(y)) => f.zero(x != y),
        (
            Val::Fin {
                neg: n1,
                mag: m1,
                exp: e1,
            },
            Val::Fin {
                neg: n2,
                mag: m2,
                exp: e2,
            },
        ) => {
            let mag = UBig::from(m1) * UBig::from(m2);
            round(f, r, n1 != n2, &mag, e1 + e2, false)
        }
    }
}

/// `a / b`.
pub fn div(f: Format, r: Round, a: u128, b: u128) -> u128 {
    match (unpack(f, f.trunc(a)), unpack(f, f.trunc(b))) {
        (Val::Nan, _) | (_, Val::Nan) => f.nan(),
        (Val::Inf(_), Val::Inf(_)) | (Val::Zero(_), Val::Zero(_)) => f.nan(),
        (Val::Inf(x), Val::Zero(y))
        | (Val::Inf(x), Val::Fin { neg: y, .. })
        | (Val::Fin { neg: x, .. }, Val::Zero(y)) => f.inf(x != y),
        (Val::Zero(x), Val::Inf(y))
        | (Val::Fin { neg: x, .. }, Val::Inf(y))
        | (Val::Zero(x), Val::Fin { neg: y, .. }) => f.zero(x != y),
        (
            Val::Fin {
                neg: n1,
                mag: m1,
                exp: e1,
            },
            Val::Fin {
                neg: n2,
                mag: m2,
                exp: e2,
            },
        ) => {
            // A quotient of at least p + 3 bits, and its remainder.
            let (l1, l2) = (128 - m1.leading_zeros(), 128 - m2.leading_zeros());
            let s = (l2 + f.p + 3).saturating_sub(l1);
            let (q, rem) = (UBig::from(m1) << s as usize).div_rem(UBig::from(m2));
            round(f, r, n1 != n2, &q, e1 - e2 - i64::from(s), !rem.is_zero())
        }
    }
}

/// The square root of `a`.
pub fn sqrt(f: Format, r: Round, a: u128) -> u128 {
    let a = f.trunc(a);
    match unpack(f, a) {
        Val::Nan | Val::Inf(true) | Val::Fin { neg: true, .. } => f.nan(),
        Val::Inf(false) | Val::Zero(_) => a,
        Val::Fin { mag, exp, .. } => {
            // An even exponent, and a root of at least p + 3 bits.
            let l = 128 - mag.leading_zeros();
            let mut s = (2 * (f.p + 3)).saturating_sub(l);
            if (exp - i64::from(s)) % 2 != 0 {
                s += 1;
            }
            let (root, rem) = (UBig::from(mag) << s as usize).sqrt_rem();
            round(f, r, false, &root, (exp - i64::from(s)) / 2, !rem.is_zero())
        }
    }
}

/// `a * b + c`, rounded once.
pub fn fma(f: Format, r: Round, a: u128, b: u128, c: u128) -> u128 {
    let c = f.trunc(c);
    let (a, b, cv) = (unpack(f, f.trunc(a)), unpack(f, f.trunc(b)), unpack(f, c));
    if matches!(a, Val::Nan) || matches!(b, Val::Nan) || matches!(cv, Val::Nan) {
        return f.nan();
    }
    let sign = |v: Val| match v {
        Val::Inf(s) | Val::Zero(s) | Val::Fin { neg: s, .. } => s,
        Val::Nan => false,
    };
    let neg = sign(a) != sign(b);
    match (a, b) {
        (Val::Nan, _) | (_, Val::Nan) => f.nan(),
        (Val::Inf(_), Val::Zero(_)) | (Val::Zero(_), Val::Inf(_)) => f.nan(),
        (Val::Inf(_), _) | (_, Val::Inf(_)) => match cv {
            Val::Inf(s) if s != neg => f.nan(),
            _ => f.inf(neg),
        },
        (Val::Zero(_), _) | (_, Val::Zero(_)) => match cv {
            Val::Zero(s) if s != neg => f.zero(r == Round::Down),
            Val::Zero(_) => f.zero(neg),
            _ => c,
        },
        (
            Val::Fin {
                mag: m1, exp: e1, ..
            },
            Val::Fin {
                mag: m2, exp: e2, ..
            },
        ) => {
            let prod = Exact {
                neg,
                mag: UBig::from(m1) * UBig::from(m2),
                exp: e1 + e2,
            };
            match cv {
                Val::Inf(_) => c,
                Val::Zero(_) => round(f, r, neg, &prod.mag, prod.exp, false),
                Val::Fin { neg, mag, exp } => add_exact(f, r, prod, Exact::of(neg, mag, exp)),
                Val::Nan => f.nan(),
            }
        }
    }
}

/// A total order key for non-NaN values, where `-0 == +0`.
fn key(f: Format, x: u128) -> i128 {
    let m = (x & !f.sign_bit()) as i128;
    if x & f.sign_bit() != 0 {
        -m
    } else {
        m
    }
}

/// `a < b`; no if either is a NaN.
pub fn lt(f: Format, a: u128, b: u128) -> bool {
    let (a, b) = (f.trunc(a), f.trunc(b));
    !f.is_nan(a) && !f.is_nan(b) && key(f, a) < key(f, b)
}

/// `a <= b`; no if either is a NaN.
pub fn le(f: Format, a: u128, b: u128) -> bool {
    let (a, b) = (f.trunc(a), f.trunc(b));
    !f.is_nan(a) && !f.is_nan(b) && key(f, a) <= key(f, b)
}

/// `a == b`; no if either is a NaN, yes for `-0` and `+0`.
pub fn eq(f: Format, a: u128, b: u128) -> bool {
    let (a, b) = (f.trunc(a), f.trunc(b));
    !f.is_nan(a) && !f.is_nan(b) && key(f, a) == key(f, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: f64) -> u128 {
        u128::from(x.to_bits())
    }

    #[test]
    fn doubles_match_the_hardware_to_nearest() {
        let vals = [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            3.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            1e308,
            f64::INFINITY,
            f64::NEG_INFINITY,
            2.0f64.sqrt(),
            1.0 + f64::EPSILON,
        ];
        for &x in &vals {
            for &y in &vals {
                let n = Round::Near;
                let canon = |v: f64| if v.is_nan() { DOUBLE.nan() } else { d(v) };
                assert_eq!(add(DOUBLE, n, d(x), d(y)), canon(x + y), "{x} + {y}");
                assert_eq!(sub(DOUBLE, n, d(x), d(y)), canon(x - y), "{x} - {y}");
                assert_eq!(mul(DOUBLE, n, d(x), d(y)), canon(x * y), "{x} * {y}");
                assert_eq!(div(DOUBLE, n, d(x), d(y)), canon(x / y), "{x} / {y}");
                assert_eq!(lt(DOUBLE, d(x), d(y)), x < y);
                assert_eq!(le(DOUBLE, d(x), d(y)), x <= y);
                assert_eq!(eq(DOUBLE, d(x), d(y)), x == y);
                for &z in &vals {
                    assert_eq!(
                        fma(DOUBLE, n, d(x), d(y), d(z)),
                        canon(x.mul_add(y, z)),
                        "{x} * {y} + {z}"
                    );
                }
            }
            let canon = |v: f64| if v.is_nan() { DOUBLE.nan() } else { d(v) };
            assert_eq!(sqrt(DOUBLE, Round::Near, d(x)), canon(x.sqrt()), "sqrt {x}");
        }
    }

    #[test]
    fn directed_overflow_stops_at_the_largest_finite() {
        let max = d(f64::MAX);
        assert_eq!(mul(DOUBLE, Round::Zero, max, d(2.0)), max);
        assert_eq!(mul(DOUBLE, Round::Up, max, d(2.0)), d(f64::INFINITY));
        assert_eq!(mul(DOUBLE, Round::Up, max, d(-2.0)), d(-f64::MAX));
        assert_eq!(mul(DOUBLE, Round::Down, max, d(-2.0)), d(f64::NEG_INFINITY));
    }
}
