//! Loops, deep recursion, collection during computation, limits.

mod common;

use common::{ackermann_formula, nock, parse, runtime, runtime_with, COPY_LIST, DEC};
use mars_nock::{Limits, Mote};
use mars_noun::{Generation, HeapConfig, Noun};

#[test]
fn decrement_loop_runs_in_constant_space() {
    let limits = Limits {
        max_depth: 8,
        ..Limits::default()
    };
    let mut rt = runtime_with(
        limits,
        HeapConfig {
            nursery_bytes: 64 << 10,
            ..HeapConfig::default()
        },
    );
    assert_eq!(nock(&mut rt, "1000000", DEC).as_deref(), Ok("999999"));
    assert!(
        rt.stats().minor_collections > 10,
        "the loop collected as it went"
    );
}

#[test]
fn deep_non_tail_recursion_completes() {
    let mut rt = runtime();
    let zeros = vec![Noun::ZERO; 1_000_000];
    let list = rt.heap.list(&zeros);
    let f = parse(&mut rt, COPY_LIST);
    let copy = rt.nock(list, f).expect("copy");
    let mut n = copy;
    let mut len = 0;
    while let Some((_, t)) = n.cell_parts() {
        len += 1;
        n = t;
    }
    assert_eq!(len, 1_000_000);
}

#[test]
fn deep_recursion_on_a_small_thread_stack() {
    // Nock depth lives on the heap: 10^6 non-tail frames and a 10^6-deep
    // formula compile and run on a 256 KiB Rust stack.
    let t = std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(|| {
            let mut rt = runtime();
            let zeros = vec![Noun::ZERO; 1_000_000];
            let list = rt.heap.list(&zeros);
            let f = parse(&mut rt, COPY_LIST);
            let copy = rt.nock(list, f).expect("copy");
            let mut deep = parse(&mut rt, "[0 1]");
            for _ in 0..1_000_000 {
                deep = rt.heap.tuple(&[Noun::direct(4), deep]);
            }
            let n = rt.nock(Noun::ZERO, deep).expect("increments");
            (copy.cell_parts().is_some(), n.as_u64())
        })
        .expect("thread");
    assert_eq!(
        t.join().expect("no stack overflow"),
        (true, Some(1_000_000))
    );
}

#[test]
fn depth_limit_bails_meme_and_recovers() {
    let limits = Limits {
        max_depth: 1000,
        ..Limits::default()
    };
    let mut rt = runtime_with(limits, HeapConfig::default());
    let zeros = vec![Noun::ZERO; 5000];
    let list = rt.heap.list(&zeros);
    let f = parse(&mut rt, COPY_LIST);
    let bail = rt.nock(list, f).expect_err("too deep");
    assert_eq!(bail.mote(), Mote::Meme);
    assert_eq!(nock(&mut rt, "5", DEC).as_deref(), Ok("4"));
}

#[test]
fn heap_limit_bails_meme() {
    let mut rt = runtime_with(
        Limits::default(),
        HeapConfig {
            nursery_bytes: 1 << 20,
            limit_bytes: 64 << 20,
            ..HeapConfig::default()
        },
    );
    // Build an ever-growing list: [8 [1 0] 8 [1 9 2 [0 2] [[1 0] 0 6] 0 7] 9 2 0 1]
    let r = nock(
        &mut rt,
        "0",
        "[8 [1 0] 8 [1 9 2 [0 2] [[1 0] 0 6] 0 7] 9 2 0 1]",
    );
    assert_eq!(r, Err(Mote::Meme));
    assert_eq!(nock(&mut rt, "5", DEC).as_deref(), Ok("4"));
}

#[test]
fn ackermann() {
    let mut rt = runtime();
    assert_eq!(
        nock(&mut rt, "[2 3]", &ackermann_formula()).as_deref(),
        Ok("9")
    );
    assert_eq!(
        nock(&mut rt, "[3 3]", &ackermann_formula()).as_deref(),
        Ok("61")
    );
}

#[test]
fn kept_roots_survive_collections() {
    let mut rt = runtime();
    let big = rt.heap.atom_from_words(&[1, 2, 3]);
    let kept = rt.heap.cell(big, Noun::direct(7));
    let r = rt.keep(kept);
    assert_eq!(nock(&mut rt, "100000", DEC).as_deref(), Ok("99999"));
    rt.collect(Generation::Major);
    let k = rt.root(r);
    assert_eq!(
        mars_noun::fmt::render(k, 100),
        "[36893488147419103233 2 7]".replace(
            "36893488147419103233 2",
            &mars_noun::fmt::decimal(&[1, 2, 3])
        )
    );
    rt.release(r);
}

#[test]
fn interrupt_flag_bails_with_its_mote() {
    use std::sync::atomic::Ordering::Relaxed;
    let mut rt = runtime();
    rt.interrupt_flag()
        .store(mars_nock::INTERRUPT_INTR, Relaxed);
    assert_eq!(nock(&mut rt, "100", DEC), Err(Mote::Intr));
    rt.interrupt_flag()
        .store(mars_nock::INTERRUPT_TERM, Relaxed);
    assert_eq!(nock(&mut rt, "100", DEC), Err(Mote::Term));
    rt.interrupt_flag()
        .store(mars_nock::INTERRUPT_ALRM, Relaxed);
    assert_eq!(nock(&mut rt, "100", DEC), Err(Mote::Alrm));
    assert_eq!(nock(&mut rt, "100", DEC).as_deref(), Ok("99"));
}

#[test]
fn memo_caches_results() {
    let mut rt = runtime();
    // Twice the same memoised decrement of 10^5.
    let f = format!(
        "[[11 [%memo [1 0]] [7 [1 100000] {DEC}]] [11 [%memo [1 0]] [7 [1 100000] {DEC}]]]"
    );
    assert_eq!(nock(&mut rt, "0", &f).as_deref(), Ok("[99999 99999]"));
    assert_eq!(rt.stats().memo_hits, 1);
}
