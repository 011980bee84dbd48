//! `ut` arms as `%memo` caches: `crop`, `fish`, `fuse`, `mint`, `mull`,
//! `rest` (gates of the `ut` door) and `nest-dext` (an arm of `nest-in`).
//!
//! Core shapes (vere's `u3wfu_*`): a `ut` gate is `[battery [sample van]]`
//! with the `ut` door `van` at axis 7, whose battery is at 2, its subject
//! type `sut` at 6 and its `vet` flag at 59. `dext` is `[battery nest-in]`;
//! `nest-in`'s sample is `[seg reg gil]` (axes 12, 26, 27) and its context
//! (7) is `nest`, whose sample's tail (13) is `ref` and context (7) `van`.
//! A core of another shape punts: the Hoon runs uncached.

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

/// Axes in a `ut` gate and the `ut` door.
const CONTEXT: u64 = 7;
const SAMPLE: u64 = 6;
const BATTERY: u64 = 2;
const VET: u64 = 59;

/// A distinct cache tag per arm (vere's `141 + %arm`).
fn tag(arm: &str) -> Noun {
    let mut v = 0u64;
    for (i, b) in arm.bytes().enumerate() {
        v |= u64::from(b) << (8 * i);
    }
    Noun::direct(141 + v)
}

/// `[vet sut args… bat]` of the door `van`, or `None` if misshapen.
fn key(rt: &mut Runtime, van: Noun, args: &[Noun]) -> Option<Noun> {
    let bat = van.slot_u64(BATTERY)?;
    let sut = van.slot_u64(SAMPLE)?;
    let vet = van.slot_u64(VET)?;
    let mut items = Vec::with_capacity(args.len() + 3);
    items.push(vet);
    items.push(sut);
    items.extend_from_slice(args);
    items.push(bat);
    Some(rt.heap.tuple(&items))
}

/// Look `key` up under `arm`; on a miss run `core`'s own arm (its whole
/// battery, as these are one-arm cores) and store the product if `keep`
/// says so.
fn cached(
    rt: &mut Runtime,
    arm: &str,
    core: Noun,
    key: Noun,
    keep: impl FnOnce(Noun) -> bool,
) -> Result<Noun, JetError> {
    let tag = tag(arm);
    if let Some(hit) = rt.memo_get(key, tag) {
        return Ok(hit);
    }
    let formula = core.slot_u64(BATTERY).ok_or(JetError::Exit)?;
    let mut live = [key];
    let product = rt.nock_keeping(&mut live, |rt| rt.nock(core, formula))?;
    if keep(product) {
        rt.memo_put(live[0], tag, product);
    }
    Ok(product)
}

/// A `ut` gate whose key is its whole sample.
fn gate(rt: &mut Runtime, core: Noun, arm: &str) -> Result<Noun, JetError> {
    let (Some(sample), Some(van)) = (core.slot_u64(SAMPLE), core.slot_u64(CONTEXT)) else {
        return Err(JetError::Punt);
    };
    let key = key(rt, van, &[sample]).ok_or(JetError::Punt)?;
    cached(rt, arm, core, key, |_| true)
}

/// `++crop:ut`: `|=  ref=type`.
pub fn crop(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    gate(rt, core, "crop")
}

/// `++fish:ut`: `|=  axe=axis` (vere fails on a cell axis; the Hoon runs).
pub fn fish(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    gate(rt, core, "fish")
}

/// `++fuse:ut`: `|=  ref=type`.
pub fn fuse(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    gate(rt, core, "fuse")
}

/// `++rest:ut`: `|=  leg=(list [p=type q=hoon])`.
pub fn rest(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    gate(rt, core, "rest")
}

/// `++mint:ut`: `|=  [gol=type gen=hoon]`.
pub fn mint(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    gate(rt, core, "mint")
}

/// `++mull:ut`: `|=  [gol=type dox=type gen=hoon]`.
pub fn mull(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    gate(rt, core, "mull")
}

/// `++dext:nest-in:nest:ut`: does `sut` nest `ref`? Stored only when the
/// answer does not lean on the assumptions being collected: a yes with no
/// `reg`, a no with no `seg` (vere's rule).
pub fn nest_dext(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let shape = (|| {
        let nest_in = core.slot_u64(3)?;
        let seg = nest_in.slot_u64(12)?;
        let reg = nest_in.slot_u64(26)?;
        let nest = nest_in.slot_u64(CONTEXT)?;
        let reference = nest.slot_u64(13)?;
        let van = nest.slot_u64(CONTEXT)?;
        Some((seg, reg, reference, van))
    })();
    let Some((seg, reg, reference, van)) = shape else {
        return Err(JetError::Punt);
    };
    let key = key(rt, van, &[reference]).ok_or(JetError::Punt)?;
    let (seg_empty, reg_empty) = (seg.raw() == 0, reg.raw() == 0);
    cached(rt, "dext", core, key, |p| match p.raw() {
        0 => reg_empty,
        1 => seg_empty,
        _ => false,
    })
}
