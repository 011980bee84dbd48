//! Parsing combinators (`qua`): `pose`, `plug`, `cook/fun`, …: each slams its rules as the Hoon does.

crate::table::family! {}
