//! newt framing: the worked examples of `spec/newt.md` §5 byte for byte,
//! arbitrary splits, bad headers, truncation, odd readers and writers, and
//! a 50 MB frame.

use std::io::{self, Cursor, IoSlice, Read, Write};
use std::os::unix::net::UnixStream;

use mars_noun::{fmt, Heap, Noun};
use mars_serf::newt::{
    encode, header, parse_header, Decoder, FrameReader, FrameWriter, NewtError, HEADER_LEN,
};

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).expect("hex byte"))
        .collect()
}

/// The worked examples: (noun, whole frame as hex).
fn examples(heap: &mut Heap) -> Vec<(Noun, Vec<u8>)> {
    let mut out = Vec::new();
    let add = |heap: &mut Heap, text: &str, frame: &str| {
        let noun = fmt::parse(heap, text).expect("noun notation");
        (noun, hex(frame))
    };
    out.push(add(heap, "[%live 0]", "00 06 00 00 00 01 9f 2d cd ae 2c"));
    out.push(add(
        heap,
        "[%ripe [1 139 4] 0 0]",
        "00 0b 00 00 00 01 5f 2e 0d ae 5c 1c 88 45 cc 14",
    ));
    out.push(add(
        heap,
        "[%live %save 5]",
        "00 0c 00 00 00 01 9f 2d cd ae 1c f0 e7 c2 ec ca b8",
    ));
    out.push(add(
        heap,
        "[%live %exit 0]",
        "00 0c 00 00 00 01 9f 2d cd ae 1c f0 cb f0 d2 e8 02",
    ));
    // [%work 0 [now [[%b %behn ~] [%wake ~]]]], now = unix 1700000000.5 s
    let now = heap.atom_u128(0x8000_000d_33f1_fe80_8000_0000_0000_0000);
    let rest = fmt::parse(heap, "[[%b %behn 0] [%wake 0]]").expect("ovum");
    let job = heap.cell(now, rest);
    let work = fmt::parse(heap, "%work").expect("tag");
    let work = heap.tuple(&[work, Noun::ZERO, job]);
    out.push((
        work,
        hex(
            "00 27 00 00 00 01 ff ee 4d 6e 9d 01 08 00 00 00 00 00 00 00 00 04 f4 8f 9f 69 \
             00 00 00 2c b8 38 e0 8b 95 a1 b9 0d f8 77 61 6b 65 01",
        ),
    ));
    out
}

fn payloads_and_stream() -> (Vec<Vec<u8>>, Vec<u8>) {
    let mut heap = Heap::with_defaults().expect("heap");
    let mut payloads = Vec::new();
    let mut stream = Vec::new();
    for (_, frame) in examples(&mut heap) {
        payloads.push(frame[HEADER_LEN..].to_vec());
        stream.extend_from_slice(&frame);
    }
    (payloads, stream)
}

#[test]
fn worked_examples_encode_and_decode_byte_for_byte() {
    let mut heap = Heap::with_defaults().expect("heap");
    for (noun, frame) in examples(&mut heap) {
        let payload = mars_serial::jam(noun);
        assert_eq!(
            payload,
            frame[HEADER_LEN..],
            "jam of {}",
            fmt::render(noun, 200)
        );
        assert_eq!(encode(&payload).expect("encode"), frame);

        let mut dec = Decoder::new();
        assert_eq!(dec.feed_vec(&frame).expect("decode"), vec![payload.clone()]);
        assert!(dec.at_boundary());
        dec.finish().expect("clean end");

        let mut written = Vec::new();
        FrameWriter::new(&mut written).send(&payload).expect("send");
        assert_eq!(written, frame);

        let mut reader = FrameReader::new(Cursor::new(&frame));
        assert_eq!(reader.next_frame().expect("read"), Some(payload));
        assert_eq!(reader.next_frame().expect("eof"), None);
    }
}

