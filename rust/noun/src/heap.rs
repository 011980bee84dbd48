//! The heap: a nursery for new nouns and an old space for survivors.
//!
//! Allocation is a pointer bump in the nursery. Nouns are immutable, so an
//! old noun can never point to a younger one: a minor collection needs no
//! write barrier or remembered set, only the roots (see `gc.rs`). Atoms too
//! large for the nursery go straight to old space, which is safe because an
//! atom holds no pointers.

use std::panic::resume_unwind;

use crate::error::{HeapError, OutOfMemory};
use crate::noun::{
    Noun, ATOM_HEADER_WORDS, CELL_TAG, CELL_WORDS, DIRECT_MAX, INDIRECT_TAG, META_ATOM,
};
use crate::region::Region;

/// Sizes that govern the heap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeapConfig {
    /// Nursery size: when more than this has been allocated since the last
    /// collection, `wants_minor` is true and the interpreter collects at its
    /// next safepoint.
    pub nursery_bytes: usize,
    /// Upper bound on nursery plus old space; past it computations bail
    /// `%meme`. Also the size of each address-space reservation. The
    /// default, 4 GiB, is vere's default loom (2^31 bytes of 32-bit nouns)
    /// for our 64-bit nouns; `--loom`/`--memory-limit` change it.
    pub limit_bytes: usize,
    /// A major collection is wanted when old space has grown to this many
    /// times what survived the previous major collection (in percent).
    /// Peak memory is about (this + 100)% of live data (old space, then its
    /// copy) and majors are cheap (the brass kernel's 90 MiB in ~50 ms): at
    /// 130 the brass replay peaks at 312 MB against 363 MB at 200, in the
    /// same time (33 majors instead of 20).
    pub major_growth_percent: usize,
    /// Old space size below which no major collection is wanted.
    pub major_min_bytes: usize,
}

impl HeapConfig {
    /// Address space reserved for an old space: room for a full old space
    /// plus a full nursery's survivors, so a collection never runs out of
    /// to-space (the limit is enforced after it).
    pub(crate) fn old_reservation(&self) -> usize {
        self.limit_bytes.saturating_mul(2)
    }
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            nursery_bytes: 32 << 20,
            limit_bytes: 4 << 30,
            major_growth_percent: 130,
            major_min_bytes: 64 << 20,
        }
    }
}

/// Counters, for benchmarks and `%mass`-style reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeapStats {
    /// Bytes ever allocated (nursery and direct-to-old).
    pub allocated_bytes: u64,
    pub minor_collections: u64,
    pub major_collections: u64,
    /// Bytes copied by all collections.
    pub copied_bytes: u64,
    /// Largest nursery + old space seen, in bytes.
    pub peak_bytes: usize,
}

/// A noun heap. Single-threaded; nouns from one heap must not be used with
/// another.
#[derive(Debug)]
pub struct Heap {
    pub(crate) young: Region,
    pub(crate) old: Region,
    pub(crate) config: HeapConfig,
    /// Old-space bytes that survived the last major collection.
    pub(crate) live_after_major: usize,
    /// Allocation counter at the last collection (young bytes are derived).
    pub(crate) stats: HeapStats,
    /// The from-space of the last major collection, kept (with at most as
    /// many resident pages as were live) as the next one's to-space, so that
    /// a major collection does not fault in a fresh mapping every time.
    pub(crate) spare: Option<Region>,
}

/// An atom being written: fill `words_mut`, then `Heap::finish_atom`.
#[derive(Debug)]
pub struct AtomBuilder {
    ptr: *mut u64,
    len: usize,
}

impl AtomBuilder {
    /// The value's words, little-endian, initially zero.
    pub fn words_mut(&mut self) -> &mut [u64] {
        // SAFETY: `ptr` addresses `len` words reserved for this builder in the
        // heap (after the two header words), zeroed at creation, and nothing
        // else refers to them until `finish_atom`.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.add(ATOM_HEADER_WORDS), self.len) }
    }

    /// The value's bytes, little-endian, initially zero.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `words_mut`; u8 has no alignment requirement.
        unsafe {
            std::slice::from_raw_parts_mut(
                self.ptr.add(ATOM_HEADER_WORDS).cast::<u8>(),
                self.len * 8,
            )
        }
    }
}

impl Heap {
    /// A heap with the given configuration.
    pub fn new(config: HeapConfig) -> Result<Heap, HeapError> {
        Ok(Heap {
            young: Region::reserve(config.limit_bytes)?,
            old: Region::reserve(config.old_reservation())?,
            config,
            live_after_major: 0,
            stats: HeapStats::default(),
            spare: None,
        })
    }

    /// A heap with default sizes.
    pub fn with_defaults() -> Result<Heap, HeapError> {
        Heap::new(HeapConfig::default())
    }

    pub fn config(&self) -> HeapConfig {
        self.config
    }

    pub fn stats(&self) -> HeapStats {
        let mut s = self.stats;
        s.allocated_bytes += self.young.used() as u64;
        s.peak_bytes = s.peak_bytes.max(self.used_bytes());
        s
    }

