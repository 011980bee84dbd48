//! The treap algorithms the `by` (map) and `in` (set) jets share, each a
//! transliteration of its Hoon arm (`hoon.hoon` 140, sections 2h and 2i)
//! with the same comparisons in the same order, so that the product is the
//! Hoon's even on trees that are not treaps (`tests/maps.rs` checks them
//! against the ivory pill's arms on random trees of any shape).
//!
//! A tree is `~` or `[n l r]`; a set's key is `n`, a map's is `p.n` (a map
//! node must be a cell, else `%exit`). Ordering is `gor` on keys (left
//! before right) and `mor` on keys (higher priority nearer the root).
//!
//! **No Rust recursion.** Every walk keeps its pending work in a `Vec` (or,
//! across slams, in a noun list on the heap), so a hostile, degenerate tree
//! of any depth cannot overflow the stack: `uni`, `int` and `dif`, which
//! recurse twice per level in the Hoon, run as small machines with an
//! explicit continuation stack.
//!
//! **Crashes** follow vere-v3.0 (`pkg/noun/jets/d/*.c`), which bails
//! `%exit` where a node is not a cell `[n l r]` (`u3x_trel`) even in a few
//! places where the Hoon would not look at `l` or `r`; every such point is
//! noted on the function. Where vere's C is undefined (`u3r_trel` of a
//! found node in `bif`) or differs from the Hoon in its product on trees
//! that are not treaps (vere's `int:in` swaps on the opposite test), the
//! Hoon decides.

use mars_nock::JetError;
use mars_noun::{noun_eq, Heap, Noun};

use crate::order::{gor::gor, mor::mor};
use crate::util::pair;

/// Axis of the door's sample `a` in a gate or trap built by one of the
/// door's arms (`[battery [sample door]]`, the door `[battery [a context]]`
/// at axis 7): vere's `u3x_con_sam`.
pub const DOOR_SAMPLE: u64 = 30;

/// Sets (`in`) and maps (`by`): where a node's key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The node is the key.
    Set,
    /// The node is `[key value]`.
    Map,
}

impl Kind {
    /// The key of node `n` (`n`, or `p.n`: `%exit` if `n` is an atom).
    #[inline]
    pub fn key(self, n: Noun) -> Result<Noun, JetError> {
        match self {
            Kind::Set => Ok(n),
            Kind::Map => Ok(pair(n)?.0),
        }
    }
}

/// Is the tree `~`? (Exactly the atom 0, as `?~` tests it.)
#[inline]
pub fn is_null(a: Noun) -> bool {
    a.same(Noun::ZERO)
}

/// The parts of a node `[n l r]`, or `%exit` (vere's `u3x_trel`).
#[inline]
pub fn trel(a: Noun) -> Result<(Noun, Noun, Noun), JetError> {
    let (n, lr) = pair(a)?;
    let (l, r) = pair(lr)?;
    Ok((n, l, r))
}

/// The node `[n l r]`.
#[inline]
pub fn node(heap: &mut Heap, n: Noun, l: Noun, r: Noun) -> Noun {
    let lr = heap.cell(l, r);
    heap.cell(n, lr)
}

/// A node rebuilt around a subtree still being computed: the pending half
/// of `a(l X)` or `a(r X)`.
#[derive(Debug, Clone, Copy)]
pub enum Hole {
    /// `[n X r]`.
    Left(Noun, Noun),
    /// `[n l X]`.
    Right(Noun, Noun),
}

impl Hole {
    #[inline]
    fn fill(self, heap: &mut Heap, x: Noun) -> Noun {
        match self {
            Hole::Left(n, r) => node(heap, n, x, r),
            Hole::Right(n, l) => node(heap, n, l, x),
        }
    }

    /// The hole's two nouns and its side, for keeping across a slam.
    pub fn parts(self) -> (Noun, Noun, bool) {
        match self {
            Hole::Left(n, r) => (n, r, true),
            Hole::Right(n, l) => (n, l, false),
        }
    }

