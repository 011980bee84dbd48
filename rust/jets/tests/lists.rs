//! Differential proof of the list jets (`src/lists/`): each gate against
//! its own Hoon (the ivory pill's `hoon.hoon`, run as Nock with every other
//! jet on), through wrapper gates compiled by the pill's Hoon
//! (`common::hoon`), in product and in crashing.
//!
//! * Random lists of up to 300 items (small atoms that collide, 64-bit and
//!   multi-word atoms, cells), and random lists ending in an atom other
//!   than `~`, on which the jet and the Hoon must crash alike.
//! * Higher-order gates with gates that compute, that crash on some items,
//!   whose products are ill-typed (a test gate's `2`, a unit that is `7`),
//!   and, for `sort`, comparisons that are no order at all.
//! * Edge cases: `~`, one item, indices and counts at and past the end,
//!   2^64 and up, cells where the Hoon wants an atom.
//! * Tiny samples against pure Nock, no jet at all.
//! * Lists of 10^5 and 10^6 items, jetted only, against a Rust model: no
//!   jet may recurse on a list's length, and the higher-order ones must
//!   keep their lists through the collections their slams run.
//!
//! Where vere-v3.0 and the Hoon part, `vere_decides` pins what the jets
//! do, and what the Hoon does. Skipped, with a message, when `shared/` is
//! absent.

mod common;

use std::cell::RefCell;

