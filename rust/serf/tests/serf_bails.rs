//! Failures inside events: `%crud` retry, `%swap`, `%bail` with `%alrm`,
//! `%intr` and `%meme`; the serf keeps serving afterwards.

mod harness;
mod support;

use std::time::Duration;

use harness::{mote, King};
use mars_noun::Noun;
use mars_serf::plea::Plea;
use nix::sys::signal::Signal;
use support::{toy_kernel, ARM_HOG, ARM_IDLE, ARM_SPIN};

fn boot(king: &mut King, arm: &str) {
    let events = toy_kernel(&mut king.heap, arm);
    assert!(matches!(king.play(1, &events), Plea::PlayDone { .. }));
}

fn job(king: &mut King) -> Noun {
    let now = king
        .heap
        .atom_u128(0x8000_000d_33f1_fe80_0000_0000_0000_0000);
    let b = king.heap.atom_str("b");
    let wire = king.heap.list(&[b]);
    let wake = king.heap.atom_str("wake");
    let card = king.heap.cell(wake, Noun::NULL);
    let ovum = king.heap.cell(wire, card);
    king.heap.cell(now, ovum)
}

/// Both pokes fail: `%bail` with the crud's goof first, the event number
/// unchanged, and the serf still answers.
fn assert_double_bail(king: &mut King, want: &str) {
    let eve = king.eve;
    match king.reply() {
        Plea::WorkBail(goofs) => {
            let motes: Vec<String> = goofs.iter().map(mote).collect();
            assert_eq!(motes, vec![want.to_string(), want.to_string()]);
        }
        other => panic!("expected %bail, got {other:?}"),
    }
    assert_eq!(king.eve, eve);
    let sam = king.heap.cell(Noun::ZERO, Noun::ONE);
    assert!(matches!(king.peek(sam), Plea::PeekDone(_)), "still serving");
}

#[test]
fn mil_budget_bails_alrm() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    boot(&mut king, ARM_SPIN);
    let j = job(&mut king);
    king.send_work_mil(200, j);
    assert_double_bail(&mut king, "alrm");
}

#[test]
fn sigint_while_computing_bails_intr_and_idle_sigint_is_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    boot(&mut king, ARM_SPIN);
    king.signal(Signal::SIGINT); // idle: ignored
    std::thread::sleep(Duration::from_millis(100));
    let j = job(&mut king);
    king.send_work(j);
    for _ in 0..2 {
        std::thread::sleep(Duration::from_millis(300));
        king.signal(Signal::SIGINT);
    }
    assert_double_bail(&mut king, "intr");
}

#[test]
fn out_of_memory_bails_meme_and_serf_keeps_serving() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut argv = harness::king_argv(dir.path(), 128);
    argv[4] = "24".into(); // --loom 24: a 32 MiB noun heap
    let mut king = King::spawn_argv(argv);
    boot(&mut king, ARM_HOG);
    let j = job(&mut king);
    king.send_work(j);
    assert_double_bail(&mut king, "meme");
}

#[test]
fn crash_then_crud_succeeds_gives_swap() {
    // +poke crashes unless the card is %crud: [6 [5 [1 %crud] [0 54]] IDLE [0 0]]
    // (axis 54 of the gate is the card's tag: the gate is
    // [arm [[now [wire [tag data]]] K]]).
    let arm = format!("[6 [5 [1 %crud] [0 54]] {ARM_IDLE} [0 0]]");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    boot(&mut king, &arm);
    let eve = king.eve;
    let j = job(&mut king);
    match king.work(j) {
        Plea::WorkSwap { eve: e, job, .. } => {
            assert_eq!(e, eve + 1);
            // job = [now+1 [[0 %arvo ~] [%crud goof ovum]]]
            let rendered = mars_noun::fmt::render(job, 4096);
            assert!(
                rendered.contains(&format!("{}", 0x6475_7263u64)),
                "{rendered}"
            );
        }
        other => panic!("expected %swap, got {other:?}"),
    }
}