    /// The inverse of [`Hole::parts`].
    pub fn from_parts(n: Noun, other: Noun, left: bool) -> Hole {
        if left {
            Hole::Left(n, other)
        } else {
            Hole::Right(n, other)
        }
    }
}

/// Fill `holes`, innermost (last) first, around `x`.
pub fn fill(heap: &mut Heap, holes: &mut Vec<Hole>, mut x: Noun) -> Noun {
    while let Some(h) = holes.pop() {
        x = h.fill(heap, x);
    }
    x
}

/// The node of `a` whose key is `b` (`get`, `has`), found as the Hoon
/// walks: a node must be a cell (a map node too), its tail a cell only if
/// the search goes on below it (vere's `u3qdb_get`, `u3qdi_has`).
pub fn find(kind: Kind, mut a: Noun, b: Noun) -> Result<Option<Noun>, JetError> {
    loop {
        if is_null(a) {
            return Ok(None);
        }
        let (n, lr) = pair(a)?;
        let k = kind.key(n)?;
        if noun_eq(b, k) {
            return Ok(Some(n));
        }
        let (l, r) = pair(lr)?;
        a = if gor(b, k) { l } else { r };
    }
}

/// `~(put in a) b` (`c` unused) or `~(put by a) b c`: insert, then rotate
/// on the way up wherever `mor` puts the new node above its parent. A key
/// already present leaves a set alone, and a map alone if the value is the
/// same (the very noun `a` is returned); else the map node becomes `[b c]`.
///
/// Crashes: a map node must be `[[p q] l r]` even where the key is found
/// (vere's `u3qdb_put`; the Hoon would not look at `l r` there); a set
/// node's tail must be a cell only below a miss (`u3qdi_put`).
pub fn put(heap: &mut Heap, kind: Kind, a: Noun, b: Noun, c: Noun) -> Result<Noun, JetError> {
    // The path down: each node with the side the new key went.
    let mut path: Vec<(Noun, Noun, Noun, bool)> = Vec::new();
    let mut cur = a;
    let mut d = loop {
        if is_null(cur) {
            let n = match kind {
                Kind::Set => b,
                Kind::Map => heap.cell(b, c),
            };
            break node(heap, n, Noun::ZERO, Noun::ZERO);
        }
        let (n, l, r, k) = match kind {
            Kind::Map => {
                let (n, l, r) = trel(cur)?;
                let (p, q) = pair(n)?;
                if noun_eq(b, p) {
                    if noun_eq(c, q) {
                        break cur;
                    }
                    let n = heap.cell(b, c);
                    break node(heap, n, l, r);
                }
                (n, l, r, p)
            }
            Kind::Set => {
                let (n, lr) = pair(cur)?;
                if noun_eq(b, n) {
                    break cur;
                }
                let (l, r) = pair(lr)?;
                (n, l, r, n)
            }
        };
        let left = gor(b, k);
        path.push((n, l, r, left));
        cur = if left { l } else { r };
    };
    while let Some((n, l, r, left)) = path.pop() {
        // `?>  ?=(^ d)`, then `(mor p.n.a p.n.d)`.
        let (nd, lrd) = pair(d)?;
        d = if mor(kind.key(n)?, kind.key(nd)?) {
            if left {
                node(heap, n, d, r)
            } else {
                node(heap, n, l, d)
            }
        } else {
            // Rotate: `d(r a(l r.d))` or `d(l a(r l.d))`.
            let (ld, rd) = pair(lrd)?;
            if left {
                let t = node(heap, n, rd, r);
                node(heap, nd, ld, t)
            } else {
                let t = node(heap, n, l, ld);
                node(heap, nd, t, rd)
            }
        };
    }
    Ok(d)
}

