//! The store on a real filesystem: round trips, and every way a `data.pma`
//! can be damaged (truncated, extended, bits flipped, foreign, newer) is
//! refused, never loaded wrong. Faults during save are in
//! `tests/faults.rs`, process kills in `tests/kill.rs`.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::fault::FaultIo;
use crate::format::{MAGIC, PAYLOAD_JAM};

fn meta(event: u64) -> Meta {
    Meta {
        event,
        mug: (event as u32).wrapping_mul(0x9e37_79b9),
        payload_kind: PAYLOAD_JAM,
    }
}

/// Deterministic bytes, different for each `seed`.
fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn pier() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn saved(pier: &Path, event: u64, len: usize) -> (Store, Vec<u8>) {
    let mut s = Store::open(pier).unwrap();
    let p = bytes(event, len);
    s.save(&meta(event), &p).unwrap();
    (s, p)
}

fn load_err(path: &Path) -> Invalid {
    let pier = path.ancestors().nth(3).unwrap();
    let e = Store::open(pier).unwrap().load().unwrap_err();
    assert_eq!(e.path(), path);
    e.invalid()
        .unwrap_or_else(|| panic!("not an Invalid error: {e}"))
}

#[test]
fn round_trip() {
    let d = pier();
    for (i, len) in [0, 1, 100, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5]
        .into_iter()
        .enumerate()
    {
        let event = i as u64 + 1;
        let (mut s, p) = saved(d.path(), event, len);
        assert_eq!(s.load().unwrap(), Some((meta(event), p.clone())));
        // A fresh handle too.
        let (m, q) = Store::open(d.path()).unwrap().load().unwrap().unwrap();
        assert_eq!((m, q), (meta(event), p));
        let file_len = fs::metadata(s.path()).unwrap().len();
        assert_eq!(file_len, (HEADER_LEN + len) as u64);
    }
}

#[test]
fn meta_fields_round_trip_at_their_extremes() {
    let d = pier();
    let mut s = Store::open(d.path()).unwrap();
    let m = Meta {
        event: u64::MAX,
        mug: u32::MAX,
        payload_kind: u32::MAX,
    };
    s.save(&m, b"x").unwrap();
    assert_eq!(s.load().unwrap(), Some((m, b"x".to_vec())));
}

#[test]
fn paths_and_open() {
    let d = pier();
    let s = Store::open(d.path()).unwrap();
    assert_eq!(s.path(), d.path().join(".urb/chk/data.pma"));
    assert!(d.path().join(".urb/chk").is_dir());
    // Opening created the directories and nothing else.
    assert_eq!(fs::read_dir(d.path().join(".urb/chk")).unwrap().count(), 0);
    assert_eq!(fs::read_dir(d.path().join(".urb")).unwrap().count(), 1);

    let missing = d.path().join("nope");
    let e = Store::open(&missing).unwrap_err();
    assert!(matches!(e.kind(), OpenErrorKind::NoPier));
    assert_eq!(e.path(), missing);
    assert!(!missing.exists());

    let d2 = pier();
    fs::create_dir(d2.path().join(".urb")).unwrap();
    fs::write(d2.path().join(".urb/chk"), b"").unwrap();
    let e = Store::open(d2.path()).unwrap_err();
    assert!(matches!(e.kind(), OpenErrorKind::NotADirectory));
    assert_eq!(e.path(), d2.path().join(".urb/chk"));
}

#[test]
fn missing_is_none() {
    let d = pier();
    assert_eq!(Store::open(d.path()).unwrap().load().unwrap(), None);
}

#[test]
fn stale_tmp_is_ignored_and_overwritten() {
    let d = pier();
    let (mut s, p) = saved(d.path(), 5, 1000);
    let tmp = d.path().join(".urb/chk").join(TMP_NAME);
    // A crash left a longer, half-written temporary file.
    fs::write(&tmp, bytes(99, 5000)).unwrap();
    assert_eq!(s.load().unwrap(), Some((meta(5), p)));
    let q = bytes(6, 10);
    s.save(&meta(6), &q).unwrap();
    assert!(!tmp.exists());
    assert_eq!(
        fs::metadata(s.path()).unwrap().len(),
        HEADER_LEN as u64 + 10
    );
    assert_eq!(s.load().unwrap(), Some((meta(6), q)));
}

#[test]
fn event_zero_is_refused_without_poisoning() {
    let d = pier();
    let mut s = Store::open(d.path()).unwrap();
    let e = s.save(&meta(0), b"x").unwrap_err();
    assert!(matches!(e.kind(), SaveErrorKind::EventZero));
    assert!(!s.is_poisoned());
    assert!(!s.path().exists());
    s.save(&meta(1), b"x").unwrap();
}

