//! The serf under the test king: boot the test pills, work, peek, save,
//! exit, restart from data.pma.

mod harness;
mod support;

use std::time::Duration;

use harness::King;
use mars_noun::Noun;
use mars_serf::plea::Plea;

/// The pill's boot formulas (`bot` of `[%pill nam bot mod use]`), cued into
/// the king's heap.
fn bot(king: &mut King, pill: &[u8]) -> Vec<Noun> {
    let p = mars_serial::cue(&mut king.heap, pill).expect("cue pill");
    let mut l = p.slot_u64(14).expect("bot");
    let mut out = Vec::new();
    while let Some((h, t)) = l.cell_parts() {
        out.push(h);
        l = t;
    }
    out
}

/// `[now [/d/term/1 %belt %txt "x"]]`-like job (any ovum works for the toy
/// kernels); `now` is a fixed @da.
fn job(king: &mut King, n: u64) -> Noun {
    let now = king
        .heap
        .atom_u128(0x8000_000d_33f1_fe80_8000_0000_0000_0000 + u128::from(n));
    let d = king.heap.atom_str("d");
    let term = king.heap.atom_str("term");
    let one = king.heap.atom_str("1");
    let wire = king.heap.list(&[d, term, one]);
    let tag = king.heap.atom_str("test");
    let card = king.heap.cell(tag, Noun::direct(n));
    let ovum = king.heap.cell(wire, card);
    king.heap.cell(now, ovum)
}

fn boot_work_save_restart(pill_name: &str, life_mug: u32) {
    let Some(pill) = support::pill(pill_name) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let pier = dir.path().join("zod");
    std::fs::create_dir_all(&pier).expect("pier dir");

    let mut king = King::spawn(&pier);
    assert_eq!((king.eve, king.mug), (0, 0), "fresh serf is at event 0");
    let events = bot(&mut king, &pill);
    let life = events.len() as u64;
    match king.play(1, &events) {
        Plea::PlayDone { mug } => assert_eq!(mug, life_mug),
        other => panic!("boot: {other:?}"),
    }
    for i in 0..3 {
        let j = job(&mut king, i);
        match king.work(j) {
            Plea::WorkDone { eve, .. } => assert_eq!(eve, life + 1 + i),
            other => panic!("work: {other:?}"),
        }
    }
    let (eve, mug) = (king.eve, king.mug);
    king.save();
    assert!(pier.join(".urb/chk/data.pma").is_file());
    let status = king.exit(0);
    assert_eq!(status.code(), Some(0));

    let king = King::spawn(&pier);
    assert_eq!(
        (king.eve, king.mug),
        (eve, mug),
        "restart reports the saved event and mug"
    );
    assert_eq!(king.exit(3).code(), Some(3), "exit status is the writ's");
}

#[test]
fn toddler_boots_and_restarts() {
    // toddler's +poke runs its whole playpen library unjetted: only boot it.
    let Some(pill) = support::pill("toddler.pill") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let events = bot(&mut king, &pill);
    match king.play(1, &events) {
        Plea::PlayDone { mug } => assert_eq!(mug, 0x44617dde),
        other => panic!("boot: {other:?}"),
    }
    king.save();
    assert_eq!(king.exit(0).code(), Some(0));
    let king = King::spawn(dir.path());
    assert_eq!((king.eve, king.mug), (2, 0x44617dde));
}

#[test]
fn baby_boots_works_and_restarts() {
    boot_work_save_restart("baby.pill", 0x57d6b64f);
}

#[test]
fn replies_follow_writ_order_with_pipelining() {
    let Some(pill) = support::pill("baby.pill") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let events = bot(&mut king, &pill);
    king.send_play(1, &events);
    // Ten work writs and a peek between each, all before reading a reply.
    for i in 0..12 {
        let j = job(&mut king, i);
        king.send_work(j);
        let sam = king.heap.tuple(&[Noun::ZERO, Noun::ONE, Noun::ZERO]);
        king.send_peek(sam);
    }
    assert!(matches!(king.reply(), Plea::PlayDone { .. }));
    for _ in 0..12 {
        assert!(matches!(king.reply(), Plea::WorkDone { .. }));
        assert!(matches!(
            king.reply(),
            Plea::PeekDone(_) | Plea::PeekBail(_)
        ));
    }
    assert_eq!(king.eve, events.len() as u64 + 12);
}

#[test]
fn replay_play_after_boot() {
    let Some(pill) = support::pill("baby.pill") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let events = bot(&mut king, &pill);
    let life = events.len() as u64;
    assert!(matches!(king.play(1, &events), Plea::PlayDone { .. }));
    let jobs: Vec<Noun> = (0..5).map(|i| job(&mut king, i)).collect();
    match king.play(life + 1, &jobs) {
        Plea::PlayDone { mug } => assert_eq!(mug, king.mug),
        other => panic!("replay: {other:?}"),
    }
    assert_eq!(king.eve, life + 5);
}

/// A hand-made kernel whose `+poke` slogs `[0 %leaf "hi"]` and keeps its
/// state, and whose `+peek` answers `[~ ~ sample]`. Boot list: `[e1 e2]`
/// with `e1 = [1 [0 0 K]]`, so that axis 7 of the lifecycle's product is K.
fn slog_kernel(king: &mut King) -> Vec<Noun> {
    let k = "[[[0 0] [0 0] [[1 [[1 0] [1 0] [0 6]] [[1 0] [0 1]]] \
             [1 [11 [%slog [1 0 %leaf [104 105 0]]] [[1 0] [0 7]]]] [[1 0] [0 1]]]] 42]";
    let e1 = format!("[1 [0 0 {k}]]");
    let e1 = mars_noun::fmt::parse(&mut king.heap, &e1).expect("kernel");
    vec![e1, Noun::ZERO]
}

#[test]
fn quiet_bit_suppresses_slog() {
    for (wag, expect_slogs) in [(128, true), (128 | 64, false)] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut king = King::spawn_with(dir.path(), wag);
        let events = slog_kernel(&mut king);
        assert!(matches!(king.play(1, &events), Plea::PlayDone { .. }));
        let j = job(&mut king, 1);
        assert!(matches!(king.work(j), Plea::WorkDone { .. }));
        let expected = if expect_slogs {
            vec![(0, "hi".to_string())]
        } else {
            vec![]
        };
        assert_eq!(king.slogs, expected, "wag {wag}");
        let sam = king.heap.cell(Noun::ZERO, Noun::direct(7));
        match king.peek(sam) {
            Plea::PeekDone(p) => assert_eq!(mars_noun::fmt::render(p, 100), "[0 0 0 7]"),
            other => panic!("peek: {other:?}"),
        }
        let _ = king.wait_exit_after_close(Duration::from_secs(10));
    }
}
