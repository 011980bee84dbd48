//! One event as stored in an EVENTS table, and its key/value encoding.
//!
//! ```text
//! key   (8 bytes)      : event number, u64 little-endian
//! value (5 or more)    : mug u32 little-endian (4 bytes) ++ jam bytes (≥ 1)
//! ```

/// One event of the log: its number, the stored mug (of the kernel after the
/// event; 0 = "not checked") and the `jam` of the event noun.
///
/// This crate does not know nouns: `jam` is bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Event {
    /// Event number, from 1.
    pub number: u64,
    /// Stored mug; 0 means unknown (boot events).
    pub mug: u32,
    /// `jam` of the event noun.
    pub jam: Vec<u8>,
}

impl Event {
    /// Length of the stored LMDB value: 4 (mug) + jam length.
    pub fn stored_len(&self) -> usize {
        MUG_LEN + self.jam.len()
    }
}

/// Bytes of the mug at the start of a value.
pub(crate) const MUG_LEN: usize = 4;

/// An EVENTS key: the event number as 8 little-endian bytes, aligned like a
/// `u64` (LMDB compares `MDB_INTEGERKEY` keys as native integers and may read
/// them as such).
#[derive(Clone, Copy, Debug)]
#[repr(C, align(8))]
pub(crate) struct EventKey([u8; 8]);

impl EventKey {
    pub(crate) fn new(number: u64) -> Self {
        EventKey(number.to_le_bytes())
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// Decodes a stored key; `None` if it is not 8 bytes.
pub(crate) fn decode_key(bytes: &[u8]) -> Option<u64> {
    let bytes: [u8; 8] = bytes.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

/// Builds a stored value: mug ++ jam.
pub(crate) fn encode_value(mug: u32, jam: &[u8]) -> Vec<u8> {
    let mut value = Vec::with_capacity(MUG_LEN + jam.len());
    value.extend_from_slice(&mug.to_le_bytes());
    value.extend_from_slice(jam);
    value
}

/// Splits a stored value into mug and jam; `None` if it is 4 bytes or
/// shorter (vere's `u3_disk_sift` rejects those too).
pub(crate) fn decode_value(bytes: &[u8]) -> Option<(u32, &[u8])> {
    if bytes.len() <= MUG_LEN {
        return None;
    }
    let (mug, jam) = bytes.split_at(MUG_LEN);
    let mug: [u8; MUG_LEN] = mug.try_into().ok()?;
    Some((u32::from_le_bytes(mug), jam))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_little_endian_and_aligned() {
        let key = EventKey::new(0x0102_0304_0506_0708);
        assert_eq!(key.as_bytes(), [8, 7, 6, 5, 4, 3, 2, 1]);
        assert_eq!(key.as_bytes().as_ptr() as usize % 8, 0);
        assert_eq!(decode_key(key.as_bytes()), Some(0x0102_0304_0506_0708));
        assert_eq!(decode_key(&[1, 2, 3]), None);
        assert_eq!(decode_key(&[0; 9]), None);
    }

    #[test]
    fn value_round_trip() {
        let value = encode_value(0x307c_216e, &[0xaa, 0xbb]);
        assert_eq!(value, [0x6e, 0x21, 0x7c, 0x30, 0xaa, 0xbb]);
        assert_eq!(decode_value(&value), Some((0x307c_216e, &[0xaa, 0xbb][..])));
    }

    #[test]
    fn values_of_four_bytes_or_less_are_rejected() {
        for len in 0..=4 {
            assert_eq!(decode_value(&vec![1; len]), None, "len {len}");
        }
        assert!(decode_value(&[1; 5]).is_some());
    }

    #[test]
    fn stored_len_counts_the_mug() {
        let event = Event {
            number: 1,
            mug: 0,
            jam: vec![1, 2, 3],
        };
        assert_eq!(event.stored_len(), 7);
    }
}
