//! The differential harness: the real Hoon arms, from the ivory pill.
//!
//! `Ivory::boot` cues `shared/pills/ivory-2023.pill` (`[%ivory nok ver ~]`),
//! runs its lifecycle formula `[2 [0 3] [0 2]]` with our jets installed
//! (the `%fast` hints register the stdlib layers as it runs), and finds the
//! layer cores `k140/one` and `k140/one/two` on the tail spine of the
//! product. `Ivory::gate` finds a gate's arm in its layer's battery by its
//! `%fast` hint, `[11 [%fast [1 %name ...]] ...]`, builds the gate by
//! pulling that arm (which registers it), and checks the registered path.
//! `Ivory::run` slams a gate through Nock 9 (the only place jets are
//! matched) in one of three modes: with the jet, with every jet but this
//! one (its Hoon runs, calling jetted helpers), or with no jet at all.
#![allow(dead_code)]

pub mod hoon;

use std::path::PathBuf;

use mars_nock::{Mote, Root, Runtime};
use mars_noun::{noun_eq, Heap, HeapConfig, Noun};

/// Where `shared/` is: `$MARS_SHARED_DIR`, else beside the repository.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MARS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    dir.is_dir().then_some(dir)
}

/// A test noun, built into a heap only when needed (so it survives any
/// collection between runs).
#[derive(Clone, PartialEq, Eq)]
pub enum T {
    /// An atom as little-endian words.
    A(Vec<u64>),
    C(Box<T>, Box<T>),
}

impl std::fmt::Debug for T {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            T::A(w) => {
                let len = w.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1);
                match len {
                    0 => write!(f, "0"),
                    1 => write!(f, "{:#x}", w[0]),
                    2 => write!(f, "{:#x}", u128::from(w[0]) | (u128::from(w[1]) << 64)),
                    n => write!(f, "<{n} words, low {:#x}>", w[0]),
                }
            }
            T::C(h, t) => write!(f, "[{h:?} {t:?}]"),
        }
    }
}

impl T {
    pub fn a(v: u64) -> T {
        T::A(vec![v])
    }
    pub fn big(v: u128) -> T {
        T::A(vec![v as u64, (v >> 64) as u64])
    }
    pub fn c(h: T, t: T) -> T {
        T::C(Box::new(h), Box::new(t))
    }
    /// `[a b c ...]`, right-nested.
    pub fn tuple(items: &[T]) -> T {
        let (last, init) = items.split_last().expect("a tuple has items");
        init.iter()
            .rev()
            .fold(last.clone(), |t, h| T::c(h.clone(), t))
    }
    /// `~[a b c]`.
    pub fn list(items: &[T]) -> T {
        items.iter().rev().fold(T::a(0), |t, h| T::c(h.clone(), t))
    }
    pub fn build(&self, heap: &mut Heap) -> Noun {
        match self {
            T::A(w) => heap.atom_from_words(w),
            T::C(h, t) => {
                let h = h.build(heap);
                let t = t.build(heap);
                heap.cell(h, t)
            }
        }
    }
    /// The value if the atom fits in 64 bits.
    pub fn small(&self) -> Option<u64> {
        match self {
            T::A(w) => {
                let len = w.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1);
                match len {
                    0 => Some(0),
                    1 => Some(w[0]),
                    _ => None,
                }
            }
            T::C(..) => None,
        }
    }
}

/// How a gate is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every jet, this gate's included.
    Jet,
    /// Every jet but this gate's: its Hoon runs as Nock.
    Hoon,
    /// No jet at all: pure Nock all the way down.
    Nock,
}

/// What a run gave.
#[derive(Debug, Clone, Copy)]
pub enum Outcome {
    Product(Noun),
    Crash(Mote),
}

