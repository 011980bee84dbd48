//! Differential proof of the type constructors and limb search of `pen`
//! (`src/typecons/`): `cell comb cons core face flan flip flor fork look
//! loot`, each against its own Hoon arm (compiled into the ivory pill, run
//! as Nock with every other jet on) through wrapper gates compiled by the
//! pill's Hoon (`common::hoon`), and on small samples against pure Nock.
//!
//! * Types: random types (`%noun`, `%void`, atoms with and without a
//!   constant, cells, faces, holds), with `%void` often, and ill-typed
//!   nouns; `fork` on lists mixing them with `[%fork set]` items whose
//!   sets are built in Hoon (`silt`) or are trees of any shape.
//! * Formulas: random Nock formulas biased to the shapes the arms fold
//!   (`[0 a]` with axes 0, 1, 2, 3, 64-bit and wider, and cells; `[1 c]`;
//!   `[2 [0 a] [0 b]]`; `[f [0 1]]` with a cell `f`; `[0 0]`).
//! * `look`, `loot`: chapters and cores built in Hoon with `malt`, trees of
//!   any shape, names present and absent, malformed trees, and trees 3 000
//!   deep (a `gor`-ordered spine that `look` walks to its end, a spine of
//!   empty chapters that `loot` searches to its end).
//!
//! `flan`, `flip` and `flor` are bound under `k140` and `k139` only
//! (`typecons::GATES_NOT_K138`), so this file runs every gate with its own
//! hot table: the crate's table plus those three (`hot`).
//!
//! Where vere-v3.0's jets (whose products we keep) differ from the Hoon,
//! `vere_not_hoon` pins both, case by case, and the random comparisons keep
//! to the inputs where they agree.
//!
//! Skipped, with a message, when `shared/` is absent.

mod common;

use std::cell::RefCell;

use common::hoon::Kernel;
use common::{Mode, Outcome, T};
use mars_jets::table::{entries, ARM};
use mars_jets::typecons::GATES_NOT_K138;
use mars_nock::{HotEntry, HotTable};
use mars_noun::{noun_eq, Heap, HeapConfig, Noun};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

// ------------------------------------------------------------ harness

