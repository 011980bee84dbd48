//! Type constructors and limb search of `pen` (`cell comb cons core face
//! flan flip flor fork look loot`), called constantly by `+ut`.

crate::table::family! {}
