//! The runtime: a heap, the code cache, memo caches, the machine's stacks, and
//! the embedder's roots. `Runtime::nock` is the one way to run Nock.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

use mars_noun::{Collector, GcReport, Generation, Heap, HeapConfig, HeapError, Noun, OutOfMemory};

use crate::bail::{Bail, Mote};
use crate::cache::{Code, CodeCache};
use crate::cold::Cold;
use crate::host::{Host, NoHost};
use crate::jets::HotTable;
use crate::memo::Memo;

/// Bounds on one computation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Nock call depth (non-tail); past it the computation bails `%meme`.
    pub max_depth: usize,
    /// Entries in the transient `%memo` cache.
    pub memo_transient: usize,
    /// Entries in the persistent `%memo` cache.
    pub memo_persistent: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 1 << 24,
            memo_transient: 50_000,
            memo_persistent: 50_000,
        }
    }
}

/// A saved return point.
pub(crate) struct Frame {
    pub(crate) code: Rc<Code>,
    pub(crate) pc: usize,
    pub(crate) subject: Noun,
}

/// Counters for benchmarks and reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunStats {
    pub formulas_compiled: u64,
    pub memo_hits: u64,
    pub minor_collections: u64,
    pub major_collections: u64,
}

/// A Nock machine with its heap.
pub struct Runtime {
    pub heap: Heap,
    pub(crate) cache: CodeCache,
    pub(crate) memo: Memo,
    pub(crate) memo_keep: Memo,
    pub(crate) stack: Vec<Noun>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) trace: Vec<(Noun, Noun)>,
    /// Nouns the embedder keeps across computations (see `keep`).
    roots: Vec<Noun>,
    pub(crate) host: Box<dyn Host>,
    pub(crate) limits: Limits,
    interrupt: Arc<AtomicUsize>,
    /// The current subject while a collection runs.
    pub(crate) parked: Vec<Noun>,
    pub(crate) parked_code: Option<Rc<Code>>,
    pub(crate) cold: Cold,
    pub(crate) hot: HotTable,
    pub(crate) jets_enabled: bool,
    pub(crate) jet_stats: Option<JetStats>,
    /// Scry gates of the enclosing `+mink`s, innermost last.
    pub(crate) scry_gates: Vec<Noun>,
    /// Transient memo caches of the enclosing `+mink` levels.
    pub(crate) memo_stack: Vec<Memo>,
    /// `[9 2 0 1]`, one noun for every `slam`, so its code is compiled once.
    slam_formula: Noun,
    /// Print a line per major collection to stderr (`set_gc_log`).
    gc_log: bool,
    /// Jets checked against their arm's Nock (`set_jet_check`).
    pub(crate) jet_check: Option<Vec<String>>,
    pub(crate) in_jet_check: bool,
    /// Jet calls found to differ from their Nock under `set_jet_check`.
    pub(crate) jet_mismatches: u64,
}

/// Per-path jet counters (when enabled with `Runtime::set_jet_stats`).
#[derive(Debug, Default, Clone)]
pub struct JetStats {
    /// path → (calls, punts, total time)
    pub by_path: std::collections::BTreeMap<String, (u64, u64, std::time::Duration)>,
}

/// Native stack a nested `Runtime::nock` needs to start (jets punt well
/// before this: `interp.rs`).
const NATIVE_STACK_FLOOR: usize = 32 << 10;

/// `interrupt_flag` value: bail `%intr` (SIGINT).
pub const INTERRUPT_INTR: usize = 1;
/// `interrupt_flag` value: bail `%term` (SIGTERM).
pub const INTERRUPT_TERM: usize = 2;
/// `interrupt_flag` value: bail `%alrm` (CPU budget spent).
pub const INTERRUPT_ALRM: usize = 3;

/// A handle to a noun kept with `Runtime::keep`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Root(usize);

impl Runtime {
    /// A runtime with its own heap and no host.
    pub fn new(config: HeapConfig) -> Result<Runtime, HeapError> {
        Ok(Runtime::with_host(
            Heap::new(config)?,
            Box::new(NoHost),
            Limits::default(),
        ))
    }

    pub fn with_host(heap: Heap, host: Box<dyn Host>, limits: Limits) -> Runtime {
        Runtime {
            heap,
            cache: CodeCache::default(),
            memo: Memo::new(limits.memo_transient),
            memo_keep: Memo::new(limits.memo_persistent),
            stack: Vec::with_capacity(1 << 12),
            frames: Vec::with_capacity(1 << 10),
            trace: Vec::new(),
            roots: Vec::new(),
            host,
            limits,
            interrupt: Arc::new(AtomicUsize::new(0)),
            parked: Vec::new(),
            parked_code: None,
            cold: Cold::default(),
            hot: HotTable::default(),
            jets_enabled: true,
            jet_stats: None,
            scry_gates: Vec::new(),
            memo_stack: Vec::new(),
            slam_formula: Noun::ZERO,
            gc_log: false,
            jet_check: None,
            in_jet_check: false,
            jet_mismatches: 0,
        }
    }

