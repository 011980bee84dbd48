//! The pure jet functions against independent models, on operands far
//! larger than the unary Hoon arms can be run on (`dec` of 2^64, `sub` of
//! two kilobyte atoms): arithmetic against `dashu-int` (`add`, `sub`,
//! `dec`, comparisons and `bex` do not use it), bit operations against a
//! vector of bits.

use dashu_int::ops::BitTest;
use dashu_int::UBig;
use mars_jets::{bits, math};
use mars_nock::JetError;
use mars_noun::{Atom, Heap, HeapConfig, Noun};
use proptest::collection::vec;
use proptest::prelude::*;

fn heap() -> Heap {
    Heap::new(HeapConfig {
        nursery_bytes: 4 << 20,
        limit_bytes: 1 << 30,
        ..HeapConfig::default()
    })
    .expect("heap")
}

fn atom(heap: &mut Heap, w: &[u64]) -> Atom {
    heap.atom_from_words(w).as_atom().expect("atom")
}

fn big(n: Noun) -> UBig {
    UBig::from_words(n.as_atom().expect("atom").words())
}

fn ubig(w: &[u64]) -> UBig {
    UBig::from_words(w)
}

/// Words: mostly small or word-sized, sometimes long, sometimes at a
/// word boundary (2^64k ± 1).
fn words() -> impl Strategy<Value = Vec<u64>> {
    prop_oneof![
        (0u64..8).prop_map(|v| vec![v]),
        any::<u64>().prop_map(|v| vec![v]),
        (0usize..4, any::<bool>()).prop_map(|(k, minus)| {
            if minus {
                vec![u64::MAX; k + 1]
            } else {
                let mut w = vec![0; k + 2];
                w[k + 1] = 1;
                w[0] = 1;
                w
            }
        }),
        vec(any::<u64>(), 1..40),
    ]
}

fn bits_of(w: &[u64]) -> Vec<bool> {
    let mut b: Vec<bool> = (0..w.len() * 64)
        .map(|i| (w[i / 64] >> (i % 64)) & 1 == 1)
        .collect();
    while b.last() == Some(&false) {
        b.pop();
    }
    b
}

fn of_bits(b: &[bool]) -> UBig {
    let mut w = vec![0u64; b.len().div_ceil(64).max(1)];
    for (i, &x) in b.iter().enumerate() {
        if x {
            w[i / 64] |= 1 << (i % 64);
        }
    }
    UBig::from_words(&w)
}

