//! One test per kind of damaged log. Each builds a small three-epoch pier
//! (`0i0` 1-3, `0i3` 4-6, `0i6` 7-9) with [`Writer`](crate::Writer), damages
//! it the way it could be damaged on disk, and checks that opening (or
//! reading) fails with the right typed error naming the right file and
//! event, in both open modes, and that no file of the pier was changed
//! (`lock.mdb` files excepted: LMDB's lock file changes whenever anyone opens
//! the environment with locking).
//!
//! * gap inside an epoch: a key deleted from the middle of EVENTS;
//! * epoch not starting at N+1: the first key of `0i3` deleted;
//! * missing epoch: directory `0i3` deleted;
//! * overlapping epochs: `0i3` holding event 7 that `0i6` also starts at;
//! * value of 4 bytes or less: found when the event is read;
//! * wrong `version` in the top-level META;
//! * a META key missing (top-level and latest epoch);
//! * latest epoch's META disagreeing with the top-level META;
//! * bad or missing `epoc.txt`;
//! * no epoch at all, no log at all;
//! * entries of `.urb/log` that are not epochs (`0ifoo`, `0i007`, files) are
//!   ignored rather than misread.

use std::fs;
use std::path::Path;

use crate::error::{MetaError, OpenError, OpenErrorKind, ReadErrorKind};
use crate::event::encode_value;
use crate::log::{EventLog, OpenMode};
use crate::test_support::{
    delete_event, edit_env, epoch_dir, events, log_dir, make_pier, put_event, snapshot,
};

/// Opens `pier` in both modes, expecting failure; checks that both fail the
/// same way and that no file changed. Returns the error.
fn open_fails(pier: &Path) -> OpenError {
    let before = snapshot(pier);
    let locked = EventLog::open(pier, OpenMode::Locked).unwrap_err();
    let no_lock = EventLog::open(pier, OpenMode::NoLock).unwrap_err();
    assert_eq!(locked.to_string(), no_lock.to_string());
    assert_eq!(snapshot(pier), before, "open changed the pier's files");
    locked
}

fn three_epochs() -> tempfile::TempDir {
    make_pier(&[3, 6, 9])
}

#[test]
fn intact_pier_opens() {
    let pier = three_epochs();
    let before = snapshot(pier.path());
    for mode in [OpenMode::Locked, OpenMode::NoLock] {
        let mut log = EventLog::open(pier.path(), mode).unwrap();
        assert_eq!(log.read(1, 100).unwrap(), events(1, 9));
    }
    assert_eq!(snapshot(pier.path()), before);
}

#[test]
fn gap_inside_an_epoch() {
    let pier = three_epochs();
    delete_event(&epoch_dir(pier.path(), 3), 5);
    let err = open_fails(pier.path());
    assert!(matches!(
        err.kind(),
        OpenErrorKind::Gap {
            expected: 5,
            found: 6
        }
    ));
    assert_eq!(err.path(), epoch_dir(pier.path(), 3));
}

#[test]
fn gap_inside_the_latest_epoch() {
    let pier = three_epochs();
    delete_event(&epoch_dir(pier.path(), 6), 8);
    let err = open_fails(pier.path());
    assert!(matches!(
        err.kind(),
        OpenErrorKind::Gap {
            expected: 8,
            found: 9
        }
    ));
    assert_eq!(err.path(), epoch_dir(pier.path(), 6));
}

#[test]
fn gap_appearing_after_open_is_found_by_read() {
    let pier = three_epochs();
    // NoLock takes no process-wide claim, so the environment can be edited
    // while the log is open (acceptable here: nothing reads concurrently).
    let mut log = EventLog::open(pier.path(), OpenMode::NoLock).unwrap();
    delete_event(&epoch_dir(pier.path(), 6), 8);
    let before = snapshot(pier.path());
    let err = log.read(6, 10).unwrap_err();
    assert!(matches!(
        err.kind(),
        ReadErrorKind::Gap {
            expected: 8,
            found: 9
        }
    ));
    assert_eq!(err.path(), epoch_dir(pier.path(), 6));
    let err = log.read(8, 1).unwrap_err();
    assert!(matches!(
        err.kind(),
        ReadErrorKind::Gap {
            expected: 8,
            found: 9
        }
    ));
    assert_eq!(snapshot(pier.path()), before);
}

