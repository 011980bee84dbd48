//! Micro-benchmarks of the pure jet functions: `add`, `mul`, `cut` and
//! `met` on 64-bit, 1 KB and 1 MB operands; `by/put` and `in/put` building
//! a map and a set of 10^5 entries; `shax` of 1 MB. Products pile up in
//! the nursery, so each sample runs in chunks with a collection (operands
//! kept as roots) between chunks, outside the timed part.
//!
//! `cargo bench -p mars-jets`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mars_jets::{bits, maps, math, sha};
use mars_nock::{Root, Runtime};
use mars_noun::{Atom, Generation, HeapConfig, Noun};

fn runtime() -> Runtime {
    Runtime::new(HeapConfig {
        nursery_bytes: 64 << 20,
        limit_bytes: 8 << 30,
        ..HeapConfig::default()
    })
    .expect("runtime")
}

/// `words` pseudo-random words, top bit set.
fn words(n: usize, seed: u64) -> Vec<u64> {
    let mut x = seed | 1;
    let mut w: Vec<u64> = (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .collect();
    if let Some(top) = w.last_mut() {
        *top |= 1 << 62;
    }
    w
}

const SIZES: [(&str, usize); 3] = [("64-bit", 1), ("1 KB", 128), ("1 MB", 131_072)];

/// Keep two operands across collections.
fn keep(rt: &mut Runtime, a: Noun, b: Noun) -> (Root, Root) {
    (rt.keep(a), rt.keep(b))
}

/// Time `iters` calls of `op(rt, a, b)` on the kept operands, collecting
/// between chunks of about 32 MiB of products.
fn timed(
    rt: &mut Runtime,
    (ra, rb): (Root, Root),
    per_call: usize,
    iters: u64,
    op: fn(&mut Runtime, Atom, Atom) -> Noun,
) -> Duration {
    let chunk = ((32usize << 20) / per_call.max(64)).max(1) as u64;
    let mut total = Duration::ZERO;
    let mut done = 0;
    while done < iters {
        let n = chunk.min(iters - done);
        let x = rt.root(ra).as_atom().expect("atom");
        let y = rt.root(rb).as_atom().expect("atom");
        let start = Instant::now();
        for _ in 0..n {
            black_box(op(rt, black_box(x), black_box(y)));
        }
        total += start.elapsed();
        done += n;
        rt.collect(Generation::Minor);
    }
    total
}

fn bench_binary(
    c: &mut Criterion,
    group: &str,
    op: fn(&mut Runtime, Atom, Atom) -> Noun,
    out_words: fn(usize) -> usize,
) {
    let mut g = c.benchmark_group(group);
    for (label, n) in SIZES {
        if n > 1000 {
            g.sample_size(10);
        }
        g.throughput(Throughput::Bytes((n * 8) as u64));
        g.bench_function(BenchmarkId::from_parameter(label), |bench| {
            let mut rt = runtime();
            let a = rt.heap.atom_from_words(&words(n, 1));
            let b = rt.heap.atom_from_words(&words(n, 2));
            let ops = keep(&mut rt, a, b);
            let per = out_words(n) * 8;
            bench.iter_custom(|iters| timed(&mut rt, ops, per, iters, op));
        });
    }
    g.finish();
}

fn add(c: &mut Criterion) {
    bench_binary(
        c,
        "add",
        |rt, a, b| math::add::add(&mut rt.heap, a, b),
        |n| n + 1,
    );
}

fn mul(c: &mut Criterion) {
    bench_binary(
        c,
        "mul",
        |rt, a, b| math::mul::mul(&mut rt.heap, a, b),
        |n| 2 * n,
    );
}

/// `(cut 3 [7 len] d)`: an unaligned byte slice of `len` bytes from a 1 MB
/// atom.
fn cut(c: &mut Criterion) {
    let mut g = c.benchmark_group("cut 3 from 1 MB");
    for (label, len) in [("8 B", 8u64), ("1 KB", 1024), ("512 KB", 512 << 10)] {
        g.throughput(Throughput::Bytes(len));
        g.bench_function(BenchmarkId::from_parameter(label), |bench| {
            let mut rt = runtime();
            let d = rt.heap.atom_from_words(&words(131_072, 3));
            let len_n = Noun::direct(len);
            let ops = keep(&mut rt, d, len_n);
            let per = len as usize;
            bench.iter_custom(|iters| {
                timed(&mut rt, ops, per, iters, |rt, d, len| {
                    let len = len.as_u64();
                    bits::cut::cut(&mut rt.heap, 3, Some(7), len, d)
                })
            });
        });
    }
    g.finish();
}

/// `(met 0 d)` and `(met 3 d)`.
fn met(c: &mut Criterion) {
    let mut g = c.benchmark_group("met");
    for (label, n) in SIZES {
        for bloq in [0u64, 3] {
            g.bench_function(BenchmarkId::new(format!("bloq {bloq}"), label), |bench| {
                let mut rt = runtime();
                let d = rt.heap.atom_from_words(&words(n, 4));
                let ops = keep(&mut rt, Noun::direct(bloq), d);
                bench.iter_custom(|iters| {
                    timed(&mut rt, ops, 0, iters, |_, b, d| bits::met::met(b, d))
                });
            });
        }
    }
    g.finish();
}

/// Build a map (`by/put`) and a set (`in/put`) of 10^5 pseudo-random
/// keys from empty, one insert at a time; each iteration is the whole
/// build, collected afterwards.
fn treaps(c: &mut Criterion) {
    const N: usize = 100_000;
    let keys = words(N, 5);
    let mut g = c.benchmark_group("10^5 inserts");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N as u64));
    for (label, map) in [("by/put", true), ("in/put", false)] {
        g.bench_function(BenchmarkId::from_parameter(label), |bench| {
            let mut rt = runtime();
            bench.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let mut t = Noun::ZERO;
                    for (i, &k) in keys.iter().enumerate() {
                        let k = rt.heap.atom_u64(k >> 2);
                        t = if map {
                            maps::by_put::put(&mut rt.heap, t, k, Noun::direct(i as u64))
                        } else {
                            maps::in_put::put(&mut rt.heap, t, k)
                        }
                        .expect("put");
                    }
                    total += start.elapsed();
                    black_box(t);
                    rt.collect(Generation::Minor);
                }
                total
            });
        });
    }
    g.finish();
}

/// `(shax d)` of a 1 MB atom.
fn shax(c: &mut Criterion) {
    let mut g = c.benchmark_group("shax");
    g.throughput(Throughput::Bytes(1 << 20));
    g.bench_function("1 MB", |bench| {
        let mut rt = runtime();
        let d = rt.heap.atom_from_words(&words(131_072, 6));
        let ops = keep(&mut rt, d, Noun::ZERO);
        bench.iter_custom(|iters| {
            timed(&mut rt, ops, 32, iters, |rt, d, _| {
                sha::shax::shax(&mut rt.heap, d)
            })
        });
    });
    g.finish();
}

criterion_group!(benches, add, mul, cut, met, treaps, shax);
criterion_main!(benches);