/// Random cases per gate and family of inputs (more with `MARS_DIFF_CASES`).
fn cases() -> u32 {
    std::env::var("MARS_DIFF_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 16 } else { 96 })
}

/// A deterministic runner (same cases every run; failures shrink).
fn runner() -> TestRunner {
    common::runner(cases())
}

/// Every jet of the crate's table and of `GATES_NOT_K138`, but `except`.
fn hot(except: Option<&str>) -> HotTable {
    let mut rows: Vec<HotEntry> = entries(except);
    rows.retain(|e| !GATES_NOT_K138.iter().any(|g| g.paths.contains(&e.path)));
    for g in GATES_NOT_K138.iter().filter(|g| Some(g.name) != except) {
        for &path in g.paths {
            rows.push(HotEntry {
                path,
                axis: ARM,
                jet: g.jet,
            });
        }
    }
    HotTable::new(&rows)
}

/// Calls of the jet `name` so far.
fn calls(k: &Kernel, name: &str) -> u64 {
    let g = mars_jets::table::gate(name)
        .or_else(|| GATES_NOT_K138.iter().find(|g| g.name == name))
        .unwrap_or_else(|| panic!("no jet %{name}"));
    let Some(stats) = k.rt.jet_stats() else {
        return 0;
    };
    g.paths
        .iter()
        .filter_map(|p| stats.by_path.get(*p))
        .map(|s| s.0)
        .sum()
}

/// Slam `src` on `sample`: with every jet (`Mode::Jet`), every jet but
/// `name` (`Mode::Hoon`), or none (`Mode::Nock`).
fn run(k: &mut Kernel, src: &str, name: &str, sample: &T, mode: Mode) -> Outcome {
    k.rt.install_hot(hot(None));
    k.gate(src);
    match mode {
        Mode::Jet => {}
        Mode::Hoon => k.rt.install_hot(hot(Some(name))),
        Mode::Nock => k.rt.set_jets_enabled(false),
    }
    let gate = k.gate(src);
    k.rt.clear_transient_memo();
    let s = sample.build(&mut k.rt.heap);
    let r = k.rt.slam(gate, s);
    k.rt.install_hot(hot(None));
    k.rt.set_jets_enabled(true);
    match r {
        Ok(p) => Outcome::Product(p),
        Err(b) => Outcome::Crash(b.mote()),
    }
}

/// Slam `src` on `sample` with the jet `name` (asserting it was called)
/// and in `mode`; panic if product or crash differ. The jet's product as a
/// test noun (`None` if both crashed).
fn check(k: &mut Kernel, src: &str, name: &str, sample: &T, mode: Mode) -> Option<T> {
    k.rt.set_jet_stats(true);
    let jet = run(k, src, name, sample, Mode::Jet);
    assert!(
        calls(k, name) > 0,
        "{src} on {sample:?}: the jet %{name} was not called"
    );
    let kept = match jet {
        Outcome::Product(p) => Some(k.rt.keep(p)),
        Outcome::Crash(_) => None,
    };
    let other = run(k, src, name, sample, mode);
    let out = match (jet, other, kept) {
        (Outcome::Product(_), Outcome::Product(q), Some(r)) => {
            let p = k.rt.root(r);
            assert!(
                noun_eq(p, q),
                "{src} on {sample:?}: jet {} but {mode:?} {}",
                mars_noun::fmt::render(p, 300),
                mars_noun::fmt::render(q, 300)
            );
            Some(t_of(p))
        }
        (Outcome::Crash(a), Outcome::Crash(b), None) => {
            assert_eq!(a, b, "{src} on {sample:?}: crash motes differ");
            None
        }
        (a, b, _) => panic!("{src} on {sample:?}: jet {a:?} but {mode:?} {b:?}"),
    };
    if let Some(r) = kept {
        k.rt.release(r);
    }
    out
}

/// Check `src` (a wrapper gate calling the arm `name`) on every fixed
/// sample and on `cases()` random ones, if any. Returns the number of
/// cases. (Each call names its gate first, as a literal.)
fn prove<S>(
    name: &str,
    k: &RefCell<Kernel>,
    src: &str,
    fixed: &[T],
    random: Option<S>,
    mode: Mode,
) -> usize
where
    S: Strategy<Value = T>,
{
    let count = RefCell::new((0usize, 0usize));
    let one = |s: &T| {
        let crashed = check(&mut k.borrow_mut(), src, name, s, mode).is_none();
        let mut c = count.borrow_mut();
        c.0 += 1;
        c.1 += usize::from(crashed);
    };
    fixed.iter().for_each(one);
    if let Some(random) = random {
        runner()
            .run(&random, |s| {
                one(&s);
                Ok(())
            })
            .unwrap_or_else(|e| panic!("%{name} {src}: {e}"));
    }
    let (n, c) = count.into_inner();
    eprintln!("%{name} vs {mode:?}: {n} cases, {c} crashing alike  ({src})");
    n
}

/// No random cases: the fixed ones only.
const FIXED: Option<BoxedStrategy<T>> = None;

fn boot() -> Option<RefCell<Kernel>> {
    Kernel::boot().map(RefCell::new)
}

// ------------------------------------------------------------ nouns

/// A noun back as a test noun.
fn t_of(n: Noun) -> T {
    match n.cell_parts() {
        Some((h, t)) => T::c(t_of(h), t_of(t)),
        None => T::A(n.as_atom().expect("an atom").words().to_vec()),
    }
}

/// A test noun from noun notation (`[%cell %noun 5]`, `~` for 0).
fn n(text: &str) -> T {
    let mut heap = Heap::new(HeapConfig {
        nursery_bytes: 1 << 16,
        limit_bytes: 1 << 22,
        ..HeapConfig::default()
    })
    .expect("heap");
    let v = mars_noun::fmt::parse(&mut heap, &text.replace('~', "0"))
        .unwrap_or_else(|| panic!("parse {text}"));
    t_of(v)
}

fn cord(s: &str) -> T {
    let mut w = vec![0u64; s.len().div_ceil(8).max(1)];
    for (i, b) in s.bytes().enumerate() {
        w[i / 8] |= u64::from(b) << (8 * (i % 8));
    }
    T::A(w)
}

fn c(a: T, b: T) -> T {
    T::c(a, b)
}

fn a(v: u64) -> T {
    T::a(v)
}

fn tup(v: &[T]) -> T {
    T::tuple(v)
}

// ------------------------------------------------------------ types

fn term() -> BoxedStrategy<T> {
    prop_oneof![
        Just(a(0)),
        Just(cord("a")),
        Just(cord("b")),
        Just(cord("p")),
        Just(cord("foo")),
        Just(cord("a-very-long-face")),
    ]
    .boxed()
}

fn aura() -> BoxedStrategy<T> {
    prop_oneof![
        Just(a(0)),
        Just(cord("ud")),
        Just(cord("ux")),
        Just(cord("tas")),
        Just(cord("p")),
    ]
    .boxed()
}

/// A small `hoon` (for `%hold` types and chapters).
fn hoon() -> BoxedStrategy<T> {
    prop_oneof![
        (aura(), 0u64..5).prop_map(|(au, v)| tup(&[cord("sand"), au, a(v)])),
        term().prop_map(|t| c(cord("limb"), t)),
        (0u64..9).prop_map(|v| tup(&[cord("rock"), cord("ud"), a(v)])),
    ]
    .boxed()
}

/// A random type (no `%fork`: its set would have to be a treap).
fn ty() -> BoxedStrategy<T> {
    let leaf = prop_oneof![
        2 => Just(cord("noun")),
        3 => Just(cord("void")),
        3 => (aura(), proptest::option::of(0u64..3)).prop_map(|(au, v)| {
            let unit = v.map_or(a(0), |v| c(a(0), a(v)));
            tup(&[cord("atom"), au, unit])
        }),
    ];
    leaf.prop_recursive(3, 12, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(p, q)| tup(&[cord("cell"), p, q])),
            (term(), inner.clone()).prop_map(|(f, q)| tup(&[cord("face"), f, q])),
            (inner, hoon()).prop_map(|(p, q)| tup(&[cord("hold"), p, q])),
        ]
    })
    .boxed()
}

/// An ill-typed noun: small atoms, big atoms, cells of them.
fn junk() -> BoxedStrategy<T> {
    let leaf = prop_oneof![
        (0u64..4).prop_map(a),
        any::<u64>().prop_map(a),
        (any::<u64>(), 1u64..u64::MAX).prop_map(|(x, y)| T::A(vec![x, y])),
    ];
    leaf.prop_recursive(2, 6, 2, |inner| {
        (inner.clone(), inner).prop_map(|(p, q)| c(p, q))
    })
    .boxed()
}

/// A type, `%void` or junk.
fn ty_or_junk() -> BoxedStrategy<T> {
    prop_oneof![6 => ty(), 2 => Just(cord("void")), 1 => junk()].boxed()
}

/// A tree of any shape (not a treap) with nodes from `node`.
fn tree(node: BoxedStrategy<T>, depth: u32) -> BoxedStrategy<T> {
    Just(a(0))
        .prop_recursive(depth, 24, 2, move |inner| {
            (node.clone(), inner.clone(), inner).prop_map(|(n, l, r)| tup(&[n, l, r]))
        })
        .boxed()
}

// ------------------------------------------------------------ formulas

