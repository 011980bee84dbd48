//! `%memo` caches: `[subject formula] → product`, keyed structurally.
//!
//! Buckets are found by the mug of the key (cached in object headers, so
//! stable across collections: no rehash after nouns move) and entries are
//! compared with `unify_eq` (equal copies end up shared). Entries are strong roots. The bound is a count of
//! entries; when it is reached the cache is emptied (simple and, for the
//! compiler's access pattern, close to what vere's clock eviction gives).

use mars_noun::{mug, mug_both, unify_eq, Collector, Heap, Noun};
use rustc_hash::FxHashMap;

#[derive(Debug)]
pub(crate) struct Memo {
    map: FxHashMap<u32, Vec<[Noun; 3]>>,
    len: usize,
    cap: usize,
    pub(crate) hits: u64,
}

impl Memo {
    pub(crate) fn new(cap: usize) -> Memo {
        Memo {
            map: FxHashMap::default(),
            len: 0,
            cap,
            hits: 0,
        }
    }

    #[inline]
    fn key(subject: Noun, formula: Noun) -> u32 {
        mug_both(mug(subject), mug(formula))
    }

    pub(crate) fn get(&mut self, heap: &Heap, subject: Noun, formula: Noun) -> Option<Noun> {
        if self.len == 0 {
            return None;
        }
        let bucket = self.map.get(&Memo::key(subject, formula))?;
        let hit = bucket
            .iter()
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
        if self.len >= self.cap {
            self.clear();
        }
        self.map
            .entry(Memo::key(subject, formula))
            .or_default()
            .push([subject, formula, product]);
        self.len += 1;
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// An empty cache with the same bound.
    pub(crate) fn fresh(&self) -> Memo {
        Memo::new(self.cap)
    }

    pub(crate) fn clear(&mut self) {
        self.map.clear();
        self.len = 0;
    }

    pub(crate) fn roots(&mut self, gc: &mut Collector<'_>) {
        for bucket in self.map.values_mut() {
            for entry in bucket.iter_mut() {
                gc.roots(entry);
            }
        }
    }
}
