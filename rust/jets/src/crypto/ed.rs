//! What the ed25519 jets share: vere's byte handling, and the arithmetic
//! of the ref10 code vere calls (urcrypt's vendored `ed25519/src/ge.c` and
//! `ge-additions.c`), reproduced with curve25519-dalek.
//!
//! * A point decodes as `ge_frombytes_negate_vartime` (then negated back,
//!   as urcrypt does): `y` is the low 255 bits, reduced mod p (so a
//!   non-canonical `y` is accepted), and the point must be on the curve.
//!   That is `CompressedEdwardsY::decompress`, and also the Hoon's `deco`.
//! * A product is encoded canonically (`ge_p3_tobytes`, dalek's
//!   `compress`, the Hoon's `etch`).
//! * Scalars are not reduced: `ge_scalarmult` multiplies by the integer,
//!   as the Hoon's `scam` does, on any point, torsion included, except
//!   where ref10's recodings break: see [`radix16`] and [`slide`].

use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use dashu_int::ops::DivRem;
use dashu_int::UBig;

/// The order of the base point, `2^252 + 27742317777372353535851937790883648493`.
fn ell() -> UBig {
    (UBig::ONE << 252) + UBig::from(27_742_317_777_372_353_535_851_937_790_883_648_493u128)
}

/// The point a 32-byte encoding names, if it is on the curve.
pub fn decode(bytes: &[u8; 32]) -> Option<EdwardsPoint> {
    CompressedEdwardsY(*bytes).decompress()
}

/// The canonical encoding of a point.
pub fn encode(p: &EdwardsPoint) -> [u8; 32] {
    p.compress().to_bytes()
}

/// A signed integer: negative?, magnitude.
pub type Int = (bool, UBig);

/// 32 little-endian bytes of a value below 2^256.
fn bytes32(n: &UBig) -> [u8; 32] {
    let mut out = [0u8; 32];
    let b = n.to_le_bytes();
    out[..b.len()].copy_from_slice(&b);
    out
}

/// `k * p` for any integer `k` of magnitude below 2^256, exactly (no
/// reduction of `k`, which matters for points with a torsion part):
/// `(k mod l) * p + (k / l) * (l * p)`, with `l * p = (l - 1) * p + p`.
pub fn mul(p: &EdwardsPoint, k: &Int) -> EdwardsPoint {
    let (neg, mag) = k;
    let (q, r) = mag.clone().div_rem(ell());
    let mut out = p * Scalar::from_bytes_mod_order(bytes32(&r));
    if q != UBig::ZERO {
        let lp = p * (-Scalar::ONE) + p;
        let mut q = q;
        while q != UBig::ZERO {
            out += lp;
            q -= UBig::ONE;
        }
    }
    if *neg {
        -out
    } else {
        out
    }
}

/// The integer ref10's signed radix-16 multiplications multiply by
/// (`ge_scalarmult_base`, and `ge_scalarmult` of ge-additions): the
/// scalar's nibbles are recoded to digits in [-8, 8] with a carry into the
/// top digit, and the lookup tables end at 8, so a top digit of 9 to 16
/// (a scalar of 2^255 or more, or just below with a carry) selects the
/// identity: the product is then by the scalar less that digit times
/// 2^252, which can be negative. Below that it is the scalar itself.
pub fn radix16(a: &[u8; 32]) -> Int {
    let mut e = [0i8; 64];
    for (i, b) in a.iter().enumerate() {
        e[2 * i] = (b & 15) as i8;
        e[2 * i + 1] = (b >> 4) as i8;
    }
    let mut carry = 0i8;
    for d in e.iter_mut().take(63) {
        *d += carry;
        carry = (*d + 8) >> 4;
        *d -= carry << 4;
    }
    let top = e[63] + carry;
    let n = UBig::from_le_bytes(a);
    if top <= 8 {
        return (false, n);
    }
    let low = n & ((UBig::ONE << 252) - UBig::ONE);
    if carry == 0 {
        (false, low)
    } else {
        (true, (UBig::ONE << 252) - low)
    }
}

