//! `mars inspect`: the overview (epochs, META, event count, dates, the
//! snapshot), one decoded event (`--event N`), the event list (`--list`,
//! which must equal the shared `<pier>.events.txt`), clear errors, and no
//! change to the pier.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn inspect(pier: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mars"))
        .arg("inspect")
        .arg(pier)
        .args(args)
        .output()
        .expect("run mars inspect")
}

/// Exit status and stdout; panics with stderr when the status is not 0.
fn ok(pier: &Path, args: &[&str]) -> String {
    let out = inspect(pier, args);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    stdout
}

fn file_list(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                todo.push(path.clone());
            }
            out.insert(path);
        }
    }
    out
}

/// The line of `out` that starts with `label`.
fn line<'a>(out: &'a str, label: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no {label:?} line in:\n{out}"))
}

#[test]
fn baby_zod_overview() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    let before = file_list(&pier);
    let out = ok(&pier, &[]);
    assert!(line(&out, "version").contains('3'), "{out}");
    assert!(line(&out, "ship").contains("~zod (fake)"), "{out}");
    assert!(
        line(&out, "life").contains("2 (lifecycle events 1-2)"),
        "{out}"
    );
    assert!(line(&out, "epochs").ends_with('1'), "{out}");
    assert!(
        line(&out, "  0i0").contains("events 1-22 (22), vere 3.0"),
        "{out}"
    );
    assert!(line(&out, "events").contains("1-22 (22 events)"), "{out}");
    assert!(
        line(&out, "first date").contains("event 3: ~2026.11.25..20.30.37..5c63"),
        "{out}"
    );
    assert!(
        line(&out, "last date").contains("event 22: ~2026.11.25..20.30.48..caa3"),
        "{out}"
    );
    assert!(
        line(&out, "last date").contains("2026-11-25 20:30:48"),
        "{out}"
    );
    assert!(line(&out, "snapshot").contains("none"), "{out}");
    assert_eq!(file_list(&pier), before, "inspect creates no file");
}

#[test]
fn brass_zod_overview_has_two_epochs() {
    let Some((_dir, pier)) = support::shared_pier("brass-zod") else {
        return;
    };
    let out = ok(&pier, &[]);
    assert!(
        line(&out, "life").contains("5 (lifecycle events 1-5)"),
        "{out}"
    );
    assert!(line(&out, "epochs").ends_with('2'), "{out}");
    assert!(
        line(&out, "  0i0 ").contains("events 1-42 (42), vere 3.0"),
        "{out}"
    );
    assert!(
        line(&out, "  0i42").contains("events 43-58 (16), vere 3.0"),
        "{out}"
    );
    assert!(line(&out, "events").contains("1-58 (58 events)"), "{out}");
    assert!(line(&out, "first date").contains("event 6: ~"), "{out}");
    assert!(line(&out, "last date").contains("event 58: ~"), "{out}");
}

#[test]
fn brass_zod_event_31_is_typed_text() {
    let Some((_dir, pier)) = support::shared_pier("brass-zod") else {
        return;
    };
    let out = ok(&pier, &["--event", "31"]);
    assert!(line(&out, "event").contains("31 (epoch 0i0)"), "{out}");
    assert!(line(&out, "stored mug").contains("0x2af1690b"), "{out}");
    assert!(
        line(&out, "stored len").contains("60 bytes (4 mug + 56 jam)"),
        "{out}"
    );
    assert!(line(&out, "kind").contains("[now ovum]"), "{out}");
    assert!(line(&out, "now").contains("~2026.11.25.."), "{out}");
    assert_eq!(line(&out, "wire"), "wire       /d/term/1");
    assert_eq!(line(&out, "card"), "card       %belt");
    assert_eq!(line(&out, "belt"), "belt       %txt");
    assert_eq!(line(&out, "text"), "text       \"(add 2 2)\"");

    let out = ok(&pier, &["--event", "43"]);
    assert!(line(&out, "event").contains("43 (epoch 0i42)"), "{out}");
}

#[test]
fn brass_zod_event_3_is_a_lifecycle_noun() {
    let Some((_dir, pier)) = support::shared_pier("brass-zod") else {
        return;
    };
    let out = ok(&pier, &["--event", "3"]);
    assert!(line(&out, "stored mug").contains("(not checked)"), "{out}");
    assert!(line(&out, "stored len").contains("522900 bytes"), "{out}");
    assert!(
        line(&out, "kind").contains("lifecycle noun (3 of 5"),
        "{out}"
    );
    let noun = line(&out, "noun");
    assert!(
        noun.contains("jam 522896 bytes") && noun.contains("mug 0x"),
        "{out}"
    );
    assert!(!out.contains("wire"), "{out}");
}

#[test]
fn list_matches_the_shared_event_descriptions() {
    for name in ["baby-zod", "brass-zod"] {
        let Some((_dir, pier)) = support::shared_pier(name) else {
            return;
        };
        let expected_file = support::shared_dir()
            .join("test-piers")
            .join(format!("{name}.events.txt"));
        let expected: String = std::fs::read_to_string(expected_file)
            .expect("events.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(ok(&pier, &["--list"]), expected, "{name}");
    }
}

#[test]
fn missing_piers_logs_and_events_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = inspect(&dir.path().join("nope"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no pier at"));

    let out = inspect(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(".urb/log") && stderr.contains("no event log"),
        "{stderr}"
    );

    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    for n in ["0", "23"] {
        let out = inspect(&pier, &["--event", n]);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("event {n} is not in the log (events 1-22)")),
            "{stderr}"
        );
    }
}

#[test]
fn the_snapshot_is_shown_after_a_replay() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_mars"))
        .arg("play")
        .arg(&pier)
        .output()
        .expect("play");
    assert_eq!(out.status.code(), Some(0));
    let out = ok(&pier, &[]);
    assert!(
        line(&out, "snapshot").contains("event 22, mug 0x57d6b64f"),
        "{out}"
    );
}
