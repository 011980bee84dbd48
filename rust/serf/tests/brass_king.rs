//! The real kernel under the king: `mars serf`, driven by the test king
//! (`harness/`) as vere v3.0's king drives its serf, boots the brass pill
//! from the boot sequence vere's king wrote (events 1-13 of the vere-made
//! pier, as the one first `%play`), then works every later stored event as
//! `%work`, each reply's mug equal to the one vere stored. Along the way:
//! the dojo's `%blit`s print what vere's dojo printed, `%peek` answers
//! `%cx /sys/kelvin` in `%base`, `|pack` leads to `%live %pack` and the
//! state keeps its mug, and a restart from the saved snapshot carries on
//! with the second session's events.
//!
//! A second test replays the same pier through `mars serf` with no
//! snapshot (the serf replays the log itself before `%ripe`).
//!
//! Both take minutes (the boot compiles the whole kernel): skipped, with a
//! message, when `shared/` is absent.

mod harness;
mod support;

use std::time::Instant;

use harness::dojo::{card_tags, cue, date, once, printed, stored_events, tag, typed, work_event};
use harness::King;
use mars_noun::Noun;
use mars_serf::plea::Plea;

#[test]
fn brass_boots_under_the_king_with_every_mug_equal() {
    let Some((dir, vere_pier)) = support::shared_pier("brass-zod") else {
        return;
    };
    let events = stored_events(&vere_pier);
    assert_eq!(events.len(), 58);
    let pier = dir.path().join("zod");
    std::fs::create_dir_all(&pier).expect("mkdir pier");

    // Session 1: the boot sequence as one %play, as the v3.0 king sends it.
    let mut king = King::spawn(&pier);
    assert_eq!((king.eve, king.mug), (0, 0), "a fresh pier has nothing");
    let boot: Vec<Noun> = events[..13]
        .iter()
        .map(|e| cue(&mut king.heap, e))
        .collect();
    let start = Instant::now();
    match king.play(1, &boot) {
        Plea::PlayDone { .. } => {}
        other => panic!("boot %play: {other:?}"),
    }
    eprintln!(
        "boot %play of events 1-13: {:.1}s",
        start.elapsed().as_secs_f64()
    );
    assert_eq!(king.eve, 13);
    let boot_slogs: String = king.slogs.iter().map(|(_, t)| t.as_str()).collect();
    for line in ["1-c (compiling compiler", "zuse: "] {
        assert!(
            boot_slogs.contains(line),
            "no {line:?} among the boot's slogs: {:?}",
            king.slogs
        );
    }
    king.save();

    // Every later event of session 1, each mug checked; the dojo prints.
    let mut printed_at = std::collections::BTreeMap::new();
    for e in &events[13..42] {
        let job = cue(&mut king.heap, e);
        let effects = work_event(&mut king, job, e.number, e.mug);
        printed_at.insert(e.number, printed(effects));
    }
    for (eve, want) in [
        (32, "4"),
        (34, "~[1 4 9 16 25]"),
        (36, "184"),
        (38, "[n=[p=1 q=2] l={} r={[p=3 q=4]}]"),
        (40, "~.~milbyt-wacmeg"),
    ] {
        let lines = &printed_at[&eve];
        assert!(
            lines.iter().any(|l| l.trim() == want),
            "event {eve} should print {want:?}; printed {lines:?}"
        );
    }

    // A scry, as the king makes it: %cx /sys/kelvin in %base.
    let sample = once(&mut king.heap, "cx", "base", &["sys", "kelvin"]);
    match king.peek(sample) {
        Plea::PeekDone(dat) => {
            let (none, got) = dat.cell_parts().expect("[~ omen]");
            assert_eq!(none.as_u64(), Some(0), "a unit");
            let (omen, rest) = got.cell_parts().expect("[%omen path cask]");
            assert_eq!(tag(omen), "omen");
            let (_path, cask) = rest.cell_parts().expect("[path cask]");
            let (mark, data) = cask.cell_parts().expect("cask");
            assert_eq!(tag(mark), "kelvin");
            // A vase whose value holds `[%zuse 417]`: this pill's kelvin.
            let text = mars_noun::fmt::render(data, 200);
            let zuse = u64::from_le_bytes(*b"zuse\0\0\0\0");
            assert!(text.contains(&format!("[{zuse} 417]")), "kelvin: {text}");
        }
        other => panic!("peek /sys/kelvin: {other:?}"),
    }
    king.save();
    assert_eq!(king.mug, events[41].mug);
    let status = king.exit(0);
    assert!(status.success());

    // Session 2: restart from the snapshot, as after `|exit`.
    let start = Instant::now();
    let mut king = King::spawn(&pier);
    eprintln!("restart to %ripe: {:.2}s", start.elapsed().as_secs_f64());
    assert_eq!(
        (king.eve, king.mug),
        (42, events[41].mug),
        "%ripe after restart"
    );
    for e in &events[42..] {
        let job = cue(&mut king.heap, e);
        let effects = work_event(&mut king, job, e.number, e.mug);
        printed_at.insert(e.number, printed(effects));
    }
    assert!(
        printed_at[&56].iter().any(|l| l.trim() == "9"),
        "{:?}",
        printed_at[&56]
    );
    assert_eq!((king.eve, king.mug), (58, 0x307c_216e));

    // |pack: dill's %pack effect, then the king's %live %pack; the state
    // keeps its mug (the next event is computed from it, and a restart
    // after saving reports the same mug).
    let txt = cue(&mut king.heap, &events[54]);
    let ret = cue(&mut king.heap, &events[55]);
    let (now, _) = cue(&mut king.heap, &events[57])
        .cell_parts()
        .expect("[now ovum]");
    let [t, r] = typed(&mut king.heap, txt, ret, date(now), "|pack");
    work_event(&mut king, t, 59, 0);
    let effects = work_event(&mut king, r, 60, 0);
    assert!(
        card_tags(effects).iter().any(|t| t == "pack"),
        "|pack gives a %pack effect: {:?}",
        card_tags(effects)
    );
    let before = king.mug;
    king.send_live("pack", Noun::ZERO);
    assert!(matches!(king.reply(), Plea::Live));
    king.send_live("meld", Noun::ZERO);
    assert!(matches!(king.reply(), Plea::Live));
    king.save();
    assert!(king.exit(0).success());
    let king = King::spawn(&pier);
    assert_eq!(
        (king.eve, king.mug),
        (60, before),
        "pack and meld keep the state"
    );
    drop(king);
}

#[test]
fn brass_replays_through_the_serf_with_no_snapshot() {
    let Some((_dir, pier)) = support::shared_pier("brass-zod") else {
        return;
    };
    assert!(!pier.join(".urb/chk/data.pma").exists());
    let start = Instant::now();
    let king = King::spawn(&pier);
    eprintln!(
        "forced replay to %ripe: {:.1}s",
        start.elapsed().as_secs_f64()
    );
    assert_eq!((king.eve, king.mug), (58, 0x307c_216e));
    assert!(
        pier.join(".urb/chk/data.pma").exists(),
        "the replay saved a snapshot"
    );
}
