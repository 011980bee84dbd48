//! Differential proof of the text jets (`src/text/`), against their Hoon
//! in product and in crashing:
//!
//! * `trip` against the ivory pill's `hoon.hoon` (with the other jets on,
//!   and on tiny cords with no jet at all).
//! * `leer` (`to-wain:format`) and `lune` (`lune:unix:userlib`) against
//!   the zuse the brass pill ships (`shared/pills/brass-2023.pill` holds
//!   its source text): each arm's text is read out of the pill and
//!   compiled here under a core `~%  %hex  ..ut  ~`, as arvo's, so that
//!   it registers at the path vere's tree jets (`…/pen/hex/leer`).
//! * `lore`, which no zuse in our pills has any more: against the same
//!   `to-wain` text hinted `%lore`. The old arm gives the same lines on
//!   every atom without a zero byte; on one with a zero byte inside, vere
//!   (and so the jet) crashes where the old Hoon stopped, pinned here.
//! * Random texts of up to 400 bytes, rich in newlines and zero bytes;
//!   edge cases (`''`, one newline, no newline at the end, zero bytes in
//!   the middle, a cell); 1 MB texts, jetted only, against a Rust model.
//!
//! Skipped, with a message, when `shared/` is absent.

mod common;

use std::cell::RefCell;

use common::hoon::Kernel;
use common::{shared_dir, Mode, Outcome, T};
use mars_nock::Mote;
use mars_noun::{Heap, HeapConfig, Noun};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// Random cases per gate (more with `MARS_DIFF_CASES`).
fn cases() -> u32 {
    std::env::var("MARS_DIFF_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 8 } else { 64 })
}

/// A deterministic runner (same cases every run; failures shrink).
fn runner() -> TestRunner {
    common::runner(cases())
}

/// A cord of these bytes.
fn cord(bytes: &[u8]) -> T {
    let mut w = vec![0u64; bytes.len().div_ceil(8).max(1)];
    for (i, &b) in bytes.iter().enumerate() {
        w[i / 8] |= u64::from(b) << (8 * (i % 8));
    }
    T::A(w)
}

/// Random text: letters, newlines, zero bytes and any byte.
fn text(max: usize, zeros: bool) -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        6 => b'a'..=b'e',
        3 => Just(10u8),
        if zeros { 1 } else { 0 } => Just(0u8),
        1 => 1u8..=255,
    ];
    vec(byte, 0..=max)
}

/// Check `src` on each fixed text and on `cases()` random ones, in `mode`.
fn prove<S>(k: &RefCell<Kernel>, src: &str, name: &str, fixed: &[&[u8]], random: S, mode: Mode)
where
    S: Strategy<Value = Vec<u8>>,
{
    let (mut n, mut crashes) = (0usize, 0usize);
    for s in fixed {
        n += 1;
        let out = k.borrow_mut().check(src, name, &cord(s), mode);
        crashes += usize::from(out.is_none());
    }
    let counts = RefCell::new((0usize, 0usize));
    runner()
        .run(&random, |s| {
            let out = k.borrow_mut().check(src, name, &cord(&s), mode);
            let mut c = counts.borrow_mut();
            c.0 += 1;
            c.1 += usize::from(out.is_none());
            Ok(())
        })
        .unwrap_or_else(|e| panic!("%{name}: {e}"));
    let (rn, rc) = counts.into_inner();
    eprintln!(
        "%{name} vs {mode:?}: {} cases, {} crashing alike",
        n + rn,
        crashes + rc
    );
}

/// The edge texts every gate gets.
const EDGES: &[&[u8]] = &[
    b"",
    b"\n",
    b"\n\n",
    b"a",
    b"a\n",
    b"a\nb",
    b"a\nb\n",
    b"\nab\n\ncd\n",
    b"a\0b\n",
    b"\0\0a\n",
    b"a\n\0\n",
    b"\xff\xfe\n\x01",
];

/// The items of a list of direct atoms.
fn atoms(mut l: Noun) -> Option<Vec<u64>> {
    let mut out = Vec::new();
    while let Some((i, t)) = l.cell_parts() {
        out.push(i.as_direct()?);
        l = t;
    }
    (l.as_direct() == Some(0)).then_some(out)
}

/// The byte strings of a list of cords.
fn cords(mut l: Noun) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    while let Some((i, t)) = l.cell_parts() {
        out.push(i.as_atom()?.to_le_bytes());
        l = t;
    }
    (l.as_direct() == Some(0)).then_some(out)
}

/// Slam `src` on the atom of `bytes`, built in the heap, with every jet
/// (asserting that `name` was called).
fn slam_big(k: &RefCell<Kernel>, src: &str, name: &str, bytes: &[u8]) -> Result<Noun, Mote> {
    let mut k = k.borrow_mut();
    k.rt.set_jet_stats(true);
    let before = k.calls(name);
    let gate = k.gate(src);
    let sample = k.rt.heap.atom_from_le_bytes(bytes);
    let out = k.rt.slam(gate, sample).map_err(|b| b.mote());
    assert!(k.calls(name) > before, "%{name} was not called");
    out
}