#[test]
fn epoch_not_starting_after_its_base() {
    let pier = three_epochs();
    delete_event(&epoch_dir(pier.path(), 3), 4);
    let err = open_fails(pier.path());
    assert!(matches!(
        err.kind(),
        OpenErrorKind::EpochStart { base: 3, first: 5 }
    ));
    assert_eq!(err.path(), epoch_dir(pier.path(), 3));
}

#[test]
fn missing_epoch() {
    let pier = three_epochs();
    fs::remove_dir_all(epoch_dir(pier.path(), 3)).unwrap();
    let err = open_fails(pier.path());
    assert!(matches!(
        err.kind(),
        OpenErrorKind::MissingEpoch {
            previous_last: 3,
            next_base: 6
        }
    ));
    assert_eq!(err.path(), epoch_dir(pier.path(), 6));
    assert!(
        err.to_string().contains("events 4 to 6 are missing"),
        "{err}"
    );
}

#[test]
fn overlapping_epochs() {
    let pier = three_epochs();
    put_event(&epoch_dir(pier.path(), 3), 7, &encode_value(1, b"x"));
    let err = open_fails(pier.path());
    assert!(matches!(
        err.kind(),
        OpenErrorKind::EpochOverlap {
            previous_last: 7,
            next_base: 6
        }
    ));
    assert_eq!(err.path(), epoch_dir(pier.path(), 6));
}

#[test]
fn value_of_four_bytes_or_less() {
    for len in 0..=4 {
        let pier = three_epochs();
        put_event(&epoch_dir(pier.path(), 3), 5, &vec![7u8; len]);
        let before = snapshot(pier.path());
        for mode in [OpenMode::Locked, OpenMode::NoLock] {
            // Opening does not read values; reading event 5 fails.
            let mut log = EventLog::open(pier.path(), mode).unwrap();
            assert_eq!(log.read(1, 4).unwrap(), events(1, 4));
            let err = log.read(1, 9).unwrap_err();
            assert!(
                matches!(err.kind(), ReadErrorKind::ShortValue { event: 5, len: l } if *l == len),
                "{err}"
            );
            assert_eq!(err.path(), epoch_dir(pier.path(), 3));
            let err = log.iter().find_map(Result::err).unwrap();
            assert!(matches!(
                err.kind(),
                ReadErrorKind::ShortValue { event: 5, .. }
            ));
        }
        assert_eq!(snapshot(pier.path()), before);
    }
}

#[test]
fn wrong_version() {
    for (value, found) in [(&[2u8][..], 2), (&[][..], 0), (&[3, 1][..], 0x103)] {
        let pier = three_epochs();
        edit_env(&log_dir(pier.path()), |txn, meta, _| {
            txn.put(meta, b"version", value, false).unwrap();
        });
        let err = open_fails(pier.path());
        assert!(
            matches!(err.kind(), OpenErrorKind::WrongVersion { found: f } if *f == found),
            "{err}"
        );
        assert_eq!(err.path(), log_dir(pier.path()));
    }
}

#[test]
fn missing_meta_key() {
    for key in ["version", "who", "fake", "life"] {
        let pier = three_epochs();
        edit_env(&log_dir(pier.path()), |txn, meta, _| {
            assert!(txn.del(meta, key.as_bytes()).unwrap());
        });
        let err = open_fails(pier.path());
        assert!(
            matches!(err.kind(), OpenErrorKind::Meta(MetaError::MissingKey { key: k }) if *k == key),
            "{err}"
        );
        assert_eq!(err.path(), log_dir(pier.path()));
    }
}

