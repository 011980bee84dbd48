//! `mars nock FILE [--out OUT]`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::process::ExitCode;

use mars_nock::Runtime;
use mars_noun::{fmt, HeapConfig};

use crate::trace::describe;

/// Exit status for a crashed computation.
pub const EXIT_CRASH: u8 = 1;
/// Exit status for unreadable or malformed input.
pub const EXIT_INPUT: u8 = 2;

/// Run the command; messages go to stderr, the product to stdout.
pub fn run(file: &Path, out: Option<&Path>, memory_limit_mib: Option<usize>) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return input_error(&format!("cannot read {}: {e}", file.display())),
    };
    let mut config = HeapConfig::default();
    if let Some(mib) = memory_limit_mib {
        config.limit_bytes = mib.saturating_mul(1 << 20).max(1 << 20);
        config.nursery_bytes = config.nursery_bytes.min(config.limit_bytes / 4);
    }
    let mut rt = match Runtime::new(config) {
        Ok(rt) => rt,
        Err(e) => return input_error(&format!("cannot set up memory: {e}")),
    };
    let cued = catch_unwind(AssertUnwindSafe(|| mars_serial::cue(&mut rt.heap, &bytes)));
    let noun = match cued {
        Ok(Ok(n)) => n,
        Ok(Err(e)) => return input_error(&format!("{} is not a valid jam: {e}", file.display())),
        Err(_) => {
            return input_error(&format!(
                "{} is too large for the memory limit",
                file.display()
            ))
        }
    };
    let Some((subject, formula)) = noun.cell_parts() else {
        return input_error(&format!(
            "{} holds an atom; expected jam([subject formula])",
            file.display()
        ));
    };
    match rt.nock(subject, formula) {
        Ok(product) => match out {
            Some(path) => match std::fs::write(path, mars_serial::jam(product)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => input_error(&format!("cannot write {}: {e}", path.display())),
            },
            None => {
                println!("{}", fmt::render(product, usize::MAX));
                ExitCode::SUCCESS
            }
        },
        Err(bail) => {
            for line in describe(&bail) {
                eprintln!("{line}");
            }
            ExitCode::from(EXIT_CRASH)
        }
    }
}

fn input_error(msg: &str) -> ExitCode {
    eprintln!("mars nock: {msg}");
    ExitCode::from(EXIT_INPUT)
}
