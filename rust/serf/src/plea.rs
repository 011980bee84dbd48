//! Pleas: the messages the serf sends the king (vere v3.0 `serf.c`,
//! checked by `lord.c:_lord_on_plea` and its helpers).
//!
//! ```hoon
//! +$  plea
//!   $%  [%live ~]                               ::  ack of any %live writ
//!       [%ripe [pro=%1 hon=@ nok=@] eve=@ mug=@]  ::  ready; sent once, first
//!       [%slog pri=@ tank]                      ::  a %slog hint fired
//!       [%flog cord]                            ::  a line of runtime log text
//!       $:  %peek
//!           $%  [%done dat=(unit (cask))]       ::  arvo's +peek product
//!               [%bail dud=goof]
//!       ==  ==
//!       $:  %play
//!           $%  [%done mug=@]                   ::  mug of the new state
//!               [%bail eve=@ mug=@ dud=goof]    ::  eve, mug: last good event
//!       ==  ==
//!       $:  %work
//!           $%  [%done eve=@ mug=@ fec=(list ovum)]
//!               [%swap eve=@ mug=@ job=(pair @da ovum) fec=(list ovum)]
//!               [%bail lud=(list goof)]
//!       ==  ==
//!   ==
//! +$  goof  [mote=@tas =tang]
//! +$  tang  (list tank)
//! +$  tank  $@  cord
//!           $%  [%leaf p=tape]
//!               [%palm p=(qual tape tape tape tape) q=(list tank)]
//!               [%rose p=(trel tape tape tape) q=(list tank)]
//!           ==
//! +$  ovum  [=wire =card]                       ::  wire (list @ta), card [@tas *]
//! ```
//!
//! [`Plea::encode`] builds exactly these shapes; `%ripe` always carries
//! `[1 139 4]` (protocol 1, Hoon %139, Nock %4).
//!
//! [`Plea::decode`] checks a plea as strictly as the king, so a test harness
//! can hold our serf to it. Everything the king rejects (`lord: received
//! invalid $plea`, a fatal bail) or would crash on while printing is an
//! error here:
//!
//! * the plea is a cell with a known head tag;
//! * `%ripe`: `[[pro hon nok] eve mug]` with `pro`, `hon`, `nok` < 2^8,
//!   `pro` = 1, `eve` < 2^64, `mug` < 2^32;
//! * `%live`: the body is `~`;
//! * `%slog`: `[pri tank]` with `pri` < 2^32 and a well-formed tank (the king
//!   prints it unprotected);
//! * `%flog`: an atom;
//! * `%peek`/`%play`/`%work`: a cell `[sub ...]` with a known sub-tag;
//!   every `eve` < 2^64 and `mug` < 2^32;
//! * `%peek %done`: a unit (`~` or `[~ x]`);
//! * goofs (`%peek %bail`, `%play %bail`, each of `%work %bail`'s list):
//!   `[@ tang]` with a well-formed tang (the king prints them unprotected);
//! * effects (`fec`): a null-terminated list of `[wire card]`, `wire` a
//!   list of atoms and `card` a cell with an atom head (the drivers take
//!   them apart unprotected); `%swap`'s `job` is `[@ ovum]`.
//!
//! A tank may be a bare cord: hoon.hoon's `+$tank` is `$@(cord $%(...))` in
//! every kernel we run (it is in the 2023 pills), and the king renders tanks
//! with its kernel's `+wash`. Tape elements must be atoms (any size: the
//! king prints each as one byte). Shapes are checked iteratively, and a
//! noun shared many times inside a tang or effect list is checked once.

use std::collections::HashSet;
use std::fmt;

use mars_noun::{Heap, Noun};

use crate::writ::{atom_below, tags, TagName, WritKind};

/// The IPC protocol version sent in `%ripe`.
pub const PROTOCOL_VERSION: u8 = 1;
/// The Hoon kelvin sent in `%ripe`.
pub const HOON_VERSION: u8 = 139;
/// The Nock kelvin sent in `%ripe`.
pub const NOCK_VERSION: u8 = 4;

