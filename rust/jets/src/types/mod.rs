//! The compiler (`pen`): type constructors (`fork`, `cell`, `face`, …) and the `ut` caches (vere's decapitated `ut` jets: `%memo` lookups keyed as in jets.md §1.6).

crate::table::family! {}
