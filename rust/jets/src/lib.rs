//! Jets for mars: native functions that replace arms of the Hoon standard
//! library, bound by name path (`k140/one/add`) when a `%fast` hint
//! registers the gate (see `mars_nock`'s `cold.rs` and `jets.md` §1).
//!
//! # Layout
//!
//! * One file per gate, grouped by Hoon layer: `math/` (layer 1, `one`),
//!   `bits/`, `hash/`, `order/` (layer 2, `two`). Each file has a pure
//!   function on atoms or nouns (`add::add(heap, a, b)`) and a thin `jet`
//!   wrapper that unpacks the gate's sample (axis 6 of the core).
//! * `table.rs`: the one declarative table binding every gate under the
//!   roots `k140`, `k139`, `k138` and (where its flat tree has the gate)
//!   `a50`. [`hot_table`] turns it into a `mars_nock::HotTable`.
//! * `util.rs`: sample unpacking, `bloq`/`bite`/`step` handling, atom
//!   helpers; `words.rs`: pure word-slice arithmetic and bit moves
//!   (`chop`, the one primitive every bit jet uses); `big.rs`: the bridge
//!   to the bignum crate.
//! * [`coverage`]: which paths of the `k140` tree are jetted and proven.
//!
//! # Semantics
//!
//! Every jet's product equals the Nock of the Hoon arm it replaces. The
//! differential tests (`tests/differential.rs`) prove it against the arms
//! compiled into `ivory-2023.pill` (root `k140`): each gate against its own
//! Hoon with every other jet on, and on tiny samples against pure Nock with
//! no jet at all. Where the Hoon and vere-v3.0's jets part, vere decides,
//! so that a kernel behaves here as it did under vere:
//!
//! * **Crashes.** Where the Hoon crashes (`dec 0`, `sub` underflow, `div`,
//!   `mod`, `dvr` by 0, `cap`/`mas` of 0 or 1, `peg` of axis 0, a
//!   malformed list in `can`/`rap`/`rep`) the jet returns `JetError::Exit`.
//! * **Ill-typed samples** (a cell where the gate's type says `@`) are
//!   `%exit`, as in vere's wrappers, which follow the Hoon where it returns
//!   early whatever the cell: `(add 0 b)` is `b`, `(sub a 0)` is `a`,
//!   `(mul 0 b)` is 0, `(lth 0 b)` is yes, `(max 0 b)` is `b`, `(peg a 1)`
//!   is `a`, `(met a 0)` is 0. Elsewhere the Hoon loops forever (`dec` of a
//!   cell counts up without end), crashes, or, in cases no typed caller
//!   reaches, returns a value where vere and we exit: `(div 0 c)` is 0,
//!   `(lth c c)` no, `(lte c c)` yes, `(dis 0 c)` 0, `(met [1 2] 1)` 1 (a
//!   cell bloq is a bite to `rsh`), `(rap c ~)`, `(rep [c 1] ~)` and
//!   `(swp c 0)` 0. `tests/semantics.rs` pins each of them, with the
//!   Hoon's value. (vere bails `%fail` for a cell bloq or a malformed
//!   list in `can`; we say `%exit`, as the Hoon crashes.)
//! * **Bloqs of 32 and up** bail `%fail` (vere's `u3qc_*`), except in
//!   `met`, which is 1 for any nonzero atom (vere too; the Hoon's own
//!   `met` would call `rsh`, which fails). Steps and lengths are exact at
//!   any size: vere's 31-bit limits on them are its own, not the Hoon's
//!   (its `lsh` fails on a step of 2^31, its `cut` caps a length at
//!   2^31 − 1 blocks). A result wider than `util::MAX_BITS` (2^34 − 16
//!   bits, vere's `bex` limit) bails `%fail`; so does `rip` with a step of
//!   0, an endless list in the Hoon.
//! * **Punts.** vere's `rep` and `rip` punt unless the step is 1 or the
//!   bloq is 0, and fail on list items of 2^31 and up when the bloq is 0;
//!   here they handle every bite and item, with the Hoon's products. A few
//!   jets punt where vere's do (`veri`, `shar` and the point arms on
//!   operands wider than 32 bytes, `siv*` on oversized keys; see their
//!   docs), the parsing combinators past a nesting bound (`parse/nail.rs`),
//!   and the runtime itself runs any jet as Nock when the native stack runs
//!   low (`mars_nock`'s `interp.rs`).
//!
//! Operands the unary Hoon cannot be run on (`dec` of 2^64) are checked
//! against a bignum and a bit-vector model instead (`tests/model.rs`).
//!
//! Micro-benchmarks (`benches/jets.rs`, same machine as below): `add` of
//! two 1 KB atoms 110 ns, of two 1 MB atoms 117 µs; `mul` 64-bit 15 ns,
//! 1 KB 6.8 µs, 1 MB 82 ms; `cut 3` of 1 KB at an odd byte offset of a
//! 1 MB atom 142 ns, of 512 KB 66 µs; `met` 1.4 ns at any size.
//!
//! # Bignums
//!
//! Direct atoms (below 2^63) never touch a bignum: every jet has a `u64`
//! (or `u128`) fast path. Add, subtract, compare, and all bit operations
//! on larger atoms are word loops in `words.rs`; only `mul`, `div`, `mod`
//! and `dvr` of atoms wider than 64 bits use `dashu-int`.
//!
//! The crate was chosen by measurement (2 cores, noisy, rustc 1.95,
//! release + thin LTO; operands random, `a > b`, divisor half as wide;
//! "from/to words" convert little-endian `u64` words, our atom layout):
//!
//! | crate | size | from words | to words | add | sub | mul | divrem |
//! |---|---|---|---|---|---|---|---|
//! | ibig 0.3.6 | 64-bit | 72 ns | 67 ns | 32 ns | 47 ns | 73 ns | 53 ns |
//! | dashu-int 0.6.2 | 64-bit | 37 ns | 40 ns | 38 ns | 50 ns | 50 ns | 70 ns |
//! | num-bigint 0.5.1 | 64-bit | 79 ns | 43 ns | 62 ns | 59 ns | 80 ns | 34 ns |
//! | malachite-nz 0.14 | 64-bit | 24 ns | 28 ns | 25 ns | 30 ns | 31 ns | 35 ns |
//! | ibig | 1 KB | 90 ns | 281 ns | 118 ns | 120 ns | 6.2 µs | 10.2 µs |
//! | dashu-int | 1 KB | 46 ns | 31 ns | 135 ns | 192 ns | 12.1 µs | 19.4 µs |
//! | num-bigint | 1 KB | 287 ns | 102 ns | 125 ns | 155 ns | 14.9 µs | 14.4 µs |
//! | malachite-nz | 1 KB | 56 ns | 62 ns | 137 ns | 165 ns | 5.9 µs | 7.7 µs |
//! | ibig | 1 MB | 73 µs | 425 µs | 108 µs | 97 µs | 239 ms | 403 ms |
//! | dashu-int | 1 MB | 18 µs | 18 µs | 97 µs | 97 µs | 83 ms | 322 ms |
//! | num-bigint | 1 MB | 116 µs | 54 µs | 84 µs | 65 µs | 227 ms | 436 ms |
//! | malachite-nz | 1 MB | 25 µs | 19 µs | 80 µs | 64 µs | 9.5 ms | 34 ms |
//!
//! (A second run of the small sizes moved each figure by up to 2x, so only
//! the 1 MB column separates them.) `malachite-nz` is fastest, decisively
//! at 1 MB, but is LGPL-3.0-only (this project is MIT) and needs rustc
//! 1.90 (the workspace says 1.80). Of the permissive crates, `dashu-int`
//! has the fastest large multiply (3x ibig and num-bigint) and division,
//! converts words with one copy (`UBig::from_words`, `as_words`; ibig and
//! num-bigint only through bytes or `u32` digits), and is maintained. At
//! small sizes all four are within allocation noise, and our jets do not
//! reach the crate there anyway. `rug` (GMP) was not considered: it needs
//! `libgmp-dev` on every machine, and nothing here was decisive enough.