#[test]
fn header_layout() {
    assert_eq!(header(6).expect("header"), [0, 6, 0, 0, 0]);
    assert_eq!(header(0x0102_0304).expect("header"), [0, 4, 3, 2, 1]);
    assert_eq!(parse_header(&[0, 4, 3, 2, 1]).expect("parse"), 0x0102_0304);
    assert_eq!(
        parse_header(&[0, 0xff, 0xff, 0xff, 0xff]).expect("max"),
        0xffff_ffff
    );
    assert!(matches!(header(0), Err(NewtError::EmptyFrame)));
    #[cfg(target_pointer_width = "64")]
    {
        assert!(matches!(header(1 << 32), Err(NewtError::TooLarge(n)) if n == 1 << 32));
        assert!(header((1 << 32) - 1).is_ok());
    }
}

#[test]
fn encode_refuses_empty_payload() {
    assert!(matches!(encode(&[]), Err(NewtError::EmptyFrame)));
    let mut out = Vec::new();
    let mut w = FrameWriter::new(&mut out);
    assert!(matches!(w.send(&[]), Err(NewtError::EmptyFrame)));
    // Nothing was written, so the writer is still usable.
    w.send(&[7]).expect("send after refusal");
    assert_eq!(out, [0, 1, 0, 0, 0, 7]);
}

#[test]
fn split_at_every_offset() {
    let (payloads, stream) = payloads_and_stream();
    for i in 0..=stream.len() {
        let mut dec = Decoder::new();
        let mut out = Vec::new();
        dec.feed(&stream[..i], &mut out).expect("first part");
        dec.feed(&stream[i..], &mut out).expect("second part");
        assert_eq!(out, payloads, "split at {i}");
        dec.finish().expect("clean end");
    }
}

#[test]
fn split_at_every_pair_of_offsets() {
    let (payloads, stream) = payloads_and_stream();
    for i in 0..=stream.len() {
        for j in i..=stream.len() {
            let mut dec = Decoder::new();
            let mut out = Vec::new();
            for part in [&stream[..i], &stream[i..j], &stream[j..]] {
                dec.feed(part, &mut out).expect("part");
            }
            assert_eq!(out, payloads, "splits at {i}, {j}");
        }
    }
}

#[test]
fn byte_at_a_time() {
    let (payloads, stream) = payloads_and_stream();
    let mut dec = Decoder::new();
    let mut out = Vec::new();
    for (k, b) in stream.iter().enumerate() {
        dec.feed(std::slice::from_ref(b), &mut out).expect("byte");
        let boundary = dec.at_boundary();
        assert_eq!(
            boundary,
            out.iter().map(|p| p.len() + HEADER_LEN).sum::<usize>() == k + 1
        );
    }
    assert_eq!(out, payloads);
}

#[test]
fn several_frames_in_one_feed() {
    let (payloads, stream) = payloads_and_stream();
    let mut dec = Decoder::new();
    assert_eq!(dec.feed_vec(&stream).expect("feed"), payloads);
    // Twice the stream, fed in one go after a partial header.
    let mut twice = stream.clone();
    twice.extend_from_slice(&stream);
    let mut out = Vec::new();
    dec.feed(&twice[..3], &mut out).expect("partial header");
    assert!(out.is_empty());
    assert!(!dec.at_boundary());
    assert_eq!(dec.buffered(), 3);
    dec.feed(&twice[3..], &mut out).expect("rest");
    assert_eq!(out.len(), 2 * payloads.len());
}

#[test]
fn empty_feed_is_harmless() {
    let mut dec = Decoder::new();
    assert!(dec.feed_vec(&[]).expect("empty").is_empty());
    assert!(dec.at_boundary());
}

#[test]
fn bad_version_is_an_error_and_poisons() {
    let mut dec = Decoder::new();
    let mut out = Vec::new();
    let mut bytes = hex("00 06 00 00 00 01 9f 2d cd ae 2c");
    bytes.extend_from_slice(&hex("01 01 00 00 00 05"));
    let err = dec.feed(&bytes, &mut out).expect_err("bad version");
    assert!(matches!(err, NewtError::BadVersion(1)), "{err}");
    // The good frame before the bad header was delivered.
    assert_eq!(out, vec![hex("01 9f 2d cd ae 2c")]);
    assert!(matches!(dec.feed(&[0], &mut out), Err(NewtError::Poisoned)));
    assert!(matches!(dec.finish(), Err(NewtError::Poisoned)));

    for v in [1u8, 0x80, 0xff] {
        let mut dec = Decoder::new();
        let err = dec.feed_vec(&[v, 1, 0, 0, 0, 9]).expect_err("bad version");
        assert!(matches!(err, NewtError::BadVersion(x) if x == v));
    }
}

