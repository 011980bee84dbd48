//! Differential proof of the float jets (`src/floats/`): every arm of the
//! `rd`, `rs`, `rq` and `rh` doors against its own Hoon (`ff` over `fl`,
//! in the ivory pill), with every other jet on.
//!
//! * Edge operands for each format: zeros of both signs, the smallest
//!   and largest subnormals, the smallest normal, ±1, 1.5, the largest
//!   finite number, infinities, NaNs (quiet, signalling, negative, with a
//!   payload), operands with bits above the format's width, and ties for
//!   rounding at 1, between subnormals and at the top of the range.
//!   Every pair for `add sub mul div` and the comparisons, every triple
//!   of a smaller set for `fma`, in every rounding mode.
//! * Random bit patterns rich in edge exponents and fractions, with a
//!   random rounding mode (`cases()` per arm).
//! * Products are compared as nouns. Where they differ, the difference
//!   must be one of vere's two departures from the Hoon (`Departure`),
//!   each pinned by a test here with both products.
//! * Crashes: a cell operand is `%exit` in both; a rounding mode other
//!   than `%n %u %d %z` (`%a` too) is vere's `%fail` where the Hoon may
//!   give a product (pinned).
//!
//! Skipped, with a message, when `shared/` is absent.

mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;

use common::hoon::Kernel;
use common::{Mode, Outcome, T};
use mars_nock::Mote;
use mars_noun::noun_eq;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// Random cases per arm (more with `MARS_DIFF_CASES`).
fn cases() -> u32 {
    std::env::var("MARS_DIFF_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 8 } else { 150 })
}

/// All of `v` in release builds; every other item in debug builds, where
/// the Hoon runs several times slower.
fn thin<X: Clone>(v: &[X]) -> Vec<X> {
    let step = if cfg!(debug_assertions) { 2 } else { 1 };
    v.iter().step_by(step).cloned().collect()
}

/// A deterministic runner (same cases every run; failures shrink).
fn runner() -> TestRunner {
    common::runner(cases())
}

/// An IEEE interchange format, as its door names it.
#[derive(Debug, Clone, Copy)]
struct Fmt {
    door: &'static str,
    w: u32,
    p: u32,
}

/// The doors, by name.
const DOORS: [&str; 4] = ["rh", "rs", "rd", "rq"];

fn fmt(door: &str) -> Fmt {
    FORMATS
        .into_iter()
        .find(|f| f.door == door)
        .expect("a door")
}

const FORMATS: [Fmt; 4] = [
    Fmt {
        door: "rh",
        w: 5,
        p: 10,
    },
    Fmt {
        door: "rs",
        w: 8,
        p: 23,
    },
    Fmt {
        door: "rd",
        w: 11,
        p: 52,
    },
    Fmt {
        door: "rq",
        w: 15,
        p: 112,
    },
];

impl Fmt {
    fn sign(self) -> u128 {
        1 << (self.w + self.p)
    }
    fn emax(self) -> u128 {
        (1 << self.w) - 1
    }
    fn fmask(self) -> u128 {
        (1 << self.p) - 1
    }
    fn bias(self) -> u128 {
        (1 << (self.w - 1)) - 1
    }
    /// `2^e` (unbiased `e`), for normal `e`.
    fn pow2(self, e: i64) -> u128 {
        ((self.bias() as i64 + e) as u128) << self.p
    }
    fn one(self) -> u128 {
        self.pow2(0)
    }
    fn inf(self) -> u128 {
        self.emax() << self.p
    }
    fn max(self) -> u128 {
        ((self.emax() - 1) << self.p) | self.fmask()
    }
    /// The one NaN of vere and the Hoon.
    fn nan(self) -> u128 {
        ((1 << (self.w + 1)) - 1) << (self.p - 1)
    }
    fn is_zero(self, x: u128) -> bool {
        x & !self.sign() == 0
    }
    /// The edge operands.
    fn edges(self) -> Vec<u128> {
        let s = self.sign();
        vec![
            0,
            s,
            1,                               // smallest subnormal
            s | 3,                           // −3 subnormal units
            self.fmask(),                    // largest subnormal
            1 << self.p,                     // smallest normal
            self.one(),                      // 1
            s | self.one(),                  // −1
            self.one() | 1 << (self.p - 1),  // 1.5
            self.one() | 1,                  // 1 + ulp
            self.pow2(-(self.p as i64) - 1), // half an ulp of 1
            self.max(),
            s | self.max(),
            self.inf(),
            s | self.inf(),
            self.nan(),
            self.inf() | 1,        // signalling NaN
            s | self.nan() | 0x55, // negative NaN with a payload
        ]
    }
    /// A smaller set, for triples.
    fn few(self) -> Vec<u128> {
        let s = self.sign();
        vec![
            0,
            s,
            1,
            self.one() | 1,
            s | self.one(),
            self.max(),
            s | self.inf(),
            self.nan(),
        ]
    }
}

/// The rounding modes, as the door's sample.
const MODES: [(char, u64); 4] = [('n', 0x6e), ('u', 0x75), ('d', 0x64), ('z', 0x7a)];

/// The arms, by their shape.
const BINARY: [&str; 4] = ["add", "sub", "mul", "div"];
const COMPARE: [&str; 5] = ["lth", "lte", "equ", "gte", "gth"];

/// The wrapper gate for `op` of `door`: the door's `r` is the first item
/// of the sample (untyped at run time, so any noun reaches the arm).
fn src(door: &str, op: &str) -> String {
    match op {
        "sqt" => format!("|=([r=?(%n %u %d %z) a=@] (~(sqt {door} r) a))"),
        "fma" => format!("|=([r=?(%n %u %d %z) a=@ b=@ c=@] (~(fma {door} r) a b c))"),
        _ => format!("|=([r=?(%n %u %d %z) a=@ b=@] (~({op} {door} r) a b))"),
    }
}

fn sample(r: u64, args: &[u128]) -> T {
    let mut items = vec![T::a(r)];
    items.extend(args.iter().map(|&x| T::big(x)));
    T::tuple(&items)
}

/// How vere's product (the jet's) may differ from the Hoon's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Departure {
    /// Rounding toward zero from beyond the largest finite number:
    /// IEEE gives that number, the Hoon's `lug` infinity.
    Overflow,
    /// An `fma` that rounds to zero: IEEE keeps the sign of the exact
    /// result, the Hoon's `add` gives `+0` (`-0` in `%d`).
    FmaZeroSign,
}

