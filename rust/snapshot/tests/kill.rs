//! SIGKILL at random moments: a child process (this test executable,
//! re-run with `MARS_SNAPSHOT_KILL_CHILD=<pier>` to select the child mode)
//! saves snapshots of 1 to 24 MiB in a loop; the parent kills it a dozen
//! times (more if few kills land during a save) at random delays and each
//! time checks that load gives a complete
//! snapshot, old or new, whose payload is exactly the one saved for its
//! event, and that the event never goes backwards.
//!
//! A kill tests the save protocol against process death (the rename is
//! the only change to `data.pma`), not against power loss: the page cache
//! survives the process.

mod support;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use mars_snapshot::{Store, TMP_NAME};
use support::{bytes, chk, meta, vere_state, with_vere_files, MIB};

const CHILD_ENV: &str = "MARS_SNAPSHOT_KILL_CHILD";
/// At least this many kills, and more (up to [`MAX_KILLS`]) until
/// [`MID_SAVE_KILLS`] of them found a save in progress.
const KILLS: usize = 12;
const MAX_KILLS: usize = 40;
const MID_SAVE_KILLS: usize = 3;

/// The payload saved for `event`: its size varies from 1 to 24 MiB (plus a
/// few odd bytes), its bytes are determined by the event.
fn payload(event: u64) -> Vec<u8> {
    let len = MIB * (1 + (event as usize * 7) % 24) + (event as usize % 1000);
    bytes(event, len)
}

/// The child: save events `n+1`, `n+2`, … forever, `n` being what is
/// already there. Does nothing when run as an ordinary test.
#[test]
fn child_saver() {
    let Some(pier) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(Path::new(&pier)).unwrap();
    let mut event = store.load().unwrap().map_or(0, |(m, _)| m.event);
    loop {
        event += 1;
        store.save(&meta(event), &payload(event)).unwrap();
    }
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn sigkill_at_random_moments_leaves_a_whole_snapshot() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pier: PathBuf = dir.path().to_owned();
    let vere = with_vere_files(&pier);
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("seed {seed}");
    let mut rng = Rng(seed | 1);
    let exe = std::env::current_exe().unwrap();

    let mut last = 0;
    let mut mid_save = 0;
    let mut kill = 0;
    while kill < KILLS || (mid_save < MID_SAVE_KILLS && kill < MAX_KILLS) {
        let mut child = Command::new(&exe)
            .args(["child_saver", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &pier)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let delay = Duration::from_millis(50 + rng.below(750));
        let start = Instant::now();
        std::thread::sleep(delay);
        let tmp_present = chk(&pier).join(TMP_NAME).exists();
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "kill {kill}: the child was not running ({status})"
        );

        let loaded = Store::open(&pier)
            .unwrap()
            .load()
            .unwrap_or_else(|e| panic!("kill {kill} after {delay:?}: {e}"));
        match loaded {
            None => assert_eq!(last, 0, "kill {kill}: snapshot vanished"),
            Some((m, p)) => {
                assert_eq!(m, meta(m.event), "kill {kill}");
                assert!(p == payload(m.event), "kill {kill}: wrong payload");
                assert!(m.event >= last, "kill {kill}: went back");
                eprintln!(
                    "kill {kill} after {:?}: event {} ({} bytes), tmp present: {tmp_present}",
                    start.elapsed(),
                    m.event,
                    p.len()
                );
                last = m.event;
            }
        }
        mid_save += usize::from(tmp_present);
        assert_eq!(vere_state(&pier), vere, "kill {kill}: vere's files touched");
        kill += 1;
    }
    eprintln!("{kill} kills, {mid_save} with a save in progress, last event {last}");
    assert!(last > 0, "the child never completed a save");
    assert!(mid_save > 0, "no kill landed during a save");
}
