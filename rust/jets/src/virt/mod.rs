//! Virtualisation (`qua`): `mink`, `mule`, `mole`.

crate::table::family! {}
