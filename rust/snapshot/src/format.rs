//! The header of `data.pma`: encoding and checks. The byte diagram is in the
//! crate documentation; the offsets below are its single source of truth.

use crate::error::Invalid;

/// First 8 bytes of every mars snapshot.
pub const MAGIC: [u8; 8] = *b"MARSPMA\0";

/// The format version this binary writes, and the only one it reads.
pub const VERSION: u32 = 1;

/// Length of the header; the payload starts at this offset.
pub const HEADER_LEN: usize = 128;

/// [`Meta::payload_kind`](crate::Meta::payload_kind) of a payload that is the
/// jam of the kernel and runtime state.
pub const PAYLOAD_JAM: u32 = 1;

const MAGIC_AT: usize = 0; // [u8; 8]
const VERSION_AT: usize = 8; // u32
const KIND_AT: usize = 12; // u32
const EVENT_AT: usize = 16; // u64
const MUG_AT: usize = 24; // u32
const RESERVED_A_AT: usize = 28; // u32, zero
const LEN_AT: usize = 32; // u64
const PAYLOAD_HASH_AT: usize = 40; // [u8; 32]
const RESERVED_B_AT: usize = 72; // [u8; 24], zero
const HEADER_HASH_AT: usize = 96; // [u8; 32] = blake3(bytes 0..96)

const _: () = assert!(HEADER_HASH_AT + 32 == HEADER_LEN);

/// What the serf stores beside the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Meta {
    /// The number of the last event applied to the state in the payload;
    /// never 0 (event 0 is the empty state, which needs no snapshot).
    pub event: u64,
    /// The mug of the kernel after `event`, as the serf computed it.
    pub mug: u32,
    /// What the payload is: [`PAYLOAD_JAM`], or a kind a later mars defines.
    /// This crate stores it and gives it back; it does not interpret it.
    pub payload_kind: u32,
}

/// A decoded and checked header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Header {
    pub meta: Meta,
    pub payload_len: u64,
    pub payload_hash: [u8; 32],
}

impl Header {
    /// The 128 bytes of the header, header checksum included.
    pub fn encode(&self) -> [u8; HEADER_LEN] {
        let mut b = [0u8; HEADER_LEN];
        b[MAGIC_AT..MAGIC_AT + 8].copy_from_slice(&MAGIC);
        b[VERSION_AT..VERSION_AT + 4].copy_from_slice(&VERSION.to_le_bytes());
        b[KIND_AT..KIND_AT + 4].copy_from_slice(&self.meta.payload_kind.to_le_bytes());
        b[EVENT_AT..EVENT_AT + 8].copy_from_slice(&self.meta.event.to_le_bytes());
        b[MUG_AT..MUG_AT + 4].copy_from_slice(&self.meta.mug.to_le_bytes());
        b[LEN_AT..LEN_AT + 8].copy_from_slice(&self.payload_len.to_le_bytes());
        b[PAYLOAD_HASH_AT..PAYLOAD_HASH_AT + 32].copy_from_slice(&self.payload_hash);
        let header_hash = blake3::hash(&b[..HEADER_HASH_AT]);
        b[HEADER_HASH_AT..].copy_from_slice(header_hash.as_bytes());
        b
    }

