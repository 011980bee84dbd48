//! Layer 2 lists (`two`): `flop`, `lent`, `turn`, `weld`, … (higher-order gates slam their gate argument through `Runtime::slam_keeping`).

crate::table::family! {}
