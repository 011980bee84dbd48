//! Formula → bytecode, once per formula.
//!
//! Compilation walks the formula with an explicit task stack (a formula of
//! any depth compiles without recursion) and never crashes: an invalid
//! (sub)formula compiles to `Op::Crash`, so it fails only if reached, which
//! keeps Nock 6 lazy. Tail position is tracked so that Nock 2, 7, 8 and 9 in
//! tail position run in constant space.

use mars_noun::Noun;

use crate::op::Op;

/// `%hunk` `%lose` `%mean` `%spot`: hints that push a trace frame.
pub(crate) const TRACE_TAGS: [u64; 4] = [0x6b6e_7568, 0x6573_6f6c, 0x6e61_656d, 0x746f_7073];
pub(crate) const TAG_SLOG: u64 = 0x676f_6c73;
pub(crate) const TAG_MEMO: u64 = 0x6f6d_656d;
pub(crate) const TAG_FAST: u64 = 0x7473_6166;

/// A compiled formula.
#[derive(Debug)]
pub struct Program {
    /// The formula this was compiled from (kept alive while the program is).
    pub formula: Noun,
    pub ops: Vec<Op>,
    /// Nouns the code refers to; all are sub-nouns of `formula`.
    pub consts: Vec<Noun>,
}

enum Task {
    Compile(Noun, bool),
    Emit(Op),
    /// Emit an op whose target is filled in by `Patch(label)` later.
    EmitPatched(Op, usize),
    /// Point every op registered for `label` here.
    Patch(usize),
}

struct Compiler {
    ops: Vec<Op>,
    consts: Vec<Noun>,
    /// label → indices of ops waiting for its address
    pending: Vec<Vec<usize>>,
    tasks: Vec<Task>,
}

impl Compiler {
    fn konst(&mut self, n: Noun) -> u32 {
        self.consts.push(n);
        (self.consts.len() - 1) as u32
    }

    fn label(&mut self) -> usize {
        self.pending.push(Vec::new());
        self.pending.len() - 1
    }

    /// Push tasks to run in the order given.
    fn then(&mut self, tasks: Vec<Task>) {
        self.tasks.extend(tasks.into_iter().rev());
    }

    fn compile(&mut self, f: Noun, tail: bool) {
        let Some((op, arg)) = f.cell_parts() else {
            self.ops.push(Op::Crash);
            return;
        };
        if op.is_cell() {
            self.then(vec![
                Task::Compile(op, false),
                Task::Compile(arg, false),
                Task::Emit(Op::Cons),
            ]);
            return;
        }
        let Some(code) = op.as_direct() else {
            self.ops.push(Op::Crash);
            return;
        };
        let pair = arg.cell_parts();
        match (code, pair) {
            (0, _) => self.slot(arg),
            (1, _) => {
                let k = self.konst(arg);
                self.ops.push(Op::Const(k));
            }
            (2, Some((b, c))) => {
                let call = if tail { Op::CallTail } else { Op::Call };
                self.then(vec![
                    Task::Compile(b, false),
                    Task::Compile(c, false),
                    Task::Emit(call),
                ]);
            }
            (3, _) => self.then(vec![Task::Compile(arg, false), Task::Emit(Op::IsCell)]),
            (4, _) => self.then(vec![Task::Compile(arg, false), Task::Emit(Op::Inc)]),
            (5, Some((b, c))) => self.then(vec![
                Task::Compile(b, false),
                Task::Compile(c, false),
                Task::Emit(Op::Eq),
            ]),
            (6, Some((b, rest))) => match rest.cell_parts() {
                Some((c, d)) => {
                    let (no, end) = (self.label(), self.label());
                    self.then(vec![
                        Task::Compile(b, false),
                        Task::EmitPatched(Op::Branch(0), no),
                        Task::Compile(c, tail),
                        Task::EmitPatched(Op::Jump(0), end),
                        Task::Patch(no),
                        Task::Compile(d, tail),
                        Task::Patch(end),
                    ]);
                }
                None => self.ops.push(Op::Crash),
            },
            (7, Some((b, c))) => {
                if tail {
                    self.then(vec![
                        Task::Compile(b, false),
                        Task::Emit(Op::SetSubj),
                        Task::Compile(c, true),
                    ]);
                } else {
                    self.then(vec![
                        Task::Compile(b, false),
                        Task::Emit(Op::PushSubj),
                        Task::Compile(c, false),
                        Task::Emit(Op::PopSubj),
                    ]);
                }
            }
            (8, Some((b, c))) => {
                if tail {
                    self.then(vec![
                        Task::Compile(b, false),
                        Task::Emit(Op::SetSubjCons),
                        Task::Compile(c, true),
                    ]);
                } else {
                    self.then(vec![
                        Task::Compile(b, false),
                        Task::Emit(Op::PushSubjCons),
                        Task::Compile(c, false),
                        Task::Emit(Op::PopSubj),
                    ]);
                }
            }
            (9, Some((b, c))) => {
                let call = match b.as_direct() {
                    Some(ax) if ax >= 1 => {
                        if tail {
                            Op::CallArmTail(ax)
                        } else {
                            Op::CallArm(ax)
                        }
                    }
                    Some(_) => Op::Crash,
                    None => match b.as_atom() {
                        Some(_) => Op::CallArmBig(self.konst(b), tail),
                        None => Op::Crash,
                    },
                };
                self.then(vec![Task::Compile(c, false), Task::Emit(call)]);
            }
            (10, Some((spec, d))) => match spec.cell_parts() {
                Some((b, c)) => {
                    let edit = match b.as_direct() {
                        Some(0) => None,
                        Some(ax) => Some(Op::Edit(ax)),
                        None if b.is_atom() => Some(Op::EditBig(self.konst(b))),
                        None => None,
                    };
                    match edit {
                        // The target first, then the value (as vere does).
                        Some(e) => self.then(vec![
                            Task::Compile(d, false),
                            Task::Compile(c, false),
                            Task::Emit(e),
                        ]),
                        None => self.then(vec![
                            Task::Compile(d, false),
                            Task::Compile(c, false),
                            Task::Emit(Op::Crash),
                        ]),
                    }
                }
                None => self.ops.push(Op::Crash),
            },
            (11, Some((hint, body))) => self.hint(hint, body, tail),
            (12, Some((r, p))) => self.then(vec![
                Task::Compile(r, false),
                Task::Compile(p, false),
                Task::Emit(Op::Scry),
            ]),
            _ => self.ops.push(Op::Crash),
        }
    }