/// A crash report: `[mote tang]`.
#[derive(Clone, Copy, Debug)]
pub struct Goof {
    /// The `@tas` naming the kind of crash (`%exit`, `%meme`, ...).
    pub mote: Noun,
    /// `(list tank)`, innermost frame first.
    pub tang: Noun,
}

impl Goof {
    pub fn new(mote: Noun, tang: Noun) -> Goof {
        Goof { mote, tang }
    }

    pub fn encode(&self, heap: &mut Heap) -> Noun {
        heap.cell(self.mote, self.tang)
    }

    /// Check a goof as the king needs it: `[@ tang]` with well-formed tanks.
    /// `at` names where it was found, for the error.
    pub fn decode(goof: Noun, at: &'static str) -> Result<Goof, PleaError> {
        Goof::decode_with(goof, at, &mut Shape::default())
    }

    fn decode_with(goof: Noun, at: &'static str, shape: &mut Shape) -> Result<Goof, PleaError> {
        let bad = |why| PleaError::Malformed { at, why };
        let (mote, tang) = goof.cell_parts().ok_or(bad("goof is not [mote tang]"))?;
        if mote.is_cell() {
            return Err(bad("goof mote is a cell"));
        }
        shape.tang(tang).map_err(bad)?;
        Ok(Goof { mote, tang })
    }
}

/// A message from the serf.
#[derive(Clone, Debug)]
pub enum Plea {
    /// `[%ripe [1 139 4] eve mug]`: ready, with the last event and its mug.
    Ripe { eve: u64, mug: u32 },
    /// `[%live ~]`
    Live,
    /// `[%slog pri tank]`
    Slog { pri: u32, tank: Noun },
    /// `[%flog cord]`
    Flog(Noun),
    /// `[%peek %done dat]`
    PeekDone(Noun),
    /// `[%peek %bail goof]`
    PeekBail(Goof),
    /// `[%play %done mug]`
    PlayDone { mug: u32 },
    /// `[%play %bail eve mug goof]`: `eve`/`mug` of the last good event.
    PlayBail { eve: u64, mug: u32, goof: Goof },
    /// `[%work %done eve mug fec]`
    WorkDone { eve: u64, mug: u32, effects: Noun },
    /// `[%work %swap eve mug job fec]`: the event was replaced by `job`.
    WorkSwap {
        eve: u64,
        mug: u32,
        job: Noun,
        effects: Noun,
    },
    /// `[%work %bail lud]`
    WorkBail(Vec<Goof>),
}

/// Why a plea was rejected (the king would bail or crash on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PleaError {
    /// The plea is an atom, not `[tag dat]`.
    NotCell,
    /// An unknown head tag.
    UnknownTag(TagName),
    /// `%peek`, `%play` or `%work` with an atom body.
    BodyNotCell(&'static str),
    /// `%peek`, `%play` or `%work` with an unknown sub-tag.
    UnknownSub { tag: &'static str, sub: TagName },
    /// A part of the plea does not have its shape.
    Malformed { at: &'static str, why: &'static str },
    /// A number that is not an atom below `2^bits`.
    OutOfRange { field: &'static str, bits: u8 },
    /// `%ripe` with a protocol version other than 1.
    UnsupportedProtocol(u8),
    /// `%live` with a body other than `~`.
    LiveNotNull,
    /// `%flog` with a cell.
    FlogNotAtom,
}

impl fmt::Display for PleaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PleaError::NotCell => f.write_str("plea is an atom, not [tag data]"),
            PleaError::UnknownTag(t) => write!(f, "unknown plea tag {t}"),
            PleaError::BodyNotCell(tag) => write!(f, "{tag} plea with an atom body"),
            PleaError::UnknownSub { tag, sub } => write!(f, "unknown {tag} sub-tag {sub}"),
            PleaError::Malformed { at, why } => write!(f, "{at}: {why}"),
            PleaError::OutOfRange { field, bits } => {
                write!(f, "{field} is not an atom below 2^{bits}")
            }
            PleaError::UnsupportedProtocol(v) => write!(f, "unsupported ipc protocol version {v}"),
            PleaError::LiveNotNull => f.write_str("%live with non-null payload"),
            PleaError::FlogNotAtom => f.write_str("%flog with a cell"),
        }
    }
}

