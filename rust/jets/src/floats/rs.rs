//! `++rs`: the arms `add sub mul div sqt fma lth lte equ gte gth` of
//! the single-precision door (`@rs`, 32 bits), vere's `u3wet_*`.
//! Thin wrappers over `ieee.rs` and `soft.rs` (`ieee::door_arms!`).

super::ieee::door_arms!(super::soft::SINGLE);
