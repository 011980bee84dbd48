//! `mars-proto`: throwaway but fair prototypes that put numbers on the
//! memory design of mars-noun (see `rust/noun/src/lib.rs`) and its
//! alternatives. Not part of the runtime.
//!
//! # Experiments (one subcommand each; each prints a markdown table)
//!
//! * `alloc` — **three memory managers on allocation-heavy workloads**
//!   (`workload.rs`). A: a list of 10^6 direct atoms mapped 100 times to a
//!   fresh list, the old one dropped (~101M cells allocated, ~1M live).
//!   B: a depth-20 binary tree with one leaf path rebuilt per step, 10^7
//!   steps (20 cells allocated and 20 freed per step, ~1M live). C (an
//!   extra, not in the brief): A plus 4 short-lived temporary cells per
//!   element, the interpreter's usual garbage. Managers:
//!   (a) `mars.rs`: mars-noun as is — `Heap::cell`, a minor collection at
//!   a safepoint whenever `wants_minor()`, then a major one if
//!   `wants_major()`; (b) `rc.rs`: a vere-style loom with reference counts,
//!   size-class free lists and recursive (explicit-stack) freeing, either
//!   borrowing while it walks (like a jet) or (b') with the `u3k`/`u3z` an
//!   interpreter does on every noun it fetches;
//!   (c) `lexical.rs`: an Ares-style two-ended stack, each round/step in a
//!   child frame whose product is deep-copied to the home frame on pop.
//!   Reports CPU and wall time, ns (CPU) per allocated cell, CPU time spent
//!   reclaiming, the manager's own high-water bytes (and per live cell), and
//!   peak RSS.
//! * `snapshot` — **loading a ~1 GiB kernel-like heap** (`snapshot.rs`):
//!   image file + `read` + relocation pass; `mmap` of the image at its saved
//!   address (untouched / every page read / every page written) or
//!   elsewhere + relocation; `cue` of the jam (needs the `serial` feature,
//!   on by default); and the uncached `mug` of the whole kernel. Warm (page
//!   cache) and cold (`POSIX_FADV_DONTNEED` first) loads, and how often a
//!   fresh process can map the image at its saved address.
//! * `nursery` — **minor-GC cost against nursery size**: workload A on
//!   mars-noun with 1, 4, 32 and 128 MiB nurseries.
//! * `all` — `alloc`, `nursery`, `snapshot` in that order; `machine` — only
//!   print the machine.
//!
//! Every measurement runs in its own child process (`mars-proto child ...`)
//! so its peak RSS (`VmHWM`) is its own; each is repeated (`--runs`, default
//! 3) and the best run is reported. Other jobs share the machine's two
//! cores, so the ranking uses CPU time (`getrusage`: user + system), which
//! contention inflates much less than wall time; both are printed, with the
//! load average. `--small` shrinks every workload ~10×
//! for a quick smoke test. Results of the managers are checked against each
//! other (order-sensitive checksums) and loaded kernels against the saved
//! mug.
//!
//! ```text
//! cargo build --release -p mars-proto
//! target/release/mars-proto all            # ~6 minutes on 2 busy cores
//! target/release/mars-proto alloc --small  # smoke test
//! ```
//!
//! Files go to `/tmp` (about 2.5 GiB for the 1 GiB snapshot) and are removed
//! at the end.

mod arena;
mod faults;
mod lexical;
mod mars;
mod measure;
mod rc;
mod snapshot;
mod workload;

use mars_noun::HeapConfig;

use measure::{best_of, mib, min_of, ms, run_child, Emit, Rec, Table};
use workload::{Outcome, ParamsA, ParamsB};

