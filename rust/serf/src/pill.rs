//! Pills, and the boot sequence the v3.0 king writes for a fresh pier
//! (boot.md §1 and §4; vere's `pier.c:_pier_pill_parse`,
//! `_pier_boot_make`, `_pier_boot_plan`, `_pier_wyrd_card`).
//!
//! A pill is `jam([%pill nam bot mod use])`. The sequence is `bot`
//! verbatim (the lifecycle: `life` = its length), then `[now ovum]`
//! events, one 2^-16 s apart from a single wall-clock reading: the
//! `%wyrd` (runtime version and kelvins), `%whom` (identity), `%wack`
//! (512 bits of entropy), `%verb`, each ovum of `mod`, the dill `%boot`
//! (`[%boot lite vent]`, `vent = [%fake ship]` for a fake ship), and each
//! ovum of `use`. Only fake ships are built here: a real ship's `vent` is
//! its keys and Azimuth state (`dawn.c`), which is the king's business.

use mars_noun::{Heap, Noun};

/// `[0 %arvo ~]`: the wire of the kernel's own cards.
const TAS_ARVO: u64 = 0x6f76_7261;

/// What a pill holds.
#[derive(Debug, Clone)]
pub struct Pill {
    /// Its name (`brass`, `solid`, `baby`, …).
    pub name: String,
    /// The lifecycle events (`bot`).
    pub bot: Vec<Noun>,
    /// Kernel ova (`mod`), e.g. `%what` installing the system files.
    pub modules: Vec<Noun>,
    /// Userspace ova (`use`), e.g. `%park` of each desk.
    pub userspace: Vec<Noun>,
}

