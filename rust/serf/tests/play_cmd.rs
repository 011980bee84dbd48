//! `mars play`: replaying vere-made and synthetic piers into data.pma, with
//! vere's options (`-n`, `--snap-at`, `--full`, `--soft-mugs`), exit
//! statuses, saves after failures and interrupts, and the promise that
//! nothing but `.urb/chk` changes in the pier.
//!
//! The synthetic piers (life 1) hold a tiny kernel whose poke returns the
//! kernel unchanged for most jobs, crashes (`%exit`) on the job 0 and loops
//! forever on the job 1, so crashes and interrupts can be tested in
//! milliseconds.

mod support;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use mars_eventlog::{Event, EventLog, Meta, OpenMode, Writer};
use mars_noun::{Heap, HeapConfig, Noun};

fn mars() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mars"))
}

fn play(pier: &Path, args: &[&str]) -> Output {
    mars()
        .arg("play")
        .arg(pier)
        .args(args)
        .output()
        .expect("run mars play")
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file under `dir` except `.urb/chk`, with a hash of its bytes
/// (LMDB's `lock.mdb`, which every reader writes, only by its presence).
fn files_outside_chk(dir: &Path) -> BTreeMap<PathBuf, u64> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, u64>) {
        for entry in std::fs::read_dir(dir).expect("read_dir") {
            let entry = entry.expect("entry");
            let path = entry.path();
            let rel = path.strip_prefix(root).expect("prefix").to_path_buf();
            if rel == Path::new(".urb/chk") {
                continue;
            }
            if entry.file_type().expect("type").is_dir() {
                walk(root, &path, out);
            } else if entry.file_name() == "lock.mdb" {
                out.insert(rel, 0);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                out.insert(rel, fnv(&bytes));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn data_pma(pier: &Path) -> PathBuf {
    pier.join(".urb/chk/data.pma")
}

/// The event and mug in data.pma's header (offsets 16 and 24, little-endian;
/// see mars-snapshot's format).
fn snapshot_at(pier: &Path) -> Option<(u64, u32)> {
    let b = std::fs::read(data_pma(pier)).ok()?;
    let event = u64::from_le_bytes(b.get(16..24)?.try_into().ok()?);
    let mug = u32::from_le_bytes(b.get(24..28)?.try_into().ok()?);
    Some((event, mug))
}

fn all_events(pier: &Path) -> (Meta, Vec<Event>) {
    let mut log = EventLog::open(pier, OpenMode::NoLock).expect("open log");
    let meta = *log.meta();
    let events: Vec<Event> = log.iter().collect::<Result<_, _>>().expect("read events");
    (meta, events)
}

/// Rewrite the pier's log with `f` applied to its events.
fn rewrite_log(pier: &Path, f: impl FnOnce(&mut Vec<Event>)) {
    let (meta, mut events) = all_events(pier);
    f(&mut events);
    std::fs::remove_dir_all(pier.join(".urb/log")).expect("rm log");
    let mut w = Writer::create(pier, &meta).expect("writer");
    w.append(&events).expect("append");
}

#[test]
fn baby_zod_replays_in_full() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    let before = files_outside_chk(&pier);
    let out = play(&pier, &[]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stderr.contains("---------------- playback starting ----------------"));
    assert!(stderr.contains("play: events 1-22 of 22"), "{stderr}");
    assert!(stderr.contains("---------------- playback complete ----------------"));
    assert!(
        stdout.contains("play: replayed 22 events (1-22)"),
        "{stdout}"
    );
    assert!(stdout.contains("events/s"), "{stdout}");
    assert!(stdout.contains("mug mismatches: none"), "{stdout}");
    assert!(
        stdout.contains("now at event 22, mug 0x57d6b64f"),
        "{stdout}"
    );
    assert_eq!(snapshot_at(&pier), Some((22, 0x57d6b64f)));
    assert_eq!(files_outside_chk(&pier), before, "only .urb/chk changed");
    let mut chk: Vec<_> = std::fs::read_dir(pier.join(".urb/chk"))
        .expect("chk")
        .map(|e| e.expect("entry").file_name())
        .collect();
    chk.sort();
    assert_eq!(
        chk,
        vec![
            std::ffi::OsString::from("data.pma"),
            std::ffi::OsString::from("mars.lock")
        ]
    );

    // Again: nothing to do; with -n below the snapshot: already computed.
    let out = play(&pier, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out).1.contains("mars: nothing to do!"));
    let out = play(&pier, &["-n", "5"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out).1.contains("mars: already computed 5"));
    assert_eq!(snapshot_at(&pier), Some((22, 0x57d6b64f)));
}

#[test]
fn replay_to_then_continue_from_the_snapshot() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    let out = play(&pier, &["-n", "10"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stderr.contains("play: events 1-10 of 22"), "{stderr}");
    assert!(
        stdout.contains("now at event 10, mug 0x57d6b64f"),
        "{stdout}"
    );
    assert_eq!(snapshot_at(&pier), Some((10, 0x57d6b64f)));

    let out = play(&pier, &["--replay-to", "11"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stderr.contains("play: event 11\n"), "{stderr}");
    assert!(!stderr.contains("lifecycle"), "continued from data.pma");

    let out = play(&pier, &[]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stderr.contains("play: events 12-22 of 22"), "{stderr}");
    assert!(stdout.contains("replayed 11 events (12-22)"), "{stdout}");
    assert!(
        stdout.contains("now at event 22, mug 0x57d6b64f"),
        "{stdout}"
    );
    assert_eq!(snapshot_at(&pier), Some((22, 0x57d6b64f)));
}

#[test]
fn full_sets_data_pma_aside_and_starts_over() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    assert_eq!(play(&pier, &["-n", "12"]).status.code(), Some(0));
    let old = std::fs::read(data_pma(&pier)).expect("data.pma");
    // vere's own snapshot files are never touched.
    std::fs::write(pier.join(".urb/chk/north.bin"), b"vere's").expect("north");
    let out = play(&pier, &["--full", "-n", "20"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stderr.contains("moved data.pma to"), "{stderr}");
    assert!(stderr.contains("play: events 1-20 of 22"), "{stderr}");
    assert_eq!(snapshot_at(&pier), Some((20, 0x57d6b64f)));
    let backups: Vec<PathBuf> = std::fs::read_dir(pier.join(".urb/chk"))
        .expect("chk")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("data.pma.bak-"))
        })
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(std::fs::read(&backups[0]).expect("backup"), old);
    assert_eq!(
        std::fs::read(pier.join(".urb/chk/north.bin")).expect("north"),
        b"vere's"
    );
}

