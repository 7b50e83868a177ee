//! Text from outside shown in error messages within bounds: a server's message, a body,
//! a URL, a decoder's report. Whatever a server or a caller sends, a message stays
//! short, holds no long value verbatim, no query string and no control character.

use std::fmt::{self, Write as _};

/// The longest run of characters without whitespace shown as is: longer runs (a token,
/// a long parameter value, a URL) are cut to this and marked with `…`.
pub(crate) const MAX_RUN: usize = 100;

/// `text`, at most `max` characters in all, every run of more than [`MAX_RUN`]
/// non-whitespace characters cut, control characters escaped (`\n`, `\u{1b}`).
pub(crate) struct Bounded<'a> {
    text: &'a str,
    max: usize,
}

impl<'a> Bounded<'a> {
    pub(crate) fn new(text: &'a str, max: usize) -> Self {
        Bounded { text, max }
    }
}

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = 0;
        let mut run = 0;
        for c in self.text.chars() {
            if shown >= self.max {
                return f.write_char('…');
            }
            if c.is_whitespace() {
                run = 0;
            } else {
                run += 1;
                if run > MAX_RUN {
                    if run == MAX_RUN + 1 {
                        f.write_char('…')?;
                        shown += 1;
                    }
                    continue;
                }
            }
            if c.is_control() {
                write!(f, "{}", c.escape_debug())?;
            } else {
                f.write_char(c)?;
            }
            shown += 1;
        }
        Ok(())
    }
}

/// A URL as error messages show it: without credentials, query or fragment, and at
/// most [`MAX_RUN`] characters. A query can hold parameter values (a page token, a
/// phone number); the path is enough to tell which resource is meant.
pub(crate) struct ShownUrl<'a>(pub(crate) &'a str);

impl fmt::Display for ShownUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let without_userinfo = redact_userinfo(self.0);
        let end = without_userinfo
            .find(['?', '#'])
            .unwrap_or(without_userinfo.len());
        let (base, rest) = without_userinfo.split_at(end);
        write!(f, "{}", Bounded::new(base, MAX_RUN))?;
        if !rest.is_empty() {
            f.write_str("?…")?;
        }
        Ok(())
    }
}

/// `scheme://user:password@host/...` with the user information dropped; other text as
/// it is. Works on strings that do not parse as URLs too.
pub(crate) fn redact_userinfo(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(scheme_end) = text.find("://") else {
        return text.into();
    };
    let authority_start = scheme_end + 3;
    let authority_end = text[authority_start..]
        .find(['/', '?', '#'])
        .map_or(text.len(), |i| authority_start + i);
    match text[authority_start..authority_end].rfind('@') {
        Some(at) => format!(
            "{}[redacted]@{}",
            &text[..authority_start],
            &text[authority_start + at + 1..]
        )
        .into(),
        None => text.into(),
    }
}

/// At most `max` bytes of `text`, cut on a character boundary.
pub(crate) fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_and_totals_are_cut() {
        let token = "x".repeat(5000);
        let shown = Bounded::new(&format!("bad token {token} here"), 512).to_string();
        assert_eq!(shown, format!("bad token {}… here", "x".repeat(MAX_RUN)));
        let words = "word ".repeat(1000);
        let shown = Bounded::new(&words, 512).to_string();
        assert_eq!(shown.chars().count(), 513);
        assert!(shown.ends_with('…'));
        assert_eq!(Bounded::new("short", 512).to_string(), "short");
    }

    #[test]
    fn control_characters_are_escaped() {
        let shown = Bounded::new("a\r\nInjected: 1\u{1b}[31m", 100).to_string();
        assert_eq!(shown, "a\\r\\nInjected: 1\\u{1b}[31m");
    }

    #[test]
    fn urls_lose_credentials_queries_and_length() {
        assert_eq!(
            ShownUrl("https://user:pw@example.com/v1/X?PageToken=secret#f").to_string(),
            "https://[redacted]@example.com/v1/X?…"
        );
        assert_eq!(
            ShownUrl("https://example.com/v1/X").to_string(),
            "https://example.com/v1/X"
        );
        let long = format!("https://example.com/{}", "a".repeat(10_000));
        assert!(ShownUrl(&long).to_string().chars().count() <= MAX_RUN + 1);
        assert_eq!(redact_userinfo("not a url @ all"), "not a url @ all");
        assert_eq!(
            redact_userinfo("ftp://a@b@host/p@q"),
            "ftp://[redacted]@host/p@q"
        );
    }

    #[test]
    fn truncation_keeps_characters_whole() {
        assert_eq!(truncate("ééé", 3), "é");
        assert_eq!(truncate("abc", 10), "abc");
    }
}
