//! The jam vectors of `shared/spec/nouns.md` §2.5, both ways, and cue's
//! negative vectors (§3).

mod common;

use common::{bits_to_bytes, hex, noun, unhex};
use mars_noun::{noun_eq, Heap, Noun};
use mars_serial::{cue, cue_atom, jam, jam_atom, CueErrorKind};

/// (noun in notation, jam bytes in hex), from nouns.md §2.5.
const VECTORS: &[(&str, &str)] = &[
    ("0", "02"),
    ("1", "0c"),
    ("2", "48"),
    ("%fast", "c0 37 0b 9b a3 03"),
    ("%full", "c0 37 ab 63 63 03"),
    ("[0 0]", "29"),
    ("[1 1]", "31 03"),
    ("[1 2]", "31 12"),
    ("[2 3]", "21 d1"),
    ("[%fast %full]", "01 df 2c 6c 8e 0e 7c b3 3a 36 36"),
    ("[1 1 1]", "71 cc"),
    ("[1 2 3]", "71 48 34"),
    ("[%fast %full %fast]", "01 df 2c 6c 8e 1e f0 cd ea d8 d8 93"),
    ("[[1 2] 3]", "c5 48 34"),
    ("[[1 2] [1 2] 1 2]", "c5 c8 26 27 01"),
    ("[[0 0] [[0 0] 1 1] 1 1]", "a5 35 19 f3 18 05"),
    (
        "[[[1 [2 [3 [4 [5 6 7 [8 0] 0] 0] 0] 0] 0] 0] 0]",
        "15 17 b2 d0 85 59 b8 61 87 5f 10 54 55 05",
    ),
    (
        "['abcdefjhijklmnopqrstuvwxyz' 2 3 'abcdefjhijklmnopqrstuvwxyz']",
        "01 f8 0c 13 1b 23 2b 33 53 43 4b 53 5b 63 6b 73 7b 83 8b 93 9b a3 ab b3 bb c3 cb d3 87 0c 3d 09",
    ),
    ("3", "68"),
    ("[3 3]", "a1 d1"),
    ("[4 4]", "61 4e 02"),
    ("[[1 2] [1 2]]", "c5 c8 49"),
    ("[[0 0] [0 0]]", "a5 93"),
    ("[12345678 12345678]", "01 d1 29 8c 77 12"),
    ("0x1_0000_0000", "80 01 00 00 00 20"),
    ("0xffff_ffff_ffff_ffff", "00 81 ff ff ff ff ff ff ff 7f"),
    ("0x1_0000_0000_0000_0000", "00 03 00 00 00 00 00 00 00 80"),
    ("[%live ~]", "01 9f 2d cd ae 2c"),
    ("[%ripe [1 139 4] 0 0]", "01 5f 2e 0d ae 5c 1c 88 45 cc 14"),
    ("[%live %save 5]", "01 9f 2d cd ae 1c f0 e7 c2 ec ca b8"),
    ("[%live %exit 0]", "01 9f 2d cd ae 1c f0 cb f0 d2 e8 02"),
    ("[%live %meld ~]", "01 9f 2d cd ae 1c f0 db ca d8 c8 02"),
    ("[%live %pack ~]", "01 9f 2d cd ae 1c f0 e1 c2 c6 d6 02"),
    ("[%peek %done ~]", "01 1f ae ac 6c 1d f0 c9 de dc ca 02"),
    ("[%play %done 0x1234]", "01 1f 8e 2d 2c 1f f0 c9 de dc ca 60 69 24"),
    ("[%work %done 6 0x1234 ~]", "01 ff ee 4d 6e 1d f0 c9 de dc ca 61 07 96 46 0a"),
    ("[%work %bail ~[[%exit ~]]]", "01 ff ee 4d 6e 1d f0 c5 c2 d2 d8 05 fc 32 bc 34 ba 02"),
    ("[%slog 0 %leaf \"hi\"]", "01 7f 8e ed ed 9c 01 9f ad 2c cc 1c 1c 1d 3c 2d"),
    ("[%flog 'hello']", "01 df 8c ed ed 0c 78 d0 ca d8 d8 de"),
];

