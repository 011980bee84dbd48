//! The reference piers made by vere v3.0 (`shared/test-piers`): every event's
//! stored mug and length must match `<pier>.events.txt`, and the META and
//! epochs must match the README.
//!
//! `shared/` is read-only: each test either copies the pier to a temporary
//! directory (locked mode creates `lock.mdb`) or opens it in place with
//! `OpenMode::NoLock` and checks that no file changed. Without `shared/` the
//! tests print "skipping" and pass.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use mars_eventlog::{Event, EventLog, Meta, OpenMode, ReadErrorKind, Writer};

/// `$MARS_SHARED_DIR`, else `<crate>/../../../shared`; `None` if absent.
fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("MARS_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    if dir.join("test-piers").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared not found ({})", dir.display());
        None
    }
}

/// One line of `<pier>.events.txt`.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    epoch: u64,
    number: u64,
    mug: u32,
    len: usize,
}

/// Parses `== epoch 0i<N>` headers and `<n> mug=<hex> len=<n> ...` lines.
fn parse_events_txt(path: &Path) -> Vec<Expected> {
    let text = fs::read_to_string(path).unwrap();
    let mut epoch = None;
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix("== epoch 0i") {
            epoch = Some(name.trim().parse().unwrap());
            continue;
        }
        let mut words = line.split_whitespace();
        let number: u64 = words.next().unwrap().parse().unwrap();
        let mug = words.next().unwrap().strip_prefix("mug=").unwrap();
        let mug = u32::from_str_radix(mug, 16).unwrap();
        let len = line
            .split("len=")
            .nth(1)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        out.push(Expected {
            epoch: epoch.expect("event before any epoch header"),
            number,
            mug,
            len: len.parse().unwrap(),
        });
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its content.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.insert(path.clone(), Vec::new());
                stack.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

struct Reference {
    name: &'static str,
    meta: Meta,
    /// (base, first, last) of each epoch.
    epochs: &'static [(u64, u64, u64)],
    count: usize,
    last_mug: u32,
}

const BABY: Reference = Reference {
    name: "baby-zod",
    meta: Meta {
        version: 3,
        who: 0,
        fake: true,
        life: 2,
    },
    epochs: &[(0, 1, 22)],
    count: 22,
    last_mug: 0x57d6_b64f,
};

const BRASS: Reference = Reference {
    name: "brass-zod",
    meta: Meta {
        version: 3,
        who: 0,
        fake: true,
        life: 5,
    },
    epochs: &[(0, 1, 42), (42, 43, 58)],
    count: 58,
    last_mug: 0x307c_216e,
};

/// Checks an open reference log against the README and its events.txt.
fn check(log: &mut EventLog, reference: &Reference, expected: &[Expected]) {
    assert_eq!(*log.meta(), reference.meta);
    let epochs: Vec<(u64, u64, u64)> = log
        .epochs()
        .iter()
        .map(|e| (e.base, e.first(), e.last))
        .collect();
    assert_eq!(epochs, reference.epochs);
    for epoch in log.epochs() {
        assert_eq!(epoch.vere_version.as_deref(), Some("3.0"));
    }
    assert_eq!(log.first_event(), 1);
    assert_eq!(log.last_event().unwrap(), reference.count as u64);
    assert_eq!(expected.len(), reference.count);

    let events: Vec<Event> = log.iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(events.len(), reference.count);
    for (event, want) in events.iter().zip(expected) {
        assert_eq!(event.number, want.number);
        assert_eq!(event.mug, want.mug, "mug of event {}", want.number);
        assert_eq!(
            event.stored_len(),
            want.len,
            "length of event {}",
            want.number
        );
        let epoch = log
            .epochs()
            .iter()
            .rev()
            .find(|e| e.base < event.number)
            .unwrap();
        assert_eq!(epoch.base, want.epoch, "epoch of event {}", want.number);
    }
    assert_eq!(events.last().unwrap().mug, reference.last_mug);
    // Boot events (1..=life at least) are stored with mug 0.
    for event in &events[..reference.meta.life as usize] {
        assert_eq!(event.mug, 0);
    }

    // Small batches and explicit reads give the same events.
    let small: Vec<Event> = log.iter().batch_size(3).collect::<Result<_, _>>().unwrap();
    assert_eq!(small, events);
    for from in 1..=reference.count as u64 {
        let batch = log.read(from, 5).unwrap();
        let want: Vec<&Event> = events.iter().skip(from as usize - 1).take(5).collect();
        assert_eq!(batch.iter().collect::<Vec<_>>(), want, "read({from}, 5)");
    }
    assert!(log.read(reference.count as u64 + 1, 5).unwrap().is_empty());
    assert!(matches!(
        log.read(0, 1).unwrap_err().kind(),
        ReadErrorKind::BeforeFirst { event: 0, first: 1 }
    ));
}

fn run_on_copy(reference: &Reference) {
    let Some(shared) = shared_dir() else { return };
    let piers = shared.join("test-piers");
    let expected = parse_events_txt(&piers.join(format!("{}.events.txt", reference.name)));
    let tmp = tempfile::tempdir().unwrap();
    let pier = tmp.path().join(reference.name);
    copy_dir(&piers.join(reference.name), &pier);
    let mut log = EventLog::open(&pier, OpenMode::Locked).unwrap();
    check(&mut log, reference, &expected);
}

fn run_in_place(reference: &Reference) {
    let Some(shared) = shared_dir() else { return };
    let piers = shared.join("test-piers");
    let expected = parse_events_txt(&piers.join(format!("{}.events.txt", reference.name)));
    let pier = piers.join(reference.name);
    let before = snapshot(&pier);
    {
        let mut log = EventLog::open(&pier, OpenMode::NoLock).unwrap();
        check(&mut log, reference, &expected);
    }
    assert_eq!(snapshot(&pier), before, "NoLock mode changed shared files");
}

#[test]
fn baby_zod_copy() {
    run_on_copy(&BABY);
}

#[test]
fn baby_zod_in_place_without_lock() {
    run_in_place(&BABY);
}

#[test]
fn brass_zod_copy() {
    run_on_copy(&BRASS);
}

#[test]
fn brass_zod_in_place_without_lock() {
    run_in_place(&BRASS);
}

#[test]
fn brass_zod_reads_across_the_epoch_boundary() {
    let Some(shared) = shared_dir() else { return };
    let pier = shared.join("test-piers").join("brass-zod");
    let mut log = EventLog::open(&pier, OpenMode::NoLock).unwrap();
    let numbers: Vec<u64> = log.read(40, 6).unwrap().iter().map(|e| e.number).collect();
    assert_eq!(numbers, [40, 41, 42, 43, 44, 45]);
    let events = log.read(42, 2).unwrap();
    assert_eq!((events[0].mug, events[1].mug), (0x2bfb_db41, 0x6b5d_a35d));
}

/// Rewrites brass-zod through [`Writer`] (rolling at 42 as vere did) and
/// reads back the same META, epochs and events.
#[test]
fn brass_zod_rewritten_by_writer_reads_back_identical() {
    let Some(shared) = shared_dir() else { return };
    let original = {
        let pier = shared.join("test-piers").join("brass-zod");
        let mut log = EventLog::open(&pier, OpenMode::NoLock).unwrap();
        let events: Vec<Event> = log.iter().collect::<Result<_, _>>().unwrap();
        (*log.meta(), events)
    };
    let (meta, events) = original;
    let tmp = tempfile::tempdir().unwrap();
    {
        let mut writer = Writer::create(tmp.path(), &meta).unwrap();
        writer.append(&events[..42]).unwrap();
        assert_eq!(writer.roll().unwrap(), 42);
        for chunk in events[42..].chunks(5) {
            writer.append(chunk).unwrap();
        }
    }
    let mut log = EventLog::open(tmp.path(), OpenMode::Locked).unwrap();
    let expected = parse_events_txt(&shared.join("test-piers/brass-zod.events.txt"));
    check(&mut log, &BRASS, &expected);
    let reread: Vec<Event> = log.iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(reread, events);
}