/// Why a file is not a bootable pill (vere's messages).
#[derive(Debug, thiserror::Error)]
pub enum PillError {
    #[error("unable to parse pill: {0}")]
    Cue(String),
    #[error("unable to boot from ivory pill")]
    Ivory,
    #[error("unrecognized pill")]
    Unrecognized,
    #[error("unable to extract pill: {0}")]
    Shape(&'static str),
}

/// The items of a null-terminated list.
fn items(mut l: Noun, what: &'static str) -> Result<Vec<Noun>, PillError> {
    let mut out = Vec::new();
    while let Some((h, t)) = l.cell_parts() {
        out.push(h);
        l = t;
    }
    if l.as_u64() != Some(0) {
        return Err(PillError::Shape(what));
    }
    Ok(out)
}

/// Cue and take apart a pill file's bytes.
pub fn parse(heap: &mut Heap, bytes: &[u8]) -> Result<Pill, PillError> {
    let noun = mars_serial::cue(heap, bytes).map_err(|e| PillError::Cue(e.to_string()))?;
    let (tag, dat) = noun.cell_parts().ok_or(PillError::Unrecognized)?;
    match tag.as_atom().map(|a| a.to_le_bytes()) {
        Some(t) if t == b"ivory" => return Err(PillError::Ivory),
        Some(t) if t == b"pill" => {}
        _ => return Err(PillError::Unrecognized),
    }
    let (nam, rest) = dat.cell_parts().ok_or(PillError::Shape("no name"))?;
    let (bot, rest) = rest.cell_parts().ok_or(PillError::Shape("no boot list"))?;
    let (modules, userspace) = rest.cell_parts().ok_or(PillError::Shape("no ova"))?;
    let name = nam
        .as_atom()
        .map(|a| String::from_utf8_lossy(&a.to_le_bytes()).into_owned())
        .unwrap_or_default();
    Ok(Pill {
        name,
        bot: items(bot, "the boot list is not a list")?,
        modules: items(modules, "the kernel ova are not a list")?,
        userspace: items(userspace, "the userspace ova are not a list")?,
    })
}

/// How to boot: what the king's command line and clock would give.
#[derive(Debug, Clone)]
pub struct BootPlan {
    /// The ship (`~zod` = 0); always booted fake here.
    pub ship: u128,
    /// Wall-clock time of the sequence, as an `@da`.
    pub now: u128,
    /// 512 bits of entropy for `%wack`.
    pub entropy: [u8; 64],
    /// `-v`: the kernel's verbose flag.
    pub verbose: bool,
    /// `-l`: lite boot.
    pub lite: bool,
    /// The runtime's name, pace and version in `%wyrd` (`vere`, `live`,
    /// `3.0` for the v3.0 release king).
    pub runtime: (String, String, String),
}

impl BootPlan {
    /// A fake `ship`, booted now with fresh entropy, as the v3.0 release
    /// king would.
    pub fn fake(ship: u128) -> Result<BootPlan, getrandom::Error> {
        let mut entropy = [0u8; 64];
        getrandom::getrandom(&mut entropy)?;
        Ok(BootPlan {
            ship,
            now: da_now(),
            entropy,
            verbose: false,
            lite: false,
            runtime: ("vere".into(), "live".into(), "3.0".into()),
        })
    }
}

/// Seconds from the Urbit epoch to the Unix epoch, the high word of an
/// `@da`.
const DA_UNIX_EPOCH: u64 = 0x8000_000c_ce9e_0d80;

/// The wall clock as an `@da` (vere's `u3_time_in_tv`: whole seconds in the
/// high 64 bits, microseconds as 2^-16 s units in the low 64).
pub fn da_now() -> u128 {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = u128::from(DA_UNIX_EPOCH + d.as_secs());
    let frac = (u128::from(d.subsec_micros()) * 65536 / 1_000_000) << 48;
    (secs << 64) | frac
}

/// `(scot %uv n)`: `0v` and base-32 digits (`0-9a-v`) in groups of five
/// from the right, joined by dots.
pub fn scot_uv(mut n: u64) -> String {
    const DIGITS: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[(n & 31) as usize]);
        n >>= 5;
        if n == 0 {
            break;
        }
    }
    let mut out = Vec::new();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && i % 5 == 0 {
            out.push(b'.');
        }
        out.push(*d);
    }
    out.extend_from_slice(b"v0");
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// `(scot %ta t)`: `~.` and the text as a knot (Hoon's `+wood`): lowercase
/// letters, digits, `-` and `.` stand; `~` is `~~`, `_` is `~-`, anything
/// else `~<hex>.`.
pub fn scot_ta(t: &str) -> String {
    let mut out = String::from("~.");
    for c in t.chars() {
        match c {
            'a'..='z' | '0'..='9' | '-' | '.' => out.push(c),
            '~' => out.push_str("~~"),
            '_' => out.push_str("~-"),
            _ => out.push_str(&format!("~{:x}.", c as u32)),
        }
    }
    out
}

fn cord(heap: &mut Heap, s: &str) -> Noun {
    heap.atom_from_le_bytes(s.as_bytes())
}

fn tas(heap: &mut Heap, s: &str) -> Noun {
    cord(heap, s)
}

/// `[%wyrd [non rev] kel]`: the runtime's version and the kelvins it
/// supports, as `pier.c:_pier_wyrd_card` makes it (`non` is the `@uv` of
/// the mug of the time it was made).
pub fn wyrd_card(heap: &mut Heap, now: u128, runtime: &(String, String, String)) -> Noun {
    let t = heap.atom_from_le_bytes(&now.to_le_bytes());
    let non = scot_uv(u64::from(mars_noun::mug(t)));
    let non = cord(heap, &non);
    let name = cord(heap, &runtime.0);
    let pace = cord(heap, &runtime.1);
    let version = scot_ta(&runtime.2);
    let version = cord(heap, &version);
    let rev = heap.list(&[name, pace, version]);
    let mut kel = Vec::new();
    for (k, v) in [
        ("zuse", 411),
        ("lull", 322),
        ("arvo", 236),
        ("hoon", 138),
        ("nock", 4),
    ] {
        let k = tas(heap, k);
        kel.push(heap.cell(k, Noun::direct(v)));
    }
    let kel = heap.list(&kel);
    let wyrd = tas(heap, "wyrd");
    let head = heap.cell(non, rev);
    heap.tuple(&[wyrd, head, kel])
}

