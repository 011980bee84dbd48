//! `mars king --urbit PATH -- ARGS`: exec the real vere king with argv[0]
//! set to this executable, so that the king (which spawns its own argv[0]
//! with `serf`, serf-protocol.md §1.1) runs `mars serf`.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, ExitCode};

/// Replace this process with the king; returns only on failure.
pub fn run(urbit: &Path, args: &[OsString]) -> ExitCode {
    let me = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("mars king: cannot find this executable's path: {e}");
            return ExitCode::from(2);
        }
    };
    let err = Command::new(urbit).arg0(&me).args(args).exec();
    eprintln!("mars king: cannot run {}: {err}", urbit.display());
    ExitCode::from(2)
}