struct Opts {
    small: bool,
    runs: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("child") {
        child(&args[1..]);
        return;
    }
    let mut opts = Opts {
        small: false,
        runs: 3,
    };
    let mut cmd = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--small" => opts.small = true,
            "--runs" => opts.runs = it.next().and_then(|v| v.parse().ok()).expect("--runs N"),
            c if cmd.is_none() && !c.starts_with('-') => cmd = Some(c.to_string()),
            other => usage(other),
        }
    }
    let cmd = cmd.unwrap_or_else(|| usage("no command"));
    println!("machine: {}\n", measure::machine());
    println!("load average at start: {}", loadavg());
    match cmd.as_str() {
        "alloc" => exp_alloc(&opts),
        "snapshot" => exp_snapshot(&opts),
        "nursery" => exp_nursery(&opts),
        "all" => {
            exp_alloc(&opts);
            exp_nursery(&opts);
            exp_snapshot(&opts);
        }
        "machine" => {}
        other => usage(other),
    }
    println!("load average at end: {}", loadavg());
}

/// `/proc/loadavg`: others share this machine; the reader should know how busy it was.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn usage(bad: &str) -> ! {
    eprintln!(
        "mars-proto: bad argument {bad:?}\n\
         usage: mars-proto <alloc|snapshot|nursery|all|machine> [--small] [--runs N]"
    );
    std::process::exit(2)
}

// ------------------------------------------------------------------ children

fn child(args: &[String]) {
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    match arg(0) {
        "alloc" => {
            let small = arg(4) == "small";
            let nursery: usize = arg(3).parse().expect("nursery bytes");
            let config = HeapConfig {
                nursery_bytes: nursery,
                ..HeapConfig::default()
            };
            let (mut pa, pb) = if small {
                (ParamsA::small(), ParamsB::small())
            } else {
                (ParamsA::full(), ParamsB::full())
            };
            let wl = match arg(1) {
                "C" => {
                    pa = pa.with_temps();
                    "A"
                }
                w => w,
            };
            let out = match (wl, arg(2)) {
                ("A", "mars") => mars::workload_a(config, pa),
                ("A", "rc") => rc::workload_a(pa, false),
                ("A", "rct") => rc::workload_a(pa, true),
                ("A", "lex") => lexical::workload_a(pa),
                ("B", "mars") => mars::workload_b(config, pb),
                ("B", "rc") => rc::workload_b(pb, false),
                ("B", "rct") => rc::workload_b(pb, true),
                ("B", "lex") => lexical::workload_b(pb),
                other => panic!("unknown workload/manager {other:?}"),
            };
            emit_outcome(&out);
        }
        "snap-build" => snapshot::child_build(arg(1), arg(2).parse().expect("target bytes")),
        "snap-read" => {
            snapshot::child_read(arg(1), arg(2) == "cold", arg(3) == "fixed", arg(4) == "thp")
        }
        "snap-mmap" => snapshot::child_mmap(arg(1), arg(2), arg(3) == "cold"),
        "touch" => faults::child_touch(arg(1), arg(2).parse().expect("bytes")),
        #[cfg(feature = "serial")]
        "snap-cue" => snapshot::child_cue(arg(1), arg(2).parse().expect("mug"), arg(3) == "cold"),
        other => panic!("unknown child {other:?}"),
    }
}

fn emit_outcome(o: &Outcome) {
    let mut e = Emit::default();
    e.put("elapsed_ns", o.elapsed_ns)
        .put("cpu_ns", o.cpu_ns)
        .put("sys_ns", o.sys_ns)
        .put("cells", o.cells_allocated)
        .put("live", o.live_cells)
        .put("peak_heap", o.peak_heap_bytes)
        .put(
            "checksum",
            format!("{}:{:016x}", o.checksum.count, o.checksum.sum),
        );
    if let Some(r) = o.reclaim_ns {
        e.put("reclaim_ns", r);
    }
    for (k, v) in &o.extra {
        e.put(k, v);
    }
    e.print();
}

// --------------------------------------------------------------- experiments

const NURSERY_DEFAULT: usize = 32 << 20;

fn alloc_args(wl: &str, mgr: &str, nursery: usize, small: bool) -> Vec<String> {
    vec![
        "alloc".into(),
        wl.into(),
        mgr.into(),
        nursery.to_string(),
        if small { "small" } else { "full" }.into(),
    ]
}

