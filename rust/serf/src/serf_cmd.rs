//! `mars serf <pier> <key> <wag> <hap> <lom> <eve> <eph> <tos> <per>`: the
//! process the v3.0 king spawns. Owns the pipes; the logic is in `serf.rs`.
//!
//! Only newt frames ever reach the protocol output: at start the protocol
//! descriptors are duplicated, fd 0 is pointed at /dev/null and fd 1 at
//! stderr, so a stray print cannot corrupt the stream. SIGPIPE is ignored (Rust's default), so a
//! closed pipe is a write error.
//! SIGINT and SIGTERM set the runtime's interrupt flag: a running
//! computation bails `%intr` (`%term`); when idle the flag is cleared before
//! the next computation, so the signal is ignored. A non-zero `mil` arms a
//! CPU-time alarm (`alarm.rs`) that bails `%alrm`.

use std::cell::RefCell;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::fd::{AsFd, AsRawFd};
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use mars_nock::{Host, Limits, Runtime};
use mars_noun::{Heap, HeapConfig, Noun};

use crate::alarm::CpuAlarm;
use crate::newt::{FrameReader, FrameWriter};
use crate::plea::Plea;
use crate::replay::{replay, ReplayOptions};
use crate::serf::{Reply, Serf};
use crate::snapshot_store::SnapshotStore;
use crate::writ::Writ;
use mars_eventlog::{EventLog, OpenMode};

/// wag bit 6: suppress `%slog` output.
const WAG_QUIET: u32 = 64;

pub use crate::cli::SerfArgs;

type Out = Rc<RefCell<FrameWriter<BufWriter<File>>>>;

/// Sends a plea; write errors are returned so the loop can stop.
fn send(out: &Out, heap: &mut Heap, plea: &Plea) -> std::io::Result<()> {
    let noun = plea.encode(heap);
    let bytes = mars_serial::jam(noun);
    out.borrow_mut().send(&bytes).map_err(std::io::Error::other)
}

/// The runtime's host: `%slog` goes to the king as it happens.
struct SerfHost {
    out: Out,
    quiet: bool,
}

impl Host for SerfHost {
    fn slog(&mut self, heap: &mut Heap, clue: Noun) {
        if self.quiet {
            return;
        }
        let Some((pri, tank)) = clue.cell_parts() else {
            return;
        };
        let Some(pri) = pri.as_u64().and_then(|p| u32::try_from(p).ok()) else {
            return;
        };
        let _ = send(&self.out, heap, &Plea::Slog { pri, tank });
    }
}

fn number<T: std::str::FromStr>(what: &str, s: &str, default: T) -> T {
    match s.parse() {
        Ok(v) => v,
        Err(_) => {
            eprintln!("serf: ignoring bad {what} argument {s:?}");
            default
        }
    }
}

/// Duplicate the protocol descriptors and make fds 0 and 1 harmless.
fn protocol_fds() -> std::io::Result<(File, File)> {
    let input = std::io::stdin().as_fd().try_clone_to_owned()?;
    let output = std::io::stdout().as_fd().try_clone_to_owned()?;
    let null = File::open("/dev/null")?;
    nix::unistd::dup2(null.as_raw_fd(), 0)?;
    nix::unistd::dup2(2, 1)?;
    Ok((File::from(input), File::from(output)))
}

/// Catch up from the pier's own event log before `%ripe` when the king
/// could not: the snapshot is missing or older than the latest epoch's base
/// (the king serves only the latest epoch). A log whose last event has mug 0
/// holds only a boot sequence (a fresh boot, which the king plays itself).
fn self_replay(serf: &mut Serf, pier: &std::path::Path) -> Result<(), String> {
    if !pier.join(".urb/log").is_dir() {
        return Ok(());
    }
    let mut log = EventLog::open(pier, OpenMode::Locked)
        .map_err(|e| format!("cannot open the event log: {e}"))?;
    let last = log.last_event().map_err(|e| e.to_string())?;
    let base = log.latest_epoch().base;
    if serf.event() > last {
        return Err(format!(
            "the snapshot is at event {}, past the log's last event {last}: refusing to run ahead of the log",
            serf.event()
        ));
    }
    let behind_epoch = serf.event() < base;
    let no_snapshot = serf.event() == 0 && last > 0 && last_mug(&mut log, last) != 0;
    if !(behind_epoch || no_snapshot) {
        return Ok(());
    }
    eprintln!(
        "mars: replaying events {}-{last} from the event log",
        serf.event() + 1
    );
    let opts = ReplayOptions {
        snap_every: Some(10_000),
        ..ReplayOptions::default()
    };
    let mut shown = std::time::Instant::now();
    let start = serf.event();
    let summary = replay(serf, &mut log, &opts, |p| {
        if shown.elapsed().as_secs() >= 5 {
            shown = std::time::Instant::now();
            eprintln!("mars: replayed to event {} of {}", p.event, p.last);
        }
    })
    .map_err(|e| {
        // Keep the work done: the state of the last event that agreed with
        // the log (a disagreeing kernel is never installed), as `mars play`
        // and vere's `urbit play` do.
        let kept = if serf.event() > start {
            match serf.save() {
                Ok(()) => format!("; saved the state after event {}", serf.event()),
                Err(s) => format!(
                    "; could not save the state after event {}: {s}",
                    serf.event()
                ),
            }
        } else {
            String::new()
        };
        format!("replay failed: {e}{kept}")
    })?;
    eprintln!(
        "mars: replayed {} events in {:.1}s, now at event {} (mug {:#x})",
        summary.events,
        summary.elapsed.as_secs_f64(),
        serf.event(),
        summary.mug
    );
    Ok(())
}