/// What a comparison found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Same,
    Crash(Mote),
    Departs(Departure),
}

/// Slam the wrapper of `op` on `[r args]` with the jet (which must be
/// called) and with its Hoon (every other jet on): the same product, the
/// same crash, or a known departure of vere's (checked against the
/// operands' format).
fn compare(k: &mut Kernel, name: &str, r: u64, args: &[u128]) -> Found {
    compare_sample(k, name, r, &sample(r, args))
}

fn compare_sample(k: &mut Kernel, name: &str, r: u64, s: &T) -> Found {
    let (door, op) = name.split_once('_').expect("door_arm");
    let f = fmt(door);
    let src = src(door, op);
    k.rt.set_jet_stats(true);
    let before = k.calls(name);
    let jet = k.run(&src, name, s, Mode::Jet);
    assert!(k.calls(name) > before, "%{name} on {s:?}: not called");
    let kept = match jet {
        Outcome::Product(p) => Some(k.rt.keep(p)),
        Outcome::Crash(_) => None,
    };
    let hoon = k.run(&src, name, s, Mode::Hoon);
    let found = match (jet, hoon, kept) {
        (Outcome::Product(_), Outcome::Product(q), Some(kept)) => {
            let p = k.rt.root(kept);
            if noun_eq(p, q) {
                Found::Same
            } else {
                let (x, y) = (atom128(p), atom128(q));
                match departure(f, op, r, x, y) {
                    Some(d) => Found::Departs(d),
                    None => panic!(
                        "%{name} on {s:?}: jet {x:#x} but Hoon {y:#x}, not a known departure"
                    ),
                }
            }
        }
        (Outcome::Crash(a), Outcome::Crash(b), None) => {
            assert_eq!(a, b, "%{name} on {s:?}: crash motes differ");
            Found::Crash(a)
        }
        (a, b, _) => panic!("%{name} on {s:?}: jet {a:?} but Hoon {b:?}"),
    };
    if let Some(r) = kept {
        k.rt.release(r);
    }
    found
}

fn atom128(n: mars_noun::Noun) -> u128 {
    let a = n.as_atom().expect("an atom product");
    let w = a.words();
    assert!(w.len() <= 2, "a product wider than 128 bits");
    u128::from(w[0]) | (u128::from(w.get(1).copied().unwrap_or(0)) << 64)
}