/// The integer ref10's `ge_double_scalarmult_vartime` multiplies by: its
/// sliding-window recoding (`slide`) keeps the value, except that a carry
/// out of bit 255 is dropped (possible only for scalars of 2^255 or more),
/// and the product is then by the scalar less 2^256.
pub fn slide(a: &[u8; 32]) -> Int {
    let mut r = [0i32; 256];
    for (i, x) in r.iter_mut().enumerate() {
        *x = i32::from((a[i >> 3] >> (i & 7)) & 1);
    }
    let mut lost = false;
    for i in 0..256 {
        if r[i] == 0 {
            continue;
        }
        let mut b = 1;
        while b <= 6 && i + b < 256 {
            if r[i + b] != 0 {
                if r[i] + (r[i + b] << b) <= 15 {
                    r[i] += r[i + b] << b;
                    r[i + b] = 0;
                } else if r[i] - (r[i + b] << b) >= -15 {
                    r[i] -= r[i + b] << b;
                    let mut k = i + b;
                    loop {
                        if k == 256 {
                            lost = true;
                            break;
                        }
                        if r[k] == 0 {
                            r[k] = 1;
                            break;
                        }
                        r[k] = 0;
                        k += 1;
                    }
                } else {
                    break;
                }
            }
            b += 1;
        }
    }
    let n = UBig::from_le_bytes(a);
    if lost {
        (true, (UBig::ONE << 256) - n)
    } else {
        (false, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use curve25519_dalek::constants::ED25519_BASEPOINT_POINT as B;
    use curve25519_dalek::traits::Identity;

    /// ref10's `ge_scalarmult`, step by step: signed nibbles, a top digit
    /// looked up in a table of 1..8 multiples, Horner in base 16.
    fn ref10_radix16(p: &EdwardsPoint, a: &[u8; 32]) -> EdwardsPoint {
        let mut e = [0i8; 64];
        for (i, b) in a.iter().enumerate() {
            e[2 * i] = (b & 15) as i8;
            e[2 * i + 1] = (b >> 4) as i8;
        }
        let mut carry = 0i8;
        for d in e.iter_mut().take(63) {
            *d += carry;
            carry = (*d + 8) >> 4;
            *d -= carry << 4;
        }
        e[63] += carry;
        let table: Vec<EdwardsPoint> = (0..=8u64).map(|j| p * Scalar::from(j)).collect();
        let select = |d: i8| -> EdwardsPoint {
            let abs = d.unsigned_abs();
            let t = if abs <= 8 {
                table[abs as usize]
            } else {
                EdwardsPoint::identity()
            };
            if d < 0 {
                -t
            } else {
                t
            }
        };
        let mut acc = select(e[63]);
        for i in (0..63).rev() {
            acc = acc * Scalar::from(16u8) + select(e[i]);
        }
        acc
    }

    fn torsioned() -> EdwardsPoint {
        // A point of order 8l: the base point plus a point of order 8.
        let t8 = curve25519_dalek::constants::EIGHT_TORSION[1];
        B + t8
    }

    fn noise(seed: u64) -> [u8; 32] {
        let mut x = seed | 1;
        let mut out = [0u8; 32];
        for b in out.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
        out
    }

    #[test]
    fn radix16_is_refs_product() {
        let p = torsioned();
        for seed in 0..200u64 {
            let mut a = noise(seed);
            // Every top byte, so every top digit and carry.
            a[31] = (seed % 256) as u8;
            assert_eq!(
                encode(&mul(&p, &radix16(&a))),
                encode(&ref10_radix16(&p, &a)),
                "{a:?}"
            );
        }
    }

    #[test]
    fn slide_keeps_the_value_below_2_255() {
        for seed in 0..200u64 {
            let mut a = noise(seed);
            a[31] &= 0x7f;
            assert_eq!(slide(&a), (false, UBig::from_le_bytes(&a)));
        }
        // All ones: the carry runs off the top.
        let a = [0xff; 32];
        assert!(slide(&a).0);
    }

    #[test]
    fn mul_is_the_integer_product() {
        let p = torsioned();
        // 8l * p is the identity; l * p is not (p has a torsion part).
        let l = ell();
        assert_eq!(
            encode(&mul(&p, &(false, l.clone() * UBig::from(8u8)))),
            encode(&EdwardsPoint::identity())
        );
        assert_ne!(
            encode(&mul(&p, &(false, l))),
            encode(&EdwardsPoint::identity())
        );
        // Against repeated addition.
        let mut acc = EdwardsPoint::identity();
        for k in 0..40u64 {
            assert_eq!(encode(&mul(&p, &(false, UBig::from(k)))), encode(&acc));
            acc += p;
        }
    }
}
