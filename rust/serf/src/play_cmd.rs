//! `mars play <pier>`: replay a pier's event log into mars's own snapshot,
//! `<pier>/.urb/chk/data.pma`, like vere's `urbit play` (event-log.md §10).
//!
//! Start: from `data.pma` when it is present and valid (a bad one is moved
//! aside by the store, and the replay starts from event 0), else from event 0
//! (the lifecycle over events `1..=life`). With `--full`, `data.pma` is first
//! renamed to `data.pma.bak-<unix seconds>`, never deleted. The replay itself
//! is `replay.rs`: every non-zero stored mug is checked.
//!
//! What it touches: only `.urb/chk/data.pma` (saved atomically by the store)
//! and, with `--full` or a bad snapshot, the names beside it. vere's own
//! `north.bin`/`south.bin` and the log are never written. The log is opened
//! with LMDB's lock, unless it has never been opened with one (no `lock.mdb`
//! in `.urb/log` or any epoch: a copy or an archive, which nobody writes);
//! then it is opened without a lock, creating no file. A pier whose
//! `.vere.lock` names a live process is refused.
//!
//! Output: vere's framing on stderr (`---------------- playback starting
//! ----------------`, `play: events A-B of C`, `---------------- playback
//! complete ----------------`, `mars: nothing to do!`, `mars: already
//! computed N`), then progress (a bar when stderr is a terminal, else a line
//! every two seconds or so) and errors; the summary of a finished replay
//! (events, time, rate, mismatches, final event and mug) on stdout.
//!
//! Exit status ([`EXIT_DONE`] ..): 0 done or nothing to do; 1 the replay
//! failed (an event crashed, a mug mismatch without `--soft-mugs`, an
//! interrupt, a failed save); 2 bad usage, or the pier, its log or its
//! snapshot cannot be used (the message names the file or the event); 3 the
//! replay finished with `--soft-mugs` but some stored mugs did not match.
//!
//! Failures: after an event crashes or is interrupted (SIGINT, SIGTERM: the
//! runtime's interrupt flag bails the running event `%intr`/`%term`), the
//! state after the last good event is saved; so it is after a mug mismatch,
//! whose own state is dropped (as vere's `urbit play` does). A second
//! SIGINT exits at once (status 1); `data.pma` is then the last save, whole.

use std::io::IsTerminal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mars_eventlog::{EventLog, OpenMode};
use mars_nock::Runtime;
use mars_noun::{HeapConfig, OutOfMemory};

use crate::replay::{replay, Progress, ReplayError, ReplayOptions, ReplaySummary};
use crate::serf::Serf;
use crate::snapshot_store::SnapshotStore;

/// Exit status: the replay finished (or there was nothing to do).
pub const EXIT_DONE: u8 = 0;
/// Exit status: the replay failed (crash, mug mismatch, interrupt, save).
pub const EXIT_FAILED: u8 = 1;
/// Exit status: bad usage, or an unusable pier, log or snapshot.
pub const EXIT_INPUT: u8 = 2;
/// Exit status: finished with `--soft-mugs`, but some mugs did not match.
pub const EXIT_MISMATCHES: u8 = 3;

/// Prefix of `data.pma` set aside by `--full`.
pub const BACKUP_PREFIX: &str = "data.pma.bak-";

/// Mismatches listed one by one in the summary; the rest are counted.
const MAX_LISTED_MISMATCHES: usize = 20;

/// Interval between progress lines when stderr is not a terminal.
const LINE_EVERY: Duration = Duration::from_secs(2);