/// Is jet `x` against Hoon `y` one of vere's departures?
fn departure(f: Fmt, op: &str, r: u64, x: u128, y: u128) -> Option<Departure> {
    let s = f.sign();
    let arith = ["add", "sub", "mul", "div", "fma"].contains(&op);
    let toward_zero = |neg: bool| match r {
        0x7a => true,
        0x64 => !neg,
        0x75 => neg,
        _ => false,
    };
    if arith && x & !s == f.max() && y == (x & s | f.inf()) && toward_zero(x & s != 0) {
        return Some(Departure::Overflow);
    }
    if op == "fma" && f.is_zero(x) && y == x ^ s {
        return Some(Departure::FmaZeroSign);
    }
    None
}

/// Tally of what a batch found, printed.
#[derive(Default)]
struct Tally(BTreeMap<String, usize>);

impl Tally {
    fn add(&mut self, found: Found) {
        let key = match found {
            Found::Same => "same".to_string(),
            Found::Crash(m) => format!("crash {m:?}"),
            Found::Departs(d) => format!("vere {d:?}"),
        };
        *self.0.entry(key).or_default() += 1;
    }
    fn show(&self, what: &str) {
        let total: usize = self.0.values().sum();
        eprintln!("{what}: {total} cases {:?}", self.0);
    }
}

fn boot() -> Option<Kernel> {
    Kernel::boot()
}

#[test]
fn the_doors_are_reachable() {
    let Some(mut k) = boot() else { return };
    // `.~1` is an @rd, `.1` an @rs, `.~~1` an @rh, `.~~~1` an @rq.
    for (expr, want) in [
        ("(add:rd .~1 .~2)", 0x4008_0000_0000_0000u128),
        ("(add:rs .1 .2)", 0x4040_0000),
        ("(add:rh .~~1 .~~2)", 0x4200),
        (
            "(add:rq .~~~1 .~~~2)",
            0x4000_8000_0000_0000_0000_0000_0000_0000,
        ),
    ] {
        let v = k.wish(expr);
        assert_eq!(atom128(v), want, "{expr}");
    }
}

/// Every pair of edge operands, every binary arm and comparison, every
/// mode; every edge operand's square root.
#[test]
fn edge_pairs_agree() {
    let Some(mut k) = boot() else { return };
    for door in DOORS {
        let f = fmt(door);
        let mut tally = Tally::default();
        let edges = thin(&f.edges());
        for op in BINARY {
            for (_, r) in thin(&MODES) {
                for &a in &edges {
                    for &b in &edges {
                        tally.add(compare(&mut k, &format!("{door}_{op}"), r, &[a, b]));
                    }
                }
            }
        }
        for op in COMPARE {
            for &a in &edges {
                for &b in &edges {
                    tally.add(compare(&mut k, &format!("{door}_{op}"), 0x6e, &[a, b]));
                }
            }
        }
        for (_, r) in thin(&MODES) {
            for &a in &edges {
                tally.add(compare(&mut k, &format!("{door}_sqt"), r, &[a]));
            }
        }
        tally.show(&format!("{} edges", door));
    }
}

/// Every triple of the smaller edge set, in every mode.
#[test]
fn edge_triples_agree() {
    let Some(mut k) = boot() else { return };
    for door in DOORS {
        let f = fmt(door);
        let mut tally = Tally::default();
        let few = thin(&f.few());
        for (_, r) in thin(&MODES) {
            for &a in &few {
                for &b in &few {
                    for &c in &few {
                        tally.add(compare(&mut k, &format!("{door}_fma"), r, &[a, b, c]));
                    }
                }
            }
        }
        tally.show(&format!("{} fma edges", door));
    }
}