/// Check `n` against `want` both ways, as bytes and as an atom.
fn check(heap: &mut Heap, what: &str, n: Noun, want: &[u8]) {
    let got = jam(n);
    assert_eq!(hex(&got), hex(want), "jam {what}");
    let back = cue(heap, want).unwrap_or_else(|e| panic!("cue {what}: {e}"));
    assert!(noun_eq(back, n), "cue {what}: got {back:?}");

    let atom = jam_atom(heap, n);
    assert!(
        noun_eq(atom, heap.atom_from_le_bytes(want)),
        "jam_atom {what}"
    );
    let back = cue_atom(heap, atom.as_atom().expect("atom"))
        .unwrap_or_else(|e| panic!("cue_atom {what}: {e}"));
    assert!(noun_eq(back, n), "cue_atom {what}");
}

#[test]
fn spec_vectors() {
    let mut heap = Heap::with_defaults().expect("heap");
    for &(text, bytes) in VECTORS {
        let text = text.replace('_', "");
        let n = noun(&mut heap, &text);
        check(&mut heap, &text, n, &unhex(bytes));
    }
}

#[test]
fn wide_atom() {
    let mut heap = Heap::with_defaults().expect("heap");
    let n = heap.atom_from_words(&[0, 0, 0, 0, 1]); // 2^256
    let mut want = vec![0x00, 0x0c];
    want.extend([0; 32]);
    want.push(0x08);
    check(&mut heap, "2^256", n, &want);
}

#[test]
fn date_atom() {
    let mut heap = Heap::with_defaults().expect("heap");
    let n = heap.atom_from_le_bytes(&unhex("00 00 00 00 00 00 0c a8 ab 60 ef 2d 0d 00 00 80"));
    let want = unhex("00 02 00 00 00 00 00 00 18 50 57 c1 de 5b 1a 00 00 00 01");
    check(&mut heap, "date", n, &want);
}

#[test]
fn negative_vectors() {
    let mut heap = Heap::with_defaults().expect("heap");
    let kind = |heap: &mut Heap, b: &[u8]| cue(heap, b).map(|_| ()).map_err(|e| e.kind());
    assert_eq!(kind(&mut heap, &[0x01]), Err(CueErrorKind::EndOfInput));
    assert_eq!(kind(&mut heap, &[0x07]), Err(CueErrorKind::UnknownBackref));
    assert_eq!(kind(&mut heap, &[]), Err(CueErrorKind::EndOfInput));
    let zero = cue(&mut heap, &[0x02, 0xff]).expect("trailing byte ignored");
    assert_eq!(zero.as_u64(), Some(0));
    // The atom 0 has no bytes: as a jam it ends at once.
    let e = cue_atom(&mut heap, Noun::ZERO.as_atom().expect("atom")).expect_err("empty");
    assert_eq!(e.kind(), CueErrorKind::EndOfInput);
}

#[test]
fn backref_to_enclosing_cell() {
    let mut heap = Heap::with_defaults().expect("heap");
    // Cell at 0 whose head is a backreference to offset 0.
    let e = cue(&mut heap, &bits_to_bytes("1 0  1 1 1  0 1")).expect_err("unfinished");
    assert_eq!(e.kind(), CueErrorKind::UnfinishedBackref);
    assert_eq!(e.at(), 2);
}

#[test]
fn backref_to_a_backref_is_unknown() {
    let mut heap = Heap::with_defaults().expect("heap");
    // [0 <ref 2> <ref 6>]: the cell at 0 has the atom 0 at 2 and the cell at
    // 4, whose head is a backreference (at 6) to 2 and whose tail refers to 6,
    // where a backreference, not a noun, starts.
    let bits = "1 0  0 1  1 0  1 1 0 0 1 0 0 1  1 1 0 0 1 1 0 1 1";
    let e = cue(&mut heap, &bits_to_bytes(bits)).expect_err("unknown");
    assert_eq!(e.kind(), CueErrorKind::UnknownBackref);
    // The same with a tail backreference to 2 decodes.
    let ok = "1 0  0 1  1 0  1 1 0 0 1 0 0 1  1 1 0 0 1 0 0 1";
    let n = cue(&mut heap, &bits_to_bytes(ok)).expect("valid");
    assert!(noun_eq(n, noun(&mut heap, "[0 0 0]")));
}

