//! Experiment 2: loading a ~1 GiB kernel-like heap.
//!
//! The builder (one child process) builds the heap with mars-noun, major-
//! collects it so that exactly the live nouns are contiguous at the start of
//! old space (the root is evacuated first, so it sits at the base), then
//! times the uncached `mug` of the whole noun, writes the *image* file
//! (a 4 KiB header — magic, base address, length, root, mug — then the raw
//! old-space bytes) and the jam of the root. Each loader is then a fresh
//! child process:
//!
//! * `read`: reserve a fresh anonymous region (the kernel picks the address),
//!   `read` the image into it, then one linear pass over the objects adds
//!   `new_base - old_base` to every pointer word (meta bit 62 = atom, skip
//!   `2 + len` words; else a cell with two slots). Also with the region
//!   reserved at the saved base (`MAP_FIXED_NOREPLACE`), which needs no pass.
//! * `mmap`: `mmap(MAP_PRIVATE | MAP_FIXED_NOREPLACE)` of the image at the
//!   saved base (no relocation if the kernel grants it), then optionally touch
//!   one word per page (read: charges the page faults; write: charges the
//!   copy-on-write too). `mmap-reloc` maps at a kernel-chosen address and
//!   relocates in place (the fallback when the address is taken).
//! * `cue`: read the jam file and `cue` it into a fresh heap, then the
//!   uncached mug of the result and the minor collection that moves it out
//!   of the nursery (the serf pays both after a cue-based load).
//!
//! Every loader checks the mug of what it loaded against the builder's, and
//! the image loaders walk the whole loaded image (untimed) checking that
//! every pointer lands inside it.

use std::fs::File;
use std::io::{Read, Write};
use std::num::NonZeroUsize;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::ptr::NonNull;

use mars_noun::{mug, Generation, Heap, HeapConfig, Noun};
use nix::fcntl::{posix_fadvise, PosixFadviseAdvice};
use nix::sys::mman::{madvise, mmap, mmap_anonymous, munmap, MapFlags, MmapAdvise, ProtFlags};

use crate::measure::{Emit, Timer};
use crate::workload::Rng;

const MAGIC: u64 = 0x6d61_7273_696d_6731; // "marsimg1"
const HEADER: usize = 4096;
const PAGE: usize = 4096;
const TAG_MASK: u64 = 0b11 << 62;
const ADDR_MASK: u64 = !TAG_MASK;
const META_ATOM: u64 = 1 << 62;
const META_MUG: u64 = 0xffff_ffff;

/// The image header.
#[derive(Debug, Clone, Copy)]
pub struct Header {
    pub base: u64,
    pub len: u64,
    pub root: u64,
    pub mug: u32,
}

