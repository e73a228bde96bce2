//! The process itself: set up before anything else runs (core dumps off, SIGPIPE ignored,
//! standard streams that exist), and undone where `exec` hands the process on.

use std::io;

use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};

/// A variable of the environment, if it is set and UTF-8 (wxtoken removes the empty WXTOKEN_*
/// ones at start-up: an empty variable counts as unset).
pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Whether stdout was closed when the process started (then fd 1 points at /dev/null).
static STDOUT_WAS_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn stdout_was_closed() -> bool {
    STDOUT_WAS_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

/// What the process needs before anything else runs: core dumps off, SIGPIPE ignored (a closed
/// pipe is an error the printer reports), and standard streams that exist. A stream closed by
/// the caller (`>&-`) is reopened on /dev/null, so that no file wxtoken opens (a cache entry, a
/// lock) can become fd 1 and receive the token; a closed stdout is remembered, so that writing
/// the result still fails.
pub fn prepare() {
    disable_core_dumps();
    for fd in 0..=2 {
        // SAFETY: fcntl(F_GETFD) only queries the descriptor.
        let closed = unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1
            && io::Error::last_os_error().raw_os_error() == Some(libc::EBADF);
        if closed {
            if fd == 1 {
                STDOUT_WAS_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            // SAFETY: a valid NUL-terminated path; open takes the lowest free descriptor, `fd`.
            unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
        }
    }
    // SAFETY: setting a signal's disposition to ignore, before any other thread exists.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
}

/// The core-file size limit wxtoken was started with, for the command `exec` runs.
static CORE_LIMIT: std::sync::Mutex<Option<Rlimit>> = std::sync::Mutex::new(None);

/// Switch core dumps off: a dump of this process would hold the secret and the token. Only the
/// soft limit is lowered, so that [`restore_for_exec`] can give a command wxtoken runs the
/// limit the caller set.
pub fn disable_core_dumps() {
    let old = getrlimit(Resource::Core);
    let zero = Rlimit {
        current: Some(0),
        maximum: old.maximum,
    };
    if let Ok(mut saved) = CORE_LIMIT.lock() {
        *saved = Some(old);
    }
    // Failures are harmless: nothing here can be made worse by them.
    let _ = setrlimit(Resource::Core, zero);
    #[cfg(target_os = "linux")]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

/// Undo, just before `exec` replaces this process with another command, what
/// [`prepare`] changed that an exec keeps: the core-file limit. (SIGPIPE's disposition
/// and the signal mask std's exec resets itself; PR_SET_DUMPABLE does not survive an exec.)
pub fn restore_for_exec() {
    let saved = CORE_LIMIT.lock().ok().and_then(|s| *s);
    if let Some(limit) = saved {
        let _ = setrlimit(Resource::Core, limit);
    }
}
