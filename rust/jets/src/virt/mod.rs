//! Virtualisation (`qua`): `mink`, `mule`, `mole`.
//!
//! `mink` is the runtime's own virtual Nock (`mars_nock::virt`: Nock 12
//! through the scry gate, `%exit` caught as `[%2 trace]`, a block as
//! `[%1 path]`, other bails passed on). `mule` and `mole` are, as in vere,
//! calls to the Hoon arms `+mute` and `+mure` found through the `qua`
//! core's `%fast` hooks: their products equal `+mule`'s and `+mole`'s, but
//! the trap runs once (unjetted, `+mule` runs it a second time on success).

pub mod hooked;

crate::table::family! {
    mink: "one/two/tri/qua/mink" => mars_nock::virt::mink;
    mole: "one/two/tri/qua/mole" => hooked::mole;
    mule: "one/two/tri/qua/mule" => hooked::mule;
}
