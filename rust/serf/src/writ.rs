//! Writs: the commands the king sends the serf (vere v3.0 `serf.c`,
//! `lord.c:_lord_writ_make`).
//!
//! ```hoon
//! +$  writ
//!   $%  $:  %live
//!           $%  [%cram eve=@]       ::  save a rock; eve = serf's last event
//!               [%exit cod=@]       ::  exit now with status cod (< 256), no reply
//!               [%save eve=@]       ::  snapshot; eve = serf's last event
//!               [%meld ~]           ::  deduplicate memory
//!               [%pack ~]           ::  defragment memory
//!       ==  ==
//!       [%peek mil=@ sam=*]         ::  scry; sam = [gang nom]
//!       [%play eve=@ lit=(list ?((pair @da ovum) *))]
//!                                   ::  replay; eve = number of lit's first event
//!       [%work mil=@ job=(pair @da ovum)]
//!                                   ::  compute one new event
//!   ==
//! ```
//!
//! `mil` is a CPU-time budget in milliseconds (0 = none; a v3.0 king always
//! sends 0). [`Writ::decode`] applies exactly the checks of vere's serf
//! (`u3_serf_writ`, `u3_serf_live`), which exits with `bad jar` on anything
//! else:
//!
//! * the writ is a cell `[tag com]` with tag `%live`, `%peek`, `%play` or `%work`;
//! * `%live`: `com` = `[sub dat]`; `%exit` needs `dat < 2^8`, `%save` and
//!   `%cram` need `dat < 2^64`, `%meld` and `%pack` need `dat = ~`;
//! * `%peek`: `[mil sam]` with `mil < 2^32`;
//! * `%play`: `[eve lit]` with `eve < 2^64` and `lit` a cell (the list is
//!   not walked here: its elements are the replay's business);
//! * `%work`: `[mil job]` with `mil < 2^32`; we also require `job` to be a
//!   cell (vere's serf would abort on an atom; we reject it cleanly).
//!
//! The tag constants shared with `plea.rs` live in [`tags`].

use std::fmt;

use mars_noun::{Heap, Noun};

/// Protocol tags (`@tas`), computed from their text at compile time.
pub mod tags {
    use mars_noun::Noun;

    /// The `@tas` of `s`: its bytes read little-endian. `s` must be 1 to 7
    /// bytes, so the result is a direct atom (checked at compile time for
    /// constants).
    pub const fn tas(s: &str) -> u64 {
        let b = s.as_bytes();
        assert!(!b.is_empty() && b.len() <= 7, "tag must be 1..=7 bytes");
        let mut v = 0u64;
        let mut i = b.len();
        while i > 0 {
            i -= 1;
            v = (v << 8) | b[i] as u64;
        }
        v
    }

    macro_rules! tag_table {
        ($($(#[$doc:meta])* $name:ident = $text:literal,)*) => {
            $( $(#[$doc])* pub const $name: u64 = tas($text); )*
            /// Every tag with its text.
            pub const ALL: &[(u64, &str)] = &[$(($name, $text)),*];
        };
    }

    tag_table! {
        /// writ and plea head; `%live` acknowledgement
        LIVE = "live",
        /// first plea: the serf is ready
        RIPE = "ripe",
        /// plea: a `%slog` hint fired
        SLOG = "slog",
        /// plea: a line of runtime log text
        FLOG = "flog",
        /// writ and plea head: scry
        PEEK = "peek",
        /// writ and plea head: replay
        PLAY = "play",
        /// writ and plea head: compute an event
        WORK = "work",
        /// reply sub-tag: success
        DONE = "done",
        /// reply sub-tag: failure
        BAIL = "bail",
        /// `%work` reply: the event was replaced (by a `%crud`)
        SWAP = "swap",
        /// `%live` sub-tag: snapshot
        SAVE = "save",
        /// `%live` sub-tag: save a rock
        CRAM = "cram",
        /// `%live` sub-tag: deduplicate
        MELD = "meld",
        /// `%live` sub-tag: defragment
        PACK = "pack",
        /// `%live` sub-tag: exit; also the mote of a deterministic crash
        EXIT = "exit",
        /// tank: a tape
        LEAF = "leaf",
        /// tank: backstep list
        PALM = "palm",
        /// tank: flat list
        ROSE = "rose",
    }

    /// A tag as a noun.
    pub const fn noun(tag: u64) -> Noun {
        Noun::direct(tag)
    }
}

/// What a rejected tag was, for error messages (a noun cannot outlive the
/// next collection; this can).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagName {
    /// An atom of at most 64 bits.
    Atom(u64),
    /// An atom of more than 64 bits.
    BigAtom,
    /// A cell.
    Cell,
}

impl TagName {
    pub fn of(n: Noun) -> TagName {
        if n.is_cell() {
            TagName::Cell
        } else {
            n.as_u64().map_or(TagName::BigAtom, TagName::Atom)
        }
    }
}

impl fmt::Display for TagName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TagName::Atom(v) => {
                let bytes = v.to_le_bytes();
                let len = 8 - (v.leading_zeros() / 8) as usize;
                let text = &bytes[..len];
                let term = !text.is_empty()
                    && text
                        .iter()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-');
                if term {
                    f.write_str("%")?;
                    text.iter()
                        .try_for_each(|&b| fmt::Write::write_char(f, char::from(b)))
                } else {
                    write!(f, "{v}")
                }
            }
            TagName::BigAtom => f.write_str("an atom of more than 64 bits"),
            TagName::Cell => f.write_str("a cell"),
        }
    }
}