    /// Check jets against the Nock they replace: every call of a jet whose
    /// path contains one of `patterns` (all jets if empty) also runs the
    /// arm's own Nock, and a difference is reported on stderr with the
    /// sample. Slow (the Hoon of `add` is unary); for finding a wrong jet
    /// (`mars play --check-jet`). `None` turns it off.
    pub fn set_jet_check(&mut self, patterns: Option<Vec<String>>) {
        self.jet_check = patterns;
    }

    /// Jet calls that differed from their Nock since checking began.
    pub fn jet_mismatches(&self) -> u64 {
        self.jet_mismatches
    }

    /// Print one line per major collection to stderr: live bytes, time,
    /// and the sizes of the caches that keep nouns alive (a diagnostic
    /// for memory growth: `mars play --gc-log`).
    pub fn set_gc_log(&mut self, on: bool) {
        self.gc_log = on;
    }

    /// Replace the host (jets, slog, scry).
    pub fn set_host(&mut self, host: Box<dyn Host>) {
        self.host = host;
    }

    /// The flag that, once set to one of `INTERRUPT_INTR`, `INTERRUPT_TERM`
    /// or `INTERRUPT_ALRM` (e.g. by a signal handler), makes the running
    /// computation bail with that mote at its next safepoint. It is cleared
    /// then; the embedder clears it before a computation to ignore signals
    /// that arrived while idle.
    pub fn interrupt_flag(&self) -> Arc<AtomicUsize> {
        self.interrupt.clone()
    }

    /// Keep `n` alive and up to date across collections; read it back with
    /// `root`. Roots are a stack: `release` the most recent ones first.
    pub fn keep(&mut self, n: Noun) -> Root {
        self.roots.push(n);
        Root(self.roots.len() - 1)
    }

    /// The current value of a kept noun.
    pub fn root(&self, r: Root) -> Noun {
        self.roots[r.0]
    }

    /// Overwrite a kept noun.
    pub fn set_root(&mut self, r: Root, n: Noun) {
        self.roots[r.0] = n;
    }

    /// Forget `r` and every root kept after it.
    pub fn release(&mut self, r: Root) {
        self.roots.truncate(r.0);
    }

    /// Install the jets (name path → native function); cores already
    /// registered are re-bound.
    pub fn install_hot(&mut self, hot: HotTable) {
        self.hot = hot;
        self.cold.rebind(&self.hot);
    }

    /// Run jetted arms natively (default) or as plain Nock.
    pub fn set_jets_enabled(&mut self, on: bool) {
        self.jets_enabled = on;
    }

    /// Count jet calls per path (and time them).
    pub fn set_jet_stats(&mut self, on: bool) {
        self.jet_stats = on.then(JetStats::default);
    }

    pub fn jet_stats(&self) -> Option<&JetStats> {
        self.jet_stats.as_ref()
    }

    /// The cold state (registered cores).
    pub fn cold(&self) -> &Cold {
        &self.cold
    }

    /// Number of registered locations (to roll back a failed event with
    /// `truncate_cold`).
    pub fn cold_len(&self) -> usize {
        self.cold.len()
    }

    pub fn truncate_cold(&mut self, len: usize) {
        self.cold.truncate(len);
    }

    /// The cold state as a noun (for snapshots).
    pub fn cold_noun(&mut self) -> Noun {
        self.cold.to_noun(&mut self.heap)
    }

    /// Replace the cold state by one saved with `cold_noun`; `false` (and
    /// nothing changed) if the noun is malformed.
    pub fn restore_cold(&mut self, saved: Noun) -> bool {
        match Cold::restore(&self.hot, saved) {
            Some(c) => {
                self.cold = c;
                true
            }
            None => false,
        }
    }

    /// Empty the transient `%memo` cache (the serf does this per event).
    pub fn clear_transient_memo(&mut self) {
        self.memo.clear();
    }

    pub fn stats(&self) -> RunStats {
        let h = self.heap.stats();
        RunStats {
            formulas_compiled: self.cache.compiled,
            memo_hits: self.memo.hits + self.memo_keep.hits,
            minor_collections: h.minor_collections,
            major_collections: h.major_collections,
        }
    }

    /// Number of compiled formulas cached.
    pub fn cached_formulas(&self) -> usize {
        self.cache.len()
    }

    /// `*[subject formula]`. The product is valid until the next collection
    /// (keep it to hold it longer). Out-of-memory anywhere inside becomes
    /// `%meme`.
    pub fn nock(&mut self, subject: Noun, formula: Noun) -> Result<Noun, Bail> {
        // Nock run from native code (jets, scry gates) nests native frames:
        // past the reserve, fail cleanly rather than overflow the stack.
        if stacker::remaining_stack().is_some_and(|left| left < NATIVE_STACK_FLOOR) {
            return Err(Bail::new(Mote::Meme, Vec::new()));
        }
        let (stack, frames, trace) = (self.stack.len(), self.frames.len(), self.trace.len());
        match catch_unwind(AssertUnwindSafe(|| self.run(subject, formula))) {
            Ok(r) => r,
            Err(payload) => {
                if payload.downcast_ref::<OutOfMemory>().is_none() {
                    std::panic::resume_unwind(payload);
                }
                self.stack.truncate(stack);
                self.frames.truncate(frames);
                let open = self.trace.split_off(trace);
                Err(Bail::new(Mote::Meme, open))
            }
        }
    }