/// Truncated at every length of a small snapshot, and at the interesting
/// lengths of a multi-chunk one.
#[test]
fn truncated_anywhere_is_refused() {
    let d = pier();
    let (s, _) = saved(d.path(), 7, 300);
    let whole = fs::read(s.path()).unwrap();
    for cut in 0..whole.len() {
        fs::write(s.path(), &whole[..cut]).unwrap();
        let why = load_err(s.path());
        assert!(
            matches!(why, Invalid::Truncated { .. }),
            "cut {cut}: {why:?}"
        );
    }

    let (s, _) = saved(d.path(), 8, 2 * CHUNK + 10);
    let whole = fs::read(s.path()).unwrap();
    let n = whole.len();
    for cut in [
        HEADER_LEN,
        HEADER_LEN + 1,
        HEADER_LEN + CHUNK,
        n - 10,
        n - 1,
    ] {
        fs::write(s.path(), &whole[..cut]).unwrap();
        let why = load_err(s.path());
        assert_eq!(
            why,
            Invalid::Truncated {
                expected: n as u64,
                found: cut as u64
            }
        );
    }
}

#[test]
fn trailing_data_is_refused() {
    let d = pier();
    let (s, _) = saved(d.path(), 7, 300);
    let mut whole = fs::read(s.path()).unwrap();
    whole.push(0);
    fs::write(s.path(), &whole).unwrap();
    assert_eq!(
        load_err(s.path()),
        Invalid::TrailingData {
            expected: 428,
            found: 429
        }
    );
}

/// Every bit of the header, and a sample of payload bits (the first, the
/// last, the ones around chunk boundaries, and every 8191st), flipped one at
/// a time: always an error, never a wrong `Ok`.
#[test]
fn bit_flips_are_refused() {
    let d = pier();
    let (s, _) = saved(d.path(), 9, CHUNK + 1000);
    let whole = fs::read(s.path()).unwrap();
    let bits = whole.len() * 8;
    let chunk_edge = (HEADER_LEN + CHUNK) * 8;
    let sample = (0..HEADER_LEN * 8)
        .chain((HEADER_LEN * 8..bits).step_by(8191))
        .chain(chunk_edge - 8..chunk_edge + 8)
        .chain([bits - 1]);
    let file = fs::OpenOptions::new().write(true).open(s.path()).unwrap();
    let mut n = 0;
    for bit in sample {
        use std::os::unix::fs::FileExt;
        let at = (bit / 8) as u64;
        let byte = whole[bit / 8];
        file.write_all_at(&[byte ^ (1 << (bit % 8))], at).unwrap();
        let why = load_err(s.path());
        file.write_all_at(&[byte], at).unwrap();
        if bit >= HEADER_LEN * 8 {
            assert_eq!(why, Invalid::PayloadChecksum, "bit {bit}");
        }
        n += 1;
    }
    assert!(n > 1024 + 1000, "{n}");
}

/// Through the fault layer: a bit flipped while reading (bad RAM, a bad
/// cable) is refused just the same.
#[test]
fn bit_flipped_in_flight_is_refused() {
    use crate::fault::{Fault, Op};
    let d = pier();
    saved(d.path(), 9, 3 * CHUNK);
    for (nth, bit) in [(0, 3), (0, 1000), (1, 0), (2, 12345), (3, 7)] {
        let io = FaultIo::new().at_op(Op::ReadAt, nth, Fault::FlipBit(bit));
        let mut s = Store::open_with(d.path(), Box::new(io.clone())).unwrap();
        assert!(s.load().is_err(), "read {nth} bit {bit}");
        assert_eq!(io.fired(), 1);
    }
}

#[test]
fn foreign_files_are_refused() {
    let d = pier();
    let (s, _) = saved(d.path(), 1, 10);
    let mut ares_like = b"\x00\x00PMA\x00\x01\x00".to_vec();
    ares_like.extend(bytes(3, 4096));
    for foreign in [
        b"\x7fELF\x02\x01\x01\x00 and so on".to_vec(),
        b"MARSPMB\0 nearly".to_vec(),
        b"#!".to_vec(),
        ares_like,
    ] {
        fs::write(s.path(), &foreign).unwrap();
        assert_eq!(load_err(s.path()), Invalid::Foreign);
    }
    // Shorter than the magic but a prefix of it: a cut snapshot.
    fs::write(s.path(), &MAGIC[..5]).unwrap();
    assert!(matches!(load_err(s.path()), Invalid::Truncated { .. }));
}