#[test]
fn mug_mismatch_stops_naming_the_event_and_both_mugs() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    rewrite_log(&pier, |events| events[14].mug ^= 1);
    let before = files_outside_chk(&pier);
    let out = play(&pier, &[]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stderr.contains("event 15: mug mismatch: expected 0x57d6b64e, actual 0x57d6b64f"),
        "{stderr}"
    );
    // As vere's `urbit play`: the state of the last event that agreed with
    // the log is saved; the disagreeing one is not.
    assert!(
        stderr.contains("saved the state after event 14"),
        "{stderr}"
    );
    assert_eq!(snapshot_at(&pier), Some((14, 0x57d6b64f)));
    let again = play(&pier, &[]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "resumes, and stops at 15 again"
    );
    assert_eq!(snapshot_at(&pier), Some((14, 0x57d6b64f)));

    let out = play(&pier, &["--soft-mugs"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(3), "{stdout}{stderr}");
    assert!(stdout.contains("mug mismatches: 1"), "{stdout}");
    assert!(
        stdout.contains("event 15: expected 0x57d6b64e, actual 0x57d6b64f"),
        "{stdout}"
    );
    assert!(
        stdout.contains("now at event 22, mug 0x57d6b64f"),
        "{stdout}"
    );
    assert_eq!(snapshot_at(&pier), Some((22, 0x57d6b64f)));
    assert_eq!(files_outside_chk(&pier), before, "the log is unchanged");
}

