//! `mars inspect <pier> [--event N | --list]`: what a pier's event log holds,
//! without changing anything.
//!
//! The overview: the epochs (name, events, `vere.txt`), META (disk version,
//! ship, fake or real, life), the event count, the dates (`now`) of the first
//! event after the lifecycle and of the last event, and mars's snapshot
//! (`.urb/chk/data.pma`, verified) if there is one. `--event N` decodes one
//! event: a lifecycle noun (events `1..=life`: its jam size and mug) or a
//! `[now ovum]` (its date, wire, card tag and, for `%belt %txt`, the text),
//! with the stored mug and value length. `--list` prints one line per event
//! in the format of the shared `<pier>.events.txt` files.
//!
//! The log is opened as `mars play` opens it ([`crate::play_cmd::open_log`]):
//! without a lock, creating no file, when no `lock.mdb` exists. Exit status:
//! 0, or 2 when the pier or its log is missing or unreadable, or the event is
//! not in the log.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use mars_eventlog::{Event, EventLog};
use mars_noun::{fmt, mug, Heap, HeapConfig, Noun};

use crate::play_cmd::open_log;

/// Exit status for a missing or unreadable pier, log or event.
pub const EXIT_INPUT: u8 = 2;

/// `@da` of the Unix epoch, high 64 bits (nouns.md §4.1).
const DA_UNIX_EPOCH: u64 = 0x8000_000c_ce9e_0d80;
/// `%belt`
const TAS_BELT: u64 = 0x746c_6562;
/// `%txt`
const TAS_TXT: u64 = 0x0074_7874;
/// Longest text or rendering shown for one field.
const MAX_SHOWN: usize = 200;

/// `mars inspect` options.
#[derive(Debug, Clone, Args)]
pub struct InspectArgs {
    /// The pier directory.
    pub pier: PathBuf,
    /// Decode event N.
    #[arg(long, value_name = "N")]
    pub event: Option<u64>,
    /// List every event: number, stored mug, stored size, what it is.
    #[arg(long, conflicts_with = "event")]
    pub list: bool,
}

