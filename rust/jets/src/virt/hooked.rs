//! `++mule` and `++mole`: slam the gate's sample through the hooked arm
//! `+mute` (`+mure`), vere's `u3we_mule` (`u3we_mole`).

use mars_nock::{JetError, Runtime};
use mars_noun::Noun;

/// Slam `core`'s sample (a trap) through the hook `name` of its location.
/// Punts (the Hoon runs) when the hook is not registered.
fn through_hook(rt: &mut Runtime, core: Noun, name: &str) -> Result<Noun, JetError> {
    let sample = core.slot_u64(6).ok_or(JetError::Exit)?;
    let Some((subject, formula)) = rt.cold().hook(core, name) else {
        return Err(JetError::Punt);
    };
    let mut live = [sample];
    let gate = rt.nock_keeping(&mut live, |rt| rt.nock(subject, formula))?;
    Ok(rt.slam(gate, live[0])?)
}

/// `++mule`: `(mute trap)`.
pub fn mule(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    through_hook(rt, core, "mute")
}

/// `++mole`: `(mure trap)`.
pub fn mole(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    through_hook(rt, core, "mure")
}
