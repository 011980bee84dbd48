//! The real kernel: `mars play` replays the vere-made brass pier (the
//! brass pill's lifecycle compiles hoon.hoon and Arvo from source, then 53
//! boot and live events build zuse, the vanes and the %base desk), with
//! every stored mug checked, and prints the boot's own output as vere does.
//!
//! Takes minutes (the boot compiles the whole kernel): skipped, with a
//! message, when `shared/` is absent.

mod support;

use std::process::Command;

#[test]
fn brass_zod_replays_with_every_mug_equal() {
    let Some((_dir, pier)) = support::shared_pier("brass-zod") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_mars"))
        .arg("play")
        .arg(&pier)
        .output()
        .expect("run mars play");
    let err = String::from_utf8_lossy(&out.stderr);
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "mars play failed:\n{err}");
    // Every stored mug (events 14-58) was compared and equal, and the last
    // is vere's (the summary is on stdout, the boot's output on stderr).
    assert!(summary.contains("play: mug mismatches: none"), "{summary}");
    assert!(
        summary.contains("play: now at event 58, mug 0x307c216e"),
        "{summary}"
    );
    // The boot's %slog output reaches stderr, as the king would show it.
    for line in ["zuse: ", "gall: installing %hood", "ames: metamorphosis"] {
        assert!(err.contains(line), "no {line:?} in:\n{err}");
    }
    // The snapshot it saved restarts: nothing left to do.
    let again = Command::new(env!("CARGO_BIN_EXE_mars"))
        .arg("play")
        .arg(&pier)
        .output()
        .expect("run mars play");
    assert!(again.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&again.stdout),
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(said.contains("nothing to do"), "{said}");
}
