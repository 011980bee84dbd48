//! Atom printing and parsing: `scot`, `scow`, `slaw`, the `po` syllable
//! tables (`ind ins tod tos`), the `ob` scramblers (`fein fynd`), and the
//! small `two` arithmetic left (`muk pow sqt`).

crate::table::family! {}
