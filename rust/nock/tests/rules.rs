//! One test per Nock 4K rule, with its crash cases.

mod common;

use common::{crash, ok};
use mars_nock::Mote;

#[test]
fn rule_0_slot() {
    assert_eq!(ok("[[4 5] 6 14 15]", "[0 1]"), "[[4 5] 6 14 15]");
    assert_eq!(ok("[[4 5] 6 14 15]", "[0 2]"), "[4 5]");
    assert_eq!(ok("[[4 5] 6 14 15]", "[0 7]"), "[14 15]");
    assert_eq!(ok("[[4 5] 6 14 15]", "[0 15]"), "15");
    assert_eq!(crash("[[4 5] 6 14 15]", "[0 0]"), Mote::Exit);
    assert_eq!(crash("[[4 5] 6 14 15]", "[0 8]"), Mote::Exit);
    assert_eq!(crash("42", "[0 2]"), Mote::Exit);
    // An axis beyond 2^64 walks 64 levels: fine when the path exists, a
    // crash when it does not.
    assert_eq!(crash("[1 2]", "[0 18446744073709551616]"), Mote::Exit);
    assert_eq!(crash("1", "[0 [1 2]]"), Mote::Exit);
}

#[test]
fn rule_1_constant() {
    assert_eq!(ok("0", "[1 [1 2] 3]"), "[[1 2] 3]");
    assert_eq!(
        ok("0", "[1 340282366920938463463374607431768211456]"),
        "340282366920938463463374607431768211456"
    );
}

#[test]
fn rule_2_evaluate() {
    assert_eq!(ok("[5 6]", "[2 [0 1] [1 0 3]]"), "6");
    assert_eq!(ok("[5 6]", "[2 [1 7 8] [1 [0 2]]]"), "7");
    assert_eq!(crash("[5 6]", "[2 [0 1] [1 99]]"), Mote::Exit);
}

#[test]
fn rule_3_cell_test() {
    assert_eq!(ok("[1 2]", "[3 0 1]"), "0");
    assert_eq!(ok("7", "[3 0 1]"), "1");
}

#[test]
fn rule_4_increment() {
    assert_eq!(ok("41", "[4 0 1]"), "42");
    assert_eq!(ok("9223372036854775807", "[4 0 1]"), "9223372036854775808");
    assert_eq!(
        ok("18446744073709551615", "[4 0 1]"),
        "18446744073709551616"
    );
    assert_eq!(
        ok("340282366920938463463374607431768211455", "[4 0 1]"),
        "340282366920938463463374607431768211456"
    );
    assert_eq!(crash("[1 2]", "[4 0 1]"), Mote::Exit);
}

#[test]
fn rule_5_equality() {
    assert_eq!(ok("[[1 2] 1 2]", "[5 [0 2] 0 3]"), "0");
    assert_eq!(ok("[[1 2] 1 3]", "[5 [0 2] 0 3]"), "1");
    assert_eq!(
        ok(
            "[18446744073709551616 18446744073709551616]",
            "[5 [0 2] 0 3]"
        ),
        "0"
    );
    assert_eq!(ok("[1 [1 2]]", "[5 [0 2] 0 3]"), "1");
}

#[test]
fn rule_6_if_is_lazy() {
    assert_eq!(ok("0", "[6 [1 0] [1 11] [1 12]]"), "11");
    assert_eq!(ok("0", "[6 [1 1] [1 11] [1 12]]"), "12");
    // The untaken branch is not even a formula.
    assert_eq!(ok("0", "[6 [1 0] [1 11] 99]"), "11");
    assert_eq!(ok("0", "[6 [1 1] [99 99] [1 12]]"), "12");
    assert_eq!(crash("0", "[6 [1 2] [1 11] [1 12]]"), Mote::Exit);
    assert_eq!(crash("0", "[6 [1 [0 0]] [1 11] [1 12]]"), Mote::Exit);
    assert_eq!(crash("0", "[6 [1 0] [1 11]]"), Mote::Exit);
}

#[test]
fn rule_7_compose() {
    assert_eq!(ok("[5 6]", "[7 [0 3] [4 0 1]]"), "7");
    assert_eq!(ok("[5 6]", "[[7 [0 3] [4 0 1]] [0 2]]"), "[7 5]");
}

#[test]
fn rule_8_push() {
    assert_eq!(ok("5", "[8 [4 0 1] [0 1]]"), "[6 5]");
    assert_eq!(ok("5", "[[8 [4 0 1] [0 2]] [0 1]]"), "[6 5]");
}

#[test]
fn rule_9_arm() {
    // core [battery payload]; arm 2 = battery = [0 3] → payload
    assert_eq!(ok("0", "[9 2 [1 [0 3] 42]]"), "42");
    // axis 1: the whole core is the formula
    assert_eq!(ok("0", "[9 1 [1 [0 1]]]"), "[0 1]");
    assert_eq!(crash("0", "[9 0 [1 [0 1]]]"), Mote::Exit);
    assert_eq!(crash("0", "[9 4 [1 [0 1]]]"), Mote::Exit);
}

#[test]
fn rule_10_edit() {
    assert_eq!(ok("[1 2 3]", "[10 [2 [1 9]] [0 1]]"), "[9 2 3]");
    assert_eq!(ok("[1 2 3]", "[10 [7 [1 9]] [0 1]]"), "[1 2 9]");
    assert_eq!(ok("[1 2 3]", "[10 [1 [1 9]] [0 1]]"), "9");
    assert_eq!(crash("[1 2 3]", "[10 [0 [1 9]] [0 1]]"), Mote::Exit);
    assert_eq!(crash("[1 2 3]", "[10 [4 [1 9]] [0 1]]"), Mote::Exit);
    assert_eq!(crash("[1 2 3]", "[10 [2 [0 0]] [0 1]]"), Mote::Exit);
    assert_eq!(
        crash("[1 2 3]", "[10 [18446744073709551616 [1 9]] [0 1]]"),
        Mote::Exit
    );
}

#[test]
fn rule_11_hints() {
    // static hint: ignored
    assert_eq!(ok("5", "[11 %foo [4 0 1]]"), "6");
    // dynamic hint: the clue is evaluated (a crash there is a crash)...
    assert_eq!(ok("5", "[11 [%foo [1 0]] [4 0 1]]"), "6");
    assert_eq!(crash("5", "[11 [%foo [0 2]] [4 0 1]]"), Mote::Exit);
    // ... even for the hints with a meaning.
    assert_eq!(crash("5", "[11 [%spot [0 2]] [4 0 1]]"), Mote::Exit);
    assert_eq!(crash("5", "[11 [%memo [0 2]] [4 0 1]]"), Mote::Exit);
    assert_eq!(ok("5", "[11 [%memo [1 0]] [4 0 1]]"), "6");
    assert_eq!(ok("5", "[11 [%slog [1 0 0]] [4 0 1]]"), "6");
}

#[test]
fn rule_12_scry_needs_a_gate() {
    assert_eq!(crash("0", "[12 [1 0] [1 0]]"), Mote::Exit);
}

#[test]
fn autocons_and_invalid_opcodes() {
    assert_eq!(ok("[1 2]", "[[0 3] [0 2]]"), "[2 1]");
    assert_eq!(crash("0", "[13 0]"), Mote::Exit);
    assert_eq!(crash("0", "[99 0]"), Mote::Exit);
    assert_eq!(crash("0", "5"), Mote::Exit);
    assert_eq!(crash("0", "[2 0]"), Mote::Exit);
}