fn extras(r: &Rec) -> String {
    ["minor_gcs", "major_gcs", "frees", "flips", "copied_mib"]
        .iter()
        .filter(|k| r.has(k))
        .map(|k| format!("{k}={}", r.get(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "wall (cpu)" in ms for `<key>_ns` / `<key>_cpu_ns`, each the minimum
/// over the runs.
fn wc(all: &[Rec], key: &str) -> String {
    format!(
        "{} ({})",
        ms(min_of(all, &format!("{key}_ns"))),
        ms(min_of(all, &format!("{key}_cpu_ns")))
    )
}

fn exp_alloc(o: &Opts) {
    println!("load average before this experiment: {}\n", loadavg());
    let (pa, pb) = if o.small {
        (ParamsA::small(), ParamsB::small())
    } else {
        (ParamsA::full(), ParamsB::full())
    };
    println!(
        "## Experiment 1: allocation-heavy workloads, memory managers \
         (best of {} runs by CPU time)\n",
        o.runs
    );
    println!(
        "A: list of {} atoms mapped {} times ({} cells allocated); B: depth-{} tree, {} \
         path-copy steps ({} cells); C (extra): A plus 4 temporary cells per element ({} \
         cells). ns/cell = CPU time / cells allocated (initial build included).\n",
        pa.n,
        pa.rounds,
        pa.cells_allocated(),
        pb.depth,
        pb.steps,
        pb.cells_allocated(),
        pa.with_temps().cells_allocated()
    );
    let mut t = Table::new(&[
        "workload",
        "manager",
        "CPU ms",
        "of which sys ms",
        "wall ms",
        "ns/cell",
        "reclaim CPU ms",
        "heap peak MiB",
        "heap peak B/live cell",
        "peak RSS MiB",
        "counters",
        "CPU ms of each run",
    ]);
    for wl in ["A", "B", "C"] {
        let mut checksum: Option<String> = None;
        for (mgr, name) in [
            ("mars", "(a) mars-noun copying GC"),
            ("rc", "(b) RC loom, borrowing walk (jet-like)"),
            ("rct", "(b') RC loom + interpreter inc/dec traffic"),
            ("lex", "(c) lexical stack (Ares-style)"),
        ] {
            let (best, all) = best_of(
                o.runs,
                &alloc_args(wl, mgr, NURSERY_DEFAULT, o.small),
                "cpu_ns",
            );
            for r in &all {
                let sum = r.get("checksum").to_string();
                match &checksum {
                    None => checksum = Some(sum),
                    Some(c) => assert_eq!(c, &sum, "{wl}/{mgr} computed something else"),
                }
            }
            let cells = best.u("cells");
            let live = best.u("live");
            t.row(vec![
                wl.into(),
                name.into(),
                ms(best.u("cpu_ns")),
                ms(best.u("sys_ns")),
                ms(min_of(&all, "elapsed_ns")),
                format!("{:.2}", best.u("cpu_ns") as f64 / cells as f64),
                if best.has("reclaim_ns") {
                    ms(best.u("reclaim_ns"))
                } else {
                    "n/m".into()
                },
                mib(best.u("peak_heap")),
                format!("{:.1}", best.u("peak_heap") as f64 / live as f64),
                mib(best.u("hwm_kib") * 1024),
                extras(&best),
                all.iter()
                    .map(|r| ms(r.u("cpu_ns")))
                    .collect::<Vec<_>>()
                    .join(" / "),
            ]);
        }
    }
    t.print();
    println!(
        "reclaim = CPU time in the collector (a), in freeing the dropped list once per \
         round (b), in copy-out + flips (c); n/m = not measured (timing 20-cell steps \
         or per-element frees individually would distort them). heap peak = the \
         manager's own high-water footprint, counting from- and to-space during copies; \
         B/live cell divides it by the live cells (1M).\n"
    );
}

fn exp_nursery(o: &Opts) {
    println!("load average before this experiment: {}\n", loadavg());
    let pa = if o.small {
        ParamsA::small()
    } else {
        ParamsA::full()
    };
    println!(
        "## Experiment 3: minor-GC cost vs nursery size (workload A on mars-noun, \
         best of {} runs by CPU time)\n",
        o.runs
    );
    let mut t = Table::new(&[
        "nursery MiB",
        "CPU ms",
        "of which sys ms",
        "wall ms",
        "ns/cell",
        "GC CPU ms",
        "minor GCs",
        "major GCs",
        "copied MiB",
        "heap peak MiB",
        "peak RSS MiB",
    ]);
    for n in [1usize, 4, 32, 128] {
        let (best, all) = best_of(o.runs, &alloc_args("A", "mars", n << 20, o.small), "cpu_ns");
        t.row(vec![
            n.to_string(),
            ms(best.u("cpu_ns")),
            ms(best.u("sys_ns")),
            ms(min_of(&all, "elapsed_ns")),
            format!(
                "{:.2}",
                best.u("cpu_ns") as f64 / pa.cells_allocated() as f64
            ),
            ms(best.u("reclaim_ns")),
            best.get("minor_gcs").into(),
            best.get("major_gcs").into(),
            best.get("copied_mib").into(),
            mib(best.u("peak_heap")),
            mib(best.u("hwm_kib") * 1024),
        ]);
    }
    t.print();

    let gib = if o.small { 64usize << 20 } else { 1 << 30 };
    println!(
        "### Experiment 3b: first touch of {} MiB of fresh anonymous memory (best of {} runs)\n",
        gib >> 20,
        o.runs
    );
    println!(
        "What a copy into a never-touched to-space pays on top of the copy (mars-noun maps \
         a fresh old space at each major collection; old space grows into new pages).\n"
    );
    let mut t = Table::new(&[
        "pages",
        "wall ms",
        "CPU ms",
        "of which sys ms",
        "CPU ms per GiB",
        "wall ms of each run",
    ]);
    let mut setting = String::new();
    for (mode, label) in [
        ("4k", "4 KiB (default here)"),
        ("thp", "MADV_HUGEPAGE (2 MiB)"),
        ("populate", "MAP_POPULATE (4 KiB, faulted inside mmap)"),
    ] {
        let (best, all) = best_of(
            o.runs,
            &["touch".into(), mode.into(), gib.to_string()],
            "touch_cpu_ns",
        );
        setting = best.get("thp_setting").replace('_', " ");
        t.row(vec![
            label.into(),
            ms(best.u("touch_ns")),
            ms(best.u("touch_cpu_ns")),
            ms(best.u("touch_sys_ns")),
            format!(
                "{:.0}",
                best.u("touch_cpu_ns") as f64 / 1e6 * (1u64 << 30) as f64 / gib as f64
            ),
            all.iter()
                .map(|r| ms(r.u("touch_ns")))
                .collect::<Vec<_>>()
                .join(" / "),
        ]);
    }
    t.print();
    println!("transparent_hugepage/enabled: {setting}\n");
}

fn tmp_free_bytes() -> u64 {
    let s = nix::sys::statvfs::statvfs("/tmp").expect("statvfs /tmp");
    s.blocks_available() * s.fragment_size()
}

fn exp_snapshot(o: &Opts) {
    println!("load average before this experiment: {}\n", loadavg());
    let target: usize = if o.small { 64 << 20 } else { 1 << 30 };
    println!(
        "## Experiment 2: loading a {} MiB kernel-like heap (best of {} runs; times are \
         wall ms (CPU ms), each the minimum over the runs)\n",
        target >> 20,
        o.runs
    );
    let free = tmp_free_bytes();
    println!("/tmp free: {} GiB", free >> 30);
    assert!(
        free > 3 * target as u64,
        "need ~3x the heap size free in /tmp"
    );
    let prefix = format!("/tmp/mars-proto-{}", std::process::id());
    let img = format!("{prefix}.img");
    let jam = format!("{prefix}.jam");
    let _cleanup = snapshot::Cleanup(vec![img.clone(), jam.clone()]);

    let b = run_child(&["snap-build".into(), prefix.clone(), target.to_string()]);
    let bb = std::slice::from_ref(&b);
    println!(
        "built: {} MiB image, {} cells, {} atoms, {} pointers; build {} ms (minor/major GCs \
         included), final major GC {} ms; builder peak RSS {} MiB\n",
        mib(b.u("image_bytes")),
        b.u("cells"),
        b.u("atoms"),
        b.u("pointers"),
        wc(bb, "build"),
        wc(bb, "major"),
        mib(b.u("hwm_kib") * 1024),
    );

    let mut t = Table::new(&[
        "operation",
        "time ms: wall (CPU)",
        "size MiB",
        "peak RSS MiB",
        "notes",
    ]);
    t.row(vec![
        "mug of whole kernel, uncached".into(),
        wc(bb, "mug_uncached"),
        mib(b.u("image_bytes")),
        "-".into(),
        "best of 3 in the builder, mugs cleared before each".into(),
    ]);
    t.row(vec![
        "mug, cached (after first)".into(),
        format!("{:.4}", b.u("mug_cached_ns") as f64 / 1e6),
        "-".into(),
        "-".into(),
        "one meta-word read".into(),
    ]);
    t.row(vec![
        "save: write image / fsync".into(),
        format!("{} / {}", wc(bb, "img_write"), wc(bb, "img_fsync")),
        mib(b.u("img_file_bytes")),
        "-".into(),
        "best of 3; write goes to the page cache, fsync to disk".into(),
    ]);

    let runs = o.runs;
    for (cold, fixed, thp) in [
        (false, false, false),
        (true, false, false),
        (false, true, false),
        (false, false, true),
    ] {
        let (best, all) = best_of(
            runs,
            &[
                "snap-read".into(),
                img.clone(),
                if cold { "cold" } else { "warm" }.into(),
                if fixed { "fixed" } else { "any" }.into(),
                if thp { "thp" } else { "4k" }.into(),
            ],
            "read_ns",
        );
        let label = if cold { "cold" } else { "warm" };
        let total = min_of(&all, "read_ns") + min_of(&all, "reloc_ns");
        let (what, note) = if fixed {
            (
                "read into a region at the saved address",
                format!(
                    "MAP_FIXED_NOREPLACE anonymous region; relocated: {}",
                    if best.u("relocated") == 0 {
                        "no (address granted)"
                    } else {
                        "yes (address taken)"
                    }
                ),
            )
        } else if thp {
            (
                "read (into MADV_HUGEPAGE region) + relocate",
                "as the first row, but the fresh region is faulted in 2 MiB pages".to_string(),
            )
        } else {
            (
                "read + relocate",
                "fresh region at a kernel-chosen address (read includes faulting it in, \
                 4 KiB pages); mug then cached"
                    .to_string(),
            )
        };
        let note = format!(
            "{note}; read wall ms of each run: {}",
            all.iter()
                .map(|r| ms(r.u("read_ns")))
                .collect::<Vec<_>>()
                .join(" / ")
        );
        t.row(vec![
            format!("load (a) {what}, {label}: read / relocate / sum"),
            format!(
                "{} / {} / {}",
                wc(&all, "read"),
                wc(&all, "reloc"),
                ms(total)
            ),
            mib(best.u("image_bytes")),
            mib(best.u("hwm_kib") * 1024),
            note,
        ]);
    }

    for (mode, cold, note) in [
        ("none", false, "no page touched: cost deferred to first use"),
        ("read", false, "one read per 4 KiB page (minor faults)"),
        (
            "read",
            true,
            "one read per page, page cache dropped first (major faults)",
        ),
        (
            "write",
            false,
            "one write per page: copy-on-write of every page",
        ),
        (
            "reloc",
            false,
            "kernel-chosen address + relocation pass (COW every page)",
        ),
    ] {
        let tried: Vec<Rec> = (0..runs)
            .map(|_| {
                run_child(&[
                    "snap-mmap".into(),
                    img.clone(),
                    mode.into(),
                    if cold { "cold" } else { "warm" }.into(),
                ])
            })
            .collect();
        let all: Vec<Rec> = tried
            .iter()
            .filter(|r| r.get("status") == "ok")
            .cloned()
            .collect();
        let granted = format!("{}/{}", all.len(), tried.len());
        let label = format!(
            "load (b) mmap {}, {}: mmap / touch / sum",
            if mode == "reloc" {
                "elsewhere + relocate".to_string()
            } else {
                format!("at saved address, touch={mode}")
            },
            if cold { "cold" } else { "warm" }
        );
        let Some(best) = all.iter().min_by_key(|r| r.u("total_ns")) else {
            t.row(vec![
                label,
                format!("address not granted in any of {} runs", tried.len()),
                "-".into(),
                "-".into(),
                note.into(),
            ]);
            continue;
        };
        t.row(vec![
            label,
            format!(
                "{} / {} / {}",
                wc(&all, "mmap"),
                wc(&all, "touch"),
                wc(&all, "total")
            ),
            mib(b.u("image_bytes")),
            format!(
                "{} at load ({} after validation walk)",
                mib(best.u("rss_after_load_kib") * 1024),
                mib(best.u("hwm_kib") * 1024)
            ),
            format!(
                "{note}; {} in {granted} runs{}",
                if mode == "reloc" {
                    "mapped"
                } else {
                    "address granted"
                },
                if all.len() < tried.len() {
                    format!(
                        " (others: {})",
                        tried
                            .iter()
                            .filter(|r| r.get("status") != "ok")
                            .map(|r| r.get("status").to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                } else {
                    String::new()
                }
            ),
        ]);
    }

    let probes = 50;
    let granted = (0..probes)
        .filter(|_| {
            run_child(&[
                "snap-mmap".into(),
                img.clone(),
                "probe".into(),
                "warm".into(),
            ])
            .get("status")
                == "ok"
        })
        .count();
    t.row(vec![
        "(b) is the saved address free in a fresh process?".into(),
        format!("granted in {granted}/{probes}"),
        "-".into(),
        "-".into(),
        "MAP_FIXED_NOREPLACE at the saved base, fresh process each time (ASLR)".into(),
    ]);

    if b.has("jam_ns") {
        t.row(vec![
            "save (c): jam of the root".into(),
            wc(bb, "jam"),
            mib(b.u("jam_bytes")),
            format!("{} (builder)", mib(b.u("hwm_kib") * 1024)),
            format!(
                "best of 3 in the builder, mugs already cached; write+fsync {} ms",
                wc(bb, "jam_write")
            ),
        ]);
        cue_rows(&mut t, runs, &jam, b.u("mug"));
    } else {
        t.row(vec![
            "(c) jam/cue".into(),
            "skipped".into(),
            "-".into(),
            "-".into(),
            "built without the serial feature".into(),
        ]);
    }
    t.print();
}

#[cfg(feature = "serial")]
fn cue_rows(t: &mut Table, runs: usize, jam: &str, mug: u64) {
    for cold in [false, true] {
        let (best, all) = best_of(
            runs,
            &[
                "snap-cue".into(),
                jam.into(),
                mug.to_string(),
                if cold { "cold" } else { "warm" }.into(),
            ],
            "cue_cpu_ns",
        );
        let sum: u64 = ["read_ns", "cue_ns", "mug_ns", "gc_ns"]
            .iter()
            .map(|k| min_of(&all, k))
            .sum();
        t.row(vec![
            format!(
                "load (c) cue, {}: read jam / cue / mug / minor GC / sum",
                if cold { "cold" } else { "warm" }
            ),
            format!(
                "{} / {} / {} / {} / {}",
                wc(&all, "read"),
                wc(&all, "cue"),
                wc(&all, "mug"),
                wc(&all, "gc"),
                ms(sum)
            ),
            mib(best.u("heap_bytes")),
            mib(best.u("hwm_kib") * 1024),
            "size = heap built by cue; mug is uncached after cue; the GC moves the \
             kernel out of the nursery"
                .into(),
        ]);
    }
}

#[cfg(not(feature = "serial"))]
fn cue_rows(_t: &mut Table, _runs: usize, _jam: &str, _mug: u64) {}
