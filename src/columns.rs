//! Text that fits a terminal's columns: the display width of a string (CJK characters take two
//! columns) and word wrapping under a hanging indent.

/// Columns `c` takes on a terminal: two for East Asian wide characters, else one.
fn char_width(c: char) -> usize {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

/// Columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` after `first` (the first line's prefix), wrapped at `columns` with every further line
/// starting with `rest`: breaks at spaces, and between wide characters (Chinese has no spaces);
/// a word longer than a line stays whole.
pub fn wrap(text: &str, first: &str, rest: &str, columns: usize) -> String {
    // Words: runs of narrow characters between spaces, and each wide character alone (no space
    // is put back between two wide ones).
    let mut words: Vec<(String, bool)> = Vec::new();
    for (i, piece) in text.split(' ').enumerate() {
        let mut current = String::new();
        let mut spaced = i > 0;
        for c in piece.chars() {
            if char_width(c) == 2 {
                if !current.is_empty() {
                    words.push((std::mem::take(&mut current), spaced));
                    spaced = false;
                }
                words.push((c.to_string(), spaced));
                spaced = false;
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            words.push((current, spaced));
        }
    }
    let mut out = String::from(first);
    let mut used = width(first);
    let mut at_start = true;
    for (word, spaced) in words {
        let gap = usize::from(spaced && !at_start);
        if !at_start && used + gap + width(&word) > columns {
            out.push('\n');
            out.push_str(rest);
            used = width(rest);
        } else if gap == 1 {
            out.push(' ');
            used += 1;
        }
        out.push_str(&word);
        used += width(&word);
        at_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_under_the_indent() {
        let text = "errcode 40002, 40014, 41001, 42001, 43002, 48001, 76001, 76002, 76003";
        let out = wrap(text, "       ", "               ", 40);
        for line in out.lines() {
            assert!(width(line) <= 40, "{line:?}");
        }
        let rest: Vec<&str> = out.lines().skip(1).collect();
        assert_eq!(rest.len(), 2, "{out}");
        for line in rest {
            let after = line.strip_prefix("               ").unwrap();
            assert!(after.starts_with(|c: char| c.is_ascii_digit()), "{out}");
        }
        assert_eq!(
            out.replace('\n', "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            text
        );
    }

    #[test]
    fn chinese_breaks_between_characters_and_counts_two_columns() {
        assert_eq!(width("退出码"), 6);
        let out = wrap(
            "缓存或存储不可用（不安全、连不上、锁被占用过久）或其中没有",
            "  11  ",
            "      ",
            30,
        );
        for line in out.lines() {
            assert!(width(line) <= 30, "{line:?}");
        }
        assert!(!out.contains(" 存"), "no spaces put into Chinese: {out}");
    }

    #[test]
    fn a_word_longer_than_a_line_stays_whole() {
        let out = wrap(
            "https://developers.weixin.qq.com/doc/offiaccount/x",
            "",
            "",
            10,
        );
        assert_eq!(out, "https://developers.weixin.qq.com/doc/offiaccount/x");
    }
}
