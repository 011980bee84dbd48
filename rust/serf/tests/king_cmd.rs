//! `mars king` execs the given binary with argv[0] = mars and the arguments
//! after `--`.

use std::process::Command;

#[test]
fn execs_urbit_with_mars_as_argv0() {
    // bash stands in for the king: it prints its own command line, whose
    // first element is the argv[0] it was exec'd with.
    let out = Command::new(env!("CARGO_BIN_EXE_mars"))
        .args([
            "king",
            "--urbit",
            "/bin/bash",
            "--",
            "-c",
            "tr '\\0' '\\n' < /proc/$$/cmdline",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let argv: Vec<&str> = text.lines().collect();
    let mars = std::fs::canonicalize(env!("CARGO_BIN_EXE_mars")).expect("mars path");
    assert_eq!(
        std::fs::canonicalize(argv[0]).expect("argv0"),
        mars,
        "{argv:?}"
    );
    assert_eq!(argv[1], "-c");
}

#[test]
fn missing_urbit_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_mars"))
        .args(["king", "--urbit", "/nonexistent/urbit", "--", "-F", "zod"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot run /nonexistent/urbit"));
}