use common::hoon::Kernel;
use common::{Mode, Outcome, T};
use mars_nock::Mote;
use mars_noun::{Heap, Noun};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// Random cases per gate and family of inputs (more with `MARS_DIFF_CASES`).
fn cases() -> u32 {
    std::env::var("MARS_DIFF_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 6 } else { 48 })
}

/// A deterministic runner (same cases every run; failures shrink).
fn runner() -> TestRunner {
    common::runner(cases())
}

/// Check `src` (a wrapper gate calling the jetted gate `name`) on every
/// fixed sample and on `cases()` random ones, against `mode`. Returns
/// (cases, crashes).
fn prove<S>(k: &RefCell<Kernel>, src: &str, name: &str, fixed: &[T], random: S, mode: Mode)
where
    S: Strategy<Value = T>,
{
    let (mut n, mut crashes) = (0usize, 0usize);
    for s in fixed {
        n += 1;
        crashes += usize::from(k.borrow_mut().check(src, name, s, mode).is_none());
    }
    let counts = RefCell::new((0usize, 0usize));
    runner()
        .run(&random, |s| {
            let crashed = k.borrow_mut().check(src, name, &s, mode).is_none();
            let mut c = counts.borrow_mut();
            c.0 += 1;
            c.1 += usize::from(crashed);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{src}: {e}"));
    let (rn, rc) = counts.into_inner();
    n += rn;
    crashes += rc;
    eprintln!("%{name} vs {mode:?}: {src}: {n} cases, {crashes} crashing alike");
}

fn boot() -> Option<RefCell<Kernel>> {
    Kernel::boot().map(RefCell::new)
}

fn a(v: u64) -> T {
    T::a(v)
}

fn c(h: T, t: T) -> T {
    T::c(h, t)
}

fn list(v: &[u64]) -> T {
    T::list(&v.iter().map(|&x| a(x)).collect::<Vec<_>>())
}

/// `items` ending in `end` instead of `~`.
fn ending(items: &[T], end: T) -> T {
    items.iter().rev().fold(end, |t, h| c(h.clone(), t))
}

/// An item: small atoms (so items coincide), words, multi-word atoms, cells.
fn item() -> impl Strategy<Value = T> + Clone {
    let leaf = prop_oneof![
        4 => (0u64..8).prop_map(T::a),
        1 => any::<u64>().prop_map(T::a),
        1 => vec(any::<u64>(), 2..4).prop_map(T::A),
    ];
    leaf.prop_recursive(2, 6, 2, |inner| {
        (inner.clone(), inner).prop_map(|(h, t)| T::c(h, t))
    })
}

/// A small atom, below `max`.
fn small(max: u64) -> impl Strategy<Value = T> + Clone {
    (0..max).prop_map(T::a)
}

/// A test gate's answer: mostly `%.y` or `%.n`, sometimes `2`.
fn answer() -> impl Strategy<Value = T> + Clone {
    prop_oneof![8 => small(2), 1 => Just(a(2))]
}

/// A list of up to `max` items.
fn list_of<S: Strategy<Value = T> + Clone>(
    items: S,
    max: usize,
) -> impl Strategy<Value = T> + Clone {
    vec(items, 0..=max).prop_map(|v| T::list(&v))
}

/// A list, or a list that ends in an atom other than `~` (one in four).
fn any_list<S: Strategy<Value = T> + Clone>(
    items: S,
    max: usize,
) -> impl Strategy<Value = T> + Clone {
    (vec(items, 0..=max), 0u64..4, 1u64..1000).prop_map(|(v, k, end)| {
        if k == 0 {
            ending(&v, a(end))
        } else {
            T::list(&v)
        }
    })
}

/// The samples every gate of one list gets: `~`, one item, three, and the
/// malformed ends.
fn lists_fixed() -> Vec<T> {
    vec![
        a(0),
        list(&[5]),
        list(&[1, 2, 3]),
        T::list(&[c(a(1), a(2)), a(0), T::big(1 << 70)]),
        ending(&[a(1), a(2)], a(5)),
        ending(&[a(1)], c(a(0), a(7))),
        a(5),
    ]
}

// ---------------------------------------------------------------- lists

#[test]
fn flop_lent() {
    let Some(k) = boot() else { return };
    for (name, src) in [
        ("flop", "|=(a=(list) (flop a))"),
        ("lent", "|=(a=(list) (lent a))"),
    ] {
        prove(
            &k,
            src,
            name,
            &lists_fixed(),
            any_list(item(), 300),
            Mode::Hoon,
        );
        prove(&k, src, name, &[], any_list(small(4), 4), Mode::Nock);
    }
}

#[test]
fn weld_welp() {
    let Some(k) = boot() else { return };
    let fixed = vec![
        c(a(0), a(0)),
        c(list(&[1]), a(0)),
        c(a(0), list(&[1])),
        c(list(&[1, 2]), list(&[3, 4])),
        // The second list is never walked.
        c(list(&[1, 2]), a(5)),
        c(a(0), ending(&[a(3)], a(9))),
        c(ending(&[a(1)], a(5)), list(&[3])),
        c(a(5), a(0)),
    ];
    let random = (any_list(item(), 200), any_list(item(), 50)).prop_map(|(x, y)| c(x, y));
    let tiny = (any_list(small(4), 3), any_list(small(4), 3)).prop_map(|(x, y)| c(x, y));
    for (name, src) in [
        ("weld", "|=([a=(list) b=(list)] (weld a b))"),
        ("welp", "|=([a=(list) b=(list)] (welp a b))"),
    ] {
        prove(&k, src, name, &fixed, random.clone(), Mode::Hoon);
        prove(&k, src, name, &[], tiny.clone(), Mode::Nock);
    }
}

#[test]
fn zing() {
    let Some(k) = boot() else { return };
    let src = "|=(a=(list (list)) (zing a))";
    let fixed = vec![
        a(0),
        T::list(&[a(0)]),
        T::list(&[a(0), a(0)]),
        T::list(&[list(&[1]), list(&[2, 3])]),
        T::list(&[list(&[1]), a(0), list(&[2, 3])]),
        // A malformed list before the last, or a malformed outer list.
        T::list(&[ending(&[a(1)], a(5)), list(&[2])]),
        ending(&[list(&[1])], a(5)),
        a(5),
    ];
    // (Random lists of proper lists: a malformed last list is where vere
    // and the Hoon part, see `vere_decides`.)
    let lists = (
        vec(list_of(item(), 30), 0..12),
        any_list(item(), 8),
        0u64..3,
    )
        .prop_map(|(mut v, bad, k)| {
            // Sometimes a list before the last is malformed.
            if k == 0 && !v.is_empty() {
                v.insert(0, bad);
            }
            T::list(&v)
        });
    prove(&k, src, "zing", &fixed, lists, Mode::Hoon);
    let tiny = vec(list_of(small(4), 2), 0..3).prop_map(|v| T::list(&v));
    prove(&k, src, "zing", &[], tiny, Mode::Nock);
}

/// `[index list]` samples: indices from 0 to past the end.
fn indexed(max: usize) -> impl Strategy<Value = T> + Clone {
    (any_list(item(), max), 0u64..(max as u64 + 4)).prop_map(|(l, i)| c(a(i), l))
}

fn index_fixed() -> Vec<T> {
    let l = list(&[1, 2, 3]);
    let bad = ending(&[a(1), a(2)], a(5));
    let mut v = Vec::new();
    for i in [0, 1, 2, 3, 4] {
        v.push(c(a(i), l.clone()));
        v.push(c(a(i), a(0)));
    }
    for i in [0, 1, 2] {
        v.push(c(a(i), bad.clone()));
    }
    v.extend([
        c(a(0), a(5)),
        c(a(u64::MAX), l.clone()),
        c(T::big(1 << 64), l.clone()),
        c(T::A(vec![1, 2, 3]), a(0)),
        // A cell where the index is: vere's wrappers exit, and the Hoon's
        // `dec` of it exits too (as a jet).
        c(c(a(1), a(2)), l.clone()),
    ]);
    v
}

#[test]
fn snag_scag_slag() {
    let Some(k) = boot() else { return };
    for (name, src) in [
        ("snag", "|=([a=@ b=(list)] (snag a b))"),
        ("scag", "|=([a=@ b=(list)] (scag a b))"),
        ("slag", "|=([a=@ b=(list)] (slag a b))"),
    ] {
        let fixed = index_fixed();
        // `slag` meets a malformed end only within its count.
        let random = indexed(200).prop_filter("slag past a malformed end", move |s| {
            name != "slag" || !past_malformed_end(s)
        });
        prove(&k, src, name, &fixed, random, Mode::Hoon);
        let tiny = (list_of(small(4), 3), 0u64..4).prop_map(|(l, i)| c(a(i), l));
        prove(&k, src, name, &[], tiny, Mode::Nock);
    }
    // The cell index with `~`: `scag` and `slag` give `~`, `snag` crashes.
    let mut k = k.borrow_mut();
    let s = c(c(a(1), a(2)), a(0));
    assert!(k
        .check("|=([a=@ b=(list)] (snag a b))", "snag", &s, Mode::Hoon)
        .is_none());
    for name in ["scag", "slag"] {
        let src = format!("|=([a=@ b=(list)] ({name} a b))");
        let p = k.check(&src, name, &s, Mode::Hoon).expect("~");
        assert_eq!(p.as_direct(), Some(0));
    }
}

/// Does `[i l]` make `slag` walk into an atom other than `~`?
fn past_malformed_end(s: &T) -> bool {
    let T::C(i, l) = s else { return false };
    let Some(mut n) = i.small() else { return false };
    let mut l = l.as_ref();
    while n > 0 {
        match l {
            T::C(_, t) => l = t,
            T::A(_) => return l.small() != Some(0),
        }
        n -= 1;
    }
    false
}

#[test]
fn reap() {
    let Some(k) = boot() else { return };
    let src = "|=([a=@ b=*] (reap a b))";
    let fixed = vec![
        c(a(0), a(5)),
        c(a(0), c(a(1), a(2))),
        c(a(1), a(0)),
        c(a(3), T::big(1 << 80)),
        c(c(a(1), a(2)), a(5)),
    ];
    let random = (0u64..300, item()).prop_map(|(n, x)| c(a(n), x));
    prove(&k, src, "reap", &fixed, random, Mode::Hoon);
    prove(
        &k,
        src,
        "reap",
        &[],
        (0u64..5, small(4)).prop_map(|(n, x)| c(a(n), x)),
        Mode::Nock,
    );
    // A list too long for the heap: at once here, after 4 GiB in the Hoon.
    let out = k
        .borrow_mut()
        .run(src, "reap", &c(T::big(1 << 64), a(1)), Mode::Jet);
    assert!(matches!(out, Outcome::Crash(Mote::Meme)), "{out:?}");
    let out = k
        .borrow_mut()
        .run(src, "reap", &c(a(1 << 40), a(1)), Mode::Jet);
    assert!(matches!(out, Outcome::Crash(Mote::Meme)), "{out:?}");
}

#[test]
fn need() {
    let Some(k) = boot() else { return };
    let src = "|=(a=(unit) (need a))";
    let fixed = vec![
        a(0),
        c(a(0), a(5)),
        c(a(0), c(a(1), a(2))),
        c(a(9), a(5)),
        a(7),
        T::big(1 << 64),
    ];
    let random = prop_oneof![item(), item().prop_map(|x| c(a(0), x))];
    prove(&k, src, "need", &fixed, random, Mode::Hoon);
    prove(
        &k,
        src,
        "need",
        &[a(0), c(a(0), a(3)), a(2)],
        small(3),
        Mode::Nock,
    );
}

#[test]
fn find() {
    let Some(k) = boot() else { return };
    let src = "|=([a=(list) b=(list)] (find a b))";
    let l = |v: &[u64]| list(v);
    let bad = |v: &[u64]| ending(&v.iter().map(|&x| a(x)).collect::<Vec<_>>(), a(5));
    let fixed = vec![
        c(a(0), a(0)),
        c(a(0), l(&[1, 2])),
        c(l(&[1]), a(0)),
        c(l(&[1]), l(&[1])),
        c(l(&[2]), l(&[1, 2])),
        c(l(&[1, 2]), l(&[1, 1, 2, 3])),
        c(l(&[1, 2, 3]), l(&[1, 2])),
        c(l(&[2, 3]), l(&[1, 2])),
        // Malformed ends, met or not.
        c(bad(&[1]), l(&[1])),
        c(bad(&[1]), l(&[1, 1])),
        c(bad(&[1]), l(&[2, 2])),
        c(l(&[1]), bad(&[2, 1])),
        c(l(&[3]), bad(&[2, 1])),
        c(a(5), l(&[1])),
        c(l(&[1]), a(5)),
        c(a(5), a(0)),
    ];
    let sym = small(3);
    let random = (any_list(sym.clone(), 4), any_list(sym, 200)).prop_map(|(x, y)| c(x, y));
    prove(&k, src, "find", &fixed, random, Mode::Hoon);
    let mixed = (list_of(item(), 3), list_of(item(), 60)).prop_map(|(x, y)| c(x, y));
    prove(&k, src, "find", &[], mixed, Mode::Hoon);
    let tiny = (any_list(small(2), 2), any_list(small(2), 4)).prop_map(|(x, y)| c(x, y));
    prove(&k, src, "find", &[], tiny, Mode::Nock);
}

// ------------------------------------------------------ higher-order gates

#[test]
fn turn() {
    let Some(k) = boot() else { return };
    let src = "|=([a=(list @) s=@] (turn a |=(b=@ (mix b s))))";
    let fixed: Vec<T> = lists_fixed().into_iter().map(|l| c(l, a(3))).collect();
    let random =
        (any_list(any::<u64>().prop_map(T::a), 300), any::<u64>()).prop_map(|(l, s)| c(l, a(s)));
    prove(&k, src, "turn", &fixed, random, Mode::Hoon);
    // A gate that crashes on 7, and one that is a jet itself.
    let crashy = "|=(a=(list @) (turn a |=(b=@ ?<(=(b 7) (mul b 3)))))";
    prove(
        &k,
        crashy,
        "turn",
        &lists_fixed(),
        any_list(small(40), 16),
        Mode::Hoon,
    );
    prove(
        &k,
        "|=(a=(list @) (turn a dec))",
        "turn",
        &[],
        any_list(small(40), 16),
        Mode::Hoon,
    );
    prove(&k, crashy, "turn", &[], any_list(small(8), 3), Mode::Nock);
}

#[test]
fn murn() {
    let Some(k) = boot() else { return };
    let src = "|=(a=(list @) (murn a |=(b=@ ?:(=(0 (mod b 3)) ~ `(add b 1)))))";
    prove(
        &k,
        src,
        "murn",
        &lists_fixed(),
        any_list(small(20), 300),
        Mode::Hoon,
    );
    prove(&k, src, "murn", &[], any_list(small(6), 3), Mode::Nock);
    // The items are the units: `7` is no unit (the Hoon's `+.c` of it).
    let id = "|=(a=(list (unit)) (murn a |=(b=(unit) b)))";
    let unit = prop_oneof![
        4 => Just(a(0)),
        8 => item().prop_map(|x| c(a(0), x)),
        1 => Just(a(7)),
    ];
    let fixed = vec![
        T::list(&[c(a(0), a(1)), a(0), c(a(3), a(4))]),
        T::list(&[a(0), a(7)]),
    ];
    prove(&k, id, "murn", &fixed, any_list(unit, 16), Mode::Hoon);
}

#[test]
fn skim_skip_skid() {
    let Some(k) = boot() else { return };
    for name in ["skim", "skip", "skid"] {
        // A test that computes, and the identity on the items, for which
        // an item `2` is an ill-typed answer.
        let src = format!("|=(a=(list @) ({name} a |=(b=@ =(0 (mod b 3)))))");
        prove(
            &k,
            &src,
            name,
            &lists_fixed(),
            any_list(small(20), 300),
            Mode::Hoon,
        );
        prove(&k, &src, name, &[], any_list(small(6), 3), Mode::Nock);
        let id = format!("|=(a=(list ?) ({name} a |=(b=? b)))");
        let fixed = vec![list(&[0, 1, 1, 0]), list(&[0, 2, 1]), list(&[2])];
        prove(&k, &id, name, &fixed, any_list(answer(), 16), Mode::Hoon);
    }
}

#[test]
fn levy_lien() {
    let Some(k) = boot() else { return };
    for name in ["levy", "lien"] {
        let src = format!("|=(a=(list @) ({name} a |=(b=@ (lth b 15))))");
        let near = prop_oneof![
            any_list(small(15), 300),
            any_list(small(16), 300),
            any_list((14u64..20).prop_map(T::a), 20),
        ];
        prove(&k, &src, name, &lists_fixed(), near, Mode::Hoon);
        prove(
            &k,
            &src,
            name,
            &[],
            any_list((13u64..17).prop_map(T::a), 3),
            Mode::Nock,
        );
        let id = format!("|=(a=(list ?) ({name} a |=(b=? b)))");
        let fixed = vec![
            list(&[0, 0, 1]),
            list(&[1, 0]),
            list(&[0, 2, 1]),
            list(&[1, 2, 0]),
        ];
        prove(&k, &id, name, &fixed, any_list(small(3), 40), Mode::Hoon);
    }
}

#[test]
fn roll_reel() {
    let Some(k) = boot() else { return };
    for name in ["roll", "reel"] {
        // A fold that shows its order, one that is a jet, one that crashes.
        let pair = format!("|=(a=(list) ({name} a |=([x=* y=*] [x y])))");
        prove(
            &k,
            &pair,
            name,
            &lists_fixed(),
            any_list(item(), 300),
            Mode::Hoon,
        );
        prove(&k, &pair, name, &[], any_list(small(4), 4), Mode::Nock);
        let add = format!("|=(a=(list @) ({name} a add))");
        prove(
            &k,
            &add,
            name,
            &lists_fixed(),
            any_list(small(1000), 300),
            Mode::Hoon,
        );
        let crashy =
            format!("|=(a=(list @) ({name} a |=([x=@ y=@] ?<(=(x 7) (add (mul 3 y) x)))))");
        prove(&k, &crashy, name, &[], any_list(small(40), 16), Mode::Hoon);
        // The accumulator starts from the gate's own sample: `y=_s` is `s`.
        let seeded = format!("|=([a=(list @) s=@] ({name} a |=([x=@ y=_s] (mix (mul 3 y) x))))");
        let random = (any_list(small(50), 100), any::<u64>()).prop_map(|(l, s)| c(l, a(s)));
        prove(&k, &seeded, name, &[c(a(0), a(9))], random, Mode::Hoon);
    }
}

#[test]
fn sort() {
    let Some(k) = boot() else { return };
    let words = any::<u64>().prop_map(T::a);
    for src in [
        "|=(a=(list @) (sort a lth))",
        "|=(a=(list @) (sort a gth))",
        "|=(a=(list @) (sort a lte))",
    ] {
        let few = prop_oneof![any_list(small(20), 300), any_list(words.clone(), 300)];
        prove(&k, src, "sort", &lists_fixed(), few, Mode::Hoon);
    }
    // Comparisons that are no order: each pair's answer is a coin toss.
    let coin = "|=([a=(list @) s=@] (sort a |=([x=@ y=@] =(0 (end 0 (mug [s x y]))))))";
    let random = (any_list(small(30), 200), any::<u64>()).prop_map(|(l, s)| c(l, a(s)));
    prove(&k, coin, "sort", &[], random, Mode::Hoon);
    // Already sorted, and reversed: the quicksort's worst cases.
    let fixed: Vec<T> = [(0..200).collect::<Vec<u64>>(), (0..200).rev().collect()]
        .iter()
        .map(|v| list(v))
        .collect();
    prove(
        &k,
        "|=(a=(list @) (sort a lth))",
        "sort",
        &fixed,
        Just(a(0)),
        Mode::Hoon,
    );
    prove(
        &k,
        "|=(a=(list @) (sort a lth))",
        "sort",
        &[],
        any_list(small(4), 4),
        Mode::Nock,
    );
    // A comparison that crashes.
    let crashy = "|=(a=(list @) (sort a |=([x=@ y=@] ?<(=(x 7) (lth x y)))))";
    prove(&k, crashy, "sort", &[], any_list(small(40), 16), Mode::Hoon);
}

// ------------------------------------------------ where vere and Hoon part

/// A product, rendered, or a crash.
type Run = Result<String, Mote>;

fn render(o: &Outcome) -> Run {
    match o {
        Outcome::Product(p) => Ok(mars_noun::fmt::render(*p, 200)),
        Outcome::Crash(m) => Err(*m),
    }
}

/// `src` on `sample` with every jet (asserting that `name` was called),
/// and with every jet but `name`: each product rendered, or the crash.
fn both(k: &RefCell<Kernel>, src: &str, name: &str, sample: &T) -> (Run, Run) {
    let mut k = k.borrow_mut();
    k.rt.set_jet_stats(true);
    let before = k.calls(name);
    let jet = render(&k.run(src, name, sample, Mode::Jet));
    assert!(k.calls(name) > before, "%{name} was not called");
    let hoon = render(&k.run(src, name, sample, Mode::Hoon));
    (jet, hoon)
}

#[test]
fn vere_decides() {
    let Some(k) = boot() else { return };
    let ok = |s: &str| Ok(s.to_string());
    let exit: Run = Err(Mote::Exit);
    // (jet, Hoon) for each: the jet follows vere-v3.0.
    let cases: Vec<(&str, &str, T, Run, Run)> = vec![
        // `zing` never walks its last list.
        (
            "zing",
            "|=(a=(list (list)) (zing a))",
            T::list(&[ending(&[a(1)], a(2))]),
            ok("[1 2]"),
            exit.clone(),
        ),
        (
            "zing",
            "|=(a=(list (list)) (zing a))",
            T::list(&[a(5)]),
            ok("5"),
            exit.clone(),
        ),
        (
            "zing",
            "|=(a=(list (list)) (zing a))",
            T::list(&[list(&[1]), ending(&[a(2)], a(3))]),
            ok("[1 2 3]"),
            exit.clone(),
        ),
        // `slag` past a malformed end is `~`.
        (
            "slag",
            "|=([a=@ b=(list)] (slag a b))",
            c(a(3), ending(&[a(1), a(2)], a(5))),
            ok("0"),
            exit.clone(),
        ),
        (
            "slag",
            "|=([a=@ b=(list)] (slag a b))",
            c(a(9), ending(&[a(1)], a(5))),
            ok("0"),
            exit.clone(),
        ),
        // `levy`, `lien` and `sort` want a gate even for `~`.
        (
            "levy",
            "|=([a=(list @) b=$-(@ ?)] (levy a b))",
            c(a(0), a(5)),
            exit.clone(),
            ok("0"),
        ),
        (
            "lien",
            "|=([a=(list @) b=$-(@ ?)] (lien a b))",
            c(a(0), a(5)),
            exit.clone(),
            ok("1"),
        ),
        (
            "sort",
            "|=([a=(list @) b=$-([@ @] ?)] (sort a b))",
            c(a(0), a(5)),
            exit.clone(),
            ok("0"),
        ),
        // `sort` puts an item after the pivot on any answer but `%.y`.
        (
            "sort",
            "|=(a=(list ?) (sort a |=([x=? y=?] x)))",
            list(&[1, 2, 0, 2]),
            ok("[0 1 2 2 0]"),
            exit.clone(),
        ),
    ];
    for (name, src, sample, jet, hoon) in cases {
        let (j, h) = both(&k, src, name, &sample);
        assert_eq!(j, jet, "jet: {src} on {sample:?}");
        assert_eq!(h, hoon, "Hoon: {src} on {sample:?}");
    }
}

// ------------------------------------------------------------ long lists

/// Slam `src` on the sample `build` makes in the heap, with every jet
/// (asserting that `name` was called). The product, or the crash.
fn slam_long(
    k: &RefCell<Kernel>,
    src: &str,
    name: &str,
    build: impl FnOnce(&mut Heap) -> Noun,
) -> Result<Noun, Mote> {
    let mut k = k.borrow_mut();
    k.rt.set_jet_stats(true);
    let before = k.calls(name);
    let gate = k.gate(src);
    let sample = build(&mut k.rt.heap);
    let out = k.rt.slam(gate, sample).map_err(|b| b.mote());
    assert!(k.calls(name) > before, "%{name} was not called");
    out
}

/// `slam_long` for a higher-order gate, asserting that the slams it ran
/// collected (and so moved what the jet keeps) at least once.
fn slam_moving(
    k: &RefCell<Kernel>,
    src: &str,
    name: &str,
    build: impl FnOnce(&mut Heap) -> Noun,
) -> Result<Noun, Mote> {
    let before = k.borrow().rt.stats().minor_collections;
    let out = slam_long(k, src, name, build);
    let after = k.borrow().rt.stats().minor_collections;
    assert!(after > before, "%{name}: no collection during the slams");
    out
}

/// The items of a list of direct atoms (`None` for anything else).
fn atoms(mut l: Noun) -> Option<Vec<u64>> {
    let mut out = Vec::new();
    while let Some((i, t)) = l.cell_parts() {
        out.push(i.as_direct()?);
        l = t;
    }
    (l.as_direct() == Some(0)).then_some(out)
}

/// Pseudo-random words below `max`.
fn noise(n: usize, max: u64) -> Vec<u64> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % max
        })
        .collect()
}

