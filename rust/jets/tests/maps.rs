//! Differential proof of the map and set jets (`src/maps/`): each arm of
//! `by` and `in` against its own Hoon (compiled into the ivory pill, run as
//! Nock with every other jet on), through wrapper gates compiled by the
//! pill's Hoon (`common::hoon`).
//!
//! * Random treaps of up to 200 entries, built in Hoon with `malt`/`silt`
//!   from random lists whose keys collide often (small atoms), and also
//!   include 64-bit, 128-bit and multi-word atoms and cells; for the binary
//!   arms, two maps sharing part of their keys, sometimes with other values.
//! * Random trees of any shape (not treaps: the keys are in no order), on
//!   which the jets must still take the Hoon's every turn.
//! * Edge cases: `~`, one entry, a key already present (same value or
//!   not), big atoms and cells as keys, malformed trees that crash alike.
//! * Degenerate trees 20 000 deep (a `gor`-sorted spine), which a
//!   recursive jet could not walk on a test thread's stack.
//! * Tiny samples against pure Nock (no jet at all): only where the arm
//!   compares no keys, as `mug` in unjetted Nock is out of reach.
//! * `in/apt` (whose pill arm has the `!=` tests that an earlier Hoon 140
//!   text and vere's `u3wdi_apt_140` lack) also against the Hoon 138 text
//!   of the arm, compiled here: the one jet is bound under every kelvin.
//!
//! Where vere-v3.0 crashes and the Hoon does not (a map node whose tail is
//! an atom, found by `put`), `vere_is_stricter` pins both.
//!
//! Skipped, with a message, when `shared/` is absent.

mod common;

use std::cell::RefCell;
use std::slice::from_ref;

