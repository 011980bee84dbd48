//! Faults injected into every filesystem call of open + save and of
//! quarantine: the previous snapshot stays loadable and intact (or, for a
//! fault after the rename, the new one is there whole), the store refuses
//! further use, temporary files do not pile up, and vere's files in
//! `.urb/chk` are never touched by any operation.

mod support;

use std::fs;
use std::path::Path;

use mars_snapshot::fault::{Fault, FaultIo, Op};
use mars_snapshot::{
    LoadErrorKind, QuarantineErrorKind, SaveErrorKind, Step, Store, BAD_PREFIX, FILE_NAME, TMP_NAME,
};
use support::{bytes, chk, meta, names, vere_state, with_vere_files, MIB};

const EIO: i32 = 5;
const EACCES: i32 = 13;
const ENOSPC: i32 = 28;
const EROFS: i32 = 30;

/// The old snapshot: several chunks, so a save makes several writes.
const OLD_LEN: usize = 3 * MIB + 7;
const NEW_LEN: usize = 2 * MIB + 3;

fn old_payload() -> Vec<u8> {
    bytes(1, OLD_LEN)
}
fn new_payload() -> Vec<u8> {
    bytes(2, NEW_LEN)
}

/// A pier with vere's files and snapshot `1`.
fn pier_with_old() -> (tempfile::TempDir, support::VereState) {
    let d = tempfile::tempdir().unwrap();
    let vere = with_vere_files(d.path());
    Store::open(d.path())
        .unwrap()
        .save(&meta(1), &old_payload())
        .unwrap();
    (d, vere)
}

/// Opens with `io` and saves snapshot `2`; returns the save's result (an
/// open failure counts as a failed save) and whether the store ended
/// poisoned.
fn open_and_save(pier: &Path, io: FaultIo) -> (bool, bool) {
    match Store::open_with(pier, Box::new(io)) {
        Err(_) => (false, false),
        Ok(mut s) => {
            let ok = s.save(&meta(2), &new_payload()).is_ok();
            (ok, s.is_poisoned())
        }
    }
}

/// What a fresh store loads: 1 (old), 2 (new); anything else fails.
fn loaded_event(pier: &Path) -> u64 {
    let (m, p) = Store::open(pier)
        .unwrap()
        .load()
        .unwrap_or_else(|e| panic!("load after fault: {e}"))
        .expect("snapshot vanished");
    match m.event {
        1 => assert!(p == old_payload(), "old payload changed"),
        2 => assert!(p == new_payload(), "new payload wrong"),
        e => panic!("loaded event {e}"),
    }
    assert_eq!(m, meta(m.event));
    m.event
}

/// Every call of a clean open + save, failed in each way in turn.
#[test]
fn a_fault_at_any_call_of_save_keeps_a_whole_snapshot() {
    let (d, _) = pier_with_old();
    let clean = FaultIo::new();
    assert_eq!(open_and_save(d.path(), clean.clone()), (true, false));
    let calls = clean.calls();
    let create_at = calls.iter().position(|&o| o == Op::CreateTruncate).unwrap();
    let rename_at = calls.iter().position(|&o| o == Op::Rename).unwrap();
    assert!(calls.iter().filter(|&&o| o == Op::WriteAt).count() >= 4);
    assert_eq!(calls.last(), Some(&Op::SyncDir));

    let mut cases = 0;
    for (i, &op) in calls.iter().enumerate() {
        for fault in [
            Fault::Fail(EIO),
            Fault::Fail(ENOSPC),
            Fault::FailAfter(EIO),
            Fault::Crash,
        ] {
            let (d, vere) = pier_with_old();
            let io = FaultIo::new().at_call(i, fault);
            let (ok, poisoned) = open_and_save(d.path(), io.clone());
            let what = format!("call {i} ({op:?}), {fault:?}");
            assert!(io.fired() >= 1, "{what}: not fired");
            assert!(!ok, "{what}: save reported success");
            if i >= create_at {
                // Past open: the store must refuse further use.
                assert!(poisoned, "{what}: not poisoned");
            }
            let event = loaded_event(d.path());
            let effect_done = matches!(fault, Fault::FailAfter(_));
            if i < rename_at || (i == rename_at && !effect_done) {
                assert_eq!(event, 1, "{what}: old snapshot replaced");
            } else {
                assert_eq!(event, 2, "{what}: new snapshot not in place");
            }
            assert_eq!(vere_state(d.path()), vere, "{what}: vere's files touched");
            let mut expected: Vec<String> = support::VERE_FILES
                .iter()
                .map(|s| s.to_string())
                .chain([FILE_NAME.to_string()])
                .collect();
            // Only a crash after the file was created and before it was
            // renamed leaves it (a dead process cannot clean up).
            if fault == Fault::Crash && create_at < i && i <= rename_at {
                expected.push(TMP_NAME.to_string());
            }
            expected.sort();
            assert_eq!(names(d.path()), expected, "{what}");

            // Reopened, the store works again.
            let mut s = Store::open(d.path()).unwrap();
            s.save(&meta(3), b"three").unwrap();
            assert_eq!(s.load().unwrap(), Some((meta(3), b"three".to_vec())));
            cases += 1;
        }
    }
    assert!(cases >= 40, "{cases}");
}