    fn slot(&mut self, axis: Noun) {
        match axis.as_direct() {
            Some(0) => self.ops.push(Op::Crash),
            Some(1) => self.ops.push(Op::Subj),
            Some(ax) => self.ops.push(Op::Slot(ax)),
            None if axis.is_atom() => {
                let k = self.konst(axis);
                self.ops.push(Op::SlotBig(k));
            }
            None => self.ops.push(Op::Crash),
        }
    }

    fn hint(&mut self, hint: Noun, body: Noun, tail: bool) {
        let Some((tag, clue)) = hint.cell_parts() else {
            // Static hint: no meaning to us.
            self.tasks.push(Task::Compile(body, tail));
            return;
        };
        let tag = tag.as_direct().unwrap_or(u64::MAX);
        if let Some(i) = TRACE_TAGS.iter().position(|&t| t == tag) {
            let t = self.konst(Noun::direct(TRACE_TAGS[i]));
            self.then(vec![
                Task::Compile(clue, false),
                Task::Emit(Op::TracePush(t)),
                Task::Compile(body, false),
                Task::Emit(Op::TracePop),
            ]);
        } else if tag == TAG_SLOG {
            self.then(vec![
                Task::Compile(clue, false),
                Task::Emit(Op::Slog),
                Task::Compile(body, tail),
            ]);
        } else if tag == TAG_MEMO {
            // A constant cell clue selects the persistent cache.
            let persistent = matches!(clue.cell_parts(), Some((one, k)) if one.as_direct() == Some(1) && k.is_cell());
            let f = self.konst(body);
            let end = self.label();
            self.then(vec![
                Task::Compile(clue, false),
                Task::Emit(Op::Toss),
                Task::EmitPatched(Op::MemoGet(f, 0, persistent), end),
                Task::Compile(body, false),
                Task::Emit(Op::MemoPut(f, persistent)),
                Task::Patch(end),
            ]);
        } else if tag == TAG_FAST {
            self.then(vec![
                Task::Compile(clue, false),
                Task::Compile(body, false),
                Task::Emit(Op::Fast),
            ]);
        } else {
            self.then(vec![
                Task::Compile(clue, false),
                Task::Emit(Op::Toss),
                Task::Compile(body, tail),
            ]);
        }
    }

    fn run(&mut self) {
        while let Some(t) = self.tasks.pop() {
            match t {
                Task::Compile(f, tail) => self.compile(f, tail),
                Task::Emit(op) => self.ops.push(op),
                Task::EmitPatched(op, label) => {
                    self.pending[label].push(self.ops.len());
                    self.ops.push(op);
                }
                Task::Patch(label) => {
                    let here = self.ops.len() as u32;
                    for i in std::mem::take(&mut self.pending[label]) {
                        self.ops[i] = match self.ops[i] {
                            Op::Branch(_) => Op::Branch(here),
                            Op::Jump(_) => Op::Jump(here),
                            Op::MemoGet(f, _, p) => Op::MemoGet(f, here, p),
                            other => other,
                        };
                    }
                }
            }
        }
    }
}

/// Compile `formula` (any noun) to a program.
pub fn compile(formula: Noun) -> Program {
    let mut c = Compiler {
        ops: Vec::new(),
        consts: Vec::new(),
        pending: Vec::new(),
        tasks: vec![Task::Compile(formula, true)],
    };
    c.run();
    c.ops.push(Op::Ret);
    Program {
        formula,
        ops: c.ops,
        consts: c.consts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::Heap;

    #[test]
    fn invalid_formulas_compile_to_crash() {
        let mut h = Heap::with_defaults().expect("heap");
        for f in [
            Noun::direct(7),
            h.cell(Noun::direct(99), Noun::ZERO),
            h.cell(Noun::ZERO, Noun::ZERO),
        ] {
            let p = compile(f);
            assert_eq!(p.ops, vec![Op::Crash, Op::Ret]);
        }
    }

    #[test]
    fn branch_targets_are_patched() {
        let mut h = Heap::with_defaults().expect("heap");
        // [6 [1 0] [1 5] [1 6]]
        let k0 = h.cell(Noun::ONE, Noun::ZERO);
        let k5 = h.cell(Noun::ONE, Noun::direct(5));
        let k6 = h.cell(Noun::ONE, Noun::direct(6));
        let f = h.tuple(&[Noun::direct(6), k0, k5, k6]);
        let p = compile(f);
        assert_eq!(
            p.ops,
            vec![
                Op::Const(0),
                Op::Branch(4),
                Op::Const(1),
                Op::Jump(5),
                Op::Const(2),
                Op::Ret
            ]
        );
    }

    #[test]
    fn deep_formula_compiles_without_recursion() {
        let mut h = Heap::with_defaults().expect("heap");
        let mut f = h.cell(Noun::ZERO, Noun::ONE);
        for _ in 0..1_000_000 {
            f = h.tuple(&[Noun::direct(4), f]);
        }
        let p = compile(f);
        assert_eq!(p.ops.len(), 1_000_002);
    }
}