use common::hoon::Kernel;
use common::{Mode, Outcome, T};
use mars_noun::{noun_eq, Noun};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// Random cases per arm and family of inputs (more with `MARS_DIFF_CASES`).
fn cases() -> u32 {
    std::env::var("MARS_DIFF_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 6 } else { 32 })
}

/// A deterministic runner (same cases every run; failures shrink).
fn runner() -> TestRunner {
    common::runner(cases())
}

/// Check `src` (a wrapper gate calling the arm `name`) on every fixed
/// sample and on `cases()` random ones, if any, against `mode`. Returns
/// (cases, crashes). (Each call names its gate first, as a literal or from
/// `for name in [...]`, as in `tests/differential.rs`.)
fn prove<S>(
    name: &str,
    k: &RefCell<Kernel>,
    src: &str,
    fixed: &[T],
    random: Option<S>,
    mode: Mode,
) -> (usize, usize)
where
    S: Strategy<Value = T>,
{
    let counts = RefCell::new((0usize, 0usize));
    let one = |s: &T| {
        let crashed = k.borrow_mut().check(src, name, s, mode).is_none();
        let mut c = counts.borrow_mut();
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
    let (n, c) = counts.into_inner();
    eprintln!("%{name} vs {mode:?}: {n} cases, {c} crashing alike  ({src})");
    (n, c)
}

/// No random cases: the fixed ones only.
const FIXED: Option<BoxedStrategy<T>> = None;

fn boot() -> Option<RefCell<Kernel>> {
    Kernel::boot().map(RefCell::new)
}

// ------------------------------------------------------------ inputs

/// A key: mostly small atoms (so keys collide), some 64- and 128-bit and
/// multi-word atoms, and cells.
fn key() -> BoxedStrategy<T> {
    prop_oneof![
        5 => (0u64..48).prop_map(T::a),
        2 => any::<u64>().prop_map(T::a),
        1 => any::<u128>().prop_map(T::big),
        1 => vec(any::<u64>(), 3..12).prop_map(T::A),
        2 => (0u64..6, 0u64..6).prop_map(|(a, b)| T::c(T::a(a), T::a(b))),
        1 => (0u64..3, any::<u64>(), 0u64..3)
            .prop_map(|(a, b, c)| T::tuple(&[T::a(a), T::a(b), T::a(c)])),
    ]
    .boxed()
}

/// A value: a small alphabet (so equal values are common), or anything.
fn val() -> BoxedStrategy<T> {
    prop_oneof![
        4 => (0u64..4).prop_map(T::a),
        1 => any::<u64>().prop_map(T::a),
        1 => (0u64..3, 0u64..3).prop_map(|(a, b)| T::c(T::a(a), T::a(b))),
    ]
    .boxed()
}

/// A list of `[key value]` pairs, for `malt`.
fn map_list(max: usize) -> BoxedStrategy<Vec<(T, T)>> {
    vec((key(), val()), 0..=max).boxed()
}

fn pairs(v: &[(T, T)]) -> T {
    T::list(
        &v.iter()
            .map(|(k, x)| T::c(k.clone(), x.clone()))
            .collect::<Vec<_>>(),
    )
}

/// Two lists of pairs sharing some keys (with the same or another value),
/// as the sample `[l m]`.
fn two_maps(max: usize) -> BoxedStrategy<T> {
    vec((key(), val(), val(), 0u8..4, any::<bool>()), 0..=max)
        .prop_map(|v| {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            for (k, x, y, f, other) in v {
                if f & 1 != 0 {
                    a.push(T::c(k.clone(), x.clone()));
                }
                if f & 2 != 0 {
                    b.push(T::c(k, if other { y } else { x }));
                }
            }
            T::c(T::list(&a), T::list(&b))
        })
        .boxed()
}

/// Two lists of items sharing some, as the sample `[l m]`.
fn two_sets(max: usize) -> BoxedStrategy<T> {
    vec((key(), 0u8..4), 0..=max)
        .prop_map(|v| {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            for (k, f) in v {
                if f & 1 != 0 {
                    a.push(k.clone());
                }
                if f & 2 != 0 {
                    b.push(k);
                }
            }
            T::c(T::list(&a), T::list(&b))
        })
        .boxed()
}

/// A tree of any shape (not a treap) with nodes from `node`.
fn tree(node: BoxedStrategy<T>) -> BoxedStrategy<T> {
    Just(T::a(0))
        .prop_recursive(7, 48, 2, move |inner| {
            (node.clone(), inner.clone(), inner).prop_map(|(n, l, r)| T::tuple(&[n, l, r]))
        })
        .boxed()
}

fn map_tree() -> BoxedStrategy<T> {
    tree((key(), val()).prop_map(|(k, v)| T::c(k, v)).boxed())
}

fn set_tree() -> BoxedStrategy<T> {
    tree(key())
}

fn node(n: T, l: T, r: T) -> T {
    T::tuple(&[n, l, r])
}

fn kv(k: u64, v: u64) -> T {
    T::c(T::a(k), T::a(v))
}

/// `[~ ~]`-free sample shorthands.
fn nil() -> T {
    T::a(0)
}

/// Big atoms: 2^64, 2^128 - 1, a kilobyte.
fn bigs() -> Vec<T> {
    let mut kb = Vec::with_capacity(128);
    let mut x = 7u64;
    for _ in 0..128 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        kb.push(x);
    }
    vec![T::big(1 << 64), T::big(u128::MAX), T::A(kb), T::a(u64::MAX)]
}

/// `n` as Hoon writes it (`14.090`).
fn ud(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `0..n` sorted by `gor`.
fn gor_sorted(n: u64) -> Vec<Noun> {
    let mut keys: Vec<Noun> = (0..n).map(Noun::direct).collect();
    keys.sort_by(|&a, &b| {
        if mars_jets::order::gor::gor(a, b) {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    });
    keys
}

/// `[l k]`: a list of pairs for `malt`, and a key it has (half the time)
/// or a random one.
fn map_and_key(min: usize) -> BoxedStrategy<T> {
    (
        vec((key(), val()), min..=200),
        any::<prop::sample::Index>(),
        key(),
        any::<bool>(),
    )
        .prop_map(|(l, i, k, fresh)| {
            let k = if fresh || l.is_empty() {
                k
            } else {
                l[i.index(l.len())].0.clone()
            };
            T::c(pairs(&l), k)
        })
        .boxed()
}

/// `[l k]`: a list of items for `silt`, and one of them (half the time)
/// or a random one.
fn set_and_item() -> BoxedStrategy<T> {
    (
        vec(key(), 0..=200),
        any::<prop::sample::Index>(),
        key(),
        any::<bool>(),
    )
        .prop_map(|(l, i, k, fresh)| {
            let k = if fresh || l.is_empty() {
                k
            } else {
                l[i.index(l.len())].clone()
            };
            T::c(T::list(&l), k)
        })
        .boxed()
}

/// `[a k]`: a map of any shape and a key (small keys often hit).
fn map_tree_and_key() -> BoxedStrategy<T> {
    (map_tree(), key()).prop_map(|(a, k)| T::c(a, k)).boxed()
}

/// `[a k]`: a set of any shape and an item.
fn set_tree_and_item() -> BoxedStrategy<T> {
    (set_tree(), key()).prop_map(|(a, k)| T::c(a, k)).boxed()
}

// ------------------------------------------------------------ put, get, has

#[test]
fn by_put() {
    let Some(k) = boot() else { return };
    let src = "|=([l=(list [* *]) k=* v=*] (~(put by (malt l)) k v))";
    let l3 = pairs(&[(T::a(1), T::a(2)), (T::a(3), T::a(4)), (T::a(5), T::a(6))]);
    let mut fixed = vec![
        T::tuple(&[nil(), T::a(5), T::a(6)]),
        T::tuple(&[pairs(&[(T::a(5), T::a(6))]), T::a(5), T::a(6)]),
        T::tuple(&[pairs(&[(T::a(5), T::a(6))]), T::a(5), T::a(7)]),
        T::tuple(&[l3.clone(), T::a(3), T::a(4)]),
        T::tuple(&[l3.clone(), T::a(3), T::a(9)]),
        T::tuple(&[l3.clone(), kv(1, 2), kv(3, 4)]),
    ];
    for b in bigs() {
        fixed.push(T::tuple(&[l3.clone(), b.clone(), b.clone()]));
        fixed.push(T::tuple(&[
            pairs(&[(b.clone(), T::a(1))]),
            b.clone(),
            T::a(1),
        ]));
    }
    // A fresh key, a present key with another value, or with its own.
    let random = (
        map_list(200),
        any::<prop::sample::Index>(),
        key(),
        val(),
        0u8..3,
    )
        .prop_map(|(l, i, k, v, mode)| {
            let (k, v) = match (mode, l.is_empty()) {
                (0, _) | (_, true) => (k, v),
                (1, false) => (l[i.index(l.len())].0.clone(), v),
                _ => {
                    // The value the map holds: `malt` keeps the last.
                    let key = l[i.index(l.len())].0.clone();
                    let held = l.iter().rev().find(|(k, _)| *k == key).map(|p| p.1.clone());
                    (key, held.unwrap_or(v))
                }
            };
            T::tuple(&[pairs(&l), k, v])
        });
    prove("by_put", &k, src, &fixed, Some(random), Mode::Hoon);
    let src = "|=([a=(map * *) k=* v=*] (~(put by a) k v))";
    let random = (map_tree(), key(), val()).prop_map(|(a, k, v)| T::tuple(&[a, k, v]));
    prove("by_put", &k, src, &[], Some(random), Mode::Hoon);
    // The very map comes back for the same value.
    let same = k
        .borrow_mut()
        .wish("=/(a (malt ~[[1 2] [3 4] [5 6]]) =(a (~(put by a) 3 4)))");
    assert_eq!(same.as_direct(), Some(0));
}

#[test]
fn in_put() {
    let Some(k) = boot() else { return };
    let src = "|=([l=(list *) k=*] (~(put in (silt l)) k))";
    let l3 = T::list(&[T::a(1), T::a(3), T::a(5)]);
    let mut fixed = vec![
        T::c(nil(), T::a(5)),
        T::c(T::list(&[T::a(5)]), T::a(5)),
        T::c(l3.clone(), T::a(3)),
        T::c(l3.clone(), kv(1, 2)),
    ];
    for b in bigs() {
        fixed.push(T::c(l3.clone(), b.clone()));
        fixed.push(T::c(T::list(from_ref(&b)), b));
    }
    prove("in_put", &k, src, &fixed, Some(set_and_item()), Mode::Hoon);
    let src = "|=([a=(set *) k=*] (~(put in a) k))";
    prove(
        "in_put",
        &k,
        src,
        &[],
        Some(set_tree_and_item()),
        Mode::Hoon,
    );
}

#[test]
fn get_and_has() {
    let Some(k) = boot() else { return };
    let l3 = pairs(&[
        (T::a(1), T::a(2)),
        (kv(3, 3), T::a(4)),
        (T::big(1 << 64), T::a(6)),
    ]);
    let fixed = vec![
        T::c(nil(), T::a(1)),
        T::c(l3.clone(), T::a(1)),
        T::c(l3.clone(), kv(3, 3)),
        T::c(l3.clone(), T::big(1 << 64)),
        T::c(l3.clone(), T::a(7)),
    ];
    for name in ["by_get", "by_has"] {
        let arm = &name[3..];
        let src = format!("|=([l=(list [* *]) k=*] (~({arm} by (malt l)) k))");
        prove(name, &k, &src, &fixed, Some(map_and_key(0)), Mode::Hoon);
        let src = format!("|=([a=(map * *) k=*] (~({arm} by a) k))");
        prove(name, &k, &src, &[], Some(map_tree_and_key()), Mode::Hoon);
    }
    let src = "|=([l=(list *) k=*] (~(has in (silt l)) k))";
    let fixed = [T::c(nil(), T::a(0)), T::c(T::list(&[T::a(0)]), T::a(0))];
    prove("in_has", &k, src, &fixed, Some(set_and_item()), Mode::Hoon);
    let src = "|=([a=(set *) k=*] (~(has in a) k))";
    prove(
        "in_has",
        &k,
        src,
        &[],
        Some(set_tree_and_item()),
        Mode::Hoon,
    );
}

// ------------------------------------------------------------ gas, del

#[test]
fn gas() {
    let Some(k) = boot() else { return };
    let src = "|=([l=(list [* *]) m=(list [* *])] (~(gas by (malt l)) m))";
    let fixed = [
        T::c(nil(), nil()),
        T::c(pairs(&[(T::a(1), T::a(2))]), nil()),
        T::c(nil(), pairs(&[(T::a(1), T::a(2)), (T::a(1), T::a(3))])),
    ];
    prove("by_gas", &k, src, &fixed, Some(two_maps(150)), Mode::Hoon);
    // A list not ending in `~`, or an atom item, crashes alike.
    let src = "|=(m=(list [* *]) (~(gas by *(map * *)) m))";
    let bad = [
        T::a(5),
        T::c(kv(1, 2), T::a(5)),
        T::list(&[kv(1, 2), T::a(5)]),
    ];
    let (_, crashes) = prove("by_gas", &k, src, &bad, FIXED, Mode::Hoon);
    assert_eq!(crashes, bad.len());

    let src = "|=([l=(list *) m=(list *)] (~(gas in (silt l)) m))";
    let fixed = [T::c(nil(), nil())];
    prove("in_gas", &k, src, &fixed, Some(two_sets(150)), Mode::Hoon);
    let src = "|=(m=(list *) (~(gas in *(set *)) m))";
    let bad = [T::c(T::a(1), T::a(5))];
    let (_, crashes) = prove("in_gas", &k, src, &bad, FIXED, Mode::Hoon);
    assert_eq!(crashes, 1);
}

#[test]
fn del() {
    let Some(k) = boot() else { return };
    let src = "|=([l=(list [* *]) k=*] (~(del by (malt l)) k))";
    let fixed = [
        T::c(nil(), T::a(1)),
        T::c(pairs(&[(T::a(1), T::a(2))]), T::a(1)),
        T::c(pairs(&[(T::a(1), T::a(2))]), T::a(2)),
    ];
    prove("by_del", &k, src, &fixed, Some(map_and_key(0)), Mode::Hoon);
    let src = "|=([a=(map * *) k=*] (~(del by a) k))";
    prove("by_del", &k, src, &[], Some(map_tree_and_key()), Mode::Hoon);

    let src = "|=([l=(list *) k=*] (~(del in (silt l)) k))";
    let fixed = [T::c(nil(), nil())];
    prove("in_del", &k, src, &fixed, Some(set_and_item()), Mode::Hoon);
    let src = "|=([a=(set *) k=*] (~(del in a) k))";
    prove(
        "in_del",
        &k,
        src,
        &[],
        Some(set_tree_and_item()),
        Mode::Hoon,
    );
}

// ------------------------------------------------------------ tap, wyt, key

#[test]
fn tap_wyt_key() {
    let Some(k) = boot() else { return };
    let fixed = [nil(), pairs(&[(T::a(1), T::a(2))])];
    for name in ["by_tap", "by_wyt", "by_key"] {
        let arm = &name[3..];
        let src = format!("|=(l=(list [* *]) ~({arm} by (malt l)))");
        let random = map_list(200).prop_map(|l| pairs(&l));
        prove(name, &k, &src, &fixed, Some(random), Mode::Hoon);
        let src = format!("|=(a=(map * *) ~({arm} by a))");
        prove(name, &k, &src, &[], Some(map_tree()), Mode::Hoon);
    }
    let fixed = [nil(), T::list(&[T::a(1)])];
    for name in ["in_tap", "in_wyt"] {
        let arm = &name[3..];
        let src = format!("|=(l=(list *) ~({arm} in (silt l)))");
        let random = vec(key(), 0..=200).prop_map(|l| T::list(&l));
        prove(name, &k, &src, &fixed, Some(random), Mode::Hoon);
        let src = format!("|=(a=(set *) ~({arm} in a))");
        prove(name, &k, &src, &[], Some(set_tree()), Mode::Hoon);
    }
}

// ------------------------------------------------------------ uni, int, dif, bif

#[test]
fn binary() {
    let Some(k) = boot() else { return };
    let l = pairs(&[(T::a(1), T::a(2)), (T::a(3), T::a(4))]);
    let m = pairs(&[(T::a(3), T::a(5)), (T::a(6), T::a(7))]);
    let fixed = [
        T::c(nil(), nil()),
        T::c(l.clone(), nil()),
        T::c(nil(), l.clone()),
        T::c(l.clone(), l.clone()),
        T::c(l.clone(), m.clone()),
    ];
    let trees = (map_tree(), map_tree()).prop_map(|(a, b)| T::c(a, b));
    for name in ["by_uni", "by_int", "by_dif"] {
        let arm = &name[3..];
        let src = format!("|=([l=(list [* *]) m=(list [* *])] (~({arm} by (malt l)) (malt m)))");
        prove(name, &k, &src, &fixed, Some(two_maps(200)), Mode::Hoon);
        let src = format!("|=([a=(map * *) b=(map * *)] (~({arm} by a) b))");
        prove(name, &k, &src, &[], Some(trees.clone()), Mode::Hoon);
    }
    let l = T::list(&[T::a(1), T::a(3)]);
    let m = T::list(&[T::a(3), T::a(6)]);
    let fixed = [
        T::c(nil(), nil()),
        T::c(l.clone(), nil()),
        T::c(nil(), l.clone()),
        T::c(l.clone(), l.clone()),
        T::c(l, m),
    ];
    let trees = (set_tree(), set_tree()).prop_map(|(a, b)| T::c(a, b));
    for name in ["in_uni", "in_int", "in_dif"] {
        let arm = &name[3..];
        let src = format!("|=([l=(list *) m=(list *)] (~({arm} in (silt l)) (silt m)))");
        prove(name, &k, &src, &fixed, Some(two_sets(200)), Mode::Hoon);
        let src = format!("|=([a=(set *) b=(set *)] (~({arm} in a) b))");
        prove(name, &k, &src, &[], Some(trees.clone()), Mode::Hoon);
    }
    // Equal sets: `uni` gives back `a` itself (its `=(a b)` test).
    let v = k
        .borrow_mut()
        .wish("=/(a (silt ~[1 2 3 4]) =(a (~(uni in a) (silt ~[4 3 2 1]))))");
    assert_eq!(v.as_direct(), Some(0));
}

#[test]
fn in_bif() {
    let Some(k) = boot() else { return };
    let src = "|=([l=(list *) k=*] (~(bif in (silt l)) k))";
    let fixed = [
        T::c(nil(), T::a(1)),
        T::c(T::list(&[T::a(1)]), T::a(1)),
        T::c(T::list(&[T::a(1), T::a(2)]), T::a(2)),
    ];
    prove("in_bif", &k, src, &fixed, Some(set_and_item()), Mode::Hoon);
    // On any tree; when the item is the root, its tail, whatever it is.
    let src = "|=([a=(set *) k=*] (~(bif in a) k))";
    let fixed = [
        T::c(node(T::a(1), T::a(5), T::a(0)), T::a(1)),
        T::c(T::c(T::a(1), T::a(9)), T::a(1)),
    ];
    prove(
        "in_bif",
        &k,
        src,
        &fixed,
        Some(set_tree_and_item()),
        Mode::Hoon,
    );
}

// ------------------------------------------------------------ apt

#[test]
fn apt() {
    let Some(k) = boot() else { return };
    // Treaps (yes), any tree (mostly no), and small trees from a small
    // alphabet, where a yes is common and repeated keys occur.
    let tiny_map = tree(((0u64..4), (0u64..2)).prop_map(|(k, v)| kv(k, v)).boxed());
    let tiny_set = tree((0u64..4).prop_map(T::a).boxed());
    let src = "|=(l=(list [* *]) ~(apt by (malt l)))";
    let random = map_list(200).prop_map(|l| pairs(&l));
    prove("by_apt", &k, src, &[nil()], Some(random), Mode::Hoon);
    let src = "|=(a=(map * *) ~(apt by a))";
    let fixed = [
        nil(),
        node(kv(1, 2), nil(), nil()),
        // A repeated key: `!=` fails.
        node(kv(1, 2), node(kv(1, 3), nil(), nil()), nil()),
    ];
    let (_, crashes) = prove("by_apt", &k, src, &fixed, Some(map_tree()), Mode::Hoon);
    assert_eq!(crashes, 0);
    prove("by_apt", &k, src, &[], Some(tiny_map), Mode::Hoon);

    let src = "|=(l=(list *) ~(apt in (silt l)))";
    let random = vec(key(), 0..=200).prop_map(|l| T::list(&l));
    prove("in_apt", &k, src, &[nil()], Some(random), Mode::Hoon);
    let src = "|=(a=(set *) ~(apt in a))";
    let fixed = [
        nil(),
        node(T::a(1), nil(), nil()),
        // A repeated item: the pill's arm says no (vere's `u3wdi_apt_140`
        // would say yes).
        node(T::a(1), node(T::a(1), nil(), nil()), nil()),
        node(T::a(1), nil(), node(T::a(1), nil(), nil())),
    ];
    prove("in_apt", &k, src, &fixed, Some(set_tree()), Mode::Hoon);
    prove("in_apt", &k, src, &[], Some(tiny_set), Mode::Hoon);
}

/// `in/apt` as Hoon 138 and 139 have it (the jet is bound under `k139`
/// and `k138` too): the jet's function against that text of the arm,
/// compiled as a gate here.
#[test]
fn in_apt_matches_hoon_138() {
    let Some(k) = boot() else { return };
    let src = "|=  a=(tree)
               =|  [l=(unit) r=(unit)]
               |-  ^-  ?
               ?~  a   &
               ?&  ?~(l & &((gor n.a u.l) !=(n.a u.l)))
                   ?~(r & &((gor u.r n.a) !=(u.r n.a)))
                   ?~(l.a & ?&((mor n.a n.l.a) !=(n.a n.l.a) $(a l.a, l `n.a)))
                   ?~(r.a & ?&((mor n.a n.r.a) !=(n.a n.r.a) $(a r.a, r `n.a)))
               ==";
    let check = |a: &T| {
        use mars_jets::maps::treap::{apt, Bound, Kind};
        let mut k = k.borrow_mut();
        let want = match k.run(src, "in_apt", a, Mode::Jet) {
            Outcome::Product(p) => p.as_direct(),
            Outcome::Crash(_) => None,
        };
        let n = a.build(&mut k.rt.heap);
        let none = Bound::Unit(Noun::ZERO);
        let got = apt(Kind::Set, true, n, none, none)
            .ok()
            .map(|b| u64::from(!b));
        assert_eq!(got, want, "old in/apt on {a:?}");
        want == Some(0)
    };
    let tiny = tree((0u64..4).prop_map(T::a).boxed());
    let yes = std::cell::Cell::new(0usize);
    for t in [nil(), node(T::a(1), node(T::a(1), nil(), nil()), nil())] {
        yes.set(yes.get() + usize::from(check(&t)));
    }
    runner()
        .run(&(tiny, set_tree()), |(a, b)| {
            yes.set(yes.get() + usize::from(check(&a)) + usize::from(check(&b)));
            Ok(())
        })
        .unwrap_or_else(|e| panic!("old in/apt: {e}"));
    assert!(yes.get() > 0, "some trees are treaps");
}

// ------------------------------------------------------------ gates

#[test]
fn by_rep_run_urn() {
    let Some(k) = boot() else { return };
    let random = Some(map_list(150).prop_map(|l| pairs(&l)).boxed());
    let fixed = [
        nil(),
        pairs(&[(T::a(1), T::a(2))]),
        pairs(&[(T::a(3), T::a(3)), (T::a(1), T::a(2))]),
    ];
    // Products that show the order of the slams, and gates that crash on
    // some nodes.
    let src = "|=(l=(list [* *]) (~(rep by (malt l)) |=([n=[* *] acc=*] [n acc])))";
    prove("by_rep", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src =
        "|=(l=(list [* *]) (~(rep by (malt l)) |=([n=[* *] acc=*] ?:(=(-.n 47) !! [n acc]))))";
    prove("by_rep", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list [* *]) (~(run by (malt l)) |=(v=* [v v])))";
    prove("by_run", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list [* *]) (~(run by (malt l)) |=(v=* ?:(=(v [2 2]) !! [v v]))))";
    prove("by_run", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list [* *]) (~(urn by (malt l)) |=([k=* v=*] [v k])))";
    prove("by_urn", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list [* *]) (~(urn by (malt l)) |=([k=* v=*] ?:(=(k 47) !! k))))";
    prove("by_urn", &k, src, &fixed, random, Mode::Hoon);
    // On trees of any shape.
    let src = "|=(a=(map * *) (~(rep by a) |=([n=[* *] acc=*] [n acc])))";
    prove("by_rep", &k, src, &[], Some(map_tree()), Mode::Hoon);
    let src = "|=(a=(map * *) (~(run by a) |=(v=* [v v])))";
    prove("by_run", &k, src, &[], Some(map_tree()), Mode::Hoon);
    let src = "|=(a=(map * *) (~(urn by a) |=([k=* v=*] [v k])))";
    prove("by_urn", &k, src, &[], Some(map_tree()), Mode::Hoon);
}

