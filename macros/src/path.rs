//! The path template: `"/v1/Services/<ChatServiceSid>/Configuration"` split into
//! literal text and `<Placeholder>`s.

use syn::LitStr;

use crate::ctxt::Errors;

/// A parsed path template.
pub(crate) struct PathTemplate {
    /// The literal as written, for error spans.
    pub(crate) lit: LitStr,
    pub(crate) parts: Vec<Part>,
}

/// A piece of a path template.
pub(crate) enum Part {
    /// Text sent as written.
    Literal(String),
    /// `<Name>`: the value of the field whose wire name is `Name`, as one segment.
    Placeholder(String),
}

impl PathTemplate {
    /// Parses `lit`, recording every problem in `errors`. Returns `None` if any.
    pub(crate) fn parse(lit: LitStr, errors: &mut Errors) -> Option<PathTemplate> {
        let text = lit.value();
        let mut fail = |message: String| errors.spanned(&lit, message);
        if !text.starts_with('/') {
            fail(format!(
                "the path must start with `/`, as in \"/{}\"",
                text.escape_debug()
            ));
            return None;
        }
        if let Some(c) = text.chars().find(|c| matches!(c, '?' | '#')) {
            fail(format!(
                "the path cannot contain `{c}`: fields that are not in the path are sent as \
                 query or form parameters"
            ));
            return None;
        }

        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut ok = true;
        let mut rest = text.as_str();
        while let Some(c) = rest.chars().next() {
            match c {
                '<' => {
                    let after = &rest[1..];
                    let end = after
                        .find(['<', '>'])
                        .filter(|&i| after.as_bytes()[i] == b'>');
                    let Some(end) = end else {
                        fail(format!(
                            "unclosed `<` in path: write a placeholder as `<Name>`, after \
                             \"{}\"",
                            text[..text.len() - rest.len()].escape_debug()
                        ));
                        return None;
                    };
                    let name = &after[..end];
                    if name.is_empty() {
                        fail(
                            "empty placeholder `<>` in path: name the field's wire name, as \
                              in `<ChatServiceSid>`"
                                .to_owned(),
                        );
                        ok = false;
                    } else if !is_placeholder_name(name) {
                        fail(format!(
                            "invalid placeholder `<{}>`: a placeholder is a wire name of ASCII \
                             letters and digits starting with a letter, as in `<ChatServiceSid>`",
                            name.escape_debug()
                        ));
                        ok = false;
                    }
                    if !literal.is_empty() {
                        parts.push(Part::Literal(std::mem::take(&mut literal)));
                    }
                    parts.push(Part::Placeholder(name.to_owned()));
                    rest = &after[end + 1..];
                    continue;
                }
                '>' => {
                    fail("`>` without a matching `<` in path".to_owned());
                    return None;
                }
                '{' | '}' => {
                    fail("placeholders are written `<Name>`, not `{Name}`".to_owned());
                    return None;
                }
                '%' if !is_escape(rest) => {
                    fail("`%` in a path must start an escape such as `%20`".to_owned());
                    ok = false;
                }
                c if !is_path_char(c) => {
                    fail(format!(
                        "`{}` cannot appear in a path as written: percent-encode it",
                        c.escape_debug()
                    ));
                    ok = false;
                }
                _ => {}
            }
            literal.push(c);
            rest = &rest[c.len_utf8()..];
        }
        if !literal.is_empty() {
            parts.push(Part::Literal(literal));
        }
        if ok {
            ok = check_segments(&text, &mut fail);
        }
        ok.then_some(PathTemplate { lit, parts })
    }

    /// The placeholders' names, in order.
    pub(crate) fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|part| match part {
            Part::Placeholder(name) => Some(name.as_str()),
            Part::Literal(_) => None,
        })
    }

    /// The template in OpenAPI form: `/v1/Services/{ChatServiceSid}/Configuration`.
    pub(crate) fn openapi(&self) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(text) => out.push_str(text),
                Part::Placeholder(name) => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
        }
        out
    }
}

/// Every segment has text, and at most one placeholder. Returns whether all is well.
fn check_segments(text: &str, fail: &mut impl FnMut(String)) -> bool {
    let mut ok = true;
    if text.len() > 1 && text.ends_with('/') {
        fail(format!(
            "the path ends with `/`: Twilio's paths never do; write \"{}\"",
            text.trim_end_matches('/').escape_debug()
        ));
        ok = false;
    } else if text == "/" {
        fail("the path is only `/`: name the resource, as in \"/v1/Services\"".to_owned());
        ok = false;
    }
    if text.trim_end_matches('/').contains("//") {
        fail("empty segment `//` in the path: segments are separated by a single `/`".to_owned());
        ok = false;
    }
    for segment in text.split('/') {
        if segment.matches('<').count() > 1 {
            fail(format!(
                "two placeholders in one segment, `{}`: the server could not tell where one \
                 value ends and the next begins; give each placeholder a segment of its own",
                segment.escape_debug()
            ));
            ok = false;
        }
    }
    ok
}

fn is_placeholder_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// RFC 3986 `pchar` and `/`, less `%` (checked on its own).
fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/".contains(c)
}

fn is_escape(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    bytes.len() >= 3 && bytes[1].is_ascii_hexdigit() && bytes[2].is_ascii_hexdigit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        check_segments(text, &mut |message| found.push(message));
        found
    }

    #[test]
    fn segments() {
        assert!(problems("/v1/Services/<Sid>.json").is_empty());
        assert!(problems("/2010-04-01/Accounts/<AccountSid>/Calls/<CallSid>").is_empty());
        assert_eq!(problems("/v1/Services/").len(), 1);
        assert_eq!(problems("/v1//Services/").len(), 2);
        assert_eq!(
            problems("/v1//").len(),
            1,
            "only the trailing `/` is reported"
        );
        assert_eq!(problems("/").len(), 1);
        assert_eq!(problems("/v1/<A>-<B>").len(), 1);
    }
}
