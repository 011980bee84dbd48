//! Bad input and bad state: the serf exits non-zero without replying, or
//! moves a bad snapshot aside; nothing is ever lost.

mod harness;
mod support;

use std::path::Path;
use std::time::Duration;

use harness::{Kind, King};
use mars_noun::Noun;
use mars_serf::plea::Plea;

fn booted(pier: &Path) -> Option<King> {
    let pill = support::pill("baby.pill")?;
    let mut king = King::spawn(pier);
    let p = mars_serial::cue(&mut king.heap, &pill).expect("cue");
    let mut l = p.slot_u64(14).expect("bot");
    let mut events = Vec::new();
    while let Some((h, t)) = l.cell_parts() {
        events.push(h);
        l = t;
    }
    assert!(matches!(king.play(1, &events), Plea::PlayDone { .. }));
    Some(king)
}

fn expect_exit_without_reply(mut king: King) -> i32 {
    let status = king.wait(Duration::from_secs(20));
    assert!(!status.success(), "must exit non-zero");
    status.code().unwrap_or(-1)
}

#[test]
fn end_of_input_exits_1_promptly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let status = king.wait_exit_after_close(Duration::from_secs(10));
    assert_eq!(status.code(), Some(1));
}

#[test]
fn stdin_closed_mid_frame() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    king.send_raw(&[0, 100, 0, 0, 0, 1, 2, 3])
        .expect("partial frame");
    let status = king.wait_exit_after_close(Duration::from_secs(10));
    assert_eq!(status.code(), Some(1));
}

#[test]
fn bad_frames_are_fatal() {
    for bytes in [
        vec![1u8, 1, 0, 0, 0, 2],    // version byte 1
        vec![0u8, 0, 0, 0, 0],       // empty payload
        vec![0u8, 1, 0, 0, 0, 0x01], // payload does not cue
        vec![0u8, 1, 0, 0, 0, 0x0c], // the atom 1: not a writ
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut king = King::spawn(dir.path());
        king.send_raw(&bytes).expect("send");
        assert_eq!(expect_exit_without_reply(king), 1, "{bytes:?}");
    }
}

#[test]
fn unknown_writ_is_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let tag = king.heap.atom_str("fuzz");
    let w = king.heap.cell(tag, Noun::ZERO);
    king.send(Kind::Live, w);
    assert_eq!(expect_exit_without_reply(king), 1);
}

#[test]
fn work_without_kernel_is_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(dir.path());
    let job = king.heap.tuple(&[Noun::ONE, Noun::ZERO, Noun::ZERO]);
    king.send_work(job);
    assert_eq!(expect_exit_without_reply(king), 1);
}

#[test]
fn save_at_the_wrong_event_is_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Some(mut king) = booted(dir.path()) else {
        return;
    };
    king.send_live("save", Noun::direct(99));
    assert_eq!(expect_exit_without_reply(king), 1);
    assert!(!dir.path().join(".urb/chk/data.pma").exists());
}

fn saved_pier() -> Option<(tempfile::TempDir, u64, u32)> {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut king = booted(dir.path())?;
    king.save();
    let (eve, mug) = (king.eve, king.mug);
    assert_eq!(king.exit(0).code(), Some(0));
    Some((dir, eve, mug))
}

fn quarantined(chk: &Path) -> Vec<String> {
    std::fs::read_dir(chk)
        .expect("chk")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("data.pma.bad") && !n.ends_with(".why"))
        .collect()
}

#[test]
fn corrupt_snapshots_are_moved_aside_not_trusted() {
    type Damage = fn(&mut Vec<u8>);
    let cases: [(&str, Damage); 4] = [
        ("truncated", |b| b.truncate(b.len() / 2)),
        ("bit flip in payload", |b| {
            let i = b.len() - 3;
            b[i] ^= 0x10;
        }),
        ("bit flip in header", |b| b[9] ^= 1),
        ("foreign file", |b| {
            b.clear();
            b.extend_from_slice(b"this is not a snapshot at all");
        }),
    ];
    for (what, damage) in cases {
        let Some((dir, _, _)) = saved_pier() else {
            return;
        };
        let chk = dir.path().join(".urb/chk");
        let file = chk.join("data.pma");
        let mut bytes = std::fs::read(&file).expect("snapshot");
        damage(&mut bytes);
        std::fs::write(&file, &bytes).expect("damage");
        let king = King::spawn(dir.path());
        assert_eq!(
            (king.eve, king.mug),
            (0, 0),
            "{what}: a bad snapshot is not trusted"
        );
        let moved = quarantined(&chk);
        assert_eq!(
            moved.len(),
            1,
            "{what}: moved aside, not deleted: {moved:?}"
        );
        assert_eq!(
            std::fs::read(chk.join(&moved[0])).expect("kept"),
            bytes,
            "{what}"
        );
        drop(king);
    }
}

#[test]
fn veres_snapshot_files_are_never_touched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chk = dir.path().join(".urb/chk");
    std::fs::create_dir_all(&chk).expect("chk");
    let names = [
        "north.bin",
        "south.bin",
        "control.bin",
        "memory.bin",
        "limbo.bin",
    ];
    for n in names {
        std::fs::write(chk.join(n), n.as_bytes()).expect("vere file");
    }
    let Some(mut king) = booted(dir.path()) else {
        return;
    };
    king.save();
    assert_eq!(king.exit(0).code(), Some(0));
    for n in names {
        assert_eq!(
            std::fs::read(chk.join(n)).expect("still there"),
            n.as_bytes()
        );
    }
}

#[test]
fn kill_during_save_loses_nothing() {
    let Some((dir, eve, mug)) = saved_pier() else {
        return;
    };
    for round in 0..8u64 {
        let mut king = King::spawn(dir.path());
        assert_eq!(
            (king.eve, king.mug),
            (eve, mug),
            "round {round}: the last good snapshot"
        );
        let e = king.heap.atom_u64(eve);
        king.send_live("save", e);
        std::thread::sleep(Duration::from_micros(round * 700));
        let _ = king.child.kill();
        let _ = king.child.wait();
    }
    let king = King::spawn(dir.path());
    assert_eq!((king.eve, king.mug), (eve, mug));
    assert!(
        quarantined(&dir.path().join(".urb/chk")).is_empty(),
        "no snapshot was ever broken"
    );
}

#[test]
fn a_second_serf_on_the_same_pier_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = King::spawn(dir.path());
    let out = std::process::Command::new(harness::mars_bin())
        .arg("serf")
        .args(harness::king_argv(dir.path(), 128))
        .stdin(std::process::Stdio::piped())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no %ripe");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("locked by another mars process"), "{err}");
    assert!(err.contains(&format!("pid {}", first.child.id())), "{err}");
    drop(first);
    // Once the first is gone, the pier is free again.
    let again = King::spawn(dir.path());
    assert_eq!(again.eve, 0);
}
