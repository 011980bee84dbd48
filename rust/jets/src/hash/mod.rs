//! Layer 2 insecure hashing (`two`): `mug`.

pub mod mug;
