//! The real kernel under a king: `mars serf` (the binary beside this one)
//! spawned with the v3.0 king's argv and driven over newt frames, as
//! vere's `lord.c` does.
//!
//! * `brass-boot`: the brass pill's boot sequence (built as the king
//!   builds it, `mars_serf::pill`) as one `%play`, timed to its
//!   `[%play %done mug]`; then `%live %save` (timed; the snapshot's size
//!   is reported) and `%live %exit`. The booted pier is left for
//!   `brass-restart`.
//! * `brass-restart`: `mars serf` on that pier, timed to its `%ripe` (the
//!   snapshot's load).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Instant;

use mars_noun::{Heap, HeapConfig, Noun};
use mars_serf::newt::{encode, FrameReader};
use mars_serf::pill::{boot_events, parse, BootPlan};
use mars_serf::plea::Plea;

use crate::{shared_dir, Outcome};

/// Where `brass-boot` leaves its pier for `brass-restart`.
fn booted_pier() -> PathBuf {
    std::env::temp_dir().join("mars-bench-brass-booted")
}

/// A `mars serf` child and the king's end of its pipes.
struct Serf {
    child: Child,
    stdin: ChildStdin,
    reader: FrameReader<ChildStdout>,
    heap: Heap,
}

impl Serf {
    /// Spawn on `pier` and wait for `%ripe`; returns it and the seconds.
    fn spawn(pier: &Path) -> Result<(Serf, f64), String> {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let mars = exe.with_file_name("mars");
        let t = Instant::now();
        let mut child = Command::new(&mars)
            .arg("serf")
            .arg(pier)
            .args(["0:0:0:0", "128", "50000", "31", "0", "0", "0", "50000"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!(
                    "{}: {e} (run `cargo build --release` first)",
                    mars.display()
                )
            })?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err("no pipes to the serf".into());
        };
        let heap = Heap::new(HeapConfig {
            limit_bytes: 4 << 30,
            ..HeapConfig::default()
        })
        .map_err(|e| e.to_string())?;
        let mut serf = Serf {
            child,
            stdin,
            reader: FrameReader::new(stdout),
            heap,
        };
        match serf.plea()? {
            Plea::Ripe { .. } => Ok((serf, t.elapsed().as_secs_f64())),
            other => Err(format!("expected %ripe, got {other:?}")),
        }
    }

    /// The next plea that is not `%slog`/`%flog`.
    fn plea(&mut self) -> Result<Plea, String> {
        loop {
            let frame = self
                .reader
                .next_frame()
                .map_err(|e| e.to_string())?
                .ok_or("the serf closed its output")?;
            let noun = mars_serial::cue(&mut self.heap, &frame).map_err(|e| e.to_string())?;
            match Plea::decode(noun).map_err(|e| e.to_string())? {
                Plea::Slog { .. } | Plea::Flog(_) => continue,
                p => return Ok(p),
            }
        }
    }

    fn send(&mut self, parts: &[Noun]) -> Result<(), String> {
        let writ = self.heap.tuple(parts);
        let frame = encode(&mars_serial::jam(writ)).map_err(|e| e.to_string())?;
        self.stdin.write_all(&frame).map_err(|e| e.to_string())?;
        self.stdin.flush().map_err(|e| e.to_string())
    }

    fn tas(&mut self, s: &str) -> Noun {
        self.heap.atom_str(s)
    }

    /// `[%live sub dat]`, expecting `[%live ~]` (except for `%exit`).
    fn live(&mut self, sub: &str, dat: u64) -> Result<(), String> {
        let (l, s) = (self.tas("live"), self.tas(sub));
        self.send(&[l, s, Noun::direct(dat)])?;
        if sub == "exit" {
            return Ok(());
        }
        match self.plea()? {
            Plea::Live => Ok(()),
            other => Err(format!("%live %{sub}: {other:?}")),
        }
    }

    fn exit(mut self) -> Result<(), String> {
        self.live("exit", 0)?;
        self.child.wait().map_err(|e| e.to_string())?;
        Ok(())
    }
}

pub fn brass_boot() -> Result<Outcome, String> {
    let p = shared_dir().join("pills/brass-2023.pill");
    let bytes = std::fs::read(&p).map_err(|e| format!("skipped: {}: {e}", p.display()))?;
    let pier = booted_pier();
    let _ = std::fs::remove_dir_all(&pier);
    std::fs::create_dir_all(&pier).map_err(|e| e.to_string())?;
    let (mut serf, _) = Serf::spawn(&pier)?;
    let pill = parse(&mut serf.heap, &bytes).map_err(|e| e.to_string())?;
    let plan = BootPlan::fake(0).map_err(|e| e.to_string())?;
    let events = boot_events(&mut serf.heap, &pill, &plan);
    let n = events.len() as u64;
    let list = serf.heap.list(&events);
    let play = serf.tas("play");
    let t = Instant::now();
    serf.send(&[play, Noun::direct(1), list])?;
    let mug = match serf.plea()? {
        Plea::PlayDone { mug } => mug,
        other => return Err(format!("boot %play: {other:?}")),
    };
    let boot = t.elapsed().as_secs_f64();
    let t = Instant::now();
    serf.live("save", n)?;
    let save = t.elapsed().as_secs_f64();
    serf.exit()?;
    let size = std::fs::metadata(pier.join(".urb/chk/data.pma"))
        .map(|m| m.len() as f64 / 1e6)
        .unwrap_or(f64::NAN);
    Ok(Outcome {
        secs: Some(boot),
        text: format!(
            "{n} boot events, mug {mug:#x}; save {save:.2}s; snapshot {size:.0} MB (vere 75 MB)"
        ),
    })
}

pub fn brass_restart() -> Result<Outcome, String> {
    let pier = booted_pier();
    if !pier.join(".urb/chk/data.pma").is_file() {
        return Err("skipped: run brass-boot first".into());
    }
    let (serf, secs) = Serf::spawn(&pier)?;
    serf.exit()?;
    let _ = std::fs::remove_dir_all(&pier);
    Ok(Outcome {
        secs: Some(secs),
        text: "snapshot loaded, %ripe".into(),
    })
}
