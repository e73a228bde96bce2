//! The binary: parse, run, exit with the code `wxtoken::main` chose.
//!
//! No std `main`: std's runtime start-up asks glibc for the main thread's stack bounds
//! (`pthread_getattr_np`, which parses /proc/self/maps) to install a stack-overflow message,
//! and more: together a fifth of everything a cache hit executes. What wxtoken needs of that
//! start-up (SIGPIPE ignored, standard streams that exist) `wxtoken::main` does itself.
#![no_main]

use std::ffi::{c_char, c_int};

#[unsafe(no_mangle)]
extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    // std reads the arguments itself on glibc (from .init_array), without its runtime.
    c_int::from(wxtoken::main(std::env::args_os().collect()))
}
