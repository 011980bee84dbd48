//! `+mink`: products, crashes with traces, scries answered, blocked and
//! crashed, nesting, and failures it must not catch.

mod common;

use common::{parse, runtime};
use mars_nock::virt::run_virtual;
use mars_nock::{JetError, Mote, Runtime};
use mars_noun::fmt::render;

fn tone(rt: &mut Runtime, subject: &str, formula: &str, gate: &str) -> Result<String, JetError> {
    let s = parse(rt, subject);
    let f = parse(rt, formula);
    let g = parse(rt, gate);
    run_virtual(rt, s, f, g).map(|t| render(t, 1000))
}

/// A scry gate whose arm produces `answer` (a constant).
fn gate(answer: &str) -> String {
    format!("[[1 {answer}] [0 0]]")
}

const SPOT: u64 = 0x746f_7073;
const HUNK: u64 = 0x6b6e_7568;

#[test]
fn product() {
    let mut rt = runtime();
    assert_eq!(
        tone(&mut rt, "[5 6]", "[0 3]", &gate("0")).as_deref(),
        Ok("[0 6]")
    );
}

#[test]
fn crash_gives_the_trace_innermost_first() {
    let mut rt = runtime();
    let t = tone(
        &mut rt,
        "0",
        "[11 [%spot [1 1]] [11 [%spot [1 2]] [0 0]]]",
        &gate("0"),
    );
    assert_eq!(
        t.as_deref(),
        Ok(format!("[2 [{SPOT} 2] [{SPOT} 1] 0]").as_str())
    );
}

#[test]
fn scry_answered() {
    let mut rt = runtime();
    let t = tone(&mut rt, "0", "[12 [1 7] [1 8]]", &gate("[0 0 99]"));
    assert_eq!(t.as_deref(), Ok("[0 99]"));
}

#[test]
fn scry_blocked() {
    let mut rt = runtime();
    let t = tone(&mut rt, "0", "[12 [1 7] [1 [1 2 0]]]", &gate("0"));
    assert_eq!(t.as_deref(), Ok("[1 1 2 0]"));
}

#[test]
fn scry_crashed() {
    let mut rt = runtime();
    let t = tone(&mut rt, "0", "[12 [1 7] [1 8]]", &gate("[0 0]"));
    assert_eq!(t.as_deref(), Ok(format!("[2 [{HUNK} 7 8] 0]").as_str()));
}

#[test]
fn the_gate_sees_the_request() {
    let mut rt = runtime();
    // The gate answers [~ ~ sample]: sample = [ref path].
    let t = tone(
        &mut rt,
        "0",
        "[12 [1 7] [1 8]]",
        "[[[1 0] [1 0] [0 6]] [0 0]]",
    );
    assert_eq!(t.as_deref(), Ok("[0 7 8]"));
}

#[test]
fn the_scry_gate_is_gone_after_the_virtual_run() {
    let mut rt = runtime();
    // After a virtual run the gate stack is empty again: Nock 12 at top
    // level crashes. (Nesting through a registered +mink gate is tested
    // with the real stdlib in mars-jets.)
    assert_eq!(
        tone(&mut rt, "0", "[12 [1 7] [1 8]]", &gate("[0 0 1]")).as_deref(),
        Ok("[0 1]")
    );
    let s = parse(&mut rt, "0");
    let f = parse(&mut rt, "[12 [1 7] [1 8]]");
    assert_eq!(rt.nock(s, f).map_err(|b| b.mote()).err(), Some(Mote::Exit));
}

#[test]
fn meme_is_not_caught() {
    let mut rt = common::runtime_with(
        mars_nock::Limits::default(),
        mars_noun::HeapConfig {
            nursery_bytes: 1 << 20,
            limit_bytes: 64 << 20,
            ..mars_noun::HeapConfig::default()
        },
    );
    let t = tone(
        &mut rt,
        "0",
        "[8 [1 0] 8 [1 9 2 [0 2] [[1 0] 0 6] 0 7] 9 2 0 1]",
        &gate("0"),
    );
    // Passed on whole, as the bail it was.
    assert!(
        matches!(&t, Err(JetError::Bail(b)) if b.mote() == Mote::Meme),
        "{t:?}"
    );
    assert_eq!(
        tone(&mut rt, "[1 2]", "[0 2]", &gate("0")).as_deref(),
        Ok("[0 1]")
    );
}
