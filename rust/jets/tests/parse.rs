//! The parsing jets (`qua`: `pose`, `plug`, `pfix`, `sfix` and the inner
//! gates `bend/fun`, `cold/fun`, `comp/fun`, `cook/fun`, `easy/fun`,
//! `glue/fun`, `here/fun`, `just/fun`, `mask/fun`, `shim/fun`, `stag/fun`,
//! `stew/fun`, `stir/fun`) against their own Hoon, with every other jet in
//! place (`Mode::Hoon`), through wrapper gates compiled by the ivory pill:
//!
//! * rules on fixed and random tapes and hairs (big lines and columns,
//!   newlines, characters past a byte and past a word);
//! * the combinators on arbitrary edges, ill-typed ones included (hairs
//!   with cells, a nonzero atom for a unit), so `++last` and every read
//!   of an edge is compared;
//! * crashes inside slammed rules and gates (`%exit`, and `%fail` from a
//!   jet), which must pass through as the same crash;
//! * real Hoon source parsed by `vest` with each jet disabled in turn,
//!   and a long `star` (the jetted `stir` is iterative);
//! * `bend` where the pill's Nock crashes and vere's jet does not (pinned).
//!
//! Skipped, with a message, when `shared/` is absent.

mod common;

use std::cell::RefCell;

use common::hoon::Kernel;
use common::{Mode, Outcome, T};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// Every jet of the family.
const JETS: &[&str] = &[
    "pose", "plug", "pfix", "sfix", "bend_fun", "cold_fun", "comp_fun", "cook_fun", "easy_fun",
    "glue_fun", "here_fun", "just_fun", "mask_fun", "shim_fun", "stag_fun", "stew_fun", "stir_fun",
];

/// Rules (Hoon), and the jets each must reach on some tape.
const RULES: &[(&[&str], &str)] = &[
    (&["pose"], ";~(pose (jest 'ab') (jest 'a'))"),
    (
        &["pose", "cold_fun", "stir_fun"],
        "(star ;~(pose (cold 1 (just 'a')) (cold 2 (jest 'b\\0a')) dem))",
    ),
    (&["pose", "stir_fun", "shim_fun"], "(plus ;~(pose ace prn))"),
    (&["plug", "just_fun"], ";~(plug (just 'a') (just 'b') dem)"),
    (
        &["plug", "stir_fun"],
        "(star ;~(plug (just 'a') ;~(pose (just 'b') (just '\\0a'))))",
    ),
    (&["pfix"], ";~(pfix (just 'a') dem)"),
    (
        &["pfix", "stir_fun"],
        "(star ;~(pfix ace ;~(pose dem (cold 0 (just 'a')))))",
    ),
    (&["sfix"], ";~(sfix dem (just 'a'))"),
    (&["sfix", "pfix"], "(ifix [(just 'a') (just 'b')] (star (just '\\0a')))"),
    (
        &["bend_fun"],
        ";~((bend |=([a=@ b=@] ^-((unit @) `(add a b)))) dem ;~(pfix ace dem))",
    ),
    (&["comp_fun"], ";~((comp |=([a=@ b=@] (add a b))) dem ;~(pfix ace dem))"),
    (&["glue_fun"], ";~((glue ace) dem dem (just 'a'))"),
    (&["glue_fun", "stir_fun"], ";~((glue (just '-')) (star (just 'a')) (star (just 'b')))"),
    (&["cold_fun"], "(cold %foo (jest 'ab'))"),
    (&["cook_fun", "stir_fun"], "(cook |=(a=tape (lent a)) (star prn))"),
    (&["cook_fun", "shim_fun"], "dem"),
    (&["easy_fun"], "(easy 7)"),
    (&["easy_fun", "plug"], ";~(plug (easy 7) (just 'a'))"),
    (&["here_fun"], "(here |=([a=pint b=@] [a b]) dem)"),
    (
        &["here_fun", "stir_fun"],
        "(star (here |=([a=pint b=*] a) ;~(plug (just 'a') (just '\\0a'))))",
    ),
    (&["just_fun"], "(just 'a')"),
    (&["just_fun", "stir_fun"], "(star (just '\\0a'))"),
    (&["mask_fun", "stir_fun"], "(star (mask \"a\\0a \"))"),
    (&["mask_fun"], "(mask ~)"),
    (&["shim_fun"], "(shim 'a' 'z')"),
    (&["shim_fun", "stir_fun"], "(star (shim 0 '\\0a'))"),
    (&["stag_fun"], "(stag %x dem)"),
    (
        &["stew_fun", "stir_fun"],
        "(star (stew ^.(stet (limo ~[['a' (cold 1 (just 'a'))] [['0' '9'] (cold 2 dem)] ['\\0a' (cold 3 (jest '\\0ab'))] [[' ' ' '] (cold 4 ace)] ['x' (cook |=(a=@ ?<(=(a 'x') 5)) (just 'x'))]]))))",
    ),
    (&["stir_fun"], "(stir 0 |=([a=@ b=@] (add a b)) dit)"),
    (&["stir_fun"], "(plus ;~(pose dem (cold 0 ace)))"),
];

