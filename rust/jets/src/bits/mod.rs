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
