//! Property tests: jam agrees with a literal reading of the spec (nouns.md
//! §2.4) on random nouns with sharing, equal copies and big atoms; cue
//! inverts it; and cue of any bytes either fails cleanly or yields a noun
//! that round-trips.

mod common;

use std::collections::HashMap;

use common::eq_dag;
use mars_noun::{mug, Heap, Noun};
use mars_serial::{cue, cue_atom, jam, jam_atom};
use proptest::prelude::*;

/// A recipe for a noun.
#[derive(Debug, Clone)]
enum Shape {
    Small(u64),
    Word(u64),
    Big(Vec<u64>),
    Cell(Box<Shape>, Box<Shape>),
    /// An earlier noun, the same object.
    Again(usize),
    /// An earlier noun, rebuilt: equal, but a distinct object.
    Copy(usize),
}

fn shape() -> impl Strategy<Value = Shape> {
    let leaf = prop_oneof![
        4 => (0u64..300).prop_map(Shape::Small),
        1 => any::<u64>().prop_map(Shape::Word),
        1 => prop::collection::vec(any::<u64>(), 1..6).prop_map(Shape::Big),
        2 => any::<usize>().prop_map(Shape::Again),
        1 => any::<usize>().prop_map(Shape::Copy),
    ];
    leaf.prop_recursive(10, 300, 2, |inner| {
        (inner.clone(), inner).prop_map(|(h, t)| Shape::Cell(Box::new(h), Box::new(t)))
    })
}

/// Rebuild `n` as new objects, keeping its internal sharing.
fn copy(heap: &mut Heap, n: Noun, memo: &mut HashMap<u64, Noun>) -> Noun {
    if let Some(&m) = memo.get(&n.raw()) {
        return m;
    }
    let m = match n.cell_parts() {
        Some((h, t)) => {
            let h = copy(heap, h, memo);
            let t = copy(heap, t, memo);
            heap.cell(h, t)
        }
        None => heap.atom_from_words(n.as_atom().expect("atom").words()),
    };
    memo.insert(n.raw(), m);
    m
}

fn build(heap: &mut Heap, s: &Shape, built: &mut Vec<Noun>) -> Noun {
    let n = match s {
        Shape::Small(v) => Noun::direct(*v),
        Shape::Word(v) => heap.atom_u64(*v),
        Shape::Big(w) => heap.atom_from_words(w),
        Shape::Cell(h, t) => {
            let h = build(heap, h, built);
            let t = build(heap, t, built);
            heap.cell(h, t)
        }
        Shape::Again(i) | Shape::Copy(i) if built.is_empty() => Noun::direct(*i as u64 % 7),
        Shape::Again(i) => built[i % built.len()],
        Shape::Copy(i) => {
            let n = built[i % built.len()];
            copy(heap, n, &mut HashMap::new())
        }
    };
    built.push(n);
    n
}

/// jam as nouns.md §2.4 states it: bit by bit, every first copy entered,
/// seen nouns found by a linear search.
fn reference_jam(root: Noun) -> Vec<u8> {
    fn bit_len(x: u64) -> u64 {
        u64::from(64 - x.leading_zeros())
    }
    fn mat(bits: &mut Vec<bool>, a: mars_noun::Atom) {
        let len = a.bit_len();
        if len == 0 {
            bits.push(true);
            return;
        }
        let k = bit_len(len);
        bits.extend(std::iter::repeat(false).take(k as usize));
        bits.push(true);
        bits.extend((0..k - 1).map(|i| (len >> i) & 1 == 1));
        bits.extend((0..len).map(|i| a.bit(i)));
    }
    let mut bits: Vec<bool> = Vec::new();
    let mut seen: Vec<(Noun, u64)> = Vec::new();
    let mut stack = vec![root];
    while let Some(x) = stack.pop() {
        let pos = bits.len() as u64;
        let off = seen.iter().find(|(s, _)| eq_dag(*s, x)).map(|&(_, o)| o);
        let backref = |bits: &mut Vec<bool>, off: u64| {
            bits.extend([true, true]);
            mat(bits, Noun::direct(off).as_atom().expect("atom"));
        };
        match (x.as_atom(), off) {
            (Some(a), None) => {
                seen.push((x, pos));
                bits.push(false);
                mat(&mut bits, a);
            }
            (Some(a), Some(off)) if a.bit_len() <= bit_len(off) => {
                bits.push(false);
                mat(&mut bits, a);
            }
            (_, Some(off)) => backref(&mut bits, off),
            (None, None) => {
                seen.push((x, pos));
                bits.extend([true, false]);
                let (h, t) = x.cell_parts().expect("cell");
                stack.push(t);
                stack.push(h);
            }
        }
    }
    let mut out = vec![0u8; bits.len().div_ceil(8)];
    for (k, &b) in bits.iter().enumerate() {
        if b {
            out[k / 8] |= 1 << (k % 8);
        }
    }
    out
}

/// cue of arbitrary input: an error, or a noun that round-trips.
fn check_any_input(heap: &mut Heap, bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(n) = cue(heap, bytes) else {
        return Ok(());
    };
    let j = jam(n);
    let n2 = cue(heap, &j).map_err(|e| TestCaseError::fail(format!("re-cue: {e}")))?;
    prop_assert!(eq_dag(n, n2));
    prop_assert!(jam(n2) == j, "jam . cue . jam is not a fixed point");
    // The atom form reads the same noun.
    let a = heap.atom_from_le_bytes(bytes);
    match a.as_atom().map(|a| cue_atom(heap, a)) {
        Some(Ok(n3)) => prop_assert!(eq_dag(n, n3)),
        // Bytes with trailing zeros are a shorter atom: cue_atom may then
        // run out of input where cue read zeros.
        _ => prop_assert!(bytes.last() == Some(&0) || bytes.is_empty()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn jam_matches_reference_and_cue_inverts(s in shape()) {
        let mut heap = Heap::with_defaults().expect("heap");
        let n = build(&mut heap, &s, &mut Vec::new());
        let bytes = jam(n);
        prop_assert_eq!(&bytes, &reference_jam(n));
        prop_assert_ne!(bytes.last(), Some(&0));
        let back = cue(&mut heap, &bytes).expect("cue");
        prop_assert!(eq_dag(back, n));
        prop_assert_eq!(mug(back), mug(n));
        prop_assert!(jam(back) == bytes);
        let atom = jam_atom(&mut heap, n);
        prop_assert!(eq_dag(atom, heap.atom_from_le_bytes(&bytes)));
        let back = cue_atom(&mut heap, atom.as_atom().expect("atom")).expect("cue_atom");
        prop_assert!(eq_dag(back, n));
    }

    #[test]
    fn cue_of_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut heap = Heap::with_defaults().expect("heap");
        check_any_input(&mut heap, &bytes)?;
    }

    #[test]
    fn cue_of_damaged_jams(
        s in shape(),
        flips in prop::collection::vec(any::<usize>(), 0..4),
        cut in any::<usize>(),
        extra in prop::collection::vec(any::<u8>(), 0..4),
    ) {
        let mut heap = Heap::with_defaults().expect("heap");
        let n = build(&mut heap, &s, &mut Vec::new());
        let mut bytes = jam(n);
        let nbits = bytes.len() * 8;
        for f in flips {
            let k = f % nbits;
            bytes[k / 8] ^= 1 << (k % 8);
        }
        if cut % 3 == 0 {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        bytes.extend(extra);
        check_any_input(&mut heap, &bytes)?;
    }
}
