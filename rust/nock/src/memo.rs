//! `%memo` caches: `[subject formula] → product`, keyed structurally.
//!
//! Buckets are found by the mug of the key (cached in object headers, so
//! stable across collections: no rehash after nouns move) and entries are
//! compared with `unify_eq` (equal copies end up shared). Entries are strong
//! roots; a minor collection visits only those added since the last one. The bound is a count of
//! entries; when it is reached the cache is emptied (simple and, for the
//! compiler's access pattern, close to what vere's clock eviction gives).

use mars_noun::{mug, mug_both, unify_eq, Collector, Generation, Heap, Noun};
use rustc_hash::FxHashMap;

#[derive(Debug)]
pub(crate) struct Memo {
    /// Every entry, `[subject formula product]`, oldest first.
    entries: Vec<[Noun; 3]>,
    /// The entries of each key's mug, by index.
    map: FxHashMap<u32, Vec<u32>>,
    /// Entries from here on were added since the last collection: only
    /// they can hold nursery nouns, so a minor collection roots only them
    /// (the rest are in old space, which a minor collection does not move).
    young_from: usize,
    cap: usize,
    pub(crate) hits: u64,
}

impl Memo {
    pub(crate) fn new(cap: usize) -> Memo {
        Memo {
            entries: Vec::new(),
            map: FxHashMap::default(),
            young_from: 0,
            cap,
            hits: 0,
        }
    }

    #[inline]
    fn key(subject: Noun, formula: Noun) -> u32 {
        mug_both(mug(subject), mug(formula))
    }

    pub(crate) fn get(&mut self, heap: &Heap, subject: Noun, formula: Noun) -> Option<Noun> {
        if self.entries.is_empty() {
            return None;
        }
        let bucket = self.map.get(&Memo::key(subject, formula))?;
        let hit = bucket
            .iter()
            .map(|&i| self.entries[i as usize])
            .find(|[s, f, _]| unify_eq(heap, *f, formula) && unify_eq(heap, *s, subject))
            .map(|e| e[2]);
        if hit.is_some() {
            self.hits += 1;
        }
        hit
    }

    pub(crate) fn put(&mut self, subject: Noun, formula: Noun, product: Noun) {
        if self.cap == 0 {
            return;
        }
        if self.entries.len() >= self.cap {
            self.clear();
        }
        let i = self.entries.len() as u32;
        self.entries.push([subject, formula, product]);
        self.map
            .entry(Memo::key(subject, formula))
            .or_default()
            .push(i);
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// An empty cache with the same bound.
    pub(crate) fn fresh(&self) -> Memo {
        Memo::new(self.cap)
    }

    pub(crate) fn clear(&mut self) {
        self.entries.clear();
        self.map.clear();
        self.young_from = 0;
    }

    pub(crate) fn roots(&mut self, gc: &mut Collector<'_>) {
        let from = match gc.generation() {
            Generation::Minor => self.young_from.min(self.entries.len()),
            Generation::Major => 0,
        };
        for entry in &mut self.entries[from..] {
            gc.roots(entry);
        }
        self.young_from = self.entries.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::{noun_eq, Generation, HeapConfig};

    fn entry(heap: &mut Heap, i: u64) -> [Noun; 3] {
        let s = heap.tuple(&[Noun::direct(i), Noun::direct(1), Noun::direct(2)]);
        let f = heap.tuple(&[Noun::direct(0), Noun::direct(i)]);
        let p = heap.tuple(&[Noun::direct(i), Noun::direct(i + 1)]);
        [s, f, p]
    }

    fn collect(heap: &mut Heap, memo: &mut Memo, g: Generation) {
        let mut gc = heap.collect(g);
        memo.roots(&mut gc);
        gc.finish();
    }

    /// Entries survive minor collections that visit only the young ones,
    /// and majors that visit all.
    #[test]
    fn minor_collections_root_only_new_entries() {
        let mut heap = Heap::new(HeapConfig::default()).expect("heap");
        let mut memo = Memo::new(1000);
        let expect = |heap: &mut Heap, memo: &mut Memo, n: u64| {
            for i in 0..n {
                let [s, f, p] = entry(heap, i);
                let got = memo.get(heap, s, f).expect("a hit");
                assert!(noun_eq(got, p), "entry {i}");
            }
        };
        for round in 0..6u64 {
            for i in round * 10..round * 10 + 10 {
                let [s, f, p] = entry(&mut heap, i);
                memo.put(s, f, p);
            }
            let g = if round == 3 {
                Generation::Major
            } else {
                Generation::Minor
            };
            collect(&mut heap, &mut memo, g);
            assert_eq!(memo.young_from, memo.len());
            expect(&mut heap, &mut memo, round * 10 + 10);
            // Garbage between rounds, so the nursery is reused.
            for i in 0..1000 {
                entry(&mut heap, i);
            }
        }
    }
}
