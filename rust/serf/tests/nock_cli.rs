//! `mars nock`: the workloads of the issue, crashes, and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mars_noun::{fmt, Heap, Noun};

const DEC: &str = "[8 [1 0] 8 [1 6 [5 [0 7] 4 0 6] [0 6] 9 2 [0 2] [4 0 6] 0 7] 9 2 0 1]";
const COPY_LIST: &str = "[8 [1 6 [3 0 3] [[1 0] 9 2 [0 2] 0 7] 1 0] 9 2 0 1]";

fn mars() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mars"))
}

fn write_job(dir: &Path, name: &str, heap: &mut Heap, subject: Noun, formula: &str) -> PathBuf {
    let f = fmt::parse(heap, formula).expect("formula");
    let job = heap.cell(subject, f);
    let path = dir.join(name);
    std::fs::write(&path, mars_serial::jam(job)).expect("write job");
    path
}

fn run(args: &[&Path]) -> Output {
    mars().arg("nock").args(args).output().expect("run mars")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

#[test]
fn naive_decrement_of_ten_million() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut heap = Heap::with_defaults().expect("heap");
    let job = write_job(dir.path(), "dec", &mut heap, Noun::direct(10_000_000), DEC);
    let o = run(&[&job]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), "9999999");
}

#[test]
fn ackermann_3_6() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut heap = Heap::with_defaults().expect("heap");
    let f = format!(
        "[8 [1 [6 [5 [1 0] 0 6] [4 0 7] [6 [5 [1 0] 0 7] [9 2 [0 2] [7 [0 6] {DEC}] [1 1]] \
         [9 2 [0 2] [7 [0 6] {DEC}] [9 2 [0 2] [0 6] [7 [0 7] {DEC}]]]]]] 9 2 [0 2] 0 3]"
    );
    let s = fmt::parse(&mut heap, "[3 6]").expect("subject");
    let job = write_job(dir.path(), "ack", &mut heap, s, &f);
    let o = run(&[&job]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(stdout(&o), "509");
}

#[test]
fn deep_recursion_with_out_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut heap = Heap::with_defaults().expect("heap");
    let list = heap.list(&vec![Noun::ZERO; 1_000_000]);
    let job = write_job(dir.path(), "deep", &mut heap, list, COPY_LIST);
    let out = dir.path().join("product");
    let o = mars()
        .arg("nock")
        .arg(&job)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert!(o.status.success(), "{o:?}");
    assert!(o.stdout.is_empty());
    let bytes = std::fs::read(&out).expect("product file");
    let mut p = mars_serial::cue(&mut heap, &bytes).expect("cue product");
    let mut len = 0;
    while let Some((h, t)) = p.cell_parts() {
        assert_eq!(h.as_u64(), Some(0));
        len += 1;
        p = t;
    }
    assert_eq!(len, 1_000_000);
}

#[test]
fn crash_exits_1_with_mote_and_trace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut heap = Heap::with_defaults().expect("heap");
    let job = write_job(
        dir.path(),
        "crash",
        &mut heap,
        Noun::ZERO,
        "[11 [%spot [1 42]] [0 2]]",
    );
    let o = run(&[&job]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("crash: %exit"), "{err}");
    assert!(err.contains("%spot 42"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_input_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let garbage = dir.path().join("garbage");
    std::fs::write(&garbage, [0x01]).expect("write");
    let o = run(&[&garbage]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a valid jam"));

    let atom = dir.path().join("atom");
    std::fs::write(&atom, mars_serial::jam(Noun::direct(5))).expect("write");
    let o = run(&[&atom]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("expected jam([subject formula])"));

    let o = run(&[&dir.path().join("missing")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read"));
}

#[test]
fn memory_limit_gives_meme() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut heap = Heap::with_defaults().expect("heap");
    let job = write_job(
        dir.path(),
        "grow",
        &mut heap,
        Noun::ZERO,
        "[8 [1 0] 8 [1 9 2 [0 2] [[1 0] 0 6] 0 7] 9 2 0 1]",
    );
    let o = mars()
        .arg("nock")
        .arg(&job)
        .args(["--memory-limit", "64"])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("crash: %meme"));
}
