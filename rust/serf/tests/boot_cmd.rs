//! `mars boot`: a new fake ship's pier from a pill, its event log as the
//! v3.0 king writes it, computed into `data.pma`; then `mars serf` starts
//! it as the king would. On `baby.pill` (the brass pill's sequence is built
//! by the same code and booted in `brass_pill.rs`).

mod harness;
mod support;

use std::process::{Command, Output};

use harness::King;
use mars_eventlog::{EventLog, OpenMode};

fn mars(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mars"))
        .args(args)
        .output()
        .expect("run mars")
}

fn boot(pier: &std::path::Path, pill: &str, extra: &[&str]) -> Output {
    let pill = support::shared_dir().join("pills").join(pill);
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "boot".as_ref(),
        pier.as_os_str(),
        "--pill".as_ref(),
        pill.as_os_str(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    mars(&args)
}

#[test]
fn boots_a_fake_ship_from_a_pill() {
    if support::pill("baby.pill").is_none() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pier = dir.path().join("zod");
    let out = boot(&pier, "baby.pill", &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("boot: parsing %baby pill"), "{stderr}");
    // life 2, then %wyrd %whom %wack %verb, then dill's %boot.
    assert!(
        stdout.contains("now at event 7, mug 0x57d6b64f"),
        "{stdout}"
    );

    let mut log = EventLog::open(&pier, OpenMode::NoLock).expect("the log");
    let meta = *log.meta();
    assert_eq!(
        (meta.who, meta.fake, meta.life, meta.version),
        (0, true, 2, 3)
    );
    let events: Vec<_> = log.iter().map(|e| e.expect("event")).collect();
    assert_eq!(events.len(), 7);
    assert!(events.iter().all(|e| e.mug == 0), "boot events have mug 0");
    drop(log);

    // The king's serf starts from the snapshot, at the log's end.
    let king = King::spawn(&pier);
    assert_eq!((king.eve, king.mug), (7, 0x57d6_b64f));
    drop(king);

    // Never over an existing log.
    let again = boot(&pier, "baby.pill", &[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has an event log"));
}

#[test]
fn ships_and_pills_are_checked() {
    if support::pill("baby.pill").is_none() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let nec = dir.path().join("nec");
    let out = boot(&nec, "baby.pill", &["--fake", "~nec"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = EventLog::open(&nec, OpenMode::NoLock).expect("the log");
    assert_eq!(log.meta().who, 1, "~nec is 1");
    drop(log);

    let bad = dir.path().join("bad");
    let out = boot(&bad, "baby.pill", &["--fake", "~notaship"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a ship name"));
    assert!(!bad.join(".urb/log").exists(), "nothing written");

    let ivory = dir.path().join("ivory");
    let out = boot(&ivory, "ivory-2023.pill", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unable to boot from ivory pill"));

    let missing = dir.path().join("missing");
    let out = boot(&missing, "no-such.pill", &[]);
    assert_eq!(out.status.code(), Some(2));
}
