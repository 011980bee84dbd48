//! A word arena shared by the RC loom and the lexical stack: one big
//! `Vec<u64>` (zero-allocated, so untouched pages cost no RSS), addressed by
//! word offset through a raw pointer (as a real loom would be; bounds checks
//! would handicap these prototypes against mars-noun's raw pointers).
//!
//! Nouns are 64-bit words tagged like mars-noun's (bit 63 clear: direct atom;
//! `10`: indirect atom; `11`: cell) but the payload is a word offset into the
//! arena (32 bits suffice for a 32 GiB arena), like vere's loom offsets.

pub const CELL_TAG: u64 = 0b11 << 62;
pub const ATOM_TAG: u64 = 0b10 << 62;
pub const PAYLOAD: u64 = (1 << 32) - 1;
/// Object meta word: bit 62 marks an atom (like mars-noun).
pub const META_ATOM: u64 = 1 << 62;
/// Object meta word: bit 63 marks a forwarded object (lexical stack copies).
pub const META_FORWARD: u64 = 1 << 63;
/// Words of a cell: `[meta head tail]`.
pub const CELL_WORDS: usize = 3;

#[inline]
pub fn is_ptr(n: u64) -> bool {
    n >> 63 == 1
}

#[inline]
pub fn is_cell(n: u64) -> bool {
    n & CELL_TAG == CELL_TAG
}

#[inline]
pub fn off(n: u64) -> usize {
    (n & PAYLOAD) as usize
}

#[inline]
pub fn cell_noun(o: usize) -> u64 {
    CELL_TAG | o as u64
}

/// The memory of a loom or a stack.
pub struct Arena {
    mem: Vec<u64>,
    ptr: *mut u64,
}

impl Arena {
    /// An arena of `words` words.
    pub fn new(words: usize) -> Arena {
        assert!(
            words as u64 <= PAYLOAD,
            "arena too large for 32-bit offsets"
        );
        let mut mem = vec![0u64; words];
        let ptr = mem.as_mut_ptr();
        Arena { mem, ptr }
    }

    #[inline]
    pub fn words(&self) -> usize {
        self.mem.len()
    }

    #[inline]
    pub fn get(&self, i: usize) -> u64 {
        debug_assert!(i < self.mem.len());
        // SAFETY: every offset used is produced by this arena's allocator
        // (loom or stack), which never hands out words past `mem.len()`; the
        // Vec is never resized, so `ptr` stays valid.
        unsafe { self.ptr.add(i).read() }
    }

    #[inline]
    pub fn set(&mut self, i: usize, v: u64) {
        debug_assert!(i < self.mem.len());
        // SAFETY: as in `get`; `&mut self` makes this the only access.
        unsafe { self.ptr.add(i).write(v) }
    }

    /// Copy `words` words from `src` to `dst` (non-overlapping).
    #[inline]
    pub fn copy(&mut self, src: usize, dst: usize, words: usize) {
        debug_assert!(src + words <= self.mem.len() && dst + words <= self.mem.len());
        debug_assert!(src + words <= dst || dst + words <= src);
        // SAFETY: both ranges lie inside the arena (allocator-produced) and
        // the allocator never hands out a range overlapping a live object.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.add(src), self.ptr.add(dst), words) }
    }
}
