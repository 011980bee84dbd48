//! Layer 2 containers (`two/by`, `two/in`): maps and sets as treaps ordered by `gor` and `mor`.

crate::table::family! {}