#[test]
fn by_all_any() {
    let Some(k) = boot() else { return };
    let random = Some(map_list(150).prop_map(|l| pairs(&l)).boxed());
    let fixed = [nil(), pairs(&[(T::a(1), T::a(2))])];
    let src = "|=(l=(list [* *]) (~(all by (malt l)) |=(v=* ?@(v (lth v 3) |))))";
    prove("by_all", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list [* *]) (~(all by (malt l)) |=(v=* ?:(=(v [2 2]) !! &))))";
    prove("by_all", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list [* *]) (~(any by (malt l)) |=(v=* ?@(v =(v 2) |))))";
    prove("by_any", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list [* *]) (~(any by (malt l)) |=(v=* ?:(=(v [2 2]) !! |))))";
    prove("by_any", &k, src, &fixed, random, Mode::Hoon);
    let src = "|=(a=(map * *) (~(all by a) |=(v=* ?@(v (lth v 3) |))))";
    prove("by_all", &k, src, &[], Some(map_tree()), Mode::Hoon);
    let src = "|=(a=(map * *) (~(any by a) |=(v=* ?@(v =(v 2) |))))";
    prove("by_any", &k, src, &[], Some(map_tree()), Mode::Hoon);
}

/// Gates given as raw nouns `[battery sample context]`: the identity
/// (`[0 6]`), whose products are not all loobeans for `all` and `any`; and
/// `[0 0]`, which crashes. (`rep`'s gate needs a cell sample: its
/// accumulator is `+<+`.)
#[test]
fn raw_gates() {
    let Some(k) = boot() else { return };
    let gate = |arm: u64, sample: T| T::tuple(&[T::c(T::a(0), T::a(arm)), sample, nil()]);
    let with = |g: T| {
        Some(
            map_list(40)
                .prop_map(move |l| T::c(pairs(&l), g.clone()))
                .boxed(),
        )
    };
    let on_one = |g: T| {
        [
            T::c(nil(), g.clone()),
            T::c(pairs(&[(T::a(1), T::a(1))]), g),
        ]
    };
    for name in ["by_all", "by_any", "by_run"] {
        let arm = &name[3..];
        let src = format!("|=([l=(list [* *]) g=$-(* ?)] (~({arm} by (malt l)) g))");
        prove(
            name,
            &k,
            &src,
            &on_one(gate(0, nil())),
            with(gate(6, nil())),
            Mode::Hoon,
        );
    }
    let src = "|=([l=(list [* *]) g=$-([* *] *)] (~(urn by (malt l)) g))";
    prove(
        "by_urn",
        &k,
        src,
        &on_one(gate(0, nil())),
        with(gate(6, nil())),
        Mode::Hoon,
    );
    let cell = T::c(nil(), nil());
    let src = "|=([l=(list [* *]) g=$-([* *] *)] (~(rep by (malt l)) g))";
    prove(
        "by_rep",
        &k,
        src,
        &on_one(gate(0, cell.clone())),
        with(gate(6, cell)),
        Mode::Hoon,
    );
    // `rep` needs its gate's sample tail even on `~`.
    let src = "|=([a=(set *) g=$-([* *] *)] (~(rep in a) g))";
    let fixed = [T::c(nil(), gate(6, T::a(4)))];
    let (_, crashes) = prove("in_rep", &k, src, &fixed, FIXED, Mode::Hoon);
    assert_eq!(crashes, 1);
}

