//! The exit codes, by what happened: every number wxtoken exits with is named here
//! (`exit_codes.rs` tells them; WeChat's errcodes map onto them by category in the catalogue).

pub const OK: u8 = 0;
pub const INTERNAL: u8 = 1;
pub const USAGE: u8 = 2;
pub const NETWORK: u8 = 3;
pub const RESPONSE: u8 = 4;
pub const BUSY: u8 = 5;
pub const CREDENTIALS: u8 = 6;
pub const IP: u8 = 7;
pub const QUOTA: u8 = 8;
pub const ACCOUNT: u8 = 9;
/// Another errcode, or (`explain`) a code the catalogue does not know.
pub const OTHER: u8 = 10;
pub const STORE: u8 = 11;
/// A confirmation prompt answered with anything but yes: nothing was done.
pub const DECLINED: u8 = 12;
/// `api`: the request is wrong for the API (method, body).
pub const REQUEST: u8 = 13;
/// `api`: no permission for the API.
pub const UNAUTHORIZED: u8 = 14;
/// `api --paginate`: `--max-pages` reached before the last page.
pub const PAGES: u8 = 15;
/// `sign --check`: the page's signature is not what its inputs sign to.
pub const MISMATCH: u8 = 16;
/// `exec`: the command was found but cannot be run.
pub const NOT_RUNNABLE: u8 = 126;
/// `exec`: the command was not found.
pub const NOT_FOUND: u8 = 127;
