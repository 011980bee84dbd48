//! First-touch cost of fresh anonymous memory: what a copying collector pays
//! when its to-space is a new mapping (mars-noun's major collection maps a
//! fresh old space and unmaps the previous one, and old space grows into
//! untouched pages), and what `read` into a fresh region pays.

use std::num::NonZeroUsize;

use nix::sys::mman::{madvise, mmap_anonymous, munmap, MapFlags, MmapAdvise, ProtFlags};

use crate::measure::{Emit, Timer};

const PAGE: usize = 4096;

/// Child: map `bytes` of anonymous memory and write one byte per 4 KiB page.
/// `mode`: `4k` (plain), `thp` (`MADV_HUGEPAGE` first), `populate`
/// (`MAP_POPULATE`: the kernel faults everything in inside `mmap`).
pub fn child_touch(mode: &str, bytes: usize) {
    let len = NonZeroUsize::new(bytes.next_multiple_of(PAGE)).expect("non-empty");
    let mut flags = MapFlags::MAP_PRIVATE | MapFlags::MAP_NORESERVE;
    if mode == "populate" {
        flags |= MapFlags::MAP_POPULATE;
    }
    let t = Timer::start();
    // SAFETY: a fresh anonymous private mapping at a kernel-chosen address.
    let ptr = unsafe {
        mmap_anonymous(
            None,
            len,
            ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
            flags,
        )
    }
    .expect("mmap");
    if mode == "thp" {
        // SAFETY: advice on our own fresh mapping; it changes no contents.
        unsafe { madvise(ptr, len.get(), MmapAdvise::MADV_HUGEPAGE) }.expect("madvise");
    }
    let p = ptr.as_ptr().cast::<u8>();
    for off in (0..len.get()).step_by(PAGE) {
        // SAFETY: `off` is inside the mapping; volatile so the fault happens.
        unsafe { std::ptr::write_volatile(p.add(off), 1) };
    }
    let (wall, cpu, sys) = t.stop3();
    // SAFETY: the mapping made above, no longer used.
    unsafe { munmap(ptr, len.get()) }.expect("munmap");
    let thp =
        std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").unwrap_or_default();
    let mut e = Emit::default();
    e.put("touch_ns", wall)
        .put("touch_cpu_ns", cpu)
        .put("touch_sys_ns", sys)
        .put("bytes", len.get())
        .put("thp_setting", thp.trim().replace(' ', "_"));
    e.print();
}
