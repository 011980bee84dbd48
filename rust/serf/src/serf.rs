//! The serf's state machine: writs in, pleas out, no I/O.
//!
//! State (vere's `u3_serf`): `dun`, the last completed event (0 = no
//! kernel); `sen`, the event being computed; the kernel; its mug. `%play`
//! with no kernel runs the lifecycle on the whole batch; with a kernel it
//! replays each event with no `%crud` retry. `%work` pokes once and, on a
//! failure other than `%evil`, pokes the `%crud` of the failure (replying
//! `%swap`) or gives up (`%bail`). `%peek` never changes state. The loop that
//! owns the pipes is `serf_cmd.rs`; this file is testable without one.
//!
//! Every noun the serf holds across a computation (the kernel, the batch
//! being replayed, the job being worked) is kept as a runtime root, since a
//! computation may move nouns.

use mars_nock::{increment, Bail, Mote, Root, Runtime};
use mars_noun::{mug, Noun};
use thiserror::Error;

use crate::goof::goof;
use crate::kernel::{lifecycle, peek, poke};
use crate::plea::{Goof, Plea};
use crate::snapshot_store::{SnapshotError, SnapshotStore};
use crate::writ::{Live, Writ};

/// `%arvo`
const TAS_ARVO: u64 = 0x6f76_7261;
/// `%crud`
const TAS_CRUD: u64 = 0x6475_7263;
/// `%mass`
const TAS_MASS: u64 = 0x7373_616d;

/// A writ the serf cannot honour: the process must exit non-zero (as vere's
/// serf does) rather than reply.
#[derive(Debug, Error)]
pub enum SerfError {
    #[error("%play for event {got} but the next event is {want}")]
    PlayOutOfOrder { got: u64, want: u64 },
    #[error("%work with no kernel (boot with %play first)")]
    WorkWithoutKernel,
    #[error("%peek with no kernel")]
    PeekWithoutKernel,
    #[error("%play batch is not a list")]
    PlayNotList,
    #[error("save failed: the king asked for event {asked}, the serf is at {at}")]
    SaveMismatch { asked: u64, at: u64 },
    #[error("save failed: {0}")]
    Save(#[from] SnapshotError),
}

/// A CPU-time budget for one computation (`mil` of `%work`/`%peek`); when
/// it runs out the computation must bail `%alrm` (through the runtime's
/// interrupt flag).
pub trait Budget {
    fn arm(&mut self, ms: u32);
    fn disarm(&mut self);
}

/// What to do after a writ.
#[derive(Debug)]
pub enum Reply {
    /// Send this plea.
    Plea(Plea),
    /// `%live %exit`: exit with this status, sending nothing.
    Exit(u8),
}

/// A serf: a runtime and, once booted, a kernel.
pub struct Serf {
    pub rt: Runtime,
    kernel: Root,
    dun: u64,
    sen: u64,
    mug: u32,
    store: Option<SnapshotStore>,
    budget: Option<Box<dyn Budget>>,
    /// `mil` of the writ being handled (0 = unlimited).
    mil: u32,
}

impl Serf {
    /// A serf with no kernel (event 0), saving to `store` if given.
    pub fn new(mut rt: Runtime, store: Option<SnapshotStore>) -> Serf {
        let kernel = rt.keep(Noun::ZERO);
        Serf {
            rt,
            kernel,
            dun: 0,
            sen: 0,
            mug: 0,
            store,
            budget: None,
            mil: 0,
        }
    }

    /// Enforce `mil` budgets with this timer.
    pub fn set_budget(&mut self, budget: Box<dyn Budget>) {
        self.budget = Some(budget);
    }

    /// Poke, dropping the jet registrations of a failed event (as vere drops
    /// a failed road's cold state).
    fn poke_checked(&mut self, kernel: Noun, job: Noun) -> Result<(Noun, Noun), Bail> {
        let mark = self.rt.cold_len();
        let r = self.budgeted(|rt| poke(rt, kernel, job));
        if r.is_err() {
            self.rt.truncate_cold(mark);
        }
        r
    }

    /// Run `f` under the current writ's budget.
    fn budgeted<T>(&mut self, f: impl FnOnce(&mut Runtime) -> T) -> T {
        let armed = self.mil > 0 && self.budget.is_some();
        if armed {
            if let Some(b) = self.budget.as_mut() {
                b.arm(self.mil);
            }
        }
        let r = f(&mut self.rt);
        if armed {
            if let Some(b) = self.budget.as_mut() {
                b.disarm();
            }
        }
        r
    }

    /// A serf that starts from a loaded kernel at event `eve`.
    pub fn with_kernel(rt: Runtime, store: Option<SnapshotStore>, kernel: Noun, eve: u64) -> Serf {
        let mut s = Serf::new(rt, store);
        s.install(kernel, eve);
        s
    }

