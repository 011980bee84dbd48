//! Layer 2 noun orderings (`two`): `dor` (tree depth), `gor` (mug), `mor`
//! (double mug), the orders of treaps (maps and sets).

pub mod dor;
pub mod gor;
pub mod mor;