/// An atom below `2^bits` (`bits <= 64`), as vere's `u3r_safe_*` reads it.
pub(crate) fn atom_below(n: Noun, bits: u32) -> Option<u64> {
    let v = n.as_u64()?;
    if bits >= 64 || v >> bits == 0 {
        Some(v)
    } else {
        None
    }
}

/// The kinds of writ; every plea but `%ripe`, `%slog` and `%flog` answers
/// the oldest outstanding writ, of the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WritKind {
    Live,
    Peek,
    Play,
    Work,
}

/// `[%live sub dat]`: a maintenance command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Live {
    /// `[%save eve]`: snapshot; `eve` is the king's idea of our last event.
    Save(u64),
    /// `[%cram eve]`: save a rock of the state.
    Cram(u64),
    /// `[%meld ~]`
    Meld,
    /// `[%pack ~]`
    Pack,
    /// `[%exit cod]`: exit with this status, sending no reply.
    Exit(u8),
}

/// A command from the king.
#[derive(Clone, Copy, Debug)]
pub enum Writ {
    Live(Live),
    /// `[%peek mil sam]`: scry with `sam` = `[gang nom]`, passed to arvo
    /// unexamined.
    Peek {
        mil: u32,
        sample: Noun,
    },
    /// `[%play eve lit]`: replay the events of the non-empty list `events`,
    /// the first of which is event number `eve`.
    Play {
        eve: u64,
        events: Noun,
    },
    /// `[%work mil job]`: compute `job` = `[now ovum]` (a cell).
    Work {
        mil: u32,
        job: Noun,
    },
}

/// Why a writ was rejected (vere's serf would exit with `bad jar`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WritError {
    /// The writ is an atom, not `[tag com]`.
    NotCell,
    /// The head is not `%live`, `%peek`, `%play` or `%work`.
    UnknownTag(TagName),
    /// A writ's body is not the cell it must be (`what` names the writ).
    BodyNotCell(&'static str),
    /// `[%live sub dat]` with an unknown `sub`.
    UnknownLive(TagName),
    /// `%live %meld` or `%live %pack` with a payload other than `~`.
    NonNullPayload(&'static str),
    /// A number that is not an atom below `2^bits`.
    OutOfRange { field: &'static str, bits: u8 },
    /// `%play` with an empty event list.
    EmptyPlay,
    /// `%work` whose job is an atom.
    JobNotCell,
}

impl fmt::Display for WritError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            WritError::NotCell => f.write_str("writ is an atom, not [tag data]"),
            WritError::UnknownTag(t) => write!(f, "unknown writ tag {t}"),
            WritError::BodyNotCell(what) => write!(f, "{what} writ with an atom body"),
            WritError::UnknownLive(t) => write!(f, "unknown %live sub-tag {t}"),
            WritError::NonNullPayload(what) => write!(f, "{what} with non-null payload"),
            WritError::OutOfRange { field, bits } => {
                write!(f, "{field} is not an atom below 2^{bits}")
            }
            WritError::EmptyPlay => f.write_str("%play with an empty event list"),
            WritError::JobNotCell => f.write_str("%work job is not a cell"),
        }
    }
}

