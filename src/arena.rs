//! The binary's allocator: a one-shot process's. Small blocks come from chunks and are never
//! given back (the process ends in milliseconds); larger ones go to the system allocator.
//!
//! glibc's malloc and free were a quarter of a cache hit's instructions, most of them for the
//! hundreds of small blocks clap allocates to parse the command line and drops right after.
//! A small block here costs a pointer bump and its free nothing. Large blocks (TLS and I/O
//! buffers, a big response) are the system's, allocated and freed as usual, so peak memory
//! stays bounded by what a run holds, plus the small blocks it ever made (a few hundred KiB).
//!
//! Each thread bumps in chunks of its own (no locking, no sharing): the run's few threads
//! (a Redis connect, a secret command's reader) allocate little.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr;

/// A block of at most this size (and alignment at most [`MAX_ALIGN`]) is small.
const MAX_SMALL: usize = 4096;
const MAX_ALIGN: usize = 16;
/// The size of a chunk small blocks are cut from.
const CHUNK: usize = 64 * 1024;

pub struct Arena;

thread_local! {
    /// The current chunk's next free byte and its end (addresses; 0 when there is none).
    static BUMP: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

fn is_small(layout: Layout) -> bool {
    layout.size() <= MAX_SMALL && layout.align() <= MAX_ALIGN
}

/// A small block from this thread's chunk (a new chunk when it is used up); null when the
/// system has no memory, or when this thread's storage is gone (its exit).
fn bump(layout: Layout) -> *mut u8 {
    BUMP.try_with(|cell| {
        let (mut next, mut end) = cell.get();
        let mut start = next.next_multiple_of(layout.align());
        if next == 0 || start + layout.size() > end {
            // SAFETY: a non-zero size, and a valid power-of-two alignment.
            let chunk =
                unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, MAX_ALIGN)) };
            if chunk.is_null() {
                return ptr::null_mut();
            }
            next = chunk as usize;
            end = next + CHUNK;
            start = next.next_multiple_of(layout.align());
        }
        cell.set((start + layout.size(), end));
        start as *mut u8
    })
    .unwrap_or(ptr::null_mut())
}

/// Grow the block at `ptr` from `old` to `new` bytes in place, if it is the last one cut from
/// this thread's current chunk and the chunk has room.
fn grow_last(ptr: *mut u8, old: usize, new: usize) -> bool {
    BUMP.try_with(|cell| {
        let (next, end) = cell.get();
        let start = ptr as usize;
        if next != 0 && start + old == next && start + new <= end {
            cell.set((start + new, end));
            true
        } else {
            false
        }
    })
    .unwrap_or(false)
}

// SAFETY: small blocks are disjoint ranges of chunks owned by one thread and never reused;
// large blocks are the system allocator's. A block is small by its layout, and the layout given
// to `dealloc` and `realloc` is the one it was allocated with (GlobalAlloc's contract), so each
// block is always returned to where it came from.
unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_small(layout) {
            let p = bump(layout);
            if !p.is_null() {
                return p;
            }
        }
        // SAFETY: the caller's layout, as GlobalAlloc requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if !is_small(layout) {
            // SAFETY: a large block comes from System.alloc with this layout.
            unsafe { System.dealloc(ptr, layout) }
        }
        // A small block is given back at exit, with its chunk. (One that fell back to the
        // system when a chunk could not be had is left too: a few bytes, at exit.)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `new_size` and the block's alignment make a valid layout (GlobalAlloc's
        // contract for realloc).
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if !is_small(layout) && !is_small(new) {
            // SAFETY: a large block from System.alloc, to a large size.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        if is_small(layout) && new_size <= layout.size() {
            return ptr;
        }
        // The last block cut from this thread's chunk grows in place, when the chunk has room
        // (a Vec being filled, the common case): no copy, nothing left behind.
        if is_small(layout) && is_small(new) && grow_last(ptr, layout.size(), new_size) {
            return ptr;
        }
        // SAFETY: `new` is a valid layout; the copy is within both blocks; the old block is
        // given back where it came from.
        unsafe {
            let moved = self.alloc(new);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_disjoint_and_keep_their_bytes_through_realloc() {
        let a = Arena;
        let mut blocks = Vec::new();
        for (i, (size, align)) in [
            (1, 1),
            (24, 8),
            (7, 2),
            (16, 16),
            (1000, 8),
            (5000, 8),
            (1, 64),
        ]
        .into_iter()
        .cycle()
        .take(2000)
        .enumerate()
        {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: a valid, non-zero layout; the block is written within its size.
            let p = unsafe { a.alloc(layout) };
            assert!(!p.is_null());
            assert_eq!(p as usize % align, 0);
            unsafe { ptr::write_bytes(p, i as u8, size) };
            blocks.push((p, layout, i as u8));
        }
        for (p, layout, fill) in &blocks {
            // SAFETY: each block is still allocated, `layout.size()` bytes long.
            let bytes = unsafe { std::slice::from_raw_parts(*p, layout.size()) };
            assert!(bytes.iter().all(|b| b == fill), "a block was overwritten");
        }
        for (p, layout, fill) in blocks {
            let (mut p, mut layout, mut filled) = (p, layout, layout.size());
            for new_size in [layout.size() / 2 + 1, layout.size() * 3, 2048, 8] {
                // SAFETY: a live block of `layout`, grown or shrunk; the kept prefix is checked.
                let q = unsafe { a.realloc(p, layout, new_size) };
                assert!(!q.is_null());
                filled = filled.min(new_size);
                let bytes = unsafe { std::slice::from_raw_parts(q, filled) };
                assert!(bytes.iter().all(|b| *b == fill), "realloc lost bytes");
                (p, layout) = (
                    q,
                    Layout::from_size_align(new_size, layout.align()).unwrap(),
                );
            }
            // SAFETY: the live block and its layout.
            unsafe { a.dealloc(p, layout) };
        }
    }
}
