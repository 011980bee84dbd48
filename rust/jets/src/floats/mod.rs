//! IEEE 754 floats: `rd` (double), `rs` (single), `rq` (quad), `rh`
//! (half), and `cofl` (`drg lug`), bit-exact with vere's SoftFloat.

crate::table::family! {}
