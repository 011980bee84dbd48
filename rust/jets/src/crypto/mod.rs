//! Cryptography (`hex`, from zuse): ed25519 (`coed/ed`) with dalek, AES
//! (`aes`) with RustCrypto's block cipher.
//!
//! Encodings follow vere-v3.0's jets (`jets/e/ed_*.c`, `aes_*.c`) and the
//! urcrypt they call (commit 43479c3): ed25519 keys, points, scalars and
//! signatures are an atom's bytes least significant first, unreversed
//! (`u3r_bytes_fit`, `u3i_bytes`); AES keys, blocks and messages are
//! reversed (`urcrypt__reverse`), so an atom is read most significant byte
//! first, as the Hoon's `+net`/`+rev` do. Where vere punts (an operand
//! wider than its fixed size, a point off the curve) the jet punts too and
//! the Hoon runs. Where vere and this kelvin's Hoon part (noted on each
//! gate), vere decides.

pub mod add_double_scalarmult;
pub mod add_scalarmult_scalarmult_base;
pub mod aes;
pub mod cbc;
pub mod ecb;
pub mod ed;
pub mod point_add;
pub mod puck;
pub mod scalarmult;
pub mod scalarmult_base;
pub mod shar;
pub mod sign;
pub mod siv;
pub mod veri;

use mars_noun::{Atom, Heap, Noun};

crate::table::family! {
    ed_puck: "one/two/tri/qua/pen/hex/coed/ed/puck" => puck::jet;
    ed_sign: "one/two/tri/qua/pen/hex/coed/ed/sign" => sign::jet;
    ed_veri: "one/two/tri/qua/pen/hex/coed/ed/veri" => veri::jet;
    ed_shar: "one/two/tri/qua/pen/hex/coed/ed/shar" => shar::jet;
    ed_point_add: "one/two/tri/qua/pen/hex/coed/ed/point-add" => point_add::jet;
    ed_scalarmult: "one/two/tri/qua/pen/hex/coed/ed/scalarmult" => scalarmult::jet;
    ed_scalarmult_base: "one/two/tri/qua/pen/hex/coed/ed/scalarmult-base" => scalarmult_base::jet;
    ed_add_scalarmult_scalarmult_base:
        "one/two/tri/qua/pen/hex/coed/ed/add-scalarmult-scalarmult-base"
        => add_scalarmult_scalarmult_base::jet;
    ed_add_double_scalarmult: "one/two/tri/qua/pen/hex/coed/ed/add-double-scalarmult"
        => add_double_scalarmult::jet;
    siva_en: "one/two/tri/qua/pen/hex/aes/siva/en" => siv::siva_en;
    siva_de: "one/two/tri/qua/pen/hex/aes/siva/de" => siv::siva_de;
    sivb_en: "one/two/tri/qua/pen/hex/aes/sivb/en" => siv::sivb_en;
    sivb_de: "one/two/tri/qua/pen/hex/aes/sivb/de" => siv::sivb_de;
    sivc_en: "one/two/tri/qua/pen/hex/aes/sivc/en" => siv::sivc_en;
    sivc_de: "one/two/tri/qua/pen/hex/aes/sivc/de" => siv::sivc_de;
    ecba_en: "one/two/tri/qua/pen/hex/aes/ecba/en" => ecb::ecba_en;
    ecba_de: "one/two/tri/qua/pen/hex/aes/ecba/de" => ecb::ecba_de;
    ecbb_en: "one/two/tri/qua/pen/hex/aes/ecbb/en" => ecb::ecbb_en;
    ecbb_de: "one/two/tri/qua/pen/hex/aes/ecbb/de" => ecb::ecbb_de;
    ecbc_en: "one/two/tri/qua/pen/hex/aes/ecbc/en" => ecb::ecbc_en;
    ecbc_de: "one/two/tri/qua/pen/hex/aes/ecbc/de" => ecb::ecbc_de;
    cbca_en: "one/two/tri/qua/pen/hex/aes/cbca/en" => cbc::cbca_en;
    cbca_de: "one/two/tri/qua/pen/hex/aes/cbca/de" => cbc::cbca_de;
    cbcb_en: "one/two/tri/qua/pen/hex/aes/cbcb/en" => cbc::cbcb_en;
    cbcb_de: "one/two/tri/qua/pen/hex/aes/cbcb/de" => cbc::cbcb_de;
    cbcc_en: "one/two/tri/qua/pen/hex/aes/cbcc/en" => cbc::cbcc_en;
    cbcc_de: "one/two/tri/qua/pen/hex/aes/cbcc/de" => cbc::cbcc_de;
}

/// vere's `u3r_bytes_fit`: the atom's bytes, least significant first,
/// zero-padded to `N`, if it has at most `N` bytes.
pub fn fit<const N: usize>(a: Atom) -> Option<[u8; N]> {
    if a.byte_len() > N {
        return None;
    }
    let mut out = [0u8; N];
    for (i, w) in a.words().iter().enumerate() {
        for (j, b) in w.to_le_bytes().iter().enumerate() {
            if let Some(o) = out.get_mut(8 * i + j) {
                *o = *b;
            }
        }
    }
    Some(out)
}

/// `u3i_bytes`: bytes, least significant first, as an atom.
pub fn bytes_atom(heap: &mut Heap, bytes: &[u8]) -> Noun {
    heap.atom_from_le_bytes(bytes)
}