impl std::error::Error for WritError {}

fn field(n: Noun, bits: u8, field: &'static str) -> Result<u64, WritError> {
    atom_below(n, u32::from(bits)).ok_or(WritError::OutOfRange { field, bits })
}

fn body(n: Noun, what: &'static str) -> Result<(Noun, Noun), WritError> {
    n.cell_parts().ok_or(WritError::BodyNotCell(what))
}

impl Writ {
    /// Parse a cued writ with the rules of vere's serf (module doc).
    /// Never panics.
    pub fn decode(writ: Noun) -> Result<Writ, WritError> {
        let (tag, com) = writ.cell_parts().ok_or(WritError::NotCell)?;
        match tag.as_direct() {
            Some(tags::LIVE) => Live::decode(com).map(Writ::Live),
            Some(tags::PEEK) => {
                let (mil, sample) = body(com, "%peek")?;
                let mil = field(mil, 32, "%peek mil")? as u32;
                Ok(Writ::Peek { mil, sample })
            }
            Some(tags::PLAY) => {
                let (eve, events) = body(com, "%play")?;
                if !events.is_cell() {
                    return Err(WritError::EmptyPlay);
                }
                let eve = field(eve, 64, "%play eve")?;
                Ok(Writ::Play { eve, events })
            }
            Some(tags::WORK) => {
                let (mil, job) = body(com, "%work")?;
                let mil = field(mil, 32, "%work mil")? as u32;
                if !job.is_cell() {
                    return Err(WritError::JobNotCell);
                }
                Ok(Writ::Work { mil, job })
            }
            _ => Err(WritError::UnknownTag(TagName::of(tag))),
        }
    }

    /// The writ as a noun (what the king sends; for tests and tools).
    pub fn encode(&self, heap: &mut Heap) -> Noun {
        match *self {
            Writ::Live(live) => {
                let (sub, dat) = match live {
                    Live::Save(eve) => (tags::SAVE, heap.atom_u64(eve)),
                    Live::Cram(eve) => (tags::CRAM, heap.atom_u64(eve)),
                    Live::Meld => (tags::MELD, Noun::NULL),
                    Live::Pack => (tags::PACK, Noun::NULL),
                    Live::Exit(cod) => (tags::EXIT, Noun::direct(u64::from(cod))),
                };
                heap.tuple(&[tags::noun(tags::LIVE), tags::noun(sub), dat])
            }
            Writ::Peek { mil, sample } => {
                heap.tuple(&[tags::noun(tags::PEEK), Noun::direct(u64::from(mil)), sample])
            }
            Writ::Play { eve, events } => {
                let eve = heap.atom_u64(eve);
                heap.tuple(&[tags::noun(tags::PLAY), eve, events])
            }
            Writ::Work { mil, job } => {
                heap.tuple(&[tags::noun(tags::WORK), Noun::direct(u64::from(mil)), job])
            }
        }
    }

    pub fn kind(&self) -> WritKind {
        match self {
            Writ::Live(_) => WritKind::Live,
            Writ::Peek { .. } => WritKind::Peek,
            Writ::Play { .. } => WritKind::Play,
            Writ::Work { .. } => WritKind::Work,
        }
    }
}

impl Live {
    /// Parse the `com` of `[%live com]`.
    fn decode(com: Noun) -> Result<Live, WritError> {
        let (sub, dat) = body(com, "%live")?;
        match sub.as_direct() {
            Some(tags::SAVE) => field(dat, 64, "%live %save eve").map(Live::Save),
            Some(tags::CRAM) => field(dat, 64, "%live %cram eve").map(Live::Cram),
            Some(tags::EXIT) => field(dat, 8, "%live %exit code").map(|c| Live::Exit(c as u8)),
            Some(tags::MELD) => null(dat, "%live %meld").map(|()| Live::Meld),
            Some(tags::PACK) => null(dat, "%live %pack").map(|()| Live::Pack),
            _ => Err(WritError::UnknownLive(TagName::of(sub))),
        }
    }
}

fn null(dat: Noun, what: &'static str) -> Result<(), WritError> {
    if dat.as_direct() == Some(0) {
        Ok(())
    } else {
        Err(WritError::NonNullPayload(what))
    }
}