    /// Decodes and checks the start of a file of `file_len` bytes; `head` is
    /// its first `min(file_len, HEADER_LEN)` bytes. Checks, in order: magic,
    /// version, header length, header checksum, reserved bytes, event, and
    /// that the file is exactly header + payload long. The payload checksum
    /// is left to the caller, who reads the payload.
    pub fn decode(head: &[u8], file_len: u64) -> Result<Header, Invalid> {
        debug_assert_eq!(head.len() as u64, file_len.min(HEADER_LEN as u64));
        if head.len() < MAGIC.len() {
            return Err(if MAGIC.starts_with(head) {
                Invalid::Truncated {
                    expected: HEADER_LEN as u64,
                    found: file_len,
                }
            } else {
                Invalid::Foreign
            });
        }
        if head[MAGIC_AT..MAGIC_AT + 8] != MAGIC {
            return Err(Invalid::Foreign);
        }
        // A later version may lay out the header differently, so the
        // version is read before anything that depends on the layout.
        if head.len() >= VERSION_AT + 4 {
            let version = u32_at(head, VERSION_AT);
            if version != VERSION {
                return Err(Invalid::Version {
                    found: version,
                    supported: VERSION,
                });
            }
        }
        if head.len() < HEADER_LEN {
            return Err(Invalid::Truncated {
                expected: HEADER_LEN as u64,
                found: file_len,
            });
        }
        if blake3::hash(&head[..HEADER_HASH_AT]).as_bytes()[..] != head[HEADER_HASH_AT..] {
            return Err(Invalid::HeaderChecksum);
        }
        if u32_at(head, RESERVED_A_AT) != 0 || head[RESERVED_B_AT..HEADER_HASH_AT] != [0; 24] {
            return Err(Invalid::Reserved);
        }
        let meta = Meta {
            event: u64_at(head, EVENT_AT),
            mug: u32_at(head, MUG_AT),
            payload_kind: u32_at(head, KIND_AT),
        };
        if meta.event == 0 {
            return Err(Invalid::EventZero);
        }
        let payload_len = u64_at(head, LEN_AT);
        let expected = payload_len.saturating_add(HEADER_LEN as u64);
        if file_len < expected {
            return Err(Invalid::Truncated {
                expected,
                found: file_len,
            });
        }
        if file_len > expected {
            return Err(Invalid::TrailingData {
                expected,
                found: file_len,
            });
        }
        let mut payload_hash = [0u8; 32];
        payload_hash.copy_from_slice(&head[PAYLOAD_HASH_AT..PAYLOAD_HASH_AT + 32]);
        Ok(Header {
            meta,
            payload_len,
            payload_hash,
        })
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            meta: Meta {
                event: 0x0102_0304_0506_0708,
                mug: 0x1122_3344,
                payload_kind: PAYLOAD_JAM,
            },
            payload_len: 5,
            payload_hash: *blake3::hash(b"hello").as_bytes(),
        }
    }

    /// The diagram in the crate documentation, byte by byte.
    #[test]
    fn layout_is_the_documented_one() {
        let b = header().encode();
        assert_eq!(&b[0..8], b"MARSPMA\0");
        assert_eq!(&b[8..12], &[1, 0, 0, 0]);
        assert_eq!(&b[12..16], &[1, 0, 0, 0]);
        assert_eq!(&b[16..24], &[8, 7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(&b[24..28], &[0x44, 0x33, 0x22, 0x11]);
        assert_eq!(&b[28..32], &[0; 4]);
        assert_eq!(&b[32..40], &[5, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(&b[40..72], blake3::hash(b"hello").as_bytes());
        assert_eq!(&b[72..96], &[0; 24]);
        assert_eq!(&b[96..128], blake3::hash(&b[..96]).as_bytes());
    }

    #[test]
    fn decode_inverts_encode() {
        let h = header();
        assert_eq!(Header::decode(&h.encode(), 133), Ok(h));
    }

    #[test]
    fn length_must_match_exactly() {
        let b = header().encode();
        assert_eq!(
            Header::decode(&b, 132),
            Err(Invalid::Truncated {
                expected: 133,
                found: 132
            })
        );
        assert_eq!(
            Header::decode(&b, 134),
            Err(Invalid::TrailingData {
                expected: 133,
                found: 134
            })
        );
    }

    /// A length field near `u64::MAX` (with a valid header checksum) must
    /// not overflow into a small expected length.
    #[test]
    fn huge_length_does_not_wrap() {
        let mut h = header();
        h.payload_len = u64::MAX - 10;
        assert!(matches!(
            Header::decode(&h.encode(), 1000),
            Err(Invalid::Truncated { .. })
        ));
    }

    #[test]
    fn short_heads() {
        let b = header().encode();
        for n in 0..HEADER_LEN {
            let r = Header::decode(&b[..n], n as u64);
            assert!(
                matches!(r, Err(Invalid::Truncated { found, .. }) if found == n as u64),
                "{n}: {r:?}"
            );
        }
        assert_eq!(Header::decode(b"MARX", 4), Err(Invalid::Foreign));
        assert_eq!(Header::decode(b"\x7fELF", 4), Err(Invalid::Foreign));
    }

    #[test]
    fn versions() {
        let mut b = header().encode();
        b[8..12].copy_from_slice(&2u32.to_le_bytes());
        assert_eq!(
            Header::decode(&b, 133),
            Err(Invalid::Version {
                found: 2,
                supported: 1
            })
        );
        // Even a short file of a newer version says so.
        assert!(matches!(
            Header::decode(&b[..12], 12),
            Err(Invalid::Version { found: 2, .. })
        ));
    }

    /// Fields that are wrong but carry a valid header checksum: another
    /// writer, not disk damage.
    #[test]
    fn reserved_and_event_zero() {
        let mut h = header();
        h.meta.event = 0;
        assert_eq!(Header::decode(&h.encode(), 133), Err(Invalid::EventZero));
        let mut b = header().encode();
        b[80] = 1;
        let sum = blake3::hash(&b[..96]);
        b[96..].copy_from_slice(sum.as_bytes());
        assert_eq!(Header::decode(&b, 133), Err(Invalid::Reserved));
    }

    #[test]
    fn every_header_bit_flip_is_caught() {
        let b = header().encode();
        for bit in 0..HEADER_LEN * 8 {
            let mut c = b;
            c[bit / 8] ^= 1 << (bit % 8);
            assert!(Header::decode(&c, 133).is_err(), "bit {bit}");
        }
    }
}