/// `mars play` options (vere's `urbit play` names).
#[derive(Debug, Clone, Args)]
pub struct PlayArgs {
    /// The pier directory.
    pub pier: PathBuf,
    /// Stop after event N (default: the log's last event).
    #[arg(short = 'n', long = "replay-to", value_name = "N")]
    pub replay_to: Option<u64>,
    /// Save a snapshot whenever at least N events were replayed since the
    /// last save (checked every 1024 events); always saved at the end.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub snap_at: Option<u64>,
    /// Start over from event 0: rename .urb/chk/data.pma to
    /// data.pma.bak-<unix seconds> first (vere's north.bin and south.bin are
    /// never touched).
    #[arg(short = 'f', long)]
    pub full: bool,
    /// Report mug mismatches and go on (exit status 3 if there were any).
    #[arg(long)]
    pub soft_mugs: bool,
    /// Memory limit as vere's --loom: log2 of vere's loom bytes (default:
    /// 4 GiB of nouns). Our nouns are 64-bit, so the limit is 2^(BITS+1) bytes, as
    /// for `mars serf`. Past it an event bails %meme.
    #[arg(long, value_name = "BITS", value_parser = clap::value_parser!(u32).range(20..=40),
          conflicts_with = "memory_limit_mib")]
    pub loom: Option<u32>,
    /// Memory limit for nouns in MiB (instead of --loom).
    #[arg(long, value_name = "MIB", visible_alias = "memory-limit",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub memory_limit_mib: Option<u64>,
    /// Run every arm as plain Nock: no jets (to check a jet, or a slow
    /// replay's cause).
    #[arg(long)]
    pub no_jets: bool,
    /// Run the jets whose name or path contains PATTERN as plain Nock
    /// (repeatable; e.g. `--skip-jet ut_` for the compiler caches).
    #[arg(long, value_name = "PATTERN")]
    pub skip_jet: Vec<String>,
    /// Check every call of the jets whose path contains PATTERN against
    /// their arm's own Nock, reporting differences (repeatable; `all` for
    /// every jet; slow).
    #[arg(long, value_name = "PATTERN")]
    pub check_jet: Vec<String>,
    /// At the end, list which jets were called, how often, and their time.
    #[arg(long)]
    pub jet_stats: bool,
    /// Print a line per major garbage collection: live memory and the
    /// caches that hold it.
    #[arg(long)]
    pub gc_log: bool,
}

/// Why `mars play` stopped early: an exit status and a message.
struct Stop {
    code: u8,
    message: String,
}

impl Stop {
    fn input(message: impl Into<String>) -> Stop {
        Stop {
            code: EXIT_INPUT,
            message: message.into(),
        }
    }

    fn failed(message: impl Into<String>) -> Stop {
        Stop {
            code: EXIT_FAILED,
            message: message.into(),
        }
    }
}

/// Run `mars play`.
pub fn run(args: &PlayArgs) -> ExitCode {
    match play(args) {
        Ok(code) => ExitCode::from(code),
        Err(stop) => {
            eprintln!("mars play: {}", stop.message);
            ExitCode::from(stop.code)
        }
    }
}

