//! Noun notation: `[1 2 3]` for `[1 [2 3]]`, atoms in decimal.

use crate::heap::Heap;
use crate::noun::Noun;

/// Decimal digits of an atom given as little-endian words.
pub fn decimal(words: &[u64]) -> String {
    const CHUNK: u64 = 10_000_000_000_000_000_000; // 10^19
    let mut n: Vec<u64> = words.to_vec();
    while n.len() > 1 && n[n.len() - 1] == 0 {
        n.pop();
    }
    let mut parts = Vec::new();
    while n.len() > 1 || n[0] >= CHUNK {
        let mut rem: u128 = 0;
        for w in n.iter_mut().rev() {
            let cur = (rem << 64) | u128::from(*w);
            *w = (cur / u128::from(CHUNK)) as u64;
            rem = cur % u128::from(CHUNK);
        }
        parts.push(rem as u64);
        while n.len() > 1 && n[n.len() - 1] == 0 {
            n.pop();
        }
    }
    let mut s = n[0].to_string();
    for p in parts.iter().rev() {
        s.push_str(&format!("{p:019}"));
    }
    s
}

enum Task {
    Item(Noun),
    Rest(Noun),
    Close,
}

/// Render `n`; output longer than `max` bytes is cut with `...`.
pub fn render(n: Noun, max: usize) -> String {
    let mut out = String::new();
    let mut tasks = vec![Task::Item(n)];
    while let Some(t) = tasks.pop() {
        if out.len() > max {
            out.push_str("...");
            break;
        }
        match t {
            Task::Item(x) => match x.cell_parts() {
                Some((h, t)) => {
                    out.push('[');
                    tasks.push(Task::Close);
                    tasks.push(Task::Rest(t));
                    tasks.push(Task::Item(h));
                }
                None => {
                    if let Some(a) = x.as_atom() {
                        out.push_str(&decimal(a.words()));
                    }
                }
            },
            Task::Rest(x) => {
                out.push(' ');
                match x.cell_parts() {
                    Some((h, t)) => {
                        tasks.push(Task::Rest(t));
                        tasks.push(Task::Item(h));
                    }
                    None => tasks.push(Task::Item(x)),
                }
            }
            Task::Close => out.push(']'),
        }
    }
    out
}

/// Parse noun notation: decimal atoms (any size, `.` separators allowed),
/// `%term` text atoms, and `[a b c]` for `[a [b c]]`. `None` if malformed.
pub fn parse(heap: &mut Heap, text: &str) -> Option<Noun> {
    let mut open: Vec<Vec<Noun>> = Vec::new();
    let mut done: Option<Noun> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let item = match c {
            b' ' | b'\n' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'[' => {
                open.push(Vec::new());
                i += 1;
                continue;
            }
            b']' => {
                let items = open.pop()?;
                if items.len() < 2 {
                    return None;
                }
                i += 1;
                heap.tuple(&items)
            }
            b'%' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
                    i += 1;
                }
                heap.atom_from_le_bytes(&bytes[start..i])
            }
            b'0'..=b'9' => {
                let mut words = vec![0u64];
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    if bytes[i] != b'.' {
                        let mut carry = u128::from(bytes[i] - b'0');
                        for w in words.iter_mut() {
                            let v = u128::from(*w) * 10 + carry;
                            *w = v as u64;
                            carry = v >> 64;
                        }
                        if carry != 0 {
                            words.push(carry as u64);
                        }
                    }
                    i += 1;
                }
                heap.atom_from_words(&words)
            }
            _ => return None,
        };
        match open.last_mut() {
            Some(items) => items.push(item),
            None if done.is_none() => done = Some(item),
            None => return None,
        }
    }
    if open.is_empty() {
        done
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::Heap;

    #[test]
    fn parsing() {
        let mut h = Heap::with_defaults().expect("heap");
        let n = parse(&mut h, "[1 [2 3] 4]").expect("parse");
        assert_eq!(render(n, 100), "[1 [2 3] 4]");
        let n = parse(
            &mut h,
            "340.282.366.920.938.463.463.374.607.431.768.211.456",
        )
        .expect("big");
        assert_eq!(render(n, 100), "340282366920938463463374607431768211456");
        let n = parse(&mut h, "%live").expect("term");
        assert_eq!(n.as_u64(), Some(0x6576696c));
        for bad in ["", "[1]", "[1 2", "1 2", "]", "[1 2]]", "x"] {
            assert!(parse(&mut h, bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn notation() {
        let mut h = Heap::with_defaults().expect("heap");
        let n = h.tuple(&[Noun::ONE, Noun::direct(2), Noun::direct(3)]);
        assert_eq!(render(n, 100), "[1 2 3]");
        let inner = h.cell(Noun::ONE, Noun::direct(2));
        let n = h.cell(inner, Noun::direct(3));
        assert_eq!(render(n, 100), "[[1 2] 3]");
        let big = h.atom_from_words(&[0, 0, 1]);
        assert_eq!(render(big, 100), "340282366920938463463374607431768211456");
        assert_eq!(decimal(&[u64::MAX]), "18446744073709551615");
        assert_eq!(decimal(&[0]), "0");
        assert_eq!(
            decimal(&[10_000_000_000_000_000_000]),
            "10000000000000000000"
        );
    }
}
