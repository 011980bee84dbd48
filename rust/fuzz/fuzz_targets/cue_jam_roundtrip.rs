//! If cue accepts the bytes, jam of the noun must cue back to an equal noun,
//! and jam . cue . jam must be a fixed point.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mars_noun::{mug, Heap, HeapConfig};
use mars_serial::{cue, cue_atom, jam, jam_atom};

fuzz_target!(|data: &[u8]| {
    let config = HeapConfig {
        nursery_bytes: 1 << 20,
        limit_bytes: 1 << 30,
        ..HeapConfig::default()
    };
    let mut heap = Heap::new(config).expect("heap");
    let Ok(n) = cue(&mut heap, data) else {
        return;
    };
    let j = jam(n);
    let n2 = cue(&mut heap, &j).expect("a jam must cue");
    // Equal nouns, checked by mug and by jam: cue . jam is the identity, so
    // jam is injective and equal jams mean equal nouns. (A tree walk such as
    // noun_eq could take exponential time on two distinct shared DAGs.)
    assert_eq!(mug(n), mug(n2));
    assert!(jam(n2) == j, "jam . cue . jam is not a fixed point");
    // The atom forms agree.
    let a = jam_atom(&mut heap, n);
    let n3 = cue_atom(&mut heap, a.as_atom().expect("atom")).expect("cue_atom of a jam");
    assert!(jam(n3) == j);
});