#[test]
fn in_rep_run() {
    let Some(k) = boot() else { return };
    let random = Some(vec(key(), 0..=150).prop_map(|l| T::list(&l)).boxed());
    let fixed = [nil(), T::list(&[T::a(1)])];
    let src = "|=(l=(list *) (~(rep in (silt l)) |=([n=* acc=*] [n acc])))";
    prove("in_rep", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list *) (~(rep in (silt l)) |=([n=* acc=*] ?:(=(n 47) !! [n acc]))))";
    prove("in_rep", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list *) (~(run in (silt l)) |=(v=* ?@(v (mod v 5) -.v))))";
    prove("in_run", &k, src, &fixed, random.clone(), Mode::Hoon);
    let src = "|=(l=(list *) (~(run in (silt l)) |=(v=* ?:(=(v 47) !! v))))";
    prove("in_run", &k, src, &fixed, random, Mode::Hoon);
    let src = "|=(a=(set *) (~(rep in a) |=([n=* acc=*] [n acc])))";
    prove("in_rep", &k, src, &[], Some(set_tree()), Mode::Hoon);
    let src = "|=(a=(set *) (~(run in a) |=(v=* ?@(v (mod v 5) -.v))))";
    prove("in_run", &k, src, &[], Some(set_tree()), Mode::Hoon);
}

