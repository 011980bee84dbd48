//! The table against the jet trees of vere-v3.0 (`shared/spec/jet-trees`):
//! every row is a real path with parent axis 7, every gate is bound under
//! every root whose tree has it, and binding works under each root (built
//! here from synthetic `%fast` registrations). Also keeps the coverage
//! table in the crate docs (`src/coverage.md`) current: run with
//! `MARS_BLESS=1` to rewrite it.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use common::{shared_dir, T};
use mars_jets::table::{gates, Gate, KELVINS};
use mars_nock::Runtime;
use mars_noun::{noun_eq, HeapConfig, Noun};

/// A tree file: path → (parent axis, C function or "(core)").
fn tree(root: &str) -> Option<BTreeMap<String, (u64, String)>> {
    let dir = shared_dir()?;
    let text = std::fs::read_to_string(dir.join(format!("spec/jet-trees/{root}.txt"))).ok()?;
    let mut out = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split_whitespace();
        let path = parts.next().expect("path").to_string();
        let axis = parts.next().expect("axis").parse().expect("axis number");
        let f = parts.next().expect("function").to_string();
        out.insert(path, (axis, f));
    }
    Some(out)
}

#[test]
fn every_row_is_a_gate_of_its_tree() {
    let roots = ["k140", "k139", "k138", "a50"];
    let Some(trees) = roots
        .iter()
        .map(|r| tree(r).map(|t| (*r, t)))
        .collect::<Option<BTreeMap<_, _>>>()
    else {
        eprintln!("skipped: no shared/spec/jet-trees");
        return;
    };
    let bound: BTreeSet<&str> = gates().flat_map(|g| g.paths.iter().copied()).collect();
    for g in gates() {
        for p in g.paths {
            let root = p.split('/').next().expect("root");
            let (axis, f) = trees[root]
                .get(*p)
                .unwrap_or_else(|| panic!("{p} is not in {root}.txt"));
            assert_eq!(*axis, 7, "{p}: parent axis");
            assert!(f.starts_with("u3w"), "{p}: {f} is not a jet");
        }
        // Every tree that has the gate binds it.
        for root in roots {
            let p = if root == "a50" {
                format!("a50/{}", g.name)
            } else {
                format!("{root}/{}", g.path)
            };
            if trees[root].contains_key(&p) {
                assert!(
                    bound.contains(p.as_str()),
                    "{p} is in the tree but not bound"
                );
            }
        }
    }
}

/// A sample each jet accepts, and what it gives.
fn sample(name: &str) -> (T, T) {
    let a = T::a;
    let c = T::c;
    match name {
        "dec" | "bex" | "cap" | "mas" | "xeb" | "mug" => {
            let want = match name {
                "dec" => a(4),
                "bex" => a(32),
                "cap" => a(2),
                "mas" => a(3),
                "xeb" => a(3),
                _ => a(mars_noun::mug_words(&[5]).into()),
            };
            (a(5), want)
        }
        "can" => (c(a(3), T::list(&[c(a(1), a(5)), c(a(1), a(3))])), a(0x305)),
        "cat" => (T::tuple(&[a(3), a(5), a(3)]), a(0x305)),
        "cut" => (T::tuple(&[a(3), c(a(1), a(1)), a(0x305)]), a(3)),
        "rap" | "rep" => (c(a(3), T::list(&[a(5), a(3)])), a(0x305)),
        "rip" => (c(a(3), a(0x305)), T::list(&[a(5), a(3)])),
        "rev" => (T::tuple(&[a(3), a(2), a(0x305)]), a(0x503)),
        "swp" => (c(a(3), a(0x305)), a(0x503)),
        "end" => (c(a(3), a(0x305)), a(5)),
        "lsh" => (c(a(3), a(0x305)), a(0x30500)),
        "rsh" => (c(a(3), a(0x305)), a(3)),
        "met" => (c(a(3), a(0x305)), a(2)),
        "add" => (c(a(5), a(3)), a(8)),
        "sub" => (c(a(5), a(3)), a(2)),
        "mul" => (c(a(5), a(3)), a(15)),
        "div" => (c(a(5), a(3)), a(1)),
        "mod" => (c(a(5), a(3)), a(2)),
        "dvr" => (c(a(5), a(3)), c(a(1), a(2))),
        "gte" | "gth" | "max" => (c(a(5), a(3)), if name == "max" { a(5) } else { a(0) }),
        "lte" | "lth" | "min" => (c(a(5), a(3)), if name == "min" { a(3) } else { a(1) }),
        "peg" => (c(a(5), a(3)), a(11)),
        "con" => (c(a(5), a(3)), a(7)),
        "dis" => (c(a(5), a(3)), a(1)),
        "mix" => (c(a(5), a(3)), a(6)),
        "dor" | "gor" | "mor" => (c(a(5), a(5)), a(0)),
        other => panic!("no sample for %{other}"),
    }
}

