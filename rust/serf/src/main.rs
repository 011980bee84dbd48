//! The `mars` executable.
//!
//! Commands run on a thread with a large native stack (`STACK_BYTES`,
//! virtual memory, touched only as used): Nock itself needs none, but jets
//! that run Nock (a `turn` slamming its gate, a parser combinator running
//! its rules) nest native frames, and the runtime runs a jet as plain Nock
//! once the stack runs low. A big stack keeps that fallback for hostile
//! depths only.

use std::process::ExitCode;

use clap::Parser;
use mars_serf::cli::{Cli, Command};

/// Native stack of the thread that runs the command.
const STACK_BYTES: usize = 512 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .name("mars".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run(cli));
    match worker.map(|w| w.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(e) => {
            eprintln!("mars: cannot start the worker thread: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::King { urbit, args } => mars_serf::king_cmd::run(&urbit, &args),
        Command::Serf(args) => mars_serf::serf_cmd::run(args),
        Command::Boot(args) => mars_serf::boot_cmd::run(&args),
        Command::Play(args) => mars_serf::play_cmd::run(&args),
        Command::Inspect(args) => mars_serf::inspect_cmd::run(&args),
        Command::Nock {
            file,
            out,
            memory_limit,
        } => mars_serf::nock_cmd::run(&file, out.as_deref(), memory_limit),
    }
}