#[test]
fn by_jab() {
    let Some(k) = boot() else { return };
    // (On `~` the Hoon crashes building the gate, before the jet: its
    // sample's bunt is `p.n.a`. The maps here are never empty.)
    let src = "|=([l=(list [* *]) k=*] (~(jab by (malt l)) k |=(v=* [v v])))";
    let fixed = [
        T::c(pairs(&[(T::a(1), T::a(2))]), T::a(1)),
        T::c(pairs(&[(T::a(1), T::a(2))]), T::a(3)),
    ];
    let (_, crashes) = prove("by_jab", &k, src, &fixed, Some(map_and_key(1)), Mode::Hoon);
    assert!(crashes > 0, "absent keys crash");
    let src = "|=([l=(list [* *]) k=*] (~(jab by (malt l)) k |=(v=* ?:(=(v 3) !! v))))";
    prove("by_jab", &k, src, &[], Some(map_and_key(1)), Mode::Hoon);
    let src = "|=([a=(map * *) k=*] (~(jab by a) k |=(v=* [v v])))";
    let random = map_tree_and_key().prop_filter("a node", |s| match s {
        T::C(a, _) => **a != nil(),
        T::A(_) => false,
    });
    prove("by_jab", &k, src, &[], Some(random), Mode::Hoon);
}

