//! Replaying vere-made and mars-made piers: through the test king (events
//! from the log as `%play`/`%work`), and by the serf itself when data.pma is
//! missing. Every stored mug must match.

mod harness;
mod support;

use std::path::Path;

use harness::King;
use mars_eventlog::{Event, EventLog, Meta, OpenMode, Writer};
use mars_noun::Noun;
use mars_serf::plea::Plea;

fn all_events(pier: &Path) -> (Meta, Vec<Event>) {
    let mut log = EventLog::open(pier, OpenMode::Locked).expect("open log");
    let meta = *log.meta();
    let events: Vec<Event> = log.iter().collect::<Result<_, _>>().expect("read events");
    (meta, events)
}

/// Feed a log to a serf like the king: the boot sequence (every event with
/// mug 0 at the start) as one `%play`, then each later event as `%work`,
/// comparing each reply's mug with the stored one.
fn feed_like_the_king(pier: &Path) -> (u64, u32) {
    let (_meta, events) = all_events(pier);
    let scratch = tempfile::tempdir().expect("tempdir");
    let mut king = King::spawn(scratch.path());
    let boot_len = events.iter().take_while(|e| e.mug == 0).count();
    let boot: Vec<Noun> = events[..boot_len]
        .iter()
        .map(|e| mars_serial::cue(&mut king.heap, &e.jam).expect("cue"))
        .collect();
    assert!(matches!(king.play(1, &boot), Plea::PlayDone { .. }));
    for e in &events[boot_len..] {
        let job = mars_serial::cue(&mut king.heap, &e.jam).expect("cue");
        match king.work(job) {
            Plea::WorkDone { eve, mug, .. } => {
                assert_eq!(eve, e.number);
                assert_eq!(mug, e.mug, "event {}: mug", e.number);
            }
            other => panic!("event {}: {other:?}", e.number),
        }
    }
    (king.eve, king.mug)
}

#[test]
fn baby_zod_fed_by_the_king_matches_every_mug() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    assert_eq!(feed_like_the_king(&pier), (22, 0x57d6b64f));
}

#[test]
fn baby_zod_self_replay_when_data_pma_is_missing() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    let king = King::spawn(&pier);
    assert_eq!((king.eve, king.mug), (22, 0x57d6b64f));
    drop(king);
    assert!(
        pier.join(".urb/chk/data.pma").is_file(),
        "the replay saved a snapshot"
    );
    // Second start: from the snapshot, no replay.
    let king = King::spawn(&pier);
    assert_eq!((king.eve, king.mug), (22, 0x57d6b64f));
}

/// The boot events of baby.pill as a fake ~zod king would write them.
fn baby_boot_events(heap: &mut mars_noun::Heap, pill: &[u8]) -> Vec<Noun> {
    let p = mars_serial::cue(heap, pill).expect("cue");
    let mut l = p.slot_u64(14).expect("bot");
    let mut out = Vec::new();
    while let Some((h, t)) = l.cell_parts() {
        out.push(h);
        l = t;
    }
    out
}

fn job(heap: &mut mars_noun::Heap, n: u64) -> Noun {
    let now = heap.atom_u128(0x8000_000d_33f1_fe80_0000_0000_0000_0000 + (u128::from(n) << 48));
    let b = heap.atom_str("b");
    let behn = heap.atom_str("behn");
    let wire = heap.list(&[b, behn]);
    let wake = heap.atom_str("wake");
    let card = heap.cell(wake, Noun::NULL);
    let ovum = heap.cell(wire, card);
    heap.cell(now, ovum)
}

#[test]
fn worked_pier_replays_after_data_pma_is_deleted() {
    let Some(pill) = support::pill("baby.pill") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let pier = dir.path().join("zod");
    std::fs::create_dir_all(&pier).expect("pier");
    // Six live events, an epoch rolled after the third, saved at the end.
    let (eve, mug) = worked_pier(&pier, &pill, 6, Some(5), Some(2));
    std::fs::remove_file(pier.join(".urb/chk/data.pma")).expect("delete data.pma");
    let king = King::spawn(&pier);
    assert_eq!(
        (king.eve, king.mug),
        (eve, mug),
        "replayed to the log's end"
    );
}