/// Random cases per rule (more with `MARS_PARSE_CASES`).
fn cases() -> u32 {
    std::env::var("MARS_PARSE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 4 } else { 16 })
}

use common::runner;

/// `n` values drawn from `s` (deterministic).
fn draw<S: Strategy>(s: S, n: usize) -> Vec<S::Value> {
    let mut r = runner(1);
    (0..n)
        .map(|_| match s.new_tree(&mut r) {
            Ok(t) => t.current(),
            Err(e) => panic!("strategy: {e}"),
        })
        .collect()
}

fn tape(s: &str) -> T {
    T::list(&s.bytes().map(|b| T::a(u64::from(b))).collect::<Vec<_>>())
}

/// A cord: the bytes of `s` as one atom.
fn cord(s: &str) -> T {
    let w = s
        .as_bytes()
        .chunks(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b[..c.len()].copy_from_slice(c);
            u64::from_le_bytes(b)
        })
        .collect();
    T::A(w)
}

fn hair(p: T, q: T) -> T {
    T::c(p, q)
}

fn two64() -> T {
    T::big(1 << 64)
}

/// Hairs: the usual start, small ones, and lines and columns past a word.
fn hairs() -> Vec<T> {
    vec![
        hair(T::a(1), T::a(1)),
        hair(T::a(0), T::a(0)),
        hair(T::a(7), T::a(3)),
        hair(two64(), T::a(1)),
        hair(T::a(1), two64()),
        hair(T::a((1 << 63) - 1), T::a(u64::MAX)),
    ]
}

fn any_hair() -> impl Strategy<Value = T> + Clone {
    prop_oneof![
        6 => Just(hair(T::a(1), T::a(1))),
        2 => (0u64..4, 0u64..4).prop_map(|(p, q)| hair(T::a(p), T::a(q))),
        1 => (0u64..3).prop_map(|q| hair(two64(), T::a(q))),
        1 => (0u64..3).prop_map(|p| hair(T::a(p), T::big(u128::MAX))),
    ]
}

/// Characters: the ones the rules look for, and a few past a byte.
fn any_char() -> impl Strategy<Value = T> {
    prop_oneof![
        12 => prop::sample::select(b"ab0123459 \n-x".to_vec()).prop_map(|c| T::a(u64::from(c))),
        2 => (32u64..127).prop_map(T::a),
        1 => Just(T::a(127)),
        1 => Just(T::a(300)),
        1 => Just(two64()),
    ]
}

fn any_tape() -> impl Strategy<Value = T> {
    vec(any_char(), 0..24).prop_map(|v| T::list(&v))
}

/// The fixed tapes every rule is tried on.
fn fixed_tapes() -> Vec<T> {
    let mut v: Vec<T> = [
        "",
        "a",
        "ab",
        "aaa",
        "a\n\na",
        "\nb",
        "12 34a",
        "1 2 3 4 5",
        "a a 1",
        "007",
        "9x",
        "xy",
        "a-aa--a",
        "a b\n",
    ]
    .iter()
    .map(|s| tape(s))
    .collect();
    v.push(T::list(&[T::a(u64::from(b'a')), two64()]));
    v.push(T::list(&[T::a(300), T::a(u64::from(b'a'))]));
    v
}

/// What the differential runs saw.
#[derive(Default)]
struct Tally {
    cases: usize,
    crashes: usize,
}