#[test]
fn missing_meta_key_in_latest_epoch() {
    let pier = three_epochs();
    edit_env(&epoch_dir(pier.path(), 6), |txn, meta, _| {
        assert!(txn.del(meta, b"who").unwrap());
    });
    let err = open_fails(pier.path());
    assert!(matches!(
        err.kind(),
        OpenErrorKind::Meta(MetaError::MissingKey { key: "who" })
    ));
    assert_eq!(err.path(), epoch_dir(pier.path(), 6));
}

#[test]
fn latest_epoch_meta_disagrees() {
    let pier = three_epochs();
    edit_env(&epoch_dir(pier.path(), 6), |txn, meta, _| {
        txn.put(meta, b"life", &[5], false).unwrap();
    });
    let err = open_fails(pier.path());
    assert!(matches!(
        err.kind(),
        OpenErrorKind::MetaMismatch { field: "life" }
    ));
}

#[test]
fn bad_fake_bit() {
    let pier = three_epochs();
    edit_env(&log_dir(pier.path()), |txn, meta, _| {
        txn.put(meta, b"fake", &[2], false).unwrap();
    });
    let err = open_fails(pier.path());
    assert!(matches!(
        err.kind(),
        OpenErrorKind::Meta(MetaError::BadFake { value: 2 })
    ));
}

#[test]
fn bad_epoc_txt() {
    for content in ["2", "", "1.0", "one"] {
        let pier = three_epochs();
        let path = epoch_dir(pier.path(), 3).join("epoc.txt");
        fs::write(&path, content).unwrap();
        let err = open_fails(pier.path());
        assert!(
            matches!(err.kind(), OpenErrorKind::BadEpocTxt { found } if found == content),
            "{err}"
        );
        assert_eq!(err.path(), path);
    }
}

#[test]
fn missing_epoc_txt() {
    let pier = three_epochs();
    let path = epoch_dir(pier.path(), 6).join("epoc.txt");
    fs::remove_file(&path).unwrap();
    let err = open_fails(pier.path());
    assert!(matches!(err.kind(), OpenErrorKind::MissingFile));
    assert_eq!(err.path(), path);
}

#[test]
fn missing_data_mdb() {
    let pier = three_epochs();
    let path = epoch_dir(pier.path(), 3).join("data.mdb");
    fs::remove_file(&path).unwrap();
    let err = open_fails(pier.path());
    assert!(matches!(err.kind(), OpenErrorKind::MissingFile));
    assert_eq!(err.path(), path);
}

#[test]
fn no_epochs() {
    let pier = three_epochs();
    for base in [0, 3, 6] {
        fs::remove_dir_all(epoch_dir(pier.path(), base)).unwrap();
    }
    let err = open_fails(pier.path());
    assert!(matches!(err.kind(), OpenErrorKind::NoEpochs));
}

#[test]
fn no_log() {
    let pier = tempfile::tempdir().unwrap();
    let err = open_fails(pier.path());
    assert!(matches!(err.kind(), OpenErrorKind::NoLog));
    assert_eq!(err.path(), log_dir(pier.path()));
}

#[test]
fn non_epoch_entries_are_ignored() {
    let pier = three_epochs();
    let log = log_dir(pier.path());
    for name in ["0ifoo", "0i007", "0i9x", "tmp-0i9", "0i"] {
        fs::create_dir(log.join(name)).unwrap();
        // Junk that would fail if it were read as an epoch.
        fs::write(log.join(name).join("epoc.txt"), "2").unwrap();
    }
    fs::write(log.join("0i12"), "a file, not a directory").unwrap();
    let before = snapshot(pier.path());
    for mode in [OpenMode::Locked, OpenMode::NoLock] {
        let mut log = EventLog::open(pier.path(), mode).unwrap();
        let bases: Vec<u64> = log.epochs().iter().map(|e| e.base).collect();
        assert_eq!(bases, [0, 3, 6]);
        assert_eq!(log.read(1, 100).unwrap(), events(1, 9));
    }
    assert_eq!(snapshot(pier.path()), before);
}