impl Header {
    fn to_bytes(self) -> Vec<u8> {
        let mut b = vec![0u8; HEADER];
        for (i, w) in [MAGIC, self.base, self.len, self.root, u64::from(self.mug)]
            .iter()
            .enumerate()
        {
            b[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
        }
        b
    }

    fn read(f: &mut File) -> Header {
        let mut b = vec![0u8; HEADER];
        f.read_exact(&mut b).expect("read header");
        let w = |i: usize| {
            let mut a = [0u8; 8];
            a.copy_from_slice(&b[i * 8..i * 8 + 8]);
            u64::from_le_bytes(a)
        };
        assert_eq!(w(0), MAGIC, "not an image file");
        Header {
            base: w(1),
            len: w(2),
            root: w(3),
            mug: w(4) as u32,
        }
    }
}

// ---------------------------------------------------------------- building

/// A leaf: mostly direct atoms, some one-word indirect atoms, a few
/// 2–4-word atoms and rare big atoms (1–8 KiB).
fn leaf(heap: &mut Heap, rng: &mut Rng) -> Noun {
    let r = rng.below(1000);
    if r < 700 {
        Noun::direct(rng.below(1 << 20))
    } else if r < 950 {
        heap.atom_u64(rng.next_u64() | (1 << 63))
    } else if r < 999 {
        let len = 2 + rng.below(3) as usize;
        let mut w: Vec<u64> = (0..len).map(|_| rng.next_u64()).collect();
        w[len - 1] |= 1;
        heap.atom_from_words(&w)
    } else {
        let len = 128 + rng.below(897) as usize;
        let mut b = heap.atom_builder(len);
        for w in b.words_mut() {
            *w = rng.next_u64();
        }
        b.words_mut()[len - 1] |= 1;
        heap.finish_atom(b)
    }
}

/// A tree of `leaves` leaves with a random shape.
fn random_tree(heap: &mut Heap, rng: &mut Rng, leaves: usize) -> Noun {
    let mut v: Vec<Noun> = (0..leaves).map(|_| leaf(heap, rng)).collect();
    while v.len() > 1 {
        let i = rng.below(v.len() as u64 - 1) as usize;
        let c = heap.cell(v[i], v[i + 1]);
        v[i] = c;
        v.remove(i + 1);
    }
    v[0]
}

/// A "module": a list of 1000 `[key value]` entries; values are fresh
/// random trees (1–48 leaves), or (10%) a tree already used in this module,
/// or (5%) a subtree of the shared "stdlib".
fn module(heap: &mut Heap, rng: &mut Rng, stdlib: Noun) -> Noun {
    let mut pool: Vec<Noun> = Vec::with_capacity(64);
    let mut entries = Noun::NULL;
    for _ in 0..1000 {
        let r = rng.below(100);
        let value = if r < 10 && !pool.is_empty() {
            pool[rng.below(pool.len() as u64) as usize]
        } else if r < 15 {
            let d = 1 + rng.below(16);
            let axis = (1 << d) | rng.below(1 << d);
            stdlib.slot_u64(axis).expect("stdlib axis")
        } else {
            let leaves = 1 + rng.below(48) as usize;
            let t = random_tree(heap, rng, leaves);
            if pool.len() < 64 {
                pool.push(t);
            } else {
                pool[rng.below(64) as usize] = t;
            }
            t
        };
        let key = leaf(heap, rng);
        let entry = heap.cell(key, value);
        entries = heap.cell(entry, entries);
    }
    entries
}

fn safepoint(heap: &mut Heap, roots: &mut [Noun]) {
    if heap.wants_minor() {
        let mut gc = heap.collect(Generation::Minor);
        gc.roots(roots);
        gc.finish();
        if heap.wants_major() {
            let mut gc = heap.collect(Generation::Major);
            gc.roots(roots);
            gc.finish();
        }
    }
}

/// Build about `target` bytes of live nouns; return the root after a major
/// collection (so it is at the base of old space).
pub fn build_kernel(heap: &mut Heap, target: usize, e: &mut Emit) -> Noun {
    let mut rng = Rng::new(0x6b65_726e_656c);
    let t = Timer::start();
    // The stdlib: a complete tree of 2^16 random leaves.
    let mut level: Vec<Noun> = (0..1 << 16).map(|_| leaf(heap, &mut rng)).collect();
    while level.len() > 1 {
        level = level
            .chunks_exact(2)
            .map(|p| heap.cell(p[0], p[1]))
            .collect();
    }
    let mut roots = [level[0], Noun::NULL];
    while heap.used_bytes() < target {
        let m = module(heap, &mut rng, roots[0]);
        roots[1] = heap.cell(m, roots[1]);
        safepoint(heap, &mut roots);
    }
    let mut root = [heap.cell(roots[0], roots[1])];
    e.time("build", &t);
    let t = Timer::start();
    let mut gc = heap.collect(Generation::Major);
    gc.roots(&mut root);
    gc.finish();
    e.time("major", &t);
    root[0]
}

// ------------------------------------------------------------ image walks

/// Add `delta` to every pointer slot of every object of `image`.
pub fn relocate(image: &mut [u64], delta: u64) {
    let n = image.len();
    let mut i = 0;
    while i < n {
        let meta = image[i];
        if meta & META_ATOM != 0 {
            i += 2 + image[i + 1] as usize;
        } else {
            for s in &mut image[i + 1..i + 3] {
                if *s >> 63 == 1 {
                    *s = s.wrapping_add(delta);
                }
            }
            i += 3;
        }
    }
    assert_eq!(i, n, "image does not end on an object boundary");
}

/// Objects of the image: (cells, atoms, pointers); panics if a pointer
/// leaves `[base, base + 8 * image.len())` or an object is malformed.
pub fn validate(image: &[u64], base: u64) -> (u64, u64, u64) {
    let end = base + 8 * image.len() as u64;
    let (mut cells, mut atoms, mut ptrs) = (0, 0, 0);
    let mut i = 0;
    while i < image.len() {
        let meta = image[i];
        assert_eq!(meta >> 63, 0, "forwarded object in image");
        if meta & META_ATOM != 0 {
            let len = image[i + 1] as usize;
            assert!(len >= 1 && image[i + 1 + len] != 0, "malformed atom");
            atoms += 1;
            i += 2 + len;
        } else {
            for &s in &image[i + 1..i + 3] {
                if s >> 63 == 1 {
                    let a = s & ADDR_MASK;
                    assert!(
                        a >= base && a < end && a.is_multiple_of(8),
                        "pointer out of image"
                    );
                    ptrs += 1;
                }
            }
            cells += 1;
            i += 3;
        }
    }
    assert_eq!(i, image.len());
    (cells, atoms, ptrs)
}

fn clear_mugs(image: &mut [u64]) {
    let mut i = 0;
    while i < image.len() {
        let meta = image[i];
        image[i] = meta & !META_MUG;
        i += if meta & META_ATOM != 0 {
            2 + image[i + 1] as usize
        } else {
            3
        };
    }
}

fn as_bytes(image: &[u64]) -> &[u8] {
    // SAFETY: any u64 slice is readable as bytes (u8 has no alignment or
    // validity requirements); the length is the same memory.
    unsafe { std::slice::from_raw_parts(image.as_ptr().cast::<u8>(), image.len() * 8) }
}

fn drop_cache(f: &File) {
    posix_fadvise(f.as_raw_fd(), 0, 0, PosixFadviseAdvice::POSIX_FADV_DONTNEED)
        .expect("posix_fadvise");
}

/// A private anonymous or file mapping that is unmapped on drop.
struct Mapping {
    ptr: NonNull<std::ffi::c_void>,
    len: usize,
}

impl Mapping {
    fn words(&mut self, n: usize) -> &mut [u64] {
        assert!(n * 8 <= self.len);
        // SAFETY: the mapping is `len` bytes, readable and writable,
        // page-aligned, and owned by `self` (no other reference to it).
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr().cast::<u64>(), n) }
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` are exactly what mmap returned; no slice into
        // the mapping outlives `self`.
        let _ = unsafe { munmap(self.ptr, self.len) };
    }
}

// ---------------------------------------------------------------- children

/// The builder's old space as words.
///
/// # Safety
///
/// Call only after a major collection with the single root at `base`: old
/// space then holds exactly `len` bytes of objects starting with the root
/// (evacuated first, at the base of the fresh region), mapped and writable
/// while the heap lives. The caller must drop the slice before anything else
/// reads or writes nouns (mug, jam), so that it is the only reference in use.
unsafe fn old_space<'a>(base: u64, len: usize) -> &'a mut [u64] {
    // SAFETY: guaranteed by the caller (see above).
    unsafe { std::slice::from_raw_parts_mut(base as *mut u64, len / 8) }
}

/// Child: build, mug, write the image and the jam.
pub fn child_build(prefix: &str, target: usize) {
    let mut e = Emit::default();
    let mut heap = Heap::new(HeapConfig::default()).expect("heap");
    let root = build_kernel(&mut heap, target, &mut e);
    let base = root.raw() & ADDR_MASK;
    let len = heap.old_bytes();
    assert!(root.is_cell() && len.is_multiple_of(8));
    // SAFETY: just after the major collection; the slice dies in this statement.
    let (cells, atoms, ptrs) = validate(unsafe { old_space(base, len) }, base);
    e.put("image_bytes", len)
        .put("cells", cells)
        .put("atoms", atoms)
        .put("pointers", ptrs);

    // Uncached mug of the whole noun, best of 3.
    let mut kernel_mug = 0;
    let mut best = (u64::MAX, u64::MAX);
    for _ in 0..3 {
        // SAFETY: as above; the slice dies before `mug` runs.
        clear_mugs(unsafe { old_space(base, len) });
        let t = Timer::start();
        kernel_mug = mug(root);
        let (w, c) = t.stop();
        best = (best.0.min(w), best.1.min(c));
    }
    e.put("mug", kernel_mug)
        .put("mug_uncached_ns", best.0)
        .put("mug_uncached_cpu_ns", best.1);
    let t = Timer::start();
    assert_eq!(mug(root), kernel_mug);
    e.time("mug_cached", &t);

    // The image (mugs cached, as a serf would save it).
    let hdr = Header {
        base,
        len: len as u64,
        root: root.raw(),
        mug: kernel_mug,
    };
    // Best of 3 (each run writes a new file, so the page cache and the
    // file system allocate afresh each time).
    let path = format!("{prefix}.img");
    let mut best = [u64::MAX; 4];
    for _ in 0..3 {
        let _ = std::fs::remove_file(&path);
        let t = Timer::start();
        let mut f = File::create(&path).expect("create image");
        f.write_all(&hdr.to_bytes()).expect("write header");
        // SAFETY: as above; the slice dies in this statement.
        f.write_all(as_bytes(unsafe { old_space(base, len) }))
            .expect("write image");
        let (w, c) = t.stop();
        let t = Timer::start();
        f.sync_all().expect("fsync image");
        let (fw, fc) = t.stop();
        for (b, v) in best.iter_mut().zip([w, c, fw, fc]) {
            *b = (*b).min(v);
        }
    }
    e.put("img_write_ns", best[0])
        .put("img_write_cpu_ns", best[1])
        .put("img_fsync_ns", best[2])
        .put("img_fsync_cpu_ns", best[3])
        .put("img_file_bytes", HEADER + len);

    jam_part(root, prefix, &mut e);
    e.print();
}

#[cfg(feature = "serial")]
fn jam_part(root: Noun, prefix: &str, e: &mut Emit) {
    let mut best = (u64::MAX, u64::MAX);
    let mut bytes = Vec::new();
    for _ in 0..3 {
        drop(std::mem::take(&mut bytes));
        let t = Timer::start();
        bytes = mars_serial::jam(root);
        let (w, c) = t.stop();
        best = (best.0.min(w), best.1.min(c));
    }
    e.put("jam_ns", best.0)
        .put("jam_cpu_ns", best.1)
        .put("jam_bytes", bytes.len());
    let t = Timer::start();
    let mut f = File::create(format!("{prefix}.jam")).expect("create jam");
    f.write_all(&bytes).expect("write jam");
    f.sync_all().expect("fsync jam");
    e.time("jam_write", &t);
}

#[cfg(not(feature = "serial"))]
fn jam_part(_root: Noun, _prefix: &str, e: &mut Emit) {
    e.put("jam", "skipped");
}

/// Child: load the image by `read` + relocation.
/// With `fixed`, the region is reserved at the saved base
/// (`MAP_FIXED_NOREPLACE`) and relocation is skipped when that works. With
/// `thp`, the region is advised `MADV_HUGEPAGE` before the read, so that
/// faulting it in costs one fault per 2 MiB instead of per 4 KiB.
pub fn child_read(path: &str, cold: bool, fixed: bool, thp: bool) {
    let mut e = Emit::default();
    let mut f = File::open(path).expect("open image");
    if cold {
        drop_cache(&f);
    }
    let t = Timer::start();
    let hdr = Header::read(&mut f);
    let len = hdr.len as usize;
    let map_len = NonZeroUsize::new(len.next_multiple_of(PAGE)).expect("non-empty");
    let (addr, extra) = if fixed {
        (
            NonZeroUsize::new(hdr.base as usize),
            MapFlags::MAP_FIXED_NOREPLACE,
        )
    } else {
        (None, MapFlags::empty())
    };
    let reserve = |addr, extra| {
        // SAFETY: a fresh anonymous private mapping; with
        // MAP_FIXED_NOREPLACE the kernel refuses rather than replace an
        // existing mapping.
        unsafe {
            mmap_anonymous(
                addr,
                map_len,
                ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
                MapFlags::MAP_PRIVATE | MapFlags::MAP_NORESERVE | extra,
            )
        }
    };
    // If the saved address is taken, fall back to relocation.
    let ptr = reserve(addr, extra)
        .or_else(|_| reserve(None, MapFlags::empty()))
        .expect("reserve");
    if thp {
        // SAFETY: advice on our own fresh mapping; it changes no contents.
        unsafe { madvise(ptr, map_len.get(), MmapAdvise::MADV_HUGEPAGE) }.expect("madvise");
    }
    let mut map = Mapping {
        ptr,
        len: map_len.get(),
    };
    let words = map.words(len / 8);
    {
        // SAFETY: the same memory as `words`, viewed as bytes for `read`.
        let bytes = unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr().cast::<u8>(), len) };
        f.read_exact(bytes).expect("read image");
    }
    e.time("read", &t);
    let new_base = words.as_ptr() as u64;
    let delta = new_base.wrapping_sub(hdr.base);
    let t = Timer::start();
    if delta != 0 {
        relocate(words, delta);
    }
    e.time("reloc", &t);
    e.put("relocated", u8::from(delta != 0));
    let root = Noun::from_raw(hdr.root.wrapping_add(delta));
    let t = Timer::start();
    let m = mug(root);
    e.time("mug", &t);
    assert_eq!(m, hdr.mug, "mug of the loaded kernel");
    validate(words, new_base);
    e.put("image_bytes", len).put("ok", 1);
    e.print();
}

/// Child: load the image by `mmap`. `mode`: `none`, `read`, `write` (touch
/// one word per page after mapping at the saved address), `probe` (only
/// see whether the address is granted) or `reloc` (map anywhere and
/// relocate).
pub fn child_mmap(path: &str, mode: &str, cold: bool) {
    let mut e = Emit::default();
    let mut f = File::open(path).expect("open image");
    if cold {
        drop_cache(&f);
    }
    let hdr = Header::read(&mut f);
    let len = hdr.len as usize;
    let map_len = NonZeroUsize::new(len.next_multiple_of(PAGE)).expect("non-empty");
    let fixed = mode != "reloc";
    let (addr, flags) = if fixed {
        (
            NonZeroUsize::new(hdr.base as usize),
            MapFlags::MAP_PRIVATE | MapFlags::MAP_FIXED_NOREPLACE,
        )
    } else {
        (None, MapFlags::MAP_PRIVATE)
    };
    let t = Timer::start();
    // SAFETY: a private file mapping (our writes never reach the file); with
    // MAP_FIXED_NOREPLACE the kernel refuses rather than replace an existing
    // mapping.
    let res = unsafe {
        mmap(
            addr,
            map_len,
            ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
            flags,
            &f,
            HEADER as i64,
        )
    };
    let (mmap_ns, mmap_cpu) = t.stop();
    let ptr = match res {
        Ok(p) => p,
        Err(err) => {
            e.put("status", format!("mmap-failed:{err}"))
                .put("total_ns", 0);
            e.print();
            return;
        }
    };
    let mut map = Mapping {
        ptr,
        len: map_len.get(),
    };
    if fixed && ptr.as_ptr() as u64 != hdr.base {
        e.put("status", "address-not-granted").put("total_ns", 0);
        e.print();
        return;
    }
    e.put("mmap_ns", mmap_ns).put("mmap_cpu_ns", mmap_cpu);
    if mode == "probe" {
        e.put("status", "ok").put("total_ns", mmap_ns);
        e.print();
        return;
    }
    let words = map.words(len / 8);
    let base = words.as_ptr() as u64;
    let t = Timer::start();
    let mut sink = 0u64;
    match mode {
        "none" => {}
        "read" => {
            for i in (0..words.len()).step_by(PAGE / 8) {
                // SAFETY: `i` is inside the slice; a volatile read so the
                // page fault is not optimised away.
                sink ^= unsafe { std::ptr::read_volatile(words.as_ptr().add(i)) };
            }
        }
        "write" => {
            for i in (0..words.len()).step_by(PAGE / 8) {
                let p = words.as_mut_ptr();
                // SAFETY: `i` is inside the slice; volatile so the
                // copy-on-write fault really happens.
                unsafe {
                    let v = std::ptr::read_volatile(p.add(i));
                    std::ptr::write_volatile(p.add(i), v);
                }
            }
        }
        "reloc" => relocate(words, base.wrapping_sub(hdr.base)),
        other => panic!("unknown mmap mode {other}"),
    }
    let (touch_ns, touch_cpu) = t.stop();
    e.put("touch_ns", touch_ns)
        .put("touch_cpu_ns", touch_cpu)
        .put("total_ns", mmap_ns + touch_ns)
        .put("total_cpu_ns", mmap_cpu + touch_cpu);
    let root = Noun::from_raw(hdr.root.wrapping_add(base.wrapping_sub(hdr.base)));
    let t = Timer::start();
    let m = mug(root);
    e.time("mug", &t);
    assert_eq!(m, hdr.mug, "mug of the mapped kernel");
    let rss_after_load = crate::measure::vm_rss_kib();
    validate(words, base);
    e.put("rss_after_load_kib", rss_after_load)
        .put("status", "ok")
        .put("sink", sink & 1);
    e.print();
}

/// Child: load by `cue` of the jam file.
#[cfg(feature = "serial")]
pub fn child_cue(path: &str, expect_mug: u32, cold: bool) {
    let mut e = Emit::default();
    let mut f = File::open(path).expect("open jam");
    if cold {
        drop_cache(&f);
    }
    let t = Timer::start();
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).expect("read jam");
    e.time("read", &t);
    let mut heap = Heap::new(HeapConfig::default()).expect("heap");
    let t = Timer::start();
    let root = mars_serial::cue(&mut heap, &bytes).expect("cue");
    e.time("cue", &t);
    drop(bytes);
    let t = Timer::start();
    let m = mug(root);
    e.time("mug", &t);
    assert_eq!(m, expect_mug, "mug of the cued kernel");
    let young = heap.used_bytes();
    let mut roots = [root];
    let t = Timer::start();
    let mut gc = heap.collect(Generation::Minor);
    gc.roots(&mut roots);
    gc.finish();
    e.time("gc", &t);
    e.put("heap_bytes", young).put("ok", 1);
    e.print();
}

/// Remove the experiment's files (also on unwinding).
pub struct Cleanup(pub Vec<String>);

impl Drop for Cleanup {
    fn drop(&mut self) {
        for p in &self.0 {
            if Path::new(p).exists() {
                let _ = std::fs::remove_file(p);
            }
        }
    }
}
