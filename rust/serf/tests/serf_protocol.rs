//! Conformance items not covered elsewhere (shared/spec/README.md numbers).

mod harness;
mod support;

use std::time::Duration;

use harness::{mote, King};
use mars_noun::{fmt, Noun};
use mars_serf::plea::Plea;
use support::{toy_kernel, ARM_IDLE};

fn job(king: &mut King, n: u64) -> Noun {
    let now = king
        .heap
        .atom_u128(0x8000_000d_33f1_fe80_0000_0000_0000_0000 + u128::from(n));
    let b = king.heap.atom_str("b");
    let wire = king.heap.list(&[b]);
    let wake = king.heap.atom_str("wake");
    let card = king.heap.cell(wake, Noun::direct(n));
    let ovum = king.heap.cell(wire, card);
    king.heap.cell(now, ovum)
}

/// 16: a failing lifecycle replies `[%play %bail 0 0 goof]` and leaves the
/// serf without a kernel.
#[test]
fn failing_lifecycle_bails_with_event_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let bad = fmt::parse(&mut king.heap, "[0 0]").expect("formula");
    match king.play(1, &[bad, Noun::ZERO]) {
        Plea::PlayBail { eve, mug, goof } => {
            assert_eq!((eve, mug), (0, 0));
            assert_eq!(mote(&goof), "exit");
        }
        other => panic!("{other:?}"),
    }
    // Still no kernel: a second lifecycle at event 1 is accepted.
    let events = toy_kernel(&mut king.heap, ARM_IDLE);
    assert!(matches!(king.play(1, &events), Plea::PlayDone { .. }));
}

/// 18: element k of a replay batch fails → `[%play %bail k-1 mug(k-1) goof]`,
/// the rest of the batch is dropped.
#[test]
fn failing_replay_element_bails_at_the_last_good_event() {
    // +poke crashes when the card's data (axis 55 of the gate) is 3.
    let arm = format!("[6 [5 [1 3] [0 55]] [0 0] {ARM_IDLE}]");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let events = toy_kernel(&mut king.heap, &arm);
    let good_mug = match king.play(1, &events) {
        Plea::PlayDone { mug } => mug,
        other => panic!("{other:?}"),
    };
    let jobs: Vec<Noun> = (1..=5).map(|n| job(&mut king, n)).collect();
    match king.play(3, &jobs) {
        Plea::PlayBail { eve, mug, goof } => {
            assert_eq!(eve, 4, "events 3 and 4 succeeded, 5 (data 3) failed");
            assert_eq!(mug, good_mug);
            assert_eq!(mote(&goof), "exit");
        }
        other => panic!("{other:?}"),
    }
    // The serf is at event 4: the king may go on from 5.
    let more = vec![job(&mut king, 9)];
    assert!(matches!(king.play(5, &more), Plea::PlayDone { .. }));
}

/// 19: a `%play` whose list is empty is rejected (exit non-zero, no reply).
#[test]
fn empty_play_is_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let tag = king.heap.atom_str("play");
    let writ = king.heap.tuple(&[tag, Noun::ONE, Noun::NULL]);
    king.send(harness::Kind::Play, writ);
    let status = king.wait(Duration::from_secs(10));
    assert_eq!(status.code(), Some(1));
}

/// 27: a failing peek replies `[%peek %bail goof]` and changes nothing.
#[test]
fn failing_peek_bails_without_changing_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let events = toy_kernel(&mut king.heap, ARM_IDLE);
    assert!(matches!(king.play(1, &events), Plea::PlayDone { .. }));
    let (eve, mug) = (king.eve, king.mug);
    let sam = king.heap.cell(Noun::ZERO, Noun::ONE);
    assert!(matches!(king.peek(sam), Plea::PeekDone(_)));
    assert_eq!((king.eve, king.mug), (eve, mug));

    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    // K = [[load wish peek poke] 42] with a +peek whose arm is [0 0].
    let k = format!("[[[0 0] [0 0] [[1 [0 0]] [[1 0] [0 1]]] [[1 {ARM_IDLE}] [[1 0] [0 1]]]] 42]");
    let e1 = fmt::parse(&mut king.heap, &format!("[1 [0 0 {k}]]")).expect("kernel");
    assert!(matches!(
        king.play(1, &[e1, Noun::ZERO]),
        Plea::PlayDone { .. }
    ));
    let sam = king.heap.cell(Noun::ZERO, Noun::ONE);
    match king.peek(sam) {
        Plea::PeekBail(goof) => assert_eq!(mote(&goof), "exit"),
        other => panic!("{other:?}"),
    }
    let j = job(&mut king, 1);
    assert!(matches!(king.work(j), Plea::WorkDone { eve: 3, .. }));
}

/// 29, 30: `%meld`, `%pack` and `%cram` reply `[%live ~]`; the state and its
/// mug are kept; `%cram` also saves.
#[test]
fn meld_pack_cram_keep_the_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let events = toy_kernel(&mut king.heap, ARM_IDLE);
    assert!(matches!(king.play(1, &events), Plea::PlayDone { .. }));
    let (eve, mug) = (king.eve, king.mug);
    for sub in ["meld", "pack"] {
        king.send_live(sub, Noun::NULL);
        assert!(matches!(king.reply(), Plea::Live), "{sub}");
    }
    let e = king.heap.atom_u64(eve);
    king.send_live("cram", e);
    assert!(matches!(king.reply(), Plea::Live));
    let j = job(&mut king, 1);
    assert!(matches!(king.work(j), Plea::WorkDone { .. }));
    assert_eq!(king.mug, mug, "the toy kernel keeps its state");
    assert!(
        dir.path().join(".urb/chk/data.pma").is_file(),
        "%cram saved"
    );
}
