//! `++slaw` (`k140/one/two/tri/qua/slaw`): parse a cord as an atom of an
//! aura, as a unit (`(slaw %ud '1.000')` is `[~ 1.000]`).
//!
//! As vere's `u3we_slaw`, which parses four auras and punts on the rest:
//!
//! * `%ud` (`dem:ag`): `0`, or 1 to 3 digits then dot-led groups of 3.
//! * `%tas` (`sym`): a lowercase letter, then letters, digits and `-`.
//! * `%p` (`fed:ag`): `~` and 1, 2, 4, 6, 8 or 16 syllables (a galaxy, a
//!   star, a planet, two moon shapes, a comet), unscrambled by `fynd:ob`.
//!   Any other shape punts, as in vere; a shape with a syllable out of
//!   place is `~`.
//! * `%da` (`when:so` and `year`): `~y.m.d`, `~y-.m.d` (BC), then
//!   optionally `..h.m.s` and `..` hex groups of 4 digits. Any text that
//!   does not have this shape punts, as in vere; the date is made as the
//!   Hoon's `year` makes it, at any size, crashing (`%exit`) where it
//!   does: a BC year before the epoch, or more than four hex groups.
//!
//! The sample must be a cell (else `%exit`); an aura that is not one of
//! these four atoms punts, and a cell text is `%exit` (the Hoon's `trip`;
//! vere's `u3x_atom` for `%ud`).
//!
//! vere reads the texts of `%p`, `%da` and `%tas` as C strings, and its
//! parsers are not quite `fed:ag` and `dem:ag`; where its native product
//! is not the Hoon's, the jet gives the Hoon's:
//!
//! * a text with a zero byte inside is `~` (vere parses up to the zero);
//! * `%ud` with a gap (spaces, a newline, a comment) after a dot, which
//!   `dog` allows and vere's `u3s_sift_ud` does not, punts;
//! * `%p`: `hef` refuses a first word of 0 and `tep` a star whose prefix
//!   is `doz`, so `~dozmar`, `~dozzod-marzod` and a comet of first word
//!   `dozzod` are `~` (vere gives a value).

use dashu_int::UBig;
use mars_nock::{JetError, Runtime};
use mars_noun::{Heap, Noun};

use super::etch::UD;
use super::ob_fynd::fynd_u64;
use super::scot::TAS;
use super::syllables::{prefix, suffix};
use super::{aura, some};
use crate::big;
use crate::util::sample2;

/// `%da`.
pub const DA: u64 = aura(b"da");
/// `%p`.
pub const P: u64 = aura(b"p");

/// A parse: `Ok(None)` is `~`; `Err(Punt)` hands the text to the Hoon.
type Parsed = Result<Option<Noun>, JetError>;

/// `(slaw aura txt)` for the text's bytes.
pub fn slaw(heap: &mut Heap, aura: u64, txt: Noun, bytes: &[u8]) -> Parsed {
    if ![DA, P, UD, TAS].contains(&aura) {
        return Err(JetError::Punt);
    }
    // No rule of these four parses a zero byte.
    if bytes.contains(&0) {
        return Ok(None);
    }
    match aura {
        UD => match ud(bytes) {
            Some(n) => Ok(Some(big::to_noun(heap, &n))),
            // `dog` is `;~(plug dot gay)`: a gap after a dot, which needs a
            // space or a newline, is the Hoon's to parse.
            None if bytes.iter().any(|&b| b == b' ' || b == b'\n') => Err(JetError::Punt),
            None => Ok(None),
        },
        TAS => Ok(tas(bytes).then_some(txt)),
        P => p(heap, bytes),
        _ => da(heap, bytes),
    }
}

/// `@ud` as vere's `u3s_sift_ud` reads it: `0`, or 1 to 3 digits (the
/// first not 0) and groups of `.` and 3 digits.
fn ud(s: &[u8]) -> Option<UBig> {
    if s == b"0" {
        return Some(UBig::ZERO);
    }
    let lead = s.len() % 4;
    if s.is_empty() || s[0] == b'0' || lead == 0 {
        return None;
    }
    let (head, rest) = s.split_at(lead);
    if !head.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut digits = head.to_vec();
    for g in rest.chunks_exact(4) {
        if g[0] != b'.' || !g[1..].iter().all(u8::is_ascii_digit) {
            return None;
        }
        digits.extend_from_slice(&g[1..]);
    }
    let text = std::str::from_utf8(&digits).ok()?;
    UBig::from_str_radix(text, 10).ok()
}

/// `sym`: a lowercase letter, then lowercase letters, digits and `-`.
fn tas(s: &[u8]) -> bool {
    match s.split_first() {
        Some((first, rest)) => {
            first.is_ascii_lowercase()
                && rest
                    .iter()
                    .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        }
        None => false,
    }
}