/// Short writes (as a nearly full disk or a signal gives) are completed by
/// further writes; when the disk then stays full, the save fails cleanly.
#[test]
fn short_writes_then_disk_full() {
    let (d, _) = pier_with_old();
    let clean = FaultIo::new();
    open_and_save(d.path(), clean.clone());
    let writes = clean.calls().iter().filter(|&&o| o == Op::WriteAt).count();

    for nth in 0..writes {
        for short in [0, 1, 100] {
            let (d, vere) = pier_with_old();
            // Only a short write: the save completes it.
            if short > 0 {
                let io = FaultIo::new().at_op(Op::WriteAt, nth, Fault::Short(short));
                assert_eq!(open_and_save(d.path(), io.clone()), (true, false));
                assert_eq!(io.fired(), 1);
                assert_eq!(loaded_event(d.path()), 2);
            }
            // A short write, then no space left for good.
            let (d2, _) = pier_with_old();
            let io = FaultIo::new()
                .at_op(Op::WriteAt, nth, Fault::Short(short))
                .from_op(Op::WriteAt, nth + 1, Fault::Fail(ENOSPC));
            let mut s = Store::open_with(d2.path(), Box::new(io)).unwrap();
            let e = s.save(&meta(2), &new_payload()).unwrap_err();
            assert_eq!(e.path(), chk(d2.path()).join(TMP_NAME));
            match e.kind() {
                SaveErrorKind::Io {
                    step: Step::Write,
                    source,
                } if short == 0 => assert_eq!(source.kind(), std::io::ErrorKind::WriteZero),
                SaveErrorKind::Io {
                    step: Step::Write,
                    source,
                } => assert_eq!(source.raw_os_error(), Some(ENOSPC)),
                k => panic!("{k:?}"),
            }
            assert!(e.to_string().contains("data.pma.tmp: write failed"), "{e}");
            assert_eq!(loaded_event(d2.path()), 1);
            assert!(!chk(d2.path()).join(TMP_NAME).exists(), "tmp not removed");
            assert_eq!(vere_state(d.path()), vere);
        }
    }
}

/// Permission denied and read-only filesystem at create: typed errors
/// naming the file; nothing changes.
#[test]
fn permission_and_read_only_errors_name_the_path() {
    for errno in [EACCES, EROFS] {
        let (d, _) = pier_with_old();
        let io = FaultIo::new().at_op(Op::CreateTruncate, 0, Fault::Fail(errno));
        let mut s = Store::open_with(d.path(), Box::new(io)).unwrap();
        let e = s.save(&meta(2), &new_payload()).unwrap_err();
        assert_eq!(e.path(), chk(d.path()).join(TMP_NAME));
        assert!(matches!(
            e.kind(),
            SaveErrorKind::Io { step: Step::Create, source } if source.raw_os_error() == Some(errno)
        ));
        assert_eq!(loaded_event(d.path()), 1);
    }
}

/// The same on a real read-only directory, where the test is not run as
/// root (root may write anyway).
#[test]
fn real_read_only_directory() {
    use std::os::unix::fs::PermissionsExt;
    let (d, vere) = pier_with_old();
    let dir = chk(d.path());
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.join("probe");
    let root_like = fs::write(&probe, b"").is_ok();
    let _ = fs::remove_file(&probe);
    if !root_like {
        let mut s = Store::open(d.path()).unwrap();
        let e = s.save(&meta(2), &new_payload()).unwrap_err();
        assert_eq!(e.path(), dir.join(TMP_NAME));
        assert!(matches!(
            e.kind(),
            SaveErrorKind::Io {
                step: Step::Create,
                ..
            }
        ));
        assert!(s.is_poisoned());
        let e = s.quarantine("x").unwrap_err();
        assert!(matches!(e.kind(), QuarantineErrorKind::Poisoned));
        let e = Store::open(d.path()).unwrap().quarantine("x").unwrap_err();
        assert!(matches!(e.kind(), QuarantineErrorKind::Io { .. }));
    } else {
        eprintln!("running as root: directory permissions not enforced, fault-injected test only");
    }
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(loaded_event(d.path()), 1);
    assert_eq!(vere_state(d.path()), vere);
}