/// Slam `src` on `sample` with every jet, then (if `name` was called)
/// with every jet but `name`; panic if product or crash differ. `None`
/// if the jet was not called; else whether both crashed.
fn compare(k: &mut Kernel, src: &str, name: &str, sample: &T) -> Option<bool> {
    // Compile first: the compiler's own parsing calls the jets too.
    k.gate(src);
    k.rt.set_jet_stats(true);
    let before = k.calls(name);
    let jet = k.run(src, name, sample, Mode::Jet);
    if k.calls(name) == before {
        return None;
    }
    let kept = match jet {
        Outcome::Product(p) => Some(k.rt.keep(p)),
        Outcome::Crash(_) => None,
    };
    let hoon = k.run(src, name, sample, Mode::Hoon);
    let crashed = match (jet, hoon, kept) {
        (Outcome::Product(_), Outcome::Product(q), Some(r)) => {
            let p = k.rt.root(r);
            assert!(
                mars_noun::noun_eq(p, q),
                "{src} on {sample:?}: jet %{name} {} but Hoon {}",
                mars_noun::fmt::render(p, 300),
                mars_noun::fmt::render(q, 300)
            );
            false
        }
        (Outcome::Crash(a), Outcome::Crash(b), None) => {
            assert_eq!(a, b, "{src} on {sample:?}: crash motes differ (%{name})");
            true
        }
        (a, b, _) => panic!("{src} on {sample:?}: jet %{name} {a:?} but Hoon {b:?}"),
    };
    if let Some(r) = kept {
        k.rt.release(r);
    }
    Some(crashed)
}

/// `compare` for every name on every sample; each name must be reached
/// at least once. Adds to `tally`.
fn compare_all(k: &mut Kernel, src: &str, names: &[&str], samples: &[T], tally: &mut Tally) {
    for name in names {
        let mut reached = 0;
        for s in samples {
            if let Some(crashed) = compare(k, src, name, s) {
                reached += 1;
                tally.cases += 1;
                tally.crashes += usize::from(crashed);
            }
        }
        assert!(reached > 0, "{src}: %{name} never reached");
    }
}

/// The wrapper for a rule: `[hair tape]` to the rule's edge.
fn on_nail(rule: &str) -> String {
    format!("|=([h=hair t=tape] ({rule} [h t]))")
}

#[test]
fn rules_on_fixed_tapes_and_hairs() {
    let Some(mut k) = Kernel::boot() else { return };
    let mut samples = Vec::new();
    for t in fixed_tapes() {
        samples.push(T::c(hair(T::a(1), T::a(1)), t));
    }
    for h in hairs() {
        for t in ["a\n\na", "12 34a"] {
            samples.push(T::c(h.clone(), tape(t)));
        }
    }
    let mut tally = Tally::default();
    for (names, rule) in RULES {
        compare_all(&mut k, &on_nail(rule), names, &samples, &mut tally);
    }
    eprintln!(
        "parse rules, fixed: {} cases, {} crashing alike",
        tally.cases, tally.crashes
    );
}

