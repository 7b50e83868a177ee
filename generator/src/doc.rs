//! Doc comments from the spec's descriptions.
//!
//! Lines are wrapped the way Python's `textwrap.wrap` does (the generator this crate
//! replaced used it, and the committed output holds its line breaks): at runs of spaces,
//! never inside a word, so a long URL stays on one line of its own.

/// The width a doc comment line is wrapped to, its indentation included.
const WIDTH: usize = 88;

/// Doc comment lines (`/// ...`) for a spec description, indented by `indent`.
///
/// Bare URLs are put in `<>` and brackets not followed by `(` are escaped, so rustdoc
/// reads neither as a broken link; each line of the description is wrapped on its own.
/// Empty for an empty description.
pub fn doc(text: &str, indent: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let text = autolink(&escape_tags(&escape_brackets(text)));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let wrapped = wrap(paragraph, WIDTH - indent.chars().count());
        if wrapped.is_empty() {
            lines.push(String::new());
        }
        lines.extend(wrapped);
    }
    lines
        .iter()
        .map(|line| format!("{}\n", format!("{indent}/// {line}").trim_end()))
        .collect()
}

/// Doc comment lines for text written for rustdoc (intra-doc links kept): only wrapped,
/// as one paragraph.
pub fn markdown(text: &str, indent: &str) -> String {
    let text = text.trim();
    wrap(text, WIDTH - indent.chars().count())
        .iter()
        .map(|line| format!("{indent}/// {line}\n"))
        .collect()
}

/// Inner doc comment lines (`//! ...`) for a module's description.
pub fn inner(text: &str) -> String {
    doc(text, "")
        .replace("/// ", "//! ")
        .replace("///\n", "//!\n")
}

/// `[text]` not followed by `(` becomes `\[text\]`: rustdoc would read it as an
/// intra-doc link. The text runs to the first `]`.
fn escape_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if !after[close + 1..].starts_with('(') => {
                out.push_str(&rest[..open]);
                out.push_str("\\[");
                out.push_str(&after[..close]);
                out.push_str("\\]");
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<Pay>`, `</Say>` and other text that reads as an HTML tag (TwiML verbs, mostly)
/// becomes `\<Pay\>` outside code spans: rustdoc would take it for an unclosed tag.
/// `<https://..>` autolinks stay.
fn escape_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            in_code = !in_code;
        } else if c == '<' && !in_code {
            let inner_end = rest[1..].find(['<', '>', '\n']).map(|i| i + 1);
            if let Some(end) = inner_end.filter(|&end| rest[end..].starts_with('>')) {
                let inner = &rest[1..end];
                let name = inner.strip_prefix('/').unwrap_or(inner);
                let tag_like = name.starts_with(|c: char| c.is_ascii_alphabetic())
                    && !name.starts_with("http");
                if tag_like {
                    out.push_str("\\<");
                    out.push_str(inner);
                    out.push_str("\\>");
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Bare `http://` and `https://` URLs (not right after `(` or `<`) go in `<>`; a URL
/// ends at whitespace, `)`, `>` or `]`.
fn autolink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|s| rest.starts_with(s));
        if let Some(scheme) = scheme
            && !matches!(prev, Some('(' | '<'))
        {
            let body = &rest[scheme.len()..];
            let end = body
                .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | ']'))
                .unwrap_or(body.len());
            if end > 0 {
                let url = &rest[..scheme.len() + end];
                out.push('<');
                out.push_str(url);
                out.push('>');
                prev = url.chars().last();
                i += url.len();
                continue;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

/// Python's `textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)`:
/// whitespace characters become spaces, lines break at runs of spaces (dropped at the
/// end of a line and, but for the first line, at its start), and a word longer than
/// `width` stands alone on its line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text: String = expand_tabs(text)
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\u{b}' | '\u{c}' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    // Runs of spaces and runs of anything else, alternating; reversed, to pop.
    let mut chunks: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > start && (c == ' ') != text[start..].starts_with(' ') {
            chunks.push(&text[start..i]);
            start = i;
        }
    }
    if start < text.len() {
        chunks.push(&text[start..]);
    }
    chunks.reverse();
    let blank = |chunk: &str| chunk.trim().is_empty();
    let len = |chunk: &str| chunk.chars().count();

    let mut lines = Vec::new();
    while !chunks.is_empty() {
        let mut line: Vec<&str> = Vec::new();
        let mut line_len = 0;
        if !lines.is_empty() && chunks.last().is_some_and(|c| blank(c)) {
            chunks.pop();
        }
        while let Some(chunk) = chunks.last() {
            if line_len + len(chunk) <= width {
                line_len += len(chunk);
                line.push(chunk);
                chunks.pop();
            } else {
                break;
            }
        }
        if chunks.last().is_some_and(|c| len(c) > width) && line.is_empty() {
            line.extend(chunks.pop());
        }
        if line.last().is_some_and(|c| blank(c)) {
            line.pop();
        }
        if !line.is_empty() {
            lines.push(line.concat());
        }
    }
    lines
}

/// Python's `str.expandtabs(8)`.
fn expand_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let spaces = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_like_textwrap() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("  lead", 10), ["  lead"]);
        assert_eq!(wrap("one  two", 4), ["one", "two"]);
        assert_eq!(
            wrap("xx https://a.very/long/url yy", 8),
            ["xx", "https://a.very/long/url", "yy"]
        );
        assert!(wrap("   ", 10).is_empty());
        assert_eq!(wrap("a\nb", 10), ["a b"]);
    }

    #[test]
    fn escapes_tags_outside_code() {
        assert_eq!(
            escape_tags("the <Pay> verb, `<Say>` and </Dial>"),
            "the \\<Pay\\> verb, `<Say>` and \\</Dial\\>"
        );
        assert_eq!(
            escape_tags("<https://x.y> a < b > c"),
            "<https://x.y> a < b > c"
        );
    }

    #[test]
    fn escapes_brackets_and_links_urls() {
        assert_eq!(
            escape_brackets("see [docs](http://x) and [this]"),
            "see [docs](http://x) and \\[this\\]"
        );
        assert_eq!(
            autolink("at https://x.io/a, or (https://y.io)"),
            "at <https://x.io/a,> or (https://y.io)"
        );
        assert_eq!(
            doc("  Go to http://a.b.  ", "    "),
            "    /// Go to <http://a.b.>\n"
        );
        assert_eq!(doc("", ""), "");
        assert_eq!(doc("a\n\nb", ""), "/// a\n///\n/// b\n");
        assert_eq!(inner("a\n\nb"), "//! a\n//!\n//! b\n");
    }
}