/// Ties and near-ties, with the IEEE product in each mode (the jet's, and
/// the Hoon's: `compare` finds them alike).
#[test]
fn ties_round_as_ieee() {
    let Some(mut k) = boot() else { return };
    for door in DOORS {
        let f = fmt(door);
        let s = f.sign();
        let one = f.one();
        let half_ulp = f.pow2(-(f.p as i64) - 1);
        let half = f.pow2(-1);
        // [op a b] and the product in %n %u %d %z.
        let cases: Vec<(&str, [u128; 2], [u128; 4])> = vec![
            // 1 + ulp/2: a tie, to even (1).
            ("add", [one, half_ulp], [one, one + 1, one, one]),
            // (1 + ulp) + ulp/2: a tie, to even (1 + 2 ulp).
            (
                "add",
                [one + 1, half_ulp],
                [one + 2, one + 2, one + 1, one + 1],
            ),
            // −1 − ulp/2.
            (
                "sub",
                [s | one, half_ulp],
                [s | one, s | one, s | (one + 1), s | one],
            ),
            // The smallest subnormal halved: a tie between 0 and it.
            ("mul", [1, half], [0, 1, 0, 0]),
            // −3 units halved: a tie between −1 and −2 units, to even.
            ("mul", [s | 3, half], [s | 2, s | 1, s | 2, s | 1]),
            // 1 / 3 in every direction.
            ("div", [one, f.pow2(1) | 1 << (f.p - 1)], {
                // 1/3 = 1.0101… * 2^-2: truncated, the fraction is
                // (2^p - 1) / 3, and the rest is 1/3 of a unit for even
                // p (nearest is down), 2/3 for odd p (nearest is up).
                let down = f.pow2(-2) | (f.fmask() / 3);
                let near = if f.p % 2 == 0 { down } else { down + 1 };
                [near, down + 1, down, down]
            }),
            // max + ulp(max)/2: a tie at the top, to even: infinity.
            (
                "add",
                [f.max(), f.pow2(f.bias() as i64 - f.p as i64 - 1)],
                [f.inf(), f.inf(), f.max(), f.max()],
            ),
        ];
        for (op, args, want) in cases {
            for (i, (m, r)) in MODES.iter().enumerate() {
                let name = format!("{}_{op}", door);
                let got = compare(&mut k, &format!("{door}_{op}"), *r, &args);
                assert_eq!(got, Found::Same, "%{name} %{m} {args:x?}");
                let v = k.run(&src(door, op), &name, &sample(*r, &args), Mode::Jet);
                let Outcome::Product(v) = v else {
                    panic!("%{name} %{m} crashed")
                };
                assert_eq!(atom128(v), want[i], "%{name} %{m} {args:x?}");
            }
        }
    }
}

/// A biased random operand of `f`: edge exponents and fractions, any
/// sign, and now and then bits above the width.
fn operand(f: Fmt) -> impl Strategy<Value = u128> {
    let emax = f.emax();
    let bias = f.bias();
    let p = u128::from(f.p);
    let exp = prop_oneof![
        1 => Just(0u128),
        1 => Just(emax),
        1 => Just(1u128),
        1 => Just(emax - 1),
        2 => (bias - 4)..=(bias + 4),
        1 => 0..=(2 * p + 4),
        1 => (emax - 2 * p - 4).max(1)..emax,
        4 => 0..=emax,
    ];
    let fmask = f.fmask();
    let frac = prop_oneof![
        1 => Just(0u128),
        1 => Just(fmask),
        1 => Just(1u128),
        1 => (0..f.p).prop_map(|i| 1u128 << i),
        4 => any::<u128>().prop_map(move |x| x & fmask),
    ];
    let high = prop_oneof![9 => Just(0u128), 1 => any::<u128>()];
    let width = f.w + f.p + 1;
    (any::<bool>(), exp, frac, high).prop_map(move |(neg, e, fr, hi)| {
        let x = (u128::from(neg) << (f.w + f.p)) | (e << f.p) | fr;
        if width < 128 {
            x | (hi << width)
        } else {
            x
        }
    })
}

/// Random operands for every arm, in a random mode.
#[test]
fn random_operands_agree() {
    let Some(k) = boot() else { return };
    let k = RefCell::new(k);
    for door in DOORS {
        let f = fmt(door);
        let tally = RefCell::new(Tally::default());
        for op in BINARY
            .iter()
            .chain(COMPARE.iter())
            .chain(["sqt", "fma"].iter())
        {
            let arity = match *op {
                "sqt" => 1,
                "fma" => 3,
                _ => 2,
            };
            let strat = (
                0..4usize,
                proptest::collection::vec(operand(f), arity..=arity),
            );
            runner()
                .run(&strat, |(m, args)| {
                    let found = compare(
                        &mut k.borrow_mut(),
                        &format!("{door}_{op}"),
                        MODES[m].1,
                        &args,
                    );
                    tally.borrow_mut().add(found);
                    Ok(())
                })
                .unwrap_or_else(|e| panic!("%{}_{op}: {e}", door));
        }
        tally.borrow().show(&format!("{} random", door));
    }
}

