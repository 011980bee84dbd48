//! The `mars` executable.

use std::process::ExitCode;

use clap::Parser;
use mars_serf::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::King { urbit, args } => mars_serf::king_cmd::run(&urbit, &args),
        Command::Serf(args) => mars_serf::serf_cmd::run(args),
        Command::Play(args) => mars_serf::play_cmd::run(&args),
        Command::Inspect(args) => mars_serf::inspect_cmd::run(&args),
        Command::Nock {
            file,
            out,
            memory_limit,
        } => mars_serf::nock_cmd::run(&file, out.as_deref(), memory_limit),
    }
}
