//! `++rq`: the arms `add sub mul div sqt fma lth lte equ gte gth` of
//! the quad-precision door (`@rq`, 128 bits), vere's `u3weq_*`.
//! Thin wrappers over `ieee.rs` and `soft.rs` (`ieee::door_arms!`).

super::ieee::door_arms!(super::soft::QUAD);
