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
    /// Run the stock vere v3.0 king so that it spawns mars as its serf.
    ///
    /// The v3.0 king always spawns its own argv[0] with "serf"; this execs
    /// the real urbit binary with argv[0] set to this mars executable, so the
    /// king's serf is `mars serf ...`. Example:
    /// `mars king --urbit ./urbit -- -F zod -B brass.pill --no-dock`.
    /// Boot with --no-dock (or always start through `mars king`): a docked
    /// <pier>/.run copy would start vere's own serf.
    King {
        /// Path of the real vere v3.0 `urbit` executable.
        #[arg(long, value_name = "PATH")]
        urbit: PathBuf,
        /// Arguments for urbit, after `--`.
        #[arg(last = true)]
        args: Vec<std::ffi::OsString>,
    },
    /// Run as the serf of a vere v3.0 king (the king spawns this itself).
    ///
    /// The arguments are the king's, in its order. Writs arrive as newt frames
    /// on stdin, pleas leave on stdout; diagnostics go to stderr. The snapshot
    /// is <PIER>/.urb/chk/data.pma. Exit status: the code of %live %exit, or
    /// 1 on end of input, a malformed writ, or a failed save.
    Serf(SerfArgs),
    /// Boot a new fake ship's pier from a pill, as the king's `-F SHIP -B PILL` would
    ///
    /// Writes <PIER>/.urb/log as vere v3.0's king does (META, then the boot
    /// sequence: the pill's lifecycle, %wyrd %whom %wack %verb, the pill's
    /// kernel ova, dill's %boot, its userspace ova; fresh time and entropy),
    /// then computes it into <PIER>/.urb/chk/data.pma like `mars play`. Start
    /// the ship afterwards with `mars king --urbit URBIT -- PIER`. Exit status
    /// as `mars play`'s (2 also when PIER already has an event log).
    Boot(crate::boot_cmd::BootArgs),
    /// Replay a pier's event log into mars's snapshot, like vere's `urbit play`
    ///
    /// Starts from <PIER>/.urb/chk/data.pma when it is present and valid,
    /// else from event 0 (the lifecycle), and checks every non-zero stored
    /// mug. Only data.pma is written (atomically); vere's north.bin and
    /// south.bin and the log are never touched. Ctrl-C stops after saving
    /// the last good state.
    ///
    /// Exit status:
    ///   0  done, or nothing to do
    ///   1  the replay failed: an event crashed, a mug mismatch without
    ///      --soft-mugs, interrupted (Ctrl-C), or the save failed
    ///   2  bad usage, or the pier, its log or its snapshot is missing,
    ///      unreadable or corrupt (the message names the file or event)
    ///   3  done with --soft-mugs, but some stored mugs did not match
    #[command(verbatim_doc_comment)]
    Play(crate::play_cmd::PlayArgs),
    /// Show what a pier's event log holds: epochs, META, events, dates.
    ///
    /// With --event N, decode one event (lifecycle noun, or [now ovum]: date,
    /// wire, card, typed text); with --list, one line per event. Changes
    /// nothing. Exit status: 0, or 2 when the pier, its log or the event is
    /// missing or unreadable.
    Inspect(crate::inspect_cmd::InspectArgs),
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
        /// Memory limit in MiB for nouns (default 4 GiB); past it the
        /// computation bails %meme.
        #[arg(long, value_name = "MIB")]
        memory_limit: Option<usize>,
    },
}

/// The king's arguments to `mars serf`, as strings, in its order (see
/// serf-protocol.md §1.2; bad numbers are reported and defaulted, as vere's
/// serf does).
#[derive(Debug, Clone, clap::Args)]
pub struct SerfArgs {
    /// The pier directory.
    pub pier: PathBuf,
    /// Passkey "a:b:c:d" (hex u64s; unused by v3.0).
    pub key: String,
    /// Runtime flags (decimal u32); bit 6 (64) suppresses %slog output.
    pub wag: String,
    /// Transient %memo cache size in entries (vere's -C, default 50000).
    pub hap: String,
    /// Memory size as log2 bytes (vere's --loom, default 31).
    pub lom: String,
    /// Event of a rock to load from .urb/roc (vere's -r; 0 = none).
    pub eve: String,
    /// Swap file path, or 0 (vere's --swap; unused).
    pub eph: String,
    /// Cache toss skip length (vere's --toss; unused).
    pub tos: String,
    /// Persistent %memo cache size in entries (vere's -M, default 50000).
    pub per: String,
}
