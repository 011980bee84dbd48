//! `%fast` registration, matching and binding, with a test jet for an
//! a50-style `dec` (the shape of Ares' `decfast` test).

mod common;

use common::{parse, runtime, DEC};
use mars_nock::{HotEntry, HotTable, JetError, Runtime};
use mars_noun::{Generation, Noun};

/// The jet: the sample (axis 6) minus one; crash on 0; punt on big atoms.
fn dec_jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let n = core.slot_u64(6).ok_or(JetError::Exit)?;
    match n.as_u64() {
        Some(0) => Err(JetError::Exit),
        Some(v) => Ok(rt.heap.atom_u64(v - 1)),
        None => Err(JetError::Punt),
    }
}

fn hot() -> HotTable {
    HotTable::new(&[HotEntry {
        path: "a50/dec",
        axis: 2,
        jet: dec_jet,
    }])
}

/// Root R = [[arm] 50] registered as `a50`; its arm 2 builds the gate
/// `[[7 [0 6] DEC] [0 R]]` registered as `dec` with parent axis 7.
fn gate_builder(fast: bool) -> String {
    let gbat = format!("[7 [0 6] {DEC}]");
    let make_gate = format!("[[1 {gbat}] [[1 0] [0 1]]]");
    let arm = if fast {
        format!("[11 [%fast [1 %dec [0 7] 0]] {make_gate}]")
    } else {
        make_gate
    };
    let root = format!("[{arm} 50]");
    if fast {
        format!("[11 [%fast [1 [%a 50] [1 0] 0]] [1 {root}]]")
    } else {
        format!("[1 {root}]")
    }
}

/// The gate `[[7 [0 6] DEC] [0 R]]` slammed with `n`, built by plain
/// autocons (no hint runs), with R's battery as the `%fast` version has it.
fn call_direct(n: &str) -> String {
    let gbat = format!("[7 [0 6] {DEC}]");
    let make_gate = format!("[[1 {gbat}] [[1 0] [0 1]]]");
    let arm = format!("[11 [%fast [1 %dec [0 7] 0]] {make_gate}]");
    let root = format!("[{arm} 50]");
    format!("[7 [[1 {gbat}] [[1 0] [1 {root}]]] [9 2 10 [6 [1 {n}]] 0 1]]")
}

/// `(dec n)` through the gate.
fn call(fast: bool, n: &str) -> String {
    format!(
        "[7 {} [8 [9 2 0 1] [9 2 10 [6 [1 {n}]] 0 2]]]",
        gate_builder(fast)
    )
}

fn run(rt: &mut Runtime, formula: &str) -> Result<String, mars_nock::Mote> {
    let f = parse(rt, formula);
    rt.nock(Noun::ZERO, f)
        .map(|p| mars_noun::fmt::render(p, 100))
        .map_err(|b| b.mote())
}

#[test]
fn fast_registered_decrement_of_two_billion_is_jetted() {
    let mut rt = runtime();
    rt.install_hot(hot());
    rt.set_jet_stats(true);
    assert_eq!(
        run(&mut rt, &call(true, "2000000000")).as_deref(),
        Ok("1999999999")
    );
    let paths: Vec<&str> = rt.cold().paths().collect();
    assert_eq!(paths, vec!["a50", "a50/dec"]);
    let stats = rt.jet_stats().expect("stats");
    assert_eq!(stats.by_path.get("a50/dec").map(|s| s.0), Some(1));
}

#[test]
fn unregistered_twin_runs_nock_and_agrees() {
    // Small n: the unjetted version is unary.
    let mut jetted = runtime();
    jetted.install_hot(hot());
    let mut plain = runtime();
    plain.install_hot(hot());
    for n in ["1", "2", "1000", "123457"] {
        let a = run(&mut jetted, &call(true, n));
        let b = run(&mut plain, &call(false, n));
        assert_eq!(a, b, "n = {n}");
    }
    assert!(plain.cold().is_empty(), "no %fast, nothing registered");
    // dec 0 crashes in both.
    assert_eq!(
        run(&mut jetted, &call(true, "0")),
        Err(mars_nock::Mote::Exit)
    );
}

#[test]
fn jets_can_be_switched_off() {
    let mut rt = runtime();
    rt.install_hot(hot());
    rt.set_jets_enabled(false);
    rt.set_jet_stats(true);
    assert_eq!(run(&mut rt, &call(true, "100000")).as_deref(), Ok("99999"));
    assert!(rt.jet_stats().expect("stats").by_path.is_empty());
}

#[test]
fn cold_state_survives_collection_and_restore() {
    let mut rt = runtime();
    rt.install_hot(hot());
    assert_eq!(run(&mut rt, &call(true, "5")).as_deref(), Ok("4"));
    rt.collect(Generation::Major);
    assert_eq!(
        run(&mut rt, &call(true, "2000000000")).as_deref(),
        Ok("1999999999")
    );

    // Save the cold state, restore it into a fresh runtime, and call the
    // gate without running the registering hints.
    let saved = rt.cold_noun();
    let bytes = mars_serial::jam(saved);
    let mut fresh = runtime();
    fresh.install_hot(hot());
    let saved = mars_serial::cue(&mut fresh.heap, &bytes).expect("cue");
    assert!(fresh.restore_cold(saved));
    fresh.set_jet_stats(true);
    // The same root and gate, built without running any hint: located by
    // the restored registrations alone.
    assert_eq!(
        run(&mut fresh, &call_direct("2000000000")).as_deref(),
        Ok("1999999999")
    );
    assert_eq!(fresh.cold().registrations, 0, "no %fast hint ran");
    assert_eq!(
        fresh
            .jet_stats()
            .expect("stats")
            .by_path
            .get("a50/dec")
            .map(|s| s.0),
        Some(1)
    );
}

