//! Differential proof: every jet equals the Nock of the Hoon arm it
//! replaces, on edge cases and random samples, in product and in crashing.
//!
//! Each gate is run against its own Hoon with every other jet in place
//! (`Mode::Hoon`: the gate's arm is plain Nock, its helpers are jets proven
//! by their own tests), and on tiny samples against pure Nock with no jet
//! at all (`Mode::Nock`). Unjetted Hoon arithmetic is unary (`dec` counts
//! up from 0, `add` decrements `a` to 0), so samples keep the operand the
//! Hoon is linear in small; operands it treats in logarithmic or constant
//! time go up to 1 KB. Samples the Hoon never finishes on (a `peg` of axis
//! 0, bloqs of 32 and up, shifts past 2^34 bits), and ill-typed samples on
//! which vere's jet and the Hoon disagree, are not compared here:
//! `tests/semantics.rs` pins what the jets do there, and `tests/model.rs`
//! checks large operands of the unary arms against a bignum model.
//!
//! Skipped, with a message, when `shared/` is absent.

mod common;

use common::{Ivory, Mode, T};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::cell::RefCell;

/// Random cases per gate (more with `MARS_DIFF_CASES`).
fn cases() -> u32 {
    std::env::var("MARS_DIFF_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 16 } else { 256 })
}

/// A deterministic runner (same cases every run; failures shrink).
fn runner() -> TestRunner {
    common::runner(cases())
}

/// A kilobyte of pseudo-random words.
fn kilobyte(seed: u64) -> T {
    let mut x = seed | 1;
    let w = (0..128)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .collect();
    T::A(w)
}

/// The edge atoms of the brief: 0, 1, 2^62, 2^63 - 1, 2^63, 2^64 - 1, 2^64,
/// 2^128 ± 1, 1 KB, and a few neighbours.
fn edges() -> Vec<T> {
    vec![
        T::a(0),
        T::a(1),
        T::a(2),
        T::a(3),
        T::a(1 << 62),
        T::a((1 << 63) - 1),
        T::a(1 << 63),
        T::a((1 << 63) + 1),
        T::a(u64::MAX),
        T::big(1 << 64),
        T::big((1 << 64) + 1),
        T::big(u128::MAX),
        T::A(vec![1, 0, 1]),
        T::A(vec![u64::MAX; 2]),
        kilobyte(7),
        T::A(vec![u64::MAX; 128]),
    ]
}

/// Any atom: small, word-sized, powers of two and their neighbours, or up
/// to `words` random words.
fn any_atom(words: usize) -> impl Strategy<Value = T> + Clone {
    prop_oneof![
        (0u64..64).prop_map(T::a),
        any::<u64>().prop_map(T::a),
        (0u32..192, -1i8..=1).prop_map(|(k, d)| {
            let mut w = vec![0u64; 4];
            w[(k / 64) as usize] = 1 << (k % 64);
            if d == 1 {
                w[0] |= 1;
            } else if d == -1 {
                // 2^k - 1
                let mut v = vec![0u64; 4];
                for i in 0..k {
                    v[(i / 64) as usize] |= 1 << (i % 64);
                }
                return T::A(v);
            }
            T::A(w)
        }),
        vec(any::<u64>(), 1..=words.max(1)).prop_map(T::A),
    ]
}

fn small(max: u64) -> impl Strategy<Value = T> + Clone {
    (0..max).prop_map(T::a)
}

/// A small noun: atoms from a small alphabet (so heads coincide) or cells.
fn noun() -> impl Strategy<Value = T> + Clone {
    let leaf = prop_oneof![
        (0u64..4).prop_map(T::a),
        any::<u64>().prop_map(T::a),
        vec(any::<u64>(), 1..4).prop_map(T::A),
    ];
    leaf.prop_recursive(4, 24, 2, |inner| {
        (inner.clone(), inner).prop_map(|(h, t)| T::c(h, t))
    })
}

/// Check `name` on every fixed sample and on `cases()` random ones, in
/// `mode`; print a summary line. Returns (cases, crashes).
fn prove<S>(name: &'static str, fixed: &[T], random: S, mode: Mode) -> (usize, usize)
where
    S: Strategy<Value = T>,
{
    let Some(iv) = Ivory::boot() else {
        return (0, 0);
    };
    assert_eq!(iv.root, "k140", "the ivory pill's root");
    let iv = RefCell::new(iv);
    let (mut n, mut crashes) = (0usize, 0usize);
    for s in fixed {
        n += 1;
        crashes += usize::from(iv.borrow_mut().check(name, s, mode));
    }
    let counts = RefCell::new((0usize, 0usize));
    runner()
        .run(&random, |s| {
            let c = iv.borrow_mut().check(name, &s, mode);
            let mut k = counts.borrow_mut();
            k.0 += 1;
            k.1 += usize::from(c);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("%{name}: {e}"));
    let (rn, rc) = counts.into_inner();
    n += rn;
    crashes += rc;
    eprintln!("differential %{name} vs {mode:?}: {n} cases, {crashes} crashing alike");
    (n, crashes)
}

/// Pairs `[a b]` from two lists.
fn pairs(a: &[T], b: &[T]) -> Vec<T> {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| T::c(x.clone(), y.clone())))
        .collect()
}

fn smalls(v: &[u64]) -> Vec<T> {
    v.iter().map(|&x| T::a(x)).collect()
}

fn cell12() -> T {
    T::c(T::a(1), T::a(2))
}

// ---------------------------------------------------------------- layer 1

#[test]
fn add() {
    let mut fixed = pairs(&smalls(&[0, 1, 2, 1000]), &edges());
    fixed.extend([
        T::c(T::a(0), cell12()),
        T::c(T::a(1), cell12()),
        T::c(cell12(), T::a(0)),
    ]);
    let random = (small(3000), any_atom(20)).prop_map(|(a, b)| T::c(a, b));
    prove("add", &fixed, random, Mode::Hoon);
    let tiny = (small(40), small(40)).prop_map(|(a, b)| T::c(a, b));
    prove("add", &[], tiny, Mode::Nock);
}

#[test]
fn dec() {
    // (`dec` of a cell never ends in the Hoon: not compared.)
    let fixed = smalls(&[0, 1, 2, 3, 1000, 4096]);
    prove("dec", &fixed, small(5000), Mode::Hoon);
    prove("dec", &smalls(&[0, 1, 2, 63]), small(64), Mode::Nock);
}

#[test]
fn sub() {
    let mut fixed = Vec::new();
    for a in edges() {
        for b in [0, 1, 2, 1000] {
            fixed.push(T::c(a.clone(), T::a(b)));
        }
    }
    fixed.extend([
        T::c(cell12(), T::a(0)),
        T::c(T::a(5), cell12()),
        T::c(T::a(3), T::a(4)),
    ]);
    // a = b + d, or a < b (underflow).
    let random = (small(2000), any_atom(20), any::<bool>()).prop_map(|(b, d, under)| {
        let bv = b.small().unwrap_or(0);
        if under {
            T::c(T::a(bv / 2), T::a(bv + 1))
        } else {
            T::c(add_t(&d, bv), b)
        }
    });
    prove("sub", &fixed, random, Mode::Hoon);
    let tiny = (small(40), small(40)).prop_map(|(a, b)| T::c(a, b));
    prove("sub", &[], tiny, Mode::Nock);
}

/// `t + v` on test atoms.
fn add_t(t: &T, v: u64) -> T {
    let T::A(w) = t else { panic!("atom") };
    let mut w = w.clone();
    w.push(0);
    let mut carry = v;
    for x in w.iter_mut() {
        let (s, c) = x.overflowing_add(carry);
        *x = s;
        carry = u64::from(c);
        if carry == 0 {
            break;
        }
    }
    T::A(w)
}

#[test]
fn mul() {
    let mut fixed = pairs(&smalls(&[0, 1, 2, 300]), &edges());
    fixed.extend(pairs(&edges(), &smalls(&[0, 1])).into_iter().filter(|p| {
        // `a` is what the Hoon counts down: keep it small.
        matches!(p, T::C(a, _) if a.small().is_some_and(|v| v < 400))
    }));
    fixed.extend([T::c(T::a(0), cell12()), T::c(T::a(1), cell12())]);
    let random = (small(300), any_atom(20)).prop_map(|(a, b)| T::c(a, b));
    prove("mul", &fixed, random, Mode::Hoon);
    let tiny = (small(12), small(12)).prop_map(|(a, b)| T::c(a, b));
    prove("mul", &[], tiny, Mode::Nock);
}

#[test]
fn div() {
    // a = b * q + r with q small: the Hoon subtracts q times.
    let mut fixed = Vec::new();
    for b in edges().into_iter().filter(|b| b.small() != Some(0)) {
        for q in [0u64, 1, 2, 7] {
            fixed.push(T::c(mul_add(&b, q, 1), b.clone()));
        }
        fixed.push(T::c(b.clone(), T::a(0)));
    }
    let random = (any_atom(16), 0u64..200, any::<u64>()).prop_map(|(b, q, r)| {
        let b = if b.small() == Some(0) { T::a(1) } else { b };
        T::c(mul_add(&b, q, r % 1000), b)
    });
    prove("div", &fixed, random, Mode::Hoon);
    let tiny = (small(60), small(8)).prop_map(|(a, b)| T::c(a, b));
    prove("div", &[], tiny, Mode::Nock);
}

/// `b * q + min(r, b - 1)` on test atoms (`q`, `r` small).
fn mul_add(b: &T, q: u64, r: u64) -> T {
    let T::A(w) = b else { panic!("atom") };
    let mut out = vec![0u64; w.len() + 2];
    let mut carry = 0u128;
    for (i, &x) in w.iter().enumerate() {
        let p = u128::from(x) * u128::from(q) + carry;
        out[i] = p as u64;
        carry = p >> 64;
    }
    out[w.len()] = carry as u64;
    let r = match b.small() {
        Some(bv) => r.min(bv.saturating_sub(1)),
        None => r,
    };
    add_t(&T::A(out), r)
}

#[test]
fn mod_and_dvr() {
    let mut fixed = pairs(&edges(), &edges());
    fixed.push(T::c(T::a(5), cell12()));
    let random = (any_atom(20), any_atom(12)).prop_map(|(a, b)| T::c(a, b));
    prove("mod", &fixed, random.clone(), Mode::Hoon);
    prove("dvr", &fixed, random, Mode::Hoon);
    let tiny = (small(40), small(8)).prop_map(|(a, b)| T::c(a, b));
    prove("mod", &[], tiny.clone(), Mode::Nock);
    prove("dvr", &[], tiny, Mode::Nock);
}

#[test]
fn lth() {
    let mut fixed = pairs(&smalls(&[0, 1, 2, 1000]), &edges());
    fixed.extend(pairs(&edges(), &smalls(&[0, 1, 2, 1000])));
    fixed.extend([T::c(T::a(0), cell12()), T::c(cell12(), T::a(0))]);
    let random = (small(2000), any_atom(20), any::<bool>()).prop_map(|(a, b, flip)| {
        if flip {
            T::c(b, a)
        } else {
            T::c(a, b)
        }
    });
    prove("lth", &fixed, random, Mode::Hoon);
    let tiny = (small(40), small(40)).prop_map(|(a, b)| T::c(a, b));
    prove("lth", &[], tiny, Mode::Nock);
}

#[test]
fn comparisons() {
    let mut fixed = pairs(&edges(), &edges());
    fixed.extend([T::c(T::a(0), cell12()), T::c(cell12(), T::a(0))]);
    let random = (any_atom(20), any_atom(20), any::<bool>()).prop_map(|(a, b, same)| {
        if same {
            T::c(a.clone(), a)
        } else {
            T::c(a, b)
        }
    });
    for name in ["gte", "gth", "lte", "max", "min"] {
        prove(name, &fixed, random.clone(), Mode::Hoon);
        let tiny = (small(30), small(30)).prop_map(|(a, b)| T::c(a, b));
        prove(name, &[], tiny, Mode::Nock);
    }
}

#[test]
fn cap_and_mas() {
    let mut fixed = edges();
    fixed.push(T::a(0));
    for name in ["cap", "mas"] {
        prove(name, &fixed, any_atom(20), Mode::Hoon);
        prove(name, &[], small(64), Mode::Nock);
    }
}

#[test]
fn peg() {
    let nonzero: Vec<T> = edges()
        .into_iter()
        .filter(|t| t.small() != Some(0))
        .collect();
    let mut fixed = pairs(&nonzero, &nonzero);
    fixed.extend([
        T::c(T::a(0), T::a(5)),
        T::c(T::a(0), T::a(1)),
        T::c(cell12(), T::a(1)),
    ]);
    let random = (any_atom(16), any_atom(16)).prop_map(|(a, b)| {
        let nz = |t: T| if t.small() == Some(0) { T::a(1) } else { t };
        T::c(nz(a), nz(b))
    });
    prove("peg", &fixed, random, Mode::Hoon);
    let tiny = (1u64..20, 1u64..20).prop_map(|(a, b)| T::c(T::a(a), T::a(b)));
    prove("peg", &[], tiny, Mode::Nock);
}

// ---------------------------------------------------------------- layer 2

/// A bloq from 0 to 7 (bits to 16 bytes).
fn bloq() -> impl Strategy<Value = u64> + Clone {
    0u64..8
}

/// A bite: a bare bloq or `[bloq step]`.
fn bite(max_step: u64) -> impl Strategy<Value = T> + Clone {
    prop_oneof![
        bloq().prop_map(T::a),
        (bloq(), 0..max_step).prop_map(|(b, s)| T::c(T::a(b), T::a(s))),
    ]
}

#[test]
fn bex() {
    prove(
        "bex",
        &smalls(&[0, 1, 62, 63, 64, 127, 128, 1000]),
        small(3000),
        Mode::Hoon,
    );
    prove("bex", &[], small(10), Mode::Nock);
}

#[test]
fn can() {
    let item = (0u64..12, any_atom(4)).prop_map(|(p, q)| T::c(T::a(p), q));
    let random = (bloq(), vec(item, 0..5)).prop_map(|(a, items)| T::c(T::a(a), T::list(&items)));
    let fixed = vec![
        T::c(T::a(3), T::a(0)),
        T::c(
            T::a(0),
            T::list(&[T::c(T::a(1), T::a(1)), T::c(T::a(2), T::a(7))]),
        ),
        T::c(T::a(3), T::list(&[T::c(T::big(1 << 64), T::a(5))])),
        T::c(
            T::a(3),
            T::list(&[T::c(T::a(0), T::a(5)), T::c(T::a(2), T::a(0x1234))]),
        ),
        // Malformed lists crash.
        T::c(T::a(3), T::c(T::c(T::a(1), T::a(1)), T::a(7))),
        T::c(T::a(3), T::list(&[T::a(5)])),
        T::c(T::a(3), T::list(&[T::c(T::a(1), cell12())])),
    ];
    prove("can", &fixed, random, Mode::Hoon);
    let item = (0u64..3, small(8)).prop_map(|(p, q)| T::c(T::a(p), q));
    let tiny = (0u64..2, vec(item, 0..3)).prop_map(|(a, l)| T::c(T::a(a), T::list(&l)));
    prove("can", &[], tiny, Mode::Nock);
}

#[test]
fn cat() {
    let mut fixed = Vec::new();
    for a in [0u64, 3, 5, 6, 9] {
        for (b, c) in [(0u64, 0u64), (0, 7), (7, 0), (0xff, 0x1), (1 << 62, 3)] {
            fixed.push(T::tuple(&[T::a(a), T::a(b), T::a(c)]));
        }
        fixed.push(T::tuple(&[T::a(a), kilobyte(1), T::big(u128::MAX)]));
    }
    let random =
        (0u64..12, any_atom(16), any_atom(16)).prop_map(|(a, b, c)| T::tuple(&[T::a(a), b, c]));
    prove("cat", &fixed, random, Mode::Hoon);
    let tiny = (0u64..2, small(8), small(8)).prop_map(|(a, b, c)| T::tuple(&[T::a(a), b, c]));
    prove("cat", &[], tiny, Mode::Nock);
}

#[test]
fn logic() {
    let mut fixed = pairs(&edges()[..14], &edges()[..14]);
    fixed.push(T::c(kilobyte(3), kilobyte(4)));
    fixed.push(T::c(kilobyte(3), T::a(1)));
    let random = (any_atom(4), any_atom(4)).prop_map(|(a, b)| T::c(a, b));
    for name in ["con", "dis", "mix"] {
        prove(name, &fixed, random.clone(), Mode::Hoon);
        let tiny = (small(16), small(16)).prop_map(|(a, b)| T::c(a, b));
        prove(name, &[], tiny, Mode::Nock);
    }
}

#[test]
fn cut() {
    let huge = [T::big(1 << 64), T::a(1 << 63), T::a(u64::MAX)];
    let mut fixed = Vec::new();
    for a in [0u64, 3, 5, 6, 7] {
        for d in edges() {
            for (b, c) in [(0u64, 0u64), (0, 1), (1, 3), (3, 100), (100, 5)] {
                fixed.push(T::tuple(&[T::a(a), T::c(T::a(b), T::a(c)), d.clone()]));
            }
            for h in &huge {
                fixed.push(T::tuple(&[T::a(a), T::c(h.clone(), T::a(1)), d.clone()]));
                fixed.push(T::tuple(&[T::a(a), T::c(T::a(1), h.clone()), d.clone()]));
            }
        }
    }
    let random = (bloq(), 0u64..300, 0u64..300, any_atom(20))
        .prop_map(|(a, b, c, d)| T::tuple(&[T::a(a), T::c(T::a(b), T::a(c)), d]));
    prove("cut", &fixed, random, Mode::Hoon);
    // Pure Nock `end` builds `(bex (mul (bex a) c))` in unary: keep the
    // slice within 4 bits.
    let tiny = (0u64..2, 0u64..4, 0u64..3, small(64))
        .prop_map(|(a, b, c, d)| T::tuple(&[T::a(a), T::c(T::a(b), T::a(c)), d]));
    prove("cut", &[], tiny, Mode::Nock);
}

/// `[bite b]` samples for `end`, `rsh` and `lsh`. (Steps past 2^34 bits
/// make the Hoon's `bex` fail: `tests/semantics.rs` covers them.)
fn bite_samples() -> Vec<T> {
    let mut out = Vec::new();
    for a in 0u64..8 {
        for b in edges() {
            out.push(T::c(T::a(a), b.clone()));
            for s in [T::a(0), T::a(1), T::a(2), T::a(17), T::a(100)] {
                out.push(T::c(T::c(T::a(a), s), b.clone()));
            }
        }
    }
    out
}

#[test]
fn end_and_rsh() {
    let random = (bite(2000), any_atom(20)).prop_map(|(a, b)| T::c(a, b));
    for name in ["end", "rsh"] {
        prove(name, &bite_samples(), random.clone(), Mode::Hoon);
        let tiny =
            (0u64..2, 0u64..3, small(64)).prop_map(|(a, s, b)| T::c(T::c(T::a(a), T::a(s)), b));
        prove(name, &[], tiny, Mode::Nock);
    }
}

#[test]
fn lsh() {
    let random = (bite(2000), any_atom(20)).prop_map(|(a, b)| T::c(a, b));
    prove("lsh", &bite_samples(), random, Mode::Hoon);
    let tiny = (0u64..2, 0u64..3, small(16)).prop_map(|(a, s, b)| T::c(T::c(T::a(a), T::a(s)), b));
    prove("lsh", &[], tiny, Mode::Nock);
}

#[test]
fn met() {
    let mut fixed = pairs(&smalls(&[0, 1, 2, 3, 5, 6, 7, 8, 12]), &edges());
    fixed.push(T::c(cell12(), T::a(0)));
    let random = (0u64..16, any_atom(20)).prop_map(|(a, b)| T::c(T::a(a), b));
    prove("met", &fixed, random, Mode::Hoon);
    let tiny = (0u64..3, small(64)).prop_map(|(a, b)| T::c(T::a(a), b));
    prove("met", &[], tiny, Mode::Nock);
}

#[test]
fn rap() {
    let random = (0u64..9, vec(any_atom(4), 0..6)).prop_map(|(a, l)| T::c(T::a(a), T::list(&l)));
    let fixed = vec![
        T::c(T::a(3), T::a(0)),
        T::c(T::a(3), T::list(&[T::a(0), T::a(0)])),
        T::c(T::a(3), T::list(&[T::a(0x61), T::a(0), T::a(0x6362)])),
        T::c(T::a(0), T::list(&[T::a(1), T::a(1), T::a(5)])),
        T::c(T::a(3), T::c(T::a(1), T::a(2))),
        T::c(T::a(3), T::list(&[cell12()])),
    ];
    prove("rap", &fixed, random, Mode::Hoon);
    let tiny = (0u64..2, vec(small(8), 0..3)).prop_map(|(a, l)| T::c(T::a(a), T::list(&l)));
    prove("rap", &[], tiny, Mode::Nock);
}

#[test]
fn rep() {
    let random = (bite(6), vec(any_atom(3), 0..6)).prop_map(|(a, l)| T::c(a, T::list(&l)));
    let fixed = vec![
        T::c(T::a(3), T::a(0)),
        T::c(T::c(T::a(0), T::a(0)), T::list(&[T::a(1), T::a(3)])),
        T::c(T::c(T::a(0), T::a(3)), T::list(&[T::a(0xff), T::a(1)])),
        T::c(
            T::c(T::a(3), T::a(2)),
            T::list(&[T::a(0xaabb_ccdd), T::a(0), T::a(1)]),
        ),
        T::c(T::c(T::a(5), T::big(1 << 64)), T::list(&[T::a(7)])),
        T::c(T::a(3), T::c(T::a(1), T::a(2))),
    ];
    prove("rep", &fixed, random, Mode::Hoon);
    let tiny = (0u64..2, 0u64..3, vec(small(8), 0..3))
        .prop_map(|(a, s, l)| T::c(T::c(T::a(a), T::a(s)), T::list(&l)));
    prove("rep", &[], tiny, Mode::Nock);
}

#[test]
fn rev() {
    let random =
        (bloq(), 0u64..80, any_atom(4)).prop_map(|(b, l, d)| T::tuple(&[T::a(b), T::a(l), d]));
    let mut fixed = Vec::new();
    for b in [0u64, 3, 6, 7] {
        for l in [0u64, 1, 2, 5, 64] {
            for d in [
                T::a(0),
                T::a(1),
                T::a(0x0102),
                T::big(u128::MAX),
                kilobyte(9),
            ] {
                fixed.push(T::tuple(&[T::a(b), T::a(l), d]));
            }
        }
    }
    prove("rev", &fixed, random, Mode::Hoon);
    let tiny = (0u64..2, 0u64..4, small(16)).prop_map(|(b, l, d)| T::tuple(&[T::a(b), T::a(l), d]));
    prove("rev", &[], tiny, Mode::Nock);
}

#[test]
fn rip() {
    let random = (
        prop_oneof![
            bloq().prop_map(T::a),
            (bloq(), 1u64..5).prop_map(|(b, s)| T::c(T::a(b), T::a(s)))
        ],
        any_atom(4),
    )
        .prop_map(|(a, b)| T::c(a, b));
    let mut fixed = Vec::new();
    for a in [0u64, 3, 5, 6, 7] {
        for b in edges() {
            if a == 0 && b.small().is_none() {
                continue; // a list of 8192 bits: fine, but slow in debug
            }
            fixed.push(T::c(T::a(a), b.clone()));
            fixed.push(T::c(T::c(T::a(a), T::a(3)), b.clone()));
            fixed.push(T::c(T::c(T::a(a), T::big(1 << 64)), b));
        }
    }
    prove("rip", &fixed, random, Mode::Hoon);
    let tiny = (0u64..2, 1u64..3, small(32)).prop_map(|(a, s, b)| T::c(T::c(T::a(a), T::a(s)), b));
    prove("rip", &[], tiny, Mode::Nock);
}

#[test]
fn swp() {
    let random = (bloq(), any_atom(4)).prop_map(|(a, b)| T::c(T::a(a), b));
    let fixed = pairs(&smalls(&[0, 3, 5, 6, 7]), &edges()[..14]);
    prove("swp", &fixed, random, Mode::Hoon);
    let tiny = (0u64..2, small(32)).prop_map(|(a, b)| T::c(T::a(a), b));
    prove("swp", &[], tiny, Mode::Nock);
}

#[test]
fn xeb() {
    prove("xeb", &edges(), any_atom(20), Mode::Hoon);
    prove("xeb", &[], small(64), Mode::Nock);
}

// ------------------------------------------------------- hashing, orders

#[test]
fn mug() {
    let fixed = vec![
        T::a(0),
        T::a(1),
        T::a(u64::from_le_bytes(*b"Hello, w")),
        T::big(u128::MAX),
        T::c(T::a(0), T::a(0)),
        T::c(cell12(), T::c(T::a(3), cell12())),
        kilobyte(5),
    ];
    prove("mug", &fixed, noun(), Mode::Hoon);
}

#[test]
fn orders() {
    let random = (noun(), noun(), any::<bool>()).prop_map(|(a, b, same)| {
        if same {
            T::c(a.clone(), a)
        } else {
            T::c(a, b)
        }
    });
    let fixed = vec![
        T::c(T::a(0), T::a(0)),
        T::c(T::a(1), T::a(2)),
        T::c(T::a(2), T::a(1)),
        T::c(T::a(1), cell12()),
        T::c(cell12(), T::a(1)),
        T::c(T::c(T::a(1), T::a(3)), cell12()),
        T::c(T::c(T::a(0), T::a(3)), cell12()),
        T::c(T::big(1 << 64), T::a(u64::MAX)),
    ];
    for name in ["dor", "gor", "mor"] {
        prove(name, &fixed, random.clone(), Mode::Hoon);
    }
    let tiny = (small(20), small(20)).prop_map(|(a, b)| T::c(a, b));
    prove("dor", &[], tiny, Mode::Nock);
}
