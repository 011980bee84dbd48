//! Serialisation: `two/jam`, `two/cue`, `two/mat`, `two/rub`, using `mars-serial`.

crate::table::family! {}
