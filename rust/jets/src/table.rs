//! The one declarative table: every jet, by name path, under every root
//! whose tree (`shared/spec/jet-trees/*.txt`) has it.
//!
//! A row `"one/add" | "add" => f` binds `f` to arm 2 (every vere-v3.0 jet
//! is on the `$` arm) of `k140/one/add`, `k139/one/add`, `k138/one/add` and,
//! after the `|`, of `a50/add` (the tiny flat root, which has no layers).

use mars_nock::{HotEntry, JetFn};

use crate::{bits, hash, math, order};

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

macro_rules! jets {
    ($( $name:ident: $path:literal $(| $a50:literal)? => $jet:path; )*) => {
        /// Every jetted gate, in layer order.
        pub static GATES: &[Gate] = &[$(
            Gate {
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

jets! {
    // Layer 1, `one`: arithmetic and tree addressing.
    add: "one/add" | "add" => math::add::jet;
    dec: "one/dec" | "dec" => math::dec::jet;
    div: "one/div" | "div" => math::div::jet;
    dvr: "one/dvr" | "dvr" => math::dvr::jet;
    gte: "one/gte" | "gte" => math::gte::jet;
    gth: "one/gth" | "gth" => math::gth::jet;
    lte: "one/lte" | "lte" => math::lte::jet;
    lth: "one/lth" | "lth" => math::lth::jet;
    max: "one/max" => math::max::jet;
    min: "one/min" => math::min::jet;
    mod: "one/mod" | "mod" => math::mod_::jet;
    mul: "one/mul" | "mul" => math::mul::jet;
    sub: "one/sub" | "sub" => math::sub::jet;
    cap: "one/cap" => math::cap::jet;
    mas: "one/mas" => math::mas::jet;
    peg: "one/peg" => math::peg::jet;
    // Layer 2, `two`: bits.
    bex: "one/two/bex" | "bex" => bits::bex::jet;
    can: "one/two/can" | "can" => bits::can::jet;
    cat: "one/two/cat" | "cat" => bits::cat::jet;
    con: "one/two/con" | "con" => bits::con::jet;
    cut: "one/two/cut" | "cut" => bits::cut::jet;
    dis: "one/two/dis" | "dis" => bits::dis::jet;
    end: "one/two/end" | "end" => bits::end::jet;
    lsh: "one/two/lsh" | "lsh" => bits::lsh::jet;
    met: "one/two/met" | "met" => bits::met::jet;
    mix: "one/two/mix" | "mix" => bits::mix::jet;
    rap: "one/two/rap" => bits::rap::jet;
    rep: "one/two/rep" | "rep" => bits::rep::jet;
    rev: "one/two/rev" => bits::rev::jet;
    rip: "one/two/rip" | "rip" => bits::rip::jet;
    rsh: "one/two/rsh" | "rsh" => bits::rsh::jet;
    swp: "one/two/swp" | "swp" => bits::swp::jet;
    xeb: "one/two/xeb" => bits::xeb::jet;
    // Layer 2, `two`: hashing and noun orders.
    mug: "one/two/mug" | "mug" => hash::mug::jet;
    dor: "one/two/dor" | "dor" => order::dor::jet;
    gor: "one/two/gor" | "gor" => order::gor::jet;
    mor: "one/two/mor" | "mor" => order::mor::jet;
}

/// Every row of the hot table, optionally leaving out one gate (by name):
/// the differential tests run that gate's Hoon with everything else jetted.
pub fn entries(except: Option<&str>) -> Vec<HotEntry> {
    GATES
        .iter()
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
