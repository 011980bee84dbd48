//! Shared test helpers: where the reference data lives.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared` beside the checkout, or `$MARS_SHARED_DIR`.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("MARS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// The bytes of a pill from `shared/pills`, or `None` (with a message) when
/// the shared data is absent.
pub fn pill(name: &str) -> Option<Vec<u8>> {
    let p = shared_dir().join("pills").join(name);
    match std::fs::read(&p) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!("skipping: shared data not found at {}", p.display());
            None
        }
    }
}
