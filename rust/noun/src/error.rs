//! Errors of the memory layer.

use thiserror::Error;

/// A failure of the heap itself (not of a computation).
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum HeapError {
    /// The operating system refused to reserve address space.
    #[error("cannot reserve {bytes} bytes of address space")]
    Reserve { bytes: usize },
    /// An allocation would pass the configured memory limit.
    #[error("out of memory: {requested} more bytes would pass the limit of {limit} bytes")]
    OutOfMemory { requested: usize, limit: usize },
    /// A heap image (snapshot) is not well formed.
    #[error("corrupt heap image: {0}")]
    CorruptImage(&'static str),
}

/// The payload with which an allocation that cannot be satisfied unwinds.
///
/// Allocation is infallible in the API (nouns are built everywhere); when the
/// memory limit is reached the allocator unwinds with this value via
/// `std::panic::resume_unwind` (which prints nothing), and the computation
/// boundary (`mars_nock`) catches it and turns it into the `%meme` bail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfMemory {
    /// Bytes requested by the failed allocation.
    pub requested: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_small() {
        assert!(std::mem::size_of::<HeapError>() <= 24);
    }
}