fn play(args: &PlayArgs) -> Result<u8, Stop> {
    let pier = args.pier.as_path();
    if !pier.is_dir() {
        return Err(Stop::input(format!("no pier at {}", pier.display())));
    }
    if let Some(pid) = king_running(pier) {
        return Err(Stop::input(format!(
            "{} is in use by process {pid} (.vere.lock): stop the ship first",
            pier.display()
        )));
    }
    let mut log =
        open_log(pier).map_err(|e| Stop::input(format!("cannot open the event log: {e}")))?;
    let log_last = log
        .last_event()
        .map_err(|e| Stop::input(format!("cannot read the event log: {e}")))?;
    let log_first = log.first_event();

    let mut rt = Runtime::new(heap_config(args))
        .map_err(|e| Stop::input(format!("cannot set up memory: {e}")))?;
    // Jets must be installed before a snapshot's cold state is restored.
    if args.skip_jet.is_empty() {
        rt.install_hot(mars_jets::hot_table());
    } else {
        rt.install_hot(mars_jets::hot_table_skipping(&args.skip_jet));
    }
    rt.set_host(Box::new(PrintSlogs));
    rt.set_jets_enabled(!args.no_jets);
    rt.set_jet_stats(args.jet_stats);
    if !args.check_jet.is_empty() {
        let all = args.check_jet.iter().any(|p| p == "all");
        rt.set_jet_check(Some(if all {
            Vec::new()
        } else {
            args.check_jet.clone()
        }));
    }
    rt.set_gc_log(args.gc_log);

    if args.full {
        match set_aside(pier) {
            Ok(Some(to)) => eprintln!("play: --full: moved data.pma to {}", to.display()),
            Ok(None) => {}
            Err(e) => {
                return Err(Stop::failed(format!(
                    "--full: cannot move data.pma aside: {e}"
                )))
            }
        }
    }
    let mut store = SnapshotStore::open(pier).map_err(|e| Stop::failed(e.to_string()))?;
    let loaded = store.load(&mut rt);
    let mut serf = match loaded {
        Some(l) => Serf::with_kernel(rt, Some(store), l.kernel, l.event),
        None => Serf::new(rt, Some(store)),
    };
    let start = serf.event();
    check_start(&mut log, &serf, log_first, log_last)?;

    if let Some(n) = args.replay_to {
        if n <= start {
            eprintln!("mars: already computed {n}");
            return Ok(EXIT_DONE);
        }
    }
    if start == log_last {
        eprintln!("mars: nothing to do!");
        return Ok(EXIT_DONE);
    }
    let target = args.replay_to.map_or(log_last, |n| n.min(log_last));

    install_signal_handlers(&serf.rt);
    eprintln!("---------------- playback starting ----------------");
    if start + 1 == target {
        eprintln!("play: event {target}");
    } else {
        eprintln!("play: events {}-{target} of {log_last}", start + 1);
    }
    if start == 0 {
        let life = log.meta().life;
        eprintln!("play: lifecycle (events 1-{life}) first");
    }

    let opts = ReplayOptions {
        to: Some(target),
        soft_mugs: args.soft_mugs,
        snap_every: args.snap_at,
    };
    let mut shown = Shown::new(start + 1, target);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        replay(&mut serf, &mut log, &opts, |p| shown.update(p))
    }));
    shown.finish();
    if args.jet_stats {
        print_jet_stats(&serf.rt);
    }
    match outcome {
        Ok(Ok(summary)) => {
            eprintln!("---------------- playback complete ----------------");
            print_summary(&summary, serf.event());
            Ok(if summary.mismatches.is_empty() {
                EXIT_DONE
            } else {
                EXIT_MISMATCHES
            })
        }
        Ok(Err(e)) => Err(failure(&mut serf, start, e)),
        Err(payload) => {
            let what = if payload.downcast_ref::<OutOfMemory>().is_some() {
                "out of memory outside an event (raise --loom)".to_string()
            } else {
                "internal error (see above)".to_string()
            };
            Err(Stop::failed(format!(
                "replay stopped at event {}: {what}; not saved",
                serf.event()
            )))
        }
    }
}

/// Trace frames of a crash, the innermost last; long traces keep their
/// innermost frames.
fn print_trace(trace: &[String]) {
    const SHOWN: usize = 40;
    if trace.len() > SHOWN {
        eprintln!("  ... {} outer frames", trace.len() - SHOWN);
    }
    for line in &trace[trace.len().saturating_sub(SHOWN)..] {
        eprintln!("  {line}");
    }
}

/// The replay's host: `%slog` output (the boot's `1-c (compiling
/// compiler, wait a few minutes)` and the like) goes to stderr, as the
/// king would print it.
struct PrintSlogs;

impl mars_nock::Host for PrintSlogs {
    fn slog(&mut self, _heap: &mut mars_noun::Heap, clue: mars_noun::Noun) {
        let Some((pri, tank)) = clue.cell_parts() else {
            return;
        };
        let prefix = match pri.as_u64() {
            Some(1) => ">> ",
            Some(2) => ">>> ",
            Some(3) => ">>>> ",
            _ => "",
        };
        eprintln!("{prefix}{}", crate::tank::render(tank));
    }
}

/// The jet table of `--jet-stats`: paths by total time, then calls.
fn print_jet_stats(rt: &Runtime) {
    let Some(stats) = rt.jet_stats() else { return };
    let mut rows: Vec<_> = stats.by_path.iter().collect();
    rows.sort_by(|a, b| b.1 .2.cmp(&a.1 .2).then(b.1 .0.cmp(&a.1 .0)));
    eprintln!("jets: {} paths called", rows.len());
    eprintln!("{:>12} {:>8} {:>12}  path", "calls", "punts", "time");
    for (path, (calls, punts, time)) in rows {
        eprintln!(
            "{calls:>12} {punts:>8} {:>10.3} s  {path}",
            time.as_secs_f64()
        );
    }
}

