//! Writ and plea types: the jam vectors of `spec/nouns.md` §2.5, every writ
//! parse rule of vere's serf (`serf-protocol.md` §3.1), every plea check of
//! the king (§3.2, §4), and random nouns that must never make either
//! decoder panic.

use mars_noun::{fmt, noun_eq, Heap, Noun};
use mars_serf::plea::{is_tang, is_tank, Goof, Plea, PleaError, Shape};
use mars_serf::writ::{tags, Live, TagName, Writ, WritError, WritKind};

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|b| u8::from_str_radix(b, 16).expect("hex byte"))
        .collect()
}

fn heap() -> Heap {
    Heap::with_defaults().expect("heap")
}

/// Noun notation (`fmt::parse`: decimals, `%term`, `[a b c]`).
fn n(heap: &mut Heap, text: &str) -> Noun {
    fmt::parse(heap, text).unwrap_or_else(|| panic!("bad noun notation: {text}"))
}

fn tape(heap: &mut Heap, s: &str) -> Noun {
    let chars: Vec<Noun> = s.bytes().map(|b| Noun::direct(u64::from(b))).collect();
    heap.list(&chars)
}

fn leaf(heap: &mut Heap, s: &str) -> Noun {
    let t = tape(heap, s);
    heap.cell(tags::noun(tags::LEAF), t)
}

fn two_64(heap: &mut Heap) -> Noun {
    heap.atom_u128(1 << 64)
}

fn writ(heap: &mut Heap, text: &str) -> Result<Writ, WritError> {
    let noun = n(heap, text);
    Writ::decode(noun)
}

fn plea(heap: &mut Heap, text: &str) -> Result<Plea, PleaError> {
    let noun = n(heap, text);
    Plea::decode(noun)
}

// ---------------------------------------------------------------- tags

#[test]
fn tag_table_matches_spec() {
    // serf-protocol.md §2
    let spec: &[(&str, u64)] = &[
        ("live", 1702259052),
        ("ripe", 1701865842),
        ("slog", 1735355507),
        ("flog", 1735355494),
        ("peek", 1801807216),
        ("play", 2036427888),
        ("work", 1802661751),
        ("done", 1701736292),
        ("bail", 1818845538),
        ("swap", 1885435763),
        ("save", 1702257011),
        ("cram", 1835102819),
        ("meld", 1684825453),
        ("pack", 1801675120),
        ("exit", 1953069157),
        ("leaf", 1717658988),
    ];
    for &(text, value) in spec {
        assert_eq!(tags::tas(text), value, "%{text}");
        let entry = tags::ALL.iter().find(|(_, t)| *t == text);
        assert_eq!(entry.map(|e| e.0), Some(value), "%{text} in tags::ALL");
    }
    assert_eq!(tags::PALM, 0x6d6c_6170);
    assert_eq!(tags::ROSE, 0x6573_6f72);
    let mut h = heap();
    for &(value, text) in tags::ALL {
        assert!(noun_eq(tags::noun(value), h.atom_str(text)));
    }
}

#[test]
fn tag_names_render_as_terms() {
    assert_eq!(TagName::Atom(tags::tas("foo")).to_string(), "%foo");
    assert_eq!(TagName::Atom(tags::tas("a-b1")).to_string(), "%a-b1");
    assert_eq!(TagName::Atom(0).to_string(), "0");
    assert_eq!(TagName::Atom(0x4142).to_string(), "16706");
    assert_eq!(TagName::Cell.to_string(), "a cell");
    let mut h = heap();
    let big = two_64(&mut h);
    assert_eq!(TagName::of(big), TagName::BigAtom);
    let c = n(&mut h, "[1 2]");
    assert_eq!(TagName::of(c), TagName::Cell);
}

// ---------------------------------------------------------------- writs

/// (noun, jam bytes) of nouns.md §2.5, decoded and re-encoded.
#[test]
fn writ_vectors() {
    let cases: &[(&str, &str, Live)] = &[
        (
            "[%live %save 5]",
            "01 9f 2d cd ae 1c f0 e7 c2 ec ca b8",
            Live::Save(5),
        ),
        (
            "[%live %exit 0]",
            "01 9f 2d cd ae 1c f0 cb f0 d2 e8 02",
            Live::Exit(0),
        ),
        (
            "[%live %meld 0]",
            "01 9f 2d cd ae 1c f0 db ca d8 c8 02",
            Live::Meld,
        ),
        (
            "[%live %pack 0]",
            "01 9f 2d cd ae 1c f0 e1 c2 c6 d6 02",
            Live::Pack,
        ),
    ];
    let mut h = heap();
    for &(text, bytes, live) in cases {
        let noun = mars_serial::cue(&mut h, &hex(bytes)).expect("cue");
        let w = Writ::decode(noun).expect(text);
        assert!(matches!(w, Writ::Live(l) if l == live), "{text}: {w:?}");
        assert_eq!(w.kind(), WritKind::Live);
        let again = w.encode(&mut h);
        assert_eq!(mars_serial::jam(again), hex(bytes), "{text}");
        assert_eq!(mars_serial::jam(n(&mut h, text)), hex(bytes), "{text}");
    }
}

