//! The Hoon harness itself (`common/hoon.rs`): Hoon source compiles, the
//! jet under test is called, and a wrong jet would be caught.

mod common;

use common::hoon::Kernel;
use common::{Mode, T};

#[test]
fn a_hoon_gate_runs_with_and_without_its_jet() {
    let Some(mut k) = Kernel::boot() else { return };
    let src = "|=([a=@ b=@] (add a b))";
    let p = k.check(src, "add", &T::tuple(&[T::a(20), T::a(22)]), Mode::Hoon);
    assert_eq!(p.and_then(|p| p.as_u64()), Some(42));
    let p = k.check(src, "add", &T::tuple(&[T::a(2), T::a(3)]), Mode::Nock);
    assert_eq!(p.and_then(|p| p.as_u64()), Some(5));
    // A crash is a crash in both modes.
    let src = "|=(a=@ (dec a))";
    assert!(k.check(src, "dec", &T::a(0), Mode::Hoon).is_none());
}

#[test]
fn door_arms_are_reached() {
    let Some(mut k) = Kernel::boot() else { return };
    let v = k.wish("(~(put by (malt (limo ~[[1 2] [3 4]]))) 5 6)");
    assert_eq!(
        mars_noun::fmt::render(v, 100),
        "[[5 6] 0 [1 2] 0 [3 4] 0 0]"
    );
}
