//! A reserved range of virtual memory that objects are bump-allocated into.
//!
//! A `Region` reserves `capacity` bytes of address space with
//! `MAP_NORESERVE`: nothing is committed until a page is first written, so a
//! large reservation costs nothing. `release_tail` hands pages beyond a mark
//! back to the kernel (`MADV_DONTNEED`) so that a burst of allocation does not
//! stay resident after a collection. This file is the only place that maps or
//! unmaps memory.

use std::ffi::c_void;
use std::num::NonZeroUsize;
use std::ptr::NonNull;

use nix::sys::mman::{madvise, mmap_anonymous, munmap, MapFlags, MmapAdvise, ProtFlags};

use crate::error::HeapError;

const PAGE: usize = 4096;

/// A bump-allocated range of anonymous memory.
#[derive(Debug)]
pub struct Region {
    base: NonNull<u8>,
    capacity: usize,
    /// Next free byte, as an address.
    top: usize,
    /// Highest address written since the last `release_tail`.
    high_water: usize,
}

impl Region {
    /// Reserve `capacity` bytes (rounded up to a page) of address space.
    pub fn reserve(capacity: usize) -> Result<Region, HeapError> {
        let capacity = capacity.max(PAGE).next_multiple_of(PAGE);
        let len = NonZeroUsize::new(capacity).ok_or(HeapError::Reserve { bytes: capacity })?;
        // SAFETY: an anonymous private mapping has no file and no aliasing; the
        // kernel chooses the address. The result is page-aligned.
        let base = unsafe {
            mmap_anonymous(
                None,
                len,
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_PRIVATE | MapFlags::MAP_NORESERVE,
            )
        }
        .map_err(|_| HeapError::Reserve { bytes: capacity })?;
        let base = base.cast::<u8>();
        let start = base.as_ptr() as usize;
        Ok(Region {
            base,
            capacity,
            top: start,
            high_water: start,
        })
    }

    /// First address of the region.
    #[inline]
    pub fn start(&self) -> usize {
        self.base.as_ptr() as usize
    }

    /// One past the last reserved address.
    #[inline]
    pub fn end(&self) -> usize {
        self.start() + self.capacity
    }

    /// Bytes of address space reserved.
    #[inline]
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Next free address.
    #[inline]
    pub fn top(&self) -> usize {
        self.top
    }

    /// Bytes allocated so far.
    #[inline]
    pub fn used(&self) -> usize {
        self.top - self.start()
    }

    /// Whether `addr` lies inside the allocated part of this region.
    #[inline]
    pub fn contains(&self, addr: usize) -> bool {
        addr.wrapping_sub(self.start()) < self.used()
    }

    /// Bump-allocate `bytes` (a multiple of 8); `None` when the reservation
    /// is exhausted.
    #[inline]
    pub fn bump(&mut self, bytes: usize) -> Option<*mut u64> {
        debug_assert_eq!(bytes % 8, 0);
        let new_top = self.top.checked_add(bytes)?;
        if new_top > self.end() {
            return None;
        }
        let p = self.top as *mut u64;
        self.top = new_top;
        Some(p)
    }

    /// Give back the unused tail of a too-large allocation (the last one made).
    #[inline]
    pub fn shrink_last(&mut self, new_top: usize) {
        debug_assert!(new_top <= self.top && new_top >= self.start());
        self.top = new_top;
    }

    /// Forget every allocation. In debug builds the old contents are
    /// overwritten with a poison pattern so that a stale handle is caught.
    pub fn reset(&mut self) {
        self.high_water = self.high_water.max(self.top);
        if cfg!(any(debug_assertions, feature = "extra-checks")) {
            let words = self.used() / 8;
            // SAFETY: [start, top) is mapped, writable and owned by this region;
            // after a reset no live object is in it.
            unsafe { std::slice::from_raw_parts_mut(self.start() as *mut u64, words) }
                .fill(crate::noun::POISON);
        }
        self.top = self.start();
    }

    /// Return to the kernel the pages above `keep` bytes that have been
    /// touched, so that a burst does not stay resident.
    pub fn release_tail(&mut self, keep: usize) {
        self.high_water = self.high_water.max(self.top);
        let from = (self.start() + keep)
            .next_multiple_of(PAGE)
            .max(self.top.next_multiple_of(PAGE));
        if self.high_water > from {
            let len = self.high_water.next_multiple_of(PAGE).min(self.end()) - from;
            if let Some(ptr) = NonNull::new(from as *mut c_void) {
                // SAFETY: [from, from+len) lies inside our mapping and holds no
                // live objects (it is above `top`).
                let _ = unsafe { madvise(ptr, len, MmapAdvise::MADV_DONTNEED) };
            }
            self.high_water = from;
        }
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: the mapping was created in `reserve` with this base and
        // length and is not used after the region is dropped.
        let _ = unsafe { munmap(self.base.cast::<c_void>(), self.capacity) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bump_until_full() {
        let mut r = Region::reserve(8192).expect("reserve");
        assert_eq!(r.used(), 0);
        let a = r.bump(8).expect("first");
        assert!(r.contains(a as usize));
        assert!(r.bump(8192).is_none());
        assert!(r.bump(8184).is_some());
        assert_eq!(r.used(), 8192);
        r.reset();
        assert_eq!(r.used(), 0);
        assert!(!r.contains(a as usize));
    }

    #[test]
    fn huge_reservation_is_cheap() {
        let r = Region::reserve(64 << 30).expect("64 GiB of address space");
        assert_eq!(r.used(), 0);
    }
}
