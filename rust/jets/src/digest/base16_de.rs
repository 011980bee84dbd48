//! `++de:base16:mimes:html`: a hex cord as a `(unit octs)`.

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use crate::util::{atom, sample};

/// A hex digit's value: `0-9`, `a-f` and, as vere takes them, `A-F`.
fn digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// `[~ [len dat]]`: the cord's digits, first character most significant,
/// as a number of `len` bytes (`len` the digits' count halved, rounded
/// up), or `~` if any character is not a hex digit (vere's
/// `u3qe_de_base16`). The empty cord is `[~ 0 0]`.
///
/// Where vere decides: it takes uppercase digits too; the Hoon's `hit`
/// takes only lowercase (and gives `~`).
pub fn de(heap: &mut Heap, inp: Atom) -> Noun {
    let chars = inp.to_le_bytes();
    let mut out = vec![0u8; chars.len().div_ceil(2)];
    // The last character is the low nibble of the lowest byte.
    for (i, &c) in chars.iter().rev().enumerate() {
        let Some(v) = digit(c) else {
            return Noun::ZERO;
        };
        out[i / 2] |= v << (4 * (i % 2));
    }
    let len = Noun::direct(out.len() as u64);
    let dat = heap.atom_from_le_bytes(&out);
    heap.tuple(&[Noun::ZERO, len, dat])
}

/// `|=  a=cord`; a cell is `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let inp = atom(sample(core)?)?;
    Ok(de(&mut rt.heap, inp))
}