#[test]
fn length_prefix_limits() {
    let mut heap = Heap::with_defaults().expect("heap");
    // Atom tag, then 64 zeros and a 1: refused (vere: K >= 64).
    let mut b = vec![0u8; 8];
    b.extend([0x02, 0xff, 0xff]);
    let e = cue(&mut heap, &b).expect_err("K = 64");
    assert_eq!(e.kind(), CueErrorKind::LengthPrefixTooLong);
    // Zeros up to the very end: just the end of the input.
    let e = cue(&mut heap, &[0u8; 8]).expect_err("all zeros");
    assert_eq!(e.kind(), CueErrorKind::EndOfInput);
    // K = 63: a length of at least 2^62 bits; refused before allocating.
    let mut b = vec![0u8; 8];
    b.extend([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    let e = cue(&mut heap, &b).expect_err("K = 63");
    assert_eq!(e.kind(), CueErrorKind::AtomTooLong);
    assert_eq!(e.at(), 1);
}

#[test]
fn atom_longer_than_input() {
    let mut heap = Heap::with_defaults().expect("heap");
    // Atom tag, mat length 100 (K = 7: 7 zeros, 1, 6 low bits of 100), then
    // only 20 bits of value.
    let mut bits = String::from("0 0000000 1 ");
    for i in 0..6 {
        bits.push(if (100 >> i) & 1 == 1 { '1' } else { '0' });
    }
    bits.push_str(&"1".repeat(20));
    let e = cue(&mut heap, &bits_to_bytes(&bits)).expect_err("short");
    assert_eq!(e.kind(), CueErrorKind::AtomTooLong);
    // A huge claimed length costs nothing: no allocation happens.
    let before = heap.stats().allocated_bytes;
    let mut b = vec![0u8; 4];
    b.push(0x80); // 39 zeros then 1: K = 39, length >= 2^38 bits
    b.extend([0xff; 8]);
    let e = cue(&mut heap, &b).expect_err("huge");
    assert_eq!(e.kind(), CueErrorKind::AtomTooLong);
    assert_eq!(heap.stats().allocated_bytes, before);
}

#[test]
fn backref_offset_too_long() {
    let mut heap = Heap::with_defaults().expect("heap");
    // Backref tag, mat with L = 63: K = 6, low bits of 63 = 11111, then 63 bits.
    let mut bits = String::from("1 1 000000 1 11111 ");
    bits.push_str(&"1".repeat(63));
    let e = cue(&mut heap, &bits_to_bytes(&bits)).expect_err("63 bits");
    assert_eq!(e.kind(), CueErrorKind::BackrefTooLong);
    // L = 62 is allowed by the format; there is simply nothing there.
    let mut bits = String::from("1 1 000000 1 01111 ");
    bits.push_str(&"1".repeat(62));
    let e = cue(&mut heap, &bits_to_bytes(&bits)).expect_err("62 bits");
    assert_eq!(e.kind(), CueErrorKind::UnknownBackref);
}

#[test]
fn non_canonical_atoms_are_normalised() {
    let mut heap = Heap::with_defaults().expect("heap");
    // An atom written with 70 bits whose top 69 are zero is 1; a jam of the
    // result is canonical.
    let mut bits = String::from("0 0000000 1 011000 1");
    bits.push_str(&"0".repeat(69));
    let n = cue(&mut heap, &bits_to_bytes(&bits)).expect("valid");
    assert_eq!(n.as_u64(), Some(1));
    assert_eq!(jam(n), vec![0x0c]);
}