/// The heap for the replay: `--loom` (2^(bits+1) bytes, as `mars serf`
/// maps vere's loom onto 64-bit nouns), or MiB.
fn heap_config(args: &PlayArgs) -> HeapConfig {
    let mut config = HeapConfig::default();
    let limit = match (args.loom, args.memory_limit_mib) {
        (Some(bits), _) => Some(1usize << (bits + 1)),
        (None, Some(mib)) => Some(
            usize::try_from(mib)
                .unwrap_or(usize::MAX)
                .saturating_mul(1 << 20),
        ),
        (None, None) => None,
    };
    if let Some(limit) = limit {
        config.limit_bytes = limit;
        config.nursery_bytes = config.nursery_bytes.min(limit / 8);
        config.major_min_bytes = config.major_min_bytes.min(limit / 8);
    }
    config
}

/// Checks that the snapshot (or event 0) can be continued from this log.
fn check_start(log: &mut EventLog, serf: &Serf, first: u64, last: u64) -> Result<(), Stop> {
    let at = serf.event();
    if at > last {
        return Err(Stop::input(format!(
            "data.pma is at event {at}, past the log's last event {last} \
             (a snapshot of another pier?); use --full to start over"
        )));
    }
    if at == 0 {
        if first > 1 {
            return Err(Stop::input(format!(
                "the log starts at event {first} (older epochs were removed) \
                 and there is no snapshot to start from"
            )));
        }
        return Ok(());
    }
    if at + 1 < first {
        return Err(Stop::input(format!(
            "data.pma is at event {at} but the log starts at event {first}: \
             events {}-{} are missing",
            at + 1,
            first - 1
        )));
    }
    if at >= first {
        let stored = log
            .read(at, 1)
            .map_err(|e| Stop::input(format!("cannot read the event log: {e}")))?;
        if let Some(e) = stored.first() {
            if e.mug != 0 && e.mug != serf.mug() {
                return Err(Stop::input(format!(
                    "data.pma (event {at}, mug {:#010x}) disagrees with the log \
                     (event {at}, mug {:#010x}); use --full to start over",
                    serf.mug(),
                    e.mug
                )));
            }
        }
    }
    Ok(())
}

/// What to say and do when the replay failed; saves the last good state
/// when the kernel is still the one after the last good event.
fn failure(serf: &mut Serf, start: u64, e: ReplayError) -> Stop {
    let saved = |serf: &mut Serf| -> String {
        if serf.event() == 0 || serf.event() == start {
            return format!("data.pma is unchanged (event {start})");
        }
        match serf.save() {
            Ok(()) => format!(
                "saved the state after event {} (mug {:#010x})",
                serf.event(),
                serf.mug()
            ),
            Err(e) => format!("could not save the state after event {}: {e}", serf.event()),
        }
    };
    match e {
        ReplayError::Event { event, mote, .. } if mote == "intr" || mote == "term" => {
            let s = saved(serf);
            Stop::failed(format!("interrupted at event {event} (%{mote}); {s}"))
        }
        ReplayError::Event { event, mote, trace } => {
            print_trace(&trace);
            let s = saved(serf);
            Stop::failed(format!("event {event} crashed: %{mote}; {s}"))
        }
        ReplayError::Lifecycle { life, mote, .. } if mote == "intr" || mote == "term" => {
            Stop::failed(format!(
                "interrupted during the lifecycle (events 1-{life}, %{mote}); nothing saved"
            ))
        }
        ReplayError::Lifecycle { life, mote, trace } => {
            print_trace(&trace);
            Stop::failed(format!(
                "the lifecycle (events 1-{life}) failed: %{mote}; nothing saved"
            ))
        }
        ReplayError::Mismatch {
            event,
            expected,
            actual,
        } => {
            let s = saved(serf);
            Stop::failed(format!(
                "event {event}: mug mismatch: expected {expected:#010x}, actual {actual:#010x}; \
                 {s} (--soft-mugs reports mismatches and goes on)"
            ))
        }
        e @ (ReplayError::Log(_) | ReplayError::BadEvent { .. }) => {
            let s = saved(serf);
            Stop::input(format!("corrupt event log: {e}; {s}"))
        }
        e @ (ReplayError::ShortLog { .. } | ReplayError::AheadOfLog { .. }) => {
            Stop::input(e.to_string())
        }
        ReplayError::Save(e) => Stop::failed(format!("{e}")),
    }
}

