//! Layer 2 bit operations (`two`): blocks, shifts, slices, logic.
//!
//! A `bloq` is a block size of `2^bloq` bits. As in vere, bloqs of 32 and
//! up bail `%fail` (except in `met`), steps and lengths of any size are
//! exact (vere's 32-bit limits on steps are its own, not the Hoon's), and
//! results wider than `util::MAX_BITS` bail `%fail`.

pub mod bex;
pub mod can;
pub mod cat;
pub mod con;
pub mod cut;
pub mod dis;
pub mod end;
pub mod lsh;
pub mod met;
pub mod mix;
pub mod rap;
pub mod rep;
pub mod rev;
pub mod rip;
pub mod rsh;
pub mod swp;
pub mod xeb;

crate::table::family! {
    bex: "one/two/bex" | "bex" => bex::jet;
    can: "one/two/can" | "can" => can::jet;
    cat: "one/two/cat" | "cat" => cat::jet;
    con: "one/two/con" | "con" => con::jet;
    cut: "one/two/cut" | "cut" => cut::jet;
    dis: "one/two/dis" | "dis" => dis::jet;
    end: "one/two/end" | "end" => end::jet;
    lsh: "one/two/lsh" | "lsh" => lsh::jet;
    met: "one/two/met" | "met" => met::jet;
    mix: "one/two/mix" | "mix" => mix::jet;
    rap: "one/two/rap" => rap::jet;
    rep: "one/two/rep" | "rep" => rep::jet;
    rev: "one/two/rev" => rev::jet;
    rip: "one/two/rip" | "rip" => rip::jet;
    rsh: "one/two/rsh" | "rsh" => rsh::jet;
    swp: "one/two/swp" | "swp" => swp::jet;
    xeb: "one/two/xeb" => xeb::jet;
}
