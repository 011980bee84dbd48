//! The `mil` budget of `%work` and `%peek`: a one-shot timer on the
//! process's CPU time (like vere's `ITIMER_VIRTUAL`) that raises SIGVTALRM;
//! the signal sets the runtime's interrupt flag to `%alrm`.

use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::Duration;

use nix::sys::signal::{SigEvent, SigevNotify, Signal};
use nix::sys::time::TimeSpec;
use nix::sys::timer::{Expiration, Timer, TimerSetTimeFlags};
use nix::time::ClockId;

use crate::serf::Budget;

/// A CPU-time alarm that bails the running computation with `%alrm`.
pub struct CpuAlarm {
    timer: Timer,
}

impl CpuAlarm {
    /// Create the timer and route SIGVTALRM to `flag`.
    pub fn new(flag: Arc<AtomicUsize>) -> std::io::Result<CpuAlarm> {
        signal_hook::flag::register_usize(
            signal_hook::consts::SIGVTALRM,
            flag,
            mars_nock::INTERRUPT_ALRM,
        )?;
        let event = SigEvent::new(SigevNotify::SigevSignal {
            signal: Signal::SIGVTALRM,
            si_value: 0,
        });
        let timer = Timer::new(ClockId::CLOCK_PROCESS_CPUTIME_ID, event)?;
        Ok(CpuAlarm { timer })
    }
}

impl Budget for CpuAlarm {
    fn arm(&mut self, ms: u32) {
        let span = TimeSpec::from_duration(Duration::from_millis(u64::from(ms)));
        if let Err(e) = self
            .timer
            .set(Expiration::OneShot(span), TimerSetTimeFlags::empty())
        {
            eprintln!("serf: cannot arm the %alrm timer: {e}");
        }
    }

    fn disarm(&mut self) {
        let _ = self.timer.set(
            Expiration::OneShot(TimeSpec::new(0, 0)),
            TimerSetTimeFlags::empty(),
        );
    }
}
