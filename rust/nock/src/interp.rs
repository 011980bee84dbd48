//! The dispatch loop: the one place bytecode is executed.
//!
//! State: the current code and pc, the subject register, the value stack, the
//! frame stack and the trace stack, all on the heap (Vecs), so Nock depth
//! never uses the Rust stack. A nested `run` (used by virtualisation) works
//! above the current stack tops and returns when its own base frame returns.
//!
//! Safepoints (where a collection may run and the interrupt flag is read) are
//! the calls: every loop in Nock goes through a Nock 2 or 9.

use std::rc::Rc;
use std::sync::atomic::Ordering;

use mars_noun::{unify_eq, Generation, Heap, Noun, DIRECT_MAX};

use crate::bail::{Bail, Mote};
use crate::cache::Code;
use crate::jets::{JetError, JetFn};
use crate::op::Op;
use crate::runtime::{Frame, Runtime, INTERRUPT_ALRM, INTERRUPT_TERM};

/// Native stack kept free below a jet call: room for the deepest jet and
/// the Nock it runs until that Nock calls the next jet (measured: about
/// 1 KB per nesting level in release builds, 8 KB in debug builds).
const JET_STACK_RESERVE: usize = 96 << 10;

/// Marks where a nested run's state begins on the shared stacks.
struct Base {
    stack: usize,
    frames: usize,
    trace: usize,
}

impl Runtime {
    #[cold]
    fn fail(&mut self, mote: Mote, base: &Base) -> Bail {
        self.stack.truncate(base.stack);
        self.frames.truncate(base.frames);
        let open = self.trace.split_off(base.trace);
        Bail::new(mote, open)
    }

    /// Pass on a bail from Nock a jet ran: the frames open here, then its own.
    #[cold]
    fn fail_with(&mut self, mut inner: Bail, base: &Base) -> Bail {
        self.stack.truncate(base.stack);
        self.frames.truncate(base.frames);
        let mut open = self.trace.split_off(base.trace);
        open.append(inner.trace_mut());
        *inner.trace_mut() = open;
        inner
    }

    /// Collect if the nursery is full; bail if interrupted or out of memory.
    #[cold]
    #[inline(never)]
    fn safepoint(&mut self, subject: &mut Noun, code: &Rc<Code>) -> Result<(), Mote> {
        match self.interrupt_flag().swap(0, Ordering::Relaxed) {
            0 => {}
            INTERRUPT_TERM => return Err(Mote::Term),
            INTERRUPT_ALRM => return Err(Mote::Alrm),
            _ => return Err(Mote::Intr),
        }
        if self.heap.wants_minor() {
            self.parked_code = Some(code.clone());
            let mut regs = [*subject];
            self.collect_with(Generation::Minor, &mut regs);
            if self.heap.wants_major() {
                self.collect_with(Generation::Major, &mut regs);
            }
            self.parked_code = None;
            *subject = regs[0];
            if self.heap.over_limit() {
                return Err(Mote::Meme);
            }
        }
        Ok(())
    }

    /// Nock 12 inside `+mink`: slam the innermost scry gate (run one level
    /// out, with the gates outside it) with `[ref path]`. `~` blocks, `[~ ~]`
    /// crashes, `[~ ~ v]` is `v`. A block or crash carries the frame
    /// `[%hunk [ref path]]`.
    fn scry_through_gate(&mut self, reference: Noun, path: Noun) -> Result<Noun, Bail> {
        let Some(gate) = self.scry_gates.pop() else {
            return Err(Bail::exit());
        };
        let sample = self.heap.cell(reference, path);
        // Both stay roots while the gate runs (it may collect).
        let kept_gate = self.keep(gate);
        let kept_sample = self.keep(sample);
        let r = self.slam(gate, sample);
        let (gate, sample) = (self.root(kept_gate), self.root(kept_sample));
        self.release(kept_gate);
        self.scry_gates.push(gate);
        let product = r?;
        let path = sample.cell_parts().map_or(Noun::ZERO, |(_, p)| p);
        let frame = vec![(Noun::direct(crate::compile::TRACE_TAGS[0]), sample)];
        match product.cell_parts() {
            None => Err(Bail::block(path, frame)),
            Some((_, inner)) => match inner.cell_parts() {
                Some((_, v)) => Ok(v),
                None => Err(Bail::new(Mote::Exit, frame)),
            },
        }
    }

