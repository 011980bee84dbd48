//! The `ut` caches: the compiler produces the same nock, types and crashes
//! with each cache as without it (its arm's own Nock, uncached), and the
//! caches are hit.

mod common;

use common::hoon::Kernel;
use common::{Mode, T};

/// Compile `t` against the standard library and run it: a vase.
const SLAP: &str = "|=(t=@t (slap !>(..ream) (ream t)))";

fn cord(s: &str) -> T {
    let mut bytes = s.as_bytes().to_vec();
    bytes.resize(bytes.len().div_ceil(8) * 8, 0);
    T::A(
        bytes
            .chunks(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect(),
    )
}

const PROGRAMS: &[&str] = &[
    "(add 2 2)",
    "=/  a  5  |=(b=@ (add a b))",
    "=/  m  (malt ~[[1 'a'] [2 'b']])  (~(get by m) 2)",
    "|=  [a=(list @) b=?]  ?:  b  (lent a)  (roll a add)",
    "=>  |%  +$  foo  $%([%a p=@] [%b q=(list @t)])  --  |=(f=foo ?-(-.f %a p.f, %b (lent q.f)))",
    "(turn `(list @)`~[1 2 3] |=(a=@ `@t`(add a 48)))",
    "?:  =(1 2)  %yes  %no",
    "=/  f  |*(a=* [a a])  (f 3)",
    "(scan \"12\" dem)",
    "=/  a=*  [1 2]  ?@(a %atom ?=([@ @] a))",
    "(add 'a' [1 2])", // a nest-fail: the compiler crashes
    "(frob 3)",        // find-limb: the compiler crashes
];

#[test]
fn every_ut_cache_equals_its_arm() {
    let Some(mut k) = Kernel::boot() else { return };
    k.rt.set_jet_stats(true);
    for name in [
        "ut_mint",
        "ut_mull",
        "ut_nest_dext",
        "ut_rest",
        "ut_crop",
        "ut_fuse",
        "ut_fish",
    ] {
        let mut called = false;
        for p in PROGRAMS {
            let before = k.calls(name);
            k.run(SLAP, name, &cord(p), Mode::Jet);
            if k.calls(name) == before {
                continue;
            }
            called = true;
            k.check(SLAP, name, &cord(p), Mode::Hoon);
            k.rt.set_jet_stats(true);
        }
        assert!(called, "no program exercises %{name}");
    }
}

/// `fitz` as vere-v3.0's jet computes it, reached through compiled Hoon.
/// The Hoon 140 arm compares size numbers where it means aura texts, so it
/// says yes for any two unsized auras; vere's jet (which ran every vere
/// pier, and which zuse needs to build) compares the texts.
#[test]
fn fitz_is_vere_s() {
    let Some(mut k) = Kernel::boot() else { return };
    let src = "|=([a=@tas b=@tas] (fitz a b))";
    let cases = [
        ("ud", "u", true),
        ("u", "ud", true),
        ("ud", "ux", false),
        ("", "ux", true),
        ("u", "t", false),
        ("uvI", "uvH", true),
        ("uvH", "uvI", false),
        ("tas", "ta", true),
    ];
    for (a, b, want) in cases {
        let sample = T::tuple(&[cord(a), cord(b)]);
        match k.run(src, "fitz", &sample, Mode::Jet) {
            common::Outcome::Product(p) => {
                assert_eq!(p.as_u64(), Some(u64::from(!want)), "(fitz %{a} %{b})")
            }
            common::Outcome::Crash(m) => panic!("(fitz %{a} %{b}) crashed %{}", m.name()),
        }
    }
    // Where they part: the Hoon says yes to `(fitz %u %t)`.
    match k.run(src, "fitz", &T::tuple(&[cord("u"), cord("t")]), Mode::Hoon) {
        common::Outcome::Product(p) => assert_eq!(p.as_u64(), Some(0)),
        common::Outcome::Crash(m) => panic!("crashed %{}", m.name()),
    }
}
