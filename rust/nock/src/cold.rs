//! Jet registration and matching (vere's cold and warm state, jets.md §1).
//!
//! A `%fast` hint offers a core under a clue `[chum parent hooks]`. A root
//! (parent formula `[1 0]`) is registered by its battery and whole payload; a
//! child by its battery and the location of its parent, found at the axis of
//! the parent formula `[0 axis]`, which must already be located. Each
//! location has a name path (`k140/one/add`), and binding to a jet is by that
//! path alone: the hot table maps paths to native functions.
//!
//! Locating a core (at every Nock 9) looks its battery up by mug (cached in
//! the battery's header, so stable across collections: no rehash when nouns
//! move) and checks the ancestry up to a root whose payload is equal.
//!
//! Registrations are kept in order in a log, so that those made by a failed
//! event can be dropped (`truncate`) and the whole state saved and restored
//! as a noun (`to_noun`, `restore`). All nouns held here are collector roots.

use mars_noun::{mug, noun_eq, unify_eq, Collector, Heap, Noun};
use rustc_hash::FxHashMap;

use crate::jets::{HotTable, JetFn};

/// Index of a location.
pub type LocId = u32;

/// How a registered battery finds its place.
#[derive(Debug, Clone, Copy)]
enum Parent {
    /// A root: the whole payload must be equal.
    Root { payload: Noun },
    /// A child: the parent is the subcore at `axis`, located at `parent`.
    Child { axis: u64, parent: LocId },
}

/// A registered core: battery + parent, with its name and bound jets.
#[derive(Debug, Clone)]
struct Location {
    battery: Noun,
    parent: Parent,
    /// The `%fast` clue's chum and hooks, kept for persistence and hooks.
    chum: Noun,
    hooks: Noun,
    /// `k140/one/add`
    path: String,
    /// Jets bound to arms of this core: (arm axis, function).
    jets: Vec<(u64, JetFn)>,
}

/// The cold state.
#[derive(Debug, Default)]
pub struct Cold {
    locs: Vec<Location>,
    by_battery: FxHashMap<u32, Vec<LocId>>,
    /// Cores located since the last collection, by their word: a core is
    /// immutable, so until the collector moves nouns (and may reuse their
    /// addresses) its location cannot change. Direct-mapped; emptied by
    /// every collection (`roots`) and whenever locations are dropped.
    seen: Vec<std::cell::Cell<(u64, LocId)>>,
    /// Registrations seen, for statistics.
    pub registrations: u64,
}

/// Equality, unifying copies when a heap is at hand.
fn same(heap: Option<&Heap>, a: Noun, b: Noun) -> bool {
    match heap {
        Some(h) => unify_eq(h, a, b),
        None => noun_eq(a, b),
    }
}

/// Entries of the located-core cache (a power of two).
const SEEN_SLOTS: usize = 4096;

/// Maximum ancestry depth followed when locating (a kernel's is ~10).
const MAX_DEPTH: usize = 256;

/// The name of a chum: `%add` → "add", `[%k 140]` → "k140".
fn chum_name(chum: Noun) -> Option<String> {
    fn text(n: Noun) -> Option<String> {
        let bytes = n.as_atom()?.to_le_bytes();
        (!bytes.is_empty() && bytes.iter().all(|b| b.is_ascii_graphic()))
            .then(|| String::from_utf8_lossy(&bytes).into_owned())
    }
    match chum.cell_parts() {
        None => text(chum),
        Some((t, n)) => Some(format!("{}{}", text(t)?, n.as_u64()?)),
    }
}

/// The parent formula's axis: `[0 a]` → a, `[1 0]` → 0 (root), after
/// stripping `[11 hint f]` wrappers.
fn parent_axis(mut f: Noun) -> Option<u64> {
    for _ in 0..MAX_DEPTH {
        let (op, arg) = f.cell_parts()?;
        match op.as_direct()? {
            0 => return arg.as_direct().filter(|&a| a >= 1),
            1 => return (arg.as_direct() == Some(0)).then_some(0),
            11 => f = arg.cell_parts()?.1,
            _ => return None,
        }
    }
    None
}

impl Cold {
    pub fn len(&self) -> usize {
        self.locs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.locs.is_empty()
    }

    /// The location of `core`, if its battery and ancestry are registered.
    pub fn locate(&self, core: Noun) -> Option<LocId> {
        self.locate_depth(None, core, 0)
    }

    /// `locate`, unifying equal copies of batteries and payloads on the
    /// way (`unify_eq`), so a core whose battery is a copy of the
    /// registered one costs a deep comparison once, not at every call.
    fn locate_in(&self, heap: &Heap, core: Noun) -> Option<LocId> {
        self.locate_depth(Some(heap), core, 0)
    }

