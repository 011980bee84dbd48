//! The `mars` executable.

use std::process::ExitCode;

use clap::Parser;
use mars_serf::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Nock {
            file,
            out,
            memory_limit,
        } => mars_serf::nock_cmd::run(&file, out.as_deref(), memory_limit),
    }
}
