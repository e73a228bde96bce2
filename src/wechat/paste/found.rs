//! What a paste yields, and how far into it answers are looked for: the bounds every reader
//! of a paste keeps.

/// One answer found in a paste: the errcode, and the errmsg when the paste carried one.
pub type Found = (i64, Option<String>);

/// How deep answers are looked for inside JSON strings and escaped JSON.
pub(super) const MAX_DEPTH: usize = 3;
/// The most a JSON value or a repr found in a paste is read for: no WeChat answer is longer.
pub(super) const MAX_OBJECT: usize = 256 * 1024;
/// How deep a repr's brackets may nest.
pub(super) const MAX_NESTING: usize = 32;
/// The longest unquoted value of a repr (a Java map's errmsg).
pub(super) const MAX_BARE: usize = 4096;

/// Answers with where they start in the text.
pub(super) type Placed = (usize, Found);
