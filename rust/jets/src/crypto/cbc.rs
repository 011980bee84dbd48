//! `++en` and `++de` of `cbca`, `cbcb`, `cbcc` in `aes:crypto`: AES-CBC
//! with a 128-, 192- or 256-bit key.
//!
//! vere's `jets/e/aes_cbc.c` and urcrypt's `aes_cbc.c`: the key's low 16,
//! 24 or 32 bytes and the IV's low 16 bytes, most significant first; the
//! message is its `(met 3 txt)` bytes zero-padded on its high end to whole
//! blocks, then read most significant first, block by block from the top,
//! as the Hoon's `(flop (rip 7 txt))` does. One difference, where vere
//! decides: a message of 0 is no blocks and gives 0 (the Hoon encrypts one
//! zero block).

use aes::{Aes128, Aes192, Aes256};
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::aes::{be_bytes, cipher, decrypt, encrypt, from_be, Aes, Block};
use crate::util::{atom, sample, slot};

/// CBC over `txt` under the low `n` bytes of `key` from the IV `prv`,
/// encrypting (`en`) or decrypting.
pub fn cbc<C: Aes>(heap: &mut Heap, n: usize, key: Atom, prv: Atom, txt: Atom, en: bool) -> Noun {
    let c = cipher::<C>(&be_bytes(key, n));
    let mut chain: Block = [0; 16];
    chain.copy_from_slice(&be_bytes(prv, 16));
    let len = txt.byte_len().div_ceil(16) * 16;
    let mut msg = be_bytes(txt, len);
    for chunk in msg.chunks_mut(16) {
        let mut b: Block = [0; 16];
        b.copy_from_slice(chunk);
        let out = if en {
            for (x, y) in b.iter_mut().zip(chain.iter()) {
                *x ^= y;
            }
            let o = encrypt(&c, &b);
            chain = o;
            o
        } else {
            let mut o = decrypt(&c, &b);
            for (x, y) in o.iter_mut().zip(chain.iter()) {
                *x ^= y;
            }
            chain = b;
            o
        };
        chunk.copy_from_slice(&out);
    }
    from_be(heap, &msg)
}

/// `|=  txt=@` in `|_  [key=@ prv=@H]`: the key at axis 60, the IV at 61;
/// cells are `%exit`.
fn jet<C: Aes>(rt: &mut Runtime, core: Noun, n: usize, en: bool) -> Result<Noun, JetError> {
    let txt = atom(sample(core)?)?;
    let key = atom(slot(core, 60)?)?;
    let prv = atom(slot(core, 61)?)?;
    Ok(cbc::<C>(&mut rt.heap, n, key, prv, txt, en))
}

/// `++en:cbca`.
pub fn cbca_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes128>(rt, core, 16, true)
}

/// `++de:cbca`.
pub fn cbca_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes128>(rt, core, 16, false)
}

/// `++en:cbcb`.
pub fn cbcb_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes192>(rt, core, 24, true)
}

/// `++de:cbcb`.
pub fn cbcb_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes192>(rt, core, 24, false)
}

/// `++en:cbcc`.
pub fn cbcc_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes256>(rt, core, 32, true)
}

/// `++de:cbcc`.
pub fn cbcc_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes256>(rt, core, 32, false)
}