/// Random operands near cancellation: `a + b` with `b` within a few
/// units of `-a`, and `a * b + c` with `c` near `-(a * b)`.
#[test]
fn cancellations_agree() {
    let Some(k) = boot() else { return };
    let k = RefCell::new(k);
    for door in DOORS {
        let f = fmt(door);
        let tally = RefCell::new(Tally::default());
        let full = if f.w + f.p + 1 == 128 {
            u128::MAX
        } else {
            (1u128 << (f.w + f.p + 1)) - 1
        };
        let s = f.sign();
        let strat = (0..4usize, operand(f), operand(f), -3i8..=3);
        runner()
            .run(&strat, |(m, a, b, d)| {
                let a = a & full;
                let near = |x: u128| x.wrapping_add_signed(i128::from(d)) & full;
                let mut k = k.borrow_mut();
                let r = MODES[m].1;
                tally.borrow_mut().add(compare(
                    &mut k,
                    &format!("{door}_add"),
                    r,
                    &[a, near(a ^ s)],
                ));
                tally
                    .borrow_mut()
                    .add(compare(&mut k, &format!("{door}_sub"), r, &[a, near(a)]));
                // c near -(a * b), rounded to nearest by the jet.
                let name = format!("{}_mul", door);
                let prod = k.run(&src(door, "mul"), &name, &sample(0x6e, &[a, b]), Mode::Jet);
                if let Outcome::Product(prod) = prod {
                    let c = near(atom128(prod) ^ s);
                    tally
                        .borrow_mut()
                        .add(compare(&mut k, &format!("{door}_fma"), r, &[a, b, c]));
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{} cancellations: {e}", door));
        tally.borrow().show(&format!("{} cancellations", door));
    }
}

/// Cell operands crash alike (`%exit`); so does a cell sample for `sqt`.
#[test]
fn cells_crash_alike() {
    let Some(mut k) = boot() else { return };
    let cell = T::c(T::a(1), T::a(2));
    for door in DOORS {
        let f = fmt(door);
        let one = T::big(f.one());
        for op in BINARY.iter().chain(COMPARE.iter()) {
            for s in [
                T::tuple(&[T::a(0x6e), cell.clone(), one.clone()]),
                T::tuple(&[T::a(0x6e), one.clone(), cell.clone()]),
            ] {
                let found = compare_sample(&mut k, &format!("{door}_{op}"), 0x6e, &s);
                assert_eq!(found, Found::Crash(Mote::Exit), "{}_{op}", door);
            }
        }
        let s = T::tuple(&[T::a(0x6e), cell.clone()]);
        assert_eq!(
            compare_sample(&mut k, &format!("{door}_sqt"), 0x6e, &s),
            Found::Crash(Mote::Exit)
        );
        let s = T::tuple(&[T::a(0x6e), one.clone(), one.clone(), cell.clone()]);
        assert_eq!(
            compare_sample(&mut k, &format!("{door}_fma"), 0x6e, &s),
            Found::Crash(Mote::Exit)
        );
    }
}

/// The comparisons never read the rounding mode (vere's `u3we*_lth` and
/// friends do not): any `r` gives the Hoon's answer.
#[test]
fn comparisons_ignore_the_mode() {
    let Some(mut k) = boot() else { return };
    for door in DOORS {
        let f = fmt(door);
        for op in COMPARE {
            for r in [0x61, 0x78, 0] {
                let found = compare(&mut k, &format!("{door}_{op}"), r, &[f.one(), f.max()]);
                assert_eq!(found, Found::Same, "{}_{op} with r {r:#x}", door);
            }
        }
    }
}

/// Pin: rounding toward zero from beyond the largest finite number gives
/// that number (vere, IEEE); the Hoon gives infinity.
#[test]
fn overflow_toward_zero_is_vere_s() {
    let Some(mut k) = boot() else { return };
    for door in DOORS {
        let f = fmt(door);
        let s = f.sign();
        let two = f.pow2(1);
        // max * 2 in %z and %d, -max * 2 in %z and %u.
        for (r, a) in [
            (0x7a, f.max()),
            (0x64, f.max()),
            (0x7a, s | f.max()),
            (0x75, s | f.max()),
        ] {
            let name = format!("{}_mul", door);
            let src = src(door, "mul");
            let smp = sample(r, &[a, two]);
            let jet = k.run(&src, &name, &smp, Mode::Jet);
            let Outcome::Product(jet) = jet else {
                panic!("{name} crashed")
            };
            assert_eq!(atom128(jet), a, "{name} {r:#x}: vere's product");
            let hoon = k.run(&src, &name, &smp, Mode::Hoon);
            let Outcome::Product(hoon) = hoon else {
                panic!("{name}'s Hoon crashed")
            };
            assert_eq!(
                atom128(hoon),
                (a & s) | f.inf(),
                "{name} {r:#x}: the Hoon's"
            );
            assert_eq!(
                compare(&mut k, &format!("{door}_mul"), r, &[a, two]),
                Found::Departs(Departure::Overflow)
            );
        }
    }
}

/// Pin: an `fma` whose nonzero exact result rounds to zero keeps its sign
/// (vere, IEEE); the Hoon gives `+0` (or `-0` in `%d`).
#[test]
fn fma_rounding_to_zero_keeps_its_sign() {
    let Some(mut k) = boot() else { return };
    for door in DOORS {
        let f = fmt(door);
        let s = f.sign();
        // a * b = 3/4 of the smallest subnormal 2^emin (a = 1.5 * 2^h,
        // b = 2^g, h + g = emin - 1, both normal), c = −2^emin: the exact
        // sum is −1/4 unit, which rounds to −0 in %n, %z and %u.
        let emin = 1 - f.bias() as i64 - f.p as i64;
        let h = (emin - 1).div_euclid(2);
        let a = f.pow2(h) | 1 << (f.p - 1);
        let b = f.pow2(emin - 1 - h);
        let c = s | 1;
        for (r, jet_want, hoon_want) in [(0x6e, s, 0), (0x7a, s, 0), (0x75, s, 0)] {
            let name = format!("{}_fma", door);
            let src = src(door, "fma");
            let smp = sample(r, &[a, b, c]);
            let Outcome::Product(jet) = k.run(&src, &name, &smp, Mode::Jet) else {
                panic!("{name} crashed")
            };
            assert_eq!(atom128(jet), jet_want, "{name} {r:#x}: vere's product");
            let Outcome::Product(hoon) = k.run(&src, &name, &smp, Mode::Hoon) else {
                panic!("{name}'s Hoon crashed")
            };
            assert_eq!(atom128(hoon), hoon_want, "{name} {r:#x}: the Hoon's");
            assert_eq!(
                compare(&mut k, &format!("{door}_fma"), r, &[a, b, c]),
                Found::Departs(Departure::FmaZeroSign)
            );
        }
    }
}

/// Pin: the door's `r` must be `%n %u %d %z` (vere's `_set_rounding`
/// fails on anything else); the Hoon's `ff` also rounds `%a` (away from
/// zero), which its door's mold excludes.
#[test]
fn other_rounding_modes_fail() {
    let Some(mut k) = boot() else { return };
    for door in DOORS {
        let f = fmt(door);
        let one = f.one();
        let half_ulp = f.pow2(-(f.p as i64) - 1);
        for op in ["add", "sub", "mul", "div", "sqt", "fma"] {
            let args: Vec<u128> = match op {
                "sqt" => vec![one],
                "fma" => vec![one, one, half_ulp],
                _ => vec![one, half_ulp],
            };
            let name = format!("{}_{op}", door);
            for r in [T::a(0x61), T::a(0x78), T::a(0), T::c(T::a(0x6e), T::a(0))] {
                let mut items = vec![r.clone()];
                items.extend(args.iter().map(|&x| T::big(x)));
                let smp = T::tuple(&items);
                let jet = k.run(&src(door, op), &name, &smp, Mode::Jet);
                assert!(
                    matches!(jet, Outcome::Crash(Mote::Fail)),
                    "{name} with r {r:?}: {jet:?}"
                );
            }
            // %a: the Hoon rounds away from zero.
            if op == "add" {
                let smp = sample(0x61, &args);
                let Outcome::Product(h) = k.run(&src(door, op), &name, &smp, Mode::Hoon) else {
                    panic!("{name}'s Hoon crashed on %a")
                };
                assert_eq!(atom128(h), one + 1, "{name} %a: the Hoon's");
            }
        }
    }
}

// ------------------------------------------------------------ cofl

/// `lug` and `drg` of an `fl` core with the parameters `p v w d` (the
/// wrapper's sample ends `[pp vv ww dd]`); the internal arms are reached
/// through the public core's context (`+.c`), whose `drg` is another.
const LUG: &str = "|=([t=?(%fl %ce %sm %lg %ne %na %nt) x=[e=@s a=@u] s=? pp=@u vv=@s ww=@u dd=?(%d %f %i)] =/(c %*(. fl p pp, v vv, w ww, d dd) (lug:+.c t x s)))";
const DRG: &str = "|=([x=[e=@s a=@u] pp=@u vv=@s ww=@u dd=?(%d %f %i)] =/(c %*(. fl p pp, v vv, w ww, d dd) (drg:+.c x)))";

/// The rounding kinds of `lug`.
const KINDS: [&str; 7] = ["fl", "ce", "sm", "lg", "ne", "na", "nt"];

fn term(s: &str) -> u64 {
    let mut b = [0u8; 8];
    b[..s.len()].copy_from_slice(s.as_bytes());
    u64::from_le_bytes(b)
}

/// An `@s`.
fn signed(v: i64) -> T {
    if v >= 0 {
        T::a(2 * v as u64)
    } else {
        T::a(2 * v.unsigned_abs() - 1)
    }
}

/// The parameters `[p v w d]` of `fl`'s defaults, of `@rd`, `@rh`, and
/// small odd ones.
fn params() -> Vec<(u64, i64, u64, &'static str)> {
    vec![
        (113, -16_494, 32_765, "d"),
        (53, -1074, 2045, "d"),
        (11, -24, 29, "d"),
        (11, -24, 29, "f"),
        (11, -24, 29, "i"),
        (2, -3, 4, "d"),
        (5, 0, 0, "d"),
    ]
}

fn lug_sample(t: &str, e: i64, a: u128, s: bool, p: (u64, i64, u64, &str)) -> T {
    T::tuple(&[
        T::a(term(t)),
        T::c(signed(e), T::big(a)),
        T::a(u64::from(!s)),
        T::a(p.0),
        signed(p.1),
        T::a(p.2),
        T::a(term(p.3)),
    ])
}

fn drg_sample(e: i64, a: u128, p: (u64, i64, u64, &str)) -> T {
    T::tuple(&[
        T::c(signed(e), T::big(a)),
        T::a(p.0),
        signed(p.1),
        T::a(p.2),
        T::a(term(p.3)),
    ])
}

/// `lug` on edge numbers: at, below and above the precision, at the
/// minimum exponent and far below it, at the top of the range, halves.
#[test]
fn lug_edges_agree() {
    let Some(mut k) = boot() else { return };
    let mut n = 0;
    let mut crashes = 0;
    for p in thin(&params()) {
        let (prec, vmin, w, _) = p;
        let prec = prec as u32;
        let mags: Vec<u128> = vec![
            0,
            1,
            3,
            (1 << prec) - 1,
            1 << (prec - 1),
            (1 << prec) | 1,
            (1 << (prec + 1)) - 1,
            (1 << (prec + 1)) | 1,
            0b101 << prec,
            0b111 << prec,
            0b11 << (prec + 5),
        ];
        let exps = [
            vmin - 20,
            vmin - 2,
            vmin,
            vmin + 1,
            0,
            vmin + w as i64,
            vmin + w as i64 - 3,
        ];
        for t in KINDS {
            for &a in &mags {
                for &e in &exps {
                    for s in [true, false] {
                        n += 1;
                        let out = k.check(LUG, "cofl_lug", &lug_sample(t, e, a, s, p), Mode::Hoon);
                        crashes += usize::from(out.is_none());
                    }
                }
            }
        }
    }
    eprintln!("%cofl_lug edges: {n} cases, {crashes} crashing alike");
}

/// `drg` on edge numbers.
#[test]
fn drg_edges_agree() {
    let Some(mut k) = boot() else { return };
    let mut n = 0;
    for p in thin(&params()) {
        let (prec, vmin, w, _) = p;
        let prec = prec as u32;
        for a in [
            0u128,
            1,
            3,
            5,
            (1 << prec) - 1,
            1 << (prec - 1),
            1 << prec,
            (1 << (prec - 1)) | 1,
        ] {
            for e in [vmin, vmin + 1, -1, 0, 1, 7, vmin + w as i64] {
                n += 1;
                k.check(DRG, "cofl_drg", &drg_sample(e, a, p), Mode::Hoon);
            }
        }
    }
    // The printed forms of a few doubles, through `drg:rd`.
    for (x, want) in [
        (0.1f64, (-1i64, 1u64)),
        (1.5, (-1, 15)),
        (1e300, (300, 1)),
        (5e-324, (-324, 5)),
    ] {
        let src = "|=(a=@rd (drg:rd a))";
        let got = k.check(src, "cofl_drg", &T::a(x.to_bits()), Mode::Hoon);
        let got = got.expect("a product");
        let (_, ea) = got.cell_parts().expect("[%d s e a]");
        let (_, ea) = ea.cell_parts().expect("[s e a]");
        let (e, a) = ea.cell_parts().expect("[e a]");
        let want_e = if want.0 >= 0 {
            2 * want.0 as u64
        } else {
            2 * want.0.unsigned_abs() - 1
        };
        assert_eq!(
            (e.as_direct(), a.as_direct()),
            (Some(want_e), Some(want.1)),
            "drg {x}"
        );
        n += 1;
    }
    eprintln!("%cofl_drg edges: {n} cases");
}

/// Random `lug` and `drg` operands and parameters.
#[test]
fn cofl_random_agrees() {
    let Some(k) = boot() else { return };
    let k = RefCell::new(k);
    let param = (2u64..=120, -300i64..=40, 0u64..=600, 0..3usize)
        .prop_map(|(p, v, w, d)| (p, v, w, ["d", "f", "i"][d]));
    let mag = (0u32..=126, any::<u128>()).prop_map(|(b, x)| (x >> (127 - b)) | (1 << b));
    let lugs = (
        0..7usize,
        -400i64..=400,
        mag.clone(),
        any::<bool>(),
        param.clone(),
    );
    let counts = RefCell::new((0usize, 0usize));
    runner()
        .run(&lugs, |(t, e, a, s, p)| {
            let out = k.borrow_mut().check(
                LUG,
                "cofl_lug",
                &lug_sample(KINDS[t], e, a, s, p),
                Mode::Hoon,
            );
            let mut c = counts.borrow_mut();
            c.0 += 1;
            c.1 += usize::from(out.is_none());
            Ok(())
        })
        .unwrap_or_else(|e| panic!("%cofl_lug: {e}"));
    let drgs = (-400i64..=400, mag, param);
    runner()
        .run(&drgs, |(e, a, p)| {
            k.borrow_mut()
                .check(DRG, "cofl_drg", &drg_sample(e, a, p), Mode::Hoon);
            counts.borrow_mut().0 += 1;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("%cofl_drg: {e}"));
    let (n, c) = counts.into_inner();
    eprintln!("cofl random: {n} cases, {c} crashing alike");
}

/// Pins where vere's `lug` and `drg` part from the Hoon, on samples no
/// typed caller builds: vere's product or crash, and the Hoon's.
#[test]
fn cofl_departures_are_vere_s() {
    let Some(mut k) = boot() else { return };
    let p = (11, -24, 29, "d");
    // A sticky bit that is not a loobean: vere reads it as `|`, the
    // Hoon's `?>  |(s …)` crashes.
    let mut smp = lug_sample("ne", 0, 0b1_0000_0000_0011, false, p);
    if let T::C(_, rest) = &mut smp {
        if let T::C(_, rest) = rest.as_mut() {
            if let T::C(s, _) = rest.as_mut() {
                **s = T::a(2);
            }
        }
    }
    let jet = k.run(LUG, "cofl_lug", &smp, Mode::Jet);
    let want = k.run(
        LUG,
        "cofl_lug",
        &lug_sample("ne", 0, 0b1_0000_0000_0011, false, p),
        Mode::Jet,
    );
    match (jet, want) {
        (Outcome::Product(a), Outcome::Product(b)) => assert!(noun_eq(a, b), "s = 2 reads as |"),
        other => panic!("lug with s = 2: {other:?}"),
    }
    assert!(matches!(
        k.run(LUG, "cofl_lug", &smp, Mode::Hoon),
        Outcome::Crash(_)
    ));
    // A rounding kind not in the list: vere exits; the Hoon's `?-` takes
    // a case.
    let smp = lug_sample("xx", 0, 0b1_0000_0000_0011, true, p);
    assert!(matches!(
        k.run(LUG, "cofl_lug", &smp, Mode::Jet),
        Outcome::Crash(Mote::Exit)
    ));
    let hoon = k.run(LUG, "cofl_lug", &smp, Mode::Hoon);
    assert!(
        matches!(hoon, Outcome::Product(_)),
        "the Hoon on %xx: {hoon:?}"
    );
    // An exponent of 2^30 (the atom 2^31, not a cat): vere exits, the
    // Hoon rounds.
    let big = T::a(1 << 31);
    for (src, name, smp) in [
        (
            LUG,
            "cofl_lug",
            T::tuple(&[
                T::a(term("ne")),
                T::c(big.clone(), T::a(0b1_0000_0000_0011)),
                T::a(0),
                T::a(11),
                signed(-24),
                T::a(1 << 40),
                T::a(term("d")),
            ]),
        ),
        (
            DRG,
            "cofl_drg",
            T::tuple(&[
                T::c(big.clone(), T::a(5)),
                T::a(11),
                signed(-24),
                T::a(29),
                T::a(term("i")),
            ]),
        ),
    ] {
        assert!(
            matches!(
                k.run(src, name, &smp, Mode::Jet),
                Outcome::Crash(Mote::Exit)
            ),
            "{name}: vere exits"
        );
        if name == "cofl_lug" {
            let hoon = k.run(src, name, &smp, Mode::Hoon);
            assert!(
                matches!(hoon, Outcome::Product(_)),
                "{name}'s Hoon: {hoon:?}"
            );
        }
    }
}
