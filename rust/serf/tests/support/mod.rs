//! Shared test helpers: where the reference data lives.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

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

/// The boot list `[e1 e2]` of a hand-made kernel `K = [[load wish peek poke]
/// 42]` whose `+poke` gate runs `poke_arm` (noun notation; its subject is the
/// gate `[arm [[now ovum] K]]`) and whose `+peek` answers `[~ ~ sample]`.
/// `e1 = [1 [0 0 K]]`, so axis 7 of the lifecycle's product is K.
pub fn toy_kernel(heap: &mut mars_noun::Heap, poke_arm: &str) -> Vec<mars_noun::Noun> {
    let peek = "[[1 [[1 0] [1 0] [0 6]]] [[1 0] [0 1]]]";
    let poke = format!("[[1 {poke_arm}] [[1 0] [0 1]]]");
    let k = format!("[[[0 0] [0 0] {peek} {poke}] 42]");
    let e1 = mars_noun::fmt::parse(heap, &format!("[1 [0 0 {k}]]")).expect("toy kernel");
    vec![e1, mars_noun::Noun::ZERO]
}

/// A poke arm that returns `[~ K]`: no effects, state kept.
pub const ARM_IDLE: &str = "[[1 0] [0 7]]";
/// A poke arm that never returns (a tail loop; no allocation).
pub const ARM_SPIN: &str = "[8 [1 [9 2 0 1]] 9 2 0 1]";
/// A poke arm that allocates without bound.
pub const ARM_HOG: &str = "[8 [1 0] 8 [1 9 2 [0 2] [[1 0] 0 6] 0 7] 9 2 0 1]";

/// Copy a directory tree, making the copies writable (shared data is laid
/// out read-only).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let dest = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
            let mut perm = std::fs::metadata(&dest).expect("meta").permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perm.set_readonly(false);
            std::fs::set_permissions(&dest, perm).expect("chmod");
        }
    }
}

/// A writable copy of a pier from `shared/test-piers`, or `None` (with a
/// message) when the shared data is absent.
pub fn shared_pier(name: &str) -> Option<(tempfile::TempDir, PathBuf)> {
    let src = shared_dir().join("test-piers").join(name);
    if !src.is_dir() {
        eprintln!("skipping: {} not found", src.display());
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pier = dir.path().join(name);
    copy_dir(&src, &pier);
    Some((dir, pier))
}