/// `~(del in a) b` or `~(del by a) b`: remove the node with key `b`, then
/// sink it (`mor` of its children's keys decides which child rises) until
/// a side is empty. Every node on the way must be `[n l r]` (vere's
/// `u3qdi_del`; `u3qdb_del` checks the tail only where it looks at it, to
/// the same effect), and while sinking both children must be (vere's
/// `_rebalance`; the Hoon would not look at the sinking side's tail).
pub fn del(heap: &mut Heap, kind: Kind, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let mut holes = Vec::new();
    let mut cur = a;
    let out = loop {
        if is_null(cur) {
            break Noun::ZERO;
        }
        let (n, l, r) = trel(cur)?;
        let k = kind.key(n)?;
        if noun_eq(b, k) {
            break sink(kind, l, r, &mut holes)?;
        }
        if gor(b, k) {
            holes.push(Hole::Left(n, r));
            cur = l;
        } else {
            holes.push(Hole::Right(n, l));
            cur = r;
        }
    };
    Ok(fill(heap, &mut holes, out))
}

/// The inner loop of `del`: the tree `[n l r]` without `n` (the children
/// `l` and `r`), leaving the
/// rebuilt nodes above it in `holes`.
fn sink(kind: Kind, mut l: Noun, mut r: Noun, holes: &mut Vec<Hole>) -> Result<Noun, JetError> {
    loop {
        if is_null(l) {
            return Ok(r);
        }
        if is_null(r) {
            return Ok(l);
        }
        let (nl, ll, rl) = trel(l)?;
        let (nr, lr, rr) = trel(r)?;
        if mor(kind.key(nl)?, kind.key(nr)?) {
            // `l.a(r $(l.a r.l.a))`
            holes.push(Hole::Right(nl, ll));
            l = rl;
        } else {
            // `r.a(l $(r.a l.r.a))`
            holes.push(Hole::Left(nr, rr));
            r = lr;
        }
    }
}

/// `bif`: split `a` at the key `b` (`=<  +` of the tree with `b` put at its
/// root, by the same rotations as `put`). Returns that tree's tail: `[l r]`,
/// or, if `b` is the root of `a`, the root's tail whatever it is (the Hoon
/// returns `+.a`; vere's `u3qdi_bif` reads it as a trel). Lazy like the
/// Hoon: a node's tail must be a cell only below a miss, or where a
/// rotation takes it apart.
///
/// Used by `in/bif` and by `dif`; `by/dif` calls the map `bif` of Hoon 140
/// (`[b c]`), whose root value `dif` throws away, so the key alone splits.
pub fn bif(heap: &mut Heap, kind: Kind, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let mut path: Vec<(Noun, Noun, Noun, bool)> = Vec::new();
    let mut cur = a;
    let mut c = loop {
        if is_null(cur) {
            break node(heap, b, Noun::ZERO, Noun::ZERO);
        }
        let (n, lr) = pair(cur)?;
        let k = kind.key(n)?;
        if noun_eq(b, k) {
            break cur;
        }
        let (l, r) = pair(lr)?;
        let left = gor(b, k);
        path.push((n, l, r, left));
        cur = if left { l } else { r };
    };
    while let Some((n, l, r, left)) = path.pop() {
        let (nc, lrc) = pair(c)?;
        let (lc, rc) = pair(lrc)?;
        c = if left {
            // `c(r a(l r.c))`
            let t = node(heap, n, rc, r);
            node(heap, nc, lc, t)
        } else {
            // `c(l a(r l.c))`
            let t = node(heap, n, l, lc);
            node(heap, nc, t, rc)
        };
    }
    Ok(pair(c)?.1)
}

/// The merge at the end of `dif`: `d` and `e` (every key of `d` before
/// every key of `e`) joined along `d`'s right and `e`'s left spines.
fn join(heap: &mut Heap, kind: Kind, mut d: Noun, mut e: Noun) -> Result<Noun, JetError> {
    let mut holes = Vec::new();
    let out = loop {
        if is_null(d) {
            break e;
        }
        if is_null(e) {
            break d;
        }
        let (nd, lrd) = pair(d)?;
        let (ne, lre) = pair(e)?;
        if mor(kind.key(nd)?, kind.key(ne)?) {
            // `d(r $(d r.d))`
            let (ld, rd) = pair(lrd)?;
            holes.push(Hole::Right(nd, ld));
            d = rd;
        } else {
            // `e(l $(e l.e))`
            let (le, re) = pair(lre)?;
            holes.push(Hole::Left(ne, re));
            e = le;
        }
    };
    Ok(fill(heap, &mut holes, out))
}