/// Register `core` under `clue` (text of `[chum parent hooks]`).
fn register(rt: &mut Runtime, core: Noun, clue: &str) {
    let clue = mars_noun::fmt::parse(&mut rt.heap, clue).expect("clue");
    let hint = rt.heap.cell(Noun::direct(1), clue);
    let fast = rt.heap.atom_str("fast");
    let hint = rt.heap.cell(fast, hint);
    let quote = rt.heap.cell(Noun::direct(1), core);
    let f = rt.heap.tuple(&[Noun::direct(11), hint, quote]);
    rt.nock(Noun::ZERO, f).expect("register");
}

/// The same root, layers and gate batteries every time (registration and
/// matching compare nouns by value).
struct Synthetic {
    root: &'static str,
}

impl Synthetic {
    fn root_core(&self, rt: &mut Runtime) -> Noun {
        let battery = mars_noun::fmt::parse(&mut rt.heap, "[1 0]").expect("battery");
        let kelvin: u64 = self.root[1..].parse().expect("kelvin");
        rt.heap.cell(battery, Noun::direct(kelvin))
    }
    /// The core gates hang from: the root itself (`a50`) or `one`/`two`.
    fn parent(&self, rt: &mut Runtime, layer: usize) -> Noun {
        let mut core = self.root_core(rt);
        for l in 0..layer {
            let battery = rt.heap.cell(Noun::direct(1), Noun::direct(100 + l as u64));
            core = rt.heap.cell(battery, core);
        }
        core
    }
    fn register_all(&self, rt: &mut Runtime) {
        let root = self.root_core(rt);
        let chum = format!("[%{} {}]", &self.root[..1], &self.root[1..]);
        register(rt, root, &format!("[{chum} [1 0] 0]"));
        if self.root != "a50" {
            let one = self.parent(rt, 1);
            register(rt, one, "[%one [0 3] 0]");
            let two = self.parent(rt, 2);
            register(rt, two, "[%two [0 3] 0]");
        }
        for (i, g) in gates().enumerate() {
            if let Some(gate) = self.gate(rt, i, g, Noun::ZERO) {
                register(rt, gate, &format!("[%{} [0 7] 0]", g.name));
            }
        }
    }
    /// Gate `i` with `sample`, if this root binds it. Its battery is unique
    /// (`[1 i]`) and would not compute the gate: only the jet can.
    fn gate(&self, rt: &mut Runtime, i: usize, g: &Gate, sample: Noun) -> Option<Noun> {
        let layer = if self.root == "a50" {
            if !g.paths.iter().any(|p| p.starts_with("a50/")) {
                return None;
            }
            0
        } else if g.path.starts_with("one/two/") {
            2
        } else {
            1
        };
        let parent = self.parent(rt, layer);
        let battery = rt.heap.cell(Noun::direct(1), Noun::direct(1000 + i as u64));
        let payload = rt.heap.cell(sample, parent);
        Some(rt.heap.cell(battery, payload))
    }
}

#[test]
fn every_gate_binds_under_every_root() {
    for root in KELVINS.iter().copied().chain(["a50"]) {
        let mut rt = Runtime::new(HeapConfig {
            nursery_bytes: 1 << 20,
            limit_bytes: 1 << 30,
            ..HeapConfig::default()
        })
        .expect("runtime");
        rt.install_hot(mars_jets::hot_table());
        rt.set_jet_stats(true);
        let syn = Synthetic { root };
        syn.register_all(&mut rt);
        let mut bound = 0;
        for (i, g) in gates().enumerate() {
            let (s, want) = sample(g.name);
            let s = s.build(&mut rt.heap);
            let Some(core) = syn.gate(&mut rt, i, g, s) else {
                continue;
            };
            let f = mars_noun::fmt::parse(&mut rt.heap, "[9 2 0 1]").expect("f");
            let got = rt
                .nock(core, f)
                .unwrap_or_else(|b| panic!("{root} %{}: {:?}", g.name, b.mote()));
            let want = want.build(&mut rt.heap);
            assert!(
                noun_eq(got, want),
                "{root} %{}: {}",
                g.name,
                mars_noun::fmt::render(got, 100)
            );
            let path = g
                .paths
                .iter()
                .find(|p| p.starts_with(&format!("{root}/")))
                .expect("path");
            let calls = rt
                .jet_stats()
                .and_then(|s| s.by_path.get(*path))
                .map(|s| s.0);
            assert_eq!(calls, Some(1), "{path} was called once");
            bound += 1;
        }
        let expected = gates()
            .filter(|g| g.paths.iter().any(|p| p.starts_with(&format!("{root}/"))))
            .count();
        assert_eq!(bound, expected, "{root}");
    }
}