#[test]
fn mismatching_log_stops_the_serf() {
    let Some((_dir, pier)) = support::shared_pier("baby-zod") else {
        return;
    };
    // Rewrite the log with a wrong mug at event 15.
    let (meta, mut events) = all_events(&pier);
    std::fs::remove_dir_all(pier.join(".urb/log")).expect("rm log");
    events[14].mug ^= 1;
    let mut w = Writer::create(&pier, &meta).expect("writer");
    w.append(&events).expect("append");
    drop(w);
    let child = std::process::Command::new(harness::mars_bin())
        .arg("serf")
        .args(harness::king_argv(&pier, 128))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "no %ripe for a log that does not replay"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("event 15: mug mismatch"), "{err}");
    // The state of the last event that agreed with the log is kept; the
    // disagreeing one never is.
    assert!(err.contains("saved the state after event 14"), "{err}");
    let b = std::fs::read(pier.join(".urb/chk/data.pma")).expect("data.pma");
    assert_eq!(
        u64::from_le_bytes(b[16..24].try_into().expect("8 bytes")),
        14
    );
}

/// Boot baby under the test king while writing the log like the king, with
/// `n` live events; optionally save after `save_at` events and roll an epoch
/// after `roll_at`. Returns the king's final (event, mug).
fn worked_pier(
    pier: &Path,
    pill: &[u8],
    n: u64,
    save_at: Option<u64>,
    roll_at: Option<u64>,
) -> (u64, u32) {
    let mut king = King::spawn(pier);
    let boot = baby_boot_events(&mut king.heap, pill);
    let mut writer = Writer::create(pier, &Meta::new(0, true, boot.len() as u32)).expect("log");
    let stored: Vec<Event> = boot
        .iter()
        .enumerate()
        .map(|(i, b)| Event {
            number: i as u64 + 1,
            mug: 0,
            jam: mars_serial::jam(*b),
        })
        .collect();
    writer.append(&stored).expect("boot events");
    assert!(matches!(king.play(1, &boot), Plea::PlayDone { .. }));
    for i in 0..n {
        let j = job(&mut king.heap, i);
        let jam = mars_serial::jam(j);
        match king.work(j) {
            Plea::WorkDone { eve, mug, .. } => writer
                .append(&[Event {
                    number: eve,
                    mug,
                    jam,
                }])
                .expect("log"),
            other => panic!("{other:?}"),
        }
        if save_at == Some(i) {
            king.save();
        }
        if roll_at == Some(i) {
            writer.roll().expect("roll");
        }
    }
    let end = (king.eve, king.mug);
    assert_eq!(king.exit(0).code(), Some(0));
    end
}

/// Checklist 44: a snapshot older than the latest epoch's base (which the
/// king cannot serve) is caught up from the older epochs before `%ripe`.
#[test]
fn snapshot_behind_the_latest_epoch_catches_up() {
    let Some(pill) = support::pill("baby.pill") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let pier = dir.path().join("zod");
    std::fs::create_dir_all(&pier).expect("pier");
    // Save at live event 1 (event 3), roll the epoch at live event 4 (event 6).
    let (eve, mug) = worked_pier(&pier, &pill, 7, Some(1), Some(4));
    let king = King::spawn(&pier);
    assert_eq!((king.eve, king.mug), (eve, mug));
}

/// Checklist 13: a snapshot past the log's end is never reported.
#[test]
fn snapshot_ahead_of_the_log_is_refused() {
    let Some(pill) = support::pill("baby.pill") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let pier = dir.path().join("zod");
    std::fs::create_dir_all(&pier).expect("pier");
    worked_pier(&pier, &pill, 4, None, None);
    // Save at event 6, then replace the log by one that ends at event 5.
    let mut king = King::spawn(&pier);
    king.save();
    assert_eq!(king.exit(0).code(), Some(0));
    let (meta, events) = all_events(&pier);
    std::fs::remove_dir_all(pier.join(".urb/log")).expect("rm log");
    let mut w = Writer::create(&pier, &meta).expect("writer");
    w.append(&events[..5]).expect("append");
    drop(w);
    let out = std::process::Command::new(harness::mars_bin())
        .arg("serf")
        .args(harness::king_argv(&pier, 128))
        .stdin(std::process::Stdio::piped())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no %ripe");
    assert!(String::from_utf8_lossy(&out.stderr).contains("past the log's last event 5"));
}
