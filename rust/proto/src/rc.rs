//! Manager (b): vere-style reference counting on a loom.
//!
//! The loom is one word arena. A cell is `[rc<<32 | mug, head, tail]` (24
//! bytes, like a vere cell with its box header); an atom would be
//! `[rc<<32 | mug, len, words...]`. Freed blocks go on a free list per size
//! class (block size in words), linked through word 1; allocation pops the
//! list or bumps the loom's top. `cell` takes ownership of the references it
//! is given (vere's `u3nc`), `inc` is `u3k`, `dec` is `u3z`: when a count
//! reaches zero the block is freed and its children are decremented, with
//! an explicit stack (tail first, iteratively, like `u3a_lose`).

use crate::arena::{cell_noun, is_cell, is_ptr, off, Arena, CELL_WORDS};
use crate::measure::{cpu_ns, Timer};
use crate::workload::{b_step, Checksum, Outcome, ParamsA, ParamsB, Rng};

const NIL: usize = usize::MAX;
const CLASSES: usize = 64;
const RC_ONE: u64 = 1 << 32;
/// 1 GiB of loom (zero-allocated: only touched pages become resident).
const ARENA_WORDS: usize = (1 << 30) / 8;

pub struct Loom {
    arena: Arena,
    /// Next never-used word.
    top: usize,
    free: [usize; CLASSES],
    stack: Vec<u64>,
    frees: u64,
}

impl Loom {
    pub fn new(words: usize) -> Loom {
        Loom {
            arena: Arena::new(words),
            top: 0,
            free: [NIL; CLASSES],
            stack: Vec::with_capacity(1024),
            frees: 0,
        }
    }

    #[inline]
    fn alloc(&mut self, words: usize) -> usize {
        let head = self.free[words];
        if head != NIL {
            self.free[words] = self.arena.get(head + 1) as usize;
            return head;
        }
        let o = self.top;
        self.top += words;
        assert!(self.top <= self.arena.words(), "loom exhausted");
        o
    }

    /// A new cell owning one reference to each of `h` and `t`.
    #[inline]
    pub fn cell(&mut self, h: u64, t: u64) -> u64 {
        let o = self.alloc(CELL_WORDS);
        self.arena.set(o, RC_ONE);
        self.arena.set(o + 1, h);
        self.arena.set(o + 2, t);
        cell_noun(o)
    }

    #[inline]
    pub fn head(&self, n: u64) -> u64 {
        self.arena.get(off(n) + 1)
    }

    #[inline]
    pub fn tail(&self, n: u64) -> u64 {
        self.arena.get(off(n) + 2)
    }

    /// `u3k`: one more reference.
    #[inline]
    pub fn inc(&mut self, n: u64) {
        if is_ptr(n) {
            let o = off(n);
            self.arena.set(o, self.arena.get(o) + RC_ONE);
        }
    }

    /// `u3z`: one reference fewer; free what reaches zero.
    #[inline]
    pub fn dec(&mut self, n: u64) {
        let mut cur = n;
        loop {
            if is_ptr(cur) {
                let o = off(cur);
                let meta = self.arena.get(o) - RC_ONE;
                if meta >> 32 != 0 {
                    self.arena.set(o, meta);
                } else if is_cell(cur) {
                    let (h, t) = (self.arena.get(o + 1), self.arena.get(o + 2));
                    self.release(o, CELL_WORDS);
                    if is_ptr(h) {
                        self.stack.push(h);
                    }
                    cur = t;
                    continue;
                } else {
                    let words = 2 + self.arena.get(o + 1) as usize;
                    self.release(o, words);
                }
            }
            match self.stack.pop() {
                Some(next) => cur = next,
                None => return,
            }
        }
    }

    #[inline]
    fn release(&mut self, o: usize, words: usize) {
        self.arena.set(o + 1, self.free[words] as u64);
        self.free[words] = o;
        self.frees += 1;
    }

    fn peak_bytes(&self) -> u64 {
        self.top as u64 * 8
    }
}

fn list_checksum(loom: &Loom, mut n: u64) -> Checksum {
    let mut c = Checksum::default();
    while is_cell(n) {
        c.add(loom.head(n));
        n = loom.tail(n);
    }
    c
}

