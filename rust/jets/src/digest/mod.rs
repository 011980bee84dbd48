//! The rest of `hex`: hashes (blake2b, keccak, ripemd160, hmac), key
//! derivation (argon2, scrypt/pbkdf2), secp256k1, base16, and `loss`.

crate::table::family! {}
