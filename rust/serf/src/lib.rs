//! The `mars` program: the only crate that wires the others together.
//!
//! * `cli.rs`: the command line (clap).
//! * `newt.rs`, `writ.rs`, `plea.rs`: the king's framing and message types.
//! * `serf.rs`: the serf's state machine (writs in, pleas out, no I/O);
//!   `kernel.rs` is the kernel interface it uses and `goof.rs` renders
//!   failures; `snapshot_store.rs` turns the kernel into `data.pma`'s payload.
//! * `serf_cmd.rs`: `mars serf`, the process the king spawns (pipes, signals,
//!   self-replay before `%ripe`).
//! * `replay.rs`: replaying an event log into a serf (mug-checked).
//! * `king_cmd.rs`: `mars king`, the real king with mars as its serf.
//! * `nock_cmd.rs`: `mars nock`; `trace.rs`: crash rendering for terminals.
//!
//! Dependencies point one way: noun ← serial ← nock ← serf; eventlog and
//! snapshot are bytes-level and know nothing of nouns.

pub mod alarm;
pub mod cli;
pub mod goof;
pub mod kernel;
pub mod king_cmd;
pub mod newt;
pub mod nock_cmd;
pub mod plea;
pub mod replay;
pub mod serf;
pub mod serf_cmd;
pub mod snapshot_store;
pub mod trace;
pub mod writ;
