//! The instruction set: one enum is the single source of truth.
//!
//! The machine has a *subject register*, a value stack and a frame stack.
//! Every formula compiles to code that leaves its product on the value stack.

/// One bytecode instruction. Operand `u32`s index the program's constant
/// pool (`Const`, `*Big`) or its code (`Branch`, `Jump`, `Memo*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Push the subject (`[0 1]`).
    Subj,
    /// Push the subject's slot at a word-sized axis ≥ 2; crash if absent.
    Slot(u64),
    /// Push the subject's slot at the axis in the constant pool.
    SlotBig(u32),
    /// Push a constant (`[1 c]`).
    Const(u32),
    /// Pop tail, pop head, push the cell (autocons).
    Cons,
    /// Pop, push 0 if it was a cell else 1 (Nock 3).
    IsCell,
    /// Pop an atom, push it plus one (Nock 4); crash on a cell.
    Inc,
    /// Pop two, push 0 if equal else 1 (Nock 5).
    Eq,
    /// Pop a loobean: 0 falls through, 1 jumps, anything else crashes (Nock 6).
    Branch(u32),
    /// Unconditional jump.
    Jump(u32),
    /// Pop formula, pop subject, evaluate, push the product (Nock 2).
    Call,
    /// Nock 2 in tail position: replaces the current frame.
    CallTail,
    /// Pop core, evaluate its arm at a word-sized axis with the core as
    /// subject (Nock 9).
    CallArm(u64),
    /// Nock 9 in tail position.
    CallArmTail(u64),
    /// Nock 9 with the axis in the constant pool (tail flag in the bool).
    CallArmBig(u32, bool),
    /// Pop the value for a new subject; push the old subject; install it.
    PushSubj,
    /// Pop v; push the old subject; the subject becomes `[v old]` (Nock 8).
    PushSubjCons,
    /// Pop the product, pop the saved subject, restore it, push the product.
    PopSubj,
    /// Pop a new subject and install it, forgetting the old (tail Nock 7).
    SetSubj,
    /// Pop v; the subject becomes `[v subject]` (tail Nock 8).
    SetSubjCons,
    /// Pop target, pop value, push target with the word-sized axis replaced.
    Edit(u64),
    /// `Edit` with the axis in the constant pool.
    EditBig(u32),
    /// Pop a clue; push the trace frame `[tag clue]` (`%hunk %lose %mean %spot`).
    TracePush(u32),
    /// Drop the innermost trace frame (the hint body returned normally).
    TracePop,
    /// Pop and discard (the clue of an ignored dynamic hint).
    Toss,
    /// Pop a `%slog` clue and hand it to the host.
    Slog,
    /// Pop a `%fast` clue; the core on top of the stack is registered.
    Fast,
    /// `%memo` lookup: key `[subject consts[formula]]`; on a hit push the
    /// value and jump to the target. The bool selects the persistent cache.
    MemoGet(u32, u32, bool),
    /// `%memo` store: the product on top of the stack (kept) under the key.
    MemoPut(u32, bool),
    /// Pop path, pop ref; scry through the innermost scry gate (Nock 12).
    Scry,
    /// Deterministic crash (`%exit`): an invalid formula reached.
    Crash,
    /// Return the value on top of the stack from the current formula.
    Ret,
}

#[cfg(test)]
mod tests {
    #[test]
    fn ops_are_small() {
        assert!(std::mem::size_of::<super::Op>() <= 16);
    }
}