/// The formula `[0 1]`.
fn identity() -> T {
    c(a(0), a(1))
}

/// An axis: 0, 1, 2, 3, small, 64-bit, wider, or (rarely) a cell.
fn axis() -> BoxedStrategy<T> {
    prop_oneof![
        2 => Just(a(0)),
        3 => Just(a(1)),
        3 => (2u64..4).prop_map(a),
        3 => (4u64..64).prop_map(a),
        1 => any::<u64>().prop_map(a),
        1 => (any::<u64>(), 1u64..u64::MAX).prop_map(|(x, y)| T::A(vec![x, y])),
        1 => (0u64..3, 0u64..3).prop_map(|(x, y)| c(a(x), a(y))),
    ]
    .boxed()
}

/// A random Nock formula (well formed or not), biased to the shapes
/// `comb`, `cons`, `flan`, `flip` and `flor` fold.
fn formula() -> BoxedStrategy<T> {
    let leaf = prop_oneof![
        4 => axis().prop_map(|x| c(a(0), x)),
        2 => (0u64..3).prop_map(|v| c(a(1), a(v))),
        1 => junk().prop_map(|v| c(a(1), v)),
        1 => (0u64..12).prop_map(a),
    ];
    leaf.prop_recursive(3, 10, 3, |f| {
        prop_oneof![
            (f.clone(), f.clone()).prop_map(|(x, y)| tup(&[a(2), x, y])),
            (axis(), axis()).prop_map(|(x, y)| tup(&[a(2), c(a(0), x), c(a(0), y)])),
            f.clone().prop_map(|x| c(a(3), x)),
            (f.clone(), f.clone()).prop_map(|(x, y)| tup(&[a(5), x, y])),
            (f.clone(), f.clone(), f.clone()).prop_map(|(x, y, z)| tup(&[a(6), x, y, z])),
            (f.clone(), f.clone()).prop_map(|(x, y)| tup(&[a(7), x, y])),
            (f.clone(), f.clone()).prop_map(|(x, y)| tup(&[a(8), x, y])),
            (f.clone(), f.clone()).prop_map(|(x, y)| c(c(a(2), x), y)),
            f.clone().prop_map(|x| c(c(a(4), x), identity())),
            f.prop_map(|x| c(x, identity())),
        ]
    })
    .boxed()
}

/// A formula where vere's `flan`, `flip` and `flor` agree with the Hoon's:
/// a cell, not `[0 0]`, and a constant only `[1 0]` or `[1 1]`.
fn loobean_formula() -> BoxedStrategy<T> {
    formula()
        .prop_filter("vere and the Hoon agree", |f| match f {
            T::A(_) => false,
            T::C(h, t) => match (h.small(), t.small()) {
                (Some(0), Some(0)) => false,
                (Some(1), v) => matches!(v, Some(0 | 1)),
                _ => true,
            },
        })
        .boxed()
}

// ------------------------------------------------------------ sources

const CELL: &str = "=>  ..fitz  |=([a=type b=type] (cell a b))";
const FACE: &str = "=>  ..fitz  |=([a=$@(term tune) b=type] (face a b))";
const CORE: &str = "=>  ..fitz  |=([a=type b=coil] (core a b))";
const CONS: &str = "=>  ..fitz  |=([a=nock b=nock] (cons a b))";
const COMB: &str = "=>  ..fitz  |=([a=nock b=nock] (comb a b))";
const FLAN: &str = "=>  ..fitz  |=([a=nock b=nock] (flan a b))";
const FLOR: &str = "=>  ..fitz  |=([a=nock b=nock] (flor a b))";
const FLIP: &str = "=>  ..fitz  |=(a=nock (flip a))";
const FORK: &str = "=>  ..fitz  |=(a=(list type) (fork a))";
/// Items `[& l]` become `[%fork (silt l)]`, items `[| l]` the first of
/// `l` (or `%void`).
const FORK_SETS: &str = "=>  ..fitz  |=  l=(list [? (list type)])  %-  fork  %+  turn  l  \
     |=([f=? m=(list type)] ?:(f [%fork (silt m)] ?~(m %void i.m)))";
const LOOK: &str = "=>  ..fitz  |=([a=term b=(map term hoon)] (look a b))";
const LOOK_MALT: &str = "=>  ..fitz  |=([a=term b=(list [term hoon])] (look a (malt b)))";
const LOOT: &str = "=>  ..fitz  |=([a=term b=(map term tome)] (loot a b))";
const LOOT_MALT: &str = "=>  ..fitz  |=  [a=term b=(list [term (list [term hoon])])]  \
     %+  loot  a  %-  malt  %+  turn  b  \
     |=([t=term m=(list [term hoon])] [t *what (malt m)])";
/// The gate on a raw sample (`slum`), so that it may be an atom.
fn raw(arm: &str) -> String {
    format!("=>  ..fitz  |=(a=* (slum {arm} a))")
}

// ------------------------------------------------------------ cell face core