#[test]
fn bad_usage_and_missing_logs_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = play(&dir.path().join("nope"), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).1.contains("no pier at"), "{}", text(&out).1);

    let out = play(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out).1;
    assert!(
        stderr.contains(".urb/log") && stderr.contains("no event log"),
        "{stderr}"
    );

    let out = play(dir.path(), &["--loom", "31", "--memory-limit-mib", "10"]);
    assert_eq!(out.status.code(), Some(2), "clap: conflicting options");
    let out = play(dir.path(), &["--bogus"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_documents_the_exit_statuses() {
    let out = mars().args(["play", "--help"]).output().expect("help");
    let help = text(&out).0;
    for needle in [
        "--replay-to",
        "--snap-at",
        "--full",
        "--soft-mugs",
        "--loom",
        "Exit status",
    ] {
        assert!(help.contains(needle), "{needle}: {help}");
    }
}

/// A synthetic kernel and the log of a pier that runs it.
struct Synthetic {
    _dir: tempfile::TempDir,
    pier: PathBuf,
    /// The kernel's mug (it never changes).
    mug: u32,
}

/// Job values understood by the synthetic kernel's poke.
const CRASH: u64 = 0;
const LOOP: u64 = 1;
const OK: u64 = 2;

/// A pier with life 1 whose events 2.. are `jobs`; each event's stored mug
/// is the kernel's, or `mugs[i]` where given.
fn synthetic(jobs: &[u64], mugs: &[(usize, u32)]) -> Synthetic {
    let mut h = Heap::new(HeapConfig {
        limit_bytes: 1 << 30,
        ..HeapConfig::default()
    })
    .expect("heap");
    let d = Noun::direct;
    // Poke gate battery: crash on 0, loop on 1, else [~ kernel].
    let lp = {
        let a = h.cell(d(0), d(1));
        let b = h.cell(d(0), d(2));
        h.tuple(&[d(2), a, b])
    };
    let ok = {
        let nil = h.cell(d(1), d(0));
        let ctx = h.cell(d(0), d(7));
        h.cell(nil, ctx)
    };
    let is = |h: &mut Heap, v: u64| {
        let sample = h.cell(d(0), d(6));
        let lit = h.cell(d(1), d(v));
        h.tuple(&[d(5), sample, lit])
    };
    let is_loop = is(&mut h, LOOP);
    let inner = h.tuple(&[d(6), is_loop, lp, ok]);
    let is_crash = is(&mut h, CRASH);
    let crash = h.cell(d(0), d(0));
    let battery = h.tuple(&[d(6), is_crash, crash, inner]);
    // Arm 23 builds the gate [battery 0 kernel].
    let arm = {
        let bat = h.cell(d(1), battery);
        let zero = h.cell(d(1), d(0));
        let me = h.cell(d(0), d(1));
        let rest = h.cell(zero, me);
        h.cell(bat, rest)
    };
    let kernel = {
        let a = h.cell(d(0), arm);
        let b = h.cell(d(0), a);
        let c = h.cell(d(0), b);
        h.cell(c, d(0))
    };
    let mug = mars_noun::mug(kernel);
    let product = h.tuple(&[d(0), d(0), kernel]);
    let life = h.cell(d(1), product);

    let dir = tempfile::tempdir().expect("tempdir");
    let pier = dir.path().join("zod");
    std::fs::create_dir_all(&pier).expect("pier");
    let mut events = vec![Event {
        number: 1,
        mug: 0,
        jam: mars_serial::jam(life),
    }];
    for (i, job) in jobs.iter().enumerate() {
        let stored = mugs
            .iter()
            .find(|(at, _)| *at == i + 2)
            .map_or(mug, |(_, m)| *m);
        events.push(Event {
            number: i as u64 + 2,
            mug: stored,
            jam: mars_serial::jam(d(*job)),
        });
    }
    let mut w = Writer::create(&pier, &Meta::new(0, true, 1)).expect("log");
    w.append(&events).expect("append");
    Synthetic {
        _dir: dir,
        pier,
        mug,
    }
}

#[test]
fn a_crashing_event_saves_the_last_good_state() {
    let s = synthetic(&[OK, OK, OK, CRASH, OK], &[]);
    let out = play(&s.pier, &[]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("event 5 crashed: %exit"), "{stderr}");
    assert!(stderr.contains("saved the state after event 4"), "{stderr}");
    assert_eq!(snapshot_at(&s.pier), Some((4, s.mug)));
    // The next run starts from there and fails on the same event.
    let out = play(&s.pier, &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out).1;
    assert!(stderr.contains("play: events 5-6 of 6"), "{stderr}");
    assert!(
        stderr.contains("data.pma is unchanged (event 4)"),
        "{stderr}"
    );
}

#[test]
fn an_event_that_does_not_cue_is_a_corrupt_log() {
    let s = synthetic(&[OK, OK, OK], &[]);
    rewrite_log(&s.pier, |events| events[2].jam = vec![0]);
    let out = play(&s.pier, &[]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stderr.contains("event 3"), "{stderr}");
    assert_eq!(snapshot_at(&s.pier), Some((2, s.mug)));
}

#[test]
fn snap_at_saves_while_replaying() {
    // Events 2-1201; event 1201 has a wrong stored mug, so the replay stops
    // there, saving event 1200. With --snap-at a snapshot is also taken
    // after the first batch (the lifecycle and events 2-1025).
    let jobs = vec![OK; 1200];
    let s = synthetic(&jobs, &[(1201, 0x1234)]);
    let out = play(&s.pier, &[]);
    let stderr = text(&out).1;
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        !stderr.contains("saved the state after event 1025"),
        "{stderr}"
    );
    assert_eq!(snapshot_at(&s.pier), Some((1200, s.mug)));
    std::fs::remove_file(data_pma(&s.pier)).expect("rm data.pma");
    let out = play(&s.pier, &["--snap-at", "500"]);
    let stderr = text(&out).1;
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("event 1201: mug mismatch: expected 0x00001234"),
        "{stderr}"
    );
    assert!(
        stderr.contains("play: saved the state after event 1025"),
        "{stderr}"
    );
    assert_eq!(snapshot_at(&s.pier), Some((1200, s.mug)));
}