/// Workload A (or C) on the RC loom. With `traffic`, the walk also does
/// what vere's interpreter does when it moves along a list it does not own:
/// `u3k` the tail it steps to and `u3z` the cell it leaves (one extra
/// increment and decrement, i.e. two writes, per element); without it the
/// walk borrows, like a jet.
pub fn workload_a(p: ParamsA, traffic: bool) -> Outcome {
    let mut loom = Loom::new(ARENA_WORDS);
    let start = Timer::start();
    let mut list = 0u64;
    for i in (0..p.n).rev() {
        list = loom.cell(i, list);
    }
    let mut free_ns = 0;
    for _ in 0..p.rounds {
        let mut cur = list;
        if traffic {
            loom.inc(cur);
        }
        let mut acc = 0u64;
        while is_cell(cur) {
            let x = loom.head(cur);
            let v = if p.temps == 0 {
                x + 1
            } else {
                // Workload C: a temporary list, read and dropped.
                let mut tmp = 0u64;
                for j in (0..p.temps).rev() {
                    tmp = loom.cell(x + j, tmp);
                }
                let v = loom.head(loom.tail(tmp));
                loom.dec(tmp);
                v
            };
            loom.inc(v); // u3k of the new head (a no-op for a direct atom)
            acc = loom.cell(v, acc);
            let t = loom.tail(cur);
            if traffic {
                loom.inc(t);
                loom.dec(cur);
            }
            cur = t;
        }
        let t = cpu_ns();
        loom.dec(list);
        free_ns += cpu_ns() - t;
        list = acc;
    }
    let (elapsed_ns, cpu_ns, sys_ns) = start.stop3();
    Outcome {
        elapsed_ns,
        cpu_ns,
        sys_ns,
        reclaim_ns: if p.temps == 0 { Some(free_ns) } else { None },
        cells_allocated: p.cells_allocated(),
        live_cells: p.n,
        peak_heap_bytes: loom.peak_bytes(),
        checksum: list_checksum(&loom, list),
        extra: vec![("frees", loom.frees)],
    }
}

fn build_tree(loom: &mut Loom, depth: u32) -> u64 {
    let mut level: Vec<u64> = (0..1u64 << depth).collect();
    while level.len() > 1 {
        level = level
            .chunks_exact(2)
            .map(|pair| loom.cell(pair[0], pair[1]))
            .collect();
    }
    level[0]
}

fn tree_checksum(loom: &Loom, root: u64) -> Checksum {
    let mut c = Checksum::default();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if is_cell(n) {
            stack.push(loom.tail(n));
            stack.push(loom.head(n));
        } else {
            c.add(n);
        }
    }
    c
}

/// Replace leaf `idx`, sharing the rest, and drop the old root. With
/// `traffic`, the walk holds each node it visits (`u3k` the child, `u3z` the
/// parent), as the interpreter's slot fetches do.
#[inline]
fn update(loom: &mut Loom, root: u64, depth: u32, idx: u64, val: u64, traffic: bool) -> u64 {
    let d = depth as usize;
    let mut sibs = [0u64; 64];
    let mut n = root;
    if traffic {
        loom.inc(n);
    }
    for (level, sib) in sibs.iter_mut().enumerate().take(d) {
        let child = if (idx >> (d - 1 - level)) & 1 == 0 {
            *sib = loom.tail(n);
            loom.head(n)
        } else {
            *sib = loom.head(n);
            loom.tail(n)
        };
        if traffic {
            loom.inc(child);
            loom.dec(n);
        }
        n = child;
    }
    if traffic {
        loom.dec(n);
    }
    let mut new = val;
    for level in (0..d).rev() {
        let sib = sibs[level];
        loom.inc(sib);
        new = if (idx >> (d - 1 - level)) & 1 == 0 {
            loom.cell(new, sib)
        } else {
            loom.cell(sib, new)
        };
    }
    loom.dec(root);
    new
}

/// Workload B on the RC loom.
pub fn workload_b(p: ParamsB, traffic: bool) -> Outcome {
    let mut loom = Loom::new(ARENA_WORDS);
    let mut rng = Rng::new(0x5eed);
    let start = Timer::start();
    let mut root = build_tree(&mut loom, p.depth);
    for s in 0..p.steps {
        let (idx, val) = b_step(&mut rng, &p, s);
        root = update(&mut loom, root, p.depth, idx, val, traffic);
    }
    let (elapsed_ns, cpu_ns, sys_ns) = start.stop3();
    Outcome {
        elapsed_ns,
        cpu_ns,
        sys_ns,
        reclaim_ns: None,
        cells_allocated: p.cells_allocated(),
        live_cells: p.live_cells(),
        peak_heap_bytes: loom.peak_bytes(),
        checksum: tree_checksum(&loom, root),
        extra: vec![("frees", loom.frees)],
    }
}