    fn locate_depth(&self, heap: Option<&Heap>, core: Noun, depth: usize) -> Option<LocId> {
        if depth > MAX_DEPTH {
            return None;
        }
        let slot = self.seen_slot(core);
        if let Some(cell) = slot {
            let (raw, id) = cell.get();
            if raw == core.raw() {
                return Some(id);
            }
        }
        let found = self.locate_uncached(heap, core, depth);
        if let (Some(cell), Some(id)) = (slot, found) {
            cell.set((core.raw(), id));
        }
        found
    }

    /// The `seen` entry for `core` (none until something is registered).
    #[inline]
    fn seen_slot(&self, core: Noun) -> Option<&std::cell::Cell<(u64, LocId)>> {
        if self.seen.is_empty() || !core.is_cell() {
            return None;
        }
        let h = (core.raw() >> 3) as usize ^ (core.raw() >> 15) as usize;
        self.seen.get(h & (SEEN_SLOTS - 1))
    }

    fn forget_seen(&mut self) {
        for c in &self.seen {
            c.set((0, 0));
        }
    }

    fn locate_uncached(&self, heap: Option<&Heap>, core: Noun, depth: usize) -> Option<LocId> {
        let (battery, payload) = core.cell_parts()?;
        if self.by_battery.is_empty() {
            return None;
        }
        let ids = self.by_battery.get(&mug(battery))?;
        for &id in ids {
            let loc = &self.locs[id as usize];
            if !same(heap, loc.battery, battery) {
                continue;
            }
            match loc.parent {
                Parent::Root { payload: p } => {
                    if same(heap, p, payload) {
                        return Some(id);
                    }
                }
                Parent::Child { axis, parent } => {
                    if let Some(sub) = core.slot_u64(axis) {
                        if self.locate_depth(heap, sub, depth + 1) == Some(parent) {
                            return Some(id);
                        }
                    }
                }
            }
        }
        None
    }

    /// The jet for the arm at `axis` of `core`, if any.
    #[inline]
    pub fn jet(&self, heap: &Heap, core: Noun, axis: u64) -> Option<JetFn> {
        if self.locs.is_empty() {
            return None;
        }
        // Most arms pulled from registered cores are not jetted (the `ut`
        // door's own arms, say): say no from the battery alone, before
        // checking any ancestry.
        let battery = core.cell_parts()?.0;
        let ids = self.by_battery.get(&mug(battery))?;
        if !ids
            .iter()
            .any(|&id| self.locs[id as usize].jets.iter().any(|(a, _)| *a == axis))
        {
            return None;
        }
        let id = self.locate_in(heap, core)?;
        self.locs[id as usize]
            .jets
            .iter()
            .find(|(a, _)| *a == axis)
            .map(|(_, f)| *f)
    }

    /// vere's `u3j_hook`: the hook `name` of `core`'s location or, failing
    /// that, of its nearest ancestor that has one, as `(subject, formula)`:
    /// the hook's value is `*[subject formula]`. Hooks are the `%fast`
    /// clue's list of `[term formula]`.
    pub fn hook(&self, core: Noun, name: &str) -> Option<(Noun, Noun)> {
        let mut id = self.locate(core)?;
        let mut core = core;
        for _ in 0..MAX_DEPTH {
            let loc = &self.locs[id as usize];
            let mut list = loc.hooks;
            while let Some((item, rest)) = list.cell_parts() {
                if let Some((term, formula)) = item.cell_parts() {
                    if term
                        .as_atom()
                        .is_some_and(|t| t.to_le_bytes() == name.as_bytes())
                    {
                        return Some((core, formula));
                    }
                }
                list = rest;
            }
            match loc.parent {
                Parent::Root { .. } => return None,
                Parent::Child { axis, parent } => {
                    core = core.slot_u64(axis)?;
                    id = parent;
                }
            }
        }
        None
    }

    /// The name path of `core`'s location (for traces and reports).
    pub fn path_of(&self, core: Noun) -> Option<&str> {
        self.locate(core)
            .map(|id| self.locs[id as usize].path.as_str())
    }

    /// Register `core` under the `%fast` `clue`. Bad clues and unlocated
    /// parents are ignored, as vere does. Returns whether a new location was
    /// added.
    pub fn register(&mut self, heap: &Heap, hot: &HotTable, core: Noun, clue: Noun) -> bool {
        self.registrations += 1;
        let Some((chum, rest)) = clue.cell_parts() else {
            return false;
        };
        let Some((parent_f, hooks)) = rest.cell_parts() else {
            return false;
        };
        let Some(axis) = parent_axis(parent_f) else {
            return false;
        };
        let Some((battery, payload)) = core.cell_parts() else {
            return false;
        };
        let parent = if axis == 0 {
            Parent::Root { payload }
        } else {
            let Some(sub) = core.slot_u64(axis) else {
                return false;
            };
            let Some(pid) = self.locate_in(heap, sub) else {
                return false;
            };
            Parent::Child { axis, parent: pid }
        };
        // The common case: a gate re-offered on every pull. Check before
        // building any strings.
        if self.find_same(heap, battery, &parent).is_some() {
            return false;
        }
        let Some(name) = chum_name(chum) else {
            return false;
        };
        let path = match parent {
            Parent::Root { .. } => name,
            Parent::Child { parent: pid, .. } => {
                format!("{}/{}", self.locs[pid as usize].path, name)
            }
        };
        let jets = hot.arms(&path);
        self.push(Location {
            battery,
            parent,
            chum,
            hooks,
            path,
            jets,
        });
        true
    }

