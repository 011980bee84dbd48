//! newt: the framing of the king <-> serf pipes (vere v3.0 `newt.c`).
//!
//! Both directions carry the same frames, back to back, with no trailer,
//! checksum or alignment:
//!
//! ```text
//! offset  size  field
//! 0       1     version tag, always 0x00
//! 1       4     payload length N, unsigned 32-bit LITTLE-endian, N >= 1
//! 5       N     payload: the jam of one noun, least significant byte first
//!
//! e.g. the plea [%live ~]:
//!   00 | 06 00 00 00 | 01 9f 2d cd ae 2c
//!   ^^   ^^^^^^^^^^^   ^^^^^^^^^^^^^^^^^
//!   tag  N = 6         jam bytes
//! ```
//!
//! A header whose version byte is not 0, or whose length is 0, is a fatal
//! protocol error on both sides (`newt-decode`). A payload of 2^32 bytes or
//! more cannot be framed: vere would silently write the low 32 bits of the
//! length and corrupt the stream, so [`encode`] and [`FrameWriter`] refuse.
//! There is no upper limit on reading: the king's first `%play` carries a
//! whole pill (tens of MB).
//!
//! This module moves bytes only; jam and cue are the caller's business.
//!
//! * [`Decoder`]: an incremental state machine (HEAD: collect 5 bytes, TAIL:
//!   collect N bytes, deliver) for bytes arriving in arbitrary pieces.
//! * [`FrameReader`]: blocking reads from any [`Read`]; EOF between frames is
//!   a clean end, EOF inside a frame is [`NewtError::Truncated`].
//! * [`FrameWriter`]: blocking writes of one frame at a time (header and
//!   payload in one vectored write when the writer supports it), then a
//!   flush.
//!
//! After any error a decoder, reader or writer refuses further use
//! ([`NewtError::Poisoned`]): its position in the stream is no longer known.

use std::fmt;
use std::io::{self, IoSlice, Read, Write};

/// Bytes in a frame header.
pub const HEADER_LEN: usize = 5;

/// The only version tag vere writes or accepts.
pub const VERSION: u8 = 0;

/// Largest payload a frame can carry (the length field is 32 bits).
pub const MAX_PAYLOAD: u64 = u32::MAX as u64;

/// Most bytes reserved up front for a payload whose length was announced
/// but whose bytes have not arrived yet; beyond this the buffer grows as the
/// bytes come in. A corrupt header cannot make us reserve 4 GiB at once.
const PREALLOC_MAX: usize = 16 << 20;

/// What can go wrong with a newt stream.
#[derive(Debug)]
pub enum NewtError {
    /// A header's first byte was not [`VERSION`].
    BadVersion(u8),
    /// A header announced a zero-length payload (vere rejects these).
    EmptyFrame,
    /// A payload too large for the 32-bit length field (only when sending).
    TooLarge(u64),
    /// The stream ended inside a frame: `have` of its `want` bytes arrived
    /// (`want` is 5 while the header itself is incomplete).
    Truncated { have: u64, want: u64 },
    /// The underlying reader or writer failed.
    Io(io::Error),
    /// An earlier error left the stream at an unknown position.
    Poisoned,
}

impl fmt::Display for NewtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewtError::BadVersion(v) => write!(f, "newt-decode: bad version byte {v:#04x}"),
            NewtError::EmptyFrame => f.write_str("newt-decode: frame with empty payload"),
            NewtError::TooLarge(n) => {
                write!(
                    f,
                    "newt: payload of {n} bytes does not fit a frame (max {MAX_PAYLOAD})"
                )
            }
            NewtError::Truncated { have, want } => {
                write!(
                    f,
                    "newt: stream ended inside a frame ({have} of {want} bytes)"
                )
            }
            NewtError::Io(e) => write!(f, "newt: {e}"),
            NewtError::Poisoned => f.write_str("newt: stream unusable after an earlier error"),
        }
    }
}

impl std::error::Error for NewtError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            NewtError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for NewtError {
    fn from(e: io::Error) -> Self {
        NewtError::Io(e)
    }
}

/// The header of a frame carrying `len` payload bytes.
pub fn header(len: usize) -> Result<[u8; HEADER_LEN], NewtError> {
    if len == 0 {
        return Err(NewtError::EmptyFrame);
    }
    let n = u32::try_from(len).map_err(|_| NewtError::TooLarge(len as u64))?;
    let [a, b, c, d] = n.to_le_bytes();
    Ok([VERSION, a, b, c, d])
}

