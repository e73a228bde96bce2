//! Text that fits a terminal's columns: the display width of a string (CJK characters take two
//! columns), word wrapping under a hanging indent, and tables whose columns shrink to fit.

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

/// `text` in at most `columns` columns: cut with `…` when wider.
pub fn cut(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + char_width(c) + 1 > columns {
            break;
        }
        used += char_width(c);
        out.push(c);
    }
    out.push('…');
    out
}

/// The narrowest a column is cut to: its header, or this, whichever is wider.
const LEAST_COLUMN: usize = 8;

/// `rows` (the first the header) as aligned columns two spaces apart. With `fit` (a terminal's
/// width), the widest of the columns listed in `cuttable` (free-form values: a URL, a key, a
/// name; never an id, a date or a number) shrink, their cells cut with `…`, until a line fits
/// or each is down to its header's width; without it (a pipe), nothing is cut.
pub fn table(rows: &[Vec<String>], cuttable: &[usize], fit: Option<usize>) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: &Vec<String>, i: usize| r.get(i).map_or(0, |c| width(c));
    let mut widths: Vec<usize> = (0..count)
        .map(|i| rows.iter().map(|r| cell(r, i)).max().unwrap_or(0))
        .collect();
    if let Some(fit) = fit {
        let least: Vec<usize> = (0..count)
            .map(|i| widths[i].min(rows.first().map_or(0, |h| cell(h, i)).max(LEAST_COLUMN)))
            .collect();
        let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * count.saturating_sub(1);
        while total(&widths) > fit {
            let Some(widest) = (0..count)
                .filter(|&i| cuttable.contains(&i) && widths[i] > least[i])
                .max_by_key(|&i| (widths[i], i))
            else {
                break;
            };
            widths[widest] -= 1;
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, text) in row.iter().enumerate() {
            let shown = cut(text, widths[i]);
            line.push_str(&shown);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(widths[i] - width(&shown) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_table_shrinks_its_widest_columns_to_fit_and_cuts_with_an_ellipsis() {
        let long =
            "wxtoken:access_token:wx0123456789abcdef:stable:https://gateway.example.com/wechat";
        let t = rows(&[
            &["KEY", "EXPIRES_AT", "REMAINING"],
            &[long, "2026-12-07T05:00:00Z", "1h 59m"],
            &["短", "2026-12-07T05:00:00Z", "已过期"],
        ]);
        let piped = table(&t, &[0], None);
        assert!(piped.contains(long), "{piped}");
        assert!(!piped.contains('…'));
        let fitted = table(&t, &[0], Some(80));
        for line in fitted.lines() {
            assert!(width(line.trim_end()) <= 80, "{line:?}");
        }
        assert!(
            fitted.contains("wxtoken:access_token:wx0123456789abcdef:stable…  "),
            "{fitted}"
        );
        assert!(
            fitted
                .lines()
                .nth(1)
                .unwrap()
                .contains("…  2026-12-07T05:00:00Z  1h 59m")
        );
        // The columns stay aligned, Chinese counted as two columns.
        let starts: Vec<usize> = fitted
            .lines()
            .map(|l| width(&l[..l.find("2026").or_else(|| l.find("EXPIRES")).unwrap()]))
            .collect();
        assert!(starts.windows(2).all(|w| w[0] == w[1]), "{fitted}");
        // Too narrow for anything: the cuttable column down to its least, the others whole.
        let tight = table(&t, &[0], Some(10));
        assert!(
            tight
                .lines()
                .nth(1)
                .unwrap()
                .starts_with("wxtoken…  2026-12-07T05:00:00Z  1h 59m"),
            "{tight}"
        );
        // Only the listed columns are cut.
        let wide = rows(&[&["ID", "URL"], &[long, long]]);
        let fitted = table(&wide, &[1], Some(100));
        assert!(fitted.contains(&format!("{long}  wxtoken")), "{fitted}");
    }

    #[test]
    fn cut_counts_display_columns() {
        assert_eq!(cut("abcdef", 6), "abcdef");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("退出码说明", 5), "退出…");
        assert_eq!(width(&cut("退出码说明", 6)), 5);
    }

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
