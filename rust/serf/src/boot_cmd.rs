//! `mars boot <pier> --pill FILE [--fake SHIP]`: make a new fake ship's
//! pier from a pill as the v3.0 king's `-F SHIP -B FILE` does, without the
//! king: the event log (META and the boot sequence, every mug 0, as
//! `pier.c:_pier_boot_plan` writes them; the sequence is `pill.rs`'s),
//! then the boot computed into `.urb/chk/data.pma` by `mars play`'s replay.
//! The king then starts the pier as any other (`mars king --urbit URBIT --
//! PIER`), sending its `%wyrd` and start-up events as `%work`.
//!
//! Refuses a directory that already has an event log (nothing is
//! overwritten). If the computation fails, the log stays (as vere's king
//! leaves it): `mars play` resumes it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use mars_eventlog::{Event, Meta, Writer};
use mars_noun::{Heap, HeapConfig, Noun};

use crate::pill::{boot_events, parse, BootPlan};
use crate::play_cmd::{PlayArgs, EXIT_INPUT};

#[derive(Debug, Clone, Args)]
pub struct BootArgs {
    /// The new pier's directory (created if missing; must hold no event log)
    pub pier: PathBuf,
    /// The pill to boot from (e.g. brass-2023.pill)
    #[arg(short = 'B', long, value_name = "FILE")]
    pub pill: PathBuf,
    /// The fake ship, as an @p (`~zod`, `~nec`, `~sampel-palnet`)
    #[arg(short = 'F', long, value_name = "SHIP", default_value = "~zod")]
    pub fake: String,
    /// The kernel's verbose flag (vere's -v)
    #[arg(short, long)]
    pub verbose: bool,
    /// Lite boot (vere's -l)
    #[arg(short, long)]
    pub lite: bool,
}

fn input(msg: String) -> ExitCode {
    eprintln!("mars boot: {msg}");
    ExitCode::from(EXIT_INPUT)
}

/// The ship named by `text` (`~zod` or `zod`), parsed as `(slaw %p text)`.
pub fn ship(heap: &mut Heap, text: &str) -> Option<u128> {
    let text = format!("~{}", text.trim_start_matches('~'));
    let cord = heap.atom_from_le_bytes(text.as_bytes());
    let parsed = mars_jets::aura::slaw::slaw(heap, mars_jets::aura::slaw::P, cord, text.as_bytes());
    let bytes = parsed.ok()??.as_atom()?.to_le_bytes();
    if bytes.len() > 16 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..bytes.len()].copy_from_slice(&bytes);
    Some(u128::from_le_bytes(b))
}

pub fn run(args: &BootArgs) -> ExitCode {
    if args.pier.join(".urb/log").exists() {
        return input(format!(
            "{} already has an event log: boot a new pier elsewhere, or `mars play` this one",
            args.pier.display()
        ));
    }
    let bytes = match std::fs::read(&args.pill) {
        Ok(b) => b,
        Err(e) => return input(format!("cannot read {}: {e}", args.pill.display())),
    };
    let mut heap = match Heap::new(HeapConfig::default()) {
        Ok(h) => h,
        Err(e) => return input(format!("cannot set up memory: {e}")),
    };
    let Some(who) = ship(&mut heap, &args.fake) else {
        return input(format!(
            "{:?} is not a ship name (an @p like ~zod)",
            args.fake
        ));
    };
    let pill = match parse(&mut heap, &bytes) {
        Ok(p) => p,
        Err(e) => return input(format!("{}: {e}", args.pill.display())),
    };
    eprintln!("boot: parsing %{} pill", pill.name);
    let mut plan = match BootPlan::fake(who) {
        Ok(p) => p,
        Err(e) => return input(format!("no entropy: {e}")),
    };
    plan.verbose = args.verbose;
    plan.lite = args.lite;
    let events: Vec<Event> = boot_events(&mut heap, &pill, &plan)
        .into_iter()
        .zip(1..)
        .map(|(n, number): (Noun, u64)| Event {
            number,
            mug: 0,
            jam: mars_serial::jam(n),
        })
        .collect();
    let life = pill.bot.len() as u32;
    drop(heap);
    let written =
        Writer::create(&args.pier, &Meta::new(who, true, life)).and_then(|mut w| w.append(&events));
    if let Err(e) = written {
        return input(format!("cannot write the event log: {e}"));
    }
    eprintln!(
        "boot: wrote {} boot events (life {life}) to {}",
        events.len(),
        args.pier.join(".urb/log").display()
    );
    crate::play_cmd::run(&PlayArgs {
        pier: args.pier.clone(),
        replay_to: None,
        snap_at: None,
        full: false,
        soft_mugs: false,
        loom: None,
        memory_limit_mib: None,
        no_jets: false,
        skip_jet: Vec::new(),
        check_jet: Vec::new(),
        jet_stats: false,
        gc_log: false,
    })
}