/// Which gates `tests/differential.rs` proves, and against what: each
/// `prove(` statement names its gate (a literal, or `name` from the
/// enclosing `for name in [...]`) and its mode.
fn proofs() -> BTreeMap<String, BTreeSet<&'static str>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/differential.rs");
    let text = std::fs::read_to_string(path).expect("differential.rs");
    let mut out: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    let mut loop_names: Vec<String> = Vec::new();
    let literals = |s: &str| -> Vec<String> {
        s.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    let mut rest = text.as_str();
    while let Some(i) = rest.find(['p', 'f']) {
        let here = &rest[i..];
        if let Some(after) = here.strip_prefix("for name in [") {
            let end = after.find(']').expect("]");
            loop_names = literals(&after[..end]);
        } else if here.starts_with("prove(") && !rest[..i].ends_with("fn ") {
            let end = here.find(';').expect(";");
            let stmt = &here[..end];
            let mode = if stmt.contains("Mode::Nock") {
                "Nock"
            } else {
                "Hoon"
            };
            let args = stmt["prove(".len()..].trim_start();
            let names = if args.starts_with('"') {
                vec![literals(args)[0].clone()]
            } else {
                loop_names.clone()
            };
            for n in names {
                out.entry(n).or_default().insert(mode);
            }
        }
        rest = &rest[i + 1..];
    }
    out
}

/// The coverage table, generated.
fn coverage(k140: &BTreeMap<String, (u64, String)>, order: &[String]) -> String {
    let proofs = proofs();
    let mut rows = Vec::new();
    let (mut arms, mut jetted, mut proven) = (0, 0, 0);
    for path in order {
        let (axis, f) = &k140[path];
        let under = path.strip_prefix("k140/").unwrap_or(path);
        let gate = gates().find(|g| g.path == under);
        let (jet, tested) = if f == "(core)" {
            ("core".to_string(), String::new())
        } else {
            arms += 1;
            match gate {
                Some(g) => {
                    jetted += 1;
                    let modes = proofs.get(g.name).cloned().unwrap_or_default();
                    if !modes.is_empty() {
                        proven += 1;
                    }
                    let tested = match (modes.contains("Hoon"), modes.contains("Nock")) {
                        (true, true) => "Hoon, Nock",
                        (true, false) => "Hoon",
                        (false, true) => "Nock",
                        (false, false) => "no",
                    };
                    (format!("yes (`{f}`)"), tested.to_string())
                }
                None => (format!("no (`{f}`)"), "–".to_string()),
            }
        };
        rows.push(format!("| `{path}` | {axis} | {jet} | {tested} |"));
    }
    let mut out = String::new();
    out.push_str(
        "Coverage of the `k140` jet tree of vere-v3.0 (`shared/spec/jet-trees/k140.txt`,\n",
    );
    out.push_str("in its order), generated by `tests/table.rs` (`MARS_BLESS=1` rewrites it).\n");
    out.push_str("\"Proven\" names the differential tests of `tests/differential.rs`: the jet\n");
    out.push_str("against its own Hoon arm with the other jets on (Hoon), and against pure\n");
    out.push_str("Nock with no jet at all (Nock). Every jetted path is bound under `k139`,\n");
    out.push_str("`k138` and, where its tree has it, `a50` too.\n\n");
    out.push_str(&format!(
        "{} lines: {} cores, {arms} arms; {jetted} arms jetted, {proven} of them proven.\n\n",
        order.len(),
        order.len() - arms
    ));
    out.push_str("| path | parent axis | jetted | proven |\n|---|---|---|---|\n");
    for r in rows {
        out.push_str(&r);
        out.push('\n');
    }
    out
}

#[test]
fn coverage_table_is_current() {
    let Some(dir) = shared_dir() else {
        eprintln!("skipped: no shared/");
        return;
    };
    let text = std::fs::read_to_string(dir.join("spec/jet-trees/k140.txt")).expect("k140.txt");
    let order: Vec<String> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    let k140 = tree("k140").expect("k140 tree");
    let want = coverage(&k140, &order);
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/coverage.md");
    let have = std::fs::read_to_string(&file).unwrap_or_default();
    if have != want {
        if std::env::var_os("MARS_BLESS").is_some() {
            std::fs::write(&file, &want).expect("write coverage.md");
        } else {
            panic!("src/coverage.md is out of date: rerun with MARS_BLESS=1");
        }
    }
}

#[test]
fn every_gate_is_proven() {
    let proofs = proofs();
    for g in gates() {
        assert!(
            proofs.get(g.name).is_some_and(|m| m.contains("Hoon")),
            "%{} has no differential proof against its Hoon",
            g.name
        );
    }
}
