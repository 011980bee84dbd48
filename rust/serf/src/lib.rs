//! The `mars` program: the only crate that wires the others together.
//!
//! Today it provides `mars nock` (run one Nock computation from a file); the
//! serf protocol, replay and snapshots land here as they are built. Each
//! subcommand lives in its own module; `cli.rs` defines the command line.

pub mod cli;
pub mod nock_cmd;
pub mod trace;
