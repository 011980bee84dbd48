//! `++rh`: the arms `add sub mul div sqt fma lth lte equ gte gth` of
//! the half-precision door (`@rh`, 16 bits), vere's `u3wes_*`.
//! Thin wrappers over `ieee.rs` and `soft.rs` (`ieee::door_arms!`).

super::ieee::door_arms!(super::soft::HALF);
