//! Serialisation (`two`): `jam`, `cue`, `mat`, `rub`.
//!
//! `jam` and `cue` are `mars-serial`'s, byte-identical with vere-v3.0's
//! `u3s_jam_fib` and `u3s_cue_atom`. On a stream it cannot read, `cue`
//! falls back to a bit-exact model of vere's reader (`cue.rs`), which
//! accepts what vere accepts (an atom cut short by the end of the input)
//! and fails as vere fails: `%exit` where the Hoon crashes, `%meme` or
//! `%fail` where vere's limits stop it first. `mat` and `rub` are the
//! Hoon's arithmetic, done on words.

pub mod cue;
pub mod jam;
pub mod mat;
pub mod rub;

crate::table::family! {
    jam: "one/two/jam" => jam::jet;
    cue: "one/two/cue" => cue::jet;
    mat: "one/two/mat" => mat::jet;
    rub: "one/two/rub" => rub::jet;
}
