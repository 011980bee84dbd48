//! Layer 2 insecure hashing (`two`): `mug`.

pub mod mug;

crate::table::family! {
    mug: "one/two/mug" | "mug" => mug::jet;
}