#[test]
fn constructors_equal_their_hoon() {
    let Some(k) = boot() else { return };
    let void = || cord("void");
    let noun = || cord("noun");
    let ud = || n("[%atom %ud ~]");
    let pair = (ty_or_junk(), ty_or_junk()).prop_map(|(x, y)| c(x, y));
    let fixed = [
        c(void(), void()),
        c(void(), noun()),
        c(noun(), void()),
        c(noun(), ud()),
        c(ud(), junk_cell()),
        c(a(0), a(0)),
        c(T::A(vec![0, 1]), void()),
        // `void` as a 2-word atom is not `%void`
        c(T::A(vec![u64::from_le_bytes(*b"void\0\0\0\0"), 0]), noun()),
    ];
    let mut total = 0;
    total += prove("pen_cell", &k, CELL, &fixed, Some(pair.clone()), Mode::Hoon);
    total += prove("pen_face", &k, FACE, &fixed, Some(pair.clone()), Mode::Hoon);
    total += prove(
        "pen_face",
        &k,
        FACE,
        &[c(c(cord("a"), cord("b")), noun())],
        Some((term(), ty_or_junk()).prop_map(|(x, y)| c(x, y))),
        Mode::Hoon,
    );
    // A coil `[p q r]`; vere's "old core" abort (`r` headed by `[~ ~]`)
    // and its unchecked reads of a coil of another shape: the Hoon's
    // product stands.
    let coil = prop_oneof![
        junk(),
        (junk(), ty(), junk()).prop_map(|(p, q, r)| tup(&[p, q, r])),
        (junk(), ty(), junk()).prop_map(|(p, q, r)| tup(&[p, q, c(n("[0 0]"), r)])),
    ];
    let core_fixed = [
        c(void(), a(0)),
        c(noun(), a(0)),
        c(noun(), n("[[~ %dry %gold] %noun [[%full ~] ~] ~]")),
        c(noun(), n("[[~ %dry %gold] %noun [~ ~] ~]")),
        c(noun(), n("[[~ %dry %gold] %noun 5]")),
        c(void(), n("[[~ %dry %gold] %noun [~ ~] ~]")),
    ];
    total += prove(
        "pen_core",
        &k,
        CORE,
        &core_fixed,
        Some((ty_or_junk(), coil).prop_map(|(x, y)| c(x, y))),
        Mode::Hoon,
    );
    // Atom samples: the Hoon's `%exit`.
    for name in ["pen_cell", "pen_face", "pen_core"] {
        let arm = &name[4..];
        total += prove(
            name,
            &k,
            &raw(arm),
            &[a(0), a(5), T::A(vec![1, 2])],
            FIXED,
            Mode::Hoon,
        );
    }
    // Pure Nock.
    let tiny = [c(void(), noun()), c(noun(), void()), c(noun(), ud())];
    total += prove("pen_cell", &k, CELL, &tiny, FIXED, Mode::Nock);
    total += prove("pen_face", &k, FACE, &tiny, FIXED, Mode::Nock);
    total += prove("pen_core", &k, CORE, &tiny, FIXED, Mode::Nock);
    eprintln!("cell, face, core: {total} cases");
}

fn junk_cell() -> T {
    n("[[1 2] 3 [4 5]]")
}

// ------------------------------------------------------------ formulas

#[test]
fn formula_builders_equal_their_hoon() {
    let Some(k) = boot() else { return };
    let two = (formula(), formula()).prop_map(|(x, y)| c(x, y)).boxed();
    // `comb`'s own shapes: `[0 a]` against `[0 b]`, `[2 [0 b] [0 c]]`,
    // `[0 1]`, and `[f [0 1]]` against anything.
    let comb_shaped = prop_oneof![
        (axis(), axis()).prop_map(|(x, y)| c(c(a(0), x), c(a(0), y))),
        (axis(), axis(), axis())
            .prop_map(|(x, y, z)| c(c(a(0), x), tup(&[a(2), c(a(0), y), c(a(0), z)]))),
        formula().prop_map(|f| c(f, identity())),
        (formula(), formula()).prop_map(|(f, g)| c(c(f, identity()), g)),
        (formula(), formula()).prop_map(|(f, g)| c(c(c(a(1), f), identity()), g)),
    ];
    let comb_fixed = [
        n("[[0 2] [0 3]]"),
        n("[[0 1] [0 1]]"),
        n("[[0 0] [0 1]]"),
        n("[[0 0] [0 0]]"),
        n("[[0 2] [0 0]]"),
        n("[[0 2] [2 [0 2] [0 3]]]"),
        n("[[0 2] [2 [0 0] [0 3]]]"),
        n("[[0 2] [2 [0 2] [0 0]]]"),
        n("[[0 2] [2 [0 2] [1 3]]]"),
        n("[[0 [1 2]] [0 1]]"),
        n("[[0 [1 2]] [0 2]]"),
        n("[[0 2] [0 [1 2]]]"),
        n("[[0 2] [2 [0 [1 2]] [0 3]]]"),
        n("[[[1 5] 0 1] [0 7]]"),
        n("[[5 0 1] [0 7]]"),
        n("[[1 5] [0 1]]"),
        n("[5 [0 1]]"),
        n("[5 6]"),
        c(
            c(a(0), T::A(vec![3, 5, 7])),
            c(a(0), T::A(vec![u64::MAX, u64::MAX, 1])),
        ),
        c(c(a(0), a(1 << 62)), c(a(0), a(1 << 62))),
    ];
    let mut total = 0;
    total += prove(
        "pen_comb",
        &k,
        COMB,
        &comb_fixed,
        Some(prop_oneof![comb_shaped, two.clone()]),
        Mode::Hoon,
    );
    let cons_fixed = [
        n("[[1 2] [1 3]]"),
        n("[[1 [2 3]] [1 0]]"),
        n("[[1 2] [0 3]]"),
        n("[[0 2] [1 3]]"),
        n("[[0 2] [0 3]]"),
        n("[1 1]"),
        n("[[1 2] 1]"),
        n("[5 6]"),
    ];
    total += prove("pen_cons", &k, CONS, &cons_fixed, Some(two), Mode::Hoon);
    // `flan`, `flor`, `flip` where vere and the Hoon agree (see
    // `vere_not_hoon` for the rest).
    let lf = (loobean_formula(), loobean_formula())
        .prop_map(|(x, y)| c(x, y))
        .boxed();
    let same = loobean_formula().prop_map(|x| c(x.clone(), x));
    let consts = (0u64..2, 0u64..2, loobean_formula()).prop_map(|(p, q, f)| {
        let konst = |v: u64| c(a(1), a(v));
        match p + 2 * q {
            0 => c(konst(0), f),
            1 => c(f, konst(0)),
            2 => c(konst(1), f),
            _ => c(f, konst(1)),
        }
    });
    let loob_fixed = [
        n("[[1 0] [1 0]]"),
        n("[[1 0] [1 1]]"),
        n("[[1 1] [1 0]]"),
        n("[[1 1] [1 1]]"),
        n("[[0 0] [0 0]]"),
        n("[[3 0 2] [1 0]]"),
        n("[[3 0 2] [1 1]]"),
        n("[[1 0] [3 0 2]]"),
        n("[[1 1] [3 0 2]]"),
        n("[[3 0 2] [5 [1 0] 0 3]]"),
        n("[[1 5] [1 5]]"),
        n("[5 5]"),
    ];
    for name in ["pen_flan", "pen_flor"] {
        let src = if name == "pen_flan" { FLAN } else { FLOR };
        total += prove(
            name,
            &k,
            src,
            &loob_fixed,
            Some(prop_oneof![lf.clone(), same.clone(), consts.clone()]),
            Mode::Hoon,
        );
    }
    total += prove(
        "pen_flip",
        &k,
        FLIP,
        &[
            n("[3 0 2]"),
            n("[1 2]"),
            n("[1 [0 0]]"),
            n("[0 1]"),
            n("[[0 0] 0 0]"),
        ],
        Some(loobean_formula().prop_filter("not a loobean constant", |f| {
            !matches!(f, T::C(h, t) if h.small() == Some(1) && matches!(t.small(), Some(0 | 1)))
        })),
        Mode::Hoon,
    );
    // Atom samples.
    for name in ["pen_comb", "pen_cons", "pen_flan", "pen_flor"] {
        let arm = &name[4..];
        total += prove(name, &k, &raw(arm), &[a(0), a(7)], FIXED, Mode::Hoon);
    }
    // Pure Nock.
    let tiny = [
        n("[[0 2] [0 3]]"),
        n("[[0 6] [2 [0 2] [0 3]]]"),
        n("[[0 2] [0 1]]"),
        n("[[[1 5] 0 1] [0 7]]"),
        n("[[4 0 1] [0 1]]"),
        n("[[1 2] [1 3]]"),
        n("[[3 0 2] [5 [1 0] 0 3]]"),
        n("[[3 0 2] [1 0]]"),
        n("[[1 1] [3 0 2]]"),
    ];
    total += prove("pen_comb", &k, COMB, &tiny, FIXED, Mode::Nock);
    total += prove("pen_cons", &k, CONS, &tiny, FIXED, Mode::Nock);
    total += prove("pen_flan", &k, FLAN, &tiny[6..], FIXED, Mode::Nock);
    total += prove("pen_flor", &k, FLOR, &tiny[6..], FIXED, Mode::Nock);
    total += prove(
        "pen_flip",
        &k,
        FLIP,
        &[n("[3 0 2]"), n("[5 [1 0] 0 3]")],
        FIXED,
        Mode::Nock,
    );
    eprintln!("comb, cons, flan, flor, flip: {total} cases");
}

