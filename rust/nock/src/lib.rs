//! Nock 4K for mars.
//!
//! The pipeline: a formula (a noun) is compiled once (`compile.rs`) to
//! bytecode (`op.rs`, the single definition of the instruction set), cached
//! by formula identity (`cache.rs`, weak keys that follow the collector), and
//! executed by one dispatch loop (`interp.rs`) on explicit stacks. Crashes
//! are values (`bail.rs`): `%exit` with the trace frames open at the crash,
//! `%meme`, `%intr`. What the interpreter needs from its embedder (slog,
//! jets, scry, extra roots) is the `Host` trait (`host.rs`); `%memo` caches
//! are in `memo.rs`; jet registration and matching (`%fast`, the cold
//! state) in `cold.rs`, the jet calling convention and hot table in
//! `jets.rs`; the `Runtime` (`runtime.rs`) ties them to a heap and is
//! the public entry point; `virt.rs` is `+mink` (virtualisation with Nock
//! 12 scry).
//!
//! Guarantees: Nock depth uses no Rust stack (a 10^6-deep recursion runs; the
//! depth limit bails `%meme`); tail calls (Nock 2 and 9 in tail position, and
//! 7/8 bodies) run in constant space; Nock 6 is lazy; invalid formulas crash
//! only when reached.

mod bail;
mod cache;
mod cold;
mod compile;
mod host;
mod interp;
mod jets;
mod memo;
mod op;
mod runtime;
pub mod virt;

pub use bail::{Bail, Mote};
pub use cold::{Cold, LocId};
pub use compile::{compile, Program};
pub use host::{Host, NoHost};
pub use interp::{edit, edit_big, increment};
pub use jets::{HotEntry, HotTable, JetError, JetFn};
pub use op::Op;
pub use runtime::{
    Limits, Root, RunStats, Runtime, INTERRUPT_ALRM, INTERRUPT_INTR, INTERRUPT_TERM,
};
