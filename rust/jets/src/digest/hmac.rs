//! `++hmac:hmac:crypto`: HMAC (RFC 2104) over any hash gate.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

use super::cat;
use crate::bits::end::end;
use crate::bits::lsh::lsh;
use crate::bits::mix::mix;
use crate::math::add::add;
use crate::util::{atom, slot};

/// Axes of the sample `[[haj boq out] [wik key] [wid dat]]` in the gate
/// core (vere's `u3x_sam_4`, 50, 51, `u3x_sam_12` … `u3x_sam_15`).
const HAJ: u64 = 24;
const BOQ: u64 = 50;
const OUT: u64 = 51;
const WIK: u64 = 52;
const KEY: u64 = 53;
const WID: u64 = 54;
const DAT: u64 = 55;

/// The HMAC of the `wid`-byte message `dat` under the `wik`-byte key
/// `key`, with the hash gate `haj` (slammed with `[width bytes]`, a
/// big-endian byte string) of block size `boq` and output size `out`
/// bytes: the Hoon's own steps (vere's `u3qe_hmac`), each hash a slam of
/// `haj` (so its own jet runs, if it has one).
///
/// `key` and `dat` are cut to their widths; a key longer than a block is
/// hashed first (its width becomes `out`); a shorter key is shifted up to
/// the block's width. A hash that gives a cell is `%exit` (the Hoon's
/// `lsh` or `add` of it crashes).
pub fn hmac(
    rt: &mut Runtime,
    haj: Noun,
    [boq, out, wik, wid]: [u32; 4],
    key: Noun,
    dat: Noun,
) -> Result<Noun, JetError> {
    let key = end(&mut rt.heap, 3, Some(u64::from(wik)), atom(key)?);
    let dat = end(&mut rt.heap, 3, Some(u64::from(wid)), atom(dat)?);
    // Kept across the first slam: the gate, the message.
    let mut live = [haj, dat];
    let (key, wik) = if wik > boq {
        let w = Noun::direct(u64::from(wik));
        let sample = rt.heap.cell(w, key);
        let key = rt.slam_keeping(haj, sample, &mut live)?;
        (key, out)
    } else {
        (key, wik)
    };
    let [haj, dat] = live;
    let key = atom(key)?;
    let key = if wik < boq {
        atom(lsh(&mut rt.heap, 3, Some(u64::from(boq - wik)), key)?)?
    } else {
        key
    };
    let width = usize::try_from(boq).map_err(|_| JetError::Exit)?;
    let ipad = rt.heap.atom_from_le_bytes(&vec![0x36; width]);
    let opad = rt.heap.atom_from_le_bytes(&vec![0x5c; width]);
    let innkey = mix(&mut rt.heap, key, atom(ipad)?);
    let outkey = mix(&mut rt.heap, key, atom(opad)?);
    // Inner hash: the inner key above the message.
    let high = lsh(&mut rt.heap, 3, Some(u64::from(wid)), atom(innkey)?)?;
    let innmsg = add(&mut rt.heap, atom(high)?, atom(dat)?);
    let len = Noun::direct(u64::from(wid) + u64::from(boq));
    let sample = rt.heap.cell(len, innmsg);
    let mut live = [haj, outkey];
    let innhaj = rt.slam_keeping(haj, sample, &mut live)?;
    let [haj, outkey] = live;
    // Outer hash: the outer key above the inner hash.
    let high = lsh(&mut rt.heap, 3, Some(u64::from(out)), atom(outkey)?)?;
    let outmsg = add(&mut rt.heap, atom(high)?, atom(innhaj)?);
    let len = Noun::direct(u64::from(out) + u64::from(boq));
    let sample = rt.heap.cell(len, outmsg);
    Ok(rt.slam(haj, sample)?)
}

/// `|*  [[haj=$-([@u @] @) boq=@u out=@u] key=byts msg=byts]`, vere's
/// `u3we_hmac`: `boq`, `out`, `wik` and `wid` must be below 2^31 (vere's
/// direct atoms; the Hoon takes any), `key` and `dat` atoms, else `%exit`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let haj = slot(core, HAJ)?;
    let small =
        |axis| -> Result<u32, JetError> { cat(atom(slot(core, axis)?)?).ok_or(JetError::Exit) };
    let sizes = [small(BOQ)?, small(OUT)?, small(WIK)?, small(WID)?];
    let key = slot(core, KEY)?;
    let dat = slot(core, DAT)?;
    atom(key)?;
    atom(dat)?;
    hmac(rt, haj, sizes, key, dat)
}
