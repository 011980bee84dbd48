//! Real pills: cue each one, check its mug (nouns.md §1.2), and jam it back
//! to the identical file.

use std::path::PathBuf;

use mars_noun::{mug, noun_eq, Heap};
use mars_serial::{cue, cue_atom, jam, jam_atom};

/// `MARS_SHARED_DIR`, or `shared/` beside the repository.
fn shared_dir() -> PathBuf {
    match std::env::var_os("MARS_SHARED_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn check_pill(name: &str, want_mug: Option<u32>) {
    let path = shared_dir().join("pills").join(name);
    let Ok(bytes) = std::fs::read(&path) else {
        println!("skipping: shared data not found at {}", path.display());
        return;
    };
    let mut heap = Heap::with_defaults().expect("heap");
    let pill = cue(&mut heap, &bytes).unwrap_or_else(|e| panic!("cue {name}: {e}"));
    if let Some(want) = want_mug {
        assert_eq!(mug(pill), want, "mug of {name}: {:#x}", mug(pill));
    }
    let again = jam(pill);
    assert_eq!(again.len(), bytes.len(), "jam of {name}: length");
    assert!(again == bytes, "jam of {name}: not byte-identical");

    // The atom forms agree with the byte forms. (The two cued copies are
    // compared by mug and jam, not `noun_eq`: they are distinct DAGs, and a
    // tree walk of a pill's DAG does not finish.)
    let atom = heap.atom_from_le_bytes(&bytes);
    let pill2 = cue_atom(&mut heap, atom.as_atom().expect("atom")).expect("cue_atom");
    assert_eq!(mug(pill2), mug(pill), "cue_atom of {name}");
    assert!(jam(pill2) == bytes, "jam of cue_atom of {name}");
    assert!(
        noun_eq(jam_atom(&mut heap, pill), atom),
        "jam_atom of {name}"
    );
}

#[test]
fn baby() {
    check_pill("baby.pill", Some(0x5471_2b14));
}

#[test]
fn toddler() {
    check_pill("toddler.pill", Some(0x1011_1137));
}

#[test]
fn ivory_2023() {
    check_pill("ivory-2023.pill", Some(0x2a22_74c9));
}

#[test]
fn brass_2023() {
    check_pill("brass-2023.pill", None);
}