/// A booted ivory kernel with our jets.
pub struct Ivory {
    pub rt: Runtime,
    /// The layer cores, kept: `k140/one`, `k140/one/two`.
    one: Root,
    two: Root,
    /// The root's name (`k140`).
    pub root: String,
    gates: Vec<(&'static str, Root)>,
}

/// The layer a gate of ours lives in.
fn layer_of(name: &str) -> usize {
    let one = [
        "add", "dec", "div", "dvr", "gte", "gth", "lte", "lth", "max", "min", "mod", "mul", "sub",
        "cap", "mas", "peg",
    ];
    if one.contains(&name) {
        1
    } else {
        2
    }
}

/// Is `f` the hint `[11 [%fast [1 [name ...]]] ...]`?
fn fast_hint(f: Noun, name: u64) -> bool {
    let fast = u64::from_le_bytes(*b"fast\0\0\0\0");
    (|| {
        let (eleven, t) = f.cell_parts()?;
        let (hint, _) = t.cell_parts()?;
        let (tag, clue_f) = hint.cell_parts()?;
        let (one, clue) = clue_f.cell_parts()?;
        let (chum, _) = clue.cell_parts()?;
        Some(
            eleven.as_direct()? == 11
                && tag.as_direct()? == fast
                && one.as_direct()? == 1
                && chum.as_direct()? == name,
        )
    })()
    .unwrap_or(false)
}

/// The axis, in a core with `battery`, of the arm `~/  %name`: compiled as
/// `[7 gate [11 [%fast [1 %name ...]] [0 1]]]` (the hint wraps the built
/// gate) or `[11 [%fast ...] gate]`.
fn find_arm(battery: Noun, name: u64) -> Option<u64> {
    // Axes are within the core: the battery is its head, axis 2.
    let mut stack = vec![(battery, 2u64)];
    while let Some((n, axis)) = stack.pop() {
        let Some((h, t)) = n.cell_parts() else {
            continue;
        };
        if fast_hint(n, name) {
            return Some(axis);
        }
        if h.as_direct() == Some(7) {
            if let Some((_, then)) = t.cell_parts() {
                if fast_hint(then, name) {
                    return Some(axis);
                }
            }
        }
        // A fork of the battery tree (or an autocons; a wrong guess is
        // caught by the path check in `gate`).
        if h.is_cell() && axis < (1 << 40) {
            stack.push((h, axis * 2));
            stack.push((t, axis * 2 + 1));
        }
    }
    None
}

fn text(s: &str) -> u64 {
    let mut b = [0u8; 8];
    b[..s.len()].copy_from_slice(s.as_bytes());
    u64::from_le_bytes(b)
}

impl Ivory {
    /// Boot the ivory pill, or `None` (with a message) if `shared/` is absent.
    pub fn boot() -> Option<Ivory> {
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
        let (tag, eve) = pill.cell_parts().expect("pill is a cell");
        assert_eq!(tag.as_u64(), Some(text("ivory")), "an %ivory pill");
        let lyf = mars_noun::fmt::parse(&mut rt.heap, "[2 [0 3] [0 2]]").expect("formula");
        let product = rt.nock(eve, lyf).expect("the ivory lifecycle runs");
        // The layers are on the tail spine of the product.
        let (mut one, mut two, mut root) = (None, None, None);
        let mut n = product;
        for _ in 0..256 {
            if let Some(p) = rt.cold().path_of(n) {
                let parts: Vec<&str> = p.split('/').collect();
                match parts.as_slice() {
                    [r] => root = Some(r.to_string()),
                    [_, "one"] => one = Some(n),
                    [_, "one", "two"] => two = Some(n),
                    _ => {}
                }
            }
            match n.cell_parts() {
                Some((_, t)) => n = t,
                None => break,
            }
        }
        let (one, two) = (one.expect("layer one"), two.expect("layer two"));
        let one = rt.keep(one);
        let two = rt.keep(two);
        Some(Ivory {
            rt,
            one,
            two,
            root: root.expect("a root"),
            gates: Vec::new(),
        })
    }

    /// The gate `name` (built once, kept).
    pub fn gate(&mut self, name: &'static str) -> Noun {
        if let Some((_, r)) = self.gates.iter().find(|(n, _)| *n == name) {
            return self.rt.root(*r);
        }
        let layer = if layer_of(name) == 1 {
            self.one
        } else {
            self.two
        };
        let core = self.rt.root(layer);
        let battery = core.cell_parts().expect("a core").0;
        let axis = find_arm(battery, text(name)).unwrap_or_else(|| panic!("no arm ~/ %{name}"));
        let f = mars_noun::fmt::parse(&mut self.rt.heap, &format!("[9 {axis} 0 1]")).expect("f");
        let core = self.rt.root(layer);
        let gate = self.rt.nock(core, f).expect("pull the arm");
        let want = if layer_of(name) == 1 {
            format!("{}/one/{name}", self.root)
        } else {
            format!("{}/one/two/{name}", self.root)
        };
        assert_eq!(
            self.rt.cold().path_of(gate),
            Some(want.as_str()),
            "gate %{name}"
        );
        let r = self.rt.keep(gate);
        self.gates.push((name, r));
        self.rt.root(r)
    }

