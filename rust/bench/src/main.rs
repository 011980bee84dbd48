//! `make bench`: runs each workload in a child process of its own (so that
//! its peak RSS is its own), and prints time, peak RSS and the ratio to vere
//! 3.0's figure from `shared/baselines.md` (vere time / mars time: above 1
//! means mars is faster).
//!
//! `mars-bench` runs everything; `mars-bench NAME...` runs some;
//! `mars-bench --one NAME` is the child side. The RSS ratio is vere's peak
//! RSS over ours (above 1: mars uses less). `kernel.rs` has the workloads
//! that drive `mars serf` as a king would.

mod kernel;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use mars_nock::Runtime;
use mars_noun::{fmt, Generation, Heap, HeapConfig, Noun};

const DEC: &str = "[8 [1 0] 8 [1 6 [5 [0 7] 4 0 6] [0 6] 9 2 [0 2] [4 0 6] 0 7] 9 2 0 1]";
const COPY_LIST: &str = "[8 [1 6 [3 0 3] [[1 0] 9 2 [0 2] 0 7] 1 0] 9 2 0 1]";

struct Workload {
    name: &'static str,
    what: &'static str,
    /// vere 3.0's seconds and peak RSS (MB), where baselines.md has them.
    vere: Option<(f64, u64)>,
    run: Run,
}

/// How a workload is timed.
enum Run {
    /// The whole call.
    Whole(fn() -> Result<String, String>),
    /// The part the workload times itself (`Outcome::secs`).
    Timed(fn() -> Result<Outcome, String>),
}

/// What a self-timed workload measured.
pub struct Outcome {
    /// The seconds of the measured part (the whole call when `None`).
    pub secs: Option<f64>,
    pub text: String,
}

fn workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "decrement",
            what: "naive decrement of 10^7",
            vere: Some((0.79, 77)),
            run: Run::Whole(decrement),
        },
        Workload {
            name: "deep",
            what: "non-tail recursion 10^6 deep (copy a list)",
            vere: Some((0.74, 131)),
            run: Run::Whole(deep),
        },
        Workload {
            name: "ackermann",
            what: "Ackermann(3,6), decrement inlined (not vere's jetted formula)",
            vere: Some((1.06, 77)),
            run: Run::Whole(ackermann),
        },
        Workload {
            name: "cue-brass",
            what: "cue of brass-2023.pill (3.9 MB)",
            vere: None,
            run: Run::Whole(cue_brass),
        },
        Workload {
            name: "jam-brass",
            what: "jam of the cued brass pill",
            vere: None,
            run: Run::Whole(jam_brass),
        },
        Workload {
            name: "mug-brass",
            what: "mug of the cued brass pill (uncached)",
            vere: None,
            run: Run::Whole(mug_brass),
        },
        Workload {
            name: "brass-replay",
            what: "mars play of the vere-made brass pier from scratch: lifecycle + 53 events, every mug checked",
            vere: Some((109.6, 175)),
            run: Run::Whole(brass_replay),
        },
        Workload {
            name: "brass-boot",
            what: "boot of the brass pill under a king: its 13 boot events in one %play (then save, snapshot size)",
            vere: Some((112.0, 228)),
            run: Run::Timed(kernel::brass_boot),
        },
        Workload {
            name: "brass-restart",
            what: "restart of the booted brass pier to %ripe (snapshot load)",
            vere: Some((0.48, 43)),
            run: Run::Timed(kernel::brass_restart),
        },
        Workload {
            name: "stress",
            what: "allocate 20 GB in one computation keeping 500 MB live",
            vere: None,
            run: Run::Whole(stress),
        },
    ]
}