impl std::error::Error for PleaError {}

fn field(n: Noun, bits: u8, field: &'static str) -> Result<u64, PleaError> {
    atom_below(n, u32::from(bits)).ok_or(PleaError::OutOfRange { field, bits })
}

fn mug(n: Noun, name: &'static str) -> Result<u32, PleaError> {
    field(n, 32, name).map(|m| m as u32)
}

fn parts(n: Noun, at: &'static str, why: &'static str) -> Result<(Noun, Noun), PleaError> {
    n.cell_parts().ok_or(PleaError::Malformed { at, why })
}

fn effects(fec: Noun, at: &'static str) -> Result<(), PleaError> {
    Shape::default()
        .effects(fec)
        .map_err(|why| PleaError::Malformed { at, why })
}

impl Plea {
    /// The plea as a noun, in exactly the shapes of the module doc.
    pub fn encode(&self, heap: &mut Heap) -> Noun {
        let t = tags::noun;
        match self {
            Plea::Ripe { eve, mug } => {
                let ver = heap.tuple(&[
                    Noun::direct(PROTOCOL_VERSION.into()),
                    Noun::direct(HOON_VERSION.into()),
                    Noun::direct(NOCK_VERSION.into()),
                ]);
                let eve = heap.atom_u64(*eve);
                heap.tuple(&[t(tags::RIPE), ver, eve, Noun::direct((*mug).into())])
            }
            Plea::Live => heap.cell(t(tags::LIVE), Noun::NULL),
            Plea::Slog { pri, tank } => {
                heap.tuple(&[t(tags::SLOG), Noun::direct((*pri).into()), *tank])
            }
            Plea::Flog(cord) => heap.cell(t(tags::FLOG), *cord),
            Plea::PeekDone(dat) => heap.tuple(&[t(tags::PEEK), t(tags::DONE), *dat]),
            Plea::PeekBail(goof) => {
                let dud = goof.encode(heap);
                heap.tuple(&[t(tags::PEEK), t(tags::BAIL), dud])
            }
            Plea::PlayDone { mug } => {
                heap.tuple(&[t(tags::PLAY), t(tags::DONE), Noun::direct((*mug).into())])
            }
            Plea::PlayBail { eve, mug, goof } => {
                let eve = heap.atom_u64(*eve);
                let dud = goof.encode(heap);
                heap.tuple(&[
                    t(tags::PLAY),
                    t(tags::BAIL),
                    eve,
                    Noun::direct((*mug).into()),
                    dud,
                ])
            }
            Plea::WorkDone { eve, mug, effects } => {
                let eve = heap.atom_u64(*eve);
                heap.tuple(&[
                    t(tags::WORK),
                    t(tags::DONE),
                    eve,
                    Noun::direct((*mug).into()),
                    *effects,
                ])
            }
            Plea::WorkSwap {
                eve,
                mug,
                job,
                effects,
            } => {
                let eve = heap.atom_u64(*eve);
                heap.tuple(&[
                    t(tags::WORK),
                    t(tags::SWAP),
                    eve,
                    Noun::direct((*mug).into()),
                    *job,
                    *effects,
                ])
            }
            Plea::WorkBail(goofs) => {
                let duds: Vec<Noun> = goofs.iter().map(|g| g.encode(heap)).collect();
                let lud = heap.list(&duds);
                heap.tuple(&[t(tags::WORK), t(tags::BAIL), lud])
            }
        }
    }

