//! A king for tests: spawns `mars serf` exactly as vere's `lord.c` does (same
//! argv, pipes, cwd), drives it like `lord.c`/`pier.c`, and validates every
//! plea as strictly as the king (`Plea::decode`, serf-protocol.md §4).
#![allow(dead_code)]

pub mod dojo;

use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use mars_noun::{Heap, HeapConfig, Noun};
use mars_serf::newt::{encode, FrameReader};
use mars_serf::plea::{Goof, Plea};

/// The kind of an outstanding writ (the king's FIFO).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Live,
    Peek,
    Play,
    Work,
}

/// A running serf and the king's view of it.
pub struct King {
    pub child: Child,
    stdin: Option<ChildStdin>,
    reader: FrameReader<ChildStdout>,
    pub heap: Heap,
    /// Outstanding writs, oldest first.
    pending: VecDeque<Kind>,
    /// For each outstanding `%play`, the last event of its batch.
    play_last: VecDeque<u64>,
    /// `%slog` pleas seen, as (priority, tank rendered as the king would).
    pub slogs: Vec<(u32, String)>,
    pub flogs: Vec<String>,
    pub eve: u64,
    pub mug: u32,
}

/// The argv the v3.0 king passes (lord.c:u3_lord_init), after `serf`.
pub fn king_argv(pier: &Path, wag: u32) -> Vec<String> {
    vec![
        pier.display().to_string(),
        "0:0:0:0".into(),
        wag.to_string(),
        "50000".into(),
        "31".into(),
        "0".into(),
        "0".into(),
        "0".into(),
        "50000".into(),
    ]
}

pub fn mars_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_mars"))
}

impl King {
    /// Spawn `mars serf` for `pier` (wag 128: the king's default) and read
    /// its `%ripe`.
    pub fn spawn(pier: &Path) -> King {
        King::spawn_with(pier, 128)
    }

    pub fn spawn_with(pier: &Path, wag: u32) -> King {
        King::spawn_argv(king_argv(pier, wag))
    }

