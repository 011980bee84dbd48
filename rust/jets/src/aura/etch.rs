//! The numeric auras as `++co` prints them (`rend`, `ox-co`): digits
//! grouped from the low end, every group but the top one zero-padded,
//! joined by dots, after a prefix (vere's `u3s_etch_ud`, `ux`, `uv`,
//! `uw`). Shared by `scot` and `scow`.
//!
//! * `@ud`: decimal, groups of 3: `1.000.000`.
//! * `@ux`: `0x`, hexadecimal, groups of 4: `0x1.0000`.
//! * `@uv`: `0v`, base 32 (`0-9a-v`), groups of 5.
//! * `@uw`: `0w`, base 64 (`0-9a-zA-Z-~`), groups of 5.
//!
//! Zero is one digit: `0`, `0x0`, `0v0`, `0w0`.

use mars_noun::Atom;

use super::aura;
use crate::big;

/// `%ud`.
pub const UD: u64 = aura(b"ud");
/// `%ux`.
pub const UX: u64 = aura(b"ux");
/// `%uv`.
pub const UV: u64 = aura(b"uv");
/// `%uw`.
pub const UW: u64 = aura(b"uw");

/// The digits of `~(w ne tig)` (`~(x ne tig)` and `~(v ne tig)` are its
/// first 16 and 32).
const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-~";

/// The text of `a` in the numeric aura `aura` (`UD`, `UX`, `UV`, `UW`),
/// or `None` for any other.
pub fn etch(aura: u64, a: Atom) -> Option<Vec<u8>> {
    match aura {
        UD => Some(ud(a)),
        UX => Some(pow2(b"0x", a, 4, 4)),
        UV => Some(pow2(b"0v", a, 5, 5)),
        UW => Some(pow2(b"0w", a, 6, 5)),
        _ => None,
    }
}

/// `digits` (most significant first, at least one) after `prefix`, a dot
/// before every `group` digits counted from the low end.
fn grouped(prefix: &[u8], digits: &[u8], group: usize) -> Vec<u8> {
    let n = digits.len();
    let mut out = Vec::with_capacity(prefix.len() + n + n / group);
    out.extend_from_slice(prefix);
    for (i, &d) in digits.iter().enumerate() {
        if i > 0 && (n - i) % group == 0 {
            out.push(b'.');
        }
        out.push(d);
    }
    out
}

/// `@ud`.
fn ud(a: Atom) -> Vec<u8> {
    let digits = match a.as_u64() {
        Some(v) => v.to_string(),
        None => big::from_atom(a).to_string(),
    };
    grouped(b"", digits.as_bytes(), 3)
}

/// A base of `2^bits` (4, 5 or 6), in groups of `group` digits.
fn pow2(prefix: &[u8], a: Atom, bits: u64, group: usize) -> Vec<u8> {
    let words = a.words();
    let n = a.bit_len().div_ceil(bits).max(1);
    let digit = |i: u64| -> u8 {
        // Bits [i*bits, i*bits + bits) of the atom.
        let at = i * bits;
        let (w, off) = ((at / 64) as usize, at % 64);
        let lo = words.get(w).copied().unwrap_or(0) >> off;
        let hi = if off + bits > 64 {
            words.get(w + 1).copied().unwrap_or(0) << (64 - off)
        } else {
            0
        };
        DIGITS[((lo | hi) & ((1 << bits) - 1)) as usize]
    };
    let digits: Vec<u8> = (0..n).rev().map(digit).collect();
    grouped(prefix, &digits, group)
}
