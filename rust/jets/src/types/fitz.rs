//! `++fitz` (`k140/one/two/tri/qua/pen/fitz`): aura compatibility, as
//! vere-v3.0's `u3qf_fitz` computes it.
//!
//! Does an atom of aura `yaz` fit where aura `wix` is wanted? A trailing
//! capital is a size (`@uvH` ≤ 2^7 bits… `A` smallest): both sized and
//! `wix`'s size larger than `yaz`'s, no. Otherwise the auras are compared
//! byte by byte, up to the shorter one; a size capital ends the comparison
//! with yes, a differing byte with no.
//!
//! vere's product, not the Hoon's, on purpose: vere-v3.0 runs this jet, so
//! every kernel it ran (and every pier it made) got these answers. The
//! Hoon 140 arm's loop compares the size numbers where it means the
//! aura texts, so on sized auras such as `(fitz %I %H)` it says no where
//! vere says yes, and without this jet zuse does not build
//! (`nest-fail -have.@H -need.@I`).

use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Noun};

use crate::util::{atom, sample2};

/// The last byte of `bytes` if it is a capital letter (a size), else 0.
fn size(bytes: &[u8]) -> u8 {
    match bytes.last() {
        Some(&b) if b.is_ascii_uppercase() => b,
        _ => 0,
    }
}

/// `(fitz yaz wix)` as a loobean (`true` for `%.y`).
pub fn fitz(yaz: Atom, wix: Atom) -> bool {
    let (y, w) = (yaz.to_le_bytes(), wix.to_le_bytes());
    let (ys, ws) = (size(&y), size(&w));
    if ys != 0 && ws != 0 && ws > ys {
        return false;
    }
    for i in 0..y.len().min(w.len()) {
        if i + 1 == y.len() && y[i].is_ascii_uppercase() {
            return true;
        }
        if i + 1 == w.len() && w[i].is_ascii_uppercase() {
            return true;
        }
        if y[i] != w[i] {
            return false;
        }
    }
    true
}

/// `|=  [yaz=term wix=term]`. A cell is `%exit` (vere: `%fail`).
pub fn jet(_rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (yaz, wix) = sample2(core)?;
    Ok(Noun::loobean(fitz(atom(yaz)?, atom(wix)?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::{Heap, HeapConfig};

    fn check(y: &str, w: &str) -> bool {
        let mut h = Heap::new(HeapConfig {
            nursery_bytes: 1 << 20,
            limit_bytes: 16 << 20,
            ..HeapConfig::default()
        })
        .expect("heap");
        let (a, b) = (
            h.atom_from_le_bytes(y.as_bytes()),
            h.atom_from_le_bytes(w.as_bytes()),
        );
        fitz(a.as_atom().expect("atom"), b.as_atom().expect("atom"))
    }

    #[test]
    fn as_vere_decides() {
        assert!(check("ud", "u"));
        assert!(check("u", "ud"));
        assert!(!check("ud", "ux"));
        assert!(check("", "ux"));
        assert!(check("uvI", "uvH"));
        assert!(!check("uvH", "uvI"));
        assert!(check("I", "H"));
        assert!(!check("H", "I"));
        assert!(check("uvH", "uv"));
        assert!(check("tas", "ta"));
        assert!(!check("t", "ud"));
    }
}