    fn install(&mut self, kernel: Noun, eve: u64) {
        self.rt.set_root(self.kernel, kernel);
        self.dun = eve;
        self.sen = eve;
        self.mug = if eve == 0 { 0 } else { mug(kernel) };
    }

    /// The last completed event.
    pub fn event(&self) -> u64 {
        self.dun
    }

    /// The mug of the kernel (0 with no kernel).
    pub fn mug(&self) -> u32 {
        self.mug
    }

    /// The kernel, if booted.
    pub fn kernel(&self) -> Option<Noun> {
        (self.dun > 0).then(|| self.rt.root(self.kernel))
    }

    /// Boot from the lifecycle of `events` (a list of `count` nouns).
    pub fn boot_lifecycle(&mut self, events: Noun, count: u64) -> Result<(), Bail> {
        let mark = self.rt.cold_len();
        match lifecycle(&mut self.rt, events) {
            Ok(kernel) => {
                self.install(kernel, count);
                Ok(())
            }
            Err(b) => {
                self.rt.truncate_cold(mark);
                Err(b)
            }
        }
    }

    /// Replay one event: poke with no `%crud` retry; on success the event
    /// counter advances.
    pub fn poke_replay(&mut self, job: Noun) -> Result<(), Bail> {
        self.poke_replay_checked(job, 0).map(|_| ())
    }

    /// Replay one event whose stored mug is `want` (0: unchecked). A new
    /// kernel whose mug is not `want` is not installed: the state stays at
    /// the last event that agreed with the log, and the new mug is returned
    /// (vere's `_mars_poke_play`).
    pub fn poke_replay_checked(&mut self, job: Noun, want: u32) -> Result<Option<u32>, Bail> {
        self.rt.clear_transient_memo();
        let kernel = self.kernel().ok_or_else(Bail::exit)?;
        let mark = self.rt.cold_len();
        let (_effects, new) = self.poke_checked(kernel, job)?;
        if want != 0 {
            let actual = mug(new);
            if actual != want {
                self.rt.truncate_cold(mark);
                return Ok(Some(actual));
            }
        }
        let eve = self.dun + 1;
        self.install(new, eve);
        Ok(None)
    }

    /// The first plea: `[%ripe [1 139 4] dun mug]`.
    pub fn ripe(&self) -> Plea {
        Plea::Ripe {
            eve: self.dun,
            mug: self.mug,
        }
    }

    /// Handle one writ.
    pub fn handle(&mut self, writ: Writ) -> Result<Reply, SerfError> {
        self.rt.clear_transient_memo();
        self.mil = 0;
        let plea = match writ {
            Writ::Live(live) => return self.live(live),
            Writ::Peek { mil, sample } => {
                self.mil = mil;
                self.peek(sample)?
            }
            Writ::Play { eve, events } => self.play(eve, events)?,
            Writ::Work { mil, job } => {
                self.mil = mil;
                self.work(job)?
            }
        };
        Ok(Reply::Plea(plea))
    }

    fn live(&mut self, live: Live) -> Result<Reply, SerfError> {
        match live {
            Live::Save(eve) | Live::Cram(eve) => {
                if eve != self.dun {
                    return Err(SerfError::SaveMismatch {
                        asked: eve,
                        at: self.dun,
                    });
                }
                self.save()?;
            }
            Live::Meld | Live::Pack => {
                self.rt.collect(mars_noun::Generation::Major);
            }
            Live::Exit(code) => return Ok(Reply::Exit(code)),
        }
        Ok(Reply::Plea(Plea::Live))
    }

    /// Make the current state durable (no-op without a store).
    pub fn save(&mut self) -> Result<(), SerfError> {
        if let Some(kernel) = self.kernel() {
            if let Some(store) = self.store.as_mut() {
                store.save(&mut self.rt, kernel, self.dun, self.mug)?;
            }
        }
        Ok(())
    }

    fn peek(&mut self, sample: Noun) -> Result<Plea, SerfError> {
        let kernel = self.kernel().ok_or(SerfError::PeekWithoutKernel)?;
        Ok(match self.budgeted(|rt| peek(rt, kernel, sample)) {
            Ok(product) => Plea::PeekDone(product),
            Err(b) => Plea::PeekBail(self.goof(b)),
        })
    }

