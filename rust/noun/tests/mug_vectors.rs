//! Every mug vector of `shared/spec/nouns.md` §1.2 that does not need cue.

use mars_noun::{mug, Heap, Noun};

fn check(name: &str, n: Noun, want: u32) {
    assert_eq!(mug(n), want, "mug of {name}");
    // A second call reads the cache and must agree.
    assert_eq!(mug(n), want, "cached mug of {name}");
}

#[test]
fn atom_vectors() {
    let mut h = Heap::with_defaults().expect("heap");
    check("0", Noun::direct(0), 0x79ff04e8);
    check("1", Noun::direct(1), 0x715c2a60);
    check("2", Noun::direct(2), 0x718b9468);
    check("3", Noun::direct(3), 0x72a8ef1a);
    let hello = h.atom_str("Hello, world!");
    check("'Hello, world!'", hello, 0x4d441035);
    let xs = h.atom_str(&"x".repeat(28));
    check("28 x", xs, 0x64dfda5c);
    let a = h.atom_from_words(&[0, 1 << 32]);
    check("2^96", a, 0x519bd45c);
    let a = h.atom_from_words(&[1 << 32, 1 << 32]);
    check("2^96+2^32", a, 0x540eb8a9);
    let a = h.atom_from_words(&[(1 << 32) + 1, 1 << 32]);
    check("2^96+2^32+1", a, 0x319d28f9);
    let a = h.atom_from_words(&[0, 0xffff << 32]);
    check("0xffff << 96", a, 0x5230a260);
    let mut bytes = vec![0u8];
    bytes.extend_from_slice(b"abcdefjhijklmnopqrstuvwxyz");
    bytes.push(0x10);
    let a = h.atom_from_le_bytes(&bytes);
    check("28-byte vector", a, 0x34d08717);
    let a = h.atom_u64(1 << 32);
    check("2^32", a, 0x1de7cf81);
    let a = h.atom_u64(u64::MAX);
    check("2^64-1", a, 0x695c8310);
    let a = h.atom_from_words(&[0, 1]);
    check("2^64", a, 0x26a7107f);
    let a = h.atom_str("ripe");
    check("%ripe", a, 0x0d369315);
}

#[test]
fn cell_vectors() {
    let mut h = Heap::with_defaults().expect("heap");
    let d = Noun::direct;
    let c = h.cell(d(0), d(0));
    check("[0 0]", c, 0x192f5588);
    let c = h.cell(d(1), d(1));
    check("[1 1]", c, 0x6b32ec46);
    let c = h.cell(d(2), d(2));
    check("[2 2]", c, 0x02effe10);
    let t32 = h.atom_u64(1 << 32);
    let c = h.cell(d(0), t32);
    check("[0 2^32]", c, 0x07cefb7f);
    let big = h.atom_u128(u128::MAX);
    let c = h.cell(big, d(1));
    check("[2^128-1 1]", c, 0x2aa06bfc);
    let c = h.cell(d(1), d(2));
    check("[1 2]", c, 0x6a36c1d9);
    let c = h.tuple(&[d(1), d(2), d(3)]);
    check("[1 2 3]", c, 0x3a811aec);
    let c = h.list(&[d(1), d(2), d(3)]);
    check("~[1 2 3]", c, 0x1a8cdadd);
    let live = h.atom_str("live");
    let c = h.cell(live, Noun::NULL);
    check("[%live ~]", c, 0x6c732703);
    let ripe = h.atom_str("ripe");
    let ver = h.tuple(&[d(1), d(139), d(4)]);
    let c = h.tuple(&[ripe, ver, d(0), d(0)]);
    check("[%ripe [1 139 4] 0 0]", c, 0x3127b7b9);
}