/// The payload length announced by a header, if the header is legal.
pub fn parse_header(head: &[u8; HEADER_LEN]) -> Result<usize, NewtError> {
    if head[0] != VERSION {
        return Err(NewtError::BadVersion(head[0]));
    }
    let n = u32::from_le_bytes([head[1], head[2], head[3], head[4]]);
    if n == 0 {
        return Err(NewtError::EmptyFrame);
    }
    usize::try_from(n).map_err(|_| NewtError::TooLarge(u64::from(n)))
}

/// One complete frame (header and payload) in a fresh buffer.
pub fn encode(payload: &[u8]) -> Result<Vec<u8>, NewtError> {
    let head = header(payload.len())?;
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&head);
    out.extend_from_slice(payload);
    Ok(out)
}

/// A payload being collected: `want` bytes announced, `buf` received so far.
#[derive(Debug)]
struct Tail {
    want: usize,
    buf: Vec<u8>,
}

impl Tail {
    fn new(want: usize, available: usize) -> Tail {
        let cap = want.min(available.max(PREALLOC_MAX));
        Tail {
            want,
            buf: Vec::with_capacity(cap),
        }
    }

    /// Append `bytes` (no more than the payload still needs), growing
    /// geometrically but never past `want`.
    fn push(&mut self, bytes: &[u8]) {
        debug_assert!(self.buf.len() + bytes.len() <= self.want);
        let free = self.buf.capacity() - self.buf.len();
        if free < bytes.len() {
            let missing = self.want - self.buf.len();
            let grow = self.buf.len().max(bytes.len()).min(missing);
            self.buf.reserve_exact(grow);
        }
        self.buf.extend_from_slice(bytes);
    }

    fn missing(&self) -> usize {
        self.want - self.buf.len()
    }
}

/// Incremental frame decoder: feed it bytes in any pieces, get complete
/// payloads back in order.
#[derive(Debug, Default)]
pub struct Decoder {
    head: [u8; HEADER_LEN],
    head_len: usize,
    tail: Option<Tail>,
    failed: bool,
}

impl Decoder {
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Consume `bytes`, appending every payload completed by them to `out`
    /// (in stream order). On a bad header the payloads completed before it
    /// are in `out`, the error is returned, and the decoder is poisoned.
    pub fn feed(&mut self, mut bytes: &[u8], out: &mut Vec<Vec<u8>>) -> Result<(), NewtError> {
        if self.failed {
            return Err(NewtError::Poisoned);
        }
        while !bytes.is_empty() {
            if let Some(tail) = &mut self.tail {
                let take = tail.missing().min(bytes.len());
                tail.push(&bytes[..take]);
                bytes = &bytes[take..];
                if tail.missing() == 0 {
                    if let Some(done) = self.tail.take() {
                        out.push(done.buf);
                    }
                }
                continue;
            }
            let take = (HEADER_LEN - self.head_len).min(bytes.len());
            self.head[self.head_len..self.head_len + take].copy_from_slice(&bytes[..take]);
            self.head_len += take;
            bytes = &bytes[take..];
            if self.head_len < HEADER_LEN {
                continue;
            }
            let want = match parse_header(&self.head) {
                Ok(n) => n,
                Err(e) => {
                    self.failed = true;
                    return Err(e);
                }
            };
            self.head_len = 0;
            if bytes.len() >= want {
                // The whole payload is here: one copy, no state.
                out.push(bytes[..want].to_vec());
                bytes = &bytes[want..];
            } else {
                self.tail = Some(Tail::new(want, bytes.len()));
            }
        }
        Ok(())
    }

    /// [`feed`](Decoder::feed) returning the completed payloads.
    pub fn feed_vec(&mut self, bytes: &[u8]) -> Result<Vec<Vec<u8>>, NewtError> {
        let mut out = Vec::new();
        self.feed(bytes, &mut out)?;
        Ok(out)
    }

    /// True when no partial frame is held (a clean place for EOF).
    pub fn at_boundary(&self) -> bool {
        self.head_len == 0 && self.tail.is_none()
    }

