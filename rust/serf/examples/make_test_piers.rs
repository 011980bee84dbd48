//! Writes the piers of `test-piers/` (run from the repository root):
//! `cargo run --release -p mars-serf --example make_test_piers -- test-piers`
//!
//! Each pier is made from a kernel of our own (no third-party data): a toy
//! kernel whose `+poke` keeps every card it is given, so every event changes
//! the kernel's mug. Events are computed by the serf library itself and
//! written with the event-log writer exactly as the king would (boot events
//! with mug 0, then `[now ovum]` events with the kernel's mug after each).
//! `<pier>.expected` records the last event and its mug.

use std::path::{Path, PathBuf};

use mars_eventlog::{Event, Meta, Writer};
use mars_nock::Runtime;
use mars_noun::{fmt, Heap, HeapConfig, Noun};
use mars_serf::serf::Serf;

/// `[[load wish peek poke] 0]`; `+poke`'s arm is
/// `[[1 0] [10 [3 [[0 27] [0 15]]] [0 7]]]`: `[~ K']` with K's payload
/// replaced by `[card payload]`.
const KERNEL: &str = "[[[0 0] [0 0] [[1 [[1 0] [1 0] [0 6]]] [[1 0] [0 1]]] \
                      [[1 [[1 0] [10 [3 [[0 27] [0 15]]] [0 7]]]] [[1 0] [0 1]]]] 0]";

fn job(heap: &mut Heap, n: u64) -> Noun {
    let now = heap.atom_u128(0x8000_000d_33f1_fe80_0000_0000_0000_0000 + (u128::from(n) << 48));
    let b = heap.atom_str("b");
    let behn = heap.atom_str("behn");
    let wire = heap.list(&[b, behn]);
    let wake = heap.atom_str("wake");
    let card = heap.cell(wake, Noun::direct(n));
    let ovum = heap.cell(wire, card);
    heap.cell(now, ovum)
}

fn make(dir: &Path, name: &str, events: u64, roll_at: &[u64]) -> Result<(), String> {
    let pier = dir.join(name);
    if pier.exists() {
        std::fs::remove_dir_all(&pier).map_err(|e| e.to_string())?;
    }
    std::fs::create_dir_all(&pier).map_err(|e| e.to_string())?;
    let rt = Runtime::new(HeapConfig::default()).map_err(|e| e.to_string())?;
    let mut serf = Serf::new(rt, None);
    let h = &mut serf.rt.heap;
    let e1 = fmt::parse(h, &format!("[1 [0 0 {KERNEL}]]")).ok_or("kernel")?;
    let boot = [e1, Noun::ZERO];
    let mut log = Writer::create(&pier, &Meta::new(0, true, 2)).map_err(|e| e.to_string())?;
    let stored: Vec<Event> = boot
        .iter()
        .enumerate()
        .map(|(i, n)| Event {
            number: i as u64 + 1,
            mug: 0,
            jam: mars_serial::jam(*n),
        })
        .collect();
    log.append(&stored).map_err(|e| e.to_string())?;
    let list = serf.rt.heap.list(&boot);
    serf.boot_lifecycle(list, 2)
        .map_err(|b| format!("lifecycle: {b}"))?;
    for n in 3..=events {
        let j = job(&mut serf.rt.heap, n);
        let jam = mars_serial::jam(j);
        serf.poke_replay(j).map_err(|b| format!("event {n}: {b}"))?;
        log.append(&[Event {
            number: n,
            mug: serf.mug(),
            jam,
        }])
        .map_err(|e| e.to_string())?;
        if roll_at.contains(&n) {
            log.roll().map_err(|e| e.to_string())?;
        }
    }
    let expected = format!("{} {:#010x}\n", serf.event(), serf.mug());
    std::fs::write(dir.join(format!("{name}.expected")), expected).map_err(|e| e.to_string())?;
    println!(
        "{name}: {} events, last mug {:#010x}",
        serf.event(),
        serf.mug()
    );
    Ok(())
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("test-piers"), PathBuf::from);
    for (name, events, rolls) in [
        ("toy-zod", 40u64, &[][..]),
        ("toy-epochs-zod", 60, &[20u64, 45][..]),
    ] {
        if let Err(e) = make(&dir, name, events, rolls) {
            eprintln!("make_test_piers: {name}: {e}");
            std::process::exit(1);
        }
    }
}