    fn play(&mut self, eve: u64, events: Noun) -> Result<Plea, SerfError> {
        if eve != self.sen + 1 {
            return Err(SerfError::PlayOutOfOrder {
                got: eve,
                want: self.sen + 1,
            });
        }
        let len = crate::kernel::list_len(events).ok_or(SerfError::PlayNotList)?;
        if self.dun == 0 {
            return Ok(match self.boot_lifecycle(events, len) {
                Ok(()) => Plea::PlayDone { mug: self.mug },
                Err(b) => {
                    self.dun = 0;
                    self.sen = 0;
                    Plea::PlayBail {
                        eve: 0,
                        mug: 0,
                        goof: self.goof(b),
                    }
                }
            });
        }
        let rest = self.rt.keep(events);
        let mut reply = None;
        while let Some((job, tail)) = self.rt.root(rest).cell_parts() {
            self.rt.set_root(rest, tail);
            self.sen += 1;
            let kernel = self.rt.root(self.kernel);
            match self.poke_checked(kernel, job) {
                Ok((_effects, new)) => {
                    let sen = self.sen;
                    self.install(new, sen);
                }
                Err(b) => {
                    self.sen = self.dun;
                    let goof = self.goof(b);
                    reply = Some(Plea::PlayBail {
                        eve: self.dun,
                        mug: self.mug,
                        goof,
                    });
                    break;
                }
            }
        }
        self.rt.release(rest);
        Ok(reply.unwrap_or(Plea::PlayDone { mug: self.mug }))
    }

    fn work(&mut self, job: Noun) -> Result<Plea, SerfError> {
        if self.dun == 0 {
            return Err(SerfError::WorkWithoutKernel);
        }
        let job_root = self.rt.keep(job);
        self.sen = self.dun + 1;
        let kernel = self.rt.root(self.kernel);
        let plea = match self.poke_checked(kernel, job) {
            Ok((effects, new)) => {
                let sen = self.sen;
                self.install(new, sen);
                let effects = self.post(effects);
                Plea::WorkDone {
                    eve: self.dun,
                    mug: self.mug,
                    effects,
                }
            }
            Err(b) if b.mote() == Mote::Evil => {
                self.sen = self.dun;
                let evil = Goof {
                    mote: Noun::direct(Mote::Evil.tas()),
                    tang: Noun::NULL,
                };
                Plea::WorkBail(vec![evil])
            }
            Err(b) => {
                let first = self.goof(b);
                let first_root = self.rt.keep(first.mote);
                let first_tang = self.rt.keep(first.tang);
                let crud = self.crud_job(self.rt.root(job_root), first);
                let crud_root = self.rt.keep(crud);
                let kernel = self.rt.root(self.kernel);
                let r = self.poke_checked(kernel, crud);
                match r {
                    Ok((effects, new)) => {
                        let sen = self.sen;
                        self.install(new, sen);
                        let effects = self.post(effects);
                        Plea::WorkSwap {
                            eve: self.dun,
                            mug: self.mug,
                            job: self.rt.root(crud_root),
                            effects,
                        }
                    }
                    Err(b2) => {
                        self.sen = self.dun;
                        let second = self.goof(b2);
                        let first = Goof {
                            mote: self.rt.root(first_root),
                            tang: self.rt.root(first_tang),
                        };
                        Plea::WorkBail(vec![second, first])
                    }
                }
            }
        };
        self.rt.release(job_root);
        Ok(plea)
    }

    /// `[now+1 [[0 %arvo ~] [%crud goof ovum]]]` for the failed `job`.
    fn crud_job(&mut self, job: Noun, goof: Goof) -> Noun {
        let h = &mut self.rt.heap;
        let (now, ovum) = job.cell_parts().unwrap_or((Noun::ZERO, Noun::ZERO));
        let later = increment(h, now).unwrap_or(now);
        let arvo = Noun::direct(TAS_ARVO);
        let wire = h.list(&[Noun::ZERO, arvo]);
        let g = h.cell(goof.mote, goof.tang);
        let card = h.tuple(&[Noun::direct(TAS_CRUD), g, ovum]);
        let ovo = h.cell(wire, card);
        h.cell(later, ovo)
    }

    /// vere's `_serf_sure_feck`: the first `%mass` effect loses its data.
    fn post(&mut self, effects: Noun) -> Noun {
        let mut items = Vec::new();
        let mut l = effects;
        let mut found = None;
        while let Some((ovum, t)) = l.cell_parts() {
            if found.is_none() {
                if let Some((wire, card)) = ovum.cell_parts() {
                    if card.cell_parts().and_then(|(tag, _)| tag.as_direct()) == Some(TAS_MASS) {
                        found = Some((items.len(), wire));
                    }
                }
            }
            items.push(ovum);
            l = t;
        }
        let Some((i, wire)) = found else {
            return effects;
        };
        let card = self.rt.heap.cell(Noun::direct(TAS_MASS), Noun::NULL);
        items[i] = self.rt.heap.cell(wire, card);
        let mut out = l;
        for &o in items.iter().rev() {
            out = self.rt.heap.cell(o, out);
        }
        out
    }

    /// A goof for a failed computation, its trace rendered by the kernel.
    fn goof(&mut self, bail: Bail) -> Goof {
        let kernel = self.kernel();
        goof(&mut self.rt, kernel, &bail)
    }
}