/// Every event of a fresh pier's log, in order: the lifecycle, then
/// `[now ovum]`s. Its `life` is `pill.bot.len()`.
pub fn boot_events(heap: &mut Heap, pill: &Pill, plan: &BootPlan) -> Vec<Noun> {
    let arvo_wire = heap.list(&[Noun::ZERO, Noun::direct(TAS_ARVO)]);
    let mut ova = Vec::new();
    let wyrd = wyrd_card(heap, plan.now, &plan.runtime);
    ova.push(heap.cell(arvo_wire, wyrd));
    let ship = heap.atom_from_le_bytes(&plan.ship.to_le_bytes());
    let whom = tas(heap, "whom");
    let whom = heap.cell(whom, ship);
    ova.push(heap.cell(arvo_wire, whom));
    let eny = heap.atom_from_le_bytes(&plan.entropy);
    let wack = tas(heap, "wack");
    let wack = heap.cell(wack, eny);
    ova.push(heap.cell(arvo_wire, wack));
    let verb = tas(heap, "verb");
    // `[%verb ~ lac]`: `lac` is `|` (1) with `-v`, else `&` (0).
    let verb = heap.tuple(&[verb, Noun::ZERO, Noun::direct(u64::from(plan.verbose))]);
    ova.push(heap.cell(arvo_wire, verb));
    ova.extend_from_slice(&pill.modules);

    let d = tas(heap, "d");
    let term = tas(heap, "term");
    let one = tas(heap, "1");
    let term_wire = heap.list(&[d, term, one]);
    let fake = tas(heap, "fake");
    let vent = heap.cell(fake, ship);
    let boot = tas(heap, "boot");
    // `lite` is a loobean: `&` (0) with `-l`.
    let lite = Noun::direct(u64::from(!plan.lite));
    let card = heap.tuple(&[boot, lite, vent]);
    ova.push(heap.cell(term_wire, card));
    ova.extend_from_slice(&pill.userspace);

    let mut events = pill.bot.clone();
    let mut now = plan.now;
    for ovum in ova {
        let t = heap.atom_from_le_bytes(&now.to_le_bytes());
        events.push(heap.cell(t, ovum));
        now += 1 << 48;
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use mars_noun::HeapConfig;

    #[test]
    fn uv_and_ta_print_as_hoon_does() {
        assert_eq!(scot_uv(0), "0v0");
        assert_eq!(scot_uv(31), "0vv");
        assert_eq!(scot_uv(32), "0v10");
        // The `non`s of the two %wyrd cards of the vere-made brass pier.
        assert_eq!(scot_uv(0x4f8a_36d3), "0v17.okdmj");
        assert_eq!(scot_uv(0x2f43_341d), "0vn.k6d0t");
        assert_eq!(scot_ta("3.0"), "~.3.0");
        assert_eq!(scot_ta("a_b~C"), "~.a~-b~~~43.");
    }

    #[test]
    fn parse_refuses_what_vere_refuses() {
        let mut heap = Heap::new(HeapConfig::default()).expect("heap");
        let ivory = heap.atom_str("ivory");
        let n = heap.cell(ivory, Noun::ZERO);
        let bytes = mars_serial::jam(n);
        assert!(matches!(parse(&mut heap, &bytes), Err(PillError::Ivory)));
        let other = heap.atom_str("cash");
        let n = heap.cell(other, Noun::ZERO);
        let bytes = mars_serial::jam(n);
        assert!(matches!(
            parse(&mut heap, &bytes),
            Err(PillError::Unrecognized)
        ));
        let pill = heap.atom_str("pill");
        let n = heap.cell(pill, Noun::ZERO);
        let bytes = mars_serial::jam(n);
        assert!(matches!(parse(&mut heap, &bytes), Err(PillError::Shape(_))));
        assert!(matches!(
            parse(&mut heap, &[0xff, 0xff]),
            Err(PillError::Cue(_))
        ));
    }
}
