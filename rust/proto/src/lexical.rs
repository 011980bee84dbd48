//! Manager (c): an Ares-style lexical stack.
//!
//! One word arena used from both ends, as in Ares's `NockStack`: the home
//! frame grows from one end, a child frame from the other. Each round (A) or
//! step (B) runs in a child frame: it allocates by bumping, reads freely
//! from the home frame, and when it is popped its product is deep-copied
//! into the home frame — stopping at nouns that are not in the child frame
//! (older ones), with forwarding pointers so sharing inside the frame is
//! kept — and the child frame is reset in O(1). Frames nest, alternating
//! ends (in workload C each element's gate call is a grandchild frame).
//!
//! Garbage left in the home frame (the previous list in A, the replaced
//! paths in B) is never reclaimed by popping, so the home frame is *flipped*
//! (its roots deep-copied to the other end, then the old end reset: Ares's
//! top-frame flip between events) when it has grown to twice what survived
//! the previous flip and past 64 MiB — the same trigger as mars-noun's major
//! collection. Without that the home frame grows without bound (by 24 MB per
//! round in A, 480 bytes per step in B).

use crate::arena::{
    cell_noun, is_cell, is_ptr, off, Arena, ATOM_TAG, CELL_WORDS, META_ATOM, META_FORWARD,
};
use crate::measure::{cpu_ns, Timer};
use crate::workload::{b_step, Checksum, Outcome, ParamsA, ParamsB, Rng};

const FLIP_MIN_WORDS: usize = (64 << 20) / 8;

pub struct Stack {
    arena: Arena,
    /// Next free word at the west end (grows up).
    lo: usize,
    /// Lowest used word at the east end (grows down).
    hi: usize,
    /// Frames, home first: (allocates at the west end?, start mark). Frames
    /// alternate ends, so a frame's parent always allocates at the other end.
    frames: Vec<(bool, usize)>,
    live_after_flip: usize,
    peak_words: usize,
    copy_stack: Vec<usize>,
    copied_words: u64,
    flips: u64,
}

/// 1 GiB of stack (zero-allocated: only touched pages become resident).
const ARENA_WORDS: usize = (1 << 30) / 8;

impl Stack {
    pub fn new(words: usize) -> Stack {
        let arena = Arena::new(words);
        let hi = arena.words();
        Stack {
            arena,
            lo: 0,
            hi,
            frames: vec![(true, 0)],
            live_after_flip: 0,
            peak_words: 0,
            copy_stack: Vec::with_capacity(1024),
            copied_words: 0,
            flips: 0,
        }
    }

    #[inline]
    fn bump(&mut self, west: bool, words: usize) -> usize {
        if west {
            let p = self.lo;
            self.lo += words;
            assert!(self.lo <= self.hi, "stack exhausted");
            p
        } else {
            assert!(self.lo + words <= self.hi, "stack exhausted");
            self.hi -= words;
            self.hi
        }
    }

    /// Which end the current frame allocates from.
    #[inline]
    fn current_west(&self) -> bool {
        self.frames[self.frames.len() - 1].0
    }

