//! Save and load time of a large payload (default 100 MB), no criterion:
//!
//! ```text
//! cargo run --release -p mars-snapshot --example measure [MB] [DIR]
//! ```
//!
//! `DIR` (default: a temporary directory under the current one) decides
//! which disk is measured. Loads are measured warm (the file in the page
//! cache, as right after a save) and cold (its pages evicted with
//! `posix_fadvise(DONTNEED)` first, as at a restart). Also measured, to
//! show where the time goes: blake3 alone, and a plain write + fsync.

use std::fs::File;
use std::io::Write;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::time::{Duration, Instant};

use mars_snapshot::{Meta, Store, PAYLOAD_JAM};
use nix::fcntl::{posix_fadvise, PosixFadviseAdvice};

const RUNS: usize = 5;

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().map_or(100, |a| a.parse().expect("MB"));
    let base = args.next().unwrap_or_else(|| ".".to_owned());
    let dir = tempfile::tempdir_in(&base).expect("temporary directory");
    let pier = dir.path();
    let len = mb * 1_000_000;
    let payload = pseudo_random(len);
    let mut store = Store::open(pier).expect("open");
    println!("payload {mb} MB in {}", pier.display());

    let hash = time(|| {
        std::hint::black_box(blake3::hash(&payload));
    });
    report("blake3 alone", &hash, len);

    let raw = pier.join("raw");
    let plain = time(|| {
        let mut f = File::create(&raw).unwrap();
        f.write_all(&payload).unwrap();
        f.sync_all().unwrap();
    });
    std::fs::remove_file(&raw).unwrap();
    report("write + fsync (plain)", &plain, len);

    let mut event = 0;
    let save = time(|| {
        event += 1;
        let meta = Meta {
            event,
            mug: 7,
            payload_kind: PAYLOAD_JAM,
        };
        store.save(&meta, &payload).expect("save");
    });
    report("save", &save, len);

    let warm = time(|| {
        let (m, p) = store.load().expect("load").expect("snapshot");
        assert_eq!((m.event, p.len()), (event, len));
    });
    report("load, warm cache", &warm, len);

    let path = store.path().to_owned();
    let cold = time_with_setup(
        || evict(&path),
        || {
            let (_, p) = store.load().expect("load").expect("snapshot");
            assert_eq!(p.len(), len);
        },
    );
    report("load, cold cache", &cold, len);
}

fn evict(path: &Path) {
    let f = File::open(path).unwrap();
    posix_fadvise(f.as_raw_fd(), 0, 0, PosixFadviseAdvice::POSIX_FADV_DONTNEED).unwrap();
}

fn time(mut f: impl FnMut()) -> Vec<Duration> {
    time_with_setup(|| {}, &mut f)
}

fn time_with_setup(mut setup: impl FnMut(), mut f: impl FnMut()) -> Vec<Duration> {
    (0..RUNS)
        .map(|_| {
            setup();
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

fn report(what: &str, times: &[Duration], len: usize) {
    let mut t = times.to_vec();
    t.sort();
    let median = t[t.len() / 2];
    println!(
        "{what:24} min {:7.1} ms  median {:7.1} ms  max {:7.1} ms  ({:.2} GB/s at median)",
        ms(t[0]),
        ms(median),
        ms(t[t.len() - 1]),
        len as f64 / median.as_secs_f64() / 1e9
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn pseudo_random(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut v = Vec::with_capacity(len + 8);
    while v.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.extend_from_slice(&x.to_le_bytes());
    }
    v.truncate(len);
    v
}