    /// Bytes in use (nursery plus old space), live or not.
    pub fn used_bytes(&self) -> usize {
        self.young.used() + self.old.used()
    }

    /// Bytes of old space in use.
    pub fn old_bytes(&self) -> usize {
        self.old.used()
    }

    /// Whether `n` lives in the nursery (and so may move at the next minor
    /// collection).
    #[inline]
    pub fn is_young(&self, n: Noun) -> bool {
        n.is_pointer() && self.young.contains(n.addr())
    }

    /// Whether the address `addr` is in the nursery.
    #[inline]
    pub(crate) fn in_nursery(&self, addr: usize) -> bool {
        self.young.contains(addr)
    }

    /// True when the nursery is full and a minor collection should run.
    #[inline]
    pub fn wants_minor(&self) -> bool {
        self.young.used() >= self.config.nursery_bytes
    }

    /// True when old space has grown enough that a major collection pays.
    #[inline]
    pub fn wants_major(&self) -> bool {
        let used = self.old.used();
        used >= self.config.major_min_bytes
            && used >= self.live_after_major / 100 * self.config.major_growth_percent
    }

    /// True when the heap is past its limit: the computation should bail `%meme`.
    #[inline]
    pub fn over_limit(&self) -> bool {
        self.used_bytes() > self.config.limit_bytes
    }

    #[cold]
    #[inline(never)]
    fn exhausted(&self, bytes: usize) -> ! {
        resume_unwind(Box::new(OutOfMemory { requested: bytes }))
    }

    #[inline]
    fn bump_young(&mut self, words: usize) -> *mut u64 {
        match self.young.bump(words * 8) {
            Some(p) => p,
            None => self.exhausted(words * 8),
        }
    }

    /// A new cell `[head tail]`.
    #[inline]
    pub fn cell(&mut self, head: Noun, tail: Noun) -> Noun {
        let p = self.bump_young(CELL_WORDS);
        // SAFETY: `p` addresses three fresh words of the nursery.
        unsafe {
            p.write(0);
            p.add(1).write(head.0);
            p.add(2).write(tail.0);
        }
        Noun(CELL_TAG | p as u64)
    }

    /// `[a b c ...]`: a right-nested tuple of at least one noun.
    pub fn tuple(&mut self, items: &[Noun]) -> Noun {
        let Some((&last, init)) = items.split_last() else {
            return Noun::ZERO;
        };
        init.iter().rev().fold(last, |tail, &h| self.cell(h, tail))
    }

    /// `~[a b c]`: a null-terminated list.
    pub fn list(&mut self, items: &[Noun]) -> Noun {
        items
            .iter()
            .rev()
            .fold(Noun::NULL, |tail, &h| self.cell(h, tail))
    }

    /// Any 64-bit value as an atom.
    #[inline]
    pub fn atom_u64(&mut self, v: u64) -> Noun {
        if v <= DIRECT_MAX {
            Noun(v)
        } else {
            self.atom_from_words(&[v])
        }
    }

    /// An atom from a 128-bit value.
    pub fn atom_u128(&mut self, v: u128) -> Noun {
        self.atom_from_words(&[v as u64, (v >> 64) as u64])
    }

    /// An atom from little-endian words (trailing zeros allowed).
    pub fn atom_from_words(&mut self, words: &[u64]) -> Noun {
        let len = words.iter().rposition(|&w| w != 0).map_or(0, |i| i + 1);
        if len <= 1 {
            let v = if len == 0 { 0 } else { words[0] };
            if v <= DIRECT_MAX {
                return Noun(v);
            }
        }
        let mut b = self.atom_builder(len);
        b.words_mut().copy_from_slice(&words[..len]);
        self.finish_atom(b)
    }

    /// An atom from little-endian bytes (trailing zeros allowed).
    pub fn atom_from_le_bytes(&mut self, bytes: &[u8]) -> Noun {
        let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
        if len <= 8 {
            let mut w = [0u8; 8];
            w[..len].copy_from_slice(&bytes[..len]);
            return self.atom_u64(u64::from_le_bytes(w));
        }
        let mut b = self.atom_builder(len.div_ceil(8));
        b.bytes_mut()[..len].copy_from_slice(&bytes[..len]);
        self.finish_atom(b)
    }

    /// A text atom (cord, term, knot): the UTF-8 bytes, little-endian.
    pub fn atom_str(&mut self, s: &str) -> Noun {
        self.atom_from_le_bytes(s.as_bytes())
    }