// ------------------------------------------------------------ fork

#[test]
fn fork_equals_its_hoon() {
    let Some(k) = boot() else { return };
    let void = || cord("void");
    let noun = || cord("noun");
    let ud = || n("[%atom %ud ~]");
    let fork_of = |t: T| c(cord("fork"), t);
    let mut total = 0;
    // Lists of types and junk (no `[%fork *]` item).
    let fixed = [
        a(0),
        T::list(&[void()]),
        T::list(&[noun()]),
        T::list(&[void(), void()]),
        T::list(&[noun(), noun()]),
        T::list(&[noun(), void(), ud(), noun()]),
        T::list(&[ud(), n("[%atom %ud [~ 5]]"), n("[%atom %ux ~]")]),
        // a `%fork` of the empty set, of a one-item set, of a set built
        // as a tree of any shape
        T::list(&[fork_of(a(0))]),
        T::list(&[fork_of(tup(&[noun(), a(0), a(0)]))]),
        T::list(&[fork_of(tup(&[ud(), a(0), a(0)])), void(), ud()]),
        T::list(&[
            fork_of(tup(&[ud(), tup(&[noun(), a(0), a(0)]), a(0)])),
            noun(),
        ]),
        // a list not ending in `~`, an atom
        c(noun(), a(5)),
        a(7),
    ];
    let items = vec(ty_or_junk(), 0..8).prop_map(|v| T::list(&v));
    total += prove("pen_fork", &k, FORK, &fixed, Some(items), Mode::Hoon);
    // `%fork` items whose sets are trees of any shape.
    let item = prop_oneof![
        3 => ty_or_junk(),
        1 => tree(ty(), 4).prop_map(move |t| c(cord("fork"), t)),
    ];
    total += prove(
        "pen_fork",
        &k,
        FORK,
        &[],
        Some(vec(item, 0..6).prop_map(|v| T::list(&v))),
        Mode::Hoon,
    );
    // Sets built in Hoon (`silt`), types repeated often.
    let sets = vec((any::<bool>(), vec(ty(), 0..5)), 0..6).prop_map(|v| {
        T::list(
            &v.into_iter()
                .map(|(f, m)| c(a(u64::from(!f)), T::list(&m)))
                .collect::<Vec<_>>(),
        )
    });
    let sets_fixed = [
        a(0),
        T::list(&[c(a(0), a(0))]),
        T::list(&[c(a(0), T::list(&[void(), void()]))]),
        T::list(&[
            c(a(0), T::list(&[noun(), ud()])),
            c(a(0), T::list(&[ud(), noun()])),
        ]),
        T::list(&[c(a(0), T::list(&[noun(), ud()])), c(a(1), T::list(&[ud()]))]),
    ];
    total += prove(
        "pen_fork",
        &k,
        FORK_SETS,
        &sets_fixed,
        Some(sets),
        Mode::Hoon,
    );
    // Pure Nock: no key is compared (`mug` in unjetted Nock is out of
    // reach).
    total += prove(
        "pen_fork",
        &k,
        FORK,
        &[
            a(0),
            T::list(&[void()]),
            T::list(&[noun()]),
            T::list(&[void(), ud(), void()]),
            T::list(&[fork_of(tup(&[ud(), a(0), a(0)]))]),
            T::list(&[fork_of(a(0)), void()]),
        ],
        FIXED,
        Mode::Nock,
    );
    eprintln!("fork: {total} cases");
}

