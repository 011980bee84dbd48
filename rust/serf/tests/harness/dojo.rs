//! The dojo and the real kernel, seen from the king: stored events, the
//! text of `%blit` effects, typed lines, scries.

use std::path::Path;

use mars_eventlog::{Event, EventLog, OpenMode};
use mars_noun::{Heap, Noun};
use mars_serf::plea::Plea;

use super::King;

/// Every event of a pier's log, in order.
pub fn stored_events(pier: &Path) -> Vec<Event> {
    let mut log = EventLog::open(pier, OpenMode::NoLock).expect("open the event log");
    let mut out = Vec::new();
    for e in log.iter() {
        out.push(e.expect("read an event"));
    }
    out
}

pub fn cue(heap: &mut Heap, e: &Event) -> Noun {
    mars_serial::cue(heap, &e.jam).expect("stored event cues")
}

/// The text of a tape or a list of `@c`.
pub fn tape(mut l: Noun) -> String {
    let mut s = String::new();
    while let Some((c, t)) = l.cell_parts() {
        let c = c.as_u64().unwrap_or(0xfffd) as u32;
        s.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        l = t;
    }
    s
}

pub fn tag(n: Noun) -> String {
    super::cord_text(n)
}

/// What the `%blit` effects of `effects` print, one string per `%put` or
/// `%klr` (a `stub`: `(list [stye (list @c)])`), in order.
pub fn printed(effects: Noun) -> Vec<String> {
    fn blit(b: Noun, out: &mut Vec<String>) {
        let Some((t, p)) = b.cell_parts() else { return };
        match tag(t).as_str() {
            "put" => out.push(tape(p)),
            "klr" => {
                let mut s = String::new();
                let mut l = p;
                while let Some((run, rest)) = l.cell_parts() {
                    if let Some((_, text)) = run.cell_parts() {
                        s.push_str(&tape(text));
                    }
                    l = rest;
                }
                out.push(s);
            }
            "mor" => {
                let mut l = p;
                while let Some((b, rest)) = l.cell_parts() {
                    blit(b, out);
                    l = rest;
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut l = effects;
    while let Some((ovum, rest)) = l.cell_parts() {
        if let Some((_wire, card)) = ovum.cell_parts() {
            if let Some((t, blits)) = card.cell_parts() {
                if tag(t) == "blit" {
                    let mut b = blits;
                    while let Some((one, more)) = b.cell_parts() {
                        blit(one, &mut out);
                        b = more;
                    }
                }
            }
        }
        l = rest;
    }
    out
}

/// The card tags of `effects`.
pub fn card_tags(effects: Noun) -> Vec<String> {
    let mut out = Vec::new();
    let mut l = effects;
    while let Some((ovum, rest)) = l.cell_parts() {
        if let Some((_, card)) = ovum.cell_parts() {
            out.push(tag(card.cell_parts().map_or(card, |(t, _)| t)));
        }
        l = rest;
    }
    out
}

/// `%work` one event; its mug must be `want` (where non-zero).
pub fn work_event(king: &mut King, job: Noun, eve: u64, want: u32) -> Noun {
    match king.work(job) {
        Plea::WorkDone {
            eve: e,
            mug,
            effects,
        } => {
            assert_eq!(e, eve, "event number");
            if want != 0 {
                assert_eq!(
                    mug, want,
                    "mug of event {eve}: {mug:#x}, vere stored {want:#x}"
                );
            }
            effects
        }
        other => panic!("event {eve}: expected [%work %done ...], got {other:?}"),
    }
}

/// A dojo line typed on `/d/term/1` and its return, as two jobs after
/// `now`: built from stored `%txt` and `%ret` events (`txt`, `ret`) with
/// the text and dates replaced.
pub fn typed(heap: &mut Heap, txt: Noun, ret: Noun, now: u128, text: &str) -> [Noun; 2] {
    let (_, ovum) = txt.cell_parts().expect("[now ovum]");
    let (wire, card) = ovum.cell_parts().expect("ovum");
    let (belt_tag, belt) = card.cell_parts().expect("card");
    let (txt_tag, _) = belt.cell_parts().expect("belt");
    let chars: Vec<Noun> = text.chars().map(|c| Noun::direct(c as u64)).collect();
    let tape = heap.list(&chars);
    let belt = heap.cell(txt_tag, tape);
    let card = heap.cell(belt_tag, belt);
    let ovum = heap.cell(wire, card);
    let t1 = heap.atom_from_le_bytes(&(now + (1 << 48)).to_le_bytes());
    let t2 = heap.atom_from_le_bytes(&(now + (2 << 48)).to_le_bytes());
    let (_, ret_ovum) = ret.cell_parts().expect("[now ovum]");
    [heap.cell(t1, ovum), heap.cell(t2, ret_ovum)]
}

pub fn date(n: Noun) -> u128 {
    let a = n.as_atom().expect("a date");
    let mut b = a.to_le_bytes();
    b.resize(16, 0);
    u128::from_le_bytes(b.try_into().expect("16 bytes"))
}

/// `[~ ~]` gang, `[%| %once care desk path]`: the king's "once" scry.
pub fn once(heap: &mut Heap, care: &str, desk: &str, path: &[&str]) -> Noun {
    let care = heap.atom_str(care);
    let desk = heap.atom_str(desk);
    let segs: Vec<Noun> = path.iter().map(|s| heap.atom_str(s)).collect();
    let path = heap.list(&segs);
    let once = heap.atom_str("once");
    let nom = heap.tuple(&[Noun::direct(1), once, care, desk, path]);
    let gang = heap.cell(Noun::ZERO, Noun::ZERO);
    heap.cell(gang, nom)
}

/// `job` (`[now ovum]`) at another time.
pub fn redate(heap: &mut Heap, job: Noun, now: u128) -> Noun {
    let (_, ovum) = job.cell_parts().expect("[now ovum]");
    let t = heap.atom_from_le_bytes(&now.to_le_bytes());
    heap.cell(t, ovum)
}
