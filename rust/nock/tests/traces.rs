//! `%spot %mean %hunk %lose` frames are collected at a crash and dropped on
//! normal return.

mod common;

use common::{parse, runtime};
use mars_nock::Mote;
use mars_noun::fmt::render;

#[test]
fn crash_keeps_open_frames_outermost_first() {
    let mut rt = runtime();
    let s = parse(&mut rt, "0");
    let f = parse(&mut rt, "[11 [%mean [1 %outer]] [11 [%spot [1 42]] [0 0]]]");
    let bail = rt.nock(s, f).expect_err("crash");
    assert_eq!(bail.mote(), Mote::Exit);
    let frames: Vec<String> = bail
        .trace()
        .iter()
        .map(|(t, c)| format!("{} {}", render(*t, 100), render(*c, 100)))
        .collect();
    assert_eq!(
        frames,
        vec![
            format!("{} {}", 0x6e61656d_u64, 0x0072_6574_756f_u64),
            format!("{} 42", 0x746f7073_u64)
        ]
    );
}

#[test]
fn returned_hints_leave_no_frames() {
    let mut rt = runtime();
    let s = parse(&mut rt, "0");
    let f = parse(
        &mut rt,
        "[[11 [%spot [1 1]] [1 0]] [11 [%lose [1 2]] [0 0]]]",
    );
    let bail = rt.nock(s, f).expect_err("crash");
    assert_eq!(bail.trace().len(), 1);
    assert_eq!(bail.trace()[0].1.as_u64(), Some(2));
}

#[test]
fn runtime_is_reusable_after_a_crash() {
    let mut rt = runtime();
    let s = parse(&mut rt, "[1 2]");
    let f = parse(&mut rt, "[11 [%hunk [1 0]] [0 8]]");
    assert!(rt.nock(s, f).is_err());
    let f = parse(&mut rt, "[0 3]");
    assert_eq!(rt.nock(s, f).ok().and_then(|n| n.as_u64()), Some(2));
}