// ------------------------------------------------------------ look loot

/// A name: a few, so that searches hit often.
fn name() -> BoxedStrategy<T> {
    prop_oneof![
        (0u64..10).prop_map(|i| cord(&format!("arm{i}"))),
        Just(a(0)),
        Just(cord("a-rather-long-arm-name")),
    ]
    .boxed()
}

fn arms(max: usize) -> BoxedStrategy<T> {
    vec((name(), hoon()), 0..=max)
        .prop_map(|v| T::list(&v.into_iter().map(|(nm, h)| c(nm, h)).collect::<Vec<_>>()))
        .boxed()
}

/// `[~ (map term hoon)]`, a tome, from a tree of arms.
fn tome_of(arms: T) -> T {
    c(a(0), arms)
}

/// A node `[name hoon]` of a chapter.
fn arm_node() -> BoxedStrategy<T> {
    (name(), hoon()).prop_map(|(nm, h)| c(nm, h)).boxed()
}

#[test]
fn look_and_loot_equal_their_hoon() {
    let Some(k) = boot() else { return };
    let arm = |nm: &str, v: u64| c(cord(nm), tup(&[cord("rock"), cord("ud"), a(v)]));
    let leaf = |x: T| tup(&[x, a(0), a(0)]);
    let mut total = 0;
    // `look` on chapters built with `malt`, and on trees of any shape.
    total += prove(
        "pen_look",
        &k,
        LOOK_MALT,
        &[
            c(cord("arm1"), a(0)),
            c(cord("arm1"), T::list(&[arm("arm1", 1)])),
        ],
        Some((name(), arms(24)).prop_map(|(x, m)| c(x, m))),
        Mode::Hoon,
    );
    let look_fixed = [
        c(cord("a"), a(0)),
        c(cord("a"), leaf(arm("a", 1))),
        c(cord("b"), leaf(arm("a", 1))),
        c(cord("a"), tup(&[arm("a", 1), leaf(arm("b", 2)), a(0)])),
        c(
            cord("a"),
            tup(&[arm("b", 1), leaf(arm("a", 2)), leaf(arm("c", 3))]),
        ),
        // malformed: an atom, an atom node, a node whose tail is an atom
        // (the arm found there, or a crash), atom subtrees
        c(cord("a"), a(5)),
        c(cord("a"), leaf(a(5))),
        c(cord("a"), c(arm("a", 1), a(5))),
        c(cord("b"), c(arm("a", 1), a(5))),
        c(cord("a"), tup(&[arm("b", 1), a(5), a(0)])),
        c(cord("a"), tup(&[arm("b", 1), a(0), a(5)])),
        c(cord("a"), tup(&[arm("b", 1), a(5), a(6)])),
        c(c(a(1), a(2)), leaf(c(c(a(1), a(2)), n("[%limb %a]")))),
    ];
    let shaped = (name(), tree(arm_node(), 6)).prop_map(|(x, t)| c(x, t));
    total += prove("pen_look", &k, LOOK, &look_fixed, Some(shaped), Mode::Hoon);
    // `loot` on cores built with `malt`, and on trees of any shape.
    let chapters = vec((name(), arms(6)), 0..8)
        .prop_map(|v| T::list(&v.into_iter().map(|(nm, m)| c(nm, m)).collect::<Vec<_>>()));
    total += prove(
        "pen_loot",
        &k,
        LOOT_MALT,
        &[c(cord("arm1"), a(0))],
        Some((name(), chapters).prop_map(|(x, m)| c(x, m))),
        Mode::Hoon,
    );
    let chapter = (name(), tree(arm_node(), 3))
        .prop_map(|(nm, t)| c(nm, tome_of(t)))
        .boxed();
    let shaped = (name(), tree(chapter, 4)).prop_map(|(x, t)| c(x, t));
    let ch = |nm: &str, t: T| c(cord(nm), tome_of(t));
    let loot_fixed = [
        c(cord("a"), a(0)),
        c(cord("a"), leaf(ch("x", leaf(arm("a", 1))))),
        c(
            cord("a"),
            tup(&[
                ch("x", a(0)),
                leaf(ch("y", a(0))),
                leaf(ch("z", leaf(arm("a", 1)))),
            ]),
        ),
        c(
            cord("a"),
            tup(&[
                ch("x", a(0)),
                leaf(ch("y", leaf(arm("a", 1)))),
                leaf(ch("z", leaf(arm("a", 2)))),
            ]),
        ),
        // malformed: an atom, an atom chapter, a chapter without a map,
        // a node whose tail is an atom (found there, or a crash)
        c(cord("a"), a(5)),
        c(cord("a"), leaf(a(5))),
        c(cord("a"), leaf(c(cord("x"), a(5)))),
        c(cord("a"), c(ch("x", leaf(arm("a", 1))), a(5))),
        c(cord("a"), c(ch("x", leaf(arm("b", 1))), a(5))),
        c(cord("a"), tup(&[ch("x", a(0)), a(5), a(0)])),
        c(cord("a"), tup(&[ch("x", a(0)), leaf(ch("y", a(0))), a(5)])),
    ];
    total += prove("pen_loot", &k, LOOT, &loot_fixed, Some(shaped), Mode::Hoon);
    // Pure Nock: one-node chapters (no `gor`).
    total += prove(
        "pen_look",
        &k,
        LOOK,
        &[
            c(cord("a"), a(0)),
            c(cord("a"), leaf(arm("a", 1))),
            c(cord("b"), leaf(arm("a", 1))),
        ],
        FIXED,
        Mode::Nock,
    );
    total += prove(
        "pen_loot",
        &k,
        LOOT,
        &[
            c(cord("a"), a(0)),
            c(cord("a"), leaf(ch("x", leaf(arm("a", 1))))),
            c(cord("a"), leaf(ch("x", a(0)))),
        ],
        FIXED,
        Mode::Nock,
    );
    eprintln!("look, loot: {total} cases");
}