    #[inline]
    pub fn cell(&mut self, h: u64, t: u64) -> u64 {
        let o = self.bump(self.current_west(), CELL_WORDS);
        self.arena.set(o, 0);
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

    fn used_words(&self) -> usize {
        self.lo + (self.arena.words() - self.hi)
    }

    fn home_words(&self) -> usize {
        if self.frames[0].0 {
            self.lo
        } else {
            self.arena.words() - self.hi
        }
    }

    #[inline]
    pub fn push_frame(&mut self) {
        let west = !self.current_west();
        let mark = if west { self.lo } else { self.hi };
        self.frames.push((west, mark));
    }

    /// Pop the current frame, copying `product` into its parent.
    #[inline]
    pub fn pop_frame(&mut self, product: u64) -> u64 {
        assert!(self.frames.len() > 1, "cannot pop the home frame");
        let (west, mark) = self.frames.pop().expect("a frame");
        self.peak_words = self.peak_words.max(self.used_words());
        let range = if west {
            (mark, self.lo)
        } else {
            (self.hi, mark)
        };
        let out = self.copy(product, range, !west);
        self.peak_words = self.peak_words.max(self.used_words());
        if west {
            self.lo = mark;
        } else {
            self.hi = mark;
        }
        out
    }

    /// Between rounds/steps: flip the home frame if it holds enough garbage.
    pub fn maybe_flip(&mut self, roots: &mut [u64]) {
        assert_eq!(self.frames.len(), 1, "flip only between events");
        let home = self.home_words();
        if home < FLIP_MIN_WORDS || home < 2 * self.live_after_flip {
            return;
        }
        let home_west = self.frames[0].0;
        let range = if home_west {
            (0, self.lo)
        } else {
            (self.hi, self.arena.words())
        };
        let to_west = !home_west;
        for r in roots.iter_mut() {
            *r = self.copy(*r, range, to_west);
        }
        self.peak_words = self.peak_words.max(self.used_words());
        if home_west {
            self.lo = 0;
        } else {
            self.hi = self.arena.words();
        }
        self.frames[0] = (to_west, if to_west { 0 } else { self.arena.words() });
        self.live_after_flip = self.home_words();
        self.flips += 1;
    }

    /// Deep-copy `n` out of `range` into the `to_west` end, leaving
    /// forwarding pointers behind.
    fn copy(&mut self, n: u64, range: (usize, usize), to_west: bool) -> u64 {
        let root = self.evacuate(n, range, to_west);
        while let Some(slot) = self.copy_stack.pop() {
            let moved = self.evacuate(self.arena.get(slot), range, to_west);
            self.arena.set(slot, moved);
        }
        root
    }

    #[inline]
    fn evacuate(&mut self, n: u64, range: (usize, usize), to_west: bool) -> u64 {
        if !is_ptr(n) {
            return n;
        }
        let o = off(n);
        if o < range.0 || o >= range.1 {
            return n;
        }
        let meta = self.arena.get(o);
        if meta & META_FORWARD != 0 {
            return self.arena.get(o + 1);
        }
        let words = if meta & META_ATOM != 0 {
            2 + self.arena.get(o + 1) as usize
        } else {
            CELL_WORDS
        };
        let dst = self.bump(to_west, words);
        self.arena.copy(o, dst, words);
        let new = if is_cell(n) {
            cell_noun(dst)
        } else {
            ATOM_TAG | dst as u64
        };
        self.arena.set(o, META_FORWARD);
        self.arena.set(o + 1, new);
        self.copied_words += words as u64;
        if is_cell(n) {
            self.copy_stack.push(dst + 2);
            self.copy_stack.push(dst + 1);
        }
        new
    }

    fn finish(&self, mut out: Outcome) -> Outcome {
        out.peak_heap_bytes = self.peak_words.max(self.used_words()) as u64 * 8;
        out.extra = vec![
            ("flips", self.flips),
            ("copied_mib", (self.copied_words * 8) >> 20),
        ];
        out
    }
}

fn list_checksum(st: &Stack, mut n: u64) -> Checksum {
    let mut c = Checksum::default();
    while is_cell(n) {
        c.add(st.head(n));
        n = st.tail(n);
    }
    c
}

/// Workload A (or C) on the lexical stack. Each round is a frame; in C each
/// element's temporaries are built in a nested frame (a gate call) whose
/// product is a direct atom, so nothing is copied out of it.
pub fn workload_a(p: ParamsA) -> Outcome {
    let mut st = Stack::new(ARENA_WORDS);
    let start = Timer::start();
    let mut roots = [0u64];
    for i in (0..p.n).rev() {
        roots[0] = st.cell(i, roots[0]);
    }
    let mut reclaim_ns = 0;
    for _ in 0..p.rounds {
        st.push_frame();
        let mut cur = roots[0];
        let mut acc = 0u64;
        while is_cell(cur) {
            let x = st.head(cur);
            let v = if p.temps == 0 {
                x + 1
            } else {
                st.push_frame();
                let mut tmp = 0u64;
                for j in (0..p.temps).rev() {
                    tmp = st.cell(x + j, tmp);
                }
                let v = st.head(st.tail(tmp));
                st.pop_frame(v)
            };
            acc = st.cell(v, acc);
            cur = st.tail(cur);
        }
        let t = cpu_ns();
        roots[0] = st.pop_frame(acc);
        st.maybe_flip(&mut roots);
        reclaim_ns += cpu_ns() - t;
    }
    let (elapsed_ns, cpu_ns, sys_ns) = start.stop3();
    st.finish(Outcome {
        elapsed_ns,
        cpu_ns,
        sys_ns,
        reclaim_ns: if p.temps == 0 { Some(reclaim_ns) } else { None },
        cells_allocated: p.cells_allocated(),
        live_cells: p.n,
        checksum: list_checksum(&st, roots[0]),
        ..Outcome::default()
    })
}

fn build_tree(st: &mut Stack, depth: u32) -> u64 {
    let mut level: Vec<u64> = (0..1u64 << depth).collect();
    while level.len() > 1 {
        level = level
            .chunks_exact(2)
            .map(|pair| st.cell(pair[0], pair[1]))
            .collect();
    }
    level[0]
}

fn tree_checksum(st: &Stack, root: u64) -> Checksum {
    let mut c = Checksum::default();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if is_cell(n) {
            stack.push(st.tail(n));
            stack.push(st.head(n));
        } else {
            c.add(n);
        }
    }
    c
}

#[inline]
fn update(st: &mut Stack, root: u64, depth: u32, idx: u64, val: u64) -> u64 {
    let d = depth as usize;
    let mut sibs = [0u64; 64];
    let mut n = root;
    for (level, sib) in sibs.iter_mut().enumerate().take(d) {
        if (idx >> (d - 1 - level)) & 1 == 0 {
            *sib = st.tail(n);
            n = st.head(n);
        } else {
            *sib = st.head(n);
            n = st.tail(n);
        }
    }
    let mut new = val;
    for level in (0..d).rev() {
        new = if (idx >> (d - 1 - level)) & 1 == 0 {
            st.cell(new, sibs[level])
        } else {
            st.cell(sibs[level], new)
        };
    }
    new
}

/// Workload B on the lexical stack.
pub fn workload_b(p: ParamsB) -> Outcome {
    let mut st = Stack::new(ARENA_WORDS);
    let mut rng = Rng::new(0x5eed);
    let start = Timer::start();
    let mut roots = [build_tree(&mut st, p.depth)];
    for s in 0..p.steps {
        let (idx, val) = b_step(&mut rng, &p, s);
        st.push_frame();
        let new = update(&mut st, roots[0], p.depth, idx, val);
        roots[0] = st.pop_frame(new);
        st.maybe_flip(&mut roots);
    }
    let (elapsed_ns, cpu_ns, sys_ns) = start.stop3();
    st.finish(Outcome {
        elapsed_ns,
        cpu_ns,
        sys_ns,
        reclaim_ns: None,
        cells_allocated: p.cells_allocated(),
        live_cells: p.live_cells(),
        checksum: tree_checksum(&st, roots[0]),
        ..Outcome::default()
    })
}