fn last_mug(log: &mut EventLog, last: u64) -> u32 {
    log.read(last, 1)
        .ok()
        .and_then(|v| v.first().map(|e| e.mug))
        .unwrap_or(0)
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("serf: {msg}");
    ExitCode::from(1)
}

/// Run the serf until `%live %exit` or end of input.
pub fn run(args: SerfArgs) -> ExitCode {
    let wag: u32 = number("wag", &args.wag, 0);
    let hap: usize = number("hap", &args.hap, 50_000);
    let per: usize = number("per", &args.per, 50_000);
    let lom: u32 = number("lom", &args.lom, 31);

    let (input, output) = match protocol_fds() {
        Ok(x) => x,
        Err(e) => return fail(&format!("cannot set up the protocol pipes: {e}")),
    };
    let out: Out = Rc::new(RefCell::new(FrameWriter::new(BufWriter::new(output))));

    let mut config = HeapConfig::default();
    // vere's loom is 2^lom bytes of 32-bit-word nouns; ours are 64-bit, so
    // the same kernel needs about twice the bytes: the limit is 2^(lom+1).
    if (20..=40).contains(&lom) {
        config.limit_bytes = 1usize << (lom + 1);
        config.nursery_bytes = config.nursery_bytes.min(config.limit_bytes / 8);
        config.major_min_bytes = config.major_min_bytes.min(config.limit_bytes / 8);
    }
    let heap = match Heap::new(config) {
        Ok(h) => h,
        Err(e) => return fail(&format!("cannot set up memory: {e}")),
    };
    let limits = Limits {
        memo_transient: hap,
        memo_persistent: per,
        ..Limits::default()
    };
    let host = SerfHost {
        out: out.clone(),
        quiet: wag & WAG_QUIET != 0,
    };
    let mut rt = Runtime::with_host(heap, Box::new(host), limits);
    // Jets must be installed before a snapshot's cold state is restored.
    rt.install_hot(mars_jets::hot_table());
    for (sig, mote) in [
        (signal_hook::consts::SIGINT, mars_nock::INTERRUPT_INTR),
        (signal_hook::consts::SIGTERM, mars_nock::INTERRUPT_TERM),
    ] {
        if let Err(e) = signal_hook::flag::register_usize(sig, rt.interrupt_flag(), mote) {
            eprintln!("serf: cannot install a signal handler: {e}");
        }
    }
    let alarm = CpuAlarm::new(rt.interrupt_flag());

    let mut store = match SnapshotStore::open(&args.pier) {
        Ok(s) => s,
        Err(e) => return fail(&e.to_string()),
    };
    let loaded = store.load(&mut rt);
    let mut serf = match loaded {
        Some(l) => Serf::with_kernel(rt, Some(store), l.kernel, l.event),
        None => Serf::new(rt, Some(store)),
    };

    match alarm {
        Ok(a) => serf.set_budget(Box::new(a)),
        Err(e) => eprintln!("serf: no CPU-time budgets (%alrm): {e}"),
    }
    if let Err(e) = self_replay(&mut serf, &args.pier) {
        return fail(&e);
    }

    let ripe = serf.ripe();
    if let Err(e) = send(&out, &mut serf.rt.heap, &ripe) {
        return fail(&format!("cannot write to the king: {e}"));
    }
    let mut reader = FrameReader::new(input);
    loop {
        let frame = match reader.next_frame() {
            Ok(Some(f)) => f,
            Ok(None) => return fail("pier unexpectedly shut down (end of input)"),
            Err(e) => return fail(&format!("pier error: {e}")),
        };
        let noun = match mars_serial::cue(&mut serf.rt.heap, &frame) {
            Ok(n) => n,
            Err(e) => return fail(&format!("bad jar: writ does not cue: {e}")),
        };
        let writ = match Writ::decode(noun) {
            Ok(w) => w,
            Err(e) => return fail(&format!("bad jar: {e}")),
        };
        serf.rt.interrupt_flag().store(0, Ordering::Relaxed);
        match serf.handle(writ) {
            Ok(Reply::Plea(plea)) => {
                if let Err(e) = send(&out, &mut serf.rt.heap, &plea) {
                    return fail(&format!("cannot write to the king: {e}"));
                }
            }
            Ok(Reply::Exit(code)) => {
                let _ = out.borrow_mut().get_mut().flush();
                return ExitCode::from(code);
            }
            Err(e) => return fail(&format!("({}): {e}", serf.event())),
        }
    }
}
