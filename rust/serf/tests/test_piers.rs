//! The piers of `test-piers/` (written by `examples/make_test_piers.rs` from
//! a kernel of our own) replay to their recorded last event and mug, by
//! `mars play` and by the serf itself; one has three epochs.

mod harness;
mod support;

use std::path::PathBuf;

fn piers() -> Vec<(String, u64, u32)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../test-piers");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("test-piers/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "expected") {
            let text = std::fs::read_to_string(&path).expect("expected");
            let mut words = text.split_whitespace();
            let eve: u64 = words.next().and_then(|w| w.parse().ok()).expect("event");
            let mug = words
                .next()
                .and_then(|w| u32::from_str_radix(w.trim_start_matches("0x"), 16).ok())
                .expect("mug");
            let name = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            out.push((name, eve, mug));
        }
    }
    out.sort();
    assert!(out.len() >= 2, "test-piers/ holds its piers");
    out
}

fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../test-piers")
        .join(name);
    let dir = tempfile::tempdir().expect("tempdir");
    let pier = dir.path().join(name);
    support::copy_dir(&src, &pier);
    (dir, pier)
}

#[test]
fn mars_play_reaches_the_recorded_mug() {
    for (name, eve, mug) in piers() {
        let (_dir, pier) = copy(&name);
        let out = std::process::Command::new(harness::mars_bin())
            .arg("play")
            .arg(&pier)
            .output()
            .expect("mars play");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("mug mismatches: none"), "{name}: {stdout}");
        assert!(
            stdout.contains(&format!("now at event {eve}, mug {mug:#x}")),
            "{name}: {stdout}"
        );
    }
}

#[test]
fn the_serf_self_replays_to_the_recorded_mug() {
    for (name, eve, mug) in piers() {
        let (_dir, pier) = copy(&name);
        let king = harness::King::spawn(&pier);
        assert_eq!((king.eve, king.mug), (eve, mug), "{name}");
    }
}

#[test]
fn the_epochs_pier_has_three_epochs() {
    let (_dir, pier) = copy("toy-epochs-zod");
    let log = mars_eventlog::EventLog::open(&pier, mars_eventlog::OpenMode::Locked).expect("log");
    let bases: Vec<u64> = log.epochs().iter().map(|e| e.base).collect();
    assert_eq!(bases, vec![0, 20, 45]);
}