fn print_summary(s: &ReplaySummary, now_at: u64) {
    let secs = s.elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        s.events as f64 / secs
    } else {
        0.0
    };
    println!(
        "play: replayed {} events ({}-{}) in {:.2} s, {:.1} events/s",
        s.events, s.first, s.last, secs, rate
    );
    match s.mismatches.len() {
        0 => println!("play: mug mismatches: none"),
        n => {
            println!("play: mug mismatches: {n}");
            for (event, expected, actual) in s.mismatches.iter().take(MAX_LISTED_MISMATCHES) {
                println!("play:   event {event}: expected {expected:#010x}, actual {actual:#010x}");
            }
            if n > MAX_LISTED_MISMATCHES {
                println!("play:   ... and {} more", n - MAX_LISTED_MISMATCHES);
            }
        }
    }
    println!(
        "play: now at event {now_at}, mug {:#010x}; saved .urb/chk/data.pma",
        s.mug
    );
}

/// Progress display: a bar on a terminal, else a line every ~2 s.
struct Shown {
    first: u64,
    last: u64,
    bar: Option<ProgressBar>,
    printed: Instant,
}

impl Shown {
    fn new(first: u64, last: u64) -> Shown {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(last.saturating_sub(first) + 1),
                ProgressDrawTarget::stderr(),
            );
            let style = ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {pos}/{len} events {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Shown {
            first,
            last,
            bar,
            printed: Instant::now(),
        }
    }

    fn update(&mut self, p: Progress) {
        if p.saved {
            let line = format!("play: saved the state after event {}", p.event);
            match &self.bar {
                Some(bar) => bar.println(line),
                None => eprintln!("{line}"),
            }
        }
        let done = p.event.saturating_sub(self.first) + 1;
        let left = self.last.saturating_sub(p.event);
        let secs = p.elapsed.as_secs_f64();
        let rate = if secs > 0.0 { done as f64 / secs } else { 0.0 };
        let eta = if rate > 0.0 {
            duration_text(left as f64 / rate)
        } else {
            "?".to_string()
        };
        match &self.bar {
            Some(bar) => {
                bar.set_position(done);
                bar.set_message(format!("({rate:.1} events/s, ETA {eta})"));
            }
            None => {
                if self.printed.elapsed() >= LINE_EVERY {
                    self.printed = Instant::now();
                    eprintln!(
                        "play: event {} of {} ({rate:.1} events/s, ETA {eta})",
                        p.event, self.last
                    );
                }
            }
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// `1h02m`, `3m05s`, `12s`.
fn duration_text(secs: f64) -> String {
    let s = if secs.is_finite() && secs > 0.0 {
        secs.round() as u64
    } else {
        0
    };
    match s {
        0..=59 => format!("{s}s"),
        60..=3599 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, (s % 3600) / 60),
    }
}

/// SIGINT/SIGTERM bail the running event (`%intr`/`%term`); a second SIGINT
/// exits at once with status 1.
fn install_signal_handlers(rt: &Runtime) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let again = Arc::new(AtomicBool::new(false));
    let results = [
        signal_hook::flag::register_conditional_shutdown(
            SIGINT,
            i32::from(EXIT_FAILED),
            again.clone(),
        ),
        signal_hook::flag::register(SIGINT, again),
        signal_hook::flag::register_usize(SIGINT, rt.interrupt_flag(), mars_nock::INTERRUPT_INTR),
        signal_hook::flag::register_usize(SIGTERM, rt.interrupt_flag(), mars_nock::INTERRUPT_TERM),
    ];
    for r in results {
        if let Err(e) = r {
            eprintln!("mars play: cannot install a signal handler: {e}");
        }
    }
}

/// Opens the pier's log for reading: with LMDB's lock, unless no `lock.mdb`
/// exists in `.urb/log` or any of its directories (a log nobody has opened
/// with a lock, so nobody writes it): then without one, creating no file.
pub fn open_log(pier: &Path) -> Result<EventLog, mars_eventlog::OpenError> {
    EventLog::open(pier, log_mode(pier))
}

/// The [`OpenMode`] [`open_log`] uses.
pub fn log_mode(pier: &Path) -> OpenMode {
    let log = pier.join(".urb").join("log");
    let mut locked = log.join("lock.mdb").exists();
    if let Ok(entries) = std::fs::read_dir(&log) {
        for entry in entries.flatten() {
            if entry.path().join("lock.mdb").exists() {
                locked = true;
            }
        }
    }
    if locked {
        OpenMode::Locked
    } else {
        OpenMode::NoLock
    }
}

/// The pid in `<pier>/.vere.lock` if that process is alive.
pub fn king_running(pier: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(pier.join(".vere.lock")).ok()?;
    let pid: i32 = text.trim().parse().ok()?;
    if pid <= 0 || pid == std::process::id() as i32 {
        return None;
    }
    match nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None) {
        Ok(()) | Err(nix::errno::Errno::EPERM) => Some(pid as u32),
        Err(_) => None,
    }
}