    /// Call a jet, counting it if statistics are on. A jet that runs Nock
    /// (a slammed gate, a hooked arm) nests native frames; when the native
    /// stack runs low the jet is not called and its arm runs as Nock, which
    /// uses none, so deep nesting costs speed, never a crash.
    fn call_jet(&mut self, jet: JetFn, core: Noun, axis: u64) -> Result<Noun, JetError> {
        if stacker::remaining_stack().is_some_and(|left| left < JET_STACK_RESERVE) {
            return Err(JetError::Punt);
        }
        if self.jet_check.is_some() {
            return self.call_jet_checked(jet, core, axis);
        }
        if self.jet_stats.is_none() {
            return jet(self, core);
        }
        let path = self.cold.path_of(core).unwrap_or("?").to_string();
        let started = std::time::Instant::now();
        let r = jet(self, core);
        if let Some(stats) = self.jet_stats.as_mut() {
            let e = stats.by_path.entry(path).or_default();
            e.0 += 1;
            if matches!(r, Err(JetError::Punt)) {
                e.1 += 1;
            }
            e.2 += started.elapsed();
        }
        r
    }

    /// `call_jet` under `Runtime::set_jet_check`: when the jet's path
    /// matches, run the arm's own Nock too (its inner jets as usual) and
    /// report to stderr where the two differ. The jet's result stands.
    #[cold]
    fn call_jet_checked(&mut self, jet: JetFn, core: Noun, axis: u64) -> Result<Noun, JetError> {
        let checked = !self.in_jet_check
            && self.cold.path_of(core).is_some_and(|p| {
                self.jet_check.as_ref().is_some_and(|pats| {
                    pats.is_empty() || pats.iter().any(|x| p.contains(x.as_str()))
                })
            });
        let mut live = [core];
        // The jet may run Nock, which may move the core.
        let r = self.nock_keeping(&mut live, |rt| jet(rt, core));
        if !checked {
            return r;
        }
        let core = live[0];
        let Some(formula) = core.slot_u64(axis) else {
            return r;
        };
        let path = self.cold.path_of(core).unwrap_or("?").to_string();
        let jetted = match &r {
            Ok(p) => Some(*p),
            Err(_) => None,
        };
        let mut live = [core, jetted.unwrap_or(Noun::ZERO)];
        self.in_jet_check = true;
        let plain = self.nock_keeping(&mut live, |rt| rt.nock(core, formula));
        self.in_jet_check = false;
        let agree = match (&r, &plain) {
            (Ok(_), Ok(q)) => mars_noun::noun_eq(live[1], *q),
            (Err(JetError::Punt), _) => true,
            (Err(_), Err(_)) => true,
            _ => false,
        };
        if !agree {
            self.jet_mismatches += 1;
            let show = |x: Result<Noun, String>| match x {
                Ok(n) => mars_noun::fmt::render(n, 400),
                Err(e) => e,
            };
            eprintln!(
                "jet check: {path} differs from its Nock\n  sample: {}\n  jet:    {}\n  nock:   {}",
                mars_noun::fmt::render(live[0].slot_u64(6).unwrap_or(Noun::ZERO), 400),
                show(r.as_ref().map(|_| live[1]).map_err(|e| format!("{e:?}"))),
                show(plain.as_ref().map(|n| *n).map_err(|b| format!("{b:?}"))),
            );
        }
        r.map(|_| live[1])
    }