    /// Slam `name` with `sample` in `mode`, through `[9 2 0 1]`.
    fn run_raw(&mut self, name: &'static str, sample: &T, mode: Mode) -> Outcome {
        let gate = self.gate(name);
        match mode {
            Mode::Jet => {
                self.rt.install_hot(mars_jets::hot_table());
                self.rt.set_jets_enabled(true);
            }
            Mode::Hoon => {
                self.rt.install_hot(mars_jets::hot_table_without(name));
                self.rt.set_jets_enabled(true);
            }
            Mode::Nock => self.rt.set_jets_enabled(false),
        }
        let s = sample.build(&mut self.rt.heap);
        let (battery, payload) = gate.cell_parts().expect("gate");
        let context = payload.cell_parts().expect("gate payload").1;
        let payload = self.rt.heap.cell(s, context);
        let core = self.rt.heap.cell(battery, payload);
        let f = self
            .rt
            .heap
            .tuple(&[Noun::direct(9), Noun::direct(2), Noun::ZERO, Noun::ONE]);
        let r = self.rt.nock(core, f);
        // Back to the default for the next caller.
        self.rt.set_jets_enabled(true);
        self.rt.install_hot(mars_jets::hot_table());
        match r {
            Ok(p) => Outcome::Product(p),
            Err(b) => Outcome::Crash(b.mote()),
        }
    }

    /// Jet calls so far for `name` (under the ivory root).
    pub fn calls(&self, name: &str) -> u64 {
        let path = if layer_of(name) == 1 {
            format!("{}/one/{name}", self.root)
        } else {
            format!("{}/one/two/{name}", self.root)
        };
        self.rt
            .jet_stats()
            .and_then(|s| s.by_path.get(&path))
            .map_or(0, |s| s.0)
    }

    /// Run `name` on `sample` with the jet and in `mode`; panic if the two
    /// differ in product or in crashing. Returns whether it crashed.
    pub fn check(&mut self, name: &'static str, sample: &T, mode: Mode) -> bool {
        self.rt.set_jet_stats(true);
        let before = self.calls(name);
        let jet = self.run_raw(name, sample, Mode::Jet);
        assert!(
            self.calls(name) > before,
            "%{name} {sample:?}: the jet was not called"
        );
        let kept = match jet {
            Outcome::Product(p) => Some(self.rt.keep(p)),
            Outcome::Crash(_) => None,
        };
        let other = self.run_raw(name, sample, mode);
        let crashed = match (jet, other, kept) {
            (Outcome::Product(_), Outcome::Product(q), Some(r)) => {
                let p = self.rt.root(r);
                assert!(
                    noun_eq(p, q),
                    "%{name} {sample:?}: jet {} but {mode:?} {}",
                    mars_noun::fmt::render(p, 200),
                    mars_noun::fmt::render(q, 200)
                );
                false
            }
            (Outcome::Crash(a), Outcome::Crash(b), None) => {
                assert_eq!(a, b, "%{name} {sample:?}: crash motes differ");
                true
            }
            (a, b, _) => panic!("%{name} {sample:?}: jet {a:?} but {mode:?} {b:?}"),
        };
        if let Some(r) = kept {
            self.rt.release(r);
        }
        crashed
    }

    /// The jet alone on `sample`.
    pub fn jet(&mut self, name: &'static str, sample: &T) -> Outcome {
        self.run_raw(name, sample, Mode::Jet)
    }

    /// The gate's Hoon alone on `sample` (other jets on).
    pub fn hoon(&mut self, name: &'static str, sample: &T) -> Outcome {
        self.run_raw(name, sample, Mode::Hoon)
    }
}

/// A deterministic proptest runner: the same `cases` every run, failures
/// shrink, nothing persisted.
pub fn runner(cases: u32) -> proptest::test_runner::TestRunner {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    )
}

/// `n` random values of the strategy `s`, from [`runner`] (the same values
/// every run).
pub fn draw<S: proptest::strategy::Strategy>(s: S, n: u32) -> Vec<S::Value> {
    let out = std::cell::RefCell::new(Vec::new());
    runner(n)
        .run(&s, |v| {
            out.borrow_mut().push(v);
            Ok(())
        })
        .expect("draw");
    out.into_inner()
}
