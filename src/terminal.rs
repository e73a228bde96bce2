//! Reading a secret at a terminal without echoing it, and leaving the terminal as it was
//! whatever happens: on a normal return, and on Ctrl-C, Ctrl-\, a hang-up or a kill; and the
//! width of the terminal on stdout.

use std::io::{self, BufRead, Read, Write};
use std::sync::OnceLock;

/// The terminal settings before the prompt, for the signal handler (set once per process).
static SAVED: OnceLock<libc::termios> = OnceLock::new();

/// The signals that end a run while it waits for the secret: the handler restores echo first.
const ENDING: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

extern "C" fn restore_and_die(signal: libc::c_int) {
    // SAFETY: tcsetattr, signal and raise are async-signal-safe; SAVED is set before any
    // handler is installed and never changes afterwards.
    unsafe {
        if let Some(saved) = SAVED.get() {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, saved);
        }
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

/// The columns of the terminal on stdout, when stdout is one: its window size, else `COLUMNS`,
/// else 80. `None` for a pipe or a file (nothing is cut there).
pub(crate) fn stdout_columns() -> Option<usize> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return None;
    }
    if let Ok(size) = rustix::termios::tcgetwinsize(io::stdout())
        && size.ws_col > 0
    {
        return Some(usize::from(size.ws_col));
    }
    let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    Some(from_env.filter(|&c| c > 0).unwrap_or(80))
}

/// Print `prompt` on stderr and read one line from the terminal on stdin with echo off, at most
/// `cap` bytes. Ctrl-Z is ignored meanwhile (a stopped prompt would come back with echo on).
pub(crate) fn read_hidden_line(prompt: &str, cap: u64) -> io::Result<String> {
    let fd = libc::STDIN_FILENO;
    // SAFETY: termios is plain data; tcgetattr fills it for a terminal fd.
    let mut saved: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let _ = SAVED.set(saved);
    let mut quiet = saved;
    quiet.c_lflag &= !libc::ECHO;
    quiet.c_lflag |= libc::ECHONL;
    let _ = write!(io::stderr(), "{prompt}");
    // SAFETY: installing plain handlers and the terminal settings read above; every one of them
    // is put back before returning.
    let previous: Vec<_> = unsafe {
        let mut previous: Vec<_> = ENDING
            .iter()
            .map(|&s| {
                (
                    s,
                    libc::signal(s, restore_and_die as *const () as libc::sighandler_t),
                )
            })
            .collect();
        previous.push((libc::SIGTSTP, libc::signal(libc::SIGTSTP, libc::SIG_IGN)));
        libc::tcsetattr(fd, libc::TCSANOW, &quiet);
        previous
    };
    let mut line = String::new();
    let read = io::stdin().lock().take(cap).read_line(&mut line);
    // SAFETY: as above.
    unsafe {
        libc::tcsetattr(fd, libc::TCSANOW, &saved);
        for (signal, handler) in previous {
            libc::signal(signal, handler);
        }
    }
    read.map(|_| line)
}