/// Renames `.urb/chk/data.pma` to `data.pma.bak-<unix seconds>[-n]` (a name
/// not in use), and returns the new path; `None` if there is no snapshot.
pub fn set_aside(pier: &Path) -> std::io::Result<Option<PathBuf>> {
    let chk = pier.join(".urb").join("chk");
    let from = chk.join(mars_snapshot::FILE_NAME);
    match std::fs::symlink_metadata(&from) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for n in 0..1000u32 {
        let name = if n == 0 {
            format!("{BACKUP_PREFIX}{secs}")
        } else {
            format!("{BACKUP_PREFIX}{secs}-{n}")
        };
        let to = chk.join(name);
        // Only mars makes these names, and one mars at a time per pier.
        if std::fs::symlink_metadata(&to).is_ok() {
            continue;
        }
        std::fs::rename(&from, &to)?;
        std::fs::File::open(&chk)?.sync_all()?;
        return Ok(Some(to));
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!("no free {BACKUP_PREFIX}{secs}-<n> name"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_well() {
        assert_eq!(duration_text(0.2), "0s");
        assert_eq!(duration_text(12.4), "12s");
        assert_eq!(duration_text(185.0), "3m05s");
        assert_eq!(duration_text(3720.0), "1h02m");
        assert_eq!(duration_text(f64::NAN), "0s");
    }

    #[test]
    fn set_aside_renames_and_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        assert!(set_aside(dir.path()).unwrap().is_none());
        let chk = dir.path().join(".urb/chk");
        std::fs::create_dir_all(&chk).unwrap();
        std::fs::write(chk.join("data.pma"), b"one").unwrap();
        let a = set_aside(dir.path()).unwrap().unwrap();
        std::fs::write(chk.join("data.pma"), b"two").unwrap();
        let b = set_aside(dir.path()).unwrap().unwrap();
        assert_ne!(a, b);
        assert_eq!(std::fs::read(&a).unwrap(), b"one");
        assert_eq!(std::fs::read(&b).unwrap(), b"two");
        assert!(!chk.join("data.pma").exists());
    }

    #[test]
    fn log_mode_follows_lock_files() {
        let dir = tempfile::tempdir().unwrap();
        let epoch = dir.path().join(".urb/log/0i0");
        std::fs::create_dir_all(&epoch).unwrap();
        assert_eq!(log_mode(dir.path()), OpenMode::NoLock);
        std::fs::write(epoch.join("lock.mdb"), b"").unwrap();
        assert_eq!(log_mode(dir.path()), OpenMode::Locked);
    }

    #[test]
    fn memory_options_map_to_the_heap_limit() {
        let mut args = PlayArgs {
            pier: PathBuf::new(),
            replay_to: None,
            snap_at: None,
            full: false,
            soft_mugs: false,
            loom: Some(31),
            memory_limit_mib: None,
            no_jets: false,
            skip_jet: Vec::new(),
            check_jet: Vec::new(),
            jet_stats: false,
            gc_log: false,
        };
        assert_eq!(heap_config(&args).limit_bytes, 1 << 32);
        args.loom = None;
        args.memory_limit_mib = Some(512);
        assert_eq!(heap_config(&args).limit_bytes, 512 << 20);
        args.memory_limit_mib = None;
        assert_eq!(
            heap_config(&args).limit_bytes,
            HeapConfig::default().limit_bytes
        );
    }
}