    /// Check a cued plea as strictly as the king (module doc). Never panics.
    pub fn decode(plea: Noun) -> Result<Plea, PleaError> {
        let (tag, dat) = plea.cell_parts().ok_or(PleaError::NotCell)?;
        match tag.as_direct() {
            Some(tags::RIPE) => decode_ripe(dat),
            Some(tags::LIVE) => match dat.as_direct() {
                Some(0) => Ok(Plea::Live),
                _ => Err(PleaError::LiveNotNull),
            },
            Some(tags::SLOG) => {
                let (pri, tank) = parts(dat, "%slog", "not [pri tank]")?;
                let pri = field(pri, 32, "%slog pri")? as u32;
                Shape::default()
                    .tank(tank)
                    .map_err(|why| PleaError::Malformed {
                        at: "%slog tank",
                        why,
                    })?;
                Ok(Plea::Slog { pri, tank })
            }
            Some(tags::FLOG) if dat.is_atom() => Ok(Plea::Flog(dat)),
            Some(tags::FLOG) => Err(PleaError::FlogNotAtom),
            Some(tags::PEEK) => decode_peek(dat),
            Some(tags::PLAY) => decode_play(dat),
            Some(tags::WORK) => decode_work(dat),
            _ => Err(PleaError::UnknownTag(TagName::of(tag))),
        }
    }

    /// The kind of writ this plea answers; `None` for the unsolicited
    /// `%ripe`, `%slog` and `%flog`.
    pub fn answers(&self) -> Option<WritKind> {
        match self {
            Plea::Ripe { .. } | Plea::Slog { .. } | Plea::Flog(_) => None,
            Plea::Live => Some(WritKind::Live),
            Plea::PeekDone(_) | Plea::PeekBail(_) => Some(WritKind::Peek),
            Plea::PlayDone { .. } | Plea::PlayBail { .. } => Some(WritKind::Play),
            Plea::WorkDone { .. } | Plea::WorkSwap { .. } | Plea::WorkBail(_) => {
                Some(WritKind::Work)
            }
        }
    }
}

fn decode_ripe(dat: Noun) -> Result<Plea, PleaError> {
    const SHAPE: &str = "not [[pro hon nok] eve mug]";
    let (ver, rest) = parts(dat, "%ripe", SHAPE)?;
    let (eve, mug_n) = parts(rest, "%ripe", SHAPE)?;
    let (pro, rest) = parts(ver, "%ripe", SHAPE)?;
    let (hon, nok) = parts(rest, "%ripe", SHAPE)?;
    let pro = field(pro, 8, "%ripe pro")? as u8;
    field(hon, 8, "%ripe hon")?;
    field(nok, 8, "%ripe nok")?;
    let eve = field(eve, 64, "%ripe eve")?;
    let mug = mug(mug_n, "%ripe mug")?;
    if pro != PROTOCOL_VERSION {
        return Err(PleaError::UnsupportedProtocol(pro));
    }
    Ok(Plea::Ripe { eve, mug })
}

/// `[sub rest]` of a `%peek`/`%play`/`%work` body, `sub` as a tag value.
fn sub_tag(dat: Noun, tag: &'static str) -> Result<(Option<u64>, TagName, Noun), PleaError> {
    let (sub, rest) = dat.cell_parts().ok_or(PleaError::BodyNotCell(tag))?;
    Ok((sub.as_direct(), TagName::of(sub), rest))
}

fn decode_peek(dat: Noun) -> Result<Plea, PleaError> {
    let (sub, name, rest) = sub_tag(dat, "%peek")?;
    match sub {
        Some(tags::DONE) => {
            let unit = match rest.cell_parts() {
                None => rest.as_direct() == Some(0),
                Some((head, _)) => head.as_direct() == Some(0),
            };
            if !unit {
                return Err(PleaError::Malformed {
                    at: "%peek %done",
                    why: "result is not a unit (~ or [~ x])",
                });
            }
            Ok(Plea::PeekDone(rest))
        }
        Some(tags::BAIL) => Goof::decode(rest, "%peek %bail").map(Plea::PeekBail),
        _ => Err(PleaError::UnknownSub {
            tag: "%peek",
            sub: name,
        }),
    }
}

