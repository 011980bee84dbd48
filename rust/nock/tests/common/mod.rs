//! Helpers shared by the Nock integration tests.
#![allow(dead_code)]

use mars_nock::{Limits, Mote, NoHost, Runtime};
use mars_noun::{fmt, Heap, HeapConfig, Noun};

/// The naive decrement formula of `shared/baselines.md`: subject n, product n-1.
pub const DEC: &str = "[8 [1 0] 8 [1 6 [5 [0 7] 4 0 6] [0 6] 9 2 [0 2] [4 0 6] 0 7] 9 2 0 1]";

/// Copies a list (non-tail recursion as deep as the list is long).
pub const COPY_LIST: &str = "[8 [1 6 [3 0 3] [[1 0] 9 2 [0 2] 0 7] 1 0] 9 2 0 1]";

/// Ackermann on the subject `[m n]`, with the naive decrement inlined.
pub fn ackermann_formula() -> String {
    let decf = DEC;
    let f = format!(
        "[6 [5 [1 0] 0 6] [4 0 7] [6 [5 [1 0] 0 7] [9 2 [0 2] [7 [0 6] {decf}] [1 1]] \
         [9 2 [0 2] [7 [0 6] {decf}] [9 2 [0 2] [0 6] [7 [0 7] {decf}]]]]]"
    );
    // *[[m n] [8 [1 F] [9 2 [0 2] [0 7]]]]: builds the core [F [m n]].
    format!("[8 [1 {f}] 9 2 [0 2] 0 3]")
}

pub fn runtime() -> Runtime {
    Runtime::new(HeapConfig {
        nursery_bytes: 1 << 20,
        limit_bytes: 8 << 30,
        ..HeapConfig::default()
    })
    .expect("runtime")
}

pub fn runtime_with(limits: Limits, config: HeapConfig) -> Runtime {
    Runtime::with_host(Heap::new(config).expect("heap"), Box::new(NoHost), limits)
}

pub fn parse(rt: &mut Runtime, text: &str) -> Noun {
    fmt::parse(&mut rt.heap, text).unwrap_or_else(|| panic!("bad test noun: {text}"))
}

/// `*[subject formula]` rendered, or the mote.
pub fn nock(rt: &mut Runtime, subject: &str, formula: &str) -> Result<String, Mote> {
    let s = parse(rt, subject);
    let f = parse(rt, formula);
    rt.nock(s, f)
        .map(|p| fmt::render(p, 1 << 16))
        .map_err(|b| b.mote())
}

pub fn ok(subject: &str, formula: &str) -> String {
    let mut rt = runtime();
    nock(&mut rt, subject, formula)
        .unwrap_or_else(|m| panic!("*[{subject} {formula}] crashed %{}", m.name()))
}

pub fn crash(subject: &str, formula: &str) -> Mote {
    let mut rt = runtime();
    match nock(&mut rt, subject, formula) {
        Ok(p) => panic!("*[{subject} {formula}] should crash, gave {p}"),
        Err(m) => m,
    }
}
