//! Rendering a crash for a terminal, without a kernel: one line per trace
//! frame, innermost last (as the frames were opened). A `%spot` is shown
//! as its source path and range, a `%mean` or `%lose` that holds a tank as
//! that tank; anything else as `%tag clue` in noun notation.

use mars_nock::Bail;
use mars_noun::{fmt, Noun};

/// `@tas` to text when it is printable, else the number.
pub fn term(n: Noun) -> String {
    if let Some(a) = n.as_atom() {
        let bytes = a.to_le_bytes();
        if !bytes.is_empty()
            && bytes
                .iter()
                .all(|b| b.is_ascii_lowercase() || *b == b'-' || b.is_ascii_digit())
        {
            return format!("%{}", String::from_utf8_lossy(&bytes));
        }
    }
    fmt::render(n, 256)
}

/// Lines describing a crash: `crash: %mote`, then one per trace frame.
pub fn describe(bail: &Bail) -> Vec<String> {
    let mut lines = vec![format!("crash: %{}", bail.mote().name())];
    for &(tag, clue) in bail.trace() {
        lines.push(format!("  {}", frame(tag, clue)));
    }
    lines
}

const SPOT: u64 = u64::from_le_bytes(*b"spot\0\0\0\0");
const MEAN: u64 = u64::from_le_bytes(*b"mean\0\0\0\0");
const LOSE: u64 = u64::from_le_bytes(*b"lose\0\0\0\0");

/// One trace frame as text, running a `%mean` trap (a core whose `$`
/// produces a tank, as `~|` builds them) to show its tank.
pub fn frame_run(rt: &mut mars_nock::Runtime, tag: Noun, clue: Noun) -> String {
    if tag.as_u64() == Some(MEAN)
        && !is_tank(clue)
        && clue.cell_parts().is_some_and(|(h, _)| h.is_cell())
    {
        if let Some(pull) = mars_noun::fmt::parse(&mut rt.heap, "[9 2 0 1]") {
            if let Ok(tank) = rt.nock(clue, pull) {
                if is_tank(tank) {
                    return crate::tank::render(tank);
                }
            }
        }
    }
    frame(tag, clue)
}

/// One trace frame as text.
pub fn frame(tag: Noun, clue: Noun) -> String {
    match tag.as_u64() {
        Some(SPOT) => spot(clue).unwrap_or_else(|| format!("%spot {}", fmt::render(clue, 256))),
        Some(MEAN | LOSE) if is_tank(clue) => crate::tank::render(clue),
        _ => format!("{} {}", term(tag), fmt::render(clue, 256)),
    }
}

/// Is `n` shaped like a tank (`[%leaf …]`, `[%rose …]`, `[%palm …]`)?
fn is_tank(n: Noun) -> bool {
    n.cell_parts()
        .and_then(|(t, _)| t.as_u64())
        .is_some_and(|t| {
            [b"leaf", b"rose", b"palm"]
                .iter()
                .any(|w| t == u64::from(u32::from_le_bytes(**w)))
        })
}

/// `[path [[line col] [line col]]]` as `/sys/hoon/hoon::[12 4].[12 40]`.
fn spot(clue: Noun) -> Option<String> {
    let (mut path, pint) = clue.cell_parts()?;
    let (from, to) = pint.cell_parts()?;
    let (l1, c1) = from.cell_parts()?;
    let (l2, c2) = to.cell_parts()?;
    let mut text = String::new();
    while let Some((knot, rest)) = path.cell_parts() {
        let bytes = knot.as_atom()?.to_le_bytes();
        text.push('/');
        text.push_str(&String::from_utf8_lossy(&bytes));
        path = rest;
    }
    Some(format!(
        "{text}::[{} {}].[{} {}]",
        l1.as_u64()?,
        c1.as_u64()?,
        l2.as_u64()?,
        c2.as_u64()?
    ))
}