/// One step of a recursion run as a machine: a call to make, or a result
/// to hand to the innermost pending frame.
enum Step {
    Call(Noun, Noun),
    Ret(Noun),
}

/// `~(dif in a) b`, `~(dif by a) b`: `a` without the keys of `b`. Each
/// node of `b` splits `a` (`bif`), the halves are differenced with `b`'s
/// subtrees, and the results joined. Every node of `b` must be `[n l r]`.
pub fn dif(heap: &mut Heap, kind: Kind, a: Noun, b: Noun) -> Result<Noun, JetError> {
    enum K {
        /// Left half done: difference the right halves next.
        Left { rc: Noun, rb: Noun },
        /// Both done: join.
        Right { d: Noun },
    }
    let mut stack: Vec<K> = Vec::new();
    let mut step = Step::Call(a, b);
    loop {
        step = match step {
            Step::Call(a, b) => {
                if is_null(b) {
                    Step::Ret(a)
                } else {
                    let (nb, lb, rb) = trel(b)?;
                    let split = bif(heap, kind, a, kind.key(nb)?)?;
                    // `?>  ?=(^ c)`
                    let (lc, rc) = pair(split)?;
                    stack.push(K::Left { rc, rb });
                    Step::Call(lc, lb)
                }
            }
            Step::Ret(v) => match stack.pop() {
                None => return Ok(v),
                Some(K::Left { rc, rb }) => {
                    stack.push(K::Right { d: v });
                    Step::Call(rc, rb)
                }
                Some(K::Right { d }) => Step::Ret(join(heap, kind, d, v)?),
            },
        };
    }
}

/// `~(uni in a) b`, `~(uni by a) b`: the union, `b`'s node where both
/// have a key. The set arm first returns `a` if `a` and `b` are equal (the
/// map arm has no such test). Every node reached must be `[n l r]`.
pub fn uni(heap: &mut Heap, kind: Kind, a: Noun, b: Noun) -> Result<Noun, JetError> {
    if kind == Kind::Set && noun_eq(a, b) {
        return Ok(a);
    }
    enum K {
        /// Equal roots, left done: the right subtrees next.
        EqL { n: Noun, ra: Noun, rb: Noun },
        /// Equal roots, both done.
        EqR { n: Noun, l: Noun },
        /// `$(l.a X, b b)`
        La { na: Noun, ra: Noun, b: Noun },
        /// `$(r.a X, b b)`
        Ra { na: Noun, la: Noun, b: Noun },
        /// `$(l.b X, a a)`
        Lb { nb: Noun, rb: Noun, a: Noun },
        /// `$(r.b X, a a)`
        Rb { nb: Noun, lb: Noun, a: Noun },
    }
    let mut stack: Vec<K> = Vec::new();
    let mut step = Step::Call(a, b);
    loop {
        step = match step {
            Step::Call(a, b) => {
                if is_null(b) {
                    Step::Ret(a)
                } else if is_null(a) {
                    Step::Ret(b)
                } else {
                    let (na, la, ra) = trel(a)?;
                    let (nb, lb, rb) = trel(b)?;
                    let (ka, kb) = (kind.key(na)?, kind.key(nb)?);
                    if noun_eq(kb, ka) {
                        stack.push(K::EqL { n: nb, ra, rb });
                        Step::Call(la, lb)
                    } else if mor(ka, kb) {
                        if gor(kb, ka) {
                            // `$(l.a $(a l.a, r.b ~), b r.b)`
                            stack.push(K::La { na, ra, b: rb });
                            let t = node(heap, nb, lb, Noun::ZERO);
                            Step::Call(la, t)
                        } else {
                            // `$(r.a $(a r.a, l.b ~), b l.b)`
                            stack.push(K::Ra { na, la, b: lb });
                            let t = node(heap, nb, Noun::ZERO, rb);
                            Step::Call(ra, t)
                        }
                    } else if gor(ka, kb) {
                        // `$(l.b $(b l.b, r.a ~), a r.a)`
                        stack.push(K::Lb { nb, rb, a: ra });
                        let t = node(heap, na, la, Noun::ZERO);
                        Step::Call(t, lb)
                    } else {
                        // `$(r.b $(b r.b, l.a ~), a l.a)`
                        stack.push(K::Rb { nb, lb, a: la });
                        let t = node(heap, na, Noun::ZERO, ra);
                        Step::Call(t, rb)
                    }
                }
            }
            Step::Ret(v) => match stack.pop() {
                None => return Ok(v),
                Some(K::EqL { n, ra, rb }) => {
                    stack.push(K::EqR { n, l: v });
                    Step::Call(ra, rb)
                }
                Some(K::EqR { n, l }) => Step::Ret(node(heap, n, l, v)),
                Some(K::La { na, ra, b }) => Step::Call(node(heap, na, v, ra), b),
                Some(K::Ra { na, la, b }) => Step::Call(node(heap, na, la, v), b),
                Some(K::Lb { nb, rb, a }) => Step::Call(a, node(heap, nb, v, rb)),
                Some(K::Rb { nb, lb, a }) => Step::Call(a, node(heap, nb, lb, v)),
            },
        };
    }
}

