//! Measuring: each run is a child process (so that its peak RSS, `VmHWM`,
//! belongs to that run alone); the child prints one `RESULT k=v ...` line
//! and the parent keeps the best of several runs.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::process::Command;
use std::time::{Duration, Instant};

/// Peak resident set size of this process, in KiB (`VmHWM`).
pub fn vm_hwm_kib() -> u64 {
    status_kib("VmHWM:")
}

/// Current resident set size of this process, in KiB (`VmRSS`).
pub fn vm_rss_kib() -> u64 {
    status_kib("VmRSS:")
}

fn status_kib(key: &str) -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Nanoseconds of a duration, as u64.
pub fn ns(d: Duration) -> u64 {
    d.as_nanos() as u64
}

/// CPU time (user + system) this (single-threaded) process has run so far,
/// in ns: the scheduler's precise `sum_exec_runtime` from
/// `/proc/self/schedstat`. Other jobs share this machine's two cores, so
/// wall time is inflated by whatever else runs; CPU time much less so.
/// (`getrusage` is not used for the total: on this VM its deltas over
/// fault-heavy sections came out up to 2× the wall time.)
pub fn cpu_ns() -> u64 {
    use std::os::unix::fs::FileExt;
    thread_local! {
        static SCHEDSTAT: std::fs::File =
            std::fs::File::open("/proc/self/schedstat").expect("/proc/self/schedstat");
    }
    let mut buf = [0u8; 64];
    let n = SCHEDSTAT
        .with(|f| f.read_at(&mut buf, 0))
        .expect("read schedstat");
    buf[..n]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |acc, &b| acc * 10 + u64::from(b - b'0'))
}

/// (user, system) CPU time of this process so far, in ns, from `getrusage`
/// (tick-sampled and rescaled by the kernel: use only as a rough split).
pub fn cpu_split_ns() -> (u64, u64) {
    use nix::sys::resource::{getrusage, UsageWho};
    use nix::sys::time::TimeValLike;
    let u = getrusage(UsageWho::RUSAGE_SELF).expect("getrusage");
    (
        u.user_time().num_microseconds() as u64 * 1000,
        u.system_time().num_microseconds() as u64 * 1000,
    )
}

/// Wall and CPU time of a section.
pub struct Timer {
    wall: Instant,
    cpu: u64,
    sys: u64,
}

impl Timer {
    pub fn start() -> Timer {
        Timer {
            wall: Instant::now(),
            cpu: cpu_ns(),
            sys: cpu_split_ns().1,
        }
    }

    /// (wall ns, cpu ns) since `start`.
    pub fn stop(&self) -> (u64, u64) {
        (ns(self.wall.elapsed()), cpu_ns() - self.cpu)
    }

    /// (wall ns, cpu ns, of which system ns — approximate) since `start`.
    pub fn stop3(&self) -> (u64, u64, u64) {
        let (wall, cpu) = self.stop();
        let sys = (cpu_split_ns().1 - self.sys).min(cpu);
        (wall, cpu, sys)
    }
}

/// Collects `key=value` pairs and prints them as the child's result line.
#[derive(Default)]
pub struct Emit(Vec<(String, String)>);

impl Emit {
    pub fn put(&mut self, k: &str, v: impl Display) -> &mut Self {
        self.0.push((k.to_string(), v.to_string()));
        self
    }

    /// `<name>_ns` (wall) and `<name>_cpu_ns` of a section.
    pub fn time(&mut self, name: &str, t: &Timer) -> &mut Self {
        let (wall, cpu) = t.stop();
        self.put(&format!("{name}_ns"), wall)
            .put(&format!("{name}_cpu_ns"), cpu)
    }

    /// Print the result line (adds the peak RSS).
    pub fn print(&mut self) {
        let hwm = vm_hwm_kib();
        self.put("hwm_kib", hwm);
        let body: Vec<String> = self.0.iter().map(|(k, v)| format!("{k}={v}")).collect();
        println!("RESULT {}", body.join(" "));
    }
}

/// One child's result.
#[derive(Debug, Clone, Default)]
pub struct Rec(pub BTreeMap<String, String>);

impl Rec {
    pub fn get(&self, k: &str) -> &str {
        self.0.get(k).map_or("", String::as_str)
    }

    pub fn u(&self, k: &str) -> u64 {
        self.get(k)
            .parse()
            .unwrap_or_else(|_| panic!("result has no numeric {k}: {:?}", self.0))
    }

    pub fn has(&self, k: &str) -> bool {
        self.0.contains_key(k)
    }
}

/// Run `mars-proto child <args>` and parse its result line.
pub fn run_child(args: &[String]) -> Rec {
    let exe = std::env::current_exe().expect("own executable");
    let out = Command::new(exe)
        .arg("child")
        .args(args)
        .output()
        .expect("spawn child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().find(|l| l.starts_with("RESULT "));
    match (out.status.success(), line) {
        (true, Some(line)) => {
            let mut m = BTreeMap::new();
            for kv in line["RESULT ".len()..].split_whitespace() {
                if let Some((k, v)) = kv.split_once('=') {
                    m.insert(k.to_string(), v.to_string());
                }
            }
            Rec(m)
        }
        _ => panic!(
            "child {:?} failed ({}):\n{}\n{}",
            args,
            out.status,
            stdout,
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// Run a child `runs` times; return the run with the smallest `key` and all
/// runs.
pub fn best_of(runs: usize, args: &[String], key: &str) -> (Rec, Vec<Rec>) {
    let all: Vec<Rec> = (0..runs).map(|_| run_child(args)).collect();
    let best = all
        .iter()
        .min_by_key(|r| r.u(key))
        .cloned()
        .expect("at least one run");
    (best, all)
}

/// The minimum of `key` over runs (for results where each field is best of
/// its own).
pub fn min_of(all: &[Rec], key: &str) -> u64 {
    all.iter().map(|r| r.u(key)).min().unwrap_or(0)
}

/// Format nanoseconds as milliseconds with 1 decimal.
pub fn ms(ns: u64) -> String {
    format!("{:.1}", ns as f64 / 1e6)
}

/// Format bytes as MiB with 1 decimal.
pub fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / f64::from(1u32 << 20))
}

/// A markdown table, printed at once.
pub struct Table {
    head: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(head: &[&str]) -> Table {
        Table {
            head: head.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn print(&self) {
        println!("| {} |", self.head.join(" | "));
        println!("|{}", "---|".repeat(self.head.len()));
        for r in &self.rows {
            println!("| {} |", r.join(" | "));
        }
        println!();
    }
}

/// The machine, as `nproc`, `free -g` and the CPU model would describe it.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown".to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let field = |k: &str| -> u64 {
        meminfo
            .lines()
            .find_map(|l| l.strip_prefix(k))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "nproc={cpus}, cpu=\"{model}\", MemTotal={:.1} GiB, MemAvailable={:.1} GiB, kernel={}",
        field("MemTotal:") as f64 / 1048576.0,
        field("MemAvailable:") as f64 / 1048576.0,
        kernel.trim()
    )
}
