//! What the jets do where the differential tests cannot compare them with
//! the Hoon: resource limits (bloqs of 32 and up, huge steps, results past
//! 2^34 bits) and ill-typed samples on which vere's jet parts from the
//! Hoon. Every case here is a decision, pinned; the module doc of the crate
//! gives the rules.
//!
//! The limits are checked on the jets alone (no pill needed); the
//! deviations also run the Hoon from the ivory pill when `shared/` is
//! there, to show what it would have said.

mod common;

use common::{Ivory, Outcome, T};
use mars_jets::table;
use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{noun_eq, HeapConfig, Noun};

fn runtime() -> Runtime {
    Runtime::new(HeapConfig {
        nursery_bytes: 8 << 20,
        limit_bytes: 8 << 30,
        ..HeapConfig::default()
    })
    .expect("runtime")
}

/// Call the jet of `name` on a gate-shaped core `[0 sample 0]`.
fn call(rt: &mut Runtime, name: &str, sample: &T) -> Result<Noun, JetError> {
    let gate = table::gate(name).unwrap_or_else(|| panic!("no jet %{name}"));
    let s = sample.build(&mut rt.heap);
    let payload = rt.heap.cell(s, Noun::ZERO);
    let core = rt.heap.cell(Noun::ZERO, payload);
    (gate.jet)(rt, core)
}

fn fails(name: &str, sample: T) {
    let mut rt = runtime();
    assert_eq!(
        call(&mut rt, name, &sample).err(),
        Some(JetError::Fail(Mote::Fail)),
        "%{name} {sample:?} should bail %fail"
    );
}

fn gives(name: &str, sample: T, want: T) {
    let mut rt = runtime();
    let got = call(&mut rt, name, &sample).unwrap_or_else(|e| panic!("%{name} {sample:?}: {e:?}"));
    let want = want.build(&mut rt.heap);
    assert!(
        noun_eq(got, want),
        "%{name} {sample:?}: {} not {}",
        mars_noun::fmt::render(got, 100),
        mars_noun::fmt::render(want, 100)
    );
}

fn a(v: u64) -> T {
    T::a(v)
}

fn c(h: T, t: T) -> T {
    T::c(h, t)
}

fn huge() -> T {
    T::big(1 << 64)
}

#[test]
fn bloqs_of_32_and_up_fail_as_in_vere() {
    for bloq in [32u64, 33, 63, 64, 1 << 40] {
        let b = a(bloq);
        fails("cut", T::tuple(&[b.clone(), c(a(0), a(1)), a(5)]));
        fails("end", c(b.clone(), a(5)));
        fails("lsh", c(b.clone(), a(5)));
        fails("rsh", c(b.clone(), a(5)));
        fails("cat", T::tuple(&[b.clone(), a(1), a(2)]));
        fails("can", c(b.clone(), T::list(&[c(a(1), a(1))])));
        fails("rap", c(b.clone(), T::list(&[a(1)])));
        fails("rep", c(b.clone(), T::list(&[a(1)])));
        fails("rip", c(b.clone(), a(5)));
        fails("rev", T::tuple(&[b.clone(), a(1), a(5)]));
        fails("swp", c(b.clone(), a(5)));
    }
    fails("end", c(huge(), a(5)));
}

#[test]
fn met_takes_any_bloq() {
    // vere: 1 for any nonzero atom from bloq 32 up; exact below 64.
    gives("met", c(a(32), a(5)), a(1));
    gives("met", c(a(63), T::A(vec![u64::MAX; 4])), a(1));
    gives("met", c(a(64), a(5)), a(1));
    gives("met", c(huge(), a(5)), a(1));
    gives("met", c(huge(), a(0)), a(0));
    gives("met", c(a(6), T::A(vec![1; 3])), a(3));
}

#[test]
fn huge_steps_are_exact() {
    let big = T::A(vec![7, 7, 7]);
    for step in [a(1 << 62), a(u64::MAX), huge()] {
        gives("end", c(c(a(0), step.clone()), big.clone()), big.clone());
        gives("rsh", c(c(a(0), step.clone()), big.clone()), a(0));
        gives("lsh", c(c(a(3), step.clone()), a(0)), a(0));
        fails("lsh", c(c(a(3), step.clone()), a(1)));
        gives(
            "cut",
            T::tuple(&[a(0), c(step.clone(), a(5)), big.clone()]),
            a(0),
        );
        gives(
            "cut",
            T::tuple(&[a(0), c(a(64), step.clone()), big.clone()]),
            T::A(vec![7, 7]),
        );
        gives(
            "rip",
            c(c(a(3), step.clone()), big.clone()),
            T::list(std::slice::from_ref(&big)),
        );
        gives("rev", T::tuple(&[a(3), step.clone(), a(0)]), a(0));
        fails("rev", T::tuple(&[a(3), step.clone(), a(1)]));
        // A huge step on the last item costs nothing; before others, %fail.
        gives(
            "can",
            c(a(0), T::list(&[c(a(1), a(1)), c(step.clone(), a(3))])),
            a(7),
        );
        fails(
            "can",
            c(a(0), T::list(&[c(step.clone(), a(1)), c(a(1), a(1))])),
        );
        gives("rep", c(c(a(0), step.clone()), T::list(&[a(5)])), a(5));
        fails("rep", c(c(a(0), step.clone()), T::list(&[a(5), a(1)])));
    }
}