#[test]
fn bad_version_detected_when_header_completes_across_feeds() {
    let mut dec = Decoder::new();
    assert!(dec.feed_vec(&[0x02, 1]).expect("partial").is_empty());
    let err = dec.feed_vec(&[0, 0, 0]).expect_err("bad version");
    assert!(matches!(err, NewtError::BadVersion(2)));
}

#[test]
fn zero_length_is_an_error() {
    let mut dec = Decoder::new();
    let err = dec.feed_vec(&[0, 0, 0, 0, 0]).expect_err("empty frame");
    assert!(matches!(err, NewtError::EmptyFrame), "{err}");
    assert!(err.to_string().contains("newt-decode"));

    let mut reader = FrameReader::new(Cursor::new(vec![0u8, 0, 0, 0, 0, 1, 2]));
    assert!(matches!(reader.next_frame(), Err(NewtError::EmptyFrame)));
    assert!(matches!(reader.next_frame(), Err(NewtError::Poisoned)));
}

#[test]
fn decoder_finish_reports_truncation() {
    let mut dec = Decoder::new();
    dec.feed_vec(&[0, 6, 0]).expect("partial header");
    assert!(matches!(
        dec.finish(),
        Err(NewtError::Truncated { have: 3, want: 5 })
    ));
    dec.feed_vec(&[0, 0, 1, 2]).expect("partial payload");
    assert!(matches!(
        dec.finish(),
        Err(NewtError::Truncated { have: 7, want: 11 })
    ));
}

#[test]
fn reader_clean_eof_and_truncation() {
    let (payloads, stream) = payloads_and_stream();
    let mut reader = FrameReader::new(Cursor::new(stream.clone()));
    for p in &payloads {
        assert_eq!(reader.next_frame().expect("frame").as_ref(), Some(p));
    }
    assert!(reader.next_frame().expect("eof").is_none());
    assert!(reader.next_frame().expect("eof again").is_none());

    // Empty input: clean EOF.
    let mut reader = FrameReader::new(Cursor::new(Vec::new()));
    assert!(reader.next_frame().expect("eof").is_none());

    // Every cut inside the last frame is a truncation, never Ok(None).
    let last = HEADER_LEN + payloads.last().expect("examples").len();
    let start = stream.len() - last;
    for cut in start + 1..stream.len() {
        let mut reader = FrameReader::new(Cursor::new(stream[..cut].to_vec()));
        for _ in 0..payloads.len() - 1 {
            reader.next_frame().expect("whole frame").expect("not eof");
        }
        let err = reader.next_frame().expect_err("truncated");
        let have = (cut - start) as u64;
        match err {
            NewtError::Truncated { have: h, want } => {
                assert_eq!(h, have);
                let want_expected = if cut - start < HEADER_LEN {
                    5
                } else {
                    last as u64
                };
                assert_eq!(want, want_expected);
            }
            other => panic!("cut {cut}: {other}"),
        }
        assert!(matches!(reader.next_frame(), Err(NewtError::Poisoned)));
    }
}

/// A reader that hands out one byte per call and fails with `Interrupted`
/// every other call.
struct Trickle {
    data: Vec<u8>,
    pos: usize,
    calls: usize,
}

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.calls += 1;
        if self.calls & 1 == 0 {
            return Err(io::ErrorKind::Interrupted.into());
        }
        if self.pos == self.data.len() || buf.is_empty() {
            return Ok(0);
        }
        buf[0] = self.data[self.pos];
        self.pos += 1;
        Ok(1)
    }
}

#[test]
fn reader_copes_with_short_and_interrupted_reads() {
    let (payloads, stream) = payloads_and_stream();
    let mut reader = FrameReader::new(Trickle {
        data: stream,
        pos: 0,
        calls: 0,
    });
    let mut got = Vec::new();
    while let Some(p) = reader.next_frame().expect("frame") {
        got.push(p);
    }
    assert_eq!(got, payloads);
}