/// A megabyte of text: lines of 0 to 99 letters, some zero bytes, ending
/// in a newline.
fn megabyte(zeros: bool) -> Vec<u8> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut out = Vec::with_capacity(1 << 20);
    while out.len() < (1 << 20) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        for i in 0..(x % 100) {
            let b = b'a' + ((x >> (i % 50)) % 26) as u8;
            out.push(if zeros && i % 37 == 5 { 0 } else { b });
        }
        out.push(10);
    }
    out
}

/// The model of `to-wain`: split at every newline, one line more than
/// there are newlines.
fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split(|&b| b == 10)
        .map(|l| {
            let end = l.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
            l[..end].to_vec()
        })
        .collect()
}

// ------------------------------------------------------------------ trip

#[test]
fn trip() {
    let Some(k) = Kernel::boot().map(RefCell::new) else {
        return;
    };
    let src = "|=(a=@ (trip a))";
    prove(&k, src, "trip", EDGES, text(400, true), Mode::Hoon);
    // No jet at all: `met`, `end` and `rsh` in unary Nock, one byte only.
    prove(
        &k,
        src,
        "trip",
        &[b"", b"a", b"\n"],
        text(1, true),
        Mode::Nock,
    );
    // A cell: `met` of it in the Hoon, vere's wrapper here.
    let bad = T::c(T::a(1), T::a(2));
    assert!(k
        .borrow_mut()
        .check(src, "trip", &bad, Mode::Hoon)
        .is_none());
    // Multi-word cords whose high bytes are zero in places.
    let mut k2 = k.borrow_mut();
    for w in [vec![0, 1], vec![1, 0, 0, 5], vec![u64::MAX, 0, 1 << 56]] {
        k2.check(src, "trip", &T::A(w), Mode::Hoon);
    }
    drop(k2);
    // A megabyte, with zero bytes in it.
    let mb = megabyte(true);
    let got = slam_big(&k, src, "trip", &mb).ok().and_then(atoms);
    let want: Vec<u64> = mb.iter().map(|&b| u64::from(b)).collect();
    assert_eq!(got, Some(want));
    let got = slam_big(&k, src, "trip", &[0, 0, 7]).ok().and_then(atoms);
    assert_eq!(got, Some(vec![0, 0, 7]));
}

// ------------------------------------------------------- zuse's line arms

/// The source of zuse, from the brass pill (the one atom that starts
/// `::  /sys/zuse`).
fn zuse() -> Option<String> {
    let path = shared_dir()?.join("pills/brass-2023.pill");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: no {}", path.display());
        return None;
    };
    let mut heap = Heap::new(HeapConfig {
        limit_bytes: 1 << 30,
        ..HeapConfig::default()
    })
    .expect("heap");
    let pill = mars_serial::cue(&mut heap, &bytes).expect("cue the brass pill");
    // The pill is a DAG: visit each noun once.
    let mut seen = std::collections::HashSet::new();
    let mut todo = vec![pill];
    while let Some(n) = todo.pop() {
        if !seen.insert(n.raw()) {
            continue;
        }
        match n.cell_parts() {
            Some((h, t)) => {
                todo.push(h);
                todo.push(t);
            }
            None => {
                let a = n.as_atom()?;
                if a.byte_len() > 1000 {
                    let b = a.to_le_bytes();
                    if b.starts_with(b"::  /sys/zuse") {
                        return String::from_utf8(b).ok();
                    }
                }
            }
        }
    }
    panic!("no zuse source in the brass pill");
}

/// The body of the arm `++  name` in `src`: the lines after its `++`
/// line, up to the next line indented no deeper than it.
fn arm(src: &str, name: &str) -> String {
    let lines: Vec<&str> = src.lines().collect();
    let head = format!("++  {name}");
    let start = lines
        .iter()
        .position(|l| {
            l.trim_start().starts_with(&head) && l.trim_start()[head.len()..].starts_with(' ')
        })
        .unwrap_or_else(|| panic!("no ++{name} in zuse"));
    let indent = |l: &str| l.len() - l.trim_start().len();
    let depth = indent(lines[start]);
    let body: Vec<&str> = lines[start + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || indent(l) > depth)
        .copied()
        .collect();
    body.join("\n")
}

/// The gate `body` compiled under a core `hex` whose parent is the layer
/// with `ut` (vere's `…/pen/hex`), relabelled `%label`.
fn under_hex(body: &str, from: &str, label: &str) -> String {
    let hint = format!("~%  %{from}  ..part  ~");
    assert!(body.contains(&hint), "{hint} in {body}");
    let body = body.replace(&hint, &format!("~%  %{label}  ..part  ~"));
    format!("=>  ~%  %hex  ..ut  ~  |%  ++  part  ~  --\n{body}")
}

struct Arms {
    leer: String,
    lune: String,
    lore: String,
}