/// A cursor over a text, failing (punting) as vere's parsers do.
struct Cursor<'a> {
    s: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn end(&self) -> bool {
        self.at == self.s.len()
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    /// The byte `b`, else punt.
    fn eat(&mut self, b: u8) -> Result<(), JetError> {
        if self.peek() == Some(b) {
            self.at += 1;
            Ok(())
        } else {
            Err(JetError::Punt)
        }
    }

    /// Three lowercase letters, else punt.
    fn syllable(&mut self) -> Result<[u8; 3], JetError> {
        match self.s.get(self.at..self.at + 3) {
            Some(&[x, y, z]) if [x, y, z].iter().all(u8::is_ascii_lowercase) => {
                self.at += 3;
                Ok([x, y, z])
            }
            _ => Err(JetError::Punt),
        }
    }

    /// Two syllables, a prefix and a suffix, else punt.
    fn pair(&mut self) -> Result<[[u8; 3]; 2], JetError> {
        Ok([self.syllable()?, self.syllable()?])
    }

    /// Decimal digits, the first in `from..='9'`, else punt.
    fn number(&mut self, from: u8) -> Result<UBig, JetError> {
        let start = self.at;
        match self.peek() {
            Some(b) if (from..=b'9').contains(&b) => self.at += 1,
            _ => return Err(JetError::Punt),
        }
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(&self.s[start..self.at])
            .ok()
            .and_then(|t| UBig::from_str_radix(t, 10).ok())
            .ok_or(JetError::Punt)
    }

    /// A lowercase hex digit, else punt.
    fn hex(&mut self) -> Result<u16, JetError> {
        let d = match self.peek() {
            Some(b @ b'0'..=b'9') => b - b'0',
            Some(b @ b'a'..=b'f') => b - b'a' + 10,
            _ => return Err(JetError::Punt),
        };
        self.at += 1;
        Ok(u16::from(d))
    }
}

/// The word of a prefix and a suffix syllable, if both are.
fn word([pre, suf]: [[u8; 3]; 2]) -> Option<u64> {
    Some(u64::from(prefix(pre)?) << 8 | u64::from(suffix(suf)?))
}

/// `@p`, in vere's shapes: `~a`, `~ab`, `~ab-ab`, `~ab-ab-ab`,
/// `~ab-ab-ab-ab`, `~ab-ab-ab-ab--ab-ab-ab-ab`.
fn p(heap: &mut Heap, s: &[u8]) -> Parsed {
    let mut c = Cursor { s, at: 0 };
    c.eat(b'~')?;
    let a = c.syllable()?;
    if c.end() {
        // A galaxy: `tiq`.
        return Ok(suffix(a).map(|i| Noun::direct(u64::from(i))));
    }
    let b = c.syllable()?;
    if c.end() {
        // A star: `haf`, whose `tep` refuses the prefix `doz`.
        return Ok(word([a, b]).filter(|&w| w >> 8 != 0).map(Noun::direct));
    }
    let mut pairs = vec![[a, b]];
    for _ in 0..3 {
        c.eat(b'-')?;
        pairs.push(c.pair()?);
        if c.end() {
            // A planet or a moon: `hof`, unscrambled.
            return planet(heap, &pairs);
        }
    }
    c.eat(b'-')?;
    c.eat(b'-')?;
    for i in 0..4 {
        if i > 0 {
            c.eat(b'-')?;
        }
        pairs.push(c.pair()?);
    }
    if !c.end() {
        return Err(JetError::Punt);
    }
    // A comet: `huf` and one `hyf`; `fynd` leaves it as it is.
    let Some(words) = words(&pairs) else {
        return Ok(None);
    };
    let v = words.iter().fold(0u128, |v, &w| v << 16 | u128::from(w));
    Ok(Some(heap.atom_u128(v)))
}

/// The words of `pairs`, if every syllable is in place and the first
/// word is not 0 (`hef`).
fn words(pairs: &[[[u8; 3]; 2]]) -> Option<Vec<u64>> {
    let words = pairs
        .iter()
        .map(|&p| word(p))
        .collect::<Option<Vec<u64>>>()?;
    (words[0] != 0).then_some(words)
}

/// Two to four words, unscrambled.
fn planet(heap: &mut Heap, pairs: &[[[u8; 3]; 2]]) -> Parsed {
    let Some(words) = words(pairs) else {
        return Ok(None);
    };
    let v = words.iter().fold(0u64, |v, &w| v << 16 | w);
    let v = fynd_u64(v).ok_or(JetError::Exit)?;
    Ok(Some(heap.atom_u64(v)))
}

/// The year `++year` counts from: AD `y` is this plus `y`, BC `y` this
/// minus `y - 1`.
const EPOCH: u64 = 292_277_024_400;

