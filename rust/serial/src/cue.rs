//! cue: a bit stream back to its noun (vere's `u3s_cue_xeno`).
//!
//! Iterative: a stack holds the cells whose head or tail is being decoded,
//! so a list of any length is fine. Every noun that is not a backreference
//! is entered in the [`Table`] at the offset of its tag; a cell claims its
//! entry when its tag is read and completes it when its tail is done, so a
//! backreference to an enclosing cell is detected and refused (as in vere).
//!
//! Hostile input is bounded: an atom's length is checked against the rest of
//! the input before anything is allocated, so memory stays within a constant
//! times the input size (at most one table entry, stack frame and cell per
//! two input bits, plus atoms no longer than the input).

use mars_noun::{Atom, Heap, Noun};

use crate::bits::BitReader;
use crate::error::{CueError, CueErrorKind};
use crate::table::{Slot, Table};

/// vere refuses inputs of 2^59 bytes or more.
const MAX_INPUT_BYTES: u64 = 1 << 59;

/// A backreference offset may have at most this many bits.
const MAX_BACKREF_BITS: u64 = 62;

/// cue the jam bytes `bytes` (least significant first). Bytes after the
/// noun are ignored.
pub fn cue(heap: &mut Heap, bytes: &[u8]) -> Result<Noun, CueError> {
    if bytes.len() as u64 >= MAX_INPUT_BYTES {
        return Err(CueError::new(CueErrorKind::InputTooLong, 0));
    }
    let words: Vec<u64> = bytes
        .chunks(8)
        .map(|c| {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            u64::from_le_bytes(w)
        })
        .collect();
    decode(heap, BitReader::new(&words, bytes.len() as u64 * 8))
}

/// cue the jam atom `jammed`, read in place.
pub fn cue_atom(heap: &mut Heap, jammed: Atom) -> Result<Noun, CueError> {
    // Reading stops at the end of the atom's last byte, as in vere (which
    // cues the atom's bytes); the atom's words are zero past its bits.
    let end = jammed.byte_len() as u64 * 8;
    decode(heap, BitReader::new(jammed.words(), end))
}

/// A cell being decoded: its table slot and, once decoded, its head.
struct Frame {
    slot: Slot,
    head: Option<Noun>,
}

fn decode(heap: &mut Heap, mut input: BitReader<'_>) -> Result<Noun, CueError> {
    let mut table = Table::new();
    let mut stack: Vec<Frame> = Vec::new();
    loop {
        let start = input.pos();
        // Decode one noun, or descend into a cell's head.
        let mut done = if !input.bit()? {
            let a = atom(heap, &mut input)?;
            table.insert(start, a);
            a
        } else if !input.bit()? {
            let slot = table.claim(start);
            stack.push(Frame { slot, head: None });
            continue;
        } else {
            let len = length(&mut input)?;
            if len > MAX_BACKREF_BITS {
                return Err(CueError::new(CueErrorKind::BackrefTooLong, start));
            }
            let off = input.read(len as u32)?;
            table.get(off).map_err(|kind| CueError::new(kind, start))?
        };
        // Climb: complete every cell whose tail this was, up to one that
        // still needs its tail.
        loop {
            let Some(top) = stack.last_mut() else {
                return Ok(done);
            };
            match top.head {
                None => {
                    top.head = Some(done);
                    break;
                }
                Some(head) => {
                    let cell = heap.cell(head, done);
                    table.fill(top.slot, cell);
                    stack.pop();
                    done = cell;
                }
            }
        }
    }
}

/// `rub`'s length: a unary `K`, then (if `K > 0`) `K - 1` bits below a
/// leading 1. Returns the bit length of the value that follows.
#[inline]
fn length(input: &mut BitReader<'_>) -> Result<u64, CueError> {
    let k = input.unary()?; // below 64
    if k == 0 {
        return Ok(0);
    }
    let low = input.read(k - 1)?;
    Ok(low | 1 << (k - 1))
}

/// The rest of an atom after its tag: `mat(a)`.
#[inline]
fn atom(heap: &mut Heap, input: &mut BitReader<'_>) -> Result<Noun, CueError> {
    let at = input.pos();
    let len = length(input)?;
    if len > input.remaining() {
        return Err(CueError::new(CueErrorKind::AtomTooLong, at));
    }
    if len < 64 {
        let v = input.read(len as u32)?;
        return Ok(Noun::direct(v));
    }
    if len == 64 {
        let v = input.read(64)?;
        return Ok(heap.atom_u64(v));
    }
    let mut b = heap.atom_builder(len.div_ceil(64) as usize);
    input.read_words(len, b.words_mut());
    Ok(heap.finish_atom(b))
}
