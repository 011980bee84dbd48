//! The jet calling convention and the hot table.
//!
//! A jet is a native function that replaces an arm of a registered core:
//! it receives the whole core (its sample already edited in) and either
//! returns the product, punts (run the arm's Nock instead), or bails. Jets
//! get the `Runtime`, so they can allocate and, for higher-order gates, call
//! back into Nock (`Runtime::slam_keeping`, `Runtime::nock`); a jet that
//! holds nouns across such a call must hand them to `slam_keeping` (or
//! `keep` them), since the call may collect. A bail from that Nock is passed
//! on whole (`JetError::Bail`), trace and all.

use rustc_hash::FxHashMap;

use mars_noun::Noun;

use crate::bail::{Bail, Mote};
use crate::runtime::Runtime;

/// How a jet declines or fails.
#[derive(Debug)]
pub enum JetError {
    /// Not handled here: run the arm's Nock.
    Punt,
    /// A deterministic crash, as the Hoon would have crashed (`%exit`).
    Exit,
    /// A non-deterministic failure with this mote (e.g. `%meme`, `%fail`).
    Fail(Mote),
    /// Nock the jet ran (a slammed gate, a hooked arm) bailed: pass it on
    /// with its trace, or its block.
    Bail(Bail),
}

impl From<Bail> for JetError {
    fn from(b: Bail) -> JetError {
        JetError::Bail(b)
    }
}

impl PartialEq for JetError {
    /// Bails compare by mote (their traces hold nouns).
    fn eq(&self, other: &JetError) -> bool {
        match (self, other) {
            (JetError::Punt, JetError::Punt) | (JetError::Exit, JetError::Exit) => true,
            (JetError::Fail(a), JetError::Fail(b)) => a == b,
            (JetError::Bail(a), JetError::Bail(b)) => a.mote() == b.mote(),
            _ => false,
        }
    }
}

/// A jet: `core` → product.
pub type JetFn = fn(&mut Runtime, Noun) -> Result<Noun, JetError>;

/// One row of a hot table: a name path, an arm axis, the jet.
#[derive(Debug, Clone, Copy)]
pub struct HotEntry {
    pub path: &'static str,
    pub axis: u64,
    pub jet: JetFn,
}

/// Name path → (arm axis → jet).
#[derive(Debug, Default, Clone)]
pub struct HotTable {
    by_path: FxHashMap<&'static str, Vec<(u64, JetFn)>>,
}

impl HotTable {
    pub fn new(entries: &[HotEntry]) -> HotTable {
        let mut by_path: FxHashMap<&'static str, Vec<(u64, JetFn)>> = FxHashMap::default();
        for e in entries {
            by_path.entry(e.path).or_default().push((e.axis, e.jet));
        }
        HotTable { by_path }
    }

    /// The jets bound to arms of the core at `path`.
    pub fn arms(&self, path: &str) -> Vec<(u64, JetFn)> {
        self.by_path.get(path).cloned().unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}
