//! Cryptography (`hex`): ed25519 (`coed/ed`) with dalek, AES (`aes`) with RustCrypto.

crate::table::family! {}
