//! Shared by the integration tests: deterministic payloads, metadata, and a
//! pier holding dummy copies of vere's snapshot files.

#![allow(dead_code)]

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use mars_snapshot::{Meta, PAYLOAD_JAM};

/// vere's files in `.urb/chk`, which we must never touch.
pub const VERE_FILES: [&str; 5] = [
    "north.bin",
    "south.bin",
    "control.bin",
    "memory.bin",
    "limbo.bin",
];

pub const MIB: usize = 1 << 20;

pub fn meta(event: u64) -> Meta {
    Meta {
        event,
        mug: (event as u32).wrapping_mul(0x9e37_79b9) | 1,
        payload_kind: PAYLOAD_JAM,
    }
}

/// Deterministic bytes, different for each `seed`; fast enough for tens of
/// megabytes.
pub fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut v = Vec::with_capacity(len + 8);
    while v.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.extend_from_slice(&x.to_le_bytes());
    }
    v.truncate(len);
    v
}

pub fn chk(pier: &Path) -> PathBuf {
    pier.join(".urb/chk")
}

/// The contents, inode and modification time of each of vere's files.
pub type VereState = Vec<(String, Vec<u8>, u64, i64, i64)>;

/// Makes `.urb/chk` with dummy vere files of distinct contents.
pub fn with_vere_files(pier: &Path) -> VereState {
    fs::create_dir_all(chk(pier)).unwrap();
    for (i, name) in VERE_FILES.iter().enumerate() {
        fs::write(chk(pier).join(name), bytes(1000 + i as u64, 4096 + i)).unwrap();
    }
    vere_state(pier)
}

pub fn vere_state(pier: &Path) -> VereState {
    VERE_FILES
        .iter()
        .map(|name| {
            let path = chk(pier).join(name);
            let m = fs::metadata(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            let data = fs::read(&path).unwrap();
            (name.to_string(), data, m.ino(), m.mtime(), m.mtime_nsec())
        })
        .collect()
}

/// The names in `.urb/chk`, sorted.
pub fn names(pier: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(chk(pier))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}