fn nouns(heap: &mut Heap, v: &[u64]) -> Vec<Noun> {
    v.iter().map(|&x| heap.atom_u64(x)).collect()
}

#[test]
fn long_lists() {
    let Some(k) = boot() else { return };
    const MILLION: usize = 1_000_000;
    let v = noise(MILLION, 1 << 40);
    let w = v.clone();
    let got = slam_long(&k, "|=(a=(list) (flop a))", "flop", |h| {
        let l = nouns(h, &w);
        h.list(&l)
    });
    let mut want = v.clone();
    want.reverse();
    assert_eq!(got.ok().and_then(atoms), Some(want));
    let w = v.clone();
    let got = slam_long(&k, "|=(a=(list) (lent a))", "lent", |h| {
        let l = nouns(h, &w);
        h.list(&l)
    });
    assert_eq!(got.ok().and_then(|n| n.as_direct()), Some(MILLION as u64));
    let w = v.clone();
    let got = slam_long(&k, "|=([a=(list) b=(list)] (weld a b))", "weld", |h| {
        let l = nouns(h, &w);
        let x = h.list(&l);
        let y = h.list(&l[..3]);
        h.cell(x, y)
    });
    let mut want = v.clone();
    want.extend_from_slice(&v[..3]);
    assert_eq!(got.ok().and_then(atoms), Some(want));
    let w = v.clone();
    let got = slam_long(&k, "|=([a=@ b=(list)] (snag a b))", "snag", |h| {
        let l = nouns(h, &w);
        let l = h.list(&l);
        h.cell(Noun::direct(MILLION as u64 - 1), l)
    });
    assert_eq!(got.ok().and_then(|n| n.as_direct()), v.last().copied());
    let got = slam_long(&k, "|=([a=@ b=*] (reap a b))", "reap", |h| {
        h.cell(Noun::direct(MILLION as u64), Noun::direct(7))
    });
    assert_eq!(got.ok().and_then(atoms), Some(vec![7; MILLION]));
    // A tape of a million lines: `zing` of many short lists.
    let got = slam_long(&k, "|=(a=(list (list)) (zing a))", "zing", |h| {
        let one = h.list(&[Noun::direct(1), Noun::direct(2)]);
        h.list(&vec![one; MILLION / 2])
    });
    assert_eq!(got.ok().and_then(atoms).map(|x| x.len()), Some(MILLION));
}