#[test]
fn rules_on_random_tapes_and_hairs() {
    let Some(k) = Kernel::boot() else { return };
    let k = RefCell::new(k);
    let tally = RefCell::new(Tally::default());
    let sample = (any_hair(), any_tape()).prop_map(|(h, t)| T::c(h, t));
    for (names, rule) in RULES {
        let src = on_nail(rule);
        runner(cases())
            .run(&sample, |s| {
                for name in *names {
                    if let Some(c) = compare(&mut k.borrow_mut(), &src, name, &s) {
                        let mut t = tally.borrow_mut();
                        t.cases += 1;
                        t.crashes += usize::from(c);
                    }
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{rule}: {e}"));
    }
    let t = tally.into_inner();
    eprintln!(
        "parse rules, random: {} cases, {} crashing alike",
        t.cases, t.crashes
    );
}

/// Whole parses, through `rust` and `scan` (the brief's examples).
#[test]
fn whole_parses() {
    let Some(mut k) = Kernel::boot() else { return };
    let mut tally = Tally::default();
    let tapes: Vec<T> = [
        "",
        "0",
        "1234",
        "12a",
        "9999999999999999999999999",
        "1.000",
        " a",
        "a b c",
    ]
    .iter()
    .map(|s| tape(s))
    .collect();
    for (names, src) in [
        (
            &["cook_fun", "stir_fun", "shim_fun"][..],
            "|=(t=tape (rust t (cook |=(a=@ +(a)) dem)))",
        ),
        (
            &["pose", "stir_fun", "shim_fun"][..],
            "|=(t=tape (rust t (plus ;~(pose ace prn))))",
        ),
        (&["cook_fun", "stir_fun"][..], "|=(t=tape (scan t dem))"),
        (
            &["pose", "stir_fun"][..],
            "|=(t=tape (rust t (star ;~(pose (just 'a') ace))))",
        ),
    ] {
        compare_all(&mut k, src, names, &tapes, &mut tally);
    }
    // `rush` on a cord.
    let cords: Vec<T> = ["a b", "abc", "", "a\n"].iter().map(|s| cord(s)).collect();
    compare_all(
        &mut k,
        "|=(t=@t (rush t (plus ;~(pose ace prn))))",
        &["pose", "stir_fun"],
        &cords,
        &mut tally,
    );
    eprintln!(
        "parse, whole: {} cases, {} crashing alike",
        tally.cases, tally.crashes
    );
}

// ------------------------------------------------------- edges and gates

/// An edge, well- or ill-typed: hairs with big atoms or cells, units that
/// are `~`, `[~ u]`, `[x u]`, a nonzero atom, or `[~ atom]`.
fn any_edge() -> impl Strategy<Value = T> {
    let part = prop_oneof![
        4 => (0u64..4).prop_map(T::a),
        1 => Just(two64()),
        1 => Just(T::c(T::a(1), T::a(2))),
    ];
    let hr = (part.clone(), part).prop_map(|(p, q)| hair(p, q));
    let rest = (
        any_hair(),
        prop::sample::select(vec!["", "a", "rest", "12"]),
    )
        .prop_map(|(h, t)| T::c(h, tape(t)));
    let unit = prop_oneof![
        3 => Just(T::a(0)),
        4 => (0u64..3, rest.clone()).prop_map(|(r, n)| T::c(T::a(0), T::c(T::a(r), n))),
        1 => (0u64..3, rest).prop_map(|(r, n)| T::c(T::a(5), T::c(T::a(r), n))),
        1 => Just(T::a(5)),
        1 => Just(T::c(T::a(0), T::a(3))),
        1 => Just(T::c(T::a(0), T::c(T::a(1), T::a(2)))),
    ];
    prop_oneof![
        8 => (hr, unit).prop_map(|(h, u)| T::c(h, u)),
        1 => Just(T::a(3)),
    ]
}

/// The combinators on arbitrary edges. `(c v |=(n=nail w))` makes the
/// second rule give `w` whatever its nail, so every branch and `++last`
/// comparison is reached, on edges no typed rule gives.
#[test]
fn combinators_on_arbitrary_edges() {
    let Some(mut k) = Kernel::boot() else { return };
    let mut tally = Tally::default();
    let two = draw((any_edge(), any_edge()).prop_map(|(v, w)| T::c(v, w)), 120);
    let three = draw(
        (any_edge(), any_edge(), any_edge()).prop_map(|(v, u, w)| T::tuple(&[v, u, w])),
        120,
    );
    for (name, src) in [
        ("pose", "|=([v=edge w=edge] (pose v |=(n=nail w)))"),
        ("plug", "|=([v=edge w=edge] (plug v |=(n=nail w)))"),
        ("pfix", "|=([v=edge w=edge] (pfix v |=(n=nail w)))"),
        ("sfix", "|=([v=edge w=edge] (sfix v |=(n=nail w)))"),
        (
            "comp_fun",
            "|=([v=edge w=edge] ((comp |=([a=* b=*] [b a])) v |=(n=nail w)))",
        ),
        (
            "bend_fun",
            "|=([v=edge w=edge] ((bend |=([a=* b=*] ^-((unit *) `[b a]))) v |=(n=nail w)))",
        ),
    ] {
        compare_all(&mut k, src, &[name], &two, &mut tally);
    }
    compare_all(
        &mut k,
        "|=([v=edge u=edge w=edge] ((glue |=(n=nail u)) v |=(n=nail w)))",
        &["glue_fun"],
        &three,
        &mut tally,
    );
    // Rules built on a rule that gives `w`, on a nail `[h t]`.
    let on = draw(
        (any_edge(), any_hair(), any_tape()).prop_map(|(w, h, t)| T::tuple(&[w, h, t])),
        120,
    );
    for (name, rule) in [
        ("cold_fun", "(cold %c |=(n=nail w))"),
        ("cook_fun", "(cook |=(a=* [a a]) |=(n=nail w))"),
        ("stag_fun", "(stag %s |=(n=nail w))"),
        ("here_fun", "(here |=([a=pint b=*] [b a]) |=(n=nail w))"),
        // `fel` gives `w` on the first nail only (else `w` again and again).
        (
            "stir_fun",
            "(stir `*`7 |=([a=* b=*] `*`[b a]) |=(n=nail ^-(edge ?:(=(n [h t]) w [p.n ~]))))",
        ),
    ] {
        let src = format!("|=([w=edge h=hair t=tape] ({rule} [h t]))");
        compare_all(&mut k, &src, &[name], &on, &mut tally);
    }
    eprintln!(
        "parse, arbitrary edges: {} cases, {} crashing alike",
        tally.cases, tally.crashes
    );
}

/// Ill-typed nails and samples of the character rules: a nonzero atom for
/// the tape, cells for characters and bounds, lists ending in an atom,
/// nails that are atoms.
#[test]
fn character_rules_on_ill_typed_samples() {
    let Some(mut k) = Kernel::boot() else { return };
    let mut tally = Tally::default();
    let a = || T::a(u64::from(b'a'));
    let nails = vec![
        T::c(hair(T::a(1), T::a(1)), T::a(5)),
        T::c(hair(T::a(1), T::a(1)), T::a(0)),
        T::c(
            hair(T::a(1), T::a(1)),
            T::c(T::c(T::a(1), T::a(2)), T::a(0)),
        ),
        T::c(hair(T::a(1), T::a(1)), T::c(a(), T::a(7))),
        T::c(hair(T::c(T::a(1), T::a(1)), T::a(1)), tape("a")),
        T::c(hair(T::c(T::a(1), T::a(1)), T::a(1)), tape("\n")),
        T::c(hair(T::a(1), T::c(T::a(1), T::a(1))), tape("a")),
        T::c(T::a(9), tape("a")),
        T::a(4),
        T::c(T::a(3), T::a(0)),
        T::c(hair(T::a(1), T::a(1)), tape("ab")),
        T::c(hair(T::a(1), T::a(1)), T::list(&[two64()])),
    ];
    for (name, rule) in [
        ("just_fun", "(just 'a')"),
        ("just_fun", "(just `@`10)"),
        ("shim_fun", "(shim 'a' 'z')"),
        ("shim_fun", "(shim 0 (bex 70))"),
        ("mask_fun", "(mask \"xa\")"),
        ("mask_fun", "(mask ~)"),
        ("easy_fun", "(easy 1)"),
        (
            "stew_fun",
            "(stew ^.(stet (limo ~[['a' (easy 1)] [['b' 'z'] (easy 2)]])))",
        ),
    ] {
        let src = format!("|=(n=nail ({rule} n))");
        compare_all(&mut k, &src, &[name], &nails, &mut tally);
    }
    // Samples of the outer gates, as raw nouns: cells for bounds and
    // characters, an improper list.
    let ok = || T::c(hair(T::a(1), T::a(1)), tape("ab"));
    let bounds = vec![
        T::tuple(&[T::a(0), T::c(T::a(1), T::a(2)), ok()]),
        T::tuple(&[T::c(T::a(1), T::a(2)), T::a(200), ok()]),
        T::tuple(&[T::a(0), T::a(0), ok()]),
        T::tuple(&[two64(), T::a(0), ok()]),
    ];
    compare_all(
        &mut k,
        "|=([a=@ b=@ n=nail] ((shim a b) n))",
        &["shim_fun"],
        &bounds,
        &mut tally,
    );
    let buds = vec![
        T::c(T::list(&[T::a(1), a()]), ok()),
        T::c(T::c(T::a(1), T::a(9)), ok()),
        T::c(T::c(a(), T::a(9)), ok()),
        T::c(T::c(T::c(T::a(1), T::a(2)), T::a(0)), ok()),
    ];
    compare_all(
        &mut k,
        "|=([b=(list char) n=nail] ((mask b) n))",
        &["mask_fun"],
        &buds,
        &mut tally,
    );
    let dafs = vec![T::c(T::c(T::a(1), T::a(2)), ok()), T::c(two64(), ok())];
    compare_all(
        &mut k,
        "|=([d=char n=nail] ((just d) n))",
        &["just_fun"],
        &dafs,
        &mut tally,
    );
    // Rules that are not gates: an atom, a cell with no axis 6, cores
    // whose battery is `[1 0]` or `[0 1]` (`pose` kicks a core with no
    // sample with `[9 2 0 1]`; `glue` builds `;~(pfix bus sab)`, reading
    // the sample of `bus` and editing that of `sab`, before anything).
    let ok_edge = || T::c(hair(T::a(1), T::a(2)), T::c(T::a(0), T::c(a(), ok())));
    let no_edge = || T::c(hair(T::a(1), T::a(2)), T::a(0));
    let odd = vec![
        T::a(5),
        T::c(T::a(5), T::a(6)),
        T::c(T::c(T::a(0), T::a(1)), T::a(7)),
        T::c(T::c(T::a(1), T::a(0)), T::c(T::a(3), T::a(4))),
        T::c(T::c(T::a(0), T::a(1)), hair(T::a(1), T::a(9))),
    ];
    let mut rules = Vec::new();
    for r in &odd {
        for v in [ok_edge(), no_edge()] {
            rules.push(T::c(v, r.clone()));
        }
    }
    for (name, src) in [
        ("pose", "|=([v=edge s=rule] (pose v s))"),
        ("plug", "|=([v=edge s=rule] (plug v s))"),
        ("glue_fun", "|=([v=edge b=rule] ((glue b) v (just 'b')))"),
        ("glue_fun", "|=([v=edge s=rule] ((glue (easy ~)) v s))"),
    ] {
        compare_all(&mut k, src, &[name], &rules, &mut tally);
    }
    eprintln!(
        "parse, ill-typed: {} cases, {} crashing alike",
        tally.cases, tally.crashes
    );
}

/// Tiny samples against pure Nock, no jet at all (the Hoon's helpers,
/// `gth` in `++last` included, run as Nock too).
#[test]
fn tiny_samples_against_pure_nock() {
    let Some(mut k) = Kernel::boot() else { return };
    let mut n = 0;
    for (name, rule, tapes) in [
        (
            "pose",
            ";~(pose (just 'b') (just 'a'))",
            &["ab", "b", "c"][..],
        ),
        (
            "plug",
            ";~(plug (just 'a') (just '\\0a'))",
            &["a\n", "ab", ""][..],
        ),
        (
            "stir_fun",
            "(star (mask \"a\\0a\"))",
            &["a\na", "ab", ""][..],
        ),
        ("shim_fun", "(shim 'a' 'c')", &["b", "d", ""][..]),
        (
            "cook_fun",
            "(cook |=(a=@ +(a)) (just 'a'))",
            &["a", "b"][..],
        ),
        (
            "comp_fun",
            ";~((comp |=([a=@ b=@] [b a])) (just 'a') (just 'b'))",
            &["ab", "aa"][..],
        ),
    ] {
        let src = format!("|=(t=tape ({rule} [[1 1] t]))");
        for t in tapes {
            k.check(&src, name, &tape(t), Mode::Nock);
            n += 1;
        }
    }
    eprintln!("parse, pure Nock: {n} cases");
}

// ------------------------------------------------------------- crashes

/// A crash inside a slammed rule or gate is the same crash, jetted or not:
/// `!!` and a failed assertion (`%exit`), and a `%fail` from a jet (`bex`
/// past vere's limit) deep inside.
#[test]
fn crashes_in_rules_and_gates_pass_through() {
    let Some(mut k) = Kernel::boot() else { return };
    let mut tally = Tally::default();
    let tapes: Vec<T> = ["5", "123", "7", "aab", "ab", "", "a7"]
        .iter()
        .map(|s| tape(s))
        .collect();
    for (names, src) in [
        (
            &["cook_fun"][..],
            "|=(t=tape (rust t (cook |=(a=@ ?>((lth a 100) a)) dem)))",
        ),
        (
            &["cook_fun"][..],
            "|=(t=tape (rust t (cook |=(a=@ (bex (bex ?:(=(a 7) 40 3)))) dem)))",
        ),
        (
            &["stir_fun", "pose"][..],
            "|=(t=tape (rust t (star ;~(pose (just 'a') (cook |=(a=@ `@t`?<(=(a 'b') a)) prn)))))",
        ),
        (
            &["plug"][..],
            "|=(t=tape (rust t ;~(plug (just 'a') |=(n=nail ^-(edge ?<(=(q.n \"b\") [p.n ~]))))))",
        ),
        (
            &["here_fun"][..],
            "|=(t=tape (rust t (here |=([a=pint b=@] ?>(=(1 q.q.a) b)) dem)))",
        ),
        (
            &["stag_fun", "pfix"][..],
            "|=(t=tape (rust t (stag 1 ;~(pfix (just 'a') (cook |=(a=@ ?<(=(a 'b') a)) prn)))))",
        ),
        (
            &["stir_fun"][..],
            "|=(t=tape (rust t (stir 0 |=([a=@ b=@] ?<(=(a 7) (add a b))) dit)))",
        ),
        (
            &["comp_fun"][..],
            "|=(t=tape (rust t ;~((comp |=([a=@ b=@] (div a b))) dit dit)))",
        ),
        (
            &["glue_fun"][..],
            "|=(t=tape (rust t ;~((glue |=(n=nail ^-(edge !!))) dit dit)))",
        ),
        (
            &["cold_fun"][..],
            "|=(t=tape (rust t (cold 1 |=(n=nail ^-(edge ?~(q.n !! [p.n ~]))))))",
        ),
    ] {
        compare_all(&mut k, src, names, &tapes, &mut tally);
    }
    assert!(
        tally.crashes >= 10,
        "too few crashes compared: {}",
        tally.crashes
    );
    // `%fail` from `bex` inside the `cook` gate, not `%exit`.
    let src = "|=(t=tape (rust t (cook |=(a=@ (bex (bex ?:(=(a 7) 40 3)))) dem)))";
    for mode in [Mode::Jet, Mode::Hoon] {
        match k.run(src, "cook_fun", &tape("7"), mode) {
            Outcome::Crash(m) => assert_eq!(m, mars_nock::Mote::Fail, "{mode:?}"),
            o => panic!("{mode:?}: {o:?}"),
        }
    }
    eprintln!(
        "parse, crashes: {} cases, {} crashing alike",
        tally.cases, tally.crashes
    );
}

// -------------------------------------------------------- real parsing

/// A few hundred characters of Hoon.
const SOURCE: &str = "\
|=  [a=@ud b=(list @ud)]
^-  (unit @ud)
=/  c  (add a 1)
::  a comment
?~  b  `c
=+  d=`(list @)`~[1 2 0x3 'abc' %foo]
%-  some
%+  roll  b
|=  [e=@ud f=@ud]
?:  &((gth e 1) !=(f 0))
  (mul e (add f c))
~&  [\"tape {<e>}\" 1.000 ~zod .~1.5 'cord']
(sub e f)
";

#[test]
fn hoon_source_parses_alike_with_each_jet_off() {
    let Some(mut k) = Kernel::boot() else { return };
    let mut tally = Tally::default();
    let minor = k.rt.stats().minor_collections;
    for src in ["|=(t=@t (rush t vest))", "|=(t=@t (ream t))"] {
        let sample = cord(SOURCE);
        // It parses (`rush` gives `[~ hoon]`).
        match k.run(src, "pose", &sample, Mode::Jet) {
            Outcome::Product(p) => assert!(p.is_cell(), "{src}: no parse"),
            o => panic!("{src}: {o:?}"),
        }
        let names: Vec<&str> = JETS
            .iter()
            .copied()
            .filter(|n| compare(&mut k, src, n, &sample).is_some())
            .collect();
        tally.cases += names.len();
        eprintln!("{src}: jets reached and compared: {names:?}");
        assert!(names.len() >= 12, "too few jets reached: {names:?}");
    }
    // Broken source: the same failure.
    let bad = cord("|=  a=@\n(add a");
    compare_all(
        &mut k,
        "|=(t=@t (rush t vest))",
        &["pose", "stir_fun"],
        &[bad],
        &mut tally,
    );
    // The jets' slams collected, so the nouns they keep were moved.
    let minor = k.rt.stats().minor_collections - minor;
    assert!(minor > 0, "no collection while parsing");
    eprintln!(
        "parse, Hoon source: {} comparisons, {minor} minor collections",
        tally.cases
    );
}

/// A long repetition: the jetted `stir` needs no native stack; the
/// Hoon's recursion is compared at the same length.
#[test]
fn long_star() {
    let Some(mut k) = Kernel::boot() else { return };
    let long: String = "ab\n".repeat(1000);
    let mut tally = Tally::default();
    compare_all(
        &mut k,
        "|=(t=tape (rust t (star ;~(pose (just 'a') (just 'b') (just '\\0a')))))",
        &["stir_fun", "pose"],
        &[tape(&long)],
        &mut tally,
    );
    compare_all(
        &mut k,
        "|=(t=tape ((star (just 'a')) [[1 1] t]))",
        &["stir_fun"],
        &[tape(&"a".repeat(5000))],
        &mut tally,
    );
}

/// Rules and gates that allocate a lot, so that the heap collects inside
/// the slams the jets make and moves the nouns they keep.
#[test]
fn collections_inside_slams() {
    let Some(mut k) = Kernel::boot() else { return };
    let mut tally = Tally::default();
    // `f` (nouns) and `g` (atoms) are the identity after building and
    // measuring a 2,000-item list.
    let fat = "=/(f |=(a=* ?:(=(0 (lent (reap 2.000 a))) a a)) \
               =/(g |=(a=@ ?:(=(0 (lent (reap 2.000 a))) a a)) =/(r (cook g prn)";
    let tapes = [tape("abcdefghijkl"), tape("ab cd z"), tape("")];
    let minor = k.rt.stats().minor_collections;
    for (names, rule) in [
        (&["stir_fun", "cook_fun"][..], "(plus r)"),
        (
            &["stir_fun"][..],
            "(stir 0 |=([a=@ b=@] (g (add a b))) (cook |=([a=@ b=@] (add a b)) ;~(plug r r)))",
        ),
        (&["plug"][..], "(star ;~(plug r r r))"),
        (&["pose"][..], "(star ;~(pose ;~(plug r (just 'z')) r))"),
        (&["pfix", "sfix"][..], "(star ;~(pfix r ;~(sfix r r)))"),
        (
            &["comp_fun"][..],
            "(star ;~((comp |=([a=@ b=@] (g (add a b)))) r r))",
        ),
        (
            &["bend_fun"][..],
            "(star ;~((bend |=([a=@ b=@] ^-((unit @) `(g (add a b))))) r r))",
        ),
        (&["glue_fun"][..], "(star ;~((glue r) r r))"),
        (
            &["here_fun"][..],
            "(star (here |=([a=pint b=@] (f [a b])) r))",
        ),
        (
            &["stag_fun", "cold_fun"][..],
            "(star (stag (f %x) (cold (f %y) r)))",
        ),
    ] {
        let src = format!("|=(t=tape {fat} ({rule} [[1 1] t])))))");
        compare_all(&mut k, &src, names, &tapes, &mut tally);
    }
    let minor = k.rt.stats().minor_collections - minor;
    assert!(minor >= 10, "too few collections: {minor}");
    eprintln!(
        "parse, collecting: {} cases, {minor} minor collections",
        tally.cases
    );
}

