//! The secure hashes (`shax`, `shay`, `shas`, `shal`, `sha-1l:sha`) and
//! `raw:og`: each jet against its own Hoon (compiled from the ivory pill,
//! every other jet on) on small messages, against published test vectors
//! (FIPS 180 / NIST CAVP examples) in Urbit's byte order, and on vere's
//! limits.
//!
//! Skipped, with a message, when `shared/` is absent (the vector and limit
//! tests call the jets directly and always run).

mod common;

use common::hoon::Kernel;
use common::{Mode, Outcome, T};
use mars_jets::table;
use mars_nock::{JetError, Mote, Runtime};
use mars_noun::{HeapConfig, Noun};
use proptest::collection::vec;
use proptest::prelude::*;
use std::cell::RefCell;

/// An atom from bytes, least significant first.
fn bytes(b: &[u8]) -> T {
    let mut w = vec![0u64; b.len().div_ceil(8).max(1)];
    for (i, x) in b.iter().enumerate() {
        w[i / 8] |= u64::from(*x) << (8 * (i % 8));
    }
    T::A(w)
}

/// An atom from a big-endian hex string (how digests are published).
fn hex_be(s: &str) -> T {
    let mut b: Vec<u8> = (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect();
    b.reverse();
    bytes(&b)
}

/// An atom whose little-endian bytes are the hex string's bytes in order
/// (how `shay`'s digest bytes land in an atom).
fn hex_le(s: &str) -> T {
    let b: Vec<u8> = (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect();
    bytes(&b)
}

fn runtime() -> Runtime {
    Runtime::new(HeapConfig::default()).expect("runtime")
}

/// The jet `name` alone on a gate-shaped core `[0 sample 0]`.
fn call(rt: &mut Runtime, name: &str, sample: &T) -> Result<Noun, JetError> {
    let gate = table::gate(name).unwrap_or_else(|| panic!("no jet %{name}"));
    let s = sample.build(&mut rt.heap);
    let payload = rt.heap.cell(s, Noun::ZERO);
    let core = rt.heap.cell(Noun::ZERO, payload);
    (gate.jet)(rt, core)
}

fn gives(name: &str, sample: T, want: T) {
    let mut rt = runtime();
    let got = call(&mut rt, name, &sample).unwrap_or_else(|e| panic!("%{name} {sample:?}: {e:?}"));
    let want = want.build(&mut rt.heap);
    assert!(
        mars_noun::noun_eq(got, want),
        "%{name} {sample:?}: {} not {}",
        mars_noun::fmt::render(got, 100),
        mars_noun::fmt::render(want, 100)
    );
}

use common::runner;

/// Check `src` (a wrapper gate) against its Hoon on every fixed sample and
/// on `n` random ones. Returns the number of cases.
fn prove<S>(k: &mut Kernel, src: &str, name: &str, fixed: &[T], random: S, n: u32) -> usize
where
    S: Strategy<Value = T>,
{
    for s in fixed {
        k.check(src, name, s, Mode::Hoon);
    }
    let k = RefCell::new(k);
    let count = RefCell::new(fixed.len());
    runner(n)
        .run(&random, |s| {
            k.borrow_mut().check(src, name, &s, Mode::Hoon);
            *count.borrow_mut() += 1;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("%{name}: {e}"));
    let n = count.into_inner();
    eprintln!("%{name} vs its Hoon: {n} cases");
    n
}

/// Messages of up to `max` bytes, with a trailing byte that may be 0 (so
/// `met` and the given length part).
fn message(max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(any::<u8>(), 0..=max)
}

// ------------------------------------------------------------ vectors

const ABC_256: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const EMPTY_256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const TWO_BLOCK: &[u8] = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const TWO_BLOCK_256: &str = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
const ABC_512: &str = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
                       2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
const ABC_1: &str = "a9993e364706816aba3e25717850c26c9cd0d89d";
const EMPTY_1: &str = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const TWO_BLOCK_1: &str = "84983e441c3bd26ebaae4aa1f95129e5e54670f1";

#[test]
fn nist_vectors_in_urbit_byte_order() {
    // shax/shay: the message is the cord's bytes, the digest lands with its
    // first byte lowest.
    gives("shax", bytes(b"abc"), hex_le(ABC_256));
    gives("shay", T::c(T::a(3), bytes(b"abc")), hex_le(ABC_256));
    gives("shay", T::c(T::a(0), T::a(0)), hex_le(EMPTY_256));
    gives("shax", T::a(0), hex_le(EMPTY_256));
    gives(
        "shay",
        T::c(T::a(TWO_BLOCK.len() as u64), bytes(TWO_BLOCK)),
        hex_le(TWO_BLOCK_256),
    );
    gives("shal", T::c(T::a(3), bytes(b"abc")), hex_le(ABC_512));
    // A million 'a's (FIPS 180-2 appendix B.3 / C.3).
    let million = vec![b'a'; 1_000_000];
    gives(
        "shay",
        T::c(T::a(1_000_000), bytes(&million)),
        hex_le("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    );
    gives(
        "shal",
        T::c(T::a(1_000_000), bytes(&million)),
        hex_le(
            "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb\
             de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b",
        ),
    );
    // sha-1l: big-endian in and out, so the message "abc" is the atom
    // 0x616263 and the digest reads as the published hex.
    gives("sha1", T::c(T::a(3), hex_be("616263")), hex_be(ABC_1));
    gives("sha1", T::c(T::a(0), T::a(0)), hex_be(EMPTY_1));
    let mut be = TWO_BLOCK.to_vec();
    be.reverse();
    gives(
        "sha1",
        T::c(T::a(TWO_BLOCK.len() as u64), bytes(&be)),
        hex_be(TWO_BLOCK_1),
    );
}

#[test]
fn lengths_past_the_atom_are_zero_bytes() {
    // (shay 5 'abc') hashes "abc\0\0"; sha1 pads on the big end.
    let mut want = [0u8; 5];
    want[..3].copy_from_slice(b"abc");
    let mut rt = runtime();
    let a = call(&mut rt, "shay", &T::c(T::a(5), bytes(b"abc"))).expect("shay");
    let b = call(&mut rt, "shay", &T::c(T::a(5), bytes(&want))).expect("shay");
    assert!(mars_noun::noun_eq(a, b));
    // A zero length hashes nothing, whatever the atom.
    gives("shay", T::c(T::a(0), bytes(b"abc")), hex_le(EMPTY_256));
    gives("sha1", T::c(T::a(0), bytes(b"abc")), hex_be(EMPTY_1));
}

#[test]
fn vere_limits_and_ill_typed_samples() {
    let mut rt = runtime();
    let big = T::big(1 << 32);
    for name in ["shay", "shal", "sha1"] {
        assert_eq!(
            call(&mut rt, name, &T::c(big.clone(), T::a(1))).err(),
            Some(JetError::Fail(Mote::Fail)),
            "%{name}: a length of 2^32 fails, as in vere"
        );
        assert_eq!(
            call(&mut rt, name, &T::c(T::c(T::a(1), T::a(2)), T::a(1))).err(),
            Some(JetError::Exit)
        );
        assert_eq!(
            call(&mut rt, name, &T::c(T::a(1), T::c(T::a(1), T::a(2)))).err(),
            Some(JetError::Exit)
        );
    }
    assert_eq!(
        call(&mut rt, "shax", &T::c(T::a(1), T::a(2))).err(),
        Some(JetError::Exit)
    );
    // raw:og: vere takes a bit count below 2^31 only.
    let a = rt.heap.atom_u64(5).as_atom().expect("atom");
    let b = rt.heap.atom_u64(1 << 31).as_atom().expect("atom");
    assert_eq!(
        mars_jets::sha::og::raw(&mut rt.heap, a, b).err(),
        Some(JetError::Fail(Mote::Fail))
    );
    assert_eq!(
        call(&mut rt, "shas", &T::c(T::c(T::a(1), T::a(2)), T::a(1))).err(),
        Some(JetError::Exit)
    );
}

#[test]
fn shas_hashes_at_least_32_bytes() {
    // vere's urcrypt_shas: sha-256 of (mix sal (shax ruz)) over
    // (max 32 (met 3 sal)) bytes, even when the mix's top byte is 0.
    use sha2::{Digest, Sha256};
    let mid = Sha256::digest(b"hi");
    let mut sal = [0u8; 32];
    sal[31] = mid[31];
    sal[0] = 7;
    let mut buf = [0u8; 32];
    for i in 0..32 {
        buf[i] = sal[i] ^ mid[i];
    }
    let want = Sha256::digest(buf);
    gives("shas", shas_cancelling_salt(), bytes(&want));
}

/// `[sal 'hi']` with a salt whose top byte cancels the top byte of
/// `(shax 'hi')`.
fn shas_cancelling_salt() -> T {
    use sha2::{Digest, Sha256};
    let mid = Sha256::digest(b"hi");
    let mut sal = [0u8; 32];
    sal[31] = mid[31];
    sal[0] = 7;
    T::c(bytes(&sal), bytes(b"hi"))
}

// ------------------------------------------------------------ vs the Hoon

#[test]
fn against_the_hoon() {
    let Some(mut k) = Kernel::boot() else { return };
    let edges: Vec<T> = vec![
        T::a(0),
        T::a(1),
        bytes(b"abc"),
        bytes(&[0xff; 55]),
        bytes(&[0xff; 56]),
        bytes(&[0x80; 64]),
        bytes(&[1; 65]),
    ];
    let src = "|=(a=@ (shax a))";
    prove(
        &mut k,
        src,
        "shax",
        &edges,
        message(300).prop_map(|b| bytes(&b)),
        100,
    );

    let src = "|=([a=@ b=@] (shay a b))";
    let fixed: Vec<T> = [0u64, 1, 3, 5, 55, 56, 64, 70]
        .iter()
        .map(|&n| T::c(T::a(n), bytes(b"abc")))
        .collect();
    let random = (0u64..300, message(300)).prop_map(|(n, b)| T::c(T::a(n), bytes(&b)));
    prove(&mut k, src, "shay", &fixed, random, 100);

    let src = "|=([a=@ b=@] (shal a b))";
    let fixed: Vec<T> = [0u64, 3, 111, 112, 128, 130]
        .iter()
        .map(|&n| T::c(T::a(n), bytes(b"abc")))
        .collect();
    let random = (0u64..260, message(200)).prop_map(|(n, b)| T::c(T::a(n), bytes(&b)));
    prove(&mut k, src, "shal", &fixed, random, 64);

    let src = "|=([a=@ b=@] (sha-1l:sha a b))";
    let fixed: Vec<T> = [0u64, 1, 3, 55, 56, 64, 70]
        .iter()
        .map(|&n| T::c(T::a(n), bytes(b"abc")))
        .collect();
    let random = (0u64..300, message(300)).prop_map(|(n, b)| T::c(T::a(n), bytes(&b)));
    prove(&mut k, src, "sha1", &fixed, random, 100);
    // `sha-1:sha` measures its input and calls the same gate.
    k.check("|=(a=@ (sha-1:sha a))", "sha1", &bytes(b"abc"), Mode::Hoon);

    // shas: salts of up to 32 bytes whose mix keeps a nonzero top byte
    // (where this kelvin's Hoon hashes fewer bytes, vere decides:
    // `shas_hashes_at_least_32_bytes`), and longer salts.
    let src = "|=([a=@ b=@] (shas a b))";
    let fixed = vec![
        T::c(T::a(0), T::a(0)),
        T::c(bytes(&[0xff; 40]), bytes(b"abc")),
        T::c(bytes(&[0x01; 33]), T::a(0)),
    ];
    let random = (message(48), message(80))
        .prop_map(|(s, m)| T::c(bytes(&s), bytes(&m)))
        .prop_filter("the Hoon hashes what vere hashes", mixes_to_32_bytes);
    prove(&mut k, src, "shas", &fixed, random, 100);
    // Where the mix's top byte is 0, this kelvin's Hoon hashes fewer bytes
    // than vere: the two part, and the jet is vere's.
    let sample = shas_cancelling_salt();
    let jet = k.run(src, "shas", &sample, Mode::Jet);
    let Outcome::Product(p) = jet else {
        panic!("shas crashed")
    };
    let p = k.rt.keep(p);
    let Outcome::Product(q) = k.run(src, "shas", &sample, Mode::Hoon) else {
        panic!("the Hoon of shas crashed")
    };
    assert!(
        !mars_noun::noun_eq(k.rt.root(p), q),
        "the Hoon of this kelvin agrees after all"
    );

    // raw:og, with seeds and lengths whose blocks hash the same in this
    // kelvin's Hoon `shas` as in vere's (`og_blocks_agree`).
    let src = "|=([a=@ b=@] (~(raw og a) b))";
    let fixed = vec![
        T::c(T::a(0), T::a(0)),
        T::c(T::a(1), T::a(1)),
        T::c(T::a(5), T::a(255)),
        T::c(T::a(5), T::a(256)),
        T::c(T::a(5), T::a(257)),
        T::c(bytes(b"seed"), T::a(1000)),
    ];
    let random = (message(40), 0u64..1200).prop_map(|(s, b)| T::c(bytes(&s), T::a(b)));
    let fixed: Vec<T> = fixed.into_iter().filter(og_blocks_agree).collect();
    let random = random.prop_filter("blocks as in vere", og_blocks_agree);
    prove(&mut k, src, "og_raw", &fixed, random, 60);
}

/// Are all of `raw:og`'s `shas` calls on `[a b]` ones where this kelvin's
/// Hoon hashes what vere hashes (a mix with a nonzero top byte)?
fn og_blocks_agree(s: &T) -> bool {
    use sha2::{Digest, Sha256};
    let T::C(a, b) = s else { return false };
    let (T::A(a), Some(mut b)) = (&**a, b.small()) else {
        return false;
    };
    let le = |w: &[u64]| -> Vec<u8> {
        let mut v: Vec<u8> = w.iter().flat_map(|x| x.to_le_bytes()).collect();
        while v.last() == Some(&0) {
            v.pop();
        }
        v
    };
    let xor = |x: &[u8], y: &[u8]| -> Vec<u8> {
        let n = x.len().max(y.len());
        let mut v: Vec<u8> = (0..n)
            .map(|i| x.get(i).copied().unwrap_or(0) ^ y.get(i).copied().unwrap_or(0))
            .collect();
        while v.last() == Some(&0) {
            v.pop();
        }
        v
    };
    // One `shas`: (shax (mix sal (shax ruz))); fine when the mix keeps 32
    // bytes (the salts here are 4 bytes).
    let shas = |sal: &[u8], ruz: &[u8]| -> Option<Vec<u8>> {
        let mid = Sha256::digest(ruz);
        let m = xor(sal, &mid);
        (m.len() == 32).then(|| Sha256::digest(&m).to_vec())
    };
    let a = le(a);
    let bb = le(&[b]);
    let Some(mut c) = shas(b"og-a", &xor(&bb, &a)) else {
        return false;
    };
    while b > 0 {
        let y = xor(&le(&[b]), &xor(&a, &c));
        let Some(d) = shas(b"og-b", &y) else {
            return false;
        };
        c = d;
        b = b.saturating_sub(256);
    }
    true
}

/// Does `(mix sal (shax ruz))` have exactly `(max 32 (met 3 sal))` bytes
/// (the Hoon then hashes what vere hashes)?
fn mixes_to_32_bytes(s: &T) -> bool {
    use sha2::{Digest, Sha256};
    let T::C(sal, ruz) = s else { return false };
    let le = |t: &T| -> Vec<u8> {
        let T::A(w) = t else { return vec![] };
        let mut b: Vec<u8> = w.iter().flat_map(|x| x.to_le_bytes()).collect();
        while b.last() == Some(&0) {
            b.pop();
        }
        b
    };
    let mid = Sha256::digest(le(ruz));
    let mut m = le(sal);
    let n = m.len().max(32);
    m.resize(n, 0);
    for i in 0..32 {
        m[i] ^= mid[i];
    }
    m[n - 1] != 0
}
