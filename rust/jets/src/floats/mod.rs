//! IEEE 754 floats: the `rd` (double), `rs` (single), `rq` (quad) and
//! `rh` (half) doors of layer 3 (`tri`), bit-exact with vere-v3.0's
//! jets (Berkeley SoftFloat 3, every NaN made the one NaN).
//!
//! * `soft.rs`: the arithmetic, generic over the four formats: exact
//!   results (`dashu` integers) rounded once, in the four directions.
//! * `ieee.rs`: sample and rounding-mode reading shared by every arm.
//! * `rd.rs`, `rs.rs`, `rq.rs`, `rh.rs`: thin per-arm wrappers.
//! * `cofl.rs`, `lug.rs`, `drg.rs`: `lug` (rounding) and `drg` (Dragon4)
//!   of `fl`'s internal core `cofl`, the Hoon's algorithms over `dashu`
//!   integers, with vere's operand checks.
//!
//! # Where vere and the Hoon part
//!
//! The Hoon (`ff`, over the arbitrary-precision `fl`) and SoftFloat
//! agree on almost every operand; the jets follow vere where they do not
//! (`tests/floats.rs` pins each case):
//!
//! * **Overflow when rounding toward zero.** IEEE 754 (and SoftFloat)
//!   round a result of a unit past the largest finite number, or more,
//!   to that number when the direction is toward zero (`%z`, `%d` for a
//!   positive result, `%u` for a negative one); the Hoon's `lug` gives
//!   infinity in every mode. (Closer to it, both give the number.)
//! * **The sign of an `fma` that rounds to zero.** When `a * b + c` is
//!   nonzero but rounds to zero, IEEE keeps its sign; the Hoon's `add`
//!   gives the sign of an exact cancellation (`+0`, or `-0` in `%d`).
//! * **Rounding modes.** vere reads the door's `r` as `%n %u %d %z` and
//!   fails (`%fail`) on anything else, `%a` included, which the Hoon's
//!   `ff` would accept; the comparisons never read it.
//!
//! * **`lug` and `drg`** (on samples no typed caller builds): vere exits
//!   on an exponent `e` that is not a direct atom below 2^31, a
//!   precision of 2^32 or more, a `lug` kind outside `%fl %ce %sm %lg
//!   %ne %na %nt`, and reads any sticky bit but `&` as `|`; the Hoon
//!   rounds on, or crashes on the non-loobean (`cofl.rs`, `lug.rs`).
//!
//! NaNs: every NaN product is the Hoon's one NaN (sign clear, top
//! fraction bit set), and vere's (`_nan_unify`): no payload passes.
//!
//! Nothing here punts.
//!
//! # Why our own soft float
//!
//! `soft.rs` is ours, checked against Berkeley SoftFloat 3e itself (the
//! `softfloat-wrapper` crate, outside this repository): 1.15 billion
//! random operations (two seeds; biased to edge exponents, fractions,
//! cancellation and exponent gaps around `p + 3`), every format,
//! operation and mode, and for `@rh` every second operand against 600
//! random first ones for each operation and mode, and every square
//! root: no difference. It takes 30 to 100 ns an operation (SoftFloat
//! 15 to 40). The crates weighed:
//!
//! * `softfloat-wrapper`/`softfloat-sys` build vere's very C library,
//!   but only on x86_64 Linux (the build script is `unimplemented!()`
//!   elsewhere, and this project runs on aarch64 Linux too) and need
//!   CMake (for the `c99` crate) and a C compiler.
//! * `rustc_apfloat` (LLVM's APFloat) has no square root, and a record
//!   of wrong and panicking `mul_add` results (rust-lang/rustc_apfloat
//!   issues 11 and 25, the latter in 0.2.2).
//! * `simple-soft-float` is LGPL; `softfloat` (koute) has only `f32` and
//!   `f64`, without rounding modes; there is no `softfloat-pure`.

pub mod cofl;
pub mod drg;
pub mod ieee;
pub mod lug;
pub mod rd;
pub mod rh;
pub mod rq;
pub mod rs;
pub mod soft;

crate::table::family! {
    cofl_drg: "one/two/tri/cofl/drg" => drg::jet;
    cofl_lug: "one/two/tri/cofl/lug" => lug::jet;
    rd_add: "one/two/tri/rd/add" => rd::add;
    rd_sub: "one/two/tri/rd/sub" => rd::sub;
    rd_mul: "one/two/tri/rd/mul" => rd::mul;
    rd_div: "one/two/tri/rd/div" => rd::div;
    rd_sqt: "one/two/tri/rd/sqt" => rd::sqt;
    rd_fma: "one/two/tri/rd/fma" => rd::fma;
    rd_lth: "one/two/tri/rd/lth" => rd::lth;
    rd_lte: "one/two/tri/rd/lte" => rd::lte;
    rd_equ: "one/two/tri/rd/equ" => rd::equ;
    rd_gte: "one/two/tri/rd/gte" => rd::gte;
    rd_gth: "one/two/tri/rd/gth" => rd::gth;
    rs_add: "one/two/tri/rs/add" => rs::add;
    rs_sub: "one/two/tri/rs/sub" => rs::sub;
    rs_mul: "one/two/tri/rs/mul" => rs::mul;
    rs_div: "one/two/tri/rs/div" => rs::div;
    rs_sqt: "one/two/tri/rs/sqt" => rs::sqt;
    rs_fma: "one/two/tri/rs/fma" => rs::fma;
    rs_lth: "one/two/tri/rs/lth" => rs::lth;
    rs_lte: "one/two/tri/rs/lte" => rs::lte;
    rs_equ: "one/two/tri/rs/equ" => rs::equ;
    rs_gte: "one/two/tri/rs/gte" => rs::gte;
    rs_gth: "one/two/tri/rs/gth" => rs::gth;
    rq_add: "one/two/tri/rq/add" => rq::add;
    rq_sub: "one/two/tri/rq/sub" => rq::sub;
    rq_mul: "one/two/tri/rq/mul" => rq::mul;
    rq_div: "one/two/tri/rq/div" => rq::div;
    rq_sqt: "one/two/tri/rq/sqt" => rq::sqt;
    rq_fma: "one/two/tri/rq/fma" => rq::fma;
    rq_lth: "one/two/tri/rq/lth" => rq::lth;
    rq_lte: "one/two/tri/rq/lte" => rq::lte;
    rq_equ: "one/two/tri/rq/equ" => rq::equ;
    rq_gte: "one/two/tri/rq/gte" => rq::gte;
    rq_gth: "one/two/tri/rq/gth" => rq::gth;
    rh_add: "one/two/tri/rh/add" => rh::add;
    rh_sub: "one/two/tri/rh/sub" => rh::sub;
    rh_mul: "one/two/tri/rh/mul" => rh::mul;
    rh_div: "one/two/tri/rh/div" => rh::div;
    rh_sqt: "one/two/tri/rh/sqt" => rh::sqt;
    rh_fma: "one/two/tri/rh/fma" => rh::fma;
    rh_lth: "one/two/tri/rh/lth" => rh::lth;
    rh_lte: "one/two/tri/rh/lte" => rh::lte;
    rh_equ: "one/two/tri/rh/equ" => rh::equ;
    rh_gte: "one/two/tri/rh/gte" => rh::gte;
    rh_gth: "one/two/tri/rh/gth" => rh::gth;
}
