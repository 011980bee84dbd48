//! `++rd`: the arms `add sub mul div sqt fma lth lte equ gte gth` of
//! the double-precision door (`@rd`, 64 bits), vere's `u3wer_*`.
//! Thin wrappers over `ieee.rs` and `soft.rs` (`ieee::door_arms!`).

super::ieee::door_arms!(super::soft::DOUBLE);