fn decode_play(dat: Noun) -> Result<Plea, PleaError> {
    let (sub, name, rest) = sub_tag(dat, "%play")?;
    match sub {
        Some(tags::DONE) => Ok(Plea::PlayDone {
            mug: mug(rest, "%play %done mug")?,
        }),
        Some(tags::BAIL) => {
            const SHAPE: &str = "not [eve mug goof]";
            let (eve, rest) = parts(rest, "%play %bail", SHAPE)?;
            let (mug_n, dud) = parts(rest, "%play %bail", SHAPE)?;
            let eve = field(eve, 64, "%play %bail eve")?;
            let mug = mug(mug_n, "%play %bail mug")?;
            let goof = Goof::decode(dud, "%play %bail")?;
            Ok(Plea::PlayBail { eve, mug, goof })
        }
        _ => Err(PleaError::UnknownSub {
            tag: "%play",
            sub: name,
        }),
    }
}

fn decode_work(dat: Noun) -> Result<Plea, PleaError> {
    let (sub, name, rest) = sub_tag(dat, "%work")?;
    match sub {
        Some(tags::DONE) => {
            const SHAPE: &str = "not [eve mug fec]";
            let (eve, rest) = parts(rest, "%work %done", SHAPE)?;
            let (mug_n, fec) = parts(rest, "%work %done", SHAPE)?;
            let eve = field(eve, 64, "%work %done eve")?;
            let mug = mug(mug_n, "%work %done mug")?;
            effects(fec, "%work %done effects")?;
            Ok(Plea::WorkDone {
                eve,
                mug,
                effects: fec,
            })
        }
        Some(tags::SWAP) => {
            const SHAPE: &str = "not [eve mug job fec]";
            let (eve, rest) = parts(rest, "%work %swap", SHAPE)?;
            let (mug_n, rest) = parts(rest, "%work %swap", SHAPE)?;
            let (job, fec) = parts(rest, "%work %swap", SHAPE)?;
            let eve = field(eve, 64, "%work %swap eve")?;
            let mug = mug(mug_n, "%work %swap mug")?;
            Shape::default()
                .job(job)
                .map_err(|why| PleaError::Malformed {
                    at: "%work %swap job",
                    why,
                })?;
            effects(fec, "%work %swap effects")?;
            Ok(Plea::WorkSwap {
                eve,
                mug,
                job,
                effects: fec,
            })
        }
        Some(tags::BAIL) => {
            let mut goofs = Vec::new();
            let mut shape = Shape::default();
            let mut lud = rest;
            while let Some((dud, tail)) = lud.cell_parts() {
                goofs.push(Goof::decode_with(dud, "%work %bail", &mut shape)?);
                lud = tail;
            }
            if lud.as_direct() != Some(0) {
                return Err(PleaError::Malformed {
                    at: "%work %bail",
                    why: "goof list is not null-terminated",
                });
            }
            Ok(Plea::WorkBail(goofs))
        }
        _ => Err(PleaError::UnknownSub {
            tag: "%work",
            sub: name,
        }),
    }
}

/// Is `tank` a well-formed tank (module doc)?
pub fn is_tank(tank: Noun) -> bool {
    Shape::default().tank(tank).is_ok()
}

/// Is `tang` a well-formed `(list tank)`?
pub fn is_tang(tang: Noun) -> bool {
    Shape::default().tang(tang).is_ok()
}

/// Shape checks for the nouns the king prints or hands to its drivers:
/// tanks, tangs, effect lists. Iterative; a noun seen twice (by identity) is
/// checked once, so a tang with much sharing costs its size in memory, not
/// its size as a tree.
#[derive(Default)]
pub struct Shape {
    /// Cells known (or being checked) to be tanks.
    tanks: HashSet<u64>,
    /// Cells of lists of tanks already walked.
    tank_lists: HashSet<u64>,
    /// Cells of lists of atoms (tapes, wires) already walked.
    atom_lists: HashSet<u64>,
    /// Tanks waiting to be checked.
    todo: Vec<Noun>,
}

impl fmt::Debug for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shape")
            .field("tanks", &self.tanks.len())
            .field("todo", &self.todo.len())
            .finish()
    }
}

