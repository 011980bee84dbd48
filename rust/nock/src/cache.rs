//! The cache of compiled formulas, keyed by formula identity.
//!
//! Keys are weak: a program whose formula became garbage is dropped at the
//! next collection that could have freed it; a kept program's constants
//! are roots. Programs whose formula is in the
//! nursery are listed separately, so a minor collection revisits only those
//! (an old formula cannot move in a minor collection, and its constants are
//! old too, because old nouns never point to young ones).

use std::cell::Cell;
use std::rc::Rc;

use mars_noun::{Collector, Generation, Heap, Noun};
use rustc_hash::FxHashMap;

use crate::compile::{compile, Program};
use crate::op::Op;

/// A compiled formula whose nouns the collector can update in place.
#[derive(Debug)]
pub struct Code {
    pub(crate) formula: Cell<Noun>,
    pub(crate) ops: Box<[Op]>,
    pub(crate) consts: Box<[Cell<Noun>]>,
}

impl Code {
    fn new(p: Program) -> Code {
        Code {
            formula: Cell::new(p.formula),
            ops: p.ops.into_boxed_slice(),
            consts: p.consts.into_iter().map(Cell::new).collect(),
        }
    }

    #[inline]
    pub(crate) fn konst(&self, i: u32) -> Noun {
        self.consts[i as usize].get()
    }

    /// After the formula has been kept by `gc`, keep and move the
    /// constants. They are roots of their own, not found through the
    /// formula: `unify_eq` may have pointed the formula's slots at equal
    /// copies, leaving the very nouns a constant holds reachable from here
    /// alone.
    pub(crate) fn update(&self, gc: &mut Collector<'_>) {
        for c in self.consts.iter() {
            let mut n = c.get();
            gc.root(&mut n);
            c.set(n);
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct CodeCache {
    map: FxHashMap<u64, Rc<Code>>,
    young: Vec<u64>,
    pub(crate) compiled: u64,
}

impl CodeCache {
    #[inline]
    pub(crate) fn get(&mut self, heap: &Heap, formula: Noun) -> Rc<Code> {
        if let Some(c) = self.map.get(&formula.raw()) {
            return c.clone();
        }
        self.insert(heap, formula)
    }

    #[cold]
    fn insert(&mut self, heap: &Heap, formula: Noun) -> Rc<Code> {
        let code = Rc::new(Code::new(compile(formula)));
        self.compiled += 1;
        if heap.is_young(formula) {
            self.young.push(formula.raw());
        }
        self.map.insert(formula.raw(), code.clone());
        code
    }

    /// Drop programs whose formulas died; re-key those that moved.
    pub(crate) fn collect(&mut self, gc: &mut Collector<'_>) {
        let keys: Vec<u64> = match gc.generation() {
            Generation::Minor => std::mem::take(&mut self.young),
            Generation::Major => {
                self.young.clear();
                self.map.keys().copied().collect()
            }
        };
        let mut moved = Vec::with_capacity(keys.len());
        for k in keys {
            let Some(code) = self.map.remove(&k) else {
                continue;
            };
            if let Some(f) = gc.weak(code.formula.get()) {
                code.formula.set(f);
                code.update(gc);
                moved.push((f.raw(), code));
            }
        }
        self.map.extend(moved);
    }

    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }
}
