//! The one declarative table: every jet, by name path, under every root
//! whose tree (`shared/spec/jet-trees/*.txt`) has it.
//!
//! Rows live with their family (`math/mod.rs`, `bits/mod.rs`, …, each one
//! `family!` block); this file gathers them. A row `"one/add" | "add" => f`
//! binds `f` to arm 2 (every vere-v3.0 jet
//! is on the `$` arm) of `k140/one/add`, `k139/one/add`, `k138/one/add` and,
//! after the `|`, of `a50/add` (the tiny flat root, which has no layers).

use mars_nock::{HotEntry, JetFn};

use crate::{
    aura, bits, crypto, digest, floats, hash, lists, maps, math, order, parse, serial, sha, text,
    typecons, types, virt,
};

/// The arm every jet replaces: `$`, axis 2 of the gate.
pub const ARM: u64 = 2;

/// The kelvin roots whose layer paths (`one/…`, `one/two/…`) we bind.
pub const KELVINS: [&str; 3] = ["k140", "k139", "k138"];

/// One jetted gate and every path it is bound at.
#[derive(Debug, Clone, Copy)]
pub struct Gate {
    /// The gate's name (`add`).
    pub name: &'static str,
    /// Its path under a kelvin root (`one/add`).
    pub path: &'static str,
    /// Every full path: the kelvin roots, then `a50` if that tree has it.
    pub paths: &'static [&'static str],
    pub jet: JetFn,
}

/// Declare a family's gates: `name: "path" | "a50-path" => jet;` (the
/// `| …` part only where the `a50` tree has the gate). Each family module
/// (`math`, `bits`, …) has one `family!` block, its `GATES`.
macro_rules! family {
    ($( $name:ident: $path:literal $(| $a50:literal)? => $jet:path; )*) => {
        /// Every jetted gate of this family.
        pub static GATES: &[$crate::table::Gate] = &[$(
            $crate::table::Gate {
                name: stringify!($name),
                path: $path,
                paths: &[
                    concat!("k140/", $path),
                    concat!("k139/", $path),
                    concat!("k138/", $path),
                    $(concat!("a50/", $a50),)?
                ],
                jet: $jet,
            },
        )*];
    };
}
pub(crate) use family;

/// Every family's gates, in layer order. A new family adds its `GATES`
/// here.
static FAMILIES: &[&[Gate]] = &[
    math::GATES,
    bits::GATES,
    hash::GATES,
    order::GATES,
    maps::GATES,
    lists::GATES,
    text::GATES,
    serial::GATES,
    sha::GATES,
    crypto::GATES,
    parse::GATES,
    types::GATES,
    typecons::GATES,
    typecons::GATES_NOT_K138,
    aura::GATES,
    digest::GATES,
    floats::GATES,
    virt::GATES,
];

/// Every jetted gate, in layer order.
pub fn gates() -> impl Iterator<Item = &'static Gate> {
    FAMILIES.iter().flat_map(|f| f.iter())
}

/// The gate called `name` (names are unique).
pub fn gate(name: &str) -> Option<&'static Gate> {
    gates().find(|g| g.name == name)
}

/// Every row of the hot table, optionally leaving out one gate (by name):
/// the differential tests run that gate's Hoon with everything else jetted.
pub fn entries(except: Option<&str>) -> Vec<HotEntry> {
    gates()
        .filter(|g| Some(g.name) != except)
        .flat_map(|g| {
            g.paths.iter().map(|&path| HotEntry {
                path,
                axis: ARM,
                jet: g.jet,
            })
        })
        .collect()
}
