//! Layer 2 noun orderings (`two`): `dor` (tree depth), `gor` (mug), `mor`
//! (double mug), the orders of treaps (maps and sets).

pub mod dor;
pub mod gor;
pub mod mor;

crate::table::family! {
    dor: "one/two/dor" | "dor" => dor::jet;
    gor: "one/two/gor" | "gor" => gor::jet;
    mor: "one/two/mor" | "mor" => mor::jet;
}
