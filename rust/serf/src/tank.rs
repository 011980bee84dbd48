//! Tanks as text, for output the serf prints itself (`mars play`'s slogs):
//! the one-line form of Hoon's `~(ram re tank)`.
//!
//! ```text
//! tank = [%leaf p=tape]
//!      | [%palm p=[p=tape q=tape r=tape s=tape] q=(list tank)]
//!      | [%rose p=[p=tape q=tape r=tape] q=(list tank)]
//! ```
//!
//! A `%leaf` is its text; a `%rose` is its opening, its items separated by
//! its separator, then its closing; a `%palm` is rendered as the rose
//! `[p (weld q r) s]`, as `+ram` does. Anything malformed renders as `?`.
//! Output is bounded: nesting past `MAX_DEPTH` and text past `MAX_LEN`
//! are cut with `…`.

use mars_noun::Noun;

const MAX_DEPTH: usize = 64;
const MAX_LEN: usize = 64 * 1024;

const LEAF: u64 = u64::from_le_bytes(*b"leaf\0\0\0\0");
const ROSE: u64 = u64::from_le_bytes(*b"rose\0\0\0\0");
const PALM: u64 = u64::from_le_bytes(*b"palm\0\0\0\0");

/// `tank` on one line.
pub fn render(tank: Noun) -> String {
    let mut out = String::new();
    ram(tank, 0, &mut out);
    if out.len() > MAX_LEN {
        let mut cut = MAX_LEN;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push('…');
    }
    out
}

fn ram(tank: Noun, depth: usize, out: &mut String) {
    if depth > MAX_DEPTH || out.len() > MAX_LEN {
        out.push('…');
        return;
    }
    let Some((tag, rest)) = tank.cell_parts() else {
        out.push('?');
        return;
    };
    match tag.as_u64() {
        Some(LEAF) => tape(rest, out),
        Some(ROSE) => {
            let Some((p, items)) = rest.cell_parts() else {
                out.push('?');
                return;
            };
            let (sep, open, close) = match (p.slot_u64(2), p.slot_u64(6), p.slot_u64(7)) {
                (Some(a), Some(b), Some(c)) => (a, b, c),
                _ => {
                    out.push('?');
                    return;
                }
            };
            tape(open, out);
            list(items, sep, depth, out);
            tape(close, out);
        }
        Some(PALM) => {
            let Some((p, items)) = rest.cell_parts() else {
                out.push('?');
                return;
            };
            let parts = (p.slot_u64(2), p.slot_u64(6), p.slot_u64(14), p.slot_u64(15));
            let (Some(sep), Some(q), Some(r), Some(s)) = parts else {
                out.push('?');
                return;
            };
            tape(q, out);
            tape(r, out);
            list(items, sep, depth, out);
            tape(s, out);
        }
        _ => out.push('?'),
    }
}

/// Items rendered and separated by the tape `sep`.
fn list(mut items: Noun, sep: Noun, depth: usize, out: &mut String) {
    let mut first = true;
    while let Some((item, rest)) = items.cell_parts() {
        if out.len() > MAX_LEN {
            return;
        }
        if !first {
            tape(sep, out);
        }
        first = false;
        ram(item, depth + 1, out);
        items = rest;
    }
}

/// A tape (list of bytes, UTF-8 in Urbit) appended as text.
fn tape(mut t: Noun, out: &mut String) {
    let mut bytes = Vec::new();
    while let Some((c, rest)) = t.cell_parts() {
        if bytes.len() > MAX_LEN {
            break;
        }
        match c.as_u64() {
            Some(b) if b < 256 => bytes.push(b as u8),
            _ => bytes.push(b'?'),
        }
        t = rest;
    }
    out.push_str(&String::from_utf8_lossy(&bytes));
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::{Heap, HeapConfig};

    fn heap() -> Heap {
        Heap::new(HeapConfig {
            nursery_bytes: 1 << 20,
            limit_bytes: 64 << 20,
            ..HeapConfig::default()
        })
        .expect("heap")
    }

    fn tape(h: &mut Heap, s: &str) -> Noun {
        let items: Vec<Noun> = s.bytes().map(|b| Noun::direct(u64::from(b))).collect();
        h.list(&items)
    }

    fn leaf(h: &mut Heap, s: &str) -> Noun {
        let t = tape(h, s);
        h.cell(Noun::direct(LEAF), t)
    }

    #[test]
    fn leaves_roses_and_palms() {
        let mut h = heap();
        let l = leaf(&mut h, "1-c (compiling compiler, wait a few minutes)");
        assert_eq!(render(l), "1-c (compiling compiler, wait a few minutes)");
        let (a, bc) = (leaf(&mut h, "a"), leaf(&mut h, "bc"));
        let items = h.list(&[a, bc]);
        let p = [tape(&mut h, " "), tape(&mut h, "["), tape(&mut h, "]")];
        let p = h.tuple(&p);
        let rose = h.tuple(&[Noun::direct(ROSE), p, items]);
        assert_eq!(render(rose), "[a bc]");
        let p = [
            tape(&mut h, "/"),
            tape(&mut h, "<"),
            tape(&mut h, "|"),
            tape(&mut h, ">"),
        ];
        let p = h.tuple(&p);
        let palm = h.tuple(&[Noun::direct(PALM), p, items]);
        assert_eq!(render(palm), "<|a/bc>");
    }

    #[test]
    fn malformed_tanks_do_not_panic() {
        let mut h = heap();
        let five = h.cell(Noun::direct(LEAF), Noun::direct(5));
        assert_eq!(render(five), "");
        let bad_rose = h.tuple(&[Noun::direct(ROSE), Noun::ONE, Noun::direct(2)]);
        assert_eq!(render(bad_rose), "?");
        let what = h.cell(Noun::direct(7), Noun::ZERO);
        assert_eq!(render(what), "?");
        assert_eq!(render(Noun::ZERO), "?");
    }
}
