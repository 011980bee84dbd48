//! Reading a log while another process has it open for writing, as the serf
//! does while vere's king runs: the reader (`OpenMode::Locked`) sees each
//! commit of the writer without reopening, and neither blocks the other.
//!
//! The writer is this test binary run again as a child process with
//! `MARS_EVENTLOG_CHILD_PIER` set, which makes `child_writer` do its work
//! (without the variable it does nothing). The two processes take turns
//! through marker files in the pier directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mars_eventlog::{Event, EventLog, Meta, OpenMode, Writer};

const CHILD_PIER: &str = "MARS_EVENTLOG_CHILD_PIER";

fn event(n: u64) -> Event {
    Event {
        number: n,
        mug: n as u32,
        jam: vec![n as u8; 3],
    }
}

fn events(from: u64, to: u64) -> Vec<Event> {
    (from..=to).map(event).collect()
}

/// Waits until `marker` exists in `dir`.
fn wait_for(dir: &Path, marker: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !dir.join(marker).exists() {
        assert!(Instant::now() < deadline, "timed out waiting for {marker}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn signal(dir: &Path, marker: &str) {
    std::fs::write(dir.join(marker), b"").unwrap();
}

/// The writing side; runs only in the child process.
#[test]
fn child_writer() {
    let Some(pier) = std::env::var_os(CHILD_PIER) else {
        return;
    };
    let pier = PathBuf::from(pier);
    let mut writer = Writer::open(&pier).unwrap();
    writer.append(&events(4, 6)).unwrap();
    signal(&pier, "appended-6");
    wait_for(&pier, "read-6");
    writer.append(&events(7, 9)).unwrap();
    signal(&pier, "appended-9");
    // Keep the environment open until the reader is done.
    wait_for(&pier, "read-9");
}

#[test]
fn reader_follows_a_writer_in_another_process() {
    if std::env::var_os(CHILD_PIER).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pier = dir.path();
    Writer::create(pier, &Meta::new(0, true, 2))
        .unwrap()
        .append(&events(1, 3))
        .unwrap();

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer", "--test-threads=1", "--nocapture"])
        .env(CHILD_PIER, pier)
        // The child's test report would mix with ours; its panics go to
        // stderr.
        .stdout(Stdio::null())
        .spawn()
        .unwrap();

    wait_for(pier, "appended-6");
    let mut log = EventLog::open(pier, OpenMode::Locked).unwrap();
    assert_eq!(log.last_event().unwrap(), 6);
    assert_eq!(log.read(1, 100).unwrap(), events(1, 6));
    signal(pier, "read-6");

    wait_for(pier, "appended-9");
    // Same handle, no reopening: the new commit is visible.
    assert_eq!(log.last_event().unwrap(), 9);
    assert_eq!(log.read(5, 100).unwrap(), events(5, 9));
    signal(pier, "read-9");

    let status = child.wait().unwrap();
    assert!(status.success(), "child writer failed: {status}");
    drop(log);
    let mut log = EventLog::open(pier, OpenMode::Locked).unwrap();
    let all: Vec<Event> = log.iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(all, events(1, 9));
}
