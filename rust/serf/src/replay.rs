//! Replaying a pier's event log into the serf (vere's `mars.c` play rules).
//!
//! With no kernel: the lifecycle over exactly events `1..life` (META `life`).
//! Then every later event is poked with no `%crud` retry, and every non-zero
//! stored mug is compared with the mug of the new kernel: a mismatch stops
//! the replay (unless `soft_mugs`), naming the event and both mugs. The
//! replay never goes past the log's last event. Progress is reported through
//! a callback so the caller chooses how to show it (stderr lines for the
//! serf, a progress bar for `mars play`).

use std::time::{Duration, Instant};

use mars_eventlog::{Event, EventLog, ReadError};
use mars_nock::Bail;
use mars_noun::Noun;
use thiserror::Error;

use crate::serf::{Serf, SerfError};

/// What to replay and how.
#[derive(Debug, Clone, Default)]
pub struct ReplayOptions {
    /// Stop after this event (default: the log's last event).
    pub to: Option<u64>,
    /// Report mug mismatches and go on instead of stopping.
    pub soft_mugs: bool,
    /// Save a snapshot whenever this many events were replayed since the
    /// last save (and always at the end).
    pub snap_every: Option<u64>,
}

/// Progress of a replay, for display.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub event: u64,
    /// A snapshot of this event was just saved (`snap_every`).
    pub saved: bool,
    pub first: u64,
    pub last: u64,
    pub elapsed: Duration,
}

/// How a replay went.
#[derive(Debug, Clone, Default)]
pub struct ReplaySummary {
    pub first: u64,
    pub last: u64,
    pub events: u64,
    pub elapsed: Duration,
    pub mismatches: Vec<(u64, u32, u32)>,
    pub mug: u32,
}

#[derive(Debug, Error)]
pub enum ReplayError {
    #[error(transparent)]
    Log(#[from] ReadError),
    #[error("event {event}: stored value does not cue: {why}")]
    BadEvent { event: u64, why: String },
    /// `trace`: the crash's frames as text, innermost last.
    #[error("lifecycle (events 1-{life}) failed: %{mote}")]
    Lifecycle {
        life: u64,
        mote: &'static str,
        trace: Vec<String>,
    },
    #[error("event {event} failed: %{mote}")]
    Event {
        event: u64,
        mote: &'static str,
        trace: Vec<String>,
    },
    #[error("event {event}: mug mismatch: expected {expected:#010x}, actual {actual:#010x}")]
    Mismatch {
        event: u64,
        expected: u32,
        actual: u32,
    },
    #[error("the log has {have} events, fewer than its life ({life})")]
    ShortLog { have: u64, life: u64 },
    #[error("the snapshot is at event {snapshot}, past the log's last event {last}")]
    AheadOfLog { snapshot: u64, last: u64 },
    #[error(transparent)]
    Save(#[from] SerfError),
}

/// A crash's trace frames as text, innermost last.
fn frames(rt: &mut mars_nock::Runtime, b: &Bail) -> Vec<String> {
    let mut kept: Vec<_> = b
        .trace()
        .iter()
        .map(|&(t, c)| (rt.keep(t), rt.keep(c)))
        .collect();
    let mut lines = Vec::with_capacity(kept.len());
    for &(t, c) in &kept {
        let (tag, clue) = (rt.root(t), rt.root(c));
        lines.push(crate::trace::frame_run(rt, tag, clue));
    }
    if let Some(&(first, _)) = kept.first() {
        rt.release(first);
    }
    kept.clear();
    lines
}

fn cue_event(serf: &mut Serf, e: &Event) -> Result<Noun, ReplayError> {
    mars_serial::cue(&mut serf.rt.heap, &e.jam).map_err(|err| ReplayError::BadEvent {
        event: e.number,
        why: err.to_string(),
    })
}

/// Replay `log` into `serf` from the serf's current event.
pub fn replay(
    serf: &mut Serf,
    log: &mut EventLog,
    opts: &ReplayOptions,
    mut progress: impl FnMut(Progress),
) -> Result<ReplaySummary, ReplayError> {
    let started = Instant::now();
    let log_last = log.last_event()?;
    let last = opts.to.map_or(log_last, |t| t.min(log_last));
    if serf.event() > log_last {
        return Err(ReplayError::AheadOfLog {
            snapshot: serf.event(),
            last: log_last,
        });
    }
    let first = serf.event() + 1;
    let mut summary = ReplaySummary {
        first,
        last,
        ..ReplaySummary::default()
    };
    let mut since_save = 0u64;
    if serf.event() == 0 {
        let life = u64::from(log.meta().life);
        if log_last < life || life == 0 {
            return Err(ReplayError::ShortLog {
                have: log_last,
                life,
            });
        }
        let events = log.read(1, life as usize)?;
        let mut nouns = Vec::with_capacity(events.len());
        for e in &events {
            nouns.push(cue_event(serf, e)?);
        }
        let list = serf.rt.heap.list(&nouns);
        serf.boot_lifecycle(list, life)
            .map_err(|b: Bail| ReplayError::Lifecycle {
                life,
                mote: b.mote().name(),
                trace: frames(&mut serf.rt, &b),
            })?;
        summary.events += life;
        since_save += life;
    }
    let mut next = serf.event() + 1;
    while next <= last {
        let want = ((last - next + 1) as usize).min(mars_eventlog::BATCH_EVENTS);
        let batch = log.read(next, want)?;
        for e in &batch {
            let job = cue_event(serf, e)?;
            // Without --soft-mugs a kernel that disagrees with the log is not
            // installed: the state stays at the last event that agreed.
            let check = if opts.soft_mugs { 0 } else { e.mug };
            match serf.poke_replay_checked(job, check) {
                Ok(None) => {}
                Ok(Some(actual)) => {
                    return Err(ReplayError::Mismatch {
                        event: e.number,
                        expected: e.mug,
                        actual,
                    })
                }
                Err(b) => {
                    return Err(ReplayError::Event {
                        event: e.number,
                        mote: b.mote().name(),
                        trace: frames(&mut serf.rt, &b),
                    })
                }
            }
            let actual = serf.mug();
            if e.mug != 0 && e.mug != actual {
                summary.mismatches.push((e.number, e.mug, actual));
            }
            summary.events += 1;
            since_save += 1;
            next = e.number + 1;
        }
        let saved = opts.snap_every.is_some_and(|n| since_save >= n);
        if saved {
            serf.save()?;
            since_save = 0;
        }
        progress(Progress {
            event: serf.event(),
            saved,
            first,
            last,
            elapsed: started.elapsed(),
        });
    }
    if since_save > 0 {
        serf.save()?;
    }
    summary.elapsed = started.elapsed();
    summary.mug = serf.mug();
    Ok(summary)
}
