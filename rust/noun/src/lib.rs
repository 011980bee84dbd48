//! Nouns and their memory.
//!
//! A noun is one 64-bit word ([`Noun`]): a direct atom below 2^63, or a tagged
//! pointer to an indirect atom or a cell (layout in `noun.rs`). Reading a noun
//! needs no context; building one needs the [`Heap`].
//!
//! # Memory design
//!
//! The full design, with the measurements behind it, is in `docs/design.md`
//! at the top of the repository. In short:
//!
//! * **Allocation** is a pointer bump in a nursery (32 MiB by default). Cells
//!   are 24 bytes (meta word with the cached mug, head, tail); atoms are 16
//!   bytes of header plus their words.
//! * **Reclamation during an event** is by copying collection at interpreter
//!   safepoints: a minor collection copies what survives of the nursery into
//!   old space; a major one, when old space has doubled since the last, copies
//!   everything live into a fresh old space. Nouns are immutable, so an old
//!   noun never points to a young one: no write barrier, no remembered set, and
//!   a minor collection costs only what survives. An event that allocates 100×
//!   what it keeps pays for the 1%, not the 100%.
//! * **Roots** are handed to the collector by its caller (interpreter stack,
//!   kernel, caches). Native code (jets, jam, cue) runs between safepoints and
//!   may hold nouns freely; code that holds nouns *across* a call back into
//!   the interpreter must register them as roots.
//! * **Between events** the kernel lives in old space. A major collection
//!   leaves exactly the live nouns contiguous in old space, which is what a
//!   snapshot writes.
//! * **Equality** shortcuts identical words and differing cached mugs; atoms
//!   are normalised so atom equality is a word comparison. [`unify_eq`]
//!   (vere's `u3r_sing`) also points the slots of equal copies at one copy,
//!   older first, so the same copies never cost a deep comparison twice:
//!   the one place heap words are rewritten after allocation (`unify.rs`).
//! * **Out of memory** unwinds with [`OutOfMemory`] from the allocator; the
//!   computation boundary turns it into `%meme`.
//!
//! `unsafe` in this crate is confined to `region.rs` (mapping memory),
//! `noun.rs` (reading objects), `heap.rs` (writing new objects), `gc.rs`
//! (copying) and `unify.rs` (redirecting slots between equal copies). Debug builds (or the `extra-checks` feature) poison freed
//! memory and assert on reading it.

mod eq;
mod error;
pub mod fmt;
mod gc;
mod heap;
mod mug;
mod noun;
mod region;
mod unify;

pub use eq::noun_eq;
pub use error::{HeapError, OutOfMemory};
pub use gc::{Collector, GcReport, Generation};
pub use heap::{AtomBuilder, Heap, HeapConfig, HeapStats};
pub use mug::{mug, mug_both, mug_words, murmur3_32};
pub use noun::{Atom, Cell, Noun, DIRECT_MAX};
pub use unify::unify_eq;
