//! The noun handle: one 64-bit word, tagged.
//!
//! ```text
//! bit 63 62
//!      0  .   direct atom: the value is bits 0..63 (any atom < 2^63)
//!      1  0   indirect atom: bits 0..62 are the address of an `AtomMem`
//!      1  1   cell: bits 0..62 are the address of a `CellMem`
//! ```
//!
//! Objects in memory (8-byte words, 8-byte aligned):
//!
//! ```text
//! CellMem: [meta][head][tail]                      24 bytes
//! AtomMem: [meta][len ][w0 ][w1 ] ... [w(len-1)]   16 + 8*len bytes
//! meta:    bits 0..32 cached mug (0 = not computed yet)
//!          bit 62     1 for an atom, 0 for a cell (to-space is parseable)
//!          bit 63     forwarded during a collection; word 1 then holds the
//!                     new noun
//! ```
//!
//! An indirect atom is always normalised: `len >= 1`, its last word is not
//! zero, and its value is at least 2^63 (smaller values are direct). So two
//! atoms are equal iff their words are equal, and noun equality never has to
//! normalise.
//!
//! A `Noun` is a plain copyable word; reading it needs no heap. It stays valid
//! until the next collection in which it is not a root (see `gc.rs`); only the
//! interpreter starts collections, at its safepoints. Debug builds poison freed
//! memory so that a stale handle trips an assertion instead of reading junk.

use std::fmt;

pub(crate) const TAG_MASK: u64 = 0b11 << 62;
pub(crate) const INDIRECT_TAG: u64 = 0b10 << 62;
pub(crate) const CELL_TAG: u64 = 0b11 << 62;
pub(crate) const ADDR_MASK: u64 = !TAG_MASK;
/// Largest direct atom.
pub const DIRECT_MAX: u64 = (1 << 63) - 1;

pub(crate) const META_ATOM: u64 = 1 << 62;
pub(crate) const META_FORWARD: u64 = 1 << 63;
pub(crate) const META_MUG: u64 = 0xffff_ffff;
/// Pattern written over freed memory in debug builds.
pub(crate) const POISON: u64 = 0xdead_beef_dead_beef;

pub(crate) const CELL_WORDS: usize = 3;
pub(crate) const ATOM_HEADER_WORDS: usize = 2;

/// A noun: an atom or a cell.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct Noun(pub(crate) u64);

/// A noun known to be a cell.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct Cell(u64);

/// A noun known to be an atom.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct Atom(u64);

impl Noun {
    /// The atom 0.
    pub const ZERO: Noun = Noun(0);
    /// The atom 1.
    pub const ONE: Noun = Noun(1);
    /// `~`, the null list and null unit.
    pub const NULL: Noun = Noun(0);
    /// `%.y` (loobean yes, 0).
    pub const YES: Noun = Noun(0);
    /// `%.n` (loobean no, 1).
    pub const NO: Noun = Noun(1);

    /// A direct atom. The caller guarantees `v <= DIRECT_MAX`; use
    /// `Heap::atom_u64` for arbitrary values.
    #[inline]
    pub const fn direct(v: u64) -> Noun {
        debug_assert!(v <= DIRECT_MAX);
        Noun(v)
    }

    /// A loobean: `true` is 0 (`%.y`), `false` is 1.
    #[inline]
    pub const fn loobean(b: bool) -> Noun {
        if b {
            Noun::YES
        } else {
            Noun::NO
        }
    }

    /// The raw word (for hashing by identity and for debugging).
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// Rebuild a noun from `raw`. Only meaningful for a word obtained from
    /// `raw` on a noun that is still live.
    #[inline]
    pub const fn from_raw(bits: u64) -> Noun {
        Noun(bits)
    }

    /// Same word: identical nouns (a cheap, partial equality).
    #[inline]
    pub const fn same(self, other: Noun) -> bool {
        self.0 == other.0
    }

