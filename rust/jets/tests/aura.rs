//! Differential proof of the aura jets (`src/aura/`) against their Hoon 140
//! arms (the ivory pill's `hoon.hoon`), in product and in crashing, each
//! with every other jet on (`Mode::Hoon`):
//!
//! * `scot`, `scow`: every aura vere prints (`%tas %ud %ux %uv %uw`) on
//!   edges (0, 2^32, 2^64, 2^128, a 1 KB atom, zero bytes in a `%tas`)
//!   and random atoms; auras vere punts on (`%p %da %t %ub %sd %q` ...),
//!   to show the punt still gives the Hoon's product; a 64 KB atom,
//!   jetted only, against a model.
//! * `slaw`: valid and invalid texts of every aura vere parses (`%ud
//!   %tas %p %da`), in every shape its parsers know and in those they
//!   punt on; random `@p` (galaxies to comets) and `@da` round trips
//!   through the Hoon's own `scot`; auras vere punts on.
//! * `ins ind tos tod:po`: every syllable, and atoms that are none.
//! * `fein fynd:ob`: the domain's edges and random 32- and 64-bit atoms;
//!   natively, `fynd` undoes `fein` on 2^16 random atoms.
//! * `muk`, `pow`, `sqt`: edges and random operands (`pow` and `sqt` on
//!   tiny ones in pure Nock too); where vere and the Hoon part (a `muk`
//!   key short of whole blocks, a `pow` exponent of 2^31), the jet is
//!   pinned to vere's behaviour, `muk` against `mars_noun::murmur3_32`.
//!
//! Every case also checks that the jet alone handles it natively, or
//! punts, exactly where vere's does. Skipped, with a message, when
//! `shared/` is absent.

mod common;

use std::cell::RefCell;

use common::hoon::Kernel;
use common::{Mode, T};
use mars_nock::{JetError, Mote};
use mars_noun::Noun;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// Random cases per property (more with `MARS_DIFF_CASES`).
fn cases() -> u32 {
    std::env::var("MARS_DIFF_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 8 } else { 256 })
}

/// A deterministic runner (same cases every run; failures shrink).
fn runner() -> TestRunner {
    common::runner(cases())
}

/// The cord of `bytes`.
fn cord(bytes: &[u8]) -> T {
    let mut w = vec![0u64; bytes.len().div_ceil(8).max(1)];
    for (i, &b) in bytes.iter().enumerate() {
        w[i / 8] |= u64::from(b) << (8 * (i % 8));
    }
    T::A(w)
}

/// `2^n`.
fn bex(n: usize) -> T {
    let mut w = vec![0u64; n / 64 + 1];
    w[n / 64] = 1 << (n % 64);
    T::A(w)
}

/// `2^n - 1`.
fn ones(n: usize) -> T {
    let mut w = vec![u64::MAX; n.div_ceil(64).max(1)];
    if n % 64 != 0 {
        w[n / 64] = (1 << (n % 64)) - 1;
    }
    if n == 0 {
        w[0] = 0;
    }
    T::A(w)
}

/// A deterministic pseudo-random atom of `words` words.
fn noise(words: usize, seed: u64) -> T {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    T::A(
        (0..words)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            })
            .collect(),
    )
}

/// A random atom: small, around a word boundary, or up to 4 words.
fn any_atom() -> impl Strategy<Value = T> {
    prop_oneof![
        (0u64..2000).prop_map(T::a),
        any::<u64>().prop_map(T::a),
        any::<u128>().prop_map(T::big),
        vec(any::<u64>(), 1..=4).prop_map(T::A),
    ]
}

/// The jet of `name` alone on the core `[0 sample 0]`.
fn alone(k: &mut Kernel, name: &str, sample: &T) -> Result<Noun, JetError> {
    let g = mars_jets::table::gate(name).unwrap_or_else(|| panic!("no jet %{name}"));
    let core = T::tuple(&[T::a(0), sample.clone(), T::a(0)]).build(&mut k.rt.heap);
    (g.jet)(&mut k.rt, core)
}

/// The bytes of an atom.
fn bytes_of(n: Noun) -> Vec<u8> {
    n.as_atom().expect("an atom").to_le_bytes()
}

/// The items of a tape.
fn tape_of(mut n: Noun) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some((h, t)) = n.cell_parts() {
        out.push(h.as_direct().expect("a char") as u8);
        n = t;
    }
    out
}

/// Slam `src` on `sample` with every jet and with every jet but `name`
/// (`Mode::Hoon`), asserting they agree, and that `name` alone handles
/// the sample natively (`native`) or punts. The product, if any.
fn hoon(k: &RefCell<Kernel>, src: &str, name: &str, sample: &T, native: bool) -> Option<Noun> {
    let mut k = k.borrow_mut();
    let got = alone(&mut k, name, sample);
    assert_eq!(
        !matches!(got, Err(JetError::Punt)),
        native,
        "%{name} on {sample:?}: {got:?} alone"
    );
    k.check(src, name, sample, Mode::Hoon)
}

/// `name`'s jet alone on `sample` (where the Hoon cannot be run, or
/// crashes otherwise than vere): its result.
fn jet_only(k: &RefCell<Kernel>, name: &str, sample: &T) -> Result<Noun, JetError> {
    alone(&mut k.borrow_mut(), name, sample)
}