    fn find_same(&self, heap: &Heap, battery: Noun, parent: &Parent) -> Option<LocId> {
        let ids = self.by_battery.get(&mug(battery))?;
        ids.iter().copied().find(|&id| {
            let loc = &self.locs[id as usize];
            unify_eq(heap, loc.battery, battery)
                && match (loc.parent, *parent) {
                    (Parent::Root { payload: a }, Parent::Root { payload: b }) => {
                        unify_eq(heap, a, b)
                    }
                    (
                        Parent::Child { axis: a, parent: p },
                        Parent::Child { axis: b, parent: q },
                    ) => a == b && p == q,
                    _ => false,
                }
        })
    }

    fn push(&mut self, loc: Location) {
        if self.seen.is_empty() {
            self.seen = (0..SEEN_SLOTS)
                .map(|_| std::cell::Cell::new((0, 0)))
                .collect();
        }
        let id = self.locs.len() as LocId;
        self.by_battery
            .entry(mug(loc.battery))
            .or_default()
            .push(id);
        self.locs.push(loc);
    }

    /// Drop every location registered after the first `len` (a failed
    /// event's registrations).
    pub fn truncate(&mut self, len: usize) {
        self.forget_seen();
        while self.locs.len() > len {
            let Some(loc) = self.locs.pop() else { break };
            let id = self.locs.len() as LocId;
            if let Some(ids) = self.by_battery.get_mut(&mug(loc.battery)) {
                ids.retain(|&i| i != id);
                if ids.is_empty() {
                    self.by_battery.remove(&mug(loc.battery));
                }
            }
        }
    }

    /// Re-bind every location to the hot table (after installing one).
    pub fn rebind(&mut self, hot: &HotTable) {
        for loc in &mut self.locs {
            loc.jets = hot.arms(&loc.path);
        }
    }

    /// Keep every noun of the cold state.
    pub fn roots(&mut self, gc: &mut Collector<'_>) {
        self.forget_seen();
        for loc in &mut self.locs {
            gc.root(&mut loc.battery);
            gc.root(&mut loc.chum);
            gc.root(&mut loc.hooks);
            if let Parent::Root { payload } = &mut loc.parent {
                gc.root(payload);
            }
        }
    }

    /// The cold state as a noun, oldest registration first:
    /// `(list [battery chum hooks parent])`, `parent` = `[0 payload]` for a
    /// root or `[axis parent-index]` for a child.
    pub fn to_noun(&self, heap: &mut Heap) -> Noun {
        let mut items = Vec::with_capacity(self.locs.len());
        for loc in &self.locs {
            let parent = match loc.parent {
                Parent::Root { payload } => heap.cell(Noun::ZERO, payload),
                Parent::Child { axis, parent } => {
                    let a = heap.atom_u64(axis);
                    heap.cell(a, Noun::direct(u64::from(parent)))
                }
            };
            items.push(heap.tuple(&[loc.battery, loc.chum, loc.hooks, parent]));
        }
        heap.list(&items)
    }

    /// Rebuild from `to_noun`'s output. `None` (and an empty state) if the
    /// noun is malformed.
    pub fn restore(hot: &HotTable, mut list: Noun) -> Option<Cold> {
        let mut cold = Cold::default();
        while let Some((item, rest)) = list.cell_parts() {
            let battery = item.slot_u64(2)?;
            let chum = item.slot_u64(6)?;
            let hooks = item.slot_u64(14)?;
            let (a, b) = item.slot_u64(15)?.cell_parts()?;
            let name = chum_name(chum)?;
            let (parent, path) = match a.as_u64()? {
                0 => (Parent::Root { payload: b }, name),
                axis => {
                    let pid = LocId::try_from(b.as_u64()?).ok()?;
                    let p = cold.locs.get(pid as usize)?;
                    let path = format!("{}/{}", p.path, name);
                    (Parent::Child { axis, parent: pid }, path)
                }
            };
            let jets = hot.arms(&path);
            cold.push(Location {
                battery,
                parent,
                chum,
                hooks,
                path,
                jets,
            });
            list = rest;
        }
        Some(cold)
    }

    /// Every registered path (for reports and tests).
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.locs.iter().map(|l| l.path.as_str())
    }
}