    /// Spawn with an explicit argv (after `serf`).
    pub fn spawn_argv(argv: Vec<String>) -> King {
        let mut child = Command::new(mars_bin())
            .arg("serf")
            .args(argv)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn mars serf");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout");
        let heap = Heap::new(HeapConfig {
            limit_bytes: 4 << 30,
            ..HeapConfig::default()
        })
        .expect("heap");
        let mut king = King {
            child,
            stdin,
            reader: FrameReader::new(stdout),
            heap,
            pending: VecDeque::new(),
            play_last: VecDeque::new(),
            slogs: Vec::new(),
            flogs: Vec::new(),
            eve: 0,
            mug: 0,
        };
        match king.next_plea() {
            Plea::Ripe { eve, mug } => {
                king.eve = eve;
                king.mug = mug;
            }
            other => panic!("first plea must be %ripe, got {other:?}"),
        }
        king
    }

    /// Send raw bytes on the serf's stdin (for fault tests).
    pub fn send_raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let w = self.stdin.as_mut().expect("stdin open");
        w.write_all(bytes)?;
        w.flush()
    }

    /// Close the serf's stdin.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// Send a writ noun, remembering its kind.
    pub fn send(&mut self, kind: Kind, writ: Noun) {
        let frame = encode(&mars_serial::jam(writ)).expect("frame");
        self.send_raw(&frame).expect("write writ");
        self.pending.push_back(kind);
    }

    /// The next plea that is not `%slog`/`%flog`, validated like the king.
    pub fn next_plea(&mut self) -> Plea {
        loop {
            let frame = self
                .reader
                .next_frame()
                .expect("newt frame from serf")
                .expect("serf closed its output");
            let noun = mars_serial::cue(&mut self.heap, &frame).expect("plea must cue");
            let plea = Plea::decode(noun).unwrap_or_else(|e| panic!("invalid plea: {e}"));
            match plea {
                Plea::Slog { pri, tank } => self.slogs.push((pri, mars_serf::tank::render(tank))),
                Plea::Flog(cord) => self.flogs.push(cord_text(cord)),
                other => return other,
            }
        }
    }

    /// The reply to the oldest outstanding writ; its kind must match.
    pub fn reply(&mut self) -> Plea {
        let plea = self.next_plea();
        let want = self
            .pending
            .pop_front()
            .expect("a plea with no writ outstanding");
        let got = match &plea {
            Plea::Live => Kind::Live,
            Plea::PeekDone(_) | Plea::PeekBail(_) => Kind::Peek,
            Plea::PlayDone { .. } | Plea::PlayBail { .. } => Kind::Play,
            Plea::WorkDone { .. } | Plea::WorkSwap { .. } | Plea::WorkBail(_) => Kind::Work,
            Plea::Ripe { .. } => panic!("unexpected second %ripe"),
            Plea::Slog { .. } | Plea::Flog(_) => unreachable!(),
        };
        assert_eq!(got, want, "reply kind must match the oldest writ");
        match &plea {
            Plea::PlayDone { mug } => {
                self.mug = *mug;
                self.eve = self.play_last.pop_front().expect("a %play outstanding");
            }
            Plea::PlayBail { eve, mug, .. } => {
                self.play_last.pop_front();
                self.eve = *eve;
                self.mug = *mug;
            }
            Plea::WorkDone { eve, mug, .. } | Plea::WorkSwap { eve, mug, .. } => {
                assert_eq!(*eve, self.eve + 1, "event numbers advance by exactly one");
                self.eve = *eve;
                self.mug = *mug;
            }
            _ => {}
        }
        plea
    }

    fn tas(&mut self, s: &str) -> Noun {
        self.heap.atom_str(s)
    }

    /// `[%play eve lit]`.
    pub fn send_play(&mut self, eve: u64, events: &[Noun]) {
        let lit = self.heap.list(events);
        let tag = self.tas("play");
        let e = self.heap.atom_u64(eve);
        let writ = self.heap.tuple(&[tag, e, lit]);
        self.play_last.push_back(eve + events.len() as u64 - 1);
        self.send(Kind::Play, writ);
    }

    /// Send `%play` and wait for its reply; on `%done` the king's event is
    /// the batch's last.
    pub fn play(&mut self, eve: u64, events: &[Noun]) -> Plea {
        self.send_play(eve, events);
        self.reply()
    }

    /// `[%work 0 job]`.
    pub fn send_work(&mut self, job: Noun) {
        self.send_work_mil(0, job);
    }

    /// `[%work mil job]`.
    pub fn send_work_mil(&mut self, mil: u32, job: Noun) {
        let tag = self.tas("work");
        let writ = self.heap.tuple(&[tag, Noun::direct(u64::from(mil)), job]);
        self.send(Kind::Work, writ);
    }

    /// Send a signal to the serf.
    pub fn signal(&self, sig: nix::sys::signal::Signal) {
        let pid = nix::unistd::Pid::from_raw(self.child.id() as i32);
        nix::sys::signal::kill(pid, sig).expect("kill");
    }

    pub fn work(&mut self, job: Noun) -> Plea {
        self.send_work(job);
        self.reply()
    }

    /// `[%peek 0 sam]`.
    pub fn send_peek(&mut self, sample: Noun) {
        let tag = self.tas("peek");
        let writ = self.heap.tuple(&[tag, Noun::ZERO, sample]);
        self.send(Kind::Peek, writ);
    }

    pub fn peek(&mut self, sample: Noun) -> Plea {
        self.send_peek(sample);
        self.reply()
    }

    /// `[%live sub dat]`.
    pub fn send_live(&mut self, sub: &str, dat: Noun) {
        let tag = self.tas("live");
        let s = self.tas(sub);
        let writ = self.heap.tuple(&[tag, s, dat]);
        self.send(Kind::Live, writ);
    }

    /// `[%live %save eve]` for the king's current event; expects `[%live ~]`.
    pub fn save(&mut self) {
        let e = self.heap.atom_u64(self.eve);
        self.send_live("save", e);
        match self.reply() {
            Plea::Live => {}
            other => panic!("save: expected %live, got {other:?}"),
        }
    }

    /// `[%live %exit code]`: the serf must exit with `code` and say nothing.
    pub fn exit(mut self, code: u8) -> ExitStatus {
        let c = Noun::direct(u64::from(code));
        self.send_live("exit", c);
        self.close_stdin();
        let status = self.wait(Duration::from_secs(30));
        assert!(
            self.reader.next_frame().expect("clean end").is_none(),
            "no reply to %exit"
        );
        status
    }

    /// Close stdin and wait: the serf must exit non-zero promptly.
    pub fn wait_exit_after_close(&mut self, timeout: Duration) -> ExitStatus {
        self.close_stdin();
        self.wait(timeout)
    }

    /// Wait for the serf to exit (killing it after `timeout`).
    pub fn wait(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                return s;
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!("serf did not exit within {timeout:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for King {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The text of a cord.
pub fn cord_text(n: Noun) -> String {
    n.as_atom()
        .map(|a| String::from_utf8_lossy(&a.to_le_bytes()).into_owned())
        .unwrap_or_default()
}

/// The mote of a goof as text.
pub fn mote(g: &Goof) -> String {
    cord_text(g.mote)
}
