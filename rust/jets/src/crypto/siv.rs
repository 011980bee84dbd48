//! `++en` and `++de` of `siva`, `sivb`, `sivc` in `aes:crypto`: AES-SIV
//! (RFC 5297) with 256-, 384- and 512-bit keys (AES-128, -192, -256).
//!
//! vere's `jets/e/aes_siv.c` and urcrypt's `aes_siv.c`: the key (32, 48 or
//! 64 bytes), each associated-data item (`(met 3 i)` bytes) and the
//! message are read most significant byte first, as are the tag and the
//! output; the first half of the key (the atom's high half, the Hoon's
//! `k1`) is the S2V key. Where vere parts from the Hoon, vere decides:
//!
//! * A failed decryption bails `%evil` (the Hoon gives `~`).
//! * `de` reads the low 16 bytes of `iv` and the low `len` bytes of `txt`
//!   (the Hoon compares all of `iv` with the tag, and crashes when `txt`
//!   has more than `len` bytes).
//! * A `len` of 2^32 or more bails `%fail`; one whose plaintext would pass
//!   `util::MAX_BITS` `%meme` (vere would allocate it, 4 GiB at most).
//! * A key wider than its size punts (the Hoon runs), as vere does.

use aes::{Aes128, Aes192, Aes256};
use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::aes::{be_bytes, from_be, siv_decrypt, siv_encrypt, Aes, Block};
use crate::util::{atom, pair, sample, sample3, slot, MAX_BITS};

/// The door's sample `[key vec]` (axes 60 and 61 of the gate); a cell key
/// is `%exit`.
fn door(core: Noun) -> Result<(Atom, Noun), JetError> {
    let key = atom(slot(core, 60)?)?;
    let ads = slot(core, 61)?;
    Ok((key, ads))
}

/// The associated data, a `(list @)`: each item's `(met 3 i)` bytes, most
/// significant first. Anything but a list of atoms is `%exit`.
fn ads(mut list: Noun) -> Result<Vec<Vec<u8>>, JetError> {
    let mut out = Vec::new();
    while !crate::util::is_zero_noun(list) {
        let (i, t) = pair(list)?;
        let i = atom(i)?;
        out.push(be_bytes(i, i.byte_len()));
        list = t;
    }
    Ok(out)
}

/// The key as `n` big-endian bytes, or `None` (a punt) if it is wider.
fn key_bytes(key: Atom, n: usize) -> Option<Vec<u8>> {
    (key.byte_len() <= n).then(|| be_bytes(key, n))
}

/// `(~(en siv key vec) txt)`: `[iv len ciphertext]`, or `None` where vere
/// punts (a key wider than `n` bytes).
pub fn en<C: Aes>(
    heap: &mut Heap,
    n: usize,
    key: Atom,
    vec: Noun,
    txt: Atom,
) -> Result<Option<Noun>, JetError> {
    let Some(key) = key_bytes(key, n) else {
        return Ok(None);
    };
    let ads = ads(vec)?;
    let len = txt.byte_len();
    let mut msg = be_bytes(txt, len);
    let iv = siv_encrypt::<C>(&key, &ads, &mut msg);
    let iv = from_be(heap, &iv);
    let len = heap.atom_u64(len as u64);
    let out = from_be(heap, &msg);
    Ok(Some(heap.tuple(&[iv, len, out])))
}

/// `(~(de siv key vec) iv len txt)`: `[~ plaintext]`, `%evil` if the tag
/// does not match, or `None` where vere punts.
pub fn de<C: Aes>(
    heap: &mut Heap,
    n: usize,
    key: Atom,
    vec: Noun,
    (iv, len, txt): (Noun, Noun, Atom),
) -> Result<Option<Noun>, JetError> {
    let Some(key) = key_bytes(key, n) else {
        return Ok(None);
    };
    let len = match atom(len)?.as_u64() {
        Some(l) if l <= u64::from(u32::MAX) => l,
        _ => return Err(JetError::Fail(Mote::Fail)),
    };
    if len * 8 > MAX_BITS {
        return Err(JetError::Fail(Mote::Meme));
    }
    let mut v: Block = [0; 16];
    v.copy_from_slice(&be_bytes(atom(iv)?, 16));
    let ads = ads(vec)?;
    let mut msg = be_bytes(txt, len as usize);
    if !siv_decrypt::<C>(&key, &ads, &v, &mut msg) {
        return Err(JetError::Fail(Mote::Evil));
    }
    let pln = from_be(heap, &msg);
    Ok(Some(heap.cell(Noun::ZERO, pln)))
}

fn jet_en<C: Aes>(rt: &mut Runtime, core: Noun, n: usize) -> Result<Noun, JetError> {
    let txt = atom(sample(core)?)?;
    let (key, vec) = door(core)?;
    en::<C>(&mut rt.heap, n, key, vec, txt)?.ok_or(JetError::Punt)
}

fn jet_de<C: Aes>(rt: &mut Runtime, core: Noun, n: usize) -> Result<Noun, JetError> {
    let (iv, len, txt) = sample3(core)?;
    let (key, vec) = door(core)?;
    let txt = atom(txt)?;
    de::<C>(&mut rt.heap, n, key, vec, (iv, len, txt))?.ok_or(JetError::Punt)
}

/// `++en:siva`: `|=  txt=@` in `|_  [key=@I vec=(list @)]`.
pub fn siva_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet_en::<Aes128>(rt, core, 32)
}

/// `++de:siva`: `|=  [iv=@H len=@ txt=@]`.
pub fn siva_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet_de::<Aes128>(rt, core, 32)
}

/// `++en:sivb` (AES-192).
pub fn sivb_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet_en::<Aes192>(rt, core, 48)
}

/// `++de:sivb` (AES-192).
pub fn sivb_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet_de::<Aes192>(rt, core, 48)
}

/// `++en:sivc` (AES-256).
pub fn sivc_en(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet_en::<Aes256>(rt, core, 64)
}

/// `++de:sivc` (AES-256).
pub fn sivc_de(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    jet_de::<Aes256>(rt, core, 64)
}
