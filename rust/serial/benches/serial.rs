//! cue, jam and mug of real pills (brass-2023 and ivory-2023).
//!
//! Every cue runs in a fresh heap (set up outside the timing), so memory
//! does not pile up over iterations; mug runs on a freshly cued noun, since
//! mugs are cached in the nouns after the first time.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use mars_noun::{mug, Heap};
use mars_serial::{cue, jam};

/// `MARS_SHARED_DIR`, or `shared/` beside the repository.
fn shared_dir() -> PathBuf {
    match std::env::var_os("MARS_SHARED_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn heap() -> Heap {
    Heap::with_defaults().expect("heap")
}

fn pill(c: &mut Criterion, name: &str) {
    let path = shared_dir().join("pills").join(format!("{name}.pill"));
    let Ok(bytes) = std::fs::read(&path) else {
        println!("skipping: shared data not found at {}", path.display());
        return;
    };
    let mut g = c.benchmark_group(name);
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Bytes(bytes.len() as u64));

    g.bench_function("cue", |b| {
        b.iter_batched(
            heap,
            |mut h| {
                let n = cue(&mut h, &bytes).expect("cue");
                (h, n)
            },
            BatchSize::PerIteration,
        )
    });

    let mut h = heap();
    let n = cue(&mut h, &bytes).expect("cue");
    mug(n);
    g.bench_function("jam", |b| b.iter(|| jam(n)));

    g.bench_function("mug", |b| {
        b.iter_batched(
            || {
                let mut h = heap();
                let n = cue(&mut h, &bytes).expect("cue");
                (h, n)
            },
            |(h, n)| (h, mug(n)),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn pills(c: &mut Criterion) {
    pill(c, "brass-2023");
    pill(c, "ivory-2023");
}

criterion_group!(benches, pills);
criterion_main!(benches);