#[test]
fn reader_passes_io_errors_through() {
    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }
    let mut reader = FrameReader::new(Broken);
    assert!(
        matches!(reader.next_frame(), Err(NewtError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe)
    );
    assert!(matches!(reader.next_frame(), Err(NewtError::Poisoned)));
}

/// A writer that accepts at most `max` bytes per call, across slices when
/// written vectored, and counts flushes.
struct Choppy {
    out: Vec<u8>,
    max: usize,
    vectored_calls: usize,
    flushes: usize,
}

impl Write for Choppy {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len().min(self.max);
        self.out.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        self.vectored_calls += 1;
        let mut left = self.max;
        let mut n = 0;
        for b in bufs {
            let k = b.len().min(left);
            self.out.extend_from_slice(&b[..k]);
            left -= k;
            n += k;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flushes += 1;
        Ok(())
    }
}

#[test]
fn writer_handles_partial_vectored_writes() {
    let (payloads, stream) = payloads_and_stream();
    for max in [1, 2, 3, 4, 5, 6, 7, 11, 1000] {
        let mut w = FrameWriter::new(Choppy {
            out: Vec::new(),
            max,
            vectored_calls: 0,
            flushes: 0,
        });
        for p in &payloads {
            w.send(p).expect("send");
        }
        let c = w.into_inner();
        assert_eq!(c.out, stream, "max {max}");
        assert_eq!(c.flushes, payloads.len());
        if max >= 1000 {
            // Each frame went out in a single vectored write.
            assert_eq!(c.vectored_calls, payloads.len());
        }
    }
}

#[test]
fn writer_errors_poison() {
    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Ok(0)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut w = FrameWriter::new(Full);
    assert!(matches!(w.send(&[1]), Err(NewtError::Io(e)) if e.kind() == io::ErrorKind::WriteZero));
    assert!(matches!(w.send(&[1]), Err(NewtError::Poisoned)));
}

/// Deterministic pseudo-random bytes, a word at a time.
fn big_payload(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

const BIG: usize = 50 << 20;

#[test]
fn fifty_megabyte_frame_through_decoder() {
    let payload = big_payload(BIG);
    let frame = encode(&payload).expect("encode");
    assert_eq!(&frame[..HEADER_LEN], &header(BIG).expect("header"));

    // In one feed, followed by a small frame.
    let mut stream = frame.clone();
    stream.extend_from_slice(&[0, 1, 0, 0, 0, 42]);
    let mut dec = Decoder::new();
    let out = dec.feed_vec(&stream).expect("one feed");
    assert_eq!(out.len(), 2);
    assert!(out[0] == payload);
    assert_eq!(out[1], [42]);

    // In 64 KiB pieces (a pipe's worth), starting mid-header.
    let mut dec = Decoder::new();
    let mut out = Vec::new();
    dec.feed(&frame[..2], &mut out).expect("head");
    for chunk in frame[2..].chunks(64 << 10) {
        dec.feed(chunk, &mut out).expect("chunk");
    }
    assert_eq!(out.len(), 1);
    assert!(out[0] == payload);
    assert!(out[0].capacity() <= BIG + (64 << 10), "no runaway growth");
}

#[test]
fn fifty_megabyte_frame_through_a_socket() {
    let payload = big_payload(BIG);
    let (a, b) = UnixStream::pair().expect("socketpair");
    let sent = payload.clone();
    let writer = std::thread::spawn(move || {
        let mut w = FrameWriter::new(a);
        w.send(&sent).expect("send big");
        w.send(b"tail").expect("send small");
    });
    let mut r = FrameReader::new(b);
    let got = r.next_frame().expect("big frame").expect("not eof");
    assert!(got == payload);
    assert_eq!(
        r.next_frame().expect("small").as_deref(),
        Some(&b"tail"[..])
    );
    writer.join().expect("writer thread");
    assert!(r.next_frame().expect("eof").is_none());
}

#[test]
fn error_type_stays_small() {
    assert!(std::mem::size_of::<NewtError>() <= 24);
    let e: Box<dyn std::error::Error + Send + Sync> = Box::new(NewtError::EmptyFrame);
    assert!(e.to_string().contains("empty"));
    let e = NewtError::Io(io::ErrorKind::BrokenPipe.into());
    assert!(std::error::Error::source(&e).is_some());
}