/// A failed quarantine: the snapshot is where it was (fault before the
/// rename) or under its new name (after), never gone.
#[test]
fn a_fault_in_quarantine_never_loses_the_file() {
    let (d, _) = pier_with_old();
    let clean = FaultIo::new().with_clock(42);
    let mut s = Store::open_with(d.path(), Box::new(clean.clone())).unwrap();
    let before = clean.calls().len();
    s.quarantine("clean run").unwrap();
    let calls = clean.calls()[before..].to_vec();
    assert_eq!(calls[..2], [Op::RenameNoreplace, Op::SyncDir]);

    let whole = |pier: &Path| {
        let mut found = 0;
        for name in names(pier) {
            if name == FILE_NAME || (name.starts_with(BAD_PREFIX) && !name.ends_with(".why")) {
                let bytes = fs::read(chk(pier).join(&name)).unwrap();
                assert_eq!(&bytes[mars_snapshot::HEADER_LEN..], &old_payload()[..]);
                found += 1;
            }
        }
        found
    };
    for (i, &op) in calls.iter().enumerate() {
        for fault in [Fault::Fail(EIO), Fault::FailAfter(EIO), Fault::Crash] {
            let (d, vere) = pier_with_old();
            let io = FaultIo::new().with_clock(42);
            let mut s = Store::open_with(d.path(), Box::new(io.clone())).unwrap();
            let io = io.at_call(before + i, fault);
            let r = s.quarantine("faulty");
            let what = format!("{op:?} {fault:?}: {r:?}");
            assert_eq!(io.fired(), 1, "{what}");
            assert_eq!(whole(d.path()), 1, "{what}");
            if op == Op::RenameNoreplace || op == Op::SyncDir {
                assert!(r.is_err(), "{what}");
                assert!(s.is_poisoned(), "{what}");
            } else {
                // The note is best effort.
                assert!(r.is_ok(), "{what}");
            }
            assert_eq!(vere_state(d.path()), vere);
        }
    }
}

/// vere's files are byte-identical (same inode, same mtime) after every
/// operation: open, load, save, failed saves, quarantine.
#[test]
fn vere_files_are_never_touched() {
    let d = tempfile::tempdir().unwrap();
    let vere = with_vere_files(d.path());
    let check = |what: &str| assert_eq!(vere_state(d.path()), vere, "after {what}");

    let mut s = Store::open(d.path()).unwrap();
    check("open");
    assert_eq!(s.load().unwrap(), None);
    check("load of nothing");
    s.save(&meta(1), &bytes(1, MIB)).unwrap();
    check("save");
    s.load().unwrap().unwrap();
    check("load");
    s.save(&meta(2), &bytes(2, 10)).unwrap();
    check("second save");
    let bad = s.quarantine("test").unwrap();
    check("quarantine");
    assert!(bad.exists());
    s.quarantine("nothing").unwrap_err();
    check("quarantine of nothing");
    for fault in [Fault::Fail(ENOSPC), Fault::Crash] {
        for op in [Op::WriteAt, Op::SyncFile, Op::Rename, Op::SyncDir] {
            let io = FaultIo::new().at_op(op, 0, fault);
            let mut s = Store::open_with(d.path(), Box::new(io)).unwrap();
            s.save(&meta(3), &bytes(3, 100)).unwrap_err();
            check(&format!("save failing at {op:?} {fault:?}"));
        }
    }
    let mut s = Store::open(d.path()).unwrap();
    s.save(&meta(4), &bytes(4, 100)).unwrap();
    fs::write(s.path(), b"garbage").unwrap();
    let e = s.load().unwrap_err();
    assert!(matches!(e.kind(), LoadErrorKind::Invalid(_)));
    check("load of garbage");
    s.quarantine(&e.to_string()).unwrap();
    check("quarantine of garbage");
    assert_eq!(s.load().unwrap(), None);
    for name in support::VERE_FILES {
        assert!(chk(d.path()).join(name).exists());
    }
}

/// Quarantine in the same second, many times: distinct names, every file
/// kept with its bytes.
#[test]
fn quarantine_names_are_distinct_and_nothing_is_deleted() {
    let d = tempfile::tempdir().unwrap();
    let vere = with_vere_files(d.path());
    let io = FaultIo::new().with_clock(1_234_567_890);
    let mut s = Store::open_with(d.path(), Box::new(io)).unwrap();
    let mut moved = Vec::new();
    for event in 1..=5 {
        s.save(&meta(event), &bytes(event, 1000)).unwrap();
        moved.push((event, s.quarantine("again").unwrap()));
    }
    let mut seen: Vec<_> = moved.iter().map(|(_, p)| p.clone()).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 5);
    assert_eq!(moved[0].1.file_name().unwrap(), "data.pma.bad-1234567890");
    assert_eq!(moved[4].1.file_name().unwrap(), "data.pma.bad-1234567890-4");
    for (event, path) in &moved {
        let b = fs::read(path).unwrap();
        assert_eq!(&b[mars_snapshot::HEADER_LEN..], &bytes(*event, 1000)[..]);
    }
    // A real clock: two quarantines in a row, whatever the second.
    let mut s = Store::open(d.path()).unwrap();
    s.save(&meta(9), b"a").unwrap();
    let a = s.quarantine("a").unwrap();
    s.save(&meta(9), b"b").unwrap();
    let b = s.quarantine("b").unwrap();
    assert_ne!(a, b);
    assert_eq!(fs::read(&a).unwrap().len(), mars_snapshot::HEADER_LEN + 1);
    assert_eq!(fs::read(&b).unwrap().len(), mars_snapshot::HEADER_LEN + 1);
    assert_eq!(vere_state(d.path()), vere);
}