    /// Slam a gate: `*[gate(sample := sample) 9 2 0 1]`, through Nock 9 so
    /// that a jetted gate runs its jet.
    pub fn slam(&mut self, gate: Noun, sample: Noun) -> Result<Noun, Bail> {
        let (battery, payload) = gate.cell_parts().ok_or_else(Bail::exit)?;
        let (_, context) = payload.cell_parts().ok_or_else(Bail::exit)?;
        let payload = self.heap.cell(sample, context);
        let core = self.heap.cell(battery, payload);
        if self.slam_formula.is_atom() {
            self.slam_formula =
                self.heap
                    .tuple(&[Noun::direct(9), Noun::direct(2), Noun::ZERO, Noun::ONE]);
        }
        let arm = self.slam_formula;
        self.nock(core, arm)
    }

    /// `slam`, for a jet that holds nouns across the call: `live` stays
    /// valid (the nouns are roots while the gate runs, and are updated if a
    /// collection moves them).
    pub fn slam_keeping(
        &mut self,
        gate: Noun,
        sample: Noun,
        live: &mut [Noun],
    ) -> Result<Noun, Bail> {
        self.nock_keeping(live, |rt| rt.slam(gate, sample))
    }

    /// Run `f` (which runs Nock on this runtime) with `live` kept as roots
    /// and updated afterwards, whatever `f` returns.
    pub fn nock_keeping<T>(&mut self, live: &mut [Noun], f: impl FnOnce(&mut Runtime) -> T) -> T {
        let mark = self.stack.len();
        self.stack.extend_from_slice(live);
        let r = f(self);
        live.copy_from_slice(&self.stack[mark..mark + live.len()]);
        self.stack.truncate(mark);
        r
    }

    /// Look `[key tag]` up in the current transient `%memo` cache (the
    /// one of this event, or of the innermost `+mink`). For jets that are
    /// caches, as vere's `ut` jets: `tag` names the arm, `key` its inputs.
    pub fn memo_get(&mut self, key: Noun, tag: Noun) -> Option<Noun> {
        self.memo.get(&self.heap, key, tag)
    }

    /// Store a successful product in the current transient `%memo` cache.
    pub fn memo_put(&mut self, key: Noun, tag: Noun, product: Noun) {
        self.memo.put(key, tag, product);
    }

    /// Collect now, keeping the embedder's roots and the host's.
    pub fn collect(&mut self, generation: Generation) -> GcReport {
        let mut parked = std::mem::take(&mut self.parked);
        let report = self.collect_with(generation, &mut parked);
        self.parked = parked;
        report
    }

    pub(crate) fn collect_with(&mut self, generation: Generation, extra: &mut [Noun]) -> GcReport {
        let Runtime {
            heap,
            cache,
            memo,
            memo_keep,
            stack,
            frames,
            trace,
            roots,
            host,
            parked_code,
            cold,
            scry_gates,
            memo_stack,
            slam_formula,
            ..
        } = self;
        let mut gc: Collector<'_> = heap.collect(generation);
        gc.roots(extra);
        gc.roots(roots);
        gc.roots(stack);
        for (tag, clue) in trace.iter_mut() {
            gc.root(tag);
            gc.root(clue);
        }
        for code in frames.iter().map(|f| &f.code).chain(parked_code.iter()) {
            let mut f = code.formula.get();
            gc.root(&mut f);
            code.formula.set(f);
        }
        for f in frames.iter_mut() {
            gc.root(&mut f.subject);
        }
        memo.roots(&mut gc);
        for m in memo_stack.iter_mut() {
            m.roots(&mut gc);
        }
        gc.roots(scry_gates);
        gc.root(slam_formula);
        memo_keep.roots(&mut gc);
        host.roots(&mut gc);
        cold.roots(&mut gc);
        // Roots are done; now the weak parts.
        for code in frames.iter().map(|f| &f.code).chain(parked_code.iter()) {
            code.update(&mut gc);
        }
        cache.collect(&mut gc);
        let report = gc.finish();
        if self.gc_log && report.generation == Generation::Major {
            let h = self.heap.stats();
            eprintln!(
                "gc: major #{}: live {} MiB (copied in {} ms), allocated {} MiB so far; \
                 memo {} + {} nested + {} persistent entries; {} formulas; {} cold; \
                 {} frames, {} stack",
                h.major_collections,
                report.old_bytes_after >> 20,
                report.elapsed.as_millis(),
                h.allocated_bytes >> 20,
                self.memo.len(),
                self.memo_stack.iter().map(Memo::len).sum::<usize>(),
                self.memo_keep.len(),
                self.cache.len(),
                self.cold.len(),
                self.frames.len(),
                self.stack.len(),
            );
        }
        report
    }
}
