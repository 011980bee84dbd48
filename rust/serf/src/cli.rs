//! The command line (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// mars: a Nock runtime and serf for Urbit.
#[derive(Debug, Parser)]
#[command(name = "mars", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute *[subject formula] from FILE, which holds jam([subject formula]).
    ///
    /// Prints the product in noun notation ([1 2 3], atoms in decimal), or
    /// with --out writes jam(product) to OUT. Exit status: 0 success; 1 the
    /// computation crashed (the mote and trace go to stderr); 2 the input was
    /// unreadable or malformed.
    Nock {
        /// File holding jam([subject formula]).
        file: PathBuf,
        /// Write jam(product) here instead of printing the product.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Memory limit in MiB for nouns (default 32 GiB); past it the
        /// computation bails %meme.
        #[arg(long, value_name = "MIB")]
        memory_limit: Option<usize>,
    },
}
