//! Copying collection, minor (nursery → old space) and major (everything →
//! a fresh old space).
//!
//! The collector does not find roots itself: the caller (the interpreter, the
//! serf) hands each root slot to `Collector::root`, which copies everything
//! reachable from it that lives in from-space and rewrites the slot. Copying is
//! depth-first, head before tail, with an explicit stack (no recursion), so
//! lists and formulas end up laid out in the order they are read.
//!
//! Because nouns are immutable, an old-space object never points into the
//! nursery, so a minor collection traverses only the young part of the graph:
//! its cost is the size of what survives, not of the heap. A copied object
//! keeps its cached mug.
//!
//! After the roots, `Collector::weak` answers, for a noun the caller holds
//! weakly (a cache key), whether it survived and where it went. A cache that
//! uses it must not let a dead key's value keep anything alive.

use std::time::{Duration, Instant};

use crate::heap::Heap;
use crate::noun::{Noun, ATOM_HEADER_WORDS, CELL_WORDS, META_ATOM, META_FORWARD};
use crate::region::Region;

/// Which collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// Copy survivors of the nursery into old space.
    Minor,
    /// Copy everything live into a fresh old space (compaction).
    Major,
}

/// What one collection did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GcReport {
    pub generation: Generation,
    pub copied_bytes: usize,
    pub old_bytes_after: usize,
    pub elapsed: Duration,
}

/// A collection in progress. Create with `Heap::collect`; call `root` for
/// every root slot, then `weak` as needed, then `finish`.
pub struct Collector<'h> {
    heap: &'h mut Heap,
    generation: Generation,
    /// Destination of a major collection (old space of a minor one).
    fresh: Option<Region>,
    /// Slots (in to-space) still to be evacuated.
    stack: Vec<*mut u64>,
    copied: usize,
    started: Instant,
}

impl Heap {
    /// Begin a collection. Until `finish`, nothing may allocate.
    pub fn collect(&mut self, generation: Generation) -> Collector<'_> {
        let fresh = match generation {
            Generation::Minor => None,
            // Reuse the last from-space if it is large enough. A failed
            // reservation degrades to a minor collection: correct, just
            // less compacting.
            Generation::Major => {
                let want = self.config.old_reservation();
                match self.spare.take().filter(|r| r.capacity() >= want) {
                    Some(r) => Some(r),
                    None => Region::reserve(want).ok(),
                }
            }
        };
        let generation = if fresh.is_some() {
            generation
        } else {
            Generation::Minor
        };
        Collector {
            heap: self,
            generation,
            fresh,
            stack: Vec::with_capacity(1024),
            copied: 0,
            started: Instant::now(),
        }
    }
}