// ------------------------------------------------------------ malformed trees

/// Malformed trees (not `~` or `[n l r]`, a map node that is an atom):
/// the jet and the Hoon agree, mostly by crashing. (`put` of the key of a
/// node with an atom tail is left to `vere_is_stricter`.)
#[test]
fn malformed_trees_crash_alike() {
    let Some(k) = boot() else { return };
    let bad = [
        T::a(5),
        node(T::a(5), nil(), nil()),
        node(kv(1, 2), T::a(7), nil()),
        node(kv(1, 2), nil(), T::a(7)),
        T::c(kv(9, 2), T::a(3)),
    ];
    let b = "`(map * *)`(malt ~[[9 9] [8 8]])";
    for name in [
        "by_get", "by_has", "by_put", "by_del", "by_tap", "by_wyt", "by_key", "by_uni", "by_int",
        "by_dif", "by_run", "by_rep",
    ] {
        let src = match name {
            "by_get" | "by_has" | "by_del" => format!("|=(a=(map * *) (~({} by a) 9))", &name[3..]),
            "by_put" => "|=(a=(map * *) (~(put by a) 8 3))".to_string(),
            "by_uni" | "by_int" => format!("|=(a=(map * *) (~({} by a) {b}))", &name[3..]),
            "by_dif" => format!("|=(a=(map * *) (~(dif by {b}) a))"),
            "by_run" => "|=(a=(map * *) (~(run by a) |=(v=* v)))".to_string(),
            "by_rep" => "|=(a=(map * *) (~(rep by a) |=([n=* acc=*] acc)))".to_string(),
            arm => format!("|=(a=(map * *) ~({} by a))", &arm[3..]),
        };
        prove(name, &k, &src, &bad, FIXED, Mode::Hoon);
    }
}

/// Where vere-v3.0's jet crashes and the Hoon does not, the jet follows
/// vere: `put:by` at a present key whose node's tail is an atom (vere's
/// `u3x_trel`; the Hoon returns `a` or `a(n [b c])`).
#[test]
fn vere_is_stricter() {
    let Some(mut k) = Kernel::boot() else { return };
    let src = "|=(a=(map * *) (~(put by a) 1 2))";
    let a = T::c(kv(1, 2), T::a(3));
    assert!(matches!(
        k.run(src, "by_put", &a, Mode::Jet),
        Outcome::Crash(_)
    ));
    match k.run(src, "by_put", &a, Mode::Hoon) {
        Outcome::Product(p) => assert_eq!(mars_noun::fmt::render(p, 100), "[[1 2] 3]"),
        Outcome::Crash(m) => panic!("the Hoon crashed: {m:?}"),
    }
}

// ------------------------------------------------------------ pure Nock