#[test]
fn a_snapshot_that_disagrees_with_the_log_is_refused() {
    let Some((_dir, baby)) = support::shared_pier("baby-zod") else {
        return;
    };
    assert_eq!(play(&baby, &[]).status.code(), Some(0));
    let s = synthetic(&[OK; 30], &[]);
    std::fs::create_dir_all(s.pier.join(".urb/chk")).expect("chk");
    std::fs::copy(data_pma(&baby), data_pma(&s.pier)).expect("copy");
    let out = play(&s.pier, &[]);
    let stderr = text(&out).1;
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("disagrees with the log"), "{stderr}");
    assert!(stderr.contains("--full"), "{stderr}");
    // --full sets it aside and replays from the start.
    let out = play(&s.pier, &["--full"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);
    assert_eq!(snapshot_at(&s.pier), Some((31, s.mug)));
}

#[test]
fn ctrl_c_saves_the_last_good_state_and_exits_1() {
    let s = synthetic(&[OK, OK, LOOP, OK], &[]);
    let mut child = mars()
        .arg("play")
        .arg(&s.pier)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut seen = String::new();
    // The handlers are in place once playback starts.
    while !seen.contains("playback starting") {
        let mut line = String::new();
        if stderr.read_line(&mut line).expect("read") == 0 {
            break;
        }
        seen.push_str(&line);
    }
    assert!(seen.contains("playback starting"), "{seen}");
    std::thread::sleep(Duration::from_millis(300));
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).expect("kill");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "no exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).expect("read");
    seen.push_str(&rest);
    assert_eq!(status.code(), Some(1), "{seen}");
    assert!(seen.contains("interrupted at event 4 (%intr)"), "{seen}");
    assert!(seen.contains("saved the state after event 3"), "{seen}");
    assert_eq!(snapshot_at(&s.pier), Some((3, s.mug)));
}
