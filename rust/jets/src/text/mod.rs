//! Text: `qua/trip` (cord to tape) and the `hex` line splitters `lore`, `leer`, `lune`.

crate::table::family! {}