/// `moh:yo`, the days of each month of a common year.
const MONTHS: [u64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// A date, as `when:so` parses it.
struct Date {
    /// AD (`&`) or BC.
    ad: bool,
    year: UBig,
    month: u64,
    day: UBig,
    hour: UBig,
    minute: UBig,
    second: UBig,
    fraction: Vec<u16>,
}

/// `@da`, in vere's shape: `~y.m.d`, `~y-.m.d`, then optionally
/// `..h.m.s`, then optionally `..` and dot-separated hex groups.
fn da(heap: &mut Heap, s: &[u8]) -> Parsed {
    let mut c = Cursor { s, at: 0 };
    c.eat(b'~')?;
    let year = c.number(b'1')?;
    let ad = if c.peek() == Some(b'-') {
        c.at += 1;
        false
    } else {
        true
    };
    c.eat(b'.')?;
    // `mot:ag`: 10 to 12, else one digit from 1.
    let month = match (c.peek(), c.s.get(c.at + 1).copied()) {
        (Some(b'1'), Some(b @ b'0'..=b'2')) => {
            c.at += 2;
            10 + u64::from(b - b'0')
        }
        (Some(b @ b'1'..=b'9'), _) => {
            c.at += 1;
            u64::from(b - b'0')
        }
        _ => return Err(JetError::Punt),
    };
    c.eat(b'.')?;
    let day = c.number(b'1')?;
    let mut date = Date {
        ad,
        year,
        month,
        day,
        hour: UBig::ZERO,
        minute: UBig::ZERO,
        second: UBig::ZERO,
        fraction: Vec::new(),
    };
    if !c.end() {
        c.eat(b'.')?;
        c.eat(b'.')?;
        date.hour = c.number(b'0')?;
        c.eat(b'.')?;
        date.minute = c.number(b'0')?;
        c.eat(b'.')?;
        date.second = c.number(b'0')?;
        if !c.end() {
            c.eat(b'.')?;
            c.eat(b'.')?;
            loop {
                let mut g = 0u16;
                for _ in 0..4 {
                    g = g << 4 | c.hex()?;
                }
                date.fraction.push(g);
                if c.end() {
                    break;
                }
                c.eat(b'.')?;
            }
        }
    }
    let d = year_of(&date)?;
    Ok(Some(big::to_noun(heap, &d)))
}

/// `(yelp yer)`: a leap year.
fn leap(yer: &UBig) -> bool {
    let m = |n: u32| (yer % UBig::from(n)) == UBig::ZERO;
    m(4) && (!m(100) || m(400))
}

/// `++year`: the `@da` of a date, crashing (`%exit`) where it does.
fn year_of(d: &Date) -> Result<UBig, JetError> {
    let epoch = UBig::from(EPOCH);
    let yer = if d.ad {
        &epoch + &d.year
    } else {
        // `(sub epoch (dec y))`.
        let back = &d.year - UBig::ONE;
        if back > epoch {
            return Err(JetError::Exit);
        }
        &epoch - back
    };
    // `yawn`: the days before the year (year 0 is a leap year), before
    // the month, and before the day.
    let ceil = |n: u32| (&yer + UBig::from(n - 1)) / UBig::from(n);
    let mut days = &yer * UBig::from(365u32) + ceil(4) - ceil(100) + ceil(400);
    let feb = if leap(&yer) { 29 } else { 28 };
    let before: u64 = MONTHS
        .iter()
        .take((d.month - 1) as usize)
        .enumerate()
        .map(|(i, &n)| if i == 1 { feb } else { n })
        .sum();
    days += UBig::from(before) + (&d.day - UBig::ONE);
    // `yule`: seconds, then at most four 16-bit fractions (a fifth
    // decrements 0).
    if d.fraction.len() > 4 {
        return Err(JetError::Exit);
    }
    let sec = days * UBig::from(86_400u32)
        + &d.hour * UBig::from(3_600u32)
        + &d.minute * UBig::from(60u32)
        + &d.second;
    let fac = d
        .fraction
        .iter()
        .enumerate()
        .fold(0u64, |f, (i, &g)| f | u64::from(g) << (16 * (3 - i)));
    Ok((sec << 64) + UBig::from(fac))
}

/// `|=  [mod=@tas txt=@ta]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (mode, txt) = sample2(core)?;
    let Some(mode) = mode.as_direct() else {
        return Err(JetError::Punt);
    };
    if ![DA, P, UD, TAS].contains(&mode) {
        return Err(JetError::Punt);
    }
    let t = txt.as_atom().ok_or(JetError::Exit)?;
    let bytes = t.to_le_bytes();
    match slaw(&mut rt.heap, mode, txt, &bytes)? {
        Some(n) => Ok(some(&mut rt.heap, n)),
        None => Ok(Noun::NULL),
    }
}