#[test]
fn failed_registrations_can_be_dropped() {
    let mut rt = runtime();
    rt.install_hot(hot());
    let before = rt.cold_len();
    // Register, then crash in the same computation.
    let f = format!("[7 {} [0 0]]", gate_builder(true));
    assert!(run(&mut rt, &f).is_err());
    assert_eq!(
        rt.cold_len(),
        before + 1,
        "the root registered before the crash"
    );
    rt.truncate_cold(before);
    assert!(rt.cold().is_empty());
}

#[test]
fn bad_clues_are_ignored() {
    let mut rt = runtime();
    rt.install_hot(hot());
    for clue in [
        "[1 0]",
        "[1 [%a 50] [0 0] 0]",
        "[1 [%a 50] [2 0 0] 0]",
        "[1 [[1 2] 3] [1 0] 0]",
    ] {
        let f = format!("[11 [%fast {clue}] [1 [[0 1] 50]]]");
        assert!(run(&mut rt, &f).is_ok(), "{clue}");
    }
    // A child whose parent is not registered is ignored too.
    let f = "[11 [%fast [1 %dec [0 7] 0]] [1 [[0 1] 0 5]]]";
    assert!(run(&mut rt, f).is_ok());
    assert!(rt.cold().is_empty());
}

/// A `dec` jet that recurses through Nock: `(dec n)` is `+((dec (dec n)))`
/// computed by pulling its own gate again, so each level nests native
/// frames (jet, `Runtime::nock`, the interpreter).
fn nesting_dec_jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let n = core
        .slot_u64(6)
        .and_then(|n| n.as_u64())
        .ok_or(JetError::Punt)?;
    if n < 2 {
        return dec_jet(rt, core);
    }
    let (battery, payload) = core.cell_parts().ok_or(JetError::Exit)?;
    let context = payload.cell_parts().ok_or(JetError::Exit)?.1;
    let sample = rt.heap.atom_u64(n - 1);
    let payload = rt.heap.cell(sample, context);
    let smaller = rt.heap.cell(battery, payload);
    let pull = parse(rt, "[9 2 0 1]");
    let below = rt.nock(smaller, pull)?;
    Ok(rt.heap.atom_u64(below.as_u64().ok_or(JetError::Exit)? + 1))
}

#[test]
fn jets_nested_past_the_native_stack_fall_back_to_nock() {
    // 100,000 nested jet calls need far more than this thread's 512 KiB:
    // past the reserve the arm runs as Nock instead, and the answer is the
    // same.
    let worker = std::thread::Builder::new()
        .stack_size(512 << 10)
        .spawn(|| {
            let mut rt = runtime();
            rt.install_hot(HotTable::new(&[HotEntry {
                path: "a50/dec",
                axis: 2,
                jet: nesting_dec_jet,
            }]));
            run(&mut rt, &call(true, "100000"))
        })
        .expect("thread");
    assert_eq!(worker.join().expect("no overflow").as_deref(), Ok("99999"));
}

/// A wrong `dec`: off by one more.
fn wrong_dec_jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let n = core
        .slot_u64(6)
        .and_then(|n| n.as_u64())
        .ok_or(JetError::Punt)?;
    Ok(rt.heap.atom_u64(n.saturating_sub(2)))
}

#[test]
fn jet_check_reports_a_jet_that_differs_from_its_nock() {
    let mut rt = runtime();
    rt.install_hot(HotTable::new(&[HotEntry {
        path: "a50/dec",
        axis: 2,
        jet: wrong_dec_jet,
    }]));
    rt.set_jet_check(Some(vec!["a50/dec".to_string()]));
    // The jet's product stands; the difference is counted.
    assert_eq!(run(&mut rt, &call(true, "10")).as_deref(), Ok("8"));
    assert_eq!(rt.jet_mismatches(), 1);
    // A correct jet is not reported.
    rt.install_hot(hot());
    assert_eq!(run(&mut rt, &call(true, "10")).as_deref(), Ok("9"));
    assert_eq!(rt.jet_mismatches(), 1);
}

#[test]
fn located_cores_are_forgotten_when_nouns_move() {
    // A core is matched once per collection period by its address; after a
    // collection that address may hold another noun, which must be located
    // afresh.
    let mut rt = runtime();
    rt.install_hot(hot());
    let pull = format!("[7 {} [9 2 0 1]]", gate_builder(true));
    let f = parse(&mut rt, &pull);
    let gate = rt.nock(Noun::ZERO, f).expect("builds the gate");
    let (battery, payload) = gate.cell_parts().expect("a gate");
    let context = payload.cell_parts().expect("a payload").1;
    let kept = [rt.keep(battery), rt.keep(context)];
    rt.collect(Generation::Minor);
    rt.collect(Generation::Minor);
    let (battery, context) = (rt.root(kept[0]), rt.root(kept[1]));
    // First allocations of a fresh nursery: the real gate...
    let payload = rt.heap.cell(Noun::direct(5), context);
    let real = rt.heap.cell(battery, payload);
    assert!(rt.cold().jet(&rt.heap, real, 2).is_some());
    let real_word = real.raw();
    rt.collect(Generation::Minor);
    let battery = rt.root(kept[0]);
    // ...then, at the same address, a core with the same battery and a
    // context that was never registered.
    let payload = rt.heap.cell(Noun::direct(5), Noun::ZERO);
    let fake = rt.heap.cell(battery, payload);
    assert_eq!(fake.raw(), real_word, "the nursery reused the address");
    assert!(rt.cold().jet(&rt.heap, fake, 2).is_none());
}