fn runtime() -> Runtime {
    match Runtime::new(HeapConfig::default()) {
        Ok(rt) => rt,
        Err(e) => fail(&format!("cannot make a heap: {e}")),
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("mars-bench: {msg}");
    std::process::exit(2)
}

fn parse(rt: &mut Runtime, text: &str) -> Noun {
    fmt::parse(&mut rt.heap, text).unwrap_or_else(|| fail("bad built-in formula"))
}

fn decrement() -> Result<String, String> {
    let mut rt = runtime();
    let s = Noun::direct(10_000_000);
    let f = parse(&mut rt, DEC);
    let p = rt.nock(s, f).map_err(|b| b.to_string())?;
    Ok(fmt::render(p, 100))
}

fn deep() -> Result<String, String> {
    let mut rt = runtime();
    let list = rt.heap.list(&vec![Noun::ZERO; 1_000_000]);
    let f = parse(&mut rt, COPY_LIST);
    let mut p = rt.nock(list, f).map_err(|b| b.to_string())?;
    let mut len = 0;
    while let Some((_, t)) = p.cell_parts() {
        len += 1;
        p = t;
    }
    Ok(format!("length {len}"))
}

fn ackermann() -> Result<String, String> {
    let f = format!(
        "[8 [1 [6 [5 [1 0] 0 6] [4 0 7] [6 [5 [1 0] 0 7] [9 2 [0 2] [7 [0 6] {DEC}] [1 1]] \
         [9 2 [0 2] [7 [0 6] {DEC}] [9 2 [0 2] [0 6] [7 [0 7] {DEC}]]]]]] 9 2 [0 2] 0 3]"
    );
    let mut rt = runtime();
    let s = parse(&mut rt, "[3 6]");
    let f = parse(&mut rt, &f);
    let p = rt.nock(s, f).map_err(|b| b.to_string())?;
    Ok(fmt::render(p, 100))
}

fn shared_dir() -> PathBuf {
    std::env::var_os("MARS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// Copy a directory tree (the pier: a few LMDB files).
fn copy_tree(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), dest)?;
        }
    }
    Ok(())
}