fn arms() -> Option<(RefCell<Kernel>, Arms)> {
    let zuse = zuse()?;
    let k = Kernel::boot()?;
    let wain = arm(&zuse, "to-wain");
    let arms = Arms {
        leer: under_hex(&wain, "leer", "leer"),
        lore: under_hex(&wain, "leer", "lore"),
        lune: under_hex(&arm(&zuse, "lune"), "lune", "lune"),
    };
    Some((RefCell::new(k), arms))
}

/// Is `src`'s gate registered at `…/pen/hex/name`?
fn at_hex(k: &RefCell<Kernel>, src: &str, name: &str) {
    let mut k = k.borrow_mut();
    let g = k.gate(src);
    assert_eq!(
        k.rt.cold().path_of(g),
        Some(format!("k140/one/two/tri/qua/pen/hex/{name}").as_str())
    );
}

fn render(o: &Outcome) -> Result<String, Mote> {
    match o {
        Outcome::Product(p) => Ok(mars_noun::fmt::render(*p, 300)),
        Outcome::Crash(m) => Err(*m),
    }
}

/// Does the cord of `t` (its bytes up to the last nonzero one) end in a
/// newline, or is it empty? There vere-v3.0's `leer` and the Hoon differ.
fn ends_in_newline(t: &[u8]) -> bool {
    let end = t.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    end == 0 || t[end - 1] == 10
}

#[test]
fn leer() {
    let Some((k, arms)) = arms() else { return };
    let src = arms.leer.as_str();
    at_hex(&k, src, "leer");
    // Equal to the Hoon wherever the last line is not empty.
    let fixed: Vec<&[u8]> = EDGES
        .iter()
        .copied()
        .filter(|t| !ends_in_newline(t))
        .collect();
    let random = text(400, true).prop_filter("last line not empty", |t| !ends_in_newline(t));
    prove(&k, src, "leer", &fixed, random, Mode::Hoon);
    // vere-v3.0 drops an empty last line (the Hoon keeps it).
    for (t, want) in [
        (&b""[..], "0"),
        (b"a\n", "[97 0]"),
        (b"\n", "[0 0]"),
        (b"a\n\n\0", "[97 0 0]"),
        (b"a", "[97 0]"),
    ] {
        let p = slam_big(&k, src, "leer", t).ok();
        assert_eq!(
            p.map(|p| mars_noun::fmt::render(p, 50)).as_deref(),
            Some(want),
            "{t:?}"
        );
    }
    let cell = T::c(T::a(1), T::a(2));
    assert!(k
        .borrow_mut()
        .check(src, "leer", &cell, Mode::Hoon)
        .is_none());
    // A megabyte, zero bytes and all.
    let mb = megabyte(true);
    let got = slam_big(&k, src, "leer", &mb).ok().and_then(cords);
    let mut want = lines(&mb);
    if ends_in_newline(&mb) {
        want.pop();
    }
    assert_eq!(got, Some(want));
}

#[test]
fn lune() {
    let Some((k, arms)) = arms() else { return };
    let src = arms.lune.as_str();
    at_hex(&k, src, "lune");
    prove(&k, src, "lune", EDGES, text(400, true), Mode::Hoon);
    // Texts that end in a newline, as unix files do.
    let unix = text(400, true).prop_map(|mut t| {
        t.push(10);
        t
    });
    prove(&k, src, "lune", &[], unix, Mode::Hoon);
    let cell = T::c(T::a(1), T::a(2));
    assert!(k
        .borrow_mut()
        .check(src, "lune", &cell, Mode::Hoon)
        .is_none());
    let mb = megabyte(true);
    let got = slam_big(&k, src, "lune", &mb).ok().and_then(cords);
    let mut want = lines(&mb);
    want.pop();
    assert_eq!(got, Some(want));
    // No newline at the end: `%noeol`.
    let got = slam_big(&k, src, "lune", &mb[..mb.len() - 1]);
    assert_eq!(got.err(), Some(Mote::Exit));
}

#[test]
fn lore() {
    let Some((k, arms)) = arms() else { return };
    let src = arms.lore.as_str();
    at_hex(&k, src, "lore");
    let clean: Vec<&[u8]> = EDGES.iter().copied().filter(|t| !t.contains(&0)).collect();
    prove(&k, src, "lore", &clean, text(400, false), Mode::Hoon);
    let mb = megabyte(false);
    let got = slam_big(&k, src, "lore", &mb).ok().and_then(cords);
    assert_eq!(got, Some(lines(&mb)));
    // A zero byte inside: vere's `u3qe_lore` exits (the old Hoon stopped
    // there; `to-wain` keeps it in the line).
    for t in [&b"a\0b"[..], b"\0a", b"a\n\0\n", b"ab\ncd\0\n"] {
        let mut kk = k.borrow_mut();
        kk.rt.set_jet_stats(true);
        let jet = render(&kk.run(src, "lore", &cord(t), Mode::Jet));
        assert_eq!(jet, Err(Mote::Exit), "%lore of {t:?}");
    }
    let got = slam_big(&k, src, "lore", &megabyte(true));
    assert_eq!(got.err(), Some(Mote::Exit));
}