/// `~(int in a) b`, `~(int by a) b`: the intersection. The set arm swaps
/// `a` and `b` until `a`'s root has priority and keeps `a`'s node on equal
/// keys; the map arm branches on priority and keeps `b`'s node. Split
/// halves are joined with `uni` (the arm, with its test for equal sets).
/// Every node reached must be `[n l r]`.
pub fn int(heap: &mut Heap, kind: Kind, a: Noun, b: Noun) -> Result<Noun, JetError> {
    enum K {
        /// Equal keys, left done: the right subtrees next.
        EqL { n: Noun, ra: Noun, rb: Noun },
        /// Equal keys, both done.
        EqR { n: Noun, l: Noun },
        /// First half done: intersect `a` and `b` next.
        UniA { a: Noun, b: Noun },
        /// Both halves done: their union.
        UniB { first: Noun },
    }
    let mut stack: Vec<K> = Vec::new();
    let mut step = Step::Call(a, b);
    loop {
        step = match step {
            Step::Call(a, b) => {
                if is_null(b) || is_null(a) {
                    Step::Ret(Noun::ZERO)
                } else {
                    let (na, la, ra) = trel(a)?;
                    let (nb, lb, rb) = trel(b)?;
                    let (ka, kb) = (kind.key(na)?, kind.key(nb)?);
                    match kind {
                        Kind::Set => {
                            // `?.  (mor n.a n.b)  $(a b, b a)`: once is
                            // enough, as `mor` is total.
                            let ((a, na, la, ra, ka), (nb, lb, rb, kb)) = if mor(ka, kb) {
                                ((a, na, la, ra, ka), (nb, lb, rb, kb))
                            } else {
                                ((b, nb, lb, rb, kb), (na, la, ra, ka))
                            };
                            if noun_eq(kb, ka) {
                                // `a(l $(a l.a, b l.b), r $(a r.a, b r.b))`
                                stack.push(K::EqL { n: na, ra, rb });
                                Step::Call(la, lb)
                            } else if gor(kb, ka) {
                                // `%-  uni(a $(a l.a, r.b ~))  $(b r.b)`
                                stack.push(K::UniA { a, b: rb });
                                let t = node(heap, nb, lb, Noun::ZERO);
                                Step::Call(la, t)
                            } else {
                                // `%-  uni(a $(a r.a, l.b ~))  $(b l.b)`
                                stack.push(K::UniA { a, b: lb });
                                let t = node(heap, nb, Noun::ZERO, rb);
                                Step::Call(ra, t)
                            }
                        }
                        Kind::Map => {
                            if mor(ka, kb) {
                                if noun_eq(kb, ka) {
                                    stack.push(K::EqL { n: nb, ra, rb });
                                    Step::Call(la, lb)
                                } else if gor(kb, ka) {
                                    stack.push(K::UniA { a, b: rb });
                                    let t = node(heap, nb, lb, Noun::ZERO);
                                    Step::Call(la, t)
                                } else {
                                    stack.push(K::UniA { a, b: lb });
                                    let t = node(heap, nb, Noun::ZERO, rb);
                                    Step::Call(ra, t)
                                }
                            } else if noun_eq(ka, kb) {
                                // `b(l $(b l.b, a l.a), r $(b r.b, a r.a))`
                                stack.push(K::EqL { n: nb, ra, rb });
                                Step::Call(la, lb)
                            } else if gor(ka, kb) {
                                // `%-  uni(a $(b l.b, r.a ~))  $(a r.a)`
                                stack.push(K::UniA { a: ra, b });
                                let t = node(heap, na, la, Noun::ZERO);
                                Step::Call(t, lb)
                            } else {
                                // `%-  uni(a $(b r.b, l.a ~))  $(a l.a)`
                                stack.push(K::UniA { a: la, b });
                                let t = node(heap, na, Noun::ZERO, ra);
                                Step::Call(t, rb)
                            }
                        }
                    }
                }
            }
            Step::Ret(v) => match stack.pop() {
                None => return Ok(v),
                Some(K::EqL { n, ra, rb }) => {
                    stack.push(K::EqR { n, l: v });
                    Step::Call(ra, rb)
                }
                Some(K::EqR { n, l }) => Step::Ret(node(heap, n, l, v)),
                Some(K::UniA { a, b }) => {
                    stack.push(K::UniB { first: v });
                    Step::Call(a, b)
                }
                Some(K::UniB { first }) => Step::Ret(uni(heap, kind, first, v)?),
            },
        };
    }
}