    /// Start an atom of `words` words (zeroed). Atoms larger than an eighth
    /// of the nursery are placed in old space.
    pub fn atom_builder(&mut self, words: usize) -> AtomBuilder {
        let words = words.max(1);
        let total = words
            .checked_add(ATOM_HEADER_WORDS)
            .unwrap_or_else(|| self.exhausted(usize::MAX));
        let bytes = total
            .checked_mul(8)
            .unwrap_or_else(|| self.exhausted(usize::MAX));
        let p = if bytes > self.config.nursery_bytes / 8 {
            if self.used_bytes().saturating_add(bytes) > self.config.limit_bytes {
                self.exhausted(bytes);
            }
            self.stats.allocated_bytes += bytes as u64;
            match self.old.bump(bytes) {
                Some(p) => p,
                None => self.exhausted(bytes),
            }
        } else {
            self.bump_young(total)
        };
        // SAFETY: `p` addresses `total` fresh words reserved above.
        unsafe {
            p.write(META_ATOM);
            p.add(1).write(words as u64);
            std::slice::from_raw_parts_mut(p.add(ATOM_HEADER_WORDS), words).fill(0);
        }
        AtomBuilder { ptr: p, len: words }
    }

    /// Finish an atom: normalise it (drop high zero words, use a direct atom
    /// when it fits) and return it.
    pub fn finish_atom(&mut self, mut b: AtomBuilder) -> Noun {
        let words = b.words_mut();
        let len = words.iter().rposition(|&w| w != 0).map_or(0, |i| i + 1);
        if len <= 1 {
            let v = if len == 0 { 0 } else { words[0] };
            if v <= DIRECT_MAX {
                return Noun(v);
            }
        }
        // SAFETY: word 1 of the builder's object is its length; we shrink it
        // to the significant words, which stay inside the allocation.
        unsafe { b.ptr.add(1).write(len as u64) };
        let end = b.ptr as usize + (ATOM_HEADER_WORDS + b.len) * 8;
        let new_end = b.ptr as usize + (ATOM_HEADER_WORDS + len) * 8;
        if self.young.top() == end {
            self.young.shrink_last(new_end);
        } else if self.old.top() == end {
            self.old.shrink_last(new_end);
        }
        Noun(INDIRECT_TAG | b.ptr as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heap() -> Heap {
        Heap::new(HeapConfig {
            nursery_bytes: 1 << 20,
            limit_bytes: 1 << 30,
            ..HeapConfig::default()
        })
        .expect("heap")
    }

    #[test]
    fn cells_and_atoms() {
        let mut h = heap();
        let c = h.cell(Noun::direct(1), Noun::direct(2));
        let (a, b) = c.cell_parts().expect("cell");
        assert_eq!(a.as_u64(), Some(1));
        assert_eq!(b.as_u64(), Some(2));
        let big = h.atom_u64(u64::MAX);
        assert!(!big.is_direct());
        assert_eq!(big.as_u64(), Some(u64::MAX));
        let small = h.atom_from_words(&[5, 0, 0]);
        assert!(small.is_direct());
        let two64 = h.atom_from_words(&[0, 1, 0]);
        assert_eq!(two64.as_atom().expect("atom").words(), &[0, 1]);
        assert_eq!(two64.as_atom().expect("atom").bit_len(), 65);
    }

    #[test]
    fn bytes_round_trip() {
        let mut h = heap();
        let bytes: Vec<u8> = (1..=20).collect();
        let a = h.atom_from_le_bytes(&bytes);
        assert_eq!(a.as_atom().expect("atom").to_le_bytes(), bytes);
        let s = h.atom_str("live");
        assert_eq!(s.as_u64(), Some(0x6576696c));
        assert_eq!(h.atom_from_le_bytes(&[]).as_u64(), Some(0));
    }

    #[test]
    fn slots() {
        let mut h = heap();
        let t = h.tuple(&[Noun::direct(1), Noun::direct(2), Noun::direct(3)]);
        assert_eq!(t.slot_u64(2).and_then(Noun::as_u64), Some(1));
        assert_eq!(t.slot_u64(6).and_then(Noun::as_u64), Some(2));
        assert_eq!(t.slot_u64(7).and_then(Noun::as_u64), Some(3));
        assert!(t.slot_u64(0).is_none());
        assert!(t.slot_u64(4).is_none());
        assert_eq!(t.slot(Noun::direct(7)).and_then(Noun::as_u64), Some(3));
        let huge_axis = h.atom_from_words(&[6, 1]); // 2^64 + 6: walks past the tuple
        assert!(t.slot(huge_axis).is_none());
    }

    #[test]
    fn big_atoms_go_old() {
        let mut h = heap();
        let b = h.atom_builder(100_000);
        let n = h.finish_atom(b);
        assert_eq!(n.as_u64(), Some(0));
        let mut b = h.atom_builder(100_000);
        b.words_mut()[99_999] = 7;
        let n = h.finish_atom(b);
        assert!(h.old_bytes() > 0);
        assert_eq!(n.as_atom().expect("atom").bit_len(), 99_999 * 64 + 3);
    }

    #[test]
    fn exhaustion_unwinds_with_out_of_memory() {
        let mut h = Heap::new(HeapConfig {
            nursery_bytes: 4096,
            limit_bytes: 1 << 16,
            ..HeapConfig::default()
        })
        .expect("heap");
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| loop {
            h.cell(Noun::ZERO, Noun::ZERO);
        }));
        let payload = r.expect_err("must run out");
        assert!(payload.downcast_ref::<OutOfMemory>().is_some());
    }
}
