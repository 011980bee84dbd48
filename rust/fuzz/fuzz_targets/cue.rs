//! cue of arbitrary bytes must return, never panic, and never allocate more
//! than a constant times its input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mars_noun::{Heap, HeapConfig};

fuzz_target!(|data: &[u8]| {
    let config = HeapConfig {
        nursery_bytes: 1 << 20,
        limit_bytes: 1 << 30,
        ..HeapConfig::default()
    };
    let mut heap = Heap::new(config).expect("heap");
    let _ = mars_serial::cue(&mut heap, data);
    // At most a cell (24 bytes) per 2 input bits, plus atoms no longer than
    // the input: well under 128 bytes per input byte.
    let used = heap.used_bytes();
    assert!(
        used <= 128 * data.len() + 4096,
        "{used} bytes for {} input bytes",
        data.len()
    );
});
