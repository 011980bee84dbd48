//! The Hoon harness: gates written as Hoon source, compiled by the ivory
//! pill's own compiler, run with and without a jet.
//!
//! `Kernel::boot` runs the ivory lifecycle; its kernel core (axis 7 of the
//! product) has `+wish` at arm 10, which compiles and runs a Hoon
//! expression against the standard library. `Kernel::gate("|=(a=(map @ @)
//! (~(put by a) 5 6))")` wishes for a gate once and keeps it; `check`
//! slams it on a sample with every jet, then with every jet but the one
//! under test (its arm runs as the Hoon's own Nock), and optionally with no
//! jet at all, and compares products and crashes. The wrapper gate is
//! compiled with every jet on; only the slam differs between the modes.
//!
//! This reaches any arm, however deep: door arms (`~(put by a)`), gates
//! built by gates (`(cook f rule)`), arms that take gates (`turn`).

use mars_nock::{Root, Runtime};
use mars_noun::{noun_eq, HeapConfig, Noun};

use super::{shared_dir, Mode, Outcome, T};

/// A booted ivory kernel that compiles Hoon.
pub struct Kernel {
    pub rt: Runtime,
    kernel: Root,
    gates: Vec<(String, Root)>,
}

impl Kernel {
    /// Boot the ivory pill, or `None` (with a message) if `shared/` is absent.
    pub fn boot() -> Option<Kernel> {
        let Some(dir) = shared_dir() else {
            eprintln!("skipped: no shared/ (set MARS_SHARED_DIR)");
            return None;
        };
        let path = dir.join("pills/ivory-2023.pill");
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("skipped: no {}", path.display());
            return None;
        };
        let mut rt = Runtime::new(HeapConfig {
            nursery_bytes: 8 << 20,
            limit_bytes: 4 << 30,
            ..HeapConfig::default()
        })
        .expect("runtime");
        rt.install_hot(mars_jets::hot_table());
        let pill = mars_serial::cue(&mut rt.heap, &bytes).expect("cue the ivory pill");
        let (_, eve) = pill.cell_parts().expect("pill is a cell");
        let lyf = mars_noun::fmt::parse(&mut rt.heap, "[2 [0 3] [0 2]]").expect("formula");
        let product = rt.nock(eve, lyf).expect("the ivory lifecycle runs");
        let kernel = product.slot_u64(7).expect("the kernel core");
        let kernel = rt.keep(kernel);
        Some(Kernel {
            rt,
            kernel,
            gates: Vec::new(),
        })
    }

    /// The value of a Hoon expression (compiled and run with every jet).
    pub fn wish(&mut self, src: &str) -> Noun {
        let kernel = self.rt.root(self.kernel);
        let arm = mars_noun::fmt::parse(&mut self.rt.heap, "[9 10 0 1]").expect("formula");
        let gate = self.rt.nock(kernel, arm).expect("+wish");
        let cord = self.rt.heap.atom_from_le_bytes(src.as_bytes());
        match self.rt.slam(gate, cord) {
            Ok(v) => v,
            Err(b) => panic!("wish {src:?} failed: {b:?}"),
        }
    }

    /// The gate `src` (compiled once, kept).
    pub fn gate(&mut self, src: &str) -> Noun {
        if let Some((_, r)) = self.gates.iter().find(|(s, _)| s == src) {
            return self.rt.root(*r);
        }
        let g = self.wish(src);
        let r = self.rt.keep(g);
        self.gates.push((src.to_string(), r));
        self.rt.root(r)
    }

    /// Times the jet `name` (as in `mars_jets::table`) has been called.
    pub fn calls(&self, name: &str) -> u64 {
        let Some(gate) = mars_jets::table::gate(name) else {
            panic!("no jet %{name} in the table")
        };
        let Some(stats) = self.rt.jet_stats() else {
            return 0;
        };
        gate.paths
            .iter()
            .filter_map(|p| stats.by_path.get(*p))
            .map(|s| s.0)
            .sum()
    }

    /// Slam the gate `src` on `sample` in `mode` (for `Mode::Hoon`, every
    /// jet but `name`).
    pub fn run(&mut self, src: &str, name: &str, sample: &T, mode: Mode) -> Outcome {
        self.gate(src);
        match mode {
            Mode::Jet => {}
            Mode::Hoon => self.rt.install_hot(mars_jets::hot_table_without(name)),
            Mode::Nock => self.rt.set_jets_enabled(false),
        }
        let gate = self.gate(src);
        // Each run is an event of its own: no `%memo` hits from the last.
        self.rt.clear_transient_memo();
        let s = sample.build(&mut self.rt.heap);
        let r = self.rt.slam(gate, s);
        self.rt.install_hot(mars_jets::hot_table());
        self.rt.set_jets_enabled(true);
        match r {
            Ok(p) => Outcome::Product(p),
            Err(b) => Outcome::Crash(b.mote()),
        }
    }

    /// Slam `src` on `sample` with every jet (asserting that `name` was
    /// called) and in `mode`; panic if they differ in product or in
    /// crashing. Returns the jetted product (`None` if both crashed).
    pub fn check(&mut self, src: &str, name: &str, sample: &T, mode: Mode) -> Option<Noun> {
        self.rt.set_jet_stats(true);
        let before = self.calls(name);
        let jet = self.run(src, name, sample, Mode::Jet);
        assert!(
            self.calls(name) > before,
            "{src} on {sample:?}: the jet %{name} was not called"
        );
        let kept = match jet {
            Outcome::Product(p) => Some(self.rt.keep(p)),
            Outcome::Crash(_) => None,
        };
        let other = self.run(src, name, sample, mode);
        let out = match (jet, other, kept) {
            (Outcome::Product(_), Outcome::Product(q), Some(r)) => {
                let p = self.rt.root(r);
                assert!(
                    noun_eq(p, q),
                    "{src} on {sample:?}: jet {} but {mode:?} {}",
                    mars_noun::fmt::render(p, 200),
                    mars_noun::fmt::render(q, 200)
                );
                Some(p)
            }
            (Outcome::Crash(a), Outcome::Crash(b), None) => {
                assert_eq!(a, b, "{src} on {sample:?}: crash motes differ");
                None
            }
            (a, b, _) => panic!("{src} on {sample:?}: jet {a:?} but {mode:?} {b:?}"),
        };
        if let Some(r) = kept {
            self.rt.release(r);
        }
        out
    }
}
