//! Nock 5 unifies equal copies (`mars_noun::unify_eq`); compiled code must
//! keep working when that leaves one of its constants reachable only from
//! the code itself.

mod common;

use common::{parse, runtime};
use mars_noun::{fmt, Generation};

#[test]
fn code_constants_survive_unification_and_collection() {
    let mut rt = runtime();
    let value = "[[1 2 3] [4 5 6] [7 8 9] 10]";
    // F = [1 V] and an equal copy, built apart.
    let f = parse(&mut rt, &format!("[1 {value}]"));
    let kept = rt.keep(f);
    let first = rt.nock(mars_noun::Noun::ZERO, f).expect("runs");
    assert_eq!(fmt::render(first, 100), value);
    // Compare F with a copy: F's tail slot is pointed at the copy's V,
    // leaving F's own V reachable only as the compiled code's constant.
    let f = rt.root(kept);
    let copy = parse(&mut rt, &format!("[1 {value}]"));
    let quoted = rt.heap.cell(mars_noun::Noun::ONE, f);
    let quoted_copy = rt.heap.cell(mars_noun::Noun::ONE, copy);
    let eq = rt
        .heap
        .tuple(&[mars_noun::Noun::direct(5), quoted, quoted_copy]);
    let same = rt.nock(mars_noun::Noun::ZERO, eq).expect("runs");
    assert_eq!(same.as_u64(), Some(0));
    // Collect everything twice over, then run F's cached code again.
    for _ in 0..2 {
        rt.collect(Generation::Minor);
        rt.collect(Generation::Major);
    }
    let f = rt.root(kept);
    let again = rt.nock(mars_noun::Noun::ZERO, f).expect("runs");
    assert_eq!(fmt::render(again, 100), value);
}