    /// Bytes of the current incomplete frame received so far.
    pub fn buffered(&self) -> u64 {
        match &self.tail {
            Some(t) => (HEADER_LEN + t.buf.len()) as u64,
            None => self.head_len as u64,
        }
    }

    /// Call at end of input: an error if the input stopped inside a frame.
    pub fn finish(&self) -> Result<(), NewtError> {
        if self.failed {
            return Err(NewtError::Poisoned);
        }
        let want = match &self.tail {
            Some(t) => HEADER_LEN + t.want,
            None if self.head_len == 0 => return Ok(()),
            None => HEADER_LEN,
        };
        Err(NewtError::Truncated {
            have: self.buffered(),
            want: want as u64,
        })
    }
}

/// Read into `buf` until it is full or the reader reaches EOF; the number of
/// bytes read.
fn read_full<R: Read>(r: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Blocking frame reader. Reads the header, then the payload straight into
/// its buffer. Wrap the source in a `BufReader` if frames are small and
/// system calls matter; a pipe carrying large frames needs no buffer.
#[derive(Debug)]
pub struct FrameReader<R> {
    inner: R,
    poisoned: bool,
}

impl<R: Read> FrameReader<R> {
    pub fn new(inner: R) -> FrameReader<R> {
        FrameReader {
            inner,
            poisoned: false,
        }
    }

    /// The next payload; `Ok(None)` at EOF on a frame boundary.
    pub fn next_frame(&mut self) -> Result<Option<Vec<u8>>, NewtError> {
        if self.poisoned {
            return Err(NewtError::Poisoned);
        }
        let r = self.read_frame();
        if r.is_err() {
            self.poisoned = true;
        }
        r
    }

    fn read_frame(&mut self) -> Result<Option<Vec<u8>>, NewtError> {
        let mut head = [0u8; HEADER_LEN];
        let got = read_full(&mut self.inner, &mut head)?;
        if got == 0 {
            return Ok(None);
        }
        if got < HEADER_LEN {
            return Err(NewtError::Truncated {
                have: got as u64,
                want: HEADER_LEN as u64,
            });
        }
        let want = parse_header(&head)?;
        let mut buf = Vec::with_capacity(want.min(PREALLOC_MAX));
        let mut limited = (&mut self.inner).take(want as u64);
        loop {
            match limited.read_to_end(&mut buf) {
                Ok(_) => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
        if buf.len() < want {
            return Err(NewtError::Truncated {
                have: (HEADER_LEN + buf.len()) as u64,
                want: (HEADER_LEN + want) as u64,
            });
        }
        Ok(Some(buf))
    }

    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    pub fn into_inner(self) -> R {
        self.inner
    }
}

/// Blocking frame writer: each [`send`](FrameWriter::send) writes one whole
/// frame and flushes.
#[derive(Debug)]
pub struct FrameWriter<W> {
    inner: W,
    poisoned: bool,
}

impl<W: Write> FrameWriter<W> {
    pub fn new(inner: W) -> FrameWriter<W> {
        FrameWriter {
            inner,
            poisoned: false,
        }
    }

    /// Write one frame carrying `payload`, then flush. An empty or
    /// oversized payload is refused before anything is written (the writer
    /// stays usable); an I/O error poisons the writer.
    pub fn send(&mut self, payload: &[u8]) -> Result<(), NewtError> {
        if self.poisoned {
            return Err(NewtError::Poisoned);
        }
        let head = header(payload.len())?;
        let r = write_frame(&mut self.inner, &head, payload).and_then(|()| self.inner.flush());
        r.map_err(|e| {
            self.poisoned = true;
            NewtError::Io(e)
        })
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    pub fn into_inner(self) -> W {
        self.inner
    }
}

/// Header and payload as one vectored write (a single `writev` on a pipe
/// when the payload fits), finishing with plain writes of what is left.
fn write_frame<W: Write>(w: &mut W, head: &[u8; HEADER_LEN], payload: &[u8]) -> io::Result<()> {
    let mut head_done = 0;
    loop {
        let head_left = HEADER_LEN - head_done;
        let bufs = [IoSlice::new(&head[head_done..]), IoSlice::new(payload)];
        match w.write_vectored(&bufs) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) if n < head_left => head_done += n,
            Ok(n) => {
                let rest = payload.get(n - head_left..).ok_or_else(|| {
                    io::Error::other("writer reported more bytes than it was given")
                })?;
                return w.write_all(rest);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}
