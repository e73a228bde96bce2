//! The Redis store: one token for a fleet, in wxtoken's layout or an SDK's.

pub mod admin;
pub mod connection;
pub mod layout;
mod listing;
pub mod place;
pub mod redis;
pub mod url;
pub mod value;
mod write;

use layout::Layout;
use url::StoreUrl;

use crate::error::Failure;
use crate::lang::Lang;

/// `--store` and its layout, checked.
#[derive(Clone)]
pub struct StoreChoice {
    pub url: StoreUrl,
    pub layout: Layout,
    pub prefix: String,
}

/// A `--store-prefix`: plain visible ASCII, nothing a key pattern would read as a wildcard.
pub fn check_prefix(p: &str, lang: Lang) -> Result<(), Failure> {
    let plain = !p.is_empty()
        && p.len() <= 200
        && p.chars().all(|c| c.is_ascii_graphic())
        && !p.contains(['*', '?', '[', ']', '\\']);
    if plain {
        return Ok(());
    }
    Err(Failure::usage(lang.pick(
        "--store-prefix must be 1 to 200 visible ASCII characters, without spaces or * ? [ ] \\",
        "--store-prefix 必须是 1 到 200 个可见 ASCII 字符，不含空格和 * ? [ ] \\",
    )))
}