/// Tiny trees given as nouns (`malt` would compare keys).
fn tiny() -> (T, T, T, T, T) {
    let one = node(kv(1, 2), nil(), nil());
    let three = node(
        kv(1, 2),
        node(kv(3, 4), nil(), nil()),
        node(kv(5, 6), nil(), nil()),
    );
    let lean = node(kv(1, 2), node(kv(3, 4), nil(), nil()), nil());
    let sone = node(T::a(1), nil(), nil());
    let sthree = node(
        T::a(1),
        node(T::a(3), nil(), nil()),
        node(T::a(5), nil(), nil()),
    );
    (one, three, lean, sone, sthree)
}

/// Tiny samples against pure Nock (no jet at all, not even `mug`): only
/// where the arm compares no keys (empty trees, the key at the root, arms
/// that only walk).
#[test]
fn map_arms_against_pure_nock() {
    let Some(k) = boot() else { return };
    let (one, three, lean, _, _) = tiny();
    let (o, t, l) = (one.clone(), three.clone(), lean);
    let src = "|=(a=(map * *) (~(put by a) 1 2))";
    prove(
        "by_put",
        &k,
        src,
        &[nil(), o.clone(), t.clone()],
        FIXED,
        Mode::Nock,
    );
    let src = "|=(a=(map * *) (~(put by a) 1 7))";
    prove(
        "by_put",
        &k,
        src,
        &[o.clone(), t.clone()],
        FIXED,
        Mode::Nock,
    );
    let src = "|=(a=(map * *) (~(get by a) 1))";
    prove(
        "by_get",
        &k,
        src,
        &[nil(), o.clone(), t.clone()],
        FIXED,
        Mode::Nock,
    );
    let src = "|=(a=(map * *) (~(has by a) 1))";
    prove("by_has", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(del by a) 1))";
    prove("by_del", &k, src, &[nil(), o.clone(), l], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(gas by a) ~))";
    prove("by_gas", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) ~(tap by a))";
    prove(
        "by_tap",
        &k,
        src,
        &[nil(), o.clone(), t.clone()],
        FIXED,
        Mode::Nock,
    );
    let src = "|=(a=(map * *) ~(wyt by a))";
    prove("by_wyt", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) ~(key by a))";
    prove("by_key", &k, src, &[nil(), o.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) ~(apt by a))";
    prove("by_apt", &k, src, &[nil(), o.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(uni by a) ~))";
    prove("by_uni", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(uni by *(map * *)) a))";
    prove("by_uni", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(int by a) ~))";
    prove("by_int", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(dif by a) ~))";
    prove("by_dif", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(run by a) |=(v=* [v v])))";
    prove("by_run", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(urn by a) |=([k=* v=*] k)))";
    prove("by_urn", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(rep by a) |=([n=* acc=*] [n acc])))";
    prove("by_rep", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(all by a) |=(v=* =(v 4))))";
    prove("by_all", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(any by a) |=(v=* =(v 4))))";
    prove("by_any", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(map * *) (~(jab by a) 1 |=(v=* [v v])))";
    prove("by_jab", &k, src, &[o, t], FIXED, Mode::Nock);
}

