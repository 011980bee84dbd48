//! `mink`, `mule`, `mole` against their Hoon (the ivory pill's), through
//! the Hoon harness: products, crashes with their traces, scry blocks.

mod common;

use common::hoon::Kernel;
use common::{Mode, T};

fn t(k: &mut Kernel, src: &str) -> T {
    // Build the sample through Hoon so that formulas can be written as text.
    let n = k.wish(src);
    to_t(n)
}

fn to_t(n: mars_noun::Noun) -> T {
    match n.cell_parts() {
        Some((h, tl)) => T::c(to_t(h), to_t(tl)),
        None => T::A(n.as_atom().map_or(vec![0], |a| a.words().to_vec())),
    }
}

#[test]
fn mink_equals_the_hoon_nock_interpreter() {
    let Some(mut k) = Kernel::boot() else { return };
    // A scry gate: `~` for /block, `[~ ~]` for /crash, else `[~ ~ ref]`.
    let src = "|=  [s=* f=*]
               %+  mink  [s f]
               |=  [ref=* pax=*]
               ?:  =(pax /block)  ~
               ?:  =(pax /crash)  [~ ~]
               ``ref";
    let cases = [
        "[[1 2] [0 3]]",
        "[42 [4 0 1]]",
        "[0 [0 2]]", // crash: no axis 2 of an atom
        "[[1 2] [3 0 1]]",
        "[5 [11 [%spot [1 7]] [0 7]]]", // crash inside a %spot hint
        "[5 [11 [%mean [1 'msg']] [11 [%hunk [1 %x]] [0 6]]]]",
        "[5 [11 [%slog [1 0 %leaf \"hi\"]] [4 0 1]]]",
        "[5 [12 [1 %ref] [1 /value]]]", // scry: value
        "[5 [12 [1 %ref] [1 /block]]]", // scry: block
        "[5 [12 [1 %ref] [1 /crash]]]", // scry: crash
        "[5 [2 [0 1] [1 4 0 1]]]",
        "[5 [6 [1 0] [1 7] [1 8]]]",
        "[5 [6 [1 2] [1 7] [1 8]]]", // bad test: crash
        "[[4 5] [10 [2 [1 9]] [0 1]]]",
        "[[[4 0 1] 3] [9 2 0 1]]",
    ];
    for c in cases {
        let sample = t(&mut k, &format!("^-(* {c})"));
        k.check(src, "mink", &sample, Mode::Hoon);
    }
}

#[test]
fn mule_and_mole_equal_their_hoon() {
    let Some(mut k) = Kernel::boot() else { return };
    let mule = "|=(a=@ (mule |.((div 10 a))))";
    let mole = "|=(a=@ (mole |.((div 10 a))))";
    for a in [0u64, 1, 2, 3, 10, 11] {
        k.check(mule, "mule", &T::a(a), Mode::Hoon);
        k.check(mole, "mole", &T::a(a), Mode::Hoon);
    }
    // A crash with a trace (`~|` pushes a %mean frame), and nesting.
    let traced = "|=(a=@ (mule |.(~|(%bad-input ?>(=(a 1) a)))))";
    let nested = "|=(a=@ (mule |.((mule |.(?>(=(a 1) a))))))";
    for a in [0u64, 1] {
        k.check(traced, "mule", &T::a(a), Mode::Hoon);
        k.check(nested, "mule", &T::a(a), Mode::Hoon);
    }
}