/// Run `prop` on `cases()` values of `strategy`; the number run.
fn random<S: Strategy>(strategy: S, mut prop: impl FnMut(S::Value)) -> usize {
    let n = RefCell::new(0usize);
    let prop = RefCell::new(&mut prop);
    runner()
        .run(&strategy, |v| {
            (prop.borrow_mut())(v);
            *n.borrow_mut() += 1;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    n.into_inner()
}

fn boot() -> Option<RefCell<Kernel>> {
    Kernel::boot().map(RefCell::new)
}

// ------------------------------------------------------------ scot, scow

const SCOT: &str = "|=([a=@ta b=@] (scot a b))";
const SCOW: &str = "|=([a=@ta b=@] (scow a b))";

/// The auras vere prints, and some it punts on.
const PRINTED: &[&str] = &["tas", "ud", "ux", "uv", "uw"];
const UNPRINTED: &[&str] = &["p", "da", "t", "ub", "sd", "q", "dr", "ta", "uc", "if"];

fn edge_atoms() -> Vec<T> {
    let mut v: Vec<T> = [0u64, 1, 9, 10, 31, 32, 63, 64, 999, 1000, 0xffff, 0x1_0000]
        .iter()
        .map(|&x| T::a(x))
        .collect();
    for n in [31, 32, 63, 64, 128] {
        v.push(bex(n));
        v.push(ones(n));
    }
    v.push(T::a(u64::MAX));
    v.push(noise(128, 7)); // 1 KB
    v
}

#[test]
fn scot_and_scow() {
    let Some(k) = boot() else { return };
    let mut n = 0;
    for (src, name) in [(SCOT, "scot"), (SCOW, "scow")] {
        for a in PRINTED.iter().chain(UNPRINTED) {
            let native = PRINTED.contains(a);
            for v in edge_atoms() {
                hoon(&k, src, name, &T::c(cord(a.as_bytes()), v), native);
                n += 1;
            }
        }
        // `%tas` with zero bytes inside (`scot` drops them, `scow` keeps
        // them), and text.
        for t in [&b"a\0b"[..], b"\0\0x\0", b"hello-world", b"\xff\x01"] {
            hoon(&k, src, name, &T::c(cord(b"tas"), cord(t)), true);
            n += 1;
        }
        for a in PRINTED {
            n += random(any_atom(), |v| {
                hoon(&k, src, name, &T::c(cord(a.as_bytes()), v), true);
            });
        }
    }
    // Known products.
    let mut kk = k.borrow_mut();
    for (a, v, text) in [
        ("ud", T::a(0), &b"0"[..]),
        ("ud", T::a(1_000_000), b"1.000.000"),
        ("ud", T::a(999), b"999"),
        ("ux", T::a(0), b"0x0"),
        ("ux", T::a(0x1_0000), b"0x1.0000"),
        ("ux", T::a(0xdead_beef), b"0xdead.beef"),
        ("uv", T::a(0), b"0v0"),
        ("uv", T::a(32), b"0v10"),
        ("uv", T::a(1 << 25), b"0v1.00000"),
        ("uw", T::a(0), b"0w0"),
        ("uw", T::a(63), b"0w~"),
        ("uw", T::a(62 << 30 | 36), b"0w-.0000A"),
        ("tas", cord(b"a\0b"), b"ab"),
    ] {
        let s = T::c(cord(a.as_bytes()), v);
        let got = alone(&mut kk, "scot", &s).expect("scot");
        assert_eq!(bytes_of(got), text, "scot %{a}");
        let got = alone(&mut kk, "scow", &s).expect("scow");
        let want: Vec<u8> = if a == "tas" {
            b"a\0b".to_vec()
        } else {
            text.to_vec()
        };
        assert_eq!(tape_of(got), want, "scow %{a}");
    }
    // A 64 KB atom, jetted only (the Hoon's `em-co` would take minutes):
    // `%ud` back through `slaw`, the others digit by digit.
    let big = noise(8192, 11);
    let t = std::time::Instant::now();
    let ud = alone(&mut kk, "scot", &T::c(cord(b"ud"), big.clone())).expect("scot");
    let ud = bytes_of(ud);
    let back = alone(&mut kk, "slaw", &T::c(cord(b"ud"), cord(&ud))).expect("slaw");
    let (_, back) = back.cell_parts().expect("parsed");
    let T::A(words) = &big else { unreachable!() };
    assert_eq!(back.as_atom().expect("an atom").words(), &words[..]);
    let ux = alone(&mut kk, "scot", &T::c(cord(b"ux"), big.clone())).expect("scot");
    let hex: Vec<u8> = bytes_of(ux)[2..]
        .iter()
        .copied()
        .filter(|&c| c != b'.')
        .collect();
    let want: String = words.iter().rev().map(|w| format!("{w:016x}")).collect();
    assert_eq!(hex, want.trim_start_matches('0').as_bytes());
    eprintln!(
        "scot %ud and %ux of 64 KB, slaw %ud back: {:?}",
        t.elapsed()
    );
    // vere's wrappers: a cell in the dime, or no dime, is `%exit`.
    for name in ["scot", "scow"] {
        for s in [
            T::a(5),
            T::c(T::c(T::a(1), T::a(2)), T::a(3)),
            T::c(cord(b"ud"), T::c(T::a(1), T::a(2))),
            T::c(cord(b"zz"), T::c(T::a(1), T::a(2))),
        ] {
            assert_eq!(
                alone(&mut kk, name, &s).err(),
                Some(JetError::Exit),
                "{name} {s:?}"
            );
        }
    }
    eprintln!("scot/scow vs Hoon: {n} cases");
}

// ------------------------------------------------------------------ slaw

const SLAW: &str = "|=([a=@tas b=@ta] (slaw a b))";

/// Texts of `%ud`: valid, invalid, and with gaps only the Hoon reads.
const UD_TEXTS: &[(&[u8], bool)] = &[
    (b"0", true),
    (b"1", true),
    (b"12", true),
    (b"123", true),
    (b"1.000", true),
    (b"12.345.678", true),
    (b"18.446.744.073.709.551.615", true),
    (b"18.446.744.073.709.551.616", true),
    (b"340.282.366.920.938.463.463.374.607.431.768.211.456", true),
    (b"", true),
    (b"00", true),
    (b"01", true),
    (b"0.000", true),
    (b"1000", true),
    (b"1234", true),
    (b"1.00", true),
    (b"1.0000", true),
    (b".000", true),
    (b"1.", true),
    (b"1..000", true),
    (b"1,000", true),
    (b"-1", true),
    (b"1.00a", true),
    (b"a", true),
    (b"1\x00", true),
    (b"1.\x00000", true),
    // `dog` allows a gap after the dot: vere would say `~`, the jet punts.
    (b"1.\n000", false),
    (b"1.  000", false),
    (b"1. 000", false),
    (b"1 000", false),
    (b" 1", false),
    (b"1.::c\n000", false),
];

/// Is `t` `@ud` as vere's `u3s_sift_ud` reads it?
fn strict_ud(t: &[u8]) -> bool {
    if t == b"0" {
        return true;
    }
    let lead = t.len() % 4;
    lead != 0
        && (b'1'..=b'9').contains(&t[0])
        && t[..lead].iter().all(u8::is_ascii_digit)
        && t[lead..]
            .chunks(4)
            .all(|g| g[0] == b'.' && g[1..].iter().all(u8::is_ascii_digit))
}

/// Texts of `%tas`.
const TAS_TEXTS: &[&[u8]] = &[
    b"a", b"abc", b"foo-bar", b"a1-2-", b"z9", b"", b"1a", b"-a", b"A", b"aB", b"a b", b"a.b",
    b"a\0b", b"a\xff",
];

/// Texts of `%p`, and whether vere's parser reads their shape.
const P_TEXTS: &[(&[u8], bool)] = &[
    (b"~zod", true),
    (b"~nec", true),
    (b"~fes", true),
    (b"~mar", true),
    (b"~doz", true),
    (b"~abc", true),
    (b"~marzod", true),
    (b"~fipfes", true),
    (b"~marmar", true),
    (b"~zodzod", true),
    (b"~dozmar", true),
    (b"~doznec", true),
    (b"~dozzod", true),
    (b"~sampel-palnet", true),
    (b"~dozzod-dozzod", true),
    (b"~dozmar-dozzod", true),
    (b"~marzod-dozzod", true),
    (b"~dozzod-marzod", true),
    (b"~sampel-palnez", true),
    (b"~zodzod-palnet", true),
    (b"~sampel-palnet-sampel", true),
    (b"~doznec-dozzod-dozzod", true),
    (b"~sampel-palnet-sampel-palnet", true),
    (b"~dozzod-dozzod-dozzod-dozzod", true),
    (b"~dozzod-dozzod-marzod-dozzod", true),
    (b"~fipfes-fipfes-fipfes-fipfes", true),
    (b"~sampel-palnet-sampel-palnet--sampel-palnet-sampel-palnet", true),
    (b"~dozzod-dozzod-dozzod-dozzod--dozzod-dozzod-dozzod-dozzod", true),
    (b"~dozzod-dozzod-dozzod-doznec--dozzod-dozzod-dozzod-dozzod", true),
    (b"~marzod-dozzod-dozzod-dozzod--dozzod-dozzod-dozzod-dozzod", true),
    (b"~fipfes-fipfes-fipfes-fipfes--fipfes-fipfes-fipfes-fipfes", true),
    (b"~sampel-palnet-sampel-palnet--sampel-palnet-sampel-palzzz", true),
    (b"~zod\0", true),
    (b"~zod\0x", true),
    (b"~marzod\0-marzod", true),
    // Shapes vere punts on.
    (b"", false),
    (b"~", false),
    (b"zod", false),
    (b"~zo", false),
    (b"~zodx", false),
    (b"~ZOD", false),
    (b"~marzod-", false),
    (b"~marzod-mar", false),
    (b"~marzod--marzod", false),
    (b"~marzod-marzod-marzod-marzod-marzod", false),
    (b"~marzod-marzod-marzod-marzod--marzod", false),
    (b"~marzod--marzod-marzod-marzod-marzod", false),
    (b"~marzod-marzod--marzod-marzod-marzod-marzod", false),
    (b"~sampel-palnet-sampel-palnet--sampel-palnet-sampel-palnet-", false),
    (b"~sampel-palnet-sampel-palnet--\nsampel-palnet-sampel-palnet", false),
    (b"~sampel-palnet-sampel-palnet--sampel-palnet-sampel-palnet--sampel-palnet-sampel-palnet-sampel-palnet", false),
    (b"~sampel_palnet", false),
];

/// Texts of `%da`, and whether vere's parser reads their shape.
const DA_TEXTS: &[(&[u8], bool)] = &[
    (b"~2023.1.1", true),
    (b"~2023.12.31", true),
    (b"~2023.2.29", true),
    (b"~2024.2.29", true),
    (b"~2000.3.1", true),
    (b"~1900.3.1", true),
    (b"~1.1.1", true),
    (b"~2023.2.30", true),
    (b"~2023.1.99", true),
    (b"~2023.1.123456789012345678901234567890", true),
    (b"~2023.10.1", true),
    (b"~2023.11.1", true),
    (b"~2023.1.1..12.34.56", true),
    (b"~2023.1.1..0.0.0", true),
    (b"~2023.1.1..00.00.00", true),
    (b"~2023.1.1..99.99.99", true),
    (b"~2023.1.1..123456789012345678901234567890.0.0", true),
    (b"~2023.1.1..12.34.56..abcd", true),
    (b"~2023.1.1..12.34.56..0000.ffff", true),
    (b"~2023.1.1..12.34.56..1234.5678.9abc.def0", true),
    (b"~2023.1.1..0.0.0..0000", true),
    (b"~1-.1.1", true),
    (b"~44-.3.15..12.0.0", true),
    (b"~292277024400-.1.1", true),
    (b"~292277024401-.1.1", true),
    (b"~292277024402-.1.1", true),
    (b"~123456789012345678901234567890.6.15", true),
    (b"~123456789012345678901234567890-.6.15", true),
    (b"~18446744073709551616.1.1", true),
    // Five fraction groups: `yule` decrements 0.
    (b"~2023.1.1..12.34.56..1234.5678.9abc.def0.1111", true),
    (b"~2023.1.1\0", true),
    (b"~2023.1.1\0..1.2.3", true),
    // Shapes vere punts on.
    (b"", false),
    (b"~", false),
    (b"2023.1.1", false),
    (b"~2023", false),
    (b"~2023.1", false),
    (b"~2023.1.", false),
    (b"~0.1.1", false),
    (b"~02023.1.1", false),
    (b"~2023.0.1", false),
    (b"~2023.13.1", false),
    (b"~2023.01.1", false),
    (b"~2023.1.0", false),
    (b"~2023.1.01", false),
    (b"~2023.1.1.", false),
    (b"~2023.1.1..", false),
    (b"~2023.1.1..1", false),
    (b"~2023.1.1..1.2", false),
    (b"~2023.1.1..1.2.", false),
    (b"~2023.1.1..1.2.3.", false),
    (b"~2023.1.1..1.2.3..", false),
    (b"~2023.1.1..1.2.3..abc", false),
    (b"~2023.1.1..1.2.3..abcde", false),
    (b"~2023.1.1..1.2.3..ABCD", false),
    (b"~2023.1.1..1.2.3..abcd.", false),
    (b"~2023.1.1..1.2.3..abcd..abcd", false),
    (b"~2023.1.1.1.2.3", false),
    (b"~2023+.1.1", false),
    (b"~2023.1.1 ", false),
];

#[test]
fn slaw_texts() {
    let Some(k) = boot() else { return };
    let mut n = 0;
    let slaw = |aura: &[u8], t: &[u8], native: bool| {
        hoon(&k, SLAW, "slaw", &T::c(cord(aura), cord(t)), native)
    };
    for &(t, native) in UD_TEXTS {
        slaw(b"ud", t, native);
        n += 1;
    }
    for t in TAS_TEXTS {
        slaw(b"tas", t, true);
        n += 1;
    }
    for &(t, native) in P_TEXTS {
        slaw(b"p", t, native);
        n += 1;
    }
    for &(t, native) in DA_TEXTS {
        slaw(b"da", t, native);
        n += 1;
    }
    // Auras vere punts on.
    for (aura, t) in [
        (&b"ux"[..], &b"0x1f"[..]),
        (b"ux", b"0x1.0000"),
        (b"uv", b"0v1f"),
        (b"ta", b"~.abc"),
        (b"t", b"~~abc"),
        (b"f", b"&"),
        (b"sd", b"-5"),
        (b"", b"5"),
    ] {
        slaw(aura, t, false);
        n += 1;
    }
    // Random `@ud` texts: digits and dots, around the shape.
    let ud_text = vec(
        prop_oneof![4 => b'0'..=b'9', 2 => Just(b'.'), 1 => Just(b' ')],
        0..24,
    );
    n += random(ud_text, |t| {
        // A text with a space is the Hoon's when it is not `@ud` as vere
        // reads it.
        let native = !t.contains(&b' ') || strict_ud(&t);
        slaw(b"ud", &t, native);
    });
    // Random `@tas` texts.
    let tas_text = vec(
        prop_oneof![6 => b'a'..=b'z', 2 => b'0'..=b'9', 1 => Just(b'-'), 1 => any::<u8>()],
        0..12,
    );
    n += random(tas_text, |t| {
        slaw(b"tas", &t, true);
    });
    eprintln!("slaw vs Hoon: {n} texts");

    // vere's wrapper: no `[mod txt]`, or a cell text, is `%exit`.
    let mut kk = k.borrow_mut();
    for s in [
        T::a(5),
        T::c(cord(b"ud"), T::c(T::a(1), T::a(2))),
        T::c(cord(b"tas"), T::c(T::a(1), T::a(2))),
        T::c(cord(b"p"), T::c(T::a(1), T::a(2))),
        T::c(cord(b"da"), T::c(T::a(1), T::a(2))),
    ] {
        assert_eq!(
            alone(&mut kk, "slaw", &s).err(),
            Some(JetError::Exit),
            "slaw {s:?}"
        );
    }
    // A cell aura punts.
    let s = T::c(T::c(T::a(1), T::a(2)), cord(b"5"));
    assert_eq!(alone(&mut kk, "slaw", &s).err(), Some(JetError::Punt));
}

/// Known products of `slaw`.
#[test]
fn slaw_products() {
    let Some(k) = boot() else { return };
    let mut kk = k.borrow_mut();
    let mut unit = |aura: &[u8], t: &[u8]| -> Option<Noun> {
        let got = alone(&mut kk, "slaw", &T::c(cord(aura), cord(t))).expect("slaw");
        got.cell_parts().map(|(h, u)| {
            assert_eq!(h.as_direct(), Some(0));
            u
        })
    };
    let small = |n: Option<Noun>| n.and_then(|n| n.as_atom()).and_then(|a| a.as_u64());
    assert_eq!(small(unit(b"ud", b"1.000")), Some(1000));
    assert_eq!(small(unit(b"ud", b"0")), Some(0));
    assert_eq!(small(unit(b"ud", b"1.0000")), None);
    assert_eq!(small(unit(b"tas", b"foo-bar")), Some(0x0072_6162_2d6f_6f66));
    assert_eq!(small(unit(b"p", b"~zod")), Some(0));
    assert_eq!(small(unit(b"p", b"~nec")), Some(1));
    assert_eq!(small(unit(b"p", b"~marzod")), Some(256));
    assert_eq!(small(unit(b"p", b"~dozmar")), None);
    assert_eq!(small(unit(b"p", b"~dozzod-dozzod")), None);
    // As the compiler reads them (`fed:ag`, `when:so` and `year`).
    drop(kk);
    for (aura, t) in [
        (&b"p"[..], &b"~sampel-palnet"[..]),
        (b"p", b"~sampel-palnet-sampel-palnet"),
        (
            b"p",
            b"~doznec-dozzod-dozzod-dozzod--dozzod-dozzod-dozzod-dozzod",
        ),
        (b"da", b"~2000.1.1"),
        (b"da", b"~2023.7.4..12.34.56..abcd.ef01"),
        (b"da", b"~44-.3.15..12.0.0"),
    ] {
        let text = std::str::from_utf8(t).expect("ascii");
        let mut kk = k.borrow_mut();
        let want = kk.wish(&format!("`@`{text}"));
        let want = kk.rt.keep(want);
        let got = alone(&mut kk, "slaw", &T::c(cord(aura), cord(t))).expect("slaw");
        let (_, u) = got.cell_parts().expect("parsed");
        assert!(mars_noun::noun_eq(u, kk.rt.root(want)), "{text}");
        kk.rt.release(want);
    }
}

/// `v` printed in `aura` by the Hoon's `scot` (vere's, and so the jet,
/// punt on `%p` and `%da`).
fn printed(k: &RefCell<Kernel>, aura: &str, v: &T) -> Vec<u8> {
    let s = T::c(cord(aura.as_bytes()), v.clone());
    match k.borrow_mut().run(SCOT, "scot", &s, Mode::Jet) {
        common::Outcome::Product(p) => bytes_of(p),
        common::Outcome::Crash(m) => panic!("scot %{aura} {v:?}: {m:?}"),
    }
}

/// `@p` and `@da` round trips: the Hoon's `scot` prints, `slaw` parses
/// (natively where vere's parser knows the shape).
#[test]
fn slaw_round_trips() {
    let Some(k) = boot() else { return };
    let mut n = 0;
    // `~a`, `~ab`, `~ab-ab` to `~ab-ab-ab-ab`, and comets of 8 words are
    // vere's; comets of 5 to 7 words punt.
    let mut ship = |v: T| {
        let native = v.small().is_some() || matches!(&v, T::A(w) if w[1] >> 48 != 0);
        let text = printed(&k, "p", &v);
        hoon(&k, SLAW, "slaw", &T::c(cord(b"p"), cord(&text)), native);
        n += 1;
    };
    for v in [
        T::a(0),
        T::a(1),
        T::a(255),
        T::a(256),
        T::a(0xffff),
        T::a(0x1_0000),
        T::a(0xffff_ffff),
        T::a(0x1_0000_0000),
        T::a(0x1_0000_ffff),
        T::a(0x1_0001_0000),
        T::a(u64::MAX),
        bex(64),
        bex(111),
        bex(112),
        ones(128),
        T::big(0x1234_5678_9abc_def0_1234_5678_9abc_def0),
    ] {
        ship(v);
    }
    // Galaxies to comets.
    let ships = prop_oneof![
        (0u64..256).prop_map(T::a),
        (256u64..0x1_0000).prop_map(T::a),
        (0x1_0000u64..=0xffff_ffff).prop_map(T::a),
        any::<u64>().prop_map(T::a),
        any::<u128>().prop_map(T::big),
        any::<u128>().prop_map(|x| T::big(x | 1 << 127)),
    ];
    random(ships, &mut ship);
    // Dates: whole days, seconds, and fractions; AD and BC.
    let epoch = {
        let mut kk = k.borrow_mut();
        let d = kk.wish("`@`~2000.1.1");
        let w = d.as_atom().expect("an atom").words().to_vec();
        u128::from(w[0]) | u128::from(w[1]) << 64
    };
    let mut date = |v: T| {
        let text = printed(&k, "da", &v);
        hoon(&k, SLAW, "slaw", &T::c(cord(b"da"), cord(&text)), true);
        n += 1;
    };
    for v in [
        T::big(epoch),
        T::big(epoch + (1 << 64)),
        T::big(epoch + 0x8000),
        T::big(epoch + 1),
        T::big(epoch | 0xffff_ffff_ffff_ffff),
        T::a(0),
        T::a(1),
        bex(127),
        ones(128),
        bex(130),
    ] {
        date(v);
    }
    let dates = prop_oneof![
        any::<u128>().prop_map(|x| T::big(x & !0xffff_ffff_ffff_ffff)),
        any::<u128>().prop_map(T::big),
        any::<u64>().prop_map(move |x| T::big(epoch + (u128::from(x) << 32))),
        (any::<u64>(), any::<u64>()).prop_map(|(a, b)| T::A(vec![b, a, a % 7])),
    ];
    random(dates, &mut date);
    eprintln!("slaw round trips vs Hoon: {n} cases");
}

// -------------------------------------------------------------------- po

#[test]
fn po() {
    let Some(k) = boot() else { return };
    let tos = "|=(a=@ (tos:po a))";
    let tod = "|=(a=@ (tod:po a))";
    let ins = "|=(a=@tas (ins:po a))";
    let ind = "|=(a=@tas (ind:po a))";
    let mut n = 0;
    let mut sylls = Vec::new();
    for i in 0..256u64 {
        let pre = hoon(&k, tos, "po_tos", &T::a(i), true).expect("a prefix");
        let suf = hoon(&k, tod, "po_tod", &T::a(i), true).expect("a suffix");
        sylls.push((
            pre.as_direct().expect("3 bytes"),
            suf.as_direct().expect("3 bytes"),
        ));
        n += 2;
    }
    assert_eq!(sylls[0], (0x7a_6f64, 0x64_6f7a)); // 'doz', 'zod'
    assert_eq!(sylls[1], (0x72_616d, 0x63_656e)); // 'mar', 'nec'
    for big in [T::a(256), T::a(1000), bex(64), bex(200)] {
        hoon(&k, tos, "po_tos", &big, true);
        hoon(&k, tod, "po_tod", &big, true);
        n += 2;
    }
    for (i, &(pre, suf)) in sylls.iter().enumerate() {
        let i = i as u64;
        let a = hoon(&k, ins, "po_ins", &T::a(pre), true);
        let b = hoon(&k, ind, "po_ind", &T::a(suf), true);
        let idx = |u: Option<Noun>| {
            u.and_then(|u| u.cell_parts())
                .and_then(|(_, v)| v.as_direct())
        };
        assert_eq!(idx(a), Some(i));
        assert_eq!(idx(b), Some(i));
        // Each in the other's table, and with a fourth byte.
        hoon(&k, ins, "po_ins", &T::a(suf), true);
        hoon(&k, ind, "po_ind", &T::a(pre), true);
        hoon(&k, ins, "po_ins", &T::a(pre | 0x6100_0000), true);
        hoon(&k, ind, "po_ind", &T::a(suf | 1 << 40), true);
        n += 6;
    }
    for a in [
        T::a(0),
        T::a(0x6f64),
        T::a(0x7a_6f64 | 1 << 24),
        T::A(vec![0x64_6f7a, 1]),
        cord(b"ZOD"),
        cord(b"zo\0"),
        bex(64),
    ] {
        hoon(&k, ins, "po_ins", &a, true);
        hoon(&k, ind, "po_ind", &a, true);
        n += 2;
    }
    // vere: a cell fails for `ins`, `ind`; is `%exit` for `tos`, `tod`.
    let cell = T::c(T::a(1), T::a(2));
    assert_eq!(
        jet_only(&k, "po_ins", &cell).err(),
        Some(JetError::Fail(Mote::Fail))
    );
    assert_eq!(
        jet_only(&k, "po_ind", &cell).err(),
        Some(JetError::Fail(Mote::Fail))
    );
    assert_eq!(jet_only(&k, "po_tos", &cell).err(), Some(JetError::Exit));
    assert_eq!(jet_only(&k, "po_tod", &cell).err(), Some(JetError::Exit));
    eprintln!("po vs Hoon: {n} cases");
}

// -------------------------------------------------------------------- ob

#[test]
fn ob() {
    let Some(k) = boot() else { return };
    let fein = "|=(a=@ (fein:ob a))";
    let fynd = "|=(a=@ (fynd:ob a))";
    let mut n = 0;
    let edges = [
        T::a(0),
        T::a(1),
        T::a(0xffff),
        T::a(0x1_0000),
        T::a(0x1_0001),
        T::a(0xfffe_ffff),
        T::a(0xffff_0000),
        T::a(0xffff_fffe),
        T::a(0xffff_ffff),
        T::a(0x1_0000_0000),
        T::a(0x1_0000_ffff),
        T::a(0x1_0001_0000),
        T::a(0xffff_ffff_0000_ffff),
        T::a(0xffff_ffff_ffff_ffff),
        bex(64),
        ones(65),
        bex(128),
    ];
    for a in &edges {
        hoon(&k, fein, "ob_fein", a, true);
        hoon(&k, fynd, "ob_fynd", a, true);
        n += 2;
    }
    let any_ship = prop_oneof![
        (0x1_0000u64..=0xffff_ffff).prop_map(T::a),
        any::<u64>().prop_map(T::a),
        (0xffff_0000u64..=0xffff_ffff).prop_map(T::a),
    ];
    n += random(any_ship.clone(), |a| {
        hoon(&k, fein, "ob_fein", &a, true);
    });
    n += random(any_ship, |a| {
        hoon(&k, fynd, "ob_fynd", &a, true);
    });
    // Native round trips.
    let mut x = 0x1234_5678u64;
    for _ in 0..1 << 16 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let v = x >> (x % 33);
        let f = mars_jets::aura::ob_fein::fein_u64(v).expect("fein");
        assert_eq!(mars_jets::aura::ob_fynd::fynd_u64(f), Some(v), "{v:#x}");
    }
    assert_eq!(
        jet_only(&k, "ob_fein", &T::c(T::a(1), T::a(2))).err(),
        Some(JetError::Exit)
    );
    assert_eq!(
        jet_only(&k, "ob_fynd", &T::c(T::a(1), T::a(2))).err(),
        Some(JetError::Exit)
    );
    eprintln!("fein/fynd vs Hoon: {n} cases");
}

// ------------------------------------------------------- muk, pow, sqt

#[test]
fn muk() {
    let Some(k) = boot() else { return };
    let src = "|=([s=@ l=@ k=@] (muk s l k))";
    let mut n = 0;
    let case = |s: T, l: u64, key: T| T::tuple(&[s, T::a(l), key]);
    // Where the Hoon runs: a key word for every whole block of `len`.
    for (s, l, key) in [
        (T::a(0), 0, T::a(0)),
        (T::a(0), 1, T::a(0)),
        (T::a(0), 3, T::a(0)),
        (T::a(0xcafe_babe), 1, T::a(5)),
        (T::a(0xcafe_babe), 2, T::a(0x1234)),
        (T::a(0xcafe_babe), 4, T::a(0x1234_5678)),
        (T::a(0xdead_beef), 5, T::a(0x12_3456_7890)),
        (T::a(0xdead_beef), 7, T::a(0x12_3456_7890)),
        (T::a(0), 8, T::a(0x1234_5678_0000_0001)),
        (T::a(0), 6, T::a(0x0000_0001)),
        (bex(32), 4, T::a(0xffff_ffff)),
        (ones(64), 4, T::a(0xffff_ffff)),
        (bex(100), 3, T::a(0xff_ffff)),
        (T::a(0), 16, T::big(1 << 96 | 7)),
        (T::a(7), 1024, noise(128, 3)),
        (T::a(7), 1026, noise(128, 3)),
    ] {
        hoon(&k, src, "muk", &case(s, l, key), true);
        n += 1;
    }
    // A key longer than `len`: `%exit`, in the Hoon and in vere.
    for (l, key) in [(0, T::a(1)), (1, T::a(0x100)), (4, T::a(1 << 32))] {
        assert!(hoon(&k, src, "muk", &case(T::a(0), l, key), true).is_none());
        n += 1;
    }
    let sample =
        (any::<u64>(), vec(any::<u8>(), 0..40), 0usize..8).prop_map(|(s, mut key, pad)| {
            while key.last() == Some(&0) {
                key.pop();
            }
            // At most as many whole blocks as the key has words.
            let max_pad = 4 * key.len().div_ceil(4) + 3 - key.len();
            let len = key.len() + pad.min(max_pad);
            T::tuple(&[T::a(s), T::a(len as u64), cord(&key)])
        });
    n += random(sample, |s| {
        hoon(&k, src, "muk", &s, true);
    });
    // Where vere and the Hoon part, vere's: zero padding past the key is
    // hashed (the Hoon's `snag` crashes).
    for (l, key) in [
        (4u32, &b""[..]),
        (8, b"a"),
        (12, b"abcde"),
        (1000, b"xyz"),
        (1 << 20, b"abcdefgh"),
    ] {
        let mut padded = key.to_vec();
        padded.resize(l as usize, 0);
        let want = mars_noun::murmur3_32(&padded, 0xcafe_babe);
        let got = jet_only(&k, "muk", &case(T::a(0xcafe_babe), u64::from(l), cord(key)));
        assert_eq!(got.ok().and_then(|g| g.as_direct()), Some(u64::from(want)));
    }
    // The longest length vere takes: 2 GB of padding, hashed unstored
    // (half a second in release; a 16 MB one in debug).
    let long = if cfg!(debug_assertions) {
        1 << 24
    } else {
        (1 << 31) - 1
    };
    let got = jet_only(&k, "muk", &case(T::a(0), long, T::a(5)));
    assert!(got.is_ok_and(|g| g.as_direct().is_some()));
    // A length of 2^31 and up fails; a cell is `%exit`.
    assert_eq!(
        jet_only(&k, "muk", &case(T::a(0), 1 << 31, T::a(0))).err(),
        Some(JetError::Fail(Mote::Fail))
    );
    assert_eq!(
        jet_only(
            &k,
            "muk",
            &T::tuple(&[T::a(0), T::a(1), T::c(T::a(1), T::a(2))])
        )
        .err(),
        Some(JetError::Exit)
    );
    // `mug` is `muk` with seeds and lengths of its own.
    let mug = mars_noun::mug_words(&[5]);
    let h = jet_only(&k, "muk", &case(T::a(0xcafe_babe), 1, T::a(5))).expect("muk");
    let h = h.as_direct().expect("32 bits") as u32;
    assert_eq!((h >> 31) ^ (h & 0x7fff_ffff), mug);
    eprintln!("muk vs Hoon: {n} cases");
}

#[test]
fn pow() {
    let Some(k) = boot() else { return };
    let src = "|=([a=@ b=@] (pow a b))";
    let mut n = 0;
    for (a, b) in [
        (T::a(0), 0u64),
        (T::a(0), 5),
        (T::a(5), 0),
        (T::a(1), 1 << 30),
        (T::a(0), (1 << 31) - 1),
        (T::a(2), 10),
        (T::a(2), 63),
        (T::a(2), 64),
        (T::a(2), 1000),
        (T::a(3), 41),
        (T::a(3), 200),
        (T::a(10), 30),
        (T::a(u64::MAX), 3),
        (bex(64), 2),
        (T::big(u128::MAX), 5),
        (noise(16, 1), 3),
    ] {
        hoon(&k, src, "pow", &T::c(a, T::a(b)), true);
        n += 1;
    }
    let sample = (any_atom(), 0u64..24).prop_map(|(a, b)| T::c(a, T::a(b)));
    n += random(sample, |s| {
        hoon(&k, src, "pow", &s, true);
    });
    // vere: an exponent past a direct atom fails, even where the Hoon
    // would finish; `a` a cell is `%exit`; a power past `MAX_BITS` fails.
    let fail = Some(JetError::Fail(Mote::Fail));
    assert_eq!(
        jet_only(&k, "pow", &T::c(T::a(1), T::a(1 << 31))).err(),
        fail
    );
    assert_eq!(jet_only(&k, "pow", &T::c(T::a(0), bex(64))).err(), fail);
    assert_eq!(
        jet_only(&k, "pow", &T::c(T::a(1), T::c(T::a(1), T::a(2)))).err(),
        fail
    );
    assert_eq!(
        jet_only(&k, "pow", &T::c(T::c(T::a(1), T::a(2)), T::a(2))).err(),
        Some(JetError::Exit)
    );
    assert_eq!(
        jet_only(&k, "pow", &T::c(noise(1 << 14, 9), T::a(1 << 20))).err(),
        fail
    );
    assert_eq!(
        jet_only(&k, "pow", &T::c(bex(1000), T::a(1 << 25))).err(),
        fail
    );
    // Pure Nock, no jet at all, on tiny operands.
    for (a, b) in [(2u64, 3u64), (3, 2), (0, 0)] {
        k.borrow_mut()
            .check(src, "pow", &T::c(T::a(a), T::a(b)), Mode::Nock);
        n += 1;
    }
    eprintln!("pow vs Hoon: {n} cases");
}

#[test]
fn sqt() {
    let Some(k) = boot() else { return };
    let src = "|=(a=@ (sqt a))";
    let mut n = 0;
    let mut edges: Vec<T> = [0u64, 1, 2, 3, 4, 5, 8, 9, 15, 16, 17, 99, 100, u64::MAX]
        .iter()
        .map(|&x| T::a(x))
        .collect();
    for b in [32, 63, 64, 65, 127, 128, 129, 256] {
        edges.push(bex(b));
        edges.push(ones(b));
    }
    edges.push(T::big((u128::from(u64::MAX)) * u128::from(u64::MAX)));
    edges.push(noise(16, 5));
    for a in &edges {
        hoon(&k, src, "sqt", a, true);
        n += 1;
    }
    n += random(any_atom(), |a| {
        hoon(&k, src, "sqt", &a, true);
    });
    assert_eq!(
        jet_only(&k, "sqt", &T::c(T::a(1), T::a(2))).err(),
        Some(JetError::Exit)
    );
    for a in [0u64, 1, 5, 9] {
        k.borrow_mut().check(src, "sqt", &T::a(a), Mode::Nock);
        n += 1;
    }
    eprintln!("sqt vs Hoon: {n} cases");
}