/// A bound of `apt`: the trap's own sample (a `(unit)`, `~` when the arm
/// is pulled as usual), or a key the walk passed down (`` `p.n.a ``).
#[derive(Debug, Clone, Copy)]
pub enum Bound {
    Unit(Noun),
    Key(Noun),
}

impl Bound {
    /// `~` is none, `[~ u]` is `u`; any other atom crashes (`u.l`).
    fn get(self) -> Result<Option<Noun>, JetError> {
        match self {
            Bound::Key(k) => Ok(Some(k)),
            Bound::Unit(u) if is_null(u) => Ok(None),
            Bound::Unit(u) => Ok(Some(pair(u)?.1)),
        }
    }
}

/// `apt`: is `a` a treap, every key strictly between the bounds `l` and
/// `r` by `gor`, and every child below its parent by `mor`? `strict` adds
/// the `!=` tests (`by/apt`, and `in/apt` as the pill has it; an earlier
/// text of Hoon 140's `in/apt`, and vere's `u3wdi_apt_140`, have none).
/// Checks run in the Hoon's order (a node's bounds, its left child and
/// subtree, its right child and subtree) and stop at the first failure.
/// Each node reached must be `[n l r]` (a map node a cell) before anything
/// is compared (vere's `_by_apt`, `_in_apt`).
pub fn apt(kind: Kind, strict: bool, a: Noun, l: Bound, r: Bound) -> Result<bool, JetError> {
    enum Task {
        Node(Noun, Bound, Bound),
        /// A child of a node with key `k`: check its priority, then walk it.
        Child(Noun, Noun, Bound, Bound),
    }
    let ok = |x: bool, k: Noun, u: Noun| x && !(strict && noun_eq(k, u));
    let mut stack = vec![Task::Node(a, l, r)];
    while let Some(t) = stack.pop() {
        match t {
            Task::Node(a, l, r) => {
                if is_null(a) {
                    continue;
                }
                let (n, la, ra) = trel(a)?;
                let k = kind.key(n)?;
                if let Some(u) = l.get()? {
                    if !ok(gor(k, u), k, u) {
                        return Ok(false);
                    }
                }
                if let Some(u) = r.get()? {
                    if !ok(gor(u, k), u, k) {
                        return Ok(false);
                    }
                }
                stack.push(Task::Child(k, ra, l, Bound::Key(k)));
                stack.push(Task::Child(k, la, Bound::Key(k), r));
            }
            Task::Child(k, c, l, r) => {
                if is_null(c) {
                    continue;
                }
                let kc = kind.key(pair(c)?.0)?;
                if !ok(mor(k, kc), k, kc) {
                    return Ok(false);
                }
                stack.push(Task::Node(c, l, r));
            }
        }
    }
    Ok(true)
}

