//! The two allocation workloads, as parameters shared by every memory
//! manager, plus the result every implementation reports.
//!
//! * **A (map)**: build a list of `n` direct atoms `0..n`, then `rounds`
//!   times map it to a new list (`x -> x+1`, one new cell per element) and
//!   drop the old one. The map walks the list head-first and conses onto an
//!   accumulator, so each round also reverses the list (the same for every
//!   manager; with an even number of rounds the final order is the original).
//!   Cells allocated: `n * (rounds + 1)`; live: `n` (plus the list being
//!   built during a round).
//! * **C (map with temporaries)**, not in the brief: A, but each element
//!   also builds a 4-cell temporary list `[x x+1 x+2 x+3 ~]`, reads its
//!   second item as the new element and drops it — the short-lived garbage
//!   of an interpreter building gate subjects. 4 of every 5 cells die at
//!   once; A and B have none of that.
//! * **B (path copy)**: a complete binary tree of depth `depth` (leaves are
//!   direct atoms), then `steps` times replace one pseudo-random leaf,
//!   rebuilding the `depth` cells on its path and sharing the rest. Cells
//!   allocated: `2^depth - 1 + depth * steps`; live: `2^depth - 1`.

/// Parameters of workload A.
#[derive(Debug, Clone, Copy)]
pub struct ParamsA {
    pub n: u64,
    pub rounds: u64,
    /// Temporary cells per element (0 for A, 4 for C).
    pub temps: u64,
}

/// Parameters of workload B.
#[derive(Debug, Clone, Copy)]
pub struct ParamsB {
    pub depth: u32,
    pub steps: u64,
}

impl ParamsA {
    pub fn full() -> ParamsA {
        ParamsA {
            n: 1_000_000,
            rounds: 100,
            temps: 0,
        }
    }

    pub fn small() -> ParamsA {
        ParamsA {
            n: 100_000,
            rounds: 10,
            temps: 0,
        }
    }

    /// Workload C: A with 4 temporaries per element.
    pub fn with_temps(self) -> ParamsA {
        ParamsA { temps: 4, ..self }
    }

    pub fn cells_allocated(&self) -> u64 {
        self.n + self.n * self.rounds * (1 + self.temps)
    }
}

impl ParamsB {
    pub fn full() -> ParamsB {
        ParamsB {
            depth: 20,
            steps: 10_000_000,
        }
    }

    pub fn small() -> ParamsB {
        ParamsB {
            depth: 16,
            steps: 200_000,
        }
    }

    pub fn live_cells(&self) -> u64 {
        (1 << self.depth) - 1
    }

    pub fn cells_allocated(&self) -> u64 {
        self.live_cells() + u64::from(self.depth) * self.steps
    }
}

/// xorshift64*: the same pseudo-random leaf sequence for every manager.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform-ish in `0..n` (n > 0).
    #[inline]
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// Leaf index and new value for step `s` of workload B.
#[inline]
pub fn b_step(rng: &mut Rng, p: &ParamsB, s: u64) -> (u64, u64) {
    (rng.below(1 << p.depth), s + (1 << 32))
}

/// Order-sensitive checksum of a sequence of values (list elements or tree
/// leaves left to right), identical across managers iff they computed the
/// same thing.
#[derive(Debug, Default, Clone, Copy)]
pub struct Checksum {
    pub count: u64,
    pub sum: u64,
}

impl Checksum {
    #[inline]
    pub fn add(&mut self, v: u64) {
        self.count += 1;
        self.sum = self
            .sum
            .wrapping_mul(0x100_0000_01b3)
            .wrapping_add(v ^ self.count);
    }
}

/// What one run of a workload on one manager reports.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Wall time of the whole workload (initial build included).
    pub elapsed_ns: u64,
    /// CPU time (user + system) of the same.
    pub cpu_ns: u64,
    /// Of which system time (page faults, mmap/munmap, madvise).
    pub sys_ns: u64,
    /// CPU time spent in the collector / freeing / copying out, when it can
    /// be timed without distorting the run (not per 20-cell step).
    pub reclaim_ns: Option<u64>,
    pub cells_allocated: u64,
    pub live_cells: u64,
    /// High-water mark of the manager's own memory (bytes), counting both
    /// from- and to-space during a copy.
    pub peak_heap_bytes: u64,
    pub checksum: Checksum,
    /// Manager-specific counters, printed as-is.
    pub extra: Vec<(&'static str, u64)>,
}