impl Shape {
    /// Is `tank` a tank?
    pub fn tank(&mut self, tank: Noun) -> Result<(), &'static str> {
        self.todo.push(tank);
        self.drain()
    }

    /// Is `tang` a `(list tank)`?
    pub fn tang(&mut self, tang: Noun) -> Result<(), &'static str> {
        self.push_tanks(tang, "tang is not a null-terminated list")?;
        self.drain()
    }

    /// Is `fec` a `(list ovum)`?
    pub fn effects(&mut self, fec: Noun) -> Result<(), &'static str> {
        let mut list = fec;
        while let Some((ovum, rest)) = list.cell_parts() {
            self.ovum(ovum)?;
            list = rest;
        }
        null(list, "effect list is not null-terminated")
    }

    /// Is `job` a `[@da ovum]`?
    pub fn job(&mut self, job: Noun) -> Result<(), &'static str> {
        let (now, ovum) = job.cell_parts().ok_or("job is not a cell")?;
        if now.is_cell() {
            return Err("job time is a cell");
        }
        self.ovum(ovum)
    }

    /// Is `ovum` a `[wire card]`, `wire` a list of atoms, `card` `[@ *]`?
    pub fn ovum(&mut self, ovum: Noun) -> Result<(), &'static str> {
        let (wire, card) = ovum.cell_parts().ok_or("ovum is not [wire card]")?;
        self.atoms(wire, "wire is not a list of atoms")?;
        match card.cell_parts() {
            Some((tag, _)) if tag.is_atom() => Ok(()),
            Some(_) => Err("card tag is a cell"),
            None => Err("card is not [tag data]"),
        }
    }

    /// Check the tanks queued in `todo`.
    fn drain(&mut self) -> Result<(), &'static str> {
        while let Some(tank) = self.todo.pop() {
            // A bare atom is a cord, a valid tank.
            let Some((tag, body)) = tank.cell_parts() else {
                continue;
            };
            if !self.tanks.insert(tank.raw()) {
                continue;
            }
            match tag.as_direct() {
                Some(tags::LEAF) => self.atoms(body, "%leaf tape is not a list of atoms")?,
                Some(tags::PALM) => {
                    let (p, q) = body.cell_parts().ok_or("%palm tank is not [%palm p q]")?;
                    self.tapes(p, 4, "%palm p is not four tapes")?;
                    self.push_tanks(q, "%palm q is not a list of tanks")?;
                }
                Some(tags::ROSE) => {
                    let (p, q) = body.cell_parts().ok_or("%rose tank is not [%rose p q]")?;
                    self.tapes(p, 3, "%rose p is not three tapes")?;
                    self.push_tanks(q, "%rose q is not a list of tanks")?;
                }
                _ => return Err("tank is not a cord, %leaf, %palm or %rose"),
            }
        }
        Ok(())
    }

    /// Queue the elements of a list of tanks.
    fn push_tanks(&mut self, mut list: Noun, why: &'static str) -> Result<(), &'static str> {
        while let Some((tank, rest)) = list.cell_parts() {
            if !self.tank_lists.insert(list.raw()) {
                return Ok(());
            }
            self.todo.push(tank);
            list = rest;
        }
        null(list, why)
    }

    /// A tuple of `n` tapes.
    fn tapes(&mut self, mut p: Noun, n: usize, why: &'static str) -> Result<(), &'static str> {
        for _ in 1..n {
            let (tape, rest) = p.cell_parts().ok_or(why)?;
            self.atoms(tape, why)?;
            p = rest;
        }
        self.atoms(p, why)
    }

    /// A null-terminated list of atoms (a tape or a wire).
    fn atoms(&mut self, mut list: Noun, why: &'static str) -> Result<(), &'static str> {
        while let Some((item, rest)) = list.cell_parts() {
            if !self.atom_lists.insert(list.raw()) {
                return Ok(());
            }
            if item.is_cell() {
                return Err(why);
            }
            list = rest;
        }
        null(list, why)
    }
}

fn null(n: Noun, why: &'static str) -> Result<(), &'static str> {
    if n.as_direct() == Some(0) {
        Ok(())
    } else {
        Err(why)
    }
}