/// Run `mars inspect`.
pub fn run(args: &InspectArgs) -> ExitCode {
    match inspect(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mars inspect: {message}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn inspect(args: &InspectArgs) -> Result<(), String> {
    let pier = args.pier.as_path();
    if !pier.is_dir() {
        return Err(format!("no pier at {}", pier.display()));
    }
    let mut log = open_log(pier).map_err(|e| format!("cannot open the event log: {e}"))?;
    let mut heap = Heap::new(HeapConfig::default()).map_err(|e| e.to_string())?;
    if let Some(n) = args.event {
        return show_event(&mut log, &mut heap, n);
    }
    if args.list {
        return list_events(&mut log, &mut heap);
    }
    overview(pier, &mut log, &mut heap)
}

fn read_err(e: mars_eventlog::ReadError) -> String {
    format!("cannot read the event log: {e}")
}

fn overview(pier: &Path, log: &mut EventLog, heap: &mut Heap) -> Result<(), String> {
    let meta = *log.meta();
    let first = log.first_event();
    let last = log.last_event().map_err(read_err)?;
    println!("pier       {}", pier.display());
    println!("version    {} (disk format)", meta.version);
    println!(
        "ship       {} ({})",
        ship_name(meta.who),
        if meta.fake { "fake" } else { "real" }
    );
    println!(
        "life       {} (lifecycle events 1-{})",
        meta.life, meta.life
    );
    println!("epochs     {}", log.epochs().len());
    for e in log.epochs() {
        let range = if e.is_empty() {
            "no events".to_string()
        } else {
            format!("events {}-{} ({})", e.first(), e.last, e.len())
        };
        let vere = e.vere_version.as_deref().unwrap_or("(no vere.txt)");
        println!("  0i{:<7} {range}, vere {vere}", e.base);
    }
    if last < first {
        println!("events     none");
    } else {
        println!("events     {first}-{last} ({} events)", last - first + 1);
    }
    let after_life = first.max(u64::from(meta.life) + 1);
    if after_life <= last {
        println!("first date {}", event_date(log, heap, after_life)?);
        println!("last date  {}", event_date(log, heap, last)?);
    }
    println!("snapshot   {}", snapshot_line(pier));
    Ok(())
}

/// `event N: <date>` for a `[now ovum]` event.
fn event_date(log: &mut EventLog, heap: &mut Heap, n: u64) -> Result<String, String> {
    let e = read_one(log, n)?;
    let noun = cue(heap, &e)?;
    let when = noun
        .cell_parts()
        .map_or_else(|| "not [now ovum]".to_string(), |(now, _)| date_text(now));
    Ok(format!("event {n}: {when}"))
}

fn read_one(log: &mut EventLog, n: u64) -> Result<Event, String> {
    let last = log.last_event().map_err(read_err)?;
    let first = log.first_event();
    if n < first || n > last {
        return Err(format!(
            "event {n} is not in the log (events {first}-{last})"
        ));
    }
    log.read(n, 1)
        .map_err(read_err)?
        .pop()
        .ok_or_else(|| format!("event {n} missing from the log"))
}

fn cue(heap: &mut Heap, e: &Event) -> Result<Noun, String> {
    match catch_unwind(AssertUnwindSafe(|| mars_serial::cue(heap, &e.jam))) {
        Ok(Ok(n)) => Ok(n),
        Ok(Err(err)) => Err(format!(
            "event {}: stored value does not cue: {err}",
            e.number
        )),
        Err(_) => Err(format!("event {}: too large to decode", e.number)),
    }
}

fn show_event(log: &mut EventLog, heap: &mut Heap, n: u64) -> Result<(), String> {
    let e = read_one(log, n)?;
    let epoch = log
        .epochs()
        .iter()
        .rev()
        .find(|ep| ep.base < n)
        .map_or_else(String::new, |ep| format!(" (epoch 0i{})", ep.base));
    let life = u64::from(log.meta().life);
    let noun = cue(heap, &e)?;
    println!("event      {n}{epoch}");
    let checked = if e.mug == 0 { " (not checked)" } else { "" };
    println!("stored mug {:#010x}{checked}", e.mug);
    println!(
        "stored len {} bytes (4 mug + {} jam)",
        e.stored_len(),
        e.jam.len()
    );
    if n <= life {
        println!("kind       lifecycle noun ({n} of {life}; not [now ovum])");
        let shape = match noun.as_atom() {
            Some(a) => format!("atom of {} bytes", a.byte_len()),
            None => "cell".to_string(),
        };
        println!(
            "noun       {shape}, jam {} bytes, mug {:#010x}",
            e.jam.len(),
            mug(noun)
        );
        return Ok(());
    }
    println!("kind       [now ovum]");
    let Some((now, ovum)) = noun.cell_parts() else {
        println!(
            "noun       atom (expected [now ovum]), mug {:#010x}",
            mug(noun)
        );
        return Ok(());
    };
    println!("now        {}", date_text(now));
    let Some((wire, card)) = ovum.cell_parts() else {
        println!("ovum       {} (expected [wire card])", show(ovum));
        return Ok(());
    };
    println!("wire       {}", wire_text(wire));
    match card.cell_parts() {
        Some((tag, data)) => {
            println!("card       %{}", knot(tag));
            if tag.as_u64() == Some(TAS_BELT) {
                show_belt(data);
            } else {
                println!("data       {}", show(data));
            }
        }
        None => println!("card       {} (expected [tag data])", show(card)),
    }
    println!("noun mug   {:#010x}", mug(noun));
    Ok(())
}

fn show_belt(belt: Noun) {
    let tag = belt.cell_parts().map_or(belt, |(t, _)| t);
    println!("belt       %{}", knot(tag));
    if let Some(text) = belt_text(belt) {
        println!("text       {}", quoted(&text));
    } else if let Some((_, data)) = belt.cell_parts() {
        println!("data       {}", show(data));
    }
}

/// The text of `[%txt p=(list @c)]`.
fn belt_text(belt: Noun) -> Option<String> {
    let (tag, mut list) = belt.cell_parts()?;
    if tag.as_u64() != Some(TAS_TXT) {
        return None;
    }
    let mut s = String::new();
    while let Some((c, rest)) = list.cell_parts() {
        let c = c.as_u64().and_then(|c| u32::try_from(c).ok())?;
        s.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
        list = rest;
    }
    Some(s)
}

/// One line per event, as in the shared `<pier>.events.txt`.
fn list_events(log: &mut EventLog, heap: &mut Heap) -> Result<(), String> {
    let life = u64::from(log.meta().life);
    let epochs: Vec<(u64, u64)> = log.epochs().iter().map(|e| (e.base, e.last)).collect();
    for (base, last) in epochs {
        println!("== epoch 0i{base}");
        let mut next = base + 1;
        while next <= last {
            let want = usize::try_from(last - next + 1)
                .unwrap_or(usize::MAX)
                .min(mars_eventlog::BATCH_EVENTS);
            let batch = log.read(next, want).map_err(read_err)?;
            if batch.is_empty() {
                break;
            }
            for e in &batch {
                let what = if e.number <= life {
                    "lifecycle noun (boot sequence)".to_string()
                } else {
                    describe(cue(heap, e)?)
                };
                println!(
                    "{:>4} mug={:08x} len={:>8}  {what}",
                    e.number,
                    e.mug,
                    e.stored_len()
                );
                next = e.number + 1;
            }
        }
    }
    Ok(())
}

/// `/d/term/1 %belt %txt "a"`: wire, card tag, belt tag and text.
fn describe(job: Noun) -> String {
    let Some((_now, ovum)) = job.cell_parts() else {
        return "not [now ovum]".to_string();
    };
    let Some((wire, card)) = ovum.cell_parts() else {
        return "not [now [wire card]]".to_string();
    };
    let mut out = wire_text(wire);
    let tag = card.cell_parts().map_or(card, |(t, _)| t);
    out.push_str(&format!(" %{}", knot(tag)));
    if tag.as_u64() == Some(TAS_BELT) {
        if let Some((_, belt)) = card.cell_parts() {
            let btag = belt.cell_parts().map_or(belt, |(t, _)| t);
            out.push_str(&format!(" %{}", knot(btag)));
            if let Some(text) = belt_text(belt) {
                out.push_str(&format!(" {}", quoted(&text)));
            }
        }
    }
    out
}

/// A path: `/d/term/1`; elements that are not text in decimal.
fn wire_text(mut wire: Noun) -> String {
    let mut out = String::new();
    while let Some((knot_noun, rest)) = wire.cell_parts() {
        out.push('/');
        out.push_str(&knot(knot_noun));
        wire = rest;
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// An atom as text when it is printable ASCII, else in decimal; a cell as
/// noun notation.
fn knot(n: Noun) -> String {
    let Some(a) = n.as_atom() else {
        return show(n);
    };
    let bytes = a.to_le_bytes();
    if !bytes.is_empty()
        && bytes.len() <= MAX_SHOWN
        && bytes.iter().all(|b| (0x21..0x7f).contains(b))
    {
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    atom_text(n)
}

/// An atom in decimal, or its size when it is large.
fn atom_text(n: Noun) -> String {
    match n.as_atom() {
        Some(a) if a.byte_len() <= 32 => fmt::decimal(a.words()),
        Some(a) => format!("<atom of {} bytes>", a.byte_len()),
        None => show(n),
    }
}

/// A short rendering of any noun in noun notation (`[1 2 3]`), large atoms
/// shown by size, cut after about [`MAX_SHOWN`] bytes.
fn show(n: Noun) -> String {
    enum Task {
        Item(Noun),
        Rest(Noun),
        Close,
    }
    let mut out = String::new();
    let mut todo = vec![Task::Item(n)];
    while let Some(task) = todo.pop() {
        if out.len() > MAX_SHOWN {
            out.push_str("...");
            break;
        }
        match task {
            Task::Item(x) => match x.cell_parts() {
                Some((h, t)) => {
                    out.push('[');
                    todo.push(Task::Close);
                    todo.push(Task::Rest(t));
                    todo.push(Task::Item(h));
                }
                None => out.push_str(&atom_text(x)),
            },
            Task::Rest(x) => {
                out.push(' ');
                match x.cell_parts() {
                    Some((h, t)) => {
                        todo.push(Task::Rest(t));
                        todo.push(Task::Item(h));
                    }
                    None => todo.push(Task::Item(x)),
                }
            }
            Task::Close => out.push(']'),
        }
    }
    out
}

fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars().take(MAX_SHOWN) {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    if text.chars().count() > MAX_SHOWN {
        out.push_str("...");
    }
    out.push('"');
    out
}

/// `~zod` for 0 (the only ship named without the syllable tables), else
/// the number in hex.
fn ship_name(who: u128) -> String {
    if who == 0 {
        "~zod".to_string()
    } else {
        format!("{who:#x}")
    }
}

/// `data.pma`'s state: event and mug, or why it cannot be used.
fn snapshot_line(pier: &Path) -> String {
    let chk = pier.join(".urb").join("chk");
    if !chk.join(mars_snapshot::FILE_NAME).is_file() {
        return "none (.urb/chk/data.pma)".to_string();
    }
    // The directory exists, so opening the store creates nothing.
    let mut store = match mars_snapshot::Store::open(pier) {
        Ok(s) => s,
        Err(e) => return format!("cannot open: {e}"),
    };
    match store.load() {
        Ok(Some((meta, payload))) => format!(
            ".urb/chk/data.pma: event {}, mug {:#010x}, payload {} bytes (checksums good)",
            meta.event,
            meta.mug,
            payload.len()
        ),
        Ok(None) => "none (.urb/chk/data.pma)".to_string(),
        Err(e) => format!("not usable: {e}"),
    }
}

/// An `@da` as `~2023.10.12..08.00.00..8000 (2023-10-12 08:00:00.5 UTC)`.
pub fn date_text(now: Noun) -> String {
    let Some(a) = now.as_atom() else {
        return format!("not a date: {}", show(now));
    };
    let w = a.words();
    if w.len() > 2 {
        return format!("not a date: {}", atom_text(now));
    }
    let low = w[0];
    let high = w.get(1).copied().unwrap_or(0);
    match da_parts(high, low) {
        Some(d) => format!("{} ({})", d.urbit(), d.iso()),
        None => format!("not a date: {}", atom_text(now)),
    }
}

/// A date split into civil fields (UTC, proleptic Gregorian, year ≥ 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Da {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    /// Fraction of a second in units of 2^-64.
    fraction: u64,
}

impl Da {
    fn urbit(&self) -> String {
        let mut s = format!("~{}.{}.{}", self.year, self.month, self.day);
        if self.hour != 0 || self.minute != 0 || self.second != 0 || self.fraction != 0 {
            s.push_str(&format!(
                "..{:02}.{:02}.{:02}",
                self.hour, self.minute, self.second
            ));
        }
        if self.fraction != 0 {
            let mut groups: Vec<String> = (0..4)
                .map(|i| format!("{:04x}", (self.fraction >> (48 - 16 * i)) & 0xffff))
                .collect();
            while groups.last().is_some_and(|g| g == "0000") {
                groups.pop();
            }
            s.push_str("..");
            s.push_str(&groups.join("."));
        }
        s
    }

    fn iso(&self) -> String {
        let mut s = format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        );
        if self.fraction != 0 {
            let micros = (u128::from(self.fraction) * 1_000_000) >> 64;
            s.push_str(&format!(".{micros:06}"));
        }
        s.push_str(" UTC");
        s
    }
}

/// Splits the `@da` whose high and low 64 bits are given; `None` before
/// year 1 or after year 9999.
fn da_parts(high: u64, low: u64) -> Option<Da> {
    let secs = i128::from(high) - i128::from(DA_UNIX_EPOCH);
    // 0001-01-01 and 10000-01-01 in Unix seconds.
    if !(-62_135_596_800..253_402_300_800).contains(&secs) {
        return None;
    }
    let secs = i64::try_from(secs).ok()?;
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400) as u32;
    let (year, month, day) = civil_from_days(days);
    Some(Da {
        year,
        month,
        day,
        hour: rest / 3600,
        minute: (rest % 3600) / 60,
        second: rest % 60,
        fraction: low,
    })
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian
/// (the usual era arithmetic: 400-year eras of 146097 days, years starting
/// in March).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // 0..399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1
    let mp = (5 * doy + 2) / 153; // month from March, 0..11
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn da(high: u64, low: u64) -> Da {
        da_parts(high, low).expect("a date")
    }

    #[test]
    fn unix_epoch_and_spec_vector() {
        let d = da(DA_UNIX_EPOCH, 0);
        assert_eq!(d.urbit(), "~1970.1.1");
        assert_eq!(d.iso(), "1970-01-01 00:00:00 UTC");
        // nouns.md §4.1: 1700000000.5 = 0x8000000d33f1fe80_8000000000000000.
        let d = da(0x8000_000d_33f1_fe80, 0x8000_0000_0000_0000);
        assert_eq!(d.urbit(), "~2023.11.14..22.13.20..8000");
        assert_eq!(d.iso(), "2023-11-14 22:13:20.500000 UTC");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_642), (2023, 10, 12));
    }

    #[test]
    fn far_dates_are_not_dates() {
        assert!(da_parts(0, 0).is_none());
        assert!(da_parts(u64::MAX, 0).is_none());
        let mut heap = Heap::new(HeapConfig::default()).unwrap();
        let big = heap.atom_from_le_bytes(&[1; 20]);
        assert!(date_text(big).starts_with("not a date"));
        let cell = heap.cell(Noun::ZERO, Noun::ZERO);
        assert!(date_text(cell).starts_with("not a date"));
    }

    #[test]
    fn wires_cards_and_text() {
        let mut heap = Heap::new(HeapConfig::default()).unwrap();
        let d = heap.atom_str("d");
        let term = heap.atom_str("term");
        let one = heap.atom_str("1");
        let wire = heap.list(&[d, term, one]);
        assert_eq!(wire_text(wire), "/d/term/1");
        let arvo = heap.atom_str("arvo");
        let wire0 = heap.list(&[Noun::ZERO, arvo]);
        assert_eq!(wire_text(wire0), "/0/arvo");
        let chars: Vec<Noun> = "(add 2 2)"
            .chars()
            .map(|c| Noun::direct(c as u64))
            .collect();
        let text = heap.list(&chars);
        let txt = heap.atom_str("txt");
        let belt = heap.cell(txt, text);
        let belt_tag = heap.atom_str("belt");
        let card = heap.cell(belt_tag, belt);
        let ovum = heap.cell(wire, card);
        let now = heap.atom_u128(u128::from(DA_UNIX_EPOCH) << 64);
        let job = heap.cell(now, ovum);
        assert_eq!(describe(job), "/d/term/1 %belt %txt \"(add 2 2)\"");
        assert_eq!(describe(Noun::ZERO), "not [now ovum]");
    }

    #[test]
    fn show_is_short_and_bracketed() {
        let mut heap = Heap::new(HeapConfig::default()).unwrap();
        let n = heap.tuple(&[Noun::direct(1), Noun::direct(2), Noun::direct(3)]);
        assert_eq!(show(n), "[1 2 3]");
        let big = heap.atom_from_le_bytes(&[7; 100]);
        assert_eq!(show(big), "<atom of 100 bytes>");
        assert_eq!(ship_name(0), "~zod");
        assert_eq!(ship_name(0x100), "0x100");
    }
}