/// Trees 3 000 deep: a `gor`-ordered spine `look` walks to its end (each
/// name after the one sought, so the walk goes on to the right), and a
/// spine of empty chapters (going left, right, or left with an empty
/// chapter on the right) that `loot` searches to its end.
#[test]
fn deep_trees() {
    let Some(k) = boot() else { return };
    const DEPTH: usize = 3_000;
    let cog = cord("sought");
    let mut heap = Heap::new(HeapConfig::default()).expect("heap");
    let cog_n = cog.build(&mut heap);
    let mut names = Vec::new();
    let mut i = 0u64;
    while names.len() < DEPTH {
        let nm = cord(&format!("n{i}"));
        let nm_n = nm.build(&mut heap);
        if !mars_jets::order::gor::gor(cog_n, nm_n) {
            names.push(nm);
        }
        i += 1;
    }
    let hoon = |v: u64| tup(&[cord("rock"), cord("ud"), a(v)]);
    // `[n ~ r]` all the way down, the sought arm at the bottom.
    let mut spine = tup(&[c(cog.clone(), hoon(7)), a(0), a(0)]);
    for (j, nm) in names.iter().enumerate() {
        spine = tup(&[c(nm.clone(), hoon(j as u64)), a(0), spine]);
    }
    let mut total = 0;
    let found = check(
        &mut k.borrow_mut(),
        LOOK,
        "pen_look",
        &c(cog.clone(), spine.clone()),
        Mode::Hoon,
    );
    assert!(matches!(found, Some(T::C(..))), "found at the bottom");
    total += 1;
    total += prove(
        "pen_look",
        &k,
        LOOK,
        &[c(cord("absent"), spine)],
        FIXED,
        Mode::Hoon,
    );
    // Chapters: `[n l ~]` down the left, every chapter empty but the last.
    let ch = |nm: T, t: T| c(nm, c(a(0), t));
    let mut core = tup(&[
        ch(cord("last"), tup(&[c(cog.clone(), hoon(9)), a(0), a(0)])),
        a(0),
        a(0),
    ]);
    for j in 0..DEPTH {
        let empty = ch(cord("c"), a(0));
        core = match j % 3 {
            0 => tup(&[empty, core, a(0)]),
            1 => tup(&[empty, a(0), core]),
            _ => tup(&[empty.clone(), core, tup(&[empty, a(0), a(0)])]),
        };
    }
    let found = check(
        &mut k.borrow_mut(),
        LOOT,
        "pen_loot",
        &c(cog, core.clone()),
        Mode::Hoon,
    );
    assert!(matches!(found, Some(T::C(..))), "found at the bottom");
    total += 1;
    total += prove(
        "pen_loot",
        &k,
        LOOT,
        &[c(cord("absent"), core)],
        FIXED,
        Mode::Hoon,
    );
    eprintln!("deep trees: {total} cases");
}

// ------------------------------------------------------------ vere's way

/// What a run gives, as a test noun.
fn outcome(k: &mut Kernel, src: &str, name: &str, sample: &T, mode: Mode) -> Result<T, String> {
    match run(k, src, name, sample, mode) {
        Outcome::Product(p) => Ok(t_of(p)),
        Outcome::Crash(m) => Err(m.name().to_string()),
    }
}

