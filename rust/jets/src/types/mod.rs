//! The compiler (`pen`): `fitz` (aura compatibility) and the `ut` caches.
//!
//! vere's `ut` "jets" (`crop`, `fish`, `fuse`, `mint`, `mull`, `rest`,
//! `nest-dext`) contain no compiler logic: each looks its inputs up in the
//! transient `%memo` cache (this event's, or the innermost `+mink`'s) and,
//! on a miss, runs the arm's own Nock and stores the product (jets.md §1.6,
//! urbit/urbit#1422). Keys are vere's: the arm, the `vet` flag, the subject
//! type `sut`, the arguments, and the `ut` battery, so a changed compiler
//! never hits a stale entry. Like vere, the keys leave out the rest of the
//! `ut` door's sample (`fan`, `rib`).

pub mod fitz;
pub mod ut;

crate::table::family! {
    fitz: "one/two/tri/qua/pen/fitz" => fitz::jet;
    ut_crop: "one/two/tri/qua/pen/ut/crop" => ut::crop;
    ut_fish: "one/two/tri/qua/pen/ut/fish" => ut::fish;
    ut_fuse: "one/two/tri/qua/pen/ut/fuse" => ut::fuse;
    ut_mint: "one/two/tri/qua/pen/ut/mint" => ut::mint;
    ut_mull: "one/two/tri/qua/pen/ut/mull" => ut::mull;
    ut_nest_dext: "one/two/tri/qua/pen/ut/nest/nest-in/nest-dext" => ut::nest_dext;
    ut_rest: "one/two/tri/qua/pen/ut/rest" => ut::rest;
}