    #[inline]
    pub const fn is_cell(self) -> bool {
        self.0 & TAG_MASK == CELL_TAG
    }

    #[inline]
    pub const fn is_atom(self) -> bool {
        !self.is_cell()
    }

    #[inline]
    pub const fn is_direct(self) -> bool {
        self.0 >> 63 == 0
    }

    /// Whether this noun refers to memory (an indirect atom or a cell).
    #[inline]
    pub const fn is_pointer(self) -> bool {
        !self.is_direct()
    }

    /// The address of the object, for pointer nouns.
    #[inline]
    pub(crate) const fn addr(self) -> usize {
        (self.0 & ADDR_MASK) as usize
    }

    #[inline]
    pub fn as_cell(self) -> Option<Cell> {
        if self.is_cell() {
            Some(Cell(self.0))
        } else {
            None
        }
    }

    #[inline]
    pub fn as_atom(self) -> Option<Atom> {
        if self.is_cell() {
            None
        } else {
            Some(Atom(self.0))
        }
    }

    /// The value of a direct atom (any atom below 2^63).
    #[inline]
    pub const fn as_direct(self) -> Option<u64> {
        if self.is_direct() {
            Some(self.0)
        } else {
            None
        }
    }

    /// The value of an atom that fits in 64 bits.
    #[inline]
    pub fn as_u64(self) -> Option<u64> {
        self.as_atom().and_then(Atom::as_u64)
    }

    /// The loobean value: `Some(true)` for 0, `Some(false)` for 1.
    #[inline]
    pub const fn as_loobean(self) -> Option<bool> {
        match self.0 {
            0 => Some(true),
            1 => Some(false),
            _ => None,
        }
    }

    /// The `meta` word of a pointer noun's object.
    #[inline]
    pub(crate) fn meta(self) -> u64 {
        debug_assert!(self.is_pointer());
        // SAFETY: a live pointer noun addresses an object whose first word is
        // its meta (see the module doc).
        let m = unsafe { (self.addr() as *const u64).read() };
        debug_assert!(
            m != POISON,
            "stale noun {:#x}: its memory was freed",
            self.0
        );
        m
    }

    #[inline]
    pub(crate) fn set_meta(self, m: u64) {
        debug_assert!(self.is_pointer());
        // SAFETY: as in `meta`; heap memory is writable and only this thread
        // touches it.
        unsafe { (self.addr() as *mut u64).write(m) }
    }

    /// The cached mug, if any (direct atoms have none).
    #[inline]
    pub(crate) fn cached_mug(self) -> Option<u32> {
        if self.is_direct() {
            return None;
        }
        let m = (self.meta() & META_MUG) as u32;
        if m == 0 {
            None
        } else {
            Some(m)
        }
    }

    /// Head and tail, if a cell.
    #[inline]
    pub fn cell_parts(self) -> Option<(Noun, Noun)> {
        self.as_cell().map(|c| (c.head(), c.tail()))
    }

    /// The noun at axis `axis` (Nock's `/`); `None` if there is no such axis.
    pub fn slot(self, axis: Noun) -> Option<Noun> {
        let a = axis.as_atom()?;
        let words = a.words();
        let bits = a.bit_len();
        if bits == 0 {
            return None;
        }
        let mut n = self;
        // Walk the bits below the top one, most significant first.
        for i in (0..bits - 1).rev() {
            let c = n.as_cell()?;
            let bit = (words[(i / 64) as usize] >> (i % 64)) & 1;
            n = if bit == 0 { c.head() } else { c.tail() };
        }
        Some(n)
    }

    /// `slot` for an axis that fits in a machine word.
    #[inline]
    pub fn slot_u64(self, axis: u64) -> Option<Noun> {
        if axis == 0 {
            return None;
        }
        let mut n = self;
        let depth = 63 - axis.leading_zeros();
        for i in (0..depth).rev() {
            let c = n.as_cell()?;
            n = if (axis >> i) & 1 == 0 {
                c.head()
            } else {
                c.tail()
            };
        }
        Some(n)
    }
}

