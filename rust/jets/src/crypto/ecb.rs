//! `++en` and `++de` of `ecba`, `ecbb`, `ecbc` in `aes:crypto`: one AES
//! block with a 128-, 192- or 256-bit key.
//!
//! vere's `jets/e/aes_ecb.c`: the key's low 16, 24 or 32 bytes and the
//! block's low 16 bytes, each read most significant first (the Hoon's
//! `+net` of a fixed width, which cuts wider atoms the same way); the
//! output likewise.

use aes::{Aes128, Aes192, Aes256};
use mars_nock::{JetError, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::aes::{be_bytes, cipher, decrypt, encrypt, from_be, Aes, Block};
use crate::util::{atom, sample, slot};

/// One block, encrypted (`en`) or decrypted, under the low `n` bytes of
/// `key`.
pub fn ecb<C: Aes>(heap: &mut Heap, n: usize, key: Atom, blk: Atom, en: bool) -> Noun {
    let c = cipher::<C>(&be_bytes(key, n));
    let mut b: Block = [0; 16];
    b.copy_from_slice(&be_bytes(blk, 16));
    let out = if en { encrypt(&c, &b) } else { decrypt(&c, &b) };
    from_be(heap, &out)
}

/// `|=  blk=@H` in `|_  key=@`: the key at axis 30; cells are `%exit`.
fn jet<C: Aes>(rt: &mut Runtime, core: Noun, n: usize, en: bool) -> Result<Noun, JetError> {
    let blk = atom(sample(core)?)?;
    let key = atom(slot(core, 30)?)?;
    Ok(ecb::<C>(&mut rt.heap, n, key, blk, en))
}

/// `++en:ecba`.
pub fn ecba_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes128>(rt, core, 16, true)
}

/// `++de:ecba`.
pub fn ecba_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes128>(rt, core, 16, false)
}

/// `++en:ecbb`.
pub fn ecbb_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes192>(rt, core, 24, true)
}

/// `++de:ecbb`.
pub fn ecbb_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes192>(rt, core, 24, false)
}

/// `++en:ecbc`.
pub fn ecbc_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes256>(rt, core, 32, true)
}

/// `++de:ecbc`.
pub fn ecbc_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet::<Aes256>(rt, core, 32, false)
}
