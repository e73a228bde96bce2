//! The binary: parse, run, exit with the code `wxtoken::app::main` chose.
//!
//! No std `main`: std's runtime start-up asks glibc for the main thread's stack bounds
//! (`pthread_getattr_np`, which parses /proc/self/maps) to install a stack-overflow message,
//! and more: together a fifth of everything a cache hit executes. What wxtoken needs of that
//! start-up (SIGPIPE ignored, standard streams that exist) `wxtoken::app::main` does itself.
#![no_main]

use std::ffi::{c_char, c_int};
use std::os::unix::ffi::OsStrExt;

/// Small blocks from chunks, never freed: see `wxtoken::arena`.
#[global_allocator]
static ALLOCATOR: wxtoken::arena::Arena = wxtoken::arena::Arena;

#[unsafe(no_mangle)]
extern "C" fn main(argc: c_int, argv: *const *const c_char) -> c_int {
    // The arguments as the C runtime hands them over (std's own copy is filled only on glibc).
    let args = (0..usize::try_from(argc).unwrap_or(0))
        .map(|i| {
            // SAFETY: argv holds argc valid, NUL-terminated strings, alive for the whole run.
            let arg = unsafe { std::ffi::CStr::from_ptr(*argv.add(i)) };
            std::ffi::OsStr::from_bytes(arg.to_bytes()).to_os_string()
        })
        .collect();
    c_int::from(wxtoken::app::main(args))
}