fn blocks(b: &[bool], bloq: u32) -> Vec<Vec<bool>> {
    b.chunks(1 << bloq).map(<[bool]>::to_vec).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arithmetic(a in words(), b in words()) {
        let mut h = heap();
        let (x, y) = (atom(&mut h, &a), atom(&mut h, &b));
        let (ua, ub) = (ubig(&a), ubig(&b));
        prop_assert_eq!(big(math::add::add(&mut h, x, y)), &ua + &ub);
        prop_assert_eq!(big(math::mul::mul(&mut h, x, y)), &ua * &ub);
        match math::sub::sub(&mut h, x, y) {
            Ok(d) => prop_assert_eq!(big(d), &ua - &ub),
            Err(e) => {
                prop_assert_eq!(e, JetError::Exit);
                prop_assert!(ua < ub);
            }
        }
        match math::dec::dec(&mut h, x) {
            Ok(d) => prop_assert_eq!(big(d) + UBig::ONE, ua.clone()),
            Err(_) => prop_assert_eq!(ua.clone(), UBig::ZERO),
        }
        if ub == UBig::ZERO {
            prop_assert_eq!(math::div::div(&mut h, x, y).err(), Some(JetError::Exit));
            prop_assert_eq!(math::mod_::rem(&mut h, x, y).err(), Some(JetError::Exit));
            prop_assert_eq!(math::dvr::dvr(&mut h, x, y).err(), Some(JetError::Exit));
        } else {
            let q = big(math::div::div(&mut h, x, y).expect("div"));
            let r = big(math::mod_::rem(&mut h, x, y).expect("mod"));
            prop_assert!(r < ub);
            prop_assert_eq!(&q * &ub + &r, ua.clone());
            let qr = math::dvr::dvr(&mut h, x, y).expect("dvr");
            let (p, m) = qr.cell_parts().expect("cell");
            prop_assert_eq!((big(p), big(m)), (q, r));
        }
        let (na, nb) = (x.as_noun(), y.as_noun());
        let yes = |n: Result<Noun, JetError>| n.expect("loobean").as_loobean().expect("loobean");
        prop_assert_eq!(yes(math::lth::lth(na, nb)), ua < ub);
        prop_assert_eq!(yes(math::lte::lte(na, nb)), ua <= ub);
        prop_assert_eq!(yes(math::gth::gth(na, nb)), ua > ub);
        prop_assert_eq!(yes(math::gte::gte(na, nb)), ua >= ub);
        prop_assert_eq!(big(math::max::max(na, nb).expect("max")), (&ua).max(&ub).clone());
        prop_assert_eq!(big(math::min::min(na, nb).expect("min")), (&ua).min(&ub).clone());
    }

    #[test]
    fn axes(a in words(), b in words()) {
        let mut h = heap();
        let (x, y) = (atom(&mut h, &a), atom(&mut h, &b));
        let (ua, ub) = (ubig(&a), ubig(&b));
        let met = ua.bit_len();
        if met < 2 {
            prop_assert_eq!(math::cap::cap(x).err(), Some(JetError::Exit));
            prop_assert_eq!(math::mas::mas(&mut h, x).err(), Some(JetError::Exit));
        } else {
            let second = ua.bit(met - 2);
            prop_assert_eq!(math::cap::cap(x).expect("cap").as_direct(), Some(2 + u64::from(second)));
            let top = UBig::ONE << (met - 1);
            let want = (&ua - &top) | (UBig::ONE << (met - 2));
            prop_assert_eq!(big(math::mas::mas(&mut h, x).expect("mas")), want);
        }
        if ua == UBig::ZERO || ub == UBig::ZERO {
            prop_assert_eq!(math::peg::peg(&mut h, x, y).err(), Some(JetError::Exit));
        } else {
            let path = ub.bit_len() - 1;
            let want = (&ua << path) | (&ub - (UBig::ONE << path));
            prop_assert_eq!(big(math::peg::peg(&mut h, x, y).expect("peg")), want);
        }
    }

    #[test]
    fn logic_and_measures(a in words(), b in words(), bloq in 0u32..10) {
        let mut h = heap();
        let (x, y) = (atom(&mut h, &a), atom(&mut h, &b));
        let (ua, ub) = (ubig(&a), ubig(&b));
        prop_assert_eq!(big(bits::con::con(&mut h, x, y)), &ua | &ub);
        prop_assert_eq!(big(bits::dis::dis(&mut h, x, y)), &ua & &ub);
        prop_assert_eq!(big(bits::mix::mix(&mut h, x, y)), &ua ^ &ub);
        prop_assert_eq!(bits::xeb::xeb(x).as_direct(), Some(ua.bit_len() as u64));
        let n = bits_of(&a).len().div_ceil(1 << bloq) as u64;
        let bl = h.atom_u64(u64::from(bloq)).as_atom().expect("atom");
        prop_assert_eq!(bits::met::met(bl, x).as_direct(), Some(n));
    }

    #[test]
    fn bex(n in 0u64..5000) {
        let mut h = heap();
        let x = atom(&mut h, &[n]);
        prop_assert_eq!(big(bits::bex::bex(&mut h, x).expect("bex")), UBig::ONE << n as usize);
    }

    #[test]
    fn slices(d in words(), bloq in 0u32..9, from in 0u64..200, len in 0u64..200) {
        let mut h = heap();
        let x = atom(&mut h, &d);
        let bits = bits_of(&d);
        let size = 1usize << bloq;
        let from_bits = (from as usize) * size;
        let len_bits = (len as usize) * size;
        let slice: Vec<bool> = bits.iter().copied().skip(from_bits).take(len_bits).collect();
        prop_assert_eq!(big(bits::cut::cut(&mut h, bloq, Some(from), Some(len), x)), of_bits(&slice));
        let low: Vec<bool> = bits.iter().copied().take(len_bits).collect();
        prop_assert_eq!(big(bits::end::end(&mut h, bloq, Some(len), x)), of_bits(&low));
        let high: Vec<bool> = bits.iter().copied().skip(from_bits).collect();
        prop_assert_eq!(big(bits::rsh::rsh(&mut h, bloq, Some(from), x)), of_bits(&high));
        let mut shifted = vec![false; from_bits];
        shifted.extend(&bits);
        prop_assert_eq!(big(bits::lsh::lsh(&mut h, bloq, Some(from), x).expect("lsh")), of_bits(&shifted));
    }

    #[test]
    fn assembly(items in vec((0u64..6, words()), 0..6), bloq in 0u32..8, step in 0u64..5) {
        let mut h = heap();
        let size = 1usize << bloq;
        let atoms: Vec<Atom> = items.iter().map(|(_, w)| atom(&mut h, w)).collect();
        // can: each item cut to its own step.
        let mut out = Vec::new();
        for (p, w) in &items {
            let mut piece: Vec<bool> = bits_of(w).into_iter().take(*p as usize * size).collect();
            piece.resize(*p as usize * size, false);
            out.extend(piece);
        }
        let pairs: Vec<(Option<u64>, Atom)> = items.iter().zip(&atoms).map(|((p, _), a)| (Some(*p), *a)).collect();
        prop_assert_eq!(big(bits::can::can(&mut h, bloq, &pairs).expect("can")), of_bits(&out));
        // rep: each item cut to `step`.
        let mut out = Vec::new();
        for (_, w) in &items {
            let mut piece: Vec<bool> = bits_of(w).into_iter().take(step as usize * size).collect();
            piece.resize(step as usize * size, false);
            out.extend(piece);
        }
        prop_assert_eq!(big(bits::rep::rep(&mut h, bloq, Some(step), &atoms).expect("rep")), of_bits(&out));
        // rap: each item in whole blocks.
        let mut out = Vec::new();
        for (_, w) in &items {
            let mut piece = bits_of(w);
            piece.resize(piece.len().div_ceil(size) * size, false);
            out.extend(piece);
        }
        prop_assert_eq!(big(bits::rap::rap(&mut h, bloq, &atoms).expect("rap")), of_bits(&out));
        // cat of the first two.
        if let [b, c, ..] = atoms.as_slice() {
            let mut low = bits_of(b.words());
            low.resize(low.len().div_ceil(size) * size, false);
            low.extend(bits_of(c.words()));
            prop_assert_eq!(big(bits::cat::cat(&mut h, bloq, *b, *c).expect("cat")), of_bits(&low));
        }
    }

    #[test]
    fn disassembly(d in words(), bloq in 0u32..8, step in 1u64..4, len in 0u64..100) {
        let mut h = heap();
        let x = atom(&mut h, &d);
        let bits = bits_of(&d);
        let size = 1usize << bloq;
        // rip: pieces of `step` blocks, lowest first.
        let mut list = bits::rip::rip(&mut h, bloq, Some(step), x).expect("rip");
        let pieces: Vec<Vec<bool>> = bits.chunks(size * step as usize).map(<[bool]>::to_vec).collect();
        for p in &pieces {
            let (item, rest) = list.cell_parts().expect("a piece");
            prop_assert_eq!(big(item), of_bits(p));
            list = rest;
        }
        prop_assert_eq!(list.as_direct(), Some(0));
        // swp: blocks reversed.
        let mut bl = blocks(&bits, bloq);
        if let Some(last) = bl.last_mut() {
            last.resize(size, false);
        }
        let rev: Vec<bool> = bl.iter().rev().flatten().copied().collect();
        prop_assert_eq!(big(bits::swp::swp(&mut h, bloq, x)), of_bits(&rev));
        // rev: the low `len` blocks reversed in a field of `len`.
        let mut field: Vec<Vec<bool>> = blocks(&bits, bloq).into_iter().take(len as usize).collect();
        for b in &mut field {
            b.resize(size, false);
        }
        field.resize(len as usize, vec![false; size]);
        let rev: Vec<bool> = field.iter().rev().flatten().copied().collect();
        prop_assert_eq!(big(bits::rev::rev(&mut h, bloq, Some(len), x).expect("rev")), of_bits(&rev));
    }
}