#[test]
fn long_lists_through_gates() {
    let Some(k) = boot() else { return };
    const N: usize = 100_000;
    let v = noise(N, 1 << 20);
    let list_of = |w: Vec<u64>| {
        move |h: &mut Heap| {
            let l = nouns(h, &w);
            h.list(&l)
        }
    };
    // Each slam allocates, so collections move the jets' lists.
    let got = slam_moving(
        &k,
        "|=(a=(list @) (turn a |=(b=@ (add b (lent (reap 3 b))))))",
        "turn",
        list_of(v.clone()),
    );
    let want: Vec<u64> = v.iter().map(|x| x + 3).collect();
    assert_eq!(got.ok().and_then(atoms), Some(want));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (murn a |=(b=@ ?:(=(0 (mod b 3)) ~ `+(b)))))",
        "murn",
        list_of(v.clone()),
    );
    let want: Vec<u64> = v.iter().filter(|&&x| x % 3 != 0).map(|x| x + 1).collect();
    assert_eq!(got.ok().and_then(atoms), Some(want));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (skim a |=(b=@ =(0 (mod b 3)))))",
        "skim",
        list_of(v.clone()),
    );
    let want: Vec<u64> = v.iter().copied().filter(|x| x % 3 == 0).collect();
    assert_eq!(got.ok().and_then(atoms), Some(want));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (skip a |=(b=@ =(0 (mod b 3)))))",
        "skip",
        list_of(v.clone()),
    );
    let want: Vec<u64> = v.iter().copied().filter(|x| x % 3 != 0).collect();
    assert_eq!(got.ok().and_then(atoms), Some(want));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (skid a |=(b=@ =(0 (mod b 3)))))",
        "skid",
        list_of(v.clone()),
    )
    .expect("skid");
    let (yes, no) = got.cell_parts().expect("a pair");
    let want: (Vec<u64>, Vec<u64>) = v.iter().partition(|&&x| x % 3 == 0);
    assert_eq!((atoms(yes), atoms(no)), (Some(want.0), Some(want.1)));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (roll a add))",
        "roll",
        list_of(v.clone()),
    );
    assert_eq!(got.ok().and_then(|n| n.as_direct()), Some(v.iter().sum()));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (reel a |=([x=@ y=@] (mix (mul 3 (end 5 y)) x))))",
        "reel",
        list_of(v.clone()),
    );
    let want = v
        .iter()
        .rev()
        .fold(0u64, |y, &x| ((y & 0xffff_ffff) * 3) ^ x);
    assert_eq!(got.ok().and_then(|n| n.as_direct()), Some(want));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (levy a |=(b=@ (lth b (bex 20)))))",
        "levy",
        list_of(v.clone()),
    );
    assert_eq!(got.ok().and_then(|n| n.as_direct()), Some(0));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (lien a |=(b=@ =(b (bex 21)))))",
        "lien",
        list_of(v.clone()),
    );
    assert_eq!(got.ok().and_then(|n| n.as_direct()), Some(1));
    let got = slam_moving(
        &k,
        "|=(a=(list @) (sort a lth))",
        "sort",
        list_of(v.clone()),
    );
    let mut want = v.clone();
    // A stable sort: equal items keep their order, as the quicksort's.
    want.sort();
    assert_eq!(got.ok().and_then(atoms), Some(want));
    // `find` at the very end of a long haystack.
    let mut hay = vec![1u64; N];
    hay.extend([1, 2]);
    let got = slam_long(&k, "|=([a=(list) b=(list)] (find a b))", "find", move |h| {
        let n = h.list(&[Noun::direct(1), Noun::direct(2)]);
        let l = nouns(h, &hay);
        let l = h.list(&l);
        h.cell(n, l)
    })
    .expect("find");
    assert_eq!(mars_noun::fmt::render(got, 50), format!("[0 {}]", N));
}

#[test]
fn a_sorted_list_nests_deep() {
    // The quicksort's worst case: every split is empty on one side, so the
    // recursion is as deep as the list is long.
    let Some(k) = boot() else { return };
    const N: u64 = 1_500;
    let got = slam_long(&k, "|=(a=(list @) (sort a gth))", "sort", |h| {
        let l: Vec<Noun> = (0..N).map(Noun::direct).collect();
        h.list(&l)
    });
    assert_eq!(got.ok().and_then(atoms), Some((0..N).rev().collect()));
}
