//! Reprs of other languages: Python dicts, Java maps, JavaScript objects.

use super::found::{MAX_BARE, MAX_NESTING};

/// A field value of a repr.
pub(super) enum Field {
    Str(String),
    Num(i64),
    Other,
}

/// A forgiving reader of the object reprs languages print: Python dicts (`{'errcode': 40125,
/// u'errmsg': u'...'}`), Java maps (`{errcode=40001, errmsg=MSG}`), JavaScript objects
/// (`{ errcode: 41001, errmsg: 'MSG' }`), and JSON broken by a typographic closing quote.
pub(super) struct Repr<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Repr<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        Repr { s, at: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.s[self.at..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    /// `{ key SEP value, ... }`: the fields and the length read.
    pub(super) fn object(&mut self) -> Option<(Vec<(String, Field)>, usize)> {
        if !self.eat('{') {
            return None;
        }
        let mut fields = Vec::new();
        loop {
            self.skip_ws();
            if self.eat('}') {
                return Some((fields, self.at));
            }
            let key = self.key()?;
            self.skip_ws();
            let sep = self.bump().filter(|c| matches!(c, ':' | '='))?;
            self.skip_ws();
            let value = self.value(sep)?;
            fields.push((key, value));
            self.skip_ws();
            if self.eat(',') {
                continue;
            }
            if self.eat('}') {
                return Some((fields, self.at));
            }
            return None;
        }
    }

    fn key(&mut self) -> Option<String> {
        if let Some(q) = self.string_start() {
            return self.string(q);
        }
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '-' | '.'))
        {
            self.bump();
        }
        (self.at > start).then(|| self.s[start..self.at].to_string())
    }

    /// The quote of a string starting here (after a Python `u`/`b`/`r` prefix), consumed.
    fn string_start(&mut self) -> Option<char> {
        let rest = &self.s[self.at..];
        let mut chars = rest.chars();
        match chars.next()? {
            q @ ('\'' | '"') => {
                self.at += 1;
                Some(q)
            }
            'u' | 'U' | 'b' | 'B' | 'r' | 'R' => match chars.next()? {
                q @ ('\'' | '"') => {
                    self.at += 2;
                    Some(q)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// A quoted string's content up to its closing `q` (or a typographic `”` that ends a
    /// JSON value), escapes decoded.
    fn string(&mut self, q: char) -> Option<String> {
        let mut out = String::new();
        loop {
            let c = self.bump()?;
            if c == q {
                return Some(out);
            }
            if c == '”' && q == '"' {
                let rest = self.s[self.at..].trim_start();
                if rest.starts_with([',', '}']) {
                    return Some(out);
                }
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            match self.bump()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => out.push(self.hex_char(4)?),
                'x' => out.push(self.hex_char(2)?),
                'U' => out.push(self.hex_char(8)?),
                other @ ('\\' | '\'' | '"' | '/') => out.push(other),
                other => {
                    out.push('\\');
                    out.push(other);
                }
            }
        }
    }

    /// `n` hex digits as a character (a JSON surrogate pair read whole).
    fn hex_char(&mut self, n: usize) -> Option<char> {
        let digits = self.s.get(self.at..self.at + n)?;
        let v = u32::from_str_radix(digits, 16).ok()?;
        self.at += n;
        if (0xD800..0xDC00).contains(&v) && self.s[self.at..].starts_with("\\u") {
            let low = self.s.get(self.at + 2..self.at + 6)?;
            let low = u32::from_str_radix(low, 16).ok()?;
            if (0xDC00..0xE000).contains(&low) {
                self.at += 6;
                return char::from_u32(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00));
            }
        }
        Some(char::from_u32(v).unwrap_or('\u{fffd}'))
    }

    fn value(&mut self, sep: char) -> Option<Field> {
        if let Some(q) = self.string_start() {
            return self.string(q).map(Field::Str);
        }
        if matches!(self.peek(), Some('{' | '[')) {
            self.skip_nested()?;
            return Some(Field::Other);
        }
        // A bare value: a number, a Python None/True, a Java map's unquoted string (which runs to
        // the next `, key=` or the closing brace, commas and colons included).
        let start = self.at;
        loop {
            match self.peek() {
                // No reprs across lines, nested in a bare value, or longer than an errmsg is.
                None | Some('\n' | '{') => return None,
                _ if self.at - start > MAX_BARE => return None,
                Some('}') => break,
                Some(',') if sep == ':' || self.next_is_java_key() => break,
                Some(_) => {
                    self.bump();
                }
            }
        }
        let text = self.s[start..self.at].trim();
        Some(match text.parse::<i64>() {
            Ok(n) => Field::Num(n),
            Err(_) => Field::Str(text.to_string()),
        })
    }

    /// At a `,`: whether `, name=` follows (the next field of a Java map).
    fn next_is_java_key(&self) -> bool {
        let rest = self.s[self.at + 1..].trim_start();
        let name = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        name > 0 && rest[name..].trim_start().starts_with('=')
    }

    /// A nested `{...}` or `[...]`, quotes respected, at most [`MAX_NESTING`] deep.
    fn skip_nested(&mut self) -> Option<()> {
        let mut stack = Vec::new();
        loop {
            match self.bump()? {
                c @ ('{' | '[') => {
                    stack.push(if c == '{' { '}' } else { ']' });
                    if stack.len() > MAX_NESTING {
                        return None;
                    }
                }
                c @ ('}' | ']') => {
                    if stack.pop() != Some(c) {
                        return None;
                    }
                    if stack.is_empty() {
                        return Some(());
                    }
                }
                q @ ('\'' | '"') => {
                    self.string(q)?;
                }
                _ => {}
            }
        }
    }
}
