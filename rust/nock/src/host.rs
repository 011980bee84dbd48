//! What the interpreter asks of its embedder: `%slog` output, Nock 12
//! scry, and the roots the embedder keeps. (Jets are the runtime's own:
//! `cold.rs`, `jets.rs`.) Every method has a do-nothing default, so plain Nock needs none.

use mars_noun::{Collector, Heap, Noun};

use crate::bail::Bail;

/// The interpreter's view of its embedder.
pub trait Host {
    /// A `%slog` hint's clue (conventionally `[priority tank]`).
    fn slog(&mut self, _heap: &mut Heap, _clue: Noun) {}

    /// Nock 12. The default: no scry gate, so a deterministic crash.
    fn scry(&mut self, _heap: &mut Heap, _reference: Noun, _path: Noun) -> Result<Noun, Bail> {
        Err(Bail::exit())
    }

    /// Hand every noun the host keeps to the collector.
    fn roots(&mut self, _gc: &mut Collector<'_>) {}
}

/// A host with no jets, no scry and slogs dropped.
#[derive(Debug, Default)]
pub struct NoHost;

impl Host for NoHost {}
