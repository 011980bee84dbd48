//! Rendering a crash for a terminal, without a kernel: each trace frame is
//! printed as `%tag clue` in noun notation, innermost last (as the frames
//! were opened).

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
        lines.push(format!("  {} {}", term(tag), fmt::render(clue, 1024)));
    }
    lines
}