    #[inline(always)]
    fn pop(&mut self) -> Noun {
        match self.stack.pop() {
            Some(n) => n,
            // The compiler only emits balanced code.
            None => unreachable!("mars-nock: value stack underflow"),
        }
    }

    pub(crate) fn run(&mut self, subject: Noun, formula: Noun) -> Result<Noun, Bail> {
        let base = Base {
            stack: self.stack.len(),
            frames: self.frames.len(),
            trace: self.trace.len(),
        };
        let mut subj = subject;
        let mut code = self.cache.get(&self.heap, formula);
        let mut pc = 0usize;
        let interrupt = self.interrupt_flag();
        macro_rules! bail {
            ($m:expr) => {
                return Err(self.fail($m, &base))
            };
        }
        macro_rules! safepoint {
            () => {
                if self.heap.wants_minor() || interrupt.load(Ordering::Relaxed) != 0 {
                    if let Err(m) = self.safepoint(&mut subj, &code) {
                        bail!(m)
                    }
                }
            };
        }
        // Enter `formula` with `s` as subject, pushing a return frame.
        macro_rules! call {
            ($s:expr, $f:expr) => {{
                if self.frames.len() - base.frames >= self.limits.max_depth {
                    bail!(Mote::Meme)
                }
                let callee = self.cache.get(&self.heap, $f);
                let ret = std::mem::replace(&mut code, callee);
                self.frames.push(Frame {
                    code: ret,
                    pc,
                    subject: subj,
                });
                subj = $s;
                pc = 0;
            }};
        }
        macro_rules! jump {
            ($s:expr, $f:expr) => {{
                code = self.cache.get(&self.heap, $f);
                subj = $s;
                pc = 0;
            }};
        }
        loop {
            let op = code.ops[pc];
            pc += 1;
            match op {
                Op::Subj => self.stack.push(subj),
                Op::Slot(ax) => match subj.slot_u64(ax) {
                    Some(n) => self.stack.push(n),
                    None => bail!(Mote::Exit),
                },
                Op::SlotBig(k) => match subj.slot(code.konst(k)) {
                    Some(n) => self.stack.push(n),
                    None => bail!(Mote::Exit),
                },
                Op::Const(k) => self.stack.push(code.konst(k)),
                Op::Cons => {
                    let t = self.pop();
                    let h = self.pop();
                    let c = self.heap.cell(h, t);
                    self.stack.push(c);
                }
                Op::IsCell => {
                    let n = self.pop();
                    self.stack.push(Noun::loobean(n.is_cell()));
                }
                Op::Inc => {
                    let n = self.pop();
                    match n.as_direct() {
                        Some(v) if v < DIRECT_MAX => self.stack.push(Noun::direct(v + 1)),
                        _ => match increment(&mut self.heap, n) {
                            Some(m) => self.stack.push(m),
                            None => bail!(Mote::Exit),
                        },
                    }
                }
                Op::Eq => {
                    let b = self.pop();
                    let a = self.pop();
                    self.stack.push(Noun::loobean(unify_eq(&self.heap, a, b)));
                }
                Op::Branch(target) => match self.pop().raw() {
                    0 => {}
                    1 => pc = target as usize,
                    _ => bail!(Mote::Exit),
                },
                Op::Jump(target) => pc = target as usize,
                Op::Call => {
                    safepoint!();
                    let f = self.pop();
                    let s = self.pop();
                    call!(s, f);
                }
                Op::CallTail => {
                    safepoint!();
                    let f = self.pop();
                    let s = self.pop();
                    jump!(s, f);
                }
                Op::CallArm(ax) | Op::CallArmTail(ax) => {
                    safepoint!();
                    let mut core = self.pop();
                    if self.jets_enabled {
                        if let Some(jet) = self.cold.jet(&self.heap, core, ax) {
                            // Park the machine on its own stacks: the jet
                            // may run Nock, which may collect.
                            self.stack.push(core);
                            self.frames.push(Frame {
                                code: code.clone(),
                                pc,
                                subject: subj,
                            });
                            let r = self.call_jet(jet, core, ax);
                            if let Some(frame) = self.frames.pop() {
                                subj = frame.subject;
                            }
                            core = self.pop();
                            match r {
                                Ok(product) => {
                                    self.stack.push(product);
                                    if matches!(op, Op::CallArmTail(_)) {
                                        // The arm was the rest of this formula.
                                        pc = code.ops.len() - 1;
                                    }
                                    continue;
                                }
                                Err(JetError::Punt) => {}
                                Err(JetError::Exit) => bail!(Mote::Exit),
                                Err(JetError::Fail(m)) => bail!(m),
                                Err(JetError::Bail(inner)) => {
                                    return Err(self.fail_with(inner, &base))
                                }
                            }
                        }
                    }
                    let Some(f) = core.slot_u64(ax) else {
                        bail!(Mote::Exit)
                    };
                    if matches!(op, Op::CallArm(_)) {
                        call!(core, f);
                    } else {
                        jump!(core, f);
                    }
                }
                Op::CallArmBig(k, tail) => {
                    safepoint!();
                    let core = self.pop();
                    let Some(f) = core.slot(code.konst(k)) else {
                        bail!(Mote::Exit)
                    };
                    if tail {
                        jump!(core, f);
                    } else {
                        call!(core, f);
                    }
                }
                Op::PushSubj => {
                    let s = self.pop();
                    self.stack.push(subj);
                    subj = s;
                }
                Op::PushSubjCons => {
                    let v = self.pop();
                    self.stack.push(subj);
                    subj = self.heap.cell(v, subj);
                }
                Op::PopSubj => {
                    let r = self.pop();
                    subj = self.pop();
                    self.stack.push(r);
                }
                Op::SetSubj => subj = self.pop(),
                Op::SetSubjCons => {
                    let v = self.pop();
                    subj = self.heap.cell(v, subj);
                }
                Op::Edit(ax) => {
                    let value = self.pop();
                    let target = self.pop();
                    match edit(&mut self.heap, target, ax, value) {
                        Some(n) => self.stack.push(n),
                        None => bail!(Mote::Exit),
                    }
                }
                Op::EditBig(k) => {
                    let value = self.pop();
                    let target = self.pop();
                    match edit_big(&mut self.heap, target, code.konst(k), value) {
                        Some(n) => self.stack.push(n),
                        None => bail!(Mote::Exit),
                    }
                }
                Op::TracePush(k) => {
                    let clue = self.pop();
                    self.trace.push((code.konst(k), clue));
                }
                Op::TracePop => {
                    self.trace.pop();
                }
                Op::Toss => {
                    self.pop();
                }
                Op::Slog => {
                    let clue = self.pop();
                    self.host.slog(&mut self.heap, clue);
                }
                Op::Fast => {
                    let core = self.pop();
                    let clue = self.pop();
                    self.cold.register(&self.heap, &self.hot, core, clue);
                    self.stack.push(core);
                }
                Op::MemoGet(k, target, keep) => {
                    let f = code.konst(k);
                    let hit = if keep {
                        self.memo_keep
                            .get(&self.heap, subj, f)
                            .or_else(|| self.memo.get(&self.heap, subj, f))
                    } else {
                        self.memo.get(&self.heap, subj, f)
                    };
                    if let Some(v) = hit {
                        self.stack.push(v);
                        pc = target as usize;
                    }
                }
                Op::MemoPut(k, keep) => {
                    let f = code.konst(k);
                    let v = *self.stack.last().unwrap_or(&Noun::ZERO);
                    if keep {
                        self.memo_keep.put(subj, f, v);
                    } else {
                        self.memo.put(subj, f, v);
                    }
                }
                Op::Scry => {
                    let path = self.pop();
                    let reference = self.pop();
                    let r = if self.scry_gates.is_empty() {
                        self.host.scry(&mut self.heap, reference, path)
                    } else {
                        self.stack.push(reference);
                        self.stack.push(path);
                        self.frames.push(Frame {
                            code: code.clone(),
                            pc,
                            subject: subj,
                        });
                        let r = self.scry_through_gate(reference, path);
                        if let Some(frame) = self.frames.pop() {
                            subj = frame.subject;
                        }
                        self.stack.truncate(self.stack.len() - 2);
                        r
                    };
                    match r {
                        Ok(v) => self.stack.push(v),
                        Err(b) => {
                            let mut b = b;
                            let mut open = self.trace.split_off(base.trace);
                            open.append(b.trace_mut());
                            *b.trace_mut() = open;
                            self.stack.truncate(base.stack);
                            self.frames.truncate(base.frames);
                            return Err(b);
                        }
                    }
                }
                Op::Crash => bail!(Mote::Exit),
                Op::Ret => {
                    if self.frames.len() == base.frames {
                        let product = self.pop();
                        debug_assert_eq!(self.stack.len(), base.stack);
                        return Ok(product);
                    }
                    let Some(frame) = self.frames.pop() else {
                        bail!(Mote::Fail)
                    };
                    code = frame.code;
                    pc = frame.pc;
                    subj = frame.subject;
                }
            }
        }
    }
}

