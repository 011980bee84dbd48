//! Parsing combinators (`qua`, hoon.hoon 4e and 4f): `pose`, `plug`,
//! `pfix`, `sfix`, and the inner gates `fun` of `bend`, `cold`, `comp`,
//! `cook`, `easy`, `glue`, `here`, `just`, `mask`, `shim`, `stag`, `stew`
//! and `stir`. Each slams its rules as the Hoon does (`Runtime::slam_keeping`,
//! every noun held across a slam kept live), in the Hoon's order, so a
//! crash in a rule or a gate is the same crash, passed on whole.
//!
//! Where vere's jets part from the Hoon, these follow the Hoon:
//!
//! * `++last` and the character tests (`shim`, `stew`) compare atoms of
//!   any size; vere bails `%fail` on hairs and characters of 2^31 and up
//!   (and `stew` fails the parse at a range bound that large).
//! * `?~` is a test for the atom 0: a nonzero atom where a unit or a tape
//!   belongs crashes (`%exit`) at the next read, where vere takes it for
//!   `~`. An ill-typed core (its outer sample not a cell) is `%exit`, the
//!   Hoon's crash, where vere bails `%fail`.
//! * `pfix` rebuilds its successful unit as the Hoon does; `glue` takes
//!   the farthest hair in the Hoon's order (the same hair as vere's).
//!
//! And one place where the pill's Nock and the Hoon part, and vere (so we)
//! follow the Hoon: `bend/fun` when `raq` gives `~`. The arm was compiled
//! with the default `raq`, whose product is never `~`, so its Nock has no
//! `?~  vux` test and crashes on `u.vux`; vere's jet, and ours, keep
//! `vex`'s result, as the source says (`tests/parse.rs` pins it).
//!
//! No jet here punts.

pub mod bend;
pub mod cold;
pub mod comp;
pub mod cook;
pub mod easy;
pub mod glue;
pub mod here;
pub mod just;
pub mod mask;
pub mod nail;
pub mod pfix;
pub mod plug;
pub mod pose;
pub mod sfix;
pub mod shim;
pub mod stag;
pub mod stew;
pub mod stir;

crate::table::family! {
    bend_fun: "one/two/tri/qua/bend/fun" => bend::jet;
    cold_fun: "one/two/tri/qua/cold/fun" => cold::jet;
    comp_fun: "one/two/tri/qua/comp/fun" => comp::jet;
    cook_fun: "one/two/tri/qua/cook/fun" => cook::jet;
    easy_fun: "one/two/tri/qua/easy/fun" => easy::jet;
    glue_fun: "one/two/tri/qua/glue/fun" => glue::jet;
    here_fun: "one/two/tri/qua/here/fun" => here::jet;
    just_fun: "one/two/tri/qua/just/fun" => just::jet;
    mask_fun: "one/two/tri/qua/mask/fun" => mask::jet;
    shim_fun: "one/two/tri/qua/shim/fun" => shim::jet;
    stag_fun: "one/two/tri/qua/stag/fun" => stag::jet;
    stew_fun: "one/two/tri/qua/stew/fun" => stew::jet;
    stir_fun: "one/two/tri/qua/stir/fun" => stir::jet;
    pfix: "one/two/tri/qua/pfix" => pfix::jet;
    plug: "one/two/tri/qua/plug" => plug::jet;
    pose: "one/two/tri/qua/pose" => pose::jet;
    sfix: "one/two/tri/qua/sfix" => sfix::jet;
}
