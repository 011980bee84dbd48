//! Layer 2 containers (`two/by`, `two/in`): maps and sets as treaps ordered
//! by `gor` (keys, left to right) and `mor` (priority, root first).
//!
//! One file per arm, each a thin wrapper around `treap.rs`, which has every
//! algorithm once for both kinds, transliterated from Hoon 140 so that the
//! tree shape is the Hoon's exactly (same rotations, same node kept on a
//! tie), and walks with explicit stacks so that no input, however deep,
//! can overflow the Rust stack. Crashes follow vere-v3.0's `d/by_*.c`,
//! `d/in_*.c`. No jet here punts.
//!
//! Door arms find the door's sample `a` at axis 30 of their gate (or trap)
//! core, except `wyt`, whose trap hangs from the door at axis 3 (`a` at
//! 14). The traps of `tap`, `key` and `apt` read their own sample (the
//! accumulator or bounds at axis 6, `~` when the arm is pulled) as the
//! Hoon does; vere assumes `~` there.
//!
//! Higher-order arms (`all`, `any`, `rep`, `run`, `urn`, `jab`) slam their
//! gate with `Runtime::slam_keeping`, in the Hoon's order, keeping their
//! walk as a noun list so that a collection during a slam moves it safely.
//!
//! `in/apt` follows the pill's Hoon (with its `!=` tests), not vere's
//! `u3wdi_apt_140` (see `in_apt.rs`). Hoon 140's `by/bif`, `in/all` and
//! `in/any` carry `%fast` hints but are in no vere tree, so they are not
//! bound.

pub mod by_all;
pub mod by_any;
pub mod by_apt;
pub mod by_del;
pub mod by_dif;
pub mod by_gas;
pub mod by_get;
pub mod by_has;
pub mod by_int;
pub mod by_jab;
pub mod by_key;
pub mod by_put;
pub mod by_rep;
pub mod by_run;
pub mod by_tap;
pub mod by_uni;
pub mod by_urn;
pub mod by_wyt;
pub mod in_apt;
pub mod in_bif;
pub mod in_del;
pub mod in_dif;
pub mod in_gas;
pub mod in_has;
pub mod in_int;
pub mod in_put;
pub mod in_rep;
pub mod in_run;
pub mod in_tap;
pub mod in_uni;
pub mod in_wyt;
pub mod treap;

crate::table::family! {
    by_put: "one/two/by/put" | "by/put" => by_put::jet;
    by_get: "one/two/by/get" | "by/get" => by_get::jet;
    by_has: "one/two/by/has" | "by/has" => by_has::jet;
    in_put: "one/two/in/put" | "in/put" => in_put::jet;
    in_has: "one/two/in/has" => in_has::jet;
    by_gas: "one/two/by/gas" => by_gas::jet;
    in_gas: "one/two/in/gas" => in_gas::jet;
    by_del: "one/two/by/del" | "by/del" => by_del::jet;
    in_del: "one/two/in/del" | "in/del" => in_del::jet;
    by_tap: "one/two/by/tap" => by_tap::jet;
    in_tap: "one/two/in/tap" => in_tap::jet;
    by_uni: "one/two/by/uni" => by_uni::jet;
    in_uni: "one/two/in/uni" => in_uni::jet;
    by_wyt: "one/two/by/wyt" => by_wyt::jet;
    in_wyt: "one/two/in/wyt" => in_wyt::jet;
    by_int: "one/two/by/int" => by_int::jet;
    in_int: "one/two/in/int" => in_int::jet;
    by_dif: "one/two/by/dif" => by_dif::jet;
    in_dif: "one/two/in/dif" => in_dif::jet;
    by_key: "one/two/by/key" => by_key::jet;
    by_apt: "one/two/by/apt" | "by/apt" => by_apt::jet;
    in_apt: "one/two/in/apt" => in_apt::jet;
    in_bif: "one/two/in/bif" => in_bif::jet;
    by_all: "one/two/by/all" => by_all::jet;
    by_any: "one/two/by/any" => by_any::jet;
    by_jab: "one/two/by/jab" => by_jab::jet;
    by_rep: "one/two/by/rep" => by_rep::jet;
    in_rep: "one/two/in/rep" => in_rep::jet;
    by_run: "one/two/by/run" => by_run::jet;
    in_run: "one/two/in/run" => in_run::jet;
    by_urn: "one/two/by/urn" => by_urn::jet;
}
