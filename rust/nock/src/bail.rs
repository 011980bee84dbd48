//! Crashes as values: a `Bail` is a mote and the trace stack at the crash.

use std::fmt;

use mars_noun::Noun;

/// Why a computation stopped (vere's motes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mote {
    /// Deterministic crash: bad axis, `!!`, invalid formula, jet exit.
    Exit,
    /// Out of memory (heap limit or interpreter stack limit).
    Meme,
    /// Interrupted (SIGINT).
    Intr,
    /// The CPU-time budget ran out.
    Alrm,
    /// Terminated (SIGTERM).
    Term,
    /// A runtime failure that is not the computation's fault.
    Fail,
    /// Authenticated decryption failed (`%evil`).
    Evil,
}

impl Mote {
    /// The mote as a `@tas` atom value.
    pub const fn tas(self) -> u64 {
        match self {
            Mote::Exit => 0x7469_7865,
            Mote::Meme => 0x656d_656d,
            Mote::Intr => 0x7274_6e69,
            Mote::Alrm => 0x6d72_6c61,
            Mote::Term => 0x6d72_6574,
            Mote::Fail => 0x6c69_6166,
            Mote::Evil => 0x6c69_7665,
        }
    }

    /// The mote's name without the `%`.
    pub const fn name(self) -> &'static str {
        match self {
            Mote::Exit => "exit",
            Mote::Meme => "meme",
            Mote::Intr => "intr",
            Mote::Alrm => "alrm",
            Mote::Term => "term",
            Mote::Fail => "fail",
            Mote::Evil => "evil",
        }
    }
}

/// A failed computation: the mote and the trace frames `[tag clue]` that were
/// open at the crash, outermost first.
#[derive(Clone)]
pub struct Bail(Box<BailInner>);

#[derive(Clone)]
struct BailInner {
    mote: Mote,
    trace: Vec<(Noun, Noun)>,
    /// A scry blocked on this path (caught by the innermost `+mink`).
    block: Option<Noun>,
}

impl Bail {
    #[cold]
    pub fn new(mote: Mote, trace: Vec<(Noun, Noun)>) -> Bail {
        Bail(Box::new(BailInner {
            mote,
            trace,
            block: None,
        }))
    }

    /// A blocked scry: `+mink` turns it into `[%1 path]`. Outside `+mink` it
    /// behaves as `%exit`.
    #[cold]
    pub fn block(path: Noun, trace: Vec<(Noun, Noun)>) -> Bail {
        Bail(Box::new(BailInner {
            mote: Mote::Exit,
            trace,
            block: Some(path),
        }))
    }

    /// The path of a blocked scry, if this is one.
    pub fn blocked(&self) -> Option<Noun> {
        self.0.block
    }

    /// A crash with no trace.
    #[cold]
    pub fn exit() -> Bail {
        Bail::new(Mote::Exit, Vec::new())
    }

    #[cold]
    pub fn of(mote: Mote) -> Bail {
        Bail::new(mote, Vec::new())
    }

    pub fn mote(&self) -> Mote {
        self.0.mote
    }

    /// The trace frames `[tag clue]`, outermost first.
    pub fn trace(&self) -> &[(Noun, Noun)] {
        &self.0.trace
    }

    /// The trace as a Hoon list, innermost frame first (as vere's `tax`).
    pub fn trace_noun(&self, heap: &mut mars_noun::Heap) -> Noun {
        let mut list = Noun::NULL;
        for &(tag, clue) in &self.0.trace {
            let frame = heap.cell(tag, clue);
            list = heap.cell(frame, list);
        }
        list
    }

    pub(crate) fn trace_mut(&mut self) -> &mut Vec<(Noun, Noun)> {
        &mut self.0.trace
    }
}

impl fmt::Debug for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "%{} ({} trace frames)",
            self.0.mote.name(),
            self.0.trace.len()
        )
    }
}

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{}", self.0.mote.name())
    }
}

impl std::error::Error for Bail {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bail_is_one_word() {
        assert_eq!(std::mem::size_of::<Bail>(), 8);
        assert_eq!(std::mem::size_of::<Result<Noun, Bail>>(), 16);
    }

    #[test]
    fn motes_spell_their_names() {
        for m in [
            Mote::Exit,
            Mote::Meme,
            Mote::Intr,
            Mote::Alrm,
            Mote::Term,
            Mote::Fail,
            Mote::Evil,
        ] {
            assert_eq!(m.tas().to_le_bytes()[..4], *m.name().as_bytes());
        }
    }
}
