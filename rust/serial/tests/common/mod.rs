//! Helpers shared by the integration tests: a noun notation parser and hex.

#![allow(dead_code)]

use mars_noun::{Heap, Noun};

/// Build a noun from Hoon-like notation: decimal or `0x` atoms, `%term`,
/// `'cord'`, `"tape"`, `~`, `[a b c]` (right-nested) and `~[a b c]` (list).
pub fn noun(heap: &mut Heap, text: &str) -> Noun {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let n = p.noun(heap);
    p.skip_space();
    assert_eq!(p.i, p.s.len(), "trailing text in {text:?}");
    n
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> &[u8] {
        let start = self.i;
        while self.i < self.s.len() && f(self.s[self.i]) {
            self.i += 1;
        }
        &self.s[start..self.i]
    }

    fn items(&mut self, heap: &mut Heap) -> Vec<Noun> {
        assert_eq!(self.s[self.i], b'[');
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            if self.s[self.i] == b']' {
                self.i += 1;
                return items;
            }
            items.push(self.noun(heap));
        }
    }

    fn noun(&mut self, heap: &mut Heap) -> Noun {
        self.skip_space();
        match self.s[self.i] {
            b'[' => {
                let items = self.items(heap);
                assert!(items.len() >= 2, "a cell needs two nouns");
                heap.tuple(&items)
            }
            b'~' if self.s.get(self.i + 1) == Some(&b'[') => {
                self.i += 1;
                let items = self.items(heap);
                heap.list(&items)
            }
            b'~' => {
                self.i += 1;
                Noun::NULL
            }
            b'%' => {
                self.i += 1;
                let t = self
                    .take_while(|c| c.is_ascii_alphanumeric() || c == b'-')
                    .to_vec();
                heap.atom_from_le_bytes(&t)
            }
            q @ (b'\'' | b'"') => {
                self.i += 1;
                let t = self.take_while(|c| c != q).to_vec();
                self.i += 1;
                if q == b'\'' {
                    heap.atom_from_le_bytes(&t)
                } else {
                    let chars: Vec<Noun> = t.iter().map(|&c| Noun::direct(u64::from(c))).collect();
                    heap.list(&chars)
                }
            }
            _ => {
                let t = self.take_while(|c| c.is_ascii_alphanumeric());
                let t = std::str::from_utf8(t).expect("ascii");
                let v = match t.strip_prefix("0x") {
                    Some(h) => u128::from_str_radix(h, 16),
                    None => t.parse::<u128>(),
                }
                .unwrap_or_else(|e| panic!("bad atom {t:?}: {e}"));
                heap.atom_u128(v)
            }
        }
    }
}

/// Bytes from hex with optional spaces.
pub fn unhex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).expect("ascii"), 16).expect("hex"))
        .collect()
}

/// Hex with spaces between bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Bytes from a bit string in write order (`"1 0 1"`, spaces ignored).
pub fn bits_to_bytes(bits: &str) -> Vec<u8> {
    let bits: Vec<bool> = bits
        .bytes()
        .filter(|c| !c.is_ascii_whitespace())
        .map(|c| c == b'1')
        .collect();
    let mut out = vec![0u8; bits.len().div_ceil(8)];
    for (k, &b) in bits.iter().enumerate() {
        if b {
            out[k / 8] |= 1 << (k % 8);
        }
    }
    out
}

/// Structural equality that compares each pair of objects once, so that
/// distinct copies of heavily shared nouns compare in linear time.
pub fn eq_dag(a: Noun, b: Noun) -> bool {
    let mut done = std::collections::HashSet::new();
    let mut stack = vec![(a, b)];
    while let Some((x, y)) = stack.pop() {
        if x.same(y) || !done.insert((x.raw(), y.raw())) {
            continue;
        }
        match (x.cell_parts(), y.cell_parts()) {
            (Some((xh, xt)), Some((yh, yt))) => {
                stack.push((xt, yt));
                stack.push((xh, yh));
            }
            (None, None) => {
                if !mars_noun::noun_eq(x, y) {
                    return false;
                }
            }
            _ => return false,
        }
    }
    true
}