/// `mars play` (the binary beside this one) on a fresh copy of brass-zod.
/// Its peak RSS is the child's (the bench reports the larger of its own
/// and its children's).
fn brass_replay() -> Result<String, String> {
    let src = shared_dir().join("test-piers/brass-zod");
    if !src.is_dir() {
        return Err(format!("skipped: no {}", src.display()));
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mars = exe.with_file_name("mars");
    let dir = std::env::temp_dir().join(format!("mars-bench-brass-{}", std::process::id()));
    let pier = dir.join("brass-zod");
    copy_tree(&src, &pier).map_err(|e| e.to_string())?;
    let out = Command::new(&mars).arg("play").arg(&pier).output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = out.map_err(|e| format!("{}: {e}", mars.display()))?;
    let err = String::from_utf8_lossy(&out.stderr);
    let summary = String::from_utf8_lossy(&out.stdout);
    let last = summary
        .lines()
        .find(|l| l.starts_with("play: now at event"))
        .unwrap_or("")
        .to_string();
    if !out.status.success() || !summary.contains("mug mismatches: none") {
        return Err(format!(
            "mars play failed: {}",
            err.lines().last().unwrap_or("")
        ));
    }
    Ok(last)
}

fn brass() -> Result<Vec<u8>, String> {
    let p = shared_dir().join("pills/brass-2023.pill");
    std::fs::read(&p).map_err(|e| format!("skipped: {}: {e}", p.display()))
}

fn cue_brass() -> Result<String, String> {
    let bytes = brass()?;
    let mut heap = Heap::with_defaults().map_err(|e| e.to_string())?;
    let t = Instant::now();
    let n = mars_serial::cue(&mut heap, &bytes).map_err(|e| e.to_string())?;
    Ok(format!(
        "cued in {:.3}s, mug {:#x}",
        t.elapsed().as_secs_f64(),
        mars_noun::mug(n)
    ))
}

fn jam_brass() -> Result<String, String> {
    let bytes = brass()?;
    let mut heap = Heap::with_defaults().map_err(|e| e.to_string())?;
    let n = mars_serial::cue(&mut heap, &bytes).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let out = mars_serial::jam(n);
    let same = out == bytes;
    Ok(format!(
        "jammed in {:.3}s, identical: {same}",
        t.elapsed().as_secs_f64()
    ))
}

fn mug_brass() -> Result<String, String> {
    let bytes = brass()?;
    let mut heap = Heap::with_defaults().map_err(|e| e.to_string())?;
    let n = mars_serial::cue(&mut heap, &bytes).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let m = mars_noun::mug(n);
    Ok(format!(
        "mugged in {:.3}s: {m:#x}",
        t.elapsed().as_secs_f64()
    ))
}

/// The memory-design proof: 20 GB allocated while 500 MB stays live.
///
/// A live set of 500 MB is a ring of 64 lists (each ~7.8 MB of cells);
/// every step builds a fresh list to replace one of them, so old lists die
/// as new ones are made, plus short-lived garbage. The collector is driven
/// exactly as the interpreter drives it (minor at a full nursery, major
/// when old space has doubled).
fn stress() -> Result<String, String> {
    const LIVE: usize = 500 << 20;
    const TOTAL: u64 = 20 << 30;
    const SLOTS: usize = 64;
    let cells_per_list = LIVE / SLOTS / 24;
    let mut heap = Heap::new(HeapConfig::default()).map_err(|e| e.to_string())?;
    let mut ring = vec![Noun::NULL; SLOTS];
    let mut allocated: u64 = 0;
    let mut step = 0usize;
    let mut gc_time = Duration::ZERO;
    while allocated < TOTAL {
        let mut l = Noun::NULL;
        for i in 0..cells_per_list {
            l = heap.cell(Noun::direct(i as u64), l);
            // Two cells of garbage per kept cell.
            let g = heap.cell(Noun::ONE, Noun::ONE);
            let _ = heap.cell(g, g);
            allocated += 72;
            if heap.wants_minor() {
                let t = Instant::now();
                let mut gc = heap.collect(Generation::Minor);
                gc.roots(&mut ring);
                gc.root(&mut l);
                gc.finish();
                if heap.wants_major() {
                    let mut gc = heap.collect(Generation::Major);
                    gc.roots(&mut ring);
                    gc.root(&mut l);
                    gc.finish();
                }
                gc_time += t.elapsed();
            }
        }
        ring[step % SLOTS] = l;
        step += 1;
    }
    let s = heap.stats();
    Ok(format!(
        "allocated {:.1} GB, {} minor + {} major collections ({:.2}s), copied {:.1} GB, heap peak {} MB",
        allocated as f64 / 1e9,
        s.minor_collections,
        s.major_collections,
        gc_time.as_secs_f64(),
        s.copied_bytes as f64 / 1e9,
        s.peak_bytes >> 20
    ))
}

/// Peak RSS of this process or of its largest child, in MB.
fn peak_rss_mb() -> u64 {
    use nix::sys::resource::{getrusage, UsageWho};
    let of = |who| {
        getrusage(who)
            .map(|u| u.max_rss() as u64 / 1024)
            .unwrap_or(0)
    };
    of(UsageWho::RUSAGE_SELF).max(of(UsageWho::RUSAGE_CHILDREN))
}

fn child(name: &str) -> ! {
    let Some(w) = workloads().into_iter().find(|w| w.name == name) else {
        fail(&format!("no workload {name}"))
    };
    let t = Instant::now();
    let r = match w.run {
        Run::Whole(f) => f().map(|text| Outcome { secs: None, text }),
        Run::Timed(f) => f(),
    };
    let whole = t.elapsed().as_secs_f64();
    match r {
        Ok(Outcome { secs, text: out }) => {
            let secs = secs.unwrap_or(whole);
            println!("{secs:.4} {} {out}", peak_rss_mb());
            std::process::exit(0)
        }
        Err(e) => {
            println!("{e}");
            std::process::exit(3)
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() == 2 && args[0] == "--one" {
        child(&args[1]);
    }
    let exe = std::env::current_exe().unwrap_or_else(|e| fail(&e.to_string()));
    println!(
        "{:<13} {:>9} {:>10} {:>8} {:>8} {:>7} {:>9}  result",
        "workload", "mars s", "vere s", "ratio", "RSS MB", "vere MB", "RSS ratio"
    );
    for w in workloads() {
        if !args.is_empty() && !args.iter().any(|a| a == w.name) {
            continue;
        }
        let out = Command::new(&exe).args(["--one", w.name]).output();
        let text = match &out {
            Ok(o) => String::from_utf8_lossy(&o.stdout).trim().to_string(),
            Err(e) => e.to_string(),
        };
        let ok = out.as_ref().map(|o| o.status.success()).unwrap_or(false);
        if !ok {
            println!("{:<13} {text}  ({})", w.name, w.what);
            continue;
        }
        let mut parts = text.splitn(3, ' ');
        let secs: f64 = parts
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(f64::NAN);
        let rss: u64 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let result = parts.next().unwrap_or("");
        let (vs, ratio, vm, mratio) = match w.vere {
            Some((v, m)) => (
                format!("{v:.2}"),
                format!("{:.2}x", v / secs),
                m.to_string(),
                format!("{:.2}x", m as f64 / rss.max(1) as f64),
            ),
            None => ("-".into(), "-".into(), "-".into(), "-".into()),
        };
        println!(
            "{:<13} {secs:>9.3} {vs:>10} {ratio:>8} {rss:>8} {vm:>7} {mratio:>9}  {result}  ({})",
            w.name, w.what
        );
    }
}
