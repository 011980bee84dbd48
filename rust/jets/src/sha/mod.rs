//! Secure hashes (`tri`): `shax`, `shay`, `shas`, `shal`, `sha1`, with the RustCrypto crates.

crate::table::family! {}