/// Where vere-v3.0's jet (ours) and the Hoon 140 arm part, both, pinned:
/// (gate, wrapper, sample, the jet's product or crash, the Hoon's).
#[test]
fn vere_not_hoon() {
    let Some(mut k) = Kernel::boot() else { return };
    let exit = || Err("exit".to_string());
    let ok = |s: &str| Ok(n(s));
    type Pin<'a> = (&'a str, &'a str, T, Result<T, String>, Result<T, String>);
    let pins: Vec<Pin> = vec![
        // flan: no `[0 0]` rule; `[1 x]` is `[1 1]` for any x not 0; an
        // atom exits.
        (
            "pen_flan",
            FLAN,
            n("[[0 0] [1 0]]"),
            ok("[0 0]"),
            ok("[1 0]"),
        ),
        (
            "pen_flan",
            FLAN,
            n("[[1 0] [0 0]]"),
            ok("[0 0]"),
            ok("[1 0]"),
        ),
        (
            "pen_flan",
            FLAN,
            n("[[0 0] [3 0 2]]"),
            ok("[6 [0 0] [3 0 2] [1 1]]"),
            ok("[3 0 2]"),
        ),
        (
            "pen_flan",
            FLAN,
            n("[[1 2] [3 0 2]]"),
            ok("[1 2]"),
            ok("[6 [1 2] [3 0 2] [1 1]]"),
        ),
        (
            "pen_flan",
            FLAN,
            n("[[3 0 2] [1 2]]"),
            ok("[1 2]"),
            ok("[6 [3 0 2] [1 2] [1 1]]"),
        ),
        (
            "pen_flan",
            FLAN,
            n("[[1 2] [1 1]]"),
            ok("[1 2]"),
            ok("[1 1]"),
        ),
        (
            "pen_flan",
            FLAN,
            n("[5 [3 0 2]]"),
            exit(),
            ok("[6 5 [3 0 2] [1 1]]"),
        ),
        (
            "pen_flan",
            FLAN,
            n("[[3 0 2] 5]"),
            exit(),
            ok("[6 [3 0 2] 5 [1 1]]"),
        ),
        // flor: likewise.
        (
            "pen_flor",
            FLOR,
            n("[[0 0] [1 1]]"),
            ok("[0 0]"),
            ok("[1 1]"),
        ),
        (
            "pen_flor",
            FLOR,
            n("[[1 1] [0 0]]"),
            ok("[0 0]"),
            ok("[1 1]"),
        ),
        (
            "pen_flor",
            FLOR,
            n("[[0 0] [3 0 2]]"),
            ok("[6 [0 0] [1 0] [3 0 2]]"),
            ok("[3 0 2]"),
        ),
        (
            "pen_flor",
            FLOR,
            n("[[1 2] [3 0 2]]"),
            ok("[3 0 2]"),
            ok("[6 [1 2] [1 0] [3 0 2]]"),
        ),
        (
            "pen_flor",
            FLOR,
            n("[[3 0 2] [1 2]]"),
            ok("[3 0 2]"),
            ok("[6 [3 0 2] [1 0] [1 2]]"),
        ),
        (
            "pen_flor",
            FLOR,
            n("[5 [3 0 2]]"),
            exit(),
            ok("[6 5 [1 0] [3 0 2]]"),
        ),
        // flip: constants folded, no `[0 0]` rule, an atom exits.
        (
            "pen_flip",
            FLIP,
            n("[1 0]"),
            ok("[1 1]"),
            ok("[6 [1 0] [1 1] [1 0]]"),
        ),
        (
            "pen_flip",
            FLIP,
            n("[1 1]"),
            ok("[1 0]"),
            ok("[6 [1 1] [1 1] [1 0]]"),
        ),
        (
            "pen_flip",
            FLIP,
            n("[0 0]"),
            ok("[6 [0 0] [1 1] [1 0]]"),
            ok("[0 0]"),
        ),
        ("pen_flip", FLIP, a(5), exit(), ok("[6 5 [1 1] [1 0]]")),
        // fork: a final set that is an atom, or whose tail is one.
        (
            "pen_fork",
            FORK,
            T::list(&[n("[%fork 5]")]),
            exit(),
            ok("[%fork 5]"),
        ),
        (
            "pen_fork",
            FORK,
            T::list(&[n("[%fork [%noun 0]]")]),
            exit(),
            ok("[%fork %noun 0]"),
        ),
        // look: an arm whose hoon is an atom is no match.
        (
            "pen_look",
            LOOK,
            n("[%a [%a 7] ~ ~]"),
            ok("~"),
            ok("[~ 1 7]"),
        ),
        (
            "pen_look",
            LOOK,
            n("[%a [%a 7] ~ [%b [%rock %ud 1]] ~ ~]"),
            ok("~"),
            ok("[~ 2 7]"),
        ),
        // (`loot` calls `look`, so its arm, run with `look`'s jet, agrees
        // with its jet: `(loot %a [%x ~ [%a 7] ~ ~] ~ ~)` is `~` in both.)
    ];
    for (name, src, sample, jet, hoon) in &pins {
        let got = outcome(&mut k, src, name, sample, Mode::Jet);
        assert_eq!(&got, jet, "%{name} {sample:?} with the jet");
        let got = outcome(&mut k, src, name, sample, Mode::Hoon);
        assert_eq!(&got, hoon, "%{name} {sample:?} as the Hoon");
    }
    eprintln!("vere not hoon: {} cases pinned", pins.len());
}

/// Every gate of the family is bound in the crate's table or in
/// `GATES_NOT_K138`, once, at the right paths.
#[test]
fn every_gate_is_bound() {
    let names = [
        "cell", "comb", "cons", "core", "face", "flan", "flip", "flor", "fork", "look", "loot",
    ];
    for nm in names {
        let gate = format!("pen_{nm}");
        let path = format!("one/two/tri/qua/pen/{nm}");
        let in_table = mars_jets::table::gate(&gate);
        let later = GATES_NOT_K138.iter().find(|g| g.name == gate);
        let g = in_table
            .or(later)
            .unwrap_or_else(|| panic!("%{gate} is not bound"));
        assert_eq!(g.path, path);
        assert!(g.paths.contains(&format!("k140/{path}").as_str()));
        assert!(g.paths.contains(&format!("k139/{path}").as_str()));
        let k138 = g.paths.contains(&format!("k138/{path}").as_str());
        assert_eq!(k138, !matches!(nm, "flan" | "flip" | "flor"), "%{gate}");
    }
    // The three not yet in the crate's table, alone on a gate core
    // `[battery sample context]` (the samples `tests/table.rs` would use).
    let mut rt = mars_nock::Runtime::new(HeapConfig::default()).expect("runtime");
    let f = || tup(&[a(3), a(0), a(2)]);
    let cases = [
        ("pen_flan", c(n("[1 0]"), f()), f()),
        ("pen_flor", c(n("[1 0]"), f()), n("[1 0]")),
        ("pen_flip", f(), tup(&[a(6), f(), n("[1 1]"), n("[1 0]")])),
    ];
    for (name, sample, want) in cases {
        let g = GATES_NOT_K138
            .iter()
            .find(|g| g.name == name)
            .expect("a gate");
        let core = tup(&[a(0), sample, a(0)]).build(&mut rt.heap);
        let got = (g.jet)(&mut rt, core).unwrap_or_else(|e| panic!("%{name}: {e:?}"));
        assert_eq!(t_of(got), want, "%{name}");
    }
}
