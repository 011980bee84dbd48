//! Writ and plea decoding: cue arbitrary bytes; if they are a noun, decode
//! it as a writ and as a plea. Neither may panic, and whatever is accepted
//! must re-encode to the same noun.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mars_noun::{Heap, HeapConfig};
use mars_serf::plea::Plea;
use mars_serf::writ::Writ;

fuzz_target!(|data: &[u8]| {
    let config = HeapConfig {
        nursery_bytes: 8 << 20,
        limit_bytes: 4 << 30,
        ..HeapConfig::default()
    };
    let Ok(mut heap) = Heap::new(config) else {
        return;
    };
    let Ok(noun) = mars_serial::cue(&mut heap, data) else {
        return;
    };
    let jammed = mars_serial::jam(noun);

    if let Ok(writ) = Writ::decode(noun) {
        let again = writ.encode(&mut heap);
        assert_eq!(mars_serial::jam(again), jammed, "writ re-encodes");
    }
    if let Ok(plea) = Plea::decode(noun) {
        // %ripe always re-encodes with our own [1 139 4].
        if !matches!(plea, Plea::Ripe { .. }) {
            let again = plea.encode(&mut heap);
            assert_eq!(mars_serial::jam(again), jammed, "plea re-encodes");
        }
    }
});
