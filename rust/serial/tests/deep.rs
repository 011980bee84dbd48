//! Deep and heavily shared nouns: jam and cue must be iterative and linear.

use mars_noun::{mug, noun_eq, Heap, Noun};
use mars_serial::{cue, jam};

const DEPTH: u64 = 1_000_000;

/// Run `f` on a thread with a small stack, so any recursion shows up.
fn small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no stack overflow or panic");
}

fn round_trip(heap: &mut Heap, n: Noun) {
    let bytes = jam(n);
    let back = cue(heap, &bytes).expect("cue");
    assert!(noun_eq(back, n));
    assert_eq!(mug(back), mug(n));
    assert!(jam(back) == bytes);
}

#[test]
fn left_nest() {
    small_stack(|| {
        let mut heap = Heap::with_defaults().expect("heap");
        let mut n = Noun::ZERO;
        for i in 0..DEPTH {
            n = heap.cell(n, Noun::direct(i));
        }
        round_trip(&mut heap, n);
    });
}

#[test]
fn right_nest() {
    small_stack(|| {
        let mut heap = Heap::with_defaults().expect("heap");
        let mut n = Noun::ZERO;
        for i in 0..DEPTH {
            n = heap.cell(Noun::direct(i), n);
        }
        round_trip(&mut heap, n);
    });
}

#[test]
fn long_list_of_equal_cells() {
    // A list whose elements are equal but separately built: all but the first
    // become backreferences. The mugs of its suffixes cycle (a 31-bit hash
    // iterated 200 000 times), so suffixes with equal mugs abound: jam must
    // not compare them all the way down.
    small_stack(|| {
        let mut heap = Heap::with_defaults().expect("heap");
        let mut n = Noun::ZERO;
        for _ in 0..200_000 {
            let x = heap.cell(Noun::direct(1234), Noun::direct(5678));
            n = heap.cell(x, n);
        }
        round_trip(&mut heap, n);
    });
}

#[test]
fn shared_copies_stay_linear() {
    // Two separately built copies of a noun with 2^400 leaves as a tree but
    // 400 cells as a DAG: the second copy is one backreference, found without
    // walking the tree.
    let mut heap = Heap::with_defaults().expect("heap");
    let doubling = |heap: &mut Heap| {
        let mut n = Noun::direct(99);
        for _ in 0..400 {
            n = heap.cell(n, n);
        }
        n
    };
    let a = doubling(&mut heap);
    let b = doubling(&mut heap);
    let both = heap.cell(a, b);
    let bytes = jam(both);
    assert!(bytes.len() < 2000, "{} bytes", bytes.len());
    let back = cue(&mut heap, &bytes).expect("cue");
    assert_eq!(mug(back), mug(both));
    assert!(jam(back) == bytes);
    // Equal subtrees come back identical.
    let (h, t) = back.cell_parts().expect("cell");
    assert!(h.same(t));
}
