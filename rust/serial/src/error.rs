//! Why a cue failed.
//!
//! Every failure is a bad input: cue never panics and never allocates past a
//! constant times the size of its input. The error is 16 bytes (a kind and
//! the bit offset where the failing read started), so `Result<Noun, CueError>`
//! stays cheap to return.

use thiserror::Error;

/// What was wrong with the input.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueErrorKind {
    /// The stream ended inside a noun.
    #[error("the input ends inside a noun")]
    EndOfInput,
    /// A length prefix with 64 or more zeros (vere fails at K ≥ 64).
    #[error("a length prefix has 64 or more leading zeros")]
    LengthPrefixTooLong,
    /// An atom claims more bits than the input has left.
    #[error("an atom is longer than the rest of the input")]
    AtomTooLong,
    /// A backreference whose offset needs more than 62 bits.
    #[error("a backreference offset has more than 62 bits")]
    BackrefTooLong,
    /// A backreference to an offset where no atom or cell starts (or not yet).
    #[error("a backreference points where no noun was decoded")]
    UnknownBackref,
    /// A backreference to a cell that encloses it (not complete yet).
    #[error("a backreference points at an enclosing, unfinished cell")]
    UnfinishedBackref,
    /// The input is 2^59 bytes or longer (vere's limit).
    #[error("the input is too long")]
    InputTooLong,
}

/// A cue failure: what went wrong and at which bit of the input.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq, Hash)]
#[error("cue: {kind} (at bit {at})")]
pub struct CueError {
    kind: CueErrorKind,
    at: u64,
}

impl CueError {
    #[cold]
    pub(crate) fn new(kind: CueErrorKind, at: u64) -> CueError {
        CueError { kind, at }
    }

    /// What was wrong.
    pub fn kind(&self) -> CueErrorKind {
        self.kind
    }

    /// The bit offset in the input where the failing read started.
    pub fn at(&self) -> u64 {
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_small() {
        assert_eq!(std::mem::size_of::<CueError>(), 16);
        assert_eq!(std::mem::size_of::<Result<mars_noun::Noun, CueError>>(), 16);
    }

    #[test]
    fn display_names_kind_and_offset() {
        let e = CueError::new(CueErrorKind::UnknownBackref, 7);
        assert_eq!(
            e.to_string(),
            "cue: a backreference points where no noun was decoded (at bit 7)"
        );
    }
}
