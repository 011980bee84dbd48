//! newt framing: arbitrary bytes, cut into arbitrary chunks, must decode to
//! the same frames (and the same verdict) as when fed whole, agree with the
//! blocking reader, and re-encode to the bytes they came from.
//!
//! Input: the first byte seeds the chunk sizes; the rest is the stream.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mars_serf::newt::{encode, Decoder, FrameReader, NewtError};

/// Chunk lengths from a small LCG: mostly 1..=8 (to split headers), some up
/// to 4 KiB.
struct Chunks(u32);

impl Chunks {
    fn next(&mut self, left: usize) -> usize {
        self.0 = self.0.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let r = (self.0 >> 8) as usize;
        let n = if r & 3 == 0 { r % 4096 + 1 } else { r % 8 + 1 };
        n.min(left)
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&seed, stream)) = data.split_first() else {
        return;
    };

    let mut whole = Decoder::new();
    let mut want = Vec::new();
    let whole_res = whole.feed(stream, &mut want);

    let mut dec = Decoder::new();
    let mut got = Vec::new();
    let mut chunks = Chunks(u32::from(seed));
    let mut rest = stream;
    let mut res = Ok(());
    while !rest.is_empty() {
        let n = chunks.next(rest.len());
        res = dec.feed(&rest[..n], &mut got);
        if res.is_err() {
            break;
        }
        rest = &rest[n..];
    }
    assert_eq!(got, want, "chunked and whole feeds disagree");
    assert_eq!(res.is_err(), whole_res.is_err());
    if whole_res.is_err() {
        assert!(matches!(dec.feed(&[0], &mut got), Err(NewtError::Poisoned)));
    }

    let mut reader = FrameReader::new(stream);
    let mut read = Vec::new();
    let read_res = loop {
        match reader.next_frame() {
            Ok(Some(p)) => read.push(p),
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    assert_eq!(read, want, "reader and decoder disagree");
    assert_eq!(
        read_res.is_err(),
        whole_res.is_err() || !whole.at_boundary(),
        "reader's verdict"
    );

    let mut again = Vec::new();
    for p in &want {
        assert!(!p.is_empty());
        again.extend_from_slice(&encode(p).expect("a decoded payload re-encodes"));
    }
    assert_eq!(&stream[..again.len()], &again[..]);
});
