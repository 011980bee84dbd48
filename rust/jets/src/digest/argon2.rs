//! `++argon2:argon2:crypto`'s inner gate (`argon/argon2`): the Argon2 KDF
//! (RFC 9106) on `[msg=byts sat=byts]`, configured by the outer gate.

use argon2::{Algorithm, Argon2, AssociatedData, ParamsBuilder, Version};
use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{Atom, Heap, Noun};

use super::{be_atom, be_bytes, word_fit};
use crate::util::{atom, pair, sample2, slot};

/// Axis of the outer gate's sample `[out typ version threads mem-cost
/// time-cost key extra]` in the inner gate's core (vere's 510: four
/// pins, `blocks`, `columns`, `seg-length` and `buffer`, sit between).
const CONFIG: u64 = 510;

/// Memory the jet will give the blocks: 4 GiB, in 1 KiB blocks. vere's
/// loom (2 GiB by default) fails `%meme` on more; so do we.
const MAX_BLOCKS: u32 = 1 << 22;

/// `%d`, `%i`, `%id` and `%u`.
const TYPE_D: u64 = 0x64;
const TYPE_I: u64 = 0x69;
const TYPE_ID: u64 = 0x6469;
const TYPE_U: u64 = 0x75;

/// The configuration, its widths already checked to fit 32 bits.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    pub out: u32,
    pub typ: Atom,
    pub version: Atom,
    pub threads: Atom,
    pub mem_cost: Atom,
    pub time_cost: Atom,
    pub wik: u32,
    pub key: Atom,
    pub wix: u32,
    pub extra: Atom,
}

/// Argon2 (urcrypt's `urcrypt_argon2`): the password (`wid` bytes of
/// `dat`), salt (`wis` bytes of `sat`), secret key and associated data
/// are read most significant byte first, the tag given the same way.
///
/// Punts where vere does (its `u3_none`: a type other than `%d`, `%i`,
/// `%id`, `%u`, a version, thread count or cost of 2^32 or more, or
/// libargon2's refusal: a salt under 8 bytes, an output under 4, a
/// version other than `0x10` and `0x13`, too little memory or time, too
/// many threads), and where the `argon2` crate cannot follow vere's C:
/// the type `%u` (urcrypt's own variant, data-independent for the first
/// three slices of the first pass) and associated data (`extra`) over 32
/// bytes. Memory over 4 GiB (of otherwise good parameters), or inputs and
/// output over 4 GiB, is `%meme`.
pub fn argon2(
    heap: &mut Heap,
    c: &Config,
    wid: u32,
    dat: Atom,
    wis: u32,
    sat: Atom,
) -> Result<Noun, JetError> {
    let word = |a: Atom| a.as_u64().and_then(|v| u32::try_from(v).ok());
    let (Some(version), Some(threads), Some(mem_cost), Some(time_cost)) = (
        word(c.version),
        word(c.threads),
        word(c.mem_cost),
        word(c.time_cost),
    ) else {
        return Err(JetError::Punt);
    };
    let algorithm = match c.typ.as_u64() {
        Some(TYPE_D) => Algorithm::Argon2d,
        Some(TYPE_I) => Algorithm::Argon2i,
        Some(TYPE_ID) => Algorithm::Argon2id,
        Some(TYPE_U) => return Err(JetError::Punt),
        _ => return Err(JetError::Punt),
    };
    let version = Version::try_from(version).map_err(|_| JetError::Punt)?;
    if c.wix as usize > AssociatedData::MAX_LEN {
        return Err(JetError::Punt);
    }
    let extra = be_bytes(c.extra, c.wix as usize);
    let data = AssociatedData::new(&extra).map_err(|_| JetError::Punt)?;
    let params = ParamsBuilder::new()
        .m_cost(mem_cost)
        .t_cost(time_cost)
        .p_cost(threads)
        .data(data)
        .build()
        .map_err(|_| JetError::Punt)?;
    let key = be_bytes(c.key, c.wik as usize);
    let ctx =
        Argon2::new_with_secret(&key, algorithm, version, params).map_err(|_| JetError::Punt)?;
    // libargon2's last refusals, before its memory is taken.
    if wis < 8 || c.out < 4 {
        return Err(JetError::Punt);
    }
    let inputs = u64::from(c.wik) + u64::from(wid) + u64::from(wis) + u64::from(c.out);
    if ctx.params().block_count() > MAX_BLOCKS as usize || inputs > 1 << 32 {
        return Err(JetError::Fail(Mote::Meme));
    }
    let pwd = be_bytes(dat, wid as usize);
    let salt = be_bytes(sat, wis as usize);
    let mut out = vec![0u8; c.out as usize];
    ctx.hash_password_into(&pwd, &salt, &mut out)
        .map_err(|_| JetError::Punt)?;
    Ok(be_atom(heap, &out))
}

/// `|=  [msg=byts sat=byts]`, the outer gate's sample at axis 510 (vere's
/// `u3we_argon2`): any cell where an atom belongs is `%exit`; `out`, the
/// key's, extra's, message's or salt's width of 2^32 or more is `%fail`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (msg, sat) = sample2(core)?;
    let (wid, dat) = pair(msg)?;
    let (wis, sat) = pair(sat)?;
    let (wid, dat, wis, sat) = (atom(wid)?, atom(dat)?, atom(wis)?, atom(sat)?);
    let arg = slot(core, CONFIG)?;
    let (out, rest) = pair(arg)?;
    let (typ, rest) = pair(rest)?;
    let (version, rest) = pair(rest)?;
    let (threads, rest) = pair(rest)?;
    let (mem_cost, rest) = pair(rest)?;
    let (time_cost, rest) = pair(rest)?;
    let (key, extra) = pair(rest)?;
    let (wik, key) = pair(key)?;
    let (wix, extra) = pair(extra)?;
    let (out, typ, version) = (atom(out)?, atom(typ)?, atom(version)?);
    let (threads, mem_cost, time_cost) = (atom(threads)?, atom(mem_cost)?, atom(time_cost)?);
    let (wik, key, wix, extra) = (atom(wik)?, atom(key)?, atom(wix)?, atom(extra)?);
    let config = Config {
        out: word_fit(out)?,
        typ,
        version,
        threads,
        mem_cost,
        time_cost,
        wik: word_fit(wik)?,
        key,
        wix: word_fit(wix)?,
        extra,
    };
    let (wid, wis) = (word_fit(wid)?, word_fit(wis)?);
    argon2(&mut rt.heap, &config, wid, dat, wis, sat)
}
