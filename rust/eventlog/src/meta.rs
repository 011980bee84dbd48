//! The META table: four keys describing the pier.
//!
//! Keys are ASCII without NUL. Each value is the little-endian image of a
//! fixed-width integer with its trailing zero bytes removed, so 0 is stored
//! as an empty value (vere `disk.c:_disk_save_meta`):
//!
//! ```text
//! key        width  value (examples: fake ~zod, brass pill)
//! "version"  u32    03          disk format; 3 for epoch logs
//! "who"      u128   (empty)     the ship; ~zod = 0, ~nec = 01
//! "fake"     u8     (empty)     loobean: 0 = yes = fake ship, 01 = real
//! "life"     u32    05          number of lifecycle (boot formula) events
//! ```

use crate::error::MetaError;
use crate::lmdb::{Dbi, LmdbError, Txn};

/// The only disk format this crate reads and writes (vere `U3D_VERLAT`).
pub const DISK_VERSION: u32 = 3;

/// Name of the META table.
pub(crate) const TABLE: &str = "META";

/// The META keys of a pier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Meta {
    /// Disk format version; 3 for the epoch format.
    pub version: u32,
    /// The ship (`who_d[0]` = low 64 bits).
    pub who: u128,
    /// Whether the ship is fake (`-F`). Stored as a loobean: 0 = fake.
    pub fake: bool,
    /// Number of lifecycle events at the start of the log.
    pub life: u32,
}

impl Meta {
    /// META of a new pier in the current format ([`DISK_VERSION`]).
    pub fn new(who: u128, fake: bool, life: u32) -> Self {
        Meta {
            version: DISK_VERSION,
            who,
            fake,
            life,
        }
    }

    /// The four key/value pairs as stored.
    pub(crate) fn encode(&self) -> [(&'static str, Vec<u8>); 4] {
        // A loobean: 0 (yes) = fake, 1 (no) = real.
        let fake: u8 = if self.fake { 0 } else { 1 };
        [
            ("version", strip(&self.version.to_le_bytes())),
            ("who", strip(&self.who.to_le_bytes())),
            ("fake", strip(&[fake])),
            ("life", strip(&self.life.to_le_bytes())),
        ]
    }

    /// Writes the four keys (overwriting) in `txn`.
    pub(crate) fn write(&self, txn: &mut Txn<'_>, db: Dbi) -> Result<(), LmdbError> {
        for (key, value) in self.encode() {
            txn.put(db, key.as_bytes(), &value, false)?;
        }
        Ok(())
    }

    /// Reads and decodes the four keys.
    pub(crate) fn read(txn: &Txn<'_>, db: Dbi) -> Result<Meta, MetaError> {
        let version = decode_uint(read_key(txn, db, "version")?, "version", 4)?;
        let who = decode_uint(read_key(txn, db, "who")?, "who", 16)?;
        let fake = match decode_uint(read_key(txn, db, "fake")?, "fake", 1)? {
            0 => true,
            1 => false,
            other => {
                return Err(MetaError::BadFake {
                    value: u8::try_from(other).unwrap_or(u8::MAX),
                })
            }
        };
        let life = decode_uint(read_key(txn, db, "life")?, "life", 4)?;
        Ok(Meta {
            version: u32::try_from(version).unwrap_or(u32::MAX),
            who,
            fake,
            life: u32::try_from(life).unwrap_or(u32::MAX),
        })
    }
}

/// Drops trailing zero bytes.
fn strip(bytes: &[u8]) -> Vec<u8> {
    let len = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    bytes[..len].to_vec()
}

fn read_key<'t>(txn: &'t Txn<'_>, db: Dbi, key: &'static str) -> Result<&'t [u8], MetaError> {
    txn.get(db, key.as_bytes())
        .map_err(MetaError::Lmdb)?
        .ok_or(MetaError::MissingKey { key })
}

/// Decodes a little-endian value of at most `max` bytes (empty = 0).
fn decode_uint(bytes: &[u8], key: &'static str, max: usize) -> Result<u128, MetaError> {
    // Trailing zeros are insignificant (vere never writes them, but they
    // would not change the number).
    let significant = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    if significant > max {
        return Err(MetaError::TooLong {
            key,
            len: bytes.len(),
            max,
        });
    }
    let mut buf = [0u8; 16];
    buf[..significant].copy_from_slice(&bytes[..significant]);
    Ok(u128::from_le_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lmdb::{Access, Env};

    fn encoded(meta: &Meta) -> Vec<(&'static str, Vec<u8>)> {
        meta.encode().into_iter().collect()
    }

    #[test]
    fn encoding_strips_trailing_zeros() {
        let fake_zod = Meta::new(0, true, 5);
        assert_eq!(
            encoded(&fake_zod),
            [
                ("version", vec![3]),
                ("who", vec![]),
                ("fake", vec![]),
                ("life", vec![5]),
            ]
        );
        let real_nec = Meta::new(1, false, 0x0102);
        assert_eq!(
            encoded(&real_nec),
            [
                ("version", vec![3]),
                ("who", vec![1]),
                ("fake", vec![1]),
                ("life", vec![2, 1]),
            ]
        );
    }

    #[test]
    fn decoding_is_little_endian() {
        assert_eq!(decode_uint(&[], "who", 16).unwrap(), 0);
        assert_eq!(decode_uint(&[0x34, 0x12], "who", 16).unwrap(), 0x1234);
        assert_eq!(decode_uint(&[0xff; 16], "who", 16).unwrap(), u128::MAX);
        assert_eq!(decode_uint(&[5, 0, 0, 0, 0, 0], "life", 4).unwrap(), 5);
        assert!(matches!(
            decode_uint(&[1; 5], "life", 4),
            Err(MetaError::TooLong {
                key: "life",
                len: 5,
                max: 4
            })
        ));
        assert!(matches!(
            decode_uint(&[1; 17], "who", 16),
            Err(MetaError::TooLong { key: "who", .. })
        ));
    }

    #[test]
    fn write_then_read() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::open(dir.path(), Access::Write).unwrap();
        let db = env.open_db(TABLE, false, true).unwrap().unwrap();
        for meta in [
            Meta::new(0, true, 2),
            Meta::new(u128::MAX, false, u32::MAX),
            Meta::new(0x1234_5678_9abc_def0_1122_3344_5566_7788, false, 5),
        ] {
            let mut txn = env.write_txn().unwrap();
            meta.write(&mut txn, db).unwrap();
            txn.commit().unwrap();
            let txn = env.read_txn().unwrap();
            assert_eq!(Meta::read(&txn, db).unwrap(), meta);
        }
    }

    #[test]
    fn missing_key_and_bad_fake() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::open(dir.path(), Access::Write).unwrap();
        let db = env.open_db(TABLE, false, true).unwrap().unwrap();
        let mut txn = env.write_txn().unwrap();
        Meta::new(0, true, 2).write(&mut txn, db).unwrap();
        txn.put(db, b"fake", &[2], false).unwrap();
        assert!(matches!(
            Meta::read(&txn, db),
            Err(MetaError::BadFake { value: 2 })
        ));
        txn.del(db, b"life").unwrap();
        txn.put(db, b"fake", &[1], false).unwrap();
        assert!(matches!(
            Meta::read(&txn, db),
            Err(MetaError::MissingKey { key: "life" })
        ));
    }
}