/// As above, for sets.
#[test]
fn set_arms_against_pure_nock() {
    let Some(k) = boot() else { return };
    let (_, _, _, sone, sthree) = tiny();
    let (o, t) = (sone, sthree);
    let src = "|=(a=(set *) (~(put in a) 1))";
    prove(
        "in_put",
        &k,
        src,
        &[nil(), o.clone(), t.clone()],
        FIXED,
        Mode::Nock,
    );
    let src = "|=(a=(set *) (~(has in a) 1))";
    prove("in_has", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(set *) (~(del in a) 1))";
    prove("in_del", &k, src, &[nil(), o.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(set *) (~(gas in a) ~))";
    prove("in_gas", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(set *) ~(tap in a))";
    prove("in_tap", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(set *) ~(wyt in a))";
    prove("in_wyt", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(set *) ~(apt in a))";
    prove("in_apt", &k, src, &[nil(), o.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(set *) (~(uni in a) a))";
    prove("in_uni", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(set *) (~(int in a) ~))";
    prove("in_int", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(set *) (~(dif in a) ~))";
    prove("in_dif", &k, src, from_ref(&t), FIXED, Mode::Nock);
    let src = "|=(a=(set *) (~(bif in a) 1))";
    prove("in_bif", &k, src, &[nil(), t.clone()], FIXED, Mode::Nock);
    let src = "|=(a=(set *) (~(rep in a) |=([n=* acc=*] [n acc])))";
    prove("in_rep", &k, src, &[t], FIXED, Mode::Nock);
    let src = "|=(a=(set *) (~(run in a) |=(v=* 0)))";
    prove("in_run", &k, src, &[nil(), o], FIXED, Mode::Nock);
}

// ------------------------------------------------------------ deep trees

/// Slam `src` on the sample `build` makes with every jet and with every
/// jet but `name`; the two must agree. Returns whether it crashed.
fn check_noun(k: &mut Kernel, src: &str, name: &str, build: impl Fn(&mut Kernel) -> Noun) -> bool {
    // Compiled first (it may collect; the gate is kept for good), then the
    // sample is built and kept, then the jet's product: released in turn.
    k.gate(src);
    let sample = build(k);
    let s = k.rt.keep(sample);
    k.rt.install_hot(mars_jets::hot_table());
    k.rt.set_jet_stats(true);
    let before = k.calls(name);
    let gate = k.gate(src);
    let sample = k.rt.root(s);
    let jet = k.rt.slam(gate, sample).ok().map(|p| k.rt.keep(p));
    assert!(k.calls(name) > before, "{src}: %{name} not called");
    k.rt.install_hot(mars_jets::hot_table_without(name));
    let gate = k.gate(src);
    let sample = k.rt.root(s);
    let hoon = k.rt.slam(gate, sample);
    k.rt.install_hot(mars_jets::hot_table());
    let crashed = match (jet, hoon) {
        (Some(r), Ok(q)) => {
            let p = k.rt.root(r);
            assert!(noun_eq(p, q), "{src} on a deep tree: jet and Hoon differ");
            false
        }
        (None, Err(_)) => true,
        (j, h) => panic!(
            "{src} on a deep tree: jet {:?}, Hoon {:?}",
            j.is_some(),
            h.is_ok()
        ),
    };
    k.rt.release(s);
    crashed
}

/// A spine of `keys` (in `gor` order: a search tree, not a treap): a
/// right spine from the first key, or a left spine from the last. Map
/// nodes are `[key key]`.
fn spine(k: &mut Kernel, keys: &[Noun], right: bool, map: bool) -> Noun {
    let heap = &mut k.rt.heap;
    let mut t = Noun::ZERO;
    let mut add = |key: Noun| {
        let n = if map { heap.cell(key, key) } else { key };
        let lr = if right {
            heap.cell(Noun::ZERO, t)
        } else {
            heap.cell(t, Noun::ZERO)
        };
        t = heap.cell(n, lr);
    };
    if right {
        keys.iter().rev().for_each(|&key| add(key));
    } else {
        keys.iter().for_each(|&key| add(key));
    }
    t
}

/// Degenerate trees 20 000 deep, on a thread with a 512 KiB stack: a
/// recursive walk (even at 32 bytes a level) could not get through.
#[test]
fn deep_trees() {
    std::thread::Builder::new()
        .stack_size(512 << 10)
        .spawn(deep_trees_on_a_small_stack)
        .expect("thread")
        .join()
        .expect("deep trees");
}

fn deep_trees_on_a_small_stack() {
    let Some(mut k) = Kernel::boot() else { return };
    const DEPTH: u64 = 20_000;
    let keys = gor_sorted(DEPTH);
    let first = ud(keys.first().and_then(|k| k.as_direct()).unwrap_or(0));
    let last = ud(keys.last().and_then(|k| k.as_direct()).unwrap_or(0));
    let mut n = 0;
    for right in [true, false] {
        // The key at the bottom of the spine.
        let last = if right { &last } else { &first };
        let map_arms = [
            ("by_get", format!("|=(a=(map @ @) (~(get by a) {last}))")),
            ("by_has", format!("|=(a=(map @ @) (~(has by a) {last}))")),
            ("by_put", format!("|=(a=(map @ @) (~(put by a) {last} 7))")),
            (
                "by_put",
                "|=(a=(map @ @) (~(put by a) 123.456.789 7))".to_string(),
            ),
            ("by_del", format!("|=(a=(map @ @) (~(del by a) {last}))")),
            (
                "by_jab",
                format!("|=(a=(map @ @) (~(jab by a) {last} |=(v=@ +(v))))"),
            ),
            ("by_tap", "|=(a=(map @ @) ~(tap by a))".to_string()),
            ("by_wyt", "|=(a=(map @ @) ~(wyt by a))".to_string()),
            ("by_apt", "|=(a=(map @ @) ~(apt by a))".to_string()),
            ("by_key", "|=(a=(map @ @) ~(key by a))".to_string()),
            ("by_uni", "|=(a=(map @ @) (~(uni by a) a))".to_string()),
            (
                "by_uni",
                "|=(a=(map @ @) (~(uni by a) (malt ~[[1 1] [2 2]])))".to_string(),
            ),
            ("by_int", "|=(a=(map @ @) (~(int by a) a))".to_string()),
            (
                "by_dif",
                "|=(a=(map @ @) (~(dif by a) (malt ~[[1 1] [2 2]])))".to_string(),
            ),
            ("by_dif", "|=(a=(map @ @) (~(dif by a) a))".to_string()),
            (
                "by_rep",
                "|=(a=(map @ @) (~(rep by a) |=([n=[@ @] acc=@] (add -.n acc))))".to_string(),
            ),
            (
                "by_run",
                "|=(a=(map @ @) (~(run by a) |=(v=@ +(v))))".to_string(),
            ),
            (
                "by_urn",
                "|=(a=(map @ @) (~(urn by a) |=([k=@ v=@] k)))".to_string(),
            ),
            (
                "by_all",
                "|=(a=(map @ @) (~(all by a) |=(v=@ (lth v 1.000.000))))".to_string(),
            ),
            (
                "by_any",
                "|=(a=(map @ @) (~(any by a) |=(v=@ =(v 1.000.000))))".to_string(),
            ),
        ];
        let set_arms = [
            ("in_has", format!("|=(a=(set @) (~(has in a) {last}))")),
            ("in_put", format!("|=(a=(set @) (~(put in a) {last}))")),
            (
                "in_put",
                "|=(a=(set @) (~(put in a) 123.456.789))".to_string(),
            ),
            ("in_del", format!("|=(a=(set @) (~(del in a) {last}))")),
            ("in_bif", format!("|=(a=(set @) (~(bif in a) {last}))")),
            ("in_tap", "|=(a=(set @) ~(tap in a))".to_string()),
            ("in_wyt", "|=(a=(set @) ~(wyt in a))".to_string()),
            ("in_apt", "|=(a=(set @) ~(apt in a))".to_string()),
            (
                "in_uni",
                "|=(a=(set @) (~(uni in a) (silt ~[1 2 3])))".to_string(),
            ),
            (
                "in_int",
                "|=(a=(set @) (~(int in a) (silt ~[1 2 3])))".to_string(),
            ),
            (
                "in_dif",
                "|=(a=(set @) (~(dif in a) (silt ~[1 2 3])))".to_string(),
            ),
            (
                "in_rep",
                "|=(a=(set @) (~(rep in a) |=([n=@ acc=@] (add n acc))))".to_string(),
            ),
            (
                "in_run",
                "|=(a=(set @) (~(run in a) |=(v=@ (mod v 10))))".to_string(),
            ),
        ];
        for (name, src) in &map_arms {
            check_noun(&mut k, src, name, |k| spine(k, &keys, right, true));
            n += 1;
        }
        for (name, src) in &set_arms {
            check_noun(&mut k, src, name, |k| spine(k, &keys, right, false));
            n += 1;
        }
    }
    eprintln!("deep trees ({DEPTH} deep): {n} cases");
}