#[test]
fn newer_version_is_refused_with_both_versions() {
    let d = pier();
    let (s, _) = saved(d.path(), 1, 10);
    let mut whole = fs::read(s.path()).unwrap();
    whole[8..12].copy_from_slice(&2u32.to_le_bytes());
    let sum = blake3::hash(&whole[..96]);
    whole[96..128].copy_from_slice(sum.as_bytes());
    fs::write(s.path(), &whole).unwrap();
    let e = Store::open(d.path()).unwrap().load().unwrap_err();
    assert_eq!(
        e.invalid(),
        Some(Invalid::Version {
            found: 2,
            supported: 1
        })
    );
    let msg = e.to_string();
    assert!(
        msg.contains("version 2") && msg.contains("version 1"),
        "{msg}"
    );
    assert!(msg.contains("newer"), "{msg}");
}

#[test]
fn unreadable_is_an_io_error_not_invalid() {
    use crate::fault::{Fault, Op};
    let d = pier();
    saved(d.path(), 1, 10);
    let io = FaultIo::new().at_op(Op::ReadAt, 0, Fault::Fail(5));
    let e = Store::open_with(d.path(), Box::new(io))
        .unwrap()
        .load()
        .unwrap_err();
    assert!(matches!(
        e.kind(),
        LoadErrorKind::Io {
            step: Step::Read,
            ..
        }
    ));
    assert_eq!(e.invalid(), None);
}

/// Short reads (as from a pipe or a network filesystem) are retried.
#[test]
fn short_reads_are_retried() {
    use crate::fault::{Fault, Op};
    let d = pier();
    let (_, p) = saved(d.path(), 4, 2 * CHUNK + 3);
    let io = FaultIo::new()
        .at_op(Op::ReadAt, 0, Fault::Short(3))
        .at_op(Op::ReadAt, 2, Fault::Short(1000))
        .at_op(Op::ReadAt, 4, Fault::Short(0));
    let mut s = Store::open_with(d.path(), Box::new(io.clone())).unwrap();
    // A short read of 0 is end of file: the snapshot looks truncated.
    assert!(matches!(
        s.load().unwrap_err().invalid(),
        Some(Invalid::Truncated { .. })
    ));
    let io = FaultIo::new().at_op(Op::ReadAt, 0, Fault::Short(3)).at_op(
        Op::ReadAt,
        2,
        Fault::Short(1000),
    );
    let mut s = Store::open_with(d.path(), Box::new(io.clone())).unwrap();
    assert_eq!(s.load().unwrap(), Some((meta(4), p)));
    assert_eq!(io.fired(), 2);
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

#[test]
fn quarantine_moves_and_never_replaces() {
    let d = pier();
    let chk: PathBuf = d.path().join(".urb/chk");
    let io = FaultIo::new().with_clock(1_700_000_000);
    let mut s = Store::open_with(d.path(), Box::new(io)).unwrap();

    let e = s.quarantine("nothing there").unwrap_err();
    assert!(matches!(e.kind(), QuarantineErrorKind::NoSnapshot));
    assert!(!s.is_poisoned());

    let mut moved = Vec::new();
    for event in 1..=3 {
        let p = bytes(event, 100);
        s.save(&meta(event), &p).unwrap();
        let bad = s.quarantine(&format!("reason {event}")).unwrap();
        assert_eq!(fs::read(&bad).unwrap()[HEADER_LEN..], p[..]);
        assert_eq!(s.load().unwrap(), None);
        moved.push(bad);
    }
    assert_eq!(
        moved,
        [
            chk.join("data.pma.bad-1700000000"),
            chk.join("data.pma.bad-1700000000-1"),
            chk.join("data.pma.bad-1700000000-2"),
        ]
    );
    assert_eq!(
        fs::read_to_string(chk.join("data.pma.bad-1700000000-1.why")).unwrap(),
        "reason 2\n"
    );
    assert_eq!(names(&chk).len(), 6);
}

#[test]
fn poisoned_after_failed_save_until_reopened() {
    use crate::fault::{Fault, Op};
    let d = pier();
    saved(d.path(), 1, 10);
    let io = FaultIo::new().at_op(Op::SyncFile, 0, Fault::Fail(5));
    let mut s = Store::open_with(d.path(), Box::new(io)).unwrap();
    assert!(s.save(&meta(2), b"y").is_err());
    assert!(s.is_poisoned());
    // Even though the fault was one-shot, the store refuses.
    assert!(matches!(
        s.save(&meta(2), b"y").unwrap_err().kind(),
        SaveErrorKind::Poisoned
    ));
    assert!(matches!(
        s.load().unwrap_err().kind(),
        LoadErrorKind::Poisoned
    ));
    assert!(matches!(
        s.quarantine("x").unwrap_err().kind(),
        QuarantineErrorKind::Poisoned
    ));
    let mut s = Store::open(d.path()).unwrap();
    assert_eq!(s.load().unwrap().unwrap().0, meta(1));
    s.save(&meta(2), b"y").unwrap();
}