/// `a + 1` for any atom; `None` for a cell.
pub fn increment(heap: &mut Heap, n: Noun) -> Option<Noun> {
    let a = n.as_atom()?;
    let words = a.words();
    if let Some(v) = a.as_u64() {
        if v < u64::MAX {
            return Some(heap.atom_u64(v + 1));
        }
    }
    let mut b = heap.atom_builder(words.len() + 1);
    let out = b.words_mut();
    out[..words.len()].copy_from_slice(words);
    for w in out.iter_mut() {
        let (s, carry) = w.overflowing_add(1);
        *w = s;
        if !carry {
            break;
        }
    }
    Some(heap.finish_atom(b))
}

/// `#[axis value target]` (Nock 10) for an axis ≥ 1 that fits a word.
pub fn edit(heap: &mut Heap, target: Noun, axis: u64, value: Noun) -> Option<Noun> {
    if axis == 0 {
        return None;
    }
    let depth = 63 - axis.leading_zeros() as usize;
    let mut path = [Noun::ZERO; 64];
    let mut n = target;
    for (i, slot) in path.iter_mut().enumerate().take(depth) {
        let c = n.as_cell()?;
        *slot = c.as_noun();
        n = if (axis >> (depth - 1 - i)) & 1 == 0 {
            c.head()
        } else {
            c.tail()
        };
    }
    let mut acc = value;
    for i in (0..depth).rev() {
        let (h, t) = path[i].cell_parts()?;
        acc = if (axis >> (depth - 1 - i)) & 1 == 0 {
            heap.cell(acc, t)
        } else {
            heap.cell(h, acc)
        };
    }
    Some(acc)
}

/// `edit` for an axis of any size.
pub fn edit_big(heap: &mut Heap, target: Noun, axis: Noun, value: Noun) -> Option<Noun> {
    let a = axis.as_atom()?;
    let bits = a.bit_len();
    if bits == 0 {
        return None;
    }
    let depth = (bits - 1) as usize;
    let mut path = Vec::with_capacity(depth);
    let mut n = target;
    for i in (0..depth as u64).rev() {
        let c = n.as_cell()?;
        path.push((c, a.bit(i)));
        n = if a.bit(i) { c.tail() } else { c.head() };
    }
    let mut acc = value;
    for (c, right) in path.into_iter().rev() {
        acc = if right {
            heap.cell(c.head(), acc)
        } else {
            heap.cell(acc, c.tail())
        };
    }
    Some(acc)
}
