//! The lifecycle of the test pills gives the kernels vere computed
//! (boot.md §3, nouns.md §1.2).

mod support;

use mars_nock::Runtime;
use mars_noun::{mug, HeapConfig};
use mars_serf::kernel::lifecycle;

fn life_mug(pill_name: &str) -> Option<u32> {
    let bytes = support::pill(pill_name)?;
    let mut rt = Runtime::new(HeapConfig::default()).expect("runtime");
    let pill = mars_serial::cue(&mut rt.heap, &bytes).expect("cue pill");
    // [%pill nam bot mod use]
    let bot = pill.slot_u64(14).expect("bot");
    let kernel = lifecycle(&mut rt, bot).expect("lifecycle");
    Some(mug(kernel))
}

#[test]
fn toddler_lifecycle_mug() {
    if let Some(m) = life_mug("toddler.pill") {
        assert_eq!(m, 0x44617dde);
    }
}

#[test]
fn baby_lifecycle_mug() {
    if let Some(m) = life_mug("baby.pill") {
        assert_eq!(m, 0x57d6b64f);
    }
}