/// `tap`: the nodes of `a` onto the list `b`, in the Hoon's order (`$(a
/// r.a, b [n.a $(a l.a)])`: the rightmost node ends up first). Every node
/// must be `[n l r]`.
pub fn tap(heap: &mut Heap, a: Noun, b: Noun) -> Result<Noun, JetError> {
    let mut acc = b;
    let mut stack: Vec<(Noun, Noun)> = Vec::new();
    let mut cur = a;
    loop {
        while !is_null(cur) {
            let (n, l, r) = trel(cur)?;
            stack.push((n, r));
            cur = l;
        }
        match stack.pop() {
            None => return Ok(acc),
            Some((n, r)) => {
                acc = heap.cell(n, acc);
                cur = r;
            }
        }
    }
}

/// `wyt`: the number of nodes. Every node must be `[n l r]`.
pub fn wyt(a: Noun) -> Result<u64, JetError> {
    let mut count = 0u64;
    let mut stack = vec![a];
    while let Some(t) = stack.pop() {
        if is_null(t) {
            continue;
        }
        let (_, l, r) = trel(t)?;
        count += 1;
        stack.push(r);
        stack.push(l);
    }
    Ok(count)
}

/// The next node of a preorder walk (node, left subtree, right subtree)
/// whose pending subtrees are the noun list `todo`, so that the walk can
/// be kept across a slam as one live noun. The node must be `[n l r]`.
pub fn preorder_next(heap: &mut Heap, todo: &mut Noun) -> Result<Option<Noun>, JetError> {
    while let Some((t, rest)) = todo.cell_parts() {
        *todo = rest;
        if is_null(t) {
            continue;
        }
        let (n, l, r) = trel(t)?;
        if !is_null(r) {
            *todo = heap.cell(r, *todo);
        }
        if !is_null(l) {
            *todo = heap.cell(l, *todo);
        }
        return Ok(Some(n));
    }
    Ok(None)
}

/// The tree `a` with each node `n` replaced by `[p.n v]`, the `v`s given
/// in preorder (the order `preorder_next` visits): `run:by`, `urn:by`
/// after their slams. `~` stays `~`.
pub fn rebuild(heap: &mut Heap, a: Noun, vals: &[Noun]) -> Result<Noun, JetError> {
    enum Task {
        Visit(Noun),
        Build(Noun, Noun),
    }
    let mut out: Vec<Noun> = Vec::new();
    let mut stack = vec![Task::Visit(a)];
    let mut vals = vals.iter();
    while let Some(t) = stack.pop() {
        match t {
            Task::Visit(x) => {
                if is_null(x) {
                    out.push(Noun::ZERO);
                    continue;
                }
                let (n, l, r) = trel(x)?;
                let p = pair(n)?.0;
                let v = *vals.next().ok_or(JetError::Exit)?;
                stack.push(Task::Build(p, v));
                stack.push(Task::Visit(r));
                stack.push(Task::Visit(l));
            }
            Task::Build(p, v) => {
                let r = out.pop().ok_or(JetError::Exit)?;
                let l = out.pop().ok_or(JetError::Exit)?;
                let n = heap.cell(p, v);
                out.push(node(heap, n, l, r));
            }
        }
    }
    out.pop().ok_or(JetError::Exit)
}

/// The list `l` (pushed onto with `heap.cell(x, l)`) as a `Vec`, oldest
/// first.
pub fn unstack(mut l: Noun) -> Vec<Noun> {
    let mut v = Vec::new();
    while let Some((h, t)) = l.cell_parts() {
        v.push(h);
        l = t;
    }
    v.reverse();
    v
}