pub mod aura;
mod big;
pub mod bits;
pub mod crypto;
/// The coverage table: every path of vere-v3.0's `k140` jet tree, jetted
/// here or not, proven or not.
pub mod coverage {
    #![doc = include_str!("coverage.md")]
}
pub mod digest;
pub mod floats;
pub mod hash;
pub mod lists;
pub mod maps;
pub mod math;
pub mod order;
pub mod parse;
pub mod serial;
pub mod sha;
pub mod table;
pub mod text;
pub mod typecons;
pub mod types;
pub mod util;
pub mod virt;
pub mod words;

use mars_nock::HotTable;

/// The hot table of every jet in this crate, under every root.
pub fn hot_table() -> HotTable {
    HotTable::new(&table::entries(None))
}

/// The hot table without one gate (by name, e.g. `"add"`): that gate's arm
/// runs as Nock, with every other jet in place.
pub fn hot_table_without(gate: &str) -> HotTable {
    HotTable::new(&table::entries(Some(gate)))
}

/// The hot table without every gate whose name or path contains one of
/// `patterns` (`"ut_"` leaves out all the `ut` caches, `"two/by"` the map
/// jets): to find a jet that misbehaves (`mars play --skip-jet`).
pub fn hot_table_skipping(patterns: &[String]) -> HotTable {
    let rows: Vec<_> = table::entries(None)
        .into_iter()
        .filter(|e| {
            let name = table::gates()
                .find(|g| g.paths.contains(&e.path))
                .map_or("", |g| g.name);
            !patterns
                .iter()
                .any(|p| name.contains(p.as_str()) || e.path.contains(p.as_str()))
        })
        .collect();
    HotTable::new(&rows)
}