#[test]
fn writ_live_shapes() {
    let mut h = heap();
    assert!(matches!(
        writ(&mut h, "[%live %cram 7]"),
        Ok(Writ::Live(Live::Cram(7)))
    ));
    assert!(matches!(
        writ(&mut h, "[%live %exit 255]"),
        Ok(Writ::Live(Live::Exit(255)))
    ));
    assert!(matches!(
        writ(&mut h, "[%live %exit 3]"),
        Ok(Writ::Live(Live::Exit(3)))
    ));
    let max = n(&mut h, "18446744073709551615");
    for sub in [tags::SAVE, tags::CRAM] {
        let w = h.tuple(&[tags::noun(tags::LIVE), tags::noun(sub), max]);
        match Writ::decode(w) {
            Ok(Writ::Live(Live::Save(v) | Live::Cram(v))) => assert_eq!(v, u64::MAX),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn writ_peek_play_work_shapes() {
    let mut h = heap();
    match writ(&mut h, "[%peek 0 [0 0] 1 %once %x %base 0]") {
        Ok(Writ::Peek { mil: 0, sample }) => {
            assert_eq!(
                fmt::render(sample, 100),
                fmt::render(n(&mut h, "[[0 0] 1 %once %x %base 0]"), 100)
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        writ(&mut h, "[%peek 4294967295 0]"),
        Ok(Writ::Peek {
            mil: 4294967295,
            ..
        })
    ));

    match writ(&mut h, "[%play 1 [[1 [%b 0] %wake 0] 0]]") {
        Ok(w @ Writ::Play { eve: 1, events }) => {
            assert!(events.is_cell());
            assert_eq!(w.kind(), WritKind::Play);
        }
        other => panic!("{other:?}"),
    }
    // Only the first list cell is checked, as in vere.
    assert!(matches!(
        writ(&mut h, "[%play 9 1 2]"),
        Ok(Writ::Play { eve: 9, .. })
    ));

    // newt.md §5's %work example
    let bytes = hex(
        "01 ff ee 4d 6e 9d 01 08 00 00 00 00 00 00 00 00 04 f4 8f 9f 69 \
         00 00 00 2c b8 38 e0 8b 95 a1 b9 0d f8 77 61 6b 65 01",
    );
    let noun = mars_serial::cue(&mut h, &bytes).expect("cue");
    match Writ::decode(noun) {
        Ok(w @ Writ::Work { mil: 0, job }) => {
            let (now, ovum) = job.cell_parts().expect("job");
            assert_eq!(
                now.as_atom().expect("now").words(),
                &[0x8000_0000_0000_0000, 0x8000_000d_33f1_fe80]
            );
            assert_eq!(
                fmt::render(ovum, 100),
                fmt::render(n(&mut h, "[[%b %behn 0] %wake 0]"), 100)
            );
            assert_eq!(w.kind(), WritKind::Work);
            assert_eq!(mars_serial::jam(w.encode(&mut h)), bytes);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn writ_encode_round_trips() {
    let mut h = heap();
    let sample = n(&mut h, "[0 0 %foo]");
    let events = n(&mut h, "[[1 2] 0]");
    let job = n(&mut h, "[5 [%b 0] %wake 0]");
    let writs = [
        Writ::Live(Live::Save(u64::MAX)),
        Writ::Live(Live::Cram(0)),
        Writ::Live(Live::Meld),
        Writ::Live(Live::Pack),
        Writ::Live(Live::Exit(255)),
        Writ::Peek {
            mil: u32::MAX,
            sample,
        },
        Writ::Play {
            eve: u64::MAX,
            events,
        },
        Writ::Work { mil: 7, job },
    ];
    for w in writs {
        let noun = w.encode(&mut h);
        let bytes = mars_serial::jam(noun);
        let back = mars_serial::cue(&mut h, &bytes).expect("cue");
        let d = Writ::decode(back).expect("decode");
        assert_eq!(mars_serial::jam(d.encode(&mut h)), bytes, "{w:?}");
    }
}

#[test]
fn writ_rejections() {
    let mut h = heap();
    let cases: &[(&str, WritError)] = &[
        ("5", WritError::NotCell),
        ("0", WritError::NotCell),
        (
            "[%foo 1 2]",
            WritError::UnknownTag(TagName::Atom(tags::tas("foo"))),
        ),
        ("[0 1 2]", WritError::UnknownTag(TagName::Atom(0))),
        ("[[1 2] 3]", WritError::UnknownTag(TagName::Cell)),
        (
            "[%done %save 1]",
            WritError::UnknownTag(TagName::Atom(tags::DONE)),
        ),
        // %live
        ("[%live 0]", WritError::BodyNotCell("%live")),
        (
            "[%live %bar 0]",
            WritError::UnknownLive(TagName::Atom(tags::tas("bar"))),
        ),
        ("[%live [1 2] 0]", WritError::UnknownLive(TagName::Cell)),
        ("[%live %meld 1]", WritError::NonNullPayload("%live %meld")),
        (
            "[%live %meld 0 0]",
            WritError::NonNullPayload("%live %meld"),
        ),
        ("[%live %pack 2]", WritError::NonNullPayload("%live %pack")),
        (
            "[%live %pack [0 0]]",
            WritError::NonNullPayload("%live %pack"),
        ),
        (
            "[%live %exit 256]",
            WritError::OutOfRange {
                field: "%live %exit code",
                bits: 8,
            },
        ),
        (
            "[%live %exit 0 0]",
            WritError::OutOfRange {
                field: "%live %exit code",
                bits: 8,
            },
        ),
        (
            "[%live %save [1 2]]",
            WritError::OutOfRange {
                field: "%live %save eve",
                bits: 64,
            },
        ),
        (
            "[%live %cram [1 2]]",
            WritError::OutOfRange {
                field: "%live %cram eve",
                bits: 64,
            },
        ),
        // %peek
        ("[%peek 0]", WritError::BodyNotCell("%peek")),
        (
            "[%peek 4294967296 0]",
            WritError::OutOfRange {
                field: "%peek mil",
                bits: 32,
            },
        ),
        (
            "[%peek [0 0] 0]",
            WritError::OutOfRange {
                field: "%peek mil",
                bits: 32,
            },
        ),
        // %play
        ("[%play 1]", WritError::BodyNotCell("%play")),
        ("[%play 1 0]", WritError::EmptyPlay),
        ("[%play 1 7]", WritError::EmptyPlay),
        (
            "[%play [1 1] [1 2] 0]",
            WritError::OutOfRange {
                field: "%play eve",
                bits: 64,
            },
        ),
        // %work
        ("[%work 0]", WritError::BodyNotCell("%work")),
        ("[%work 0 5]", WritError::JobNotCell),
        ("[%work 0 0]", WritError::JobNotCell),
        (
            "[%work 4294967296 1 2]",
            WritError::OutOfRange {
                field: "%work mil",
                bits: 32,
            },
        ),
    ];
    for (text, want) in cases {
        let got = writ(&mut h, text).expect_err(text);
        assert_eq!(&got, want, "{text}");
    }

    // Limits that need atoms above 2^63.
    let big = two_64(&mut h);
    for sub in [tags::SAVE, tags::CRAM] {
        let w = h.tuple(&[tags::noun(tags::LIVE), tags::noun(sub), big]);
        assert!(matches!(
            Writ::decode(w),
            Err(WritError::OutOfRange { bits: 64, .. })
        ));
    }
    let events = n(&mut h, "[1 0]");
    let w = h.tuple(&[tags::noun(tags::PLAY), big, events]);
    assert!(matches!(
        Writ::decode(w),
        Err(WritError::OutOfRange {
            field: "%play eve",
            ..
        })
    ));
    let w = h.tuple(&[big, Noun::ZERO, Noun::ZERO]);
    assert_eq!(
        Writ::decode(w).unwrap_err(),
        WritError::UnknownTag(TagName::BigAtom)
    );
}

#[test]
fn writ_error_messages() {
    let mut h = heap();
    let msg = |h: &mut Heap, t: &str| writ(h, t).expect_err(t).to_string();
    assert_eq!(msg(&mut h, "[%foo 0 0]"), "unknown writ tag %foo");
    assert_eq!(
        msg(&mut h, "[%live %meld 1]"),
        "%live %meld with non-null payload"
    );
    assert_eq!(msg(&mut h, "[%live %bar 1]"), "unknown %live sub-tag %bar");
    assert_eq!(
        msg(&mut h, "[%live %exit 256]"),
        "%live %exit code is not an atom below 2^8"
    );
    assert_eq!(msg(&mut h, "[%play 1 0]"), "%play with an empty event list");
    assert_eq!(msg(&mut h, "[%work 0 0]"), "%work job is not a cell");
    assert_eq!(msg(&mut h, "7"), "writ is an atom, not [tag data]");
}

// ---------------------------------------------------------------- pleas

/// nouns.md §2.5: encode each plea, compare jam bytes; decode them back.
#[test]
fn plea_vectors() {
    let mut h = heap();
    let exit = Goof::new(tags::noun(tags::EXIT), Noun::NULL);
    let hi = leaf(&mut h, "hi");
    let hello = h.atom_str("hello");
    let cases: Vec<(Plea, &str)> = vec![
        (
            Plea::Ripe { eve: 0, mug: 0 },
            "01 5f 2e 0d ae 5c 1c 88 45 cc 14",
        ),
        (Plea::Live, "01 9f 2d cd ae 2c"),
        (
            Plea::PeekDone(Noun::NULL),
            "01 1f ae ac 6c 1d f0 c9 de dc ca 02",
        ),
        (
            Plea::PlayDone { mug: 0x1234 },
            "01 1f 8e 2d 2c 1f f0 c9 de dc ca 60 69 24",
        ),
        (
            Plea::WorkDone {
                eve: 6,
                mug: 0x1234,
                effects: Noun::NULL,
            },
            "01 ff ee 4d 6e 1d f0 c9 de dc ca 61 07 96 46 0a",
        ),
        (
            Plea::WorkBail(vec![exit]),
            "01 ff ee 4d 6e 1d f0 c5 c2 d2 d8 05 fc 32 bc 34 ba 02",
        ),
        (
            Plea::Slog { pri: 0, tank: hi },
            "01 7f 8e ed ed 9c 01 9f ad 2c cc 1c 1c 1d 3c 2d",
        ),
        (Plea::Flog(hello), "01 df 8c ed ed 0c 78 d0 ca d8 d8 de"),
    ];
    for (p, bytes) in cases {
        let noun = p.encode(&mut h);
        assert_eq!(mars_serial::jam(noun), hex(bytes), "{p:?}");
        let back = mars_serial::cue(&mut h, &hex(bytes)).expect("cue");
        let d = Plea::decode(back).unwrap_or_else(|e| panic!("{p:?}: {e}"));
        assert_eq!(mars_serial::jam(d.encode(&mut h)), hex(bytes));
        assert_eq!(d.answers(), p.answers());
    }
}

#[test]
fn ripe_carries_protocol_hoon_and_nock_versions() {
    let mut h = heap();
    let noun = Plea::Ripe {
        eve: 42,
        mug: 0xdead_beef,
    }
    .encode(&mut h);
    assert_eq!(
        fmt::render(noun, 200),
        fmt::render(n(&mut h, "[%ripe [1 139 4] 42 3735928559]"), 200)
    );
    match Plea::decode(noun) {
        Ok(Plea::Ripe {
            eve: 42,
            mug: 0xdead_beef,
        }) => {}
        other => panic!("{other:?}"),
    }
}

fn sample_goof(h: &mut Heap) -> Goof {
    let a = leaf(h, "/sys/arvo/hoon:<[1 2].[3 4]>");
    let t = tape(h, "x");
    let e = tape(h, "");
    let inner = leaf(h, "inner");
    let kids = h.list(&[inner, Noun::direct(tags::tas("cord"))]);
    let rose_p = h.tuple(&[t, e, e]);
    let rose = h.tuple(&[tags::noun(tags::ROSE), rose_p, kids]);
    let palm_p = h.tuple(&[e, t, e, e]);
    let palm = h.tuple(&[tags::noun(tags::PALM), palm_p, Noun::NULL]);
    let tang = h.list(&[a, rose, palm]);
    Goof::new(tags::noun(tags::EXIT), tang)
}

#[test]
fn every_plea_round_trips() {
    let mut h = heap();
    let goof = sample_goof(&mut h);
    let effects = n(&mut h, "[[[%d %term 1 0] %blit 0] [[0 0] %hey 1 2] 0]");
    let job = n(
        &mut h,
        "[170141184492615892916284358229892268032 [%b %behn 0] %wake 0]",
    );
    let dat = n(&mut h, "[0 %noun 42]");
    let cord = h.atom_str("a long line of log text, longer than eight bytes");
    let meme = Goof::new(Noun::direct(tags::tas("meme")), Noun::NULL);
    let pleas = vec![
        Plea::Ripe {
            eve: u64::MAX,
            mug: u32::MAX,
        },
        Plea::Live,
        Plea::Slog {
            pri: u32::MAX,
            tank: Noun::direct(tags::tas("cord")),
        },
        Plea::Slog {
            pri: 3,
            tank: goof.tang.cell_parts().expect("tang").0,
        },
        Plea::Flog(cord),
        Plea::Flog(Noun::ZERO),
        Plea::PeekDone(Noun::NULL),
        Plea::PeekDone(dat),
        Plea::PeekBail(goof),
        Plea::PlayDone { mug: u32::MAX },
        Plea::PlayBail {
            eve: u64::MAX,
            mug: 7,
            goof,
        },
        Plea::WorkDone {
            eve: 1,
            mug: 2,
            effects,
        },
        Plea::WorkSwap {
            eve: 3,
            mug: 4,
            job,
            effects,
        },
        Plea::WorkBail(vec![goof, meme]),
        Plea::WorkBail(Vec::new()),
    ];
    for p in pleas {
        let noun = p.encode(&mut h);
        let bytes = mars_serial::jam(noun);
        let back = mars_serial::cue(&mut h, &bytes).expect("cue");
        let d = Plea::decode(back).unwrap_or_else(|e| panic!("{p:?}: {e}"));
        assert_eq!(mars_serial::jam(d.encode(&mut h)), bytes, "{p:?}");
        assert_eq!(std::mem::discriminant(&d), std::mem::discriminant(&p));
    }
}

#[test]
fn plea_answers() {
    let mut h = heap();
    let g = sample_goof(&mut h);
    assert_eq!(Plea::Ripe { eve: 0, mug: 0 }.answers(), None);
    assert_eq!(Plea::Flog(Noun::ZERO).answers(), None);
    assert_eq!(
        Plea::Slog {
            pri: 0,
            tank: Noun::ZERO
        }
        .answers(),
        None
    );
    assert_eq!(Plea::Live.answers(), Some(WritKind::Live));
    assert_eq!(Plea::PeekBail(g).answers(), Some(WritKind::Peek));
    assert_eq!(Plea::PlayDone { mug: 0 }.answers(), Some(WritKind::Play));
    assert_eq!(Plea::WorkBail(vec![g]).answers(), Some(WritKind::Work));
}

#[test]
fn plea_rejections() {
    let mut h = heap();
    use PleaError as E;
    let ripe = "not [[pro hon nok] eve mug]";
    let cases: &[(&str, PleaError)] = &[
        // not a cell, unknown head
        ("5", E::NotCell),
        ("[%foo 0]", E::UnknownTag(TagName::Atom(tags::tas("foo")))),
        ("[[1 2] 0]", E::UnknownTag(TagName::Cell)),
        ("[%save 0]", E::UnknownTag(TagName::Atom(tags::SAVE))),
        // %ripe
        (
            "[%ripe 0]",
            E::Malformed {
                at: "%ripe",
                why: ripe,
            },
        ),
        (
            "[%ripe [1 139 4] 0]",
            E::Malformed {
                at: "%ripe",
                why: ripe,
            },
        ),
        (
            "[%ripe 1 0 0]",
            E::Malformed {
                at: "%ripe",
                why: ripe,
            },
        ),
        (
            "[%ripe [1 139] 0 0]",
            E::Malformed {
                at: "%ripe",
                why: ripe,
            },
        ),
        (
            "[%ripe [256 139 4] 0 0]",
            E::OutOfRange {
                field: "%ripe pro",
                bits: 8,
            },
        ),
        (
            "[%ripe [1 256 4] 0 0]",
            E::OutOfRange {
                field: "%ripe hon",
                bits: 8,
            },
        ),
        (
            "[%ripe [1 139 256] 0 0]",
            E::OutOfRange {
                field: "%ripe nok",
                bits: 8,
            },
        ),
        (
            "[%ripe [1 139 4 0] 0 0]",
            E::OutOfRange {
                field: "%ripe nok",
                bits: 8,
            },
        ),
        (
            "[%ripe [1 139 4] [0 0] 0]",
            E::OutOfRange {
                field: "%ripe eve",
                bits: 64,
            },
        ),
        (
            "[%ripe [1 139 4] 0 4294967296]",
            E::OutOfRange {
                field: "%ripe mug",
                bits: 32,
            },
        ),
        (
            "[%ripe [1 139 4] 0 0 0]",
            E::OutOfRange {
                field: "%ripe mug",
                bits: 32,
            },
        ),
        ("[%ripe [2 139 4] 0 0]", E::UnsupportedProtocol(2)),
        ("[%ripe [0 139 4] 0 0]", E::UnsupportedProtocol(0)),
        // %live
        ("[%live 1]", E::LiveNotNull),
        ("[%live 0 0]", E::LiveNotNull),
        // %slog
        (
            "[%slog 0]",
            E::Malformed {
                at: "%slog",
                why: "not [pri tank]",
            },
        ),
        (
            "[%slog 4294967296 %leaf 0]",
            E::OutOfRange {
                field: "%slog pri",
                bits: 32,
            },
        ),
        (
            "[%slog [0 0] %leaf 0]",
            E::OutOfRange {
                field: "%slog pri",
                bits: 32,
            },
        ),
        (
            "[%slog 0 %foo 0]",
            E::Malformed {
                at: "%slog tank",
                why: "tank is not a cord, %leaf, %palm or %rose",
            },
        ),
        (
            "[%slog 0 %leaf 104 105]",
            E::Malformed {
                at: "%slog tank",
                why: "%leaf tape is not a list of atoms",
            },
        ),
        // %flog
        ("[%flog 1 2]", E::FlogNotAtom),
        // %peek
        ("[%peek 0]", E::BodyNotCell("%peek")),
        (
            "[%peek %foo 0]",
            E::UnknownSub {
                tag: "%peek",
                sub: TagName::Atom(tags::tas("foo")),
            },
        ),
        (
            "[%peek [1 2] 0]",
            E::UnknownSub {
                tag: "%peek",
                sub: TagName::Cell,
            },
        ),
        (
            "[%peek %done 5]",
            E::Malformed {
                at: "%peek %done",
                why: "result is not a unit (~ or [~ x])",
            },
        ),
        (
            "[%peek %done 1 2]",
            E::Malformed {
                at: "%peek %done",
                why: "result is not a unit (~ or [~ x])",
            },
        ),
        (
            "[%peek %bail 0]",
            E::Malformed {
                at: "%peek %bail",
                why: "goof is not [mote tang]",
            },
        ),
        (
            "[%peek %bail [1 2] 0]",
            E::Malformed {
                at: "%peek %bail",
                why: "goof mote is a cell",
            },
        ),
        (
            "[%peek %bail %exit 5]",
            E::Malformed {
                at: "%peek %bail",
                why: "tang is not a null-terminated list",
            },
        ),
        (
            "[%peek %bail %exit [%leaf 0] 5]",
            E::Malformed {
                at: "%peek %bail",
                why: "tang is not a null-terminated list",
            },
        ),
        // %play
        ("[%play 0]", E::BodyNotCell("%play")),
        (
            "[%play %swap 0]",
            E::UnknownSub {
                tag: "%play",
                sub: TagName::Atom(tags::SWAP),
            },
        ),
        (
            "[%play %done 4294967296]",
            E::OutOfRange {
                field: "%play %done mug",
                bits: 32,
            },
        ),
        (
            "[%play %done 1 2]",
            E::OutOfRange {
                field: "%play %done mug",
                bits: 32,
            },
        ),
        (
            "[%play %bail 1 2]",
            E::Malformed {
                at: "%play %bail",
                why: "not [eve mug goof]",
            },
        ),
        (
            "[%play %bail 1 2 0]",
            E::Malformed {
                at: "%play %bail",
                why: "goof is not [mote tang]",
            },
        ),
        (
            "[%play %bail [1 1] 2 %exit 0]",
            E::OutOfRange {
                field: "%play %bail eve",
                bits: 64,
            },
        ),
        (
            "[%play %bail 1 4294967296 %exit 0]",
            E::OutOfRange {
                field: "%play %bail mug",
                bits: 32,
            },
        ),
        // %work
        ("[%work 0]", E::BodyNotCell("%work")),
        (
            "[%work %foo 0]",
            E::UnknownSub {
                tag: "%work",
                sub: TagName::Atom(tags::tas("foo")),
            },
        ),
        (
            "[%work %done 1 2]",
            E::Malformed {
                at: "%work %done",
                why: "not [eve mug fec]",
            },
        ),
        (
            "[%work %done [1 1] 2 0]",
            E::OutOfRange {
                field: "%work %done eve",
                bits: 64,
            },
        ),
        (
            "[%work %done 1 4294967296 0]",
            E::OutOfRange {
                field: "%work %done mug",
                bits: 32,
            },
        ),
        (
            "[%work %done 1 2 5]",
            E::Malformed {
                at: "%work %done effects",
                why: "effect list is not null-terminated",
            },
        ),
        (
            "[%work %done 1 2 [5 0]]",
            E::Malformed {
                at: "%work %done effects",
                why: "ovum is not [wire card]",
            },
        ),
        (
            "[%work %done 1 2 [[[%d 5] %blit 0] 0]]",
            E::Malformed {
                at: "%work %done effects",
                why: "wire is not a list of atoms",
            },
        ),
        (
            "[%work %done 1 2 [[[%d [1 2] 0] %blit 0] 0]]",
            E::Malformed {
                at: "%work %done effects",
                why: "wire is not a list of atoms",
            },
        ),
        (
            "[%work %done 1 2 [[[%d 0] 5] 0]]",
            E::Malformed {
                at: "%work %done effects",
                why: "card is not [tag data]",
            },
        ),
        (
            "[%work %done 1 2 [[[%d 0] [1 2] 0] 0]]",
            E::Malformed {
                at: "%work %done effects",
                why: "card tag is a cell",
            },
        ),
        (
            "[%work %swap 1 2 3]",
            E::Malformed {
                at: "%work %swap",
                why: "not [eve mug job fec]",
            },
        ),
        (
            "[%work %swap 1 2 5 0]",
            E::Malformed {
                at: "%work %swap job",
                why: "job is not a cell",
            },
        ),
        (
            "[%work %swap 1 2 [[1 2] [%b 0] %wake 0] 0]",
            E::Malformed {
                at: "%work %swap job",
                why: "job time is a cell",
            },
        ),
        (
            "[%work %swap 1 2 [1 5] 0]",
            E::Malformed {
                at: "%work %swap job",
                why: "ovum is not [wire card]",
            },
        ),
        (
            "[%work %swap 1 2 [1 [%b 0] %wake 0] 7]",
            E::Malformed {
                at: "%work %swap effects",
                why: "effect list is not null-terminated",
            },
        ),
        (
            "[%work %swap [1 1] 2 [1 [%b 0] %wake 0] 0]",
            E::OutOfRange {
                field: "%work %swap eve",
                bits: 64,
            },
        ),
        (
            "[%work %bail 5]",
            E::Malformed {
                at: "%work %bail",
                why: "goof list is not null-terminated",
            },
        ),
        (
            "[%work %bail [%exit 0] 5]",
            E::Malformed {
                at: "%work %bail",
                why: "goof list is not null-terminated",
            },
        ),
        (
            "[%work %bail [5 0]]",
            E::Malformed {
                at: "%work %bail",
                why: "goof is not [mote tang]",
            },
        ),
        (
            "[%work %bail [[%exit [%rose 0] 0] 0]]",
            E::Malformed {
                at: "%work %bail",
                why: "%rose tank is not [%rose p q]",
            },
        ),
    ];
    for (text, want) in cases {
        let got = plea(&mut h, text).expect_err(text);
        assert_eq!(&got, want, "{text}");
    }

    // Limits that need atoms above 2^63.
    let big = two_64(&mut h);
    let ver = n(&mut h, "[1 139 4]");
    let p = h.tuple(&[tags::noun(tags::RIPE), ver, big, Noun::ZERO]);
    assert_eq!(
        Plea::decode(p).unwrap_err(),
        E::OutOfRange {
            field: "%ripe eve",
            bits: 64
        }
    );
    let p = h.tuple(&[
        tags::noun(tags::WORK),
        tags::noun(tags::DONE),
        big,
        Noun::ZERO,
        Noun::ZERO,
    ]);
    assert_eq!(
        Plea::decode(p).unwrap_err(),
        E::OutOfRange {
            field: "%work %done eve",
            bits: 64
        }
    );
    let p = h.cell(big, Noun::ZERO);
    assert_eq!(
        Plea::decode(p).unwrap_err(),
        E::UnknownTag(TagName::BigAtom)
    );
    // The biggest legal values pass.
    let max = n(&mut h, "18446744073709551615");
    let p = h.tuple(&[
        tags::noun(tags::RIPE),
        ver,
        max,
        Noun::direct(u64::from(u32::MAX)),
    ]);
    assert!(matches!(
        Plea::decode(p),
        Ok(Plea::Ripe {
            eve: u64::MAX,
            mug: u32::MAX
        })
    ));
    assert!(matches!(
        plea(&mut h, "[%ripe [1 255 255] 0 0]"),
        Ok(Plea::Ripe { .. })
    ));
    assert!(matches!(
        plea(&mut h, "[%slog 4294967295 %leaf 0]"),
        Ok(Plea::Slog { pri: u32::MAX, .. })
    ));
}

#[test]
fn plea_error_messages() {
    let mut h = heap();
    let msg = |h: &mut Heap, t: &str| plea(h, t).expect_err(t).to_string();
    assert_eq!(msg(&mut h, "[%foo 0]"), "unknown plea tag %foo");
    assert_eq!(msg(&mut h, "[%live 1]"), "%live with non-null payload");
    assert_eq!(msg(&mut h, "[%flog 1 2]"), "%flog with a cell");
    assert_eq!(
        msg(&mut h, "[%ripe [3 139 4] 0 0]"),
        "unsupported ipc protocol version 3"
    );
    assert_eq!(msg(&mut h, "[%peek %foo 0]"), "unknown %peek sub-tag %foo");
    assert_eq!(
        msg(&mut h, "[%slog 4294967296 0]"),
        "%slog pri is not an atom below 2^32"
    );
    assert_eq!(
        msg(&mut h, "[%play %bail 1 2 0]"),
        "%play %bail: goof is not [mote tang]"
    );
}

// ---------------------------------------------------------------- tanks

#[test]
fn tank_shapes() {
    let mut h = heap();
    let good = [
        "0",
        "%cord",
        "[%leaf 0]",
        "[%leaf 104 105 0]",
        "[%leaf 1000000 0]",
        "[%rose [0 0 0] 0]",
        // [0 0] is a tape too: ~[0]
        "[%rose [0 0 0 0] 0]",
        "[%rose [[44 0] [91 0] 93 0] [%leaf 97 0] %cord [%palm [0 0 0 0] 0] 0]",
        "[%palm [0 0 0 0] [%rose [0 0 0] 0] 0]",
    ];
    for t in good {
        let tank = n(&mut h, t);
        assert!(is_tank(tank), "{t}");
    }
    let bad = [
        ("[0 0]", "tank is not a cord, %leaf, %palm or %rose"),
        ("[[1 2] 0]", "tank is not a cord, %leaf, %palm or %rose"),
        ("[%leaf 1]", "%leaf tape is not a list of atoms"),
        ("[%leaf [1 2] 0]", "%leaf tape is not a list of atoms"),
        ("[%rose 0]", "%rose tank is not [%rose p q]"),
        ("[%rose [0 0] 0]", "%rose p is not three tapes"),
        ("[%rose [0 0 [1 2] 0] 0]", "%rose p is not three tapes"),
        ("[%rose [0 0 1] 0]", "%rose p is not three tapes"),
        ("[%rose [0 0 0] 1]", "%rose q is not a list of tanks"),
        (
            "[%rose [0 0 0] [%foo 0] 0]",
            "tank is not a cord, %leaf, %palm or %rose",
        ),
        ("[%palm [0 0 0] 0]", "%palm p is not four tapes"),
        ("[%palm [0 0 0 [1 2] 0] 0]", "%palm p is not four tapes"),
        (
            "[%palm [0 0 0 0] [%leaf 0] 3]",
            "%palm q is not a list of tanks",
        ),
        ("[%palm 0]", "%palm tank is not [%palm p q]"),
    ];
    for (t, why) in bad {
        let tank = n(&mut h, t);
        assert_eq!(Shape::default().tank(tank), Err(why), "{t}");
        assert!(!is_tank(tank));
        let tang = h.list(&[tank]);
        assert!(!is_tang(tang));
    }
    assert!(is_tang(Noun::NULL));
    assert!(!is_tang(Noun::ONE));
}

#[test]
fn deep_tanks_are_checked_without_recursion() {
    let mut h = heap();
    let e = Noun::NULL;
    let p = h.tuple(&[e, e, e]);
    let mut tank = leaf(&mut h, "bottom");
    for _ in 0..200_000 {
        let q = h.list(&[tank]);
        tank = h.tuple(&[tags::noun(tags::ROSE), p, q]);
    }
    // On a small stack: a recursive checker would overflow.
    std::thread::Builder::new()
        .stack_size(64 << 10)
        .spawn(move || assert!(is_tank(tank)))
        .expect("thread")
        .join()
        .expect("no overflow");

    let mut h2 = heap();
    let mut tape_n = Noun::NULL;
    for _ in 0..500_000 {
        tape_n = h2.cell(Noun::direct(97), tape_n);
    }
    let t = h2.cell(tags::noun(tags::LEAF), tape_n);
    assert!(is_tank(t));
}

#[test]
fn shared_tanks_are_checked_once() {
    // A rose whose list holds the previous level twice: 2^80 tanks as a
    // tree, 80 levels as a graph.
    let mut h = heap();
    let e = Noun::NULL;
    let p = h.tuple(&[e, e, e]);
    let mut tank = leaf(&mut h, "x");
    for _ in 0..80 {
        let q = h.list(&[tank, tank]);
        tank = h.tuple(&[tags::noun(tags::ROSE), p, q]);
    }
    let start = std::time::Instant::now();
    assert!(is_tank(tank));
    let goofs: Vec<Goof> = (0..1000)
        .map(|_| Goof::new(Noun::ZERO, h.list(&[tank])))
        .collect();
    let p = Plea::WorkBail(goofs).encode(&mut h);
    assert!(Plea::decode(p).is_ok());
    assert!(start.elapsed().as_secs() < 10);

    // The same wire in many effects.
    let mut wire = Noun::NULL;
    for i in 0..10_000 {
        wire = h.cell(Noun::direct(i), wire);
    }
    let card = n(&mut h, "[%blit 0]");
    let ovum = h.cell(wire, card);
    let items = vec![ovum; 10_000];
    let fec = h.list(&items);
    let start = std::time::Instant::now();
    assert!(Shape::default().effects(fec).is_ok());
    assert!(start.elapsed().as_secs() < 10);
}

// ---------------------------------------------------------------- random nouns

/// xorshift64*: deterministic randomness without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const TAG_POOL: &[&str] = &[
    "live", "ripe", "slog", "flog", "peek", "play", "work", "done", "bail", "swap", "save", "cram",
    "meld", "pack", "exit", "leaf", "palm", "rose", "foo",
];

fn random_atom(rng: &mut Rng, h: &mut Heap) -> Noun {
    match rng.below(10) {
        0..=2 => Noun::direct(rng.below(4)),
        3..=5 => Noun::direct(tags::tas(
            TAG_POOL[rng.below(TAG_POOL.len() as u64) as usize],
        )),
        6 => Noun::direct(rng.below(300)),
        7 => h.atom_u64([u64::from(u32::MAX), 1 << 32, u64::MAX, 1 << 63][rng.below(4) as usize]),
        8 => h.atom_u128((1 << 64) + u128::from(rng.next())),
        _ => h.atom_u64(rng.next() >> rng.below(64)),
    }
}

/// A random noun of at most about `budget` cells, biased towards the
/// protocol's tags and its boundary values, sometimes sharing subtrees.
fn random_noun(rng: &mut Rng, h: &mut Heap, budget: u32, pool: &mut Vec<Noun>) -> Noun {
    if budget == 0 || rng.below(4) == 0 {
        return random_atom(rng, h);
    }
    if !pool.is_empty() && rng.below(8) == 0 {
        return pool[rng.below(pool.len() as u64) as usize];
    }
    let left = rng.below(u64::from(budget)) as u32;
    let head = random_noun(rng, h, left, pool);
    let tail = random_noun(rng, h, budget - 1 - left, pool);
    let c = h.cell(head, tail);
    pool.push(c);
    c
}

/// Replace one random subtree of `noun` by `with`.
fn mutate(rng: &mut Rng, h: &mut Heap, noun: Noun, with: Noun) -> Noun {
    let mut path = Vec::new();
    let mut cur = noun;
    while let Some((hd, tl)) = cur.cell_parts() {
        if rng.below(3) == 0 {
            break;
        }
        let go_head = rng.below(2) == 0;
        path.push((go_head, hd, tl));
        cur = if go_head { hd } else { tl };
    }
    let mut out = with;
    for (go_head, hd, tl) in path.into_iter().rev() {
        out = if go_head {
            h.cell(out, tl)
        } else {
            h.cell(hd, out)
        };
    }
    out
}

#[test]
fn random_nouns_never_panic() {
    let mut h = heap();
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut pool = Vec::new();
    for i in 0..20_000 {
        if i % 1000 == 0 {
            pool.clear();
        }
        let noun = random_noun(&mut rng, &mut h, 24, &mut pool);
        let _ = Writ::decode(noun);
        let _ = Plea::decode(noun);
        let _ = is_tank(noun);
        let _ = Shape::default().effects(noun);
        if let Ok(w) = Writ::decode(noun) {
            let again = w.encode(&mut h);
            assert_eq!(mars_serial::jam(again), mars_serial::jam(noun));
        }
    }
}

#[test]
fn mutated_protocol_messages_never_panic() {
    let mut h = heap();
    let goof = sample_goof(&mut h);
    let effects = n(&mut h, "[[[%d %term 1 0] %blit 0] [[0 0] %hey 1 2] 0]");
    let job = n(&mut h, "[5 [%b %behn 0] %wake 0]");
    let seeds: Vec<Noun> = {
        let pleas = [
            Plea::Ripe { eve: 1, mug: 2 },
            Plea::Live,
            Plea::Slog {
                pri: 1,
                tank: goof.tang.cell_parts().expect("tang").0,
            },
            Plea::Flog(Noun::direct(7)),
            Plea::PeekDone(Noun::NULL),
            Plea::PeekBail(goof),
            Plea::PlayDone { mug: 3 },
            Plea::PlayBail {
                eve: 4,
                mug: 5,
                goof,
            },
            Plea::WorkDone {
                eve: 6,
                mug: 7,
                effects,
            },
            Plea::WorkSwap {
                eve: 8,
                mug: 9,
                job,
                effects,
            },
            Plea::WorkBail(vec![goof, goof]),
        ];
        let mut v: Vec<Noun> = pleas.iter().map(|p| p.encode(&mut h)).collect();
        for text in [
            "[%live %save 5]",
            "[%live %exit 0]",
            "[%live %meld 0]",
            "[%peek 0 [0 0] 0]",
            "[%play 1 [1 2] 0]",
            "[%work 0 5 [%b 0] %wake 0]",
        ] {
            v.push(n(&mut h, text));
        }
        v
    };
    for &s in &seeds {
        assert!(Plea::decode(s).is_ok() || Writ::decode(s).is_ok());
    }
    let mut rng = Rng(0xfeed_face_cafe_beef);
    let mut pool = Vec::new();
    let mut accepted = 0;
    for i in 0..50_000 {
        if i % 1000 == 0 {
            pool.clear();
        }
        let seed = seeds[rng.below(seeds.len() as u64) as usize];
        let with = random_noun(&mut rng, &mut h, 3, &mut pool);
        let m = mutate(&mut rng, &mut h, seed, with);
        if let Ok(p) = Plea::decode(m) {
            accepted += 1;
            // Whatever is accepted re-encodes to the same noun (but %ripe
            // always re-encodes with our own [1 139 4]).
            if !matches!(p, Plea::Ripe { .. }) {
                let again = p.encode(&mut h);
                assert_eq!(mars_serial::jam(again), mars_serial::jam(m));
            }
        }
        if let Ok(w) = Writ::decode(m) {
            let again = w.encode(&mut h);
            assert_eq!(mars_serial::jam(again), mars_serial::jam(m));
        }
    }
    assert!(accepted > 0);
}

#[test]
fn error_types_stay_small() {
    assert!(std::mem::size_of::<WritError>() <= 24);
    assert!(std::mem::size_of::<PleaError>() <= 40);
    assert!(std::mem::size_of::<TagName>() <= 16);
}