#[test]
fn results_past_two_to_the_34_bits_fail() {
    fails("bex", a((1 << 34) - 16));
    fails("bex", a(u64::MAX));
    fails("bex", huge());
    gives("met", c(a(0), a(0)), a(0));
    fails("lsh", c(c(a(5), a(1 << 29)), a(1)));
    fails("rip", c(c(a(3), a(0)), a(5)));
    gives("rip", c(c(a(3), a(0)), a(0)), a(0));
}

/// Ill-typed samples (a cell where the gate's type says `@`) on which the
/// Hoon returns a value but vere's jet, and ours, bail `%exit`. No typed
/// caller can build them. `(hoon)` is the Hoon's product, checked against
/// the ivory pill when it is there.
fn deviations() -> Vec<(&'static str, T, T)> {
    let cell = c(a(1), a(2));
    vec![
        // `?<  =(0 b)` passes a cell, `(lth 0 b)` is yes: quotient 0.
        ("div", c(a(0), cell.clone()), a(0)),
        // `!=(a b)` is false first.
        ("lth", c(cell.clone(), cell.clone()), a(1)),
        // `=(a b)` is true first.
        ("lte", c(cell.clone(), cell.clone()), a(0)),
        // A cell bloq is a bite to `rsh`.
        ("met", c(c(a(1), a(2)), a(1)), a(1)),
        // `?~  b  0` comes before any use of the bloq.
        ("rap", c(cell.clone(), a(0)), a(0)),
        ("rep", c(c(cell.clone(), a(1)), a(0)), a(0)),
        ("swp", c(cell.clone(), a(0)), a(0)),
        // `?|(=(0 a) =(0 b))` stops before touching the cell.
        ("dis", c(a(0), cell.clone()), a(0)),
        ("dis", c(cell.clone(), a(0)), a(0)),
    ]
}

#[test]
fn ill_typed_samples_exit_as_in_vere() {
    let mut rt = runtime();
    for (name, sample, _) in deviations() {
        assert_eq!(
            call(&mut rt, name, &sample).err(),
            Some(JetError::Exit),
            "%{name} {sample:?}"
        );
    }
    // `can` of a cell bloq: vere bails %fail, the Hoon gives 0 for `~` and
    // crashes otherwise; we exit.
    assert_eq!(
        call(&mut rt, "can", &c(c(a(1), a(2)), a(0))).err(),
        Some(JetError::Exit)
    );
}

#[test]
fn the_hoon_would_have_returned_a_value() {
    let Some(mut iv) = Ivory::boot() else {
        return;
    };
    for (name, sample, hoon) in deviations() {
        match iv.hoon(name, &sample) {
            Outcome::Product(p) => {
                let want = hoon.build(&mut iv.rt.heap);
                assert!(noun_eq(p, want), "%{name} {sample:?}: Hoon gave {p:?}");
            }
            Outcome::Crash(m) => panic!("%{name} {sample:?}: Hoon crashed {m:?}"),
        }
        assert!(matches!(iv.jet(name, &sample), Outcome::Crash(Mote::Exit)));
    }
}

#[test]
fn early_returns_follow_the_hoon() {
    let cell = c(a(1), a(2));
    gives("add", c(a(0), cell.clone()), cell.clone());
    gives("sub", c(cell.clone(), a(0)), cell.clone());
    gives("mul", c(a(0), cell.clone()), a(0));
    gives("lth", c(a(0), cell.clone()), a(0));
    gives("gth", c(cell.clone(), a(0)), a(0));
    gives("max", c(a(0), cell.clone()), cell.clone());
    gives("min", c(cell.clone(), a(0)), a(0));
    gives("peg", c(cell.clone(), a(1)), cell.clone());
    gives("met", c(cell.clone(), a(0)), a(0));
    let mut rt = runtime();
    assert_eq!(
        call(&mut rt, "peg", &c(a(0), a(1))).err(),
        Some(JetError::Exit)
    );
    assert_eq!(
        call(&mut rt, "peg", &c(a(5), a(0))).err(),
        Some(JetError::Exit)
    );
}