impl Collector<'_> {
    /// Is `addr` in from-space?
    #[inline]
    fn in_from_space(&self, addr: usize) -> bool {
        self.heap.young.contains(addr)
            || (self.generation == Generation::Major && self.heap.old.contains(addr))
    }

    #[inline]
    fn destination(&mut self) -> &mut Region {
        match self.fresh.as_mut() {
            Some(r) => r,
            None => &mut self.heap.old,
        }
    }

    /// Copy `n` if it is in from-space; return its new value.
    #[inline]
    fn evacuate(&mut self, n: Noun) -> Noun {
        if n.is_direct() || !self.in_from_space(n.addr()) {
            return n;
        }
        let src = n.addr() as *mut u64;
        // SAFETY: `n` is a live pointer noun in from-space, so `src` addresses
        // an object whose header words are readable.
        let meta = unsafe { src.read() };
        if meta & META_FORWARD != 0 {
            // SAFETY: a forwarded object stores its new noun in word 1.
            return Noun(unsafe { src.add(1).read() });
        }
        let words = if meta & META_ATOM != 0 {
            // SAFETY: word 1 of an atom is its length.
            ATOM_HEADER_WORDS + unsafe { src.add(1).read() } as usize
        } else {
            CELL_WORDS
        };
        let Some(dst) = self.destination().bump(words * 8) else {
            // To-space is as large as the limit, and from-space holds at most
            // that much, so this cannot happen unless the heap is corrupt.
            panic!("mars-noun: to-space exhausted during collection");
        };
        // SAFETY: `src` has `words` readable words; `dst` is a fresh,
        // disjoint allocation of the same size.
        unsafe { std::ptr::copy_nonoverlapping(src, dst, words) };
        let new = Noun((n.0 & !crate::noun::ADDR_MASK) | dst as u64);
        // SAFETY: from-space words of a copied object are no longer read as
        // the object; we overwrite them with the forwarding record.
        unsafe {
            src.write(META_FORWARD);
            src.add(1).write(new.0);
        }
        self.copied += words * 8;
        if meta & META_ATOM == 0 {
            // SAFETY: `dst` is the new cell; words 1 and 2 are head and tail.
            unsafe {
                self.stack.push(dst.add(2));
                self.stack.push(dst.add(1));
            }
        }
        new
    }

    fn drain(&mut self) {
        while let Some(slot) = self.stack.pop() {
            // SAFETY: every pushed slot is a head or tail word of a cell in
            // to-space, which stays valid for the whole collection.
            let n = Noun(unsafe { slot.read() });
            let moved = self.evacuate(n);
            // SAFETY: as above.
            unsafe { slot.write(moved.0) };
        }
    }

    /// Keep everything reachable from `*slot` and update it.
    pub fn root(&mut self, slot: &mut Noun) {
        *slot = self.evacuate(*slot);
        self.drain();
    }

    /// Keep every noun of `slots`.
    pub fn roots(&mut self, slots: &mut [Noun]) {
        for s in slots {
            self.root(s);
        }
    }

    /// After the roots: where did `n` go? `None` if it was garbage.
    pub fn weak(&self, n: Noun) -> Option<Noun> {
        if n.is_direct() || !self.in_from_space(n.addr()) {
            return Some(n);
        }
        let src = n.addr() as *const u64;
        // SAFETY: `n` was live before this collection and from-space memory
        // is not freed until `finish`.
        let meta = unsafe { src.read() };
        if meta & META_FORWARD != 0 {
            // SAFETY: a forwarded object stores its new noun in word 1.
            Some(Noun(unsafe { src.add(1).read() }))
        } else {
            None
        }
    }

    /// Whether `n` is untouched by this collection (it is not in from-space),
    /// so that a cache entry for it needs no update.
    pub fn is_stable(&self, n: Noun) -> bool {
        n.is_direct() || !self.in_from_space(n.addr())
    }

    pub fn generation(&self) -> Generation {
        self.generation
    }

    /// End the collection: free from-space.
    pub fn finish(mut self) -> GcReport {
        self.heap.stats.allocated_bytes += self.heap.young.used() as u64;
        self.heap.stats.peak_bytes = self.heap.stats.peak_bytes.max(self.heap.used_bytes());
        self.heap.stats.copied_bytes += self.copied as u64;
        let keep = self.heap.config.nursery_bytes;
        self.heap.young.reset();
        self.heap.young.release_tail(keep);
        if let Some(mut fresh) = self.fresh.take() {
            std::mem::swap(&mut self.heap.old, &mut fresh);
            fresh.reset();
            self.heap.live_after_major = self.heap.old.used();
            // Keep it as the next to-space, resident only up to what the
            // next major collection will copy.
            fresh.release_tail(self.heap.live_after_major);
            self.heap.spare = Some(fresh);
            self.heap.stats.major_collections += 1;
        } else {
            self.heap.stats.minor_collections += 1;
        }
        GcReport {
            generation: self.generation,
            copied_bytes: self.copied,
            old_bytes_after: self.heap.old.used(),
            elapsed: self.started.elapsed(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::HeapConfig;

    fn heap() -> Heap {
        Heap::new(HeapConfig {
            nursery_bytes: 1 << 16,
            limit_bytes: 1 << 30,
            major_min_bytes: 0,
            ..HeapConfig::default()
        })
        .expect("heap")
    }

    fn list_sum(mut n: Noun) -> u64 {
        let mut s = 0;
        while let Some((h, t)) = n.cell_parts() {
            s += h.as_u64().expect("atom");
            n = t;
        }
        s
    }

    #[test]
    fn minor_keeps_roots_and_drops_garbage() {
        let mut h = heap();
        let big = h.atom_from_words(&[1, 2, 3]);
        let mut keep = Noun::NULL;
        for i in 0..1000 {
            keep = h.cell(Noun::direct(i), keep);
            let _garbage = h.cell(big, Noun::direct(i));
        }
        let shared = h.cell(keep, keep);
        let mut roots = [shared];
        let mut gc = h.collect(Generation::Minor);
        gc.roots(&mut roots);
        let r = gc.finish();
        assert_eq!(r.copied_bytes, 24 * 1001, "shared list copied once");
        let (a, b) = roots[0].cell_parts().expect("cell");
        assert!(a.same(b), "sharing preserved");
        assert_eq!(list_sum(a), 999 * 1000 / 2);
        assert_eq!(h.young.used(), 0);
    }

    #[test]
    fn major_compacts_old_space() {
        let mut h = heap();
        let mut roots = [Noun::NULL];
        for round in 0..10u64 {
            for i in 0..1000 {
                let _junk = h.cell(Noun::direct(i), Noun::direct(round));
            }
            roots[0] = h.cell(Noun::direct(round), roots[0]);
            let mut gc = h.collect(Generation::Minor);
            gc.roots(&mut roots);
            gc.finish();
        }
        let mut gc = h.collect(Generation::Major);
        gc.roots(&mut roots);
        let r = gc.finish();
        assert_eq!(r.old_bytes_after, 24 * 10);
        assert_eq!(list_sum(roots[0]), 45);
    }

    #[test]
    fn major_collections_reuse_the_last_from_space() {
        let mut h = heap();
        let first = h.old.start();
        let mut roots = [h.cell(Noun::ONE, Noun::ONE)];
        for _ in 0..2 {
            let mut gc = h.collect(Generation::Major);
            gc.roots(&mut roots);
            gc.finish();
        }
        assert_eq!(h.old.start(), first, "two majors swap between two regions");
        assert_eq!(
            roots[0].cell_parts().map(|(a, _)| a.as_u64()),
            Some(Some(1))
        );
    }

    #[test]
    fn weak_reports_survival() {
        let mut h = heap();
        let live = h.cell(Noun::ONE, Noun::ONE);
        let dead = h.cell(Noun::ZERO, Noun::ZERO);
        let mut roots = [live];
        let mut gc = h.collect(Generation::Minor);
        gc.roots(&mut roots);
        assert!(gc.weak(live).expect("live").same(roots[0]));
        assert!(gc.weak(dead).is_none());
        assert!(gc.weak(Noun::direct(5)).is_some());
        gc.finish();
    }

    #[test]
    fn mugs_survive_copying() {
        let mut h = heap();
        let c = h.cell(Noun::ONE, Noun::ONE);
        let m = crate::mug(c);
        let mut roots = [c];
        let mut gc = h.collect(Generation::Major);
        gc.roots(&mut roots);
        gc.finish();
        assert_eq!(roots[0].cached_mug(), Some(m));
    }

    #[test]
    fn deep_list_does_not_recurse() {
        let mut h = Heap::new(HeapConfig {
            nursery_bytes: 1 << 30,
            limit_bytes: 4 << 30,
            ..HeapConfig::default()
        })
        .expect("heap");
        let mut l = Noun::NULL;
        for i in 0..1_000_000 {
            l = h.cell(l, Noun::direct(i)); // left-deep: head recursion
        }
        let mut roots = [l];
        let mut gc = h.collect(Generation::Minor);
        gc.roots(&mut roots);
        gc.finish();
        let mut n = roots[0];
        let mut depth = 0;
        while let Some((hd, _)) = n.cell_parts() {
            n = hd;
            depth += 1;
        }
        assert_eq!(depth, 1_000_000);
    }
}