impl Cell {
    #[inline]
    pub fn head(self) -> Noun {
        // SAFETY: a live cell noun addresses a CellMem; word 1 is the head.
        let n = Noun(unsafe { (self.addr() as *const u64).add(1).read() });
        debug_assert!(n.0 != POISON, "stale cell {:#x}", self.0);
        n
    }

    #[inline]
    pub fn tail(self) -> Noun {
        // SAFETY: a live cell noun addresses a CellMem; word 2 is the tail.
        let n = Noun(unsafe { (self.addr() as *const u64).add(2).read() });
        debug_assert!(n.0 != POISON, "stale cell {:#x}", self.0);
        n
    }

    /// The heap word holding the head (for `unify_eq` only).
    #[inline]
    pub(crate) fn head_slot(self) -> *mut u64 {
        (self.addr() as *mut u64).wrapping_add(1)
    }

    /// The heap word holding the tail (for `unify_eq` only).
    #[inline]
    pub(crate) fn tail_slot(self) -> *mut u64 {
        (self.addr() as *mut u64).wrapping_add(2)
    }

    #[inline]
    pub fn as_noun(self) -> Noun {
        Noun(self.0)
    }

    #[inline]
    fn addr(self) -> usize {
        (self.0 & ADDR_MASK) as usize
    }
}

impl Atom {
    #[inline]
    pub fn as_noun(self) -> Noun {
        Noun(self.0)
    }

    #[inline]
    pub const fn is_direct(self) -> bool {
        self.0 >> 63 == 0
    }

    /// The value if it fits in 64 bits.
    #[inline]
    pub fn as_u64(self) -> Option<u64> {
        if self.is_direct() {
            Some(self.0)
        } else {
            let w = self.words();
            if w.len() == 1 {
                Some(w[0])
            } else {
                None
            }
        }
    }

    /// The value as little-endian 64-bit words: never empty, the last word is
    /// non-zero except for the atom 0 (`[0]`).
    #[inline]
    pub fn words(&self) -> &[u64] {
        if self.is_direct() {
            std::slice::from_ref(&self.0)
        } else {
            let p = (self.0 & ADDR_MASK) as *const u64;
            // SAFETY: a live indirect atom addresses an AtomMem: word 1 is the
            // length and `len` data words follow the two header words.
            unsafe {
                let len = p.add(1).read() as usize;
                debug_assert!(len >= 1 && len as u64 != POISON, "stale atom {:#x}", self.0);
                std::slice::from_raw_parts(p.add(ATOM_HEADER_WORDS), len)
            }
        }
    }

    /// Number of significant bits (`met 0`); 0 for the atom 0.
    #[inline]
    pub fn bit_len(self) -> u64 {
        let w = self.words();
        let last = w[w.len() - 1];
        (w.len() as u64 - 1) * 64 + (64 - u64::from(last.leading_zeros()))
    }

    /// Number of significant bytes (`met 3`).
    #[inline]
    pub fn byte_len(self) -> usize {
        self.bit_len().div_ceil(8) as usize
    }

    /// Bit `i` (0 = least significant).
    #[inline]
    pub fn bit(self, i: u64) -> bool {
        let w = self.words();
        let idx = (i / 64) as usize;
        idx < w.len() && (w[idx] >> (i % 64)) & 1 == 1
    }

    /// The little-endian bytes, minimal length (empty for 0).
    pub fn to_le_bytes(self) -> Vec<u8> {
        let n = self.byte_len();
        let mut out = Vec::with_capacity(n);
        for w in self.words() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.truncate(n);
        out
    }
}

impl fmt::Debug for Noun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::fmt::render(*self, 4096))
    }
}

impl fmt::Debug for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_noun().fmt(f)
    }
}

impl fmt::Debug for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_noun().fmt(f)
    }
}