/// Deeply nested source on a 512 KiB thread stack: each bracket nests
/// some six jets inside one another's slams, so past `MAX_NEST` they punt
/// to their Nock (no native stack) and the parse goes on, the same parse.
#[test]
fn deep_nesting_on_a_small_stack() {
    std::thread::Builder::new()
        .stack_size(512 << 10)
        .spawn(|| {
            let Some(mut k) = Kernel::boot() else { return };
            let n = if cfg!(debug_assertions) { 40 } else { 1500 };
            let deep = format!("{}1{}", "[".repeat(n), "]".repeat(n));
            let src = "|=(t=@t (rush t vest))";
            match k.run(src, "pose", &cord(&deep), Mode::Jet) {
                Outcome::Product(p) => assert!(p.is_cell(), "no parse"),
                o => panic!("{o:?}"),
            }
            let mut tally = Tally::default();
            compare_all(
                &mut k,
                src,
                &["plug", "stir_fun"],
                &[cord(&deep)],
                &mut tally,
            );
        })
        .expect("thread")
        .join()
        .expect("no stack overflow");
}

// ------------------------------------------------------ vere over Nock

/// `bend` when `raq` gives `~`: the pill's Nock of `bend/fun` was compiled
/// with the default `raq`, whose product is never `~`, so its `?~  vux`
/// test is gone and `u.vux` crashes on `~`. vere's jet keeps `vex`'s
/// result, as the Hoon says; so do we (a crash in the Hoon, a product in
/// the jet).
#[test]
fn bend_keeps_vex_where_the_nock_crashes() {
    let Some(mut k) = Kernel::boot() else { return };
    let src = on_nail(
        ";~((bend |=([a=@ b=@] ^-((unit @) ?:(=(0 (mod b 2)) ~ `(add a b))))) dem ;~(pfix ace dem))",
    );
    let nail = |s: &str| T::c(hair(T::a(1), T::a(1)), tape(s));
    // `raq` gives `~` (34 is even): jet `[[1 6] [~ 12 [[1 3] " 34a"]]]`.
    let s = nail("12 34a");
    match k.run(&src, "bend_fun", &s, Mode::Jet) {
        Outcome::Product(p) => assert_eq!(
            mars_noun::fmt::render(p, 200),
            "[[1 6] 0 12 [1 3] 32 51 52 97 0]"
        ),
        o => panic!("jet: {o:?}"),
    }
    match k.run(&src, "bend_fun", &s, Mode::Hoon) {
        Outcome::Crash(m) => assert_eq!(m, mars_nock::Mote::Exit),
        o => panic!("Hoon: {o:?}"),
    }
    // `raq` gives a unit: alike.
    assert_eq!(
        compare(&mut k, &src, "bend_fun", &nail("12 33a")),
        Some(false)
    );
}
