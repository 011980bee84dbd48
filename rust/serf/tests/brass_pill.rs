//! Booting the brass pill itself: the boot sequence built from the pill
//! file as vere's king builds it (`mars_serf::pill`, boot.md §4: fresh
//! time and entropy, so there are no stored mugs to compare), played into
//! `mars serf` as the one first `%play`, then the king's `%wyrd`, the
//! start-up events and a dojo line: the ship must behave as vere's did
//! (`(add 2 2)` prints `4`).
//!
//! Takes minutes (the boot compiles the whole kernel): skipped, with a
//! message, when `shared/` is absent.

mod harness;
mod support;

use harness::dojo::{cue, printed, redate, stored_events, typed, work_event};
use harness::King;
use mars_noun::{noun_eq, Noun};
use mars_serf::pill::{boot_events, parse, wyrd_card, BootPlan};
use mars_serf::plea::Plea;

#[test]
fn brass_pill_boots_to_a_working_dojo() {
    let Some(bytes) = support::pill("brass-2023.pill") else {
        return;
    };
    // The vere-made pier: its boot sequence to compare shapes with, and
    // its start-up events and typed lines to send (at our own dates).
    let Some((dir, vere_pier)) = support::shared_pier("brass-zod") else {
        return;
    };
    let stored = stored_events(&vere_pier);
    let pier = dir.path().join("zod");
    std::fs::create_dir_all(&pier).expect("mkdir pier");
    let mut king = King::spawn(&pier);

    let pill = parse(&mut king.heap, &bytes).expect("the brass pill parses");
    assert_eq!(pill.name, "brass");
    assert_eq!(pill.bot.len(), 5, "life");
    let plan = BootPlan::fake(0).expect("entropy");
    let boot = boot_events(&mut king.heap, &pill, &plan);
    assert_eq!(
        boot.len(),
        13,
        "5 + 4 + 2 + 1 + 1 events, as vere's king wrote"
    );

    // Same lifecycle and pill ova as vere's sequence; the king's own
    // cards have the same tags and, but for time and entropy, contents.
    for (i, (ours, theirs)) in boot.iter().zip(&stored[..13]).enumerate() {
        let theirs = cue(&mut king.heap, theirs);
        if i < 5 {
            assert!(noun_eq(*ours, theirs), "lifecycle event {}", i + 1);
            continue;
        }
        let (_, ours) = ours.cell_parts().expect("[now ovum]");
        let (_, theirs) = theirs.cell_parts().expect("[now ovum]");
        let (ow, oc) = ours.cell_parts().expect("ovum");
        let (tw, tc) = theirs.cell_parts().expect("ovum");
        assert!(noun_eq(ow, tw), "wire of event {}", i + 1);
        let (otag, odata) = oc.cell_parts().expect("card");
        let (ttag, tdata) = tc.cell_parts().expect("card");
        assert!(noun_eq(otag, ttag), "card of event {}", i + 1);
        match i + 1 {
            // %wyrd: the same runtime and kelvins, a fresh `non`.
            6 => assert!(noun_eq(
                odata.cell_parts().unwrap().1,
                tdata.cell_parts().unwrap().1
            )),
            // %wack: fresh entropy of the same size.
            8 => assert_eq!(
                odata.as_atom().map(|a| a.to_le_bytes().len() > 32),
                Some(true)
            ),
            _ => assert!(noun_eq(odata, tdata), "data of event {}", i + 1),
        }
    }

    match king.play(1, &boot) {
        Plea::PlayDone { .. } => {}
        other => panic!("boot %play: {other:?}"),
    }
    assert_eq!(king.eve, 13);
    king.save();

    // The king's fresh %wyrd, then the start-up events (14-30 of vere's
    // session, re-dated after our boot), then a dojo line.
    let mut now = plan.now + (13 << 48);
    let wyrd = wyrd_card(&mut king.heap, now, &plan.runtime);
    let wire = king.heap.list(&[Noun::ZERO, Noun::direct(0x6f76_7261)]);
    let ovum = king.heap.cell(wire, wyrd);
    let t = king.heap.atom_from_le_bytes(&now.to_le_bytes());
    let job = king.heap.cell(t, ovum);
    work_event(&mut king, job, 14, 0);
    for (i, e) in stored[14..30].iter().enumerate() {
        now += 1 << 48;
        let job = cue(&mut king.heap, e);
        let job = redate(&mut king.heap, job, now);
        work_event(&mut king, job, 15 + i as u64, 0);
    }
    let txt = cue(&mut king.heap, &stored[30]);
    let ret = cue(&mut king.heap, &stored[31]);
    let [t, r] = typed(&mut king.heap, txt, ret, now, "(add 2 2)");
    work_event(&mut king, t, 31, 0);
    let effects = work_event(&mut king, r, 32, 0);
    let lines = printed(effects);
    assert!(
        lines.iter().any(|l| l.trim() == "4"),
        "(add 2 2) printed {lines:?}"
    );
}
