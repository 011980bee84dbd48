//! Manager (a): mars-noun as it is. Allocation is `Heap::cell`; a safepoint
//! after every cell (A) or every step (B) runs a minor collection when
//! `wants_minor()` and then a major one when `wants_major()`, handing the
//! workload's live nouns as roots, as the interpreter does.

use mars_noun::{Generation, Heap, HeapConfig, Noun};

use crate::measure::{cpu_ns, Timer};
use crate::workload::{b_step, Checksum, Outcome, ParamsA, ParamsB, Rng};

/// Collector bookkeeping shared by both workloads.
#[derive(Default)]
struct Acct {
    gc_ns: u64,
    peak: u64,
}

impl Acct {
    /// The interpreter's safepoint: collect if the heap asks for it.
    #[inline]
    fn safepoint(&mut self, heap: &mut Heap, roots: &mut [Noun]) {
        if !heap.wants_minor() {
            return;
        }
        self.collect(heap, roots, Generation::Minor);
        if heap.wants_major() {
            self.collect(heap, roots, Generation::Major);
        }
    }

    #[cold]
    fn collect(&mut self, heap: &mut Heap, roots: &mut [Noun], generation: Generation) {
        let before = heap.used_bytes() as u64;
        let t = cpu_ns();
        let mut gc = heap.collect(generation);
        gc.roots(roots);
        let r = gc.finish();
        self.gc_ns += cpu_ns() - t;
        // During the copy both from-space and to-space exist.
        self.peak = self.peak.max(before + r.copied_bytes as u64);
    }

    fn finish(self, heap: &Heap, mut out: Outcome) -> Outcome {
        let s = heap.stats();
        out.peak_heap_bytes = self.peak.max(heap.used_bytes() as u64);
        out.reclaim_ns = Some(self.gc_ns);
        out.extra = vec![
            ("minor_gcs", s.minor_collections),
            ("major_gcs", s.major_collections),
            ("copied_mib", s.copied_bytes >> 20),
        ];
        out
    }
}

fn list_checksum(mut n: Noun) -> Checksum {
    let mut c = Checksum::default();
    while let Some((h, t)) = n.cell_parts() {
        c.add(h.as_direct().expect("direct atom"));
        n = t;
    }
    c
}

/// Workload A (or C) on mars-noun.
pub fn workload_a(config: HeapConfig, p: ParamsA) -> Outcome {
    let mut heap = Heap::new(config).expect("heap");
    let mut acct = Acct::default();
    let start = Timer::start();
    let mut roots = [Noun::NULL; 2];
    for i in (0..p.n).rev() {
        roots[0] = heap.cell(Noun::direct(i), roots[0]);
        acct.safepoint(&mut heap, &mut roots[..1]);
    }
    for _ in 0..p.rounds {
        // roots[0]: the rest of the old list; roots[1]: the new list.
        roots[1] = Noun::NULL;
        while let Some((h, t)) = roots[0].cell_parts() {
            let x = h.as_direct().expect("direct atom");
            let v = if p.temps == 0 {
                x + 1
            } else {
                // Workload C: a temporary list, read and dropped.
                let mut tmp = Noun::NULL;
                for j in (0..p.temps).rev() {
                    tmp = heap.cell(Noun::direct(x + j), tmp);
                }
                tmp.slot_u64(6).and_then(Noun::as_direct).expect("item")
            };
            roots[1] = heap.cell(Noun::direct(v), roots[1]);
            roots[0] = t;
            acct.safepoint(&mut heap, &mut roots);
        }
        roots[0] = roots[1];
    }
    let (elapsed_ns, cpu_ns, sys_ns) = start.stop3();
    let out = Outcome {
        elapsed_ns,
        cpu_ns,
        sys_ns,
        cells_allocated: p.cells_allocated(),
        live_cells: p.n,
        checksum: list_checksum(roots[0]),
        ..Outcome::default()
    };
    acct.finish(&heap, out)
}

/// The tree of workload B (leaf `i` holds `i`), built level by level.
pub fn build_tree(heap: &mut Heap, depth: u32) -> Noun {
    let mut level: Vec<Noun> = (0..1u64 << depth).map(Noun::direct).collect();
    while level.len() > 1 {
        level = level
            .chunks_exact(2)
            .map(|pair| heap.cell(pair[0], pair[1]))
            .collect();
    }
    level[0]
}

/// Replace leaf `idx` of `root` by `val`, sharing everything off the path.
#[inline]
fn update(heap: &mut Heap, root: Noun, depth: u32, idx: u64, val: Noun) -> Noun {
    let mut sibs = [Noun::ZERO; 64];
    let mut n = root;
    for (level, sib) in sibs.iter_mut().enumerate().take(depth as usize) {
        let (h, t) = n.cell_parts().expect("tree cell");
        if (idx >> (depth as usize - 1 - level)) & 1 == 0 {
            *sib = t;
            n = h;
        } else {
            *sib = h;
            n = t;
        }
    }
    let mut new = val;
    for level in (0..depth as usize).rev() {
        new = if (idx >> (depth as usize - 1 - level)) & 1 == 0 {
            heap.cell(new, sibs[level])
        } else {
            heap.cell(sibs[level], new)
        };
    }
    new
}

pub fn tree_checksum(root: Noun) -> Checksum {
    let mut c = Checksum::default();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        match n.cell_parts() {
            Some((h, t)) => {
                stack.push(t);
                stack.push(h);
            }
            None => c.add(n.as_direct().expect("direct leaf")),
        }
    }
    c
}

/// Workload B on mars-noun.
pub fn workload_b(config: HeapConfig, p: ParamsB) -> Outcome {
    let mut heap = Heap::new(config).expect("heap");
    let mut acct = Acct::default();
    let mut rng = Rng::new(0x5eed);
    let start = Timer::start();
    // No safepoint inside the build: the builder holds nouns in a Vec.
    let mut roots = [build_tree(&mut heap, p.depth)];
    acct.safepoint(&mut heap, &mut roots);
    for s in 0..p.steps {
        let (idx, val) = b_step(&mut rng, &p, s);
        roots[0] = update(&mut heap, roots[0], p.depth, idx, Noun::direct(val));
        acct.safepoint(&mut heap, &mut roots);
    }
    let (elapsed_ns, cpu_ns, sys_ns) = start.stop3();
    let out = Outcome {
        elapsed_ns,
        cpu_ns,
        sys_ns,
        cells_allocated: p.cells_allocated(),
        live_cells: p.live_cells(),
        checksum: tree_checksum(roots[0]),
        ..Outcome::default()
    };
    acct.finish(&heap, out)
}
