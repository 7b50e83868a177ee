//! A value that matches a parameter's `pattern`, built from the pattern itself: enough
//! of regular-expression syntax for the patterns of Twilio's API descriptions, and a
//! panic naming anything else, so that a new kind of pattern is noticed, not guessed.
//!
//! Supported: `^` at the start and `$` at the end, literal characters and escaped
//! punctuation (`\.`), `\d`, `.`, classes of characters and ranges (`[0-9a-fA-F]`, not
//! negated), groups (`(..)`, `(?:..)`) with alternatives (`|`: the first is taken), and
//! the quantifiers `?`, `*`, `+`, `{n}`, `{n,}` and `{n,m}`.
//!
//! The value is chosen, not random: a class gives its characters in the order written,
//! starting at the sample's index (`[A-Z]{2}` is `AB`, then `BC`); `.` gives the letters
//! of `sample`; a repetition is as short as it may be but at least once, and six times
//! when unbounded, so that `^aia_asst_.+$` gives `aia_asst_sample`.

/// What `.` gives, in turn.
const ANY: &str = "sample";
/// How often an unbounded repetition (`+`, `*`, `{n,}` with `n` below it) repeats.
const UNBOUNDED: usize = 6;

/// A value matching `pattern`; `index` varies it (each element of a list sample has its
/// own). Panics on syntax this generator does not know.
pub fn generate(pattern: &str, index: usize) -> String {
    let mut parser = Parser {
        pattern,
        chars: pattern.chars().collect(),
        pos: 0,
    };
    parser.eat('^');
    let branches = parser.alternatives();
    parser.eat('$');
    if parser.pos != parser.chars.len() {
        parser.unsupported("text after the pattern's end");
    }
    let mut out = String::new();
    emit_sequence(&branches[0], index, &mut out);
    out
}

/// One element of a sequence, repeated `min` to `max` times.
struct Piece {
    atom: Atom,
    min: usize,
    max: Option<usize>,
}

enum Atom {
    /// Any of these characters, in this order.
    Set(Vec<char>),
    /// A group's alternatives.
    Group(Vec<Vec<Piece>>),
}

fn emit_sequence(pieces: &[Piece], index: usize, out: &mut String) {
    for piece in pieces {
        let count = match piece.max {
            Some(max) => piece.min.max(1).min(max),
            None => piece.min.max(UNBOUNDED),
        };
        for k in 0..count {
            match &piece.atom {
                Atom::Set(set) => out.push(set[(index + k) % set.len()]),
                Atom::Group(branches) => emit_sequence(&branches[0], index, out),
            }
        }
    }
}

struct Parser<'a> {
    pattern: &'a str,
    chars: Vec<char>,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.pos += 1;
        }
        found
    }

    fn next(&mut self) -> char {
        let c = self
            .peek()
            .unwrap_or_else(|| self.unsupported("an unexpected end"));
        self.pos += 1;
        c
    }

    fn unsupported(&self, what: &str) -> ! {
        panic!(
            "no sample for the pattern {:?}: {what} at character {}; teach \
             tests/src/pattern_sample.rs this syntax",
            self.pattern, self.pos
        )
    }

    /// Alternatives separated by `|`, up to `)` or the final `$`.
    fn alternatives(&mut self) -> Vec<Vec<Piece>> {
        let mut branches = vec![self.sequence()];
        while self.eat('|') {
            branches.push(self.sequence());
        }
        branches
    }

    fn sequence(&mut self) -> Vec<Piece> {
        let mut pieces = Vec::new();
        while let Some(c) = self.peek() {
            let at_end = c == '$' && self.pos + 1 == self.chars.len();
            if c == '|' || c == ')' || at_end {
                break;
            }
            let atom = self.atom();
            let (min, max) = self.quantifier();
            pieces.push(Piece { atom, min, max });
        }
        pieces
    }

    fn atom(&mut self) -> Atom {
        match self.next() {
            '.' => Atom::Set(ANY.chars().collect()),
            '[' => Atom::Set(self.class()),
            '(' => {
                if self.eat('?') && !self.eat(':') {
                    self.unsupported("a group flag other than `?:`");
                }
                let branches = self.alternatives();
                if !self.eat(')') {
                    self.unsupported("an unclosed group");
                }
                Atom::Group(branches)
            }
            '\\' => Atom::Set(self.escape()),
            c @ ('^' | '$' | '*' | '+' | '?' | '{' | ']' | '}') => {
                self.unsupported(&format!("`{c}` out of place"))
            }
            c => Atom::Set(vec![c]),
        }
    }

    /// After a `\`: `\d`, or escaped punctuation standing for itself.
    fn escape(&mut self) -> Vec<char> {
        match self.next() {
            'd' => ('0'..='9').collect(),
            c if c.is_ascii_punctuation() => vec![c],
            c => self.unsupported(&format!("the escape `\\{c}`")),
        }
    }

    /// After a `[`: the characters of the class, in the order written.
    fn class(&mut self) -> Vec<char> {
        if self.peek() == Some('^') {
            self.unsupported("a negated class");
        }
        let mut set = Vec::new();
        while !self.eat(']') {
            let first = match self.next() {
                '\\' => self.escape(),
                '[' => self.unsupported("a nested class"),
                c => vec![c],
            };
            let range_follows =
                self.peek() == Some('-') && self.chars.get(self.pos + 1) != Some(&']');
            if let ([low], true) = (first.as_slice(), range_follows) {
                self.pos += 1;
                let high = self.next();
                set.extend(*low..=high);
            } else {
                set.extend(first);
            }
        }
        if set.is_empty() {
            self.unsupported("an empty class");
        }
        set
    }

    /// `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` or nothing: how often the atom before it
    /// repeats.
    fn quantifier(&mut self) -> (usize, Option<usize>) {
        if self.eat('?') {
            (0, Some(1))
        } else if self.eat('*') {
            (0, None)
        } else if self.eat('+') {
            (1, None)
        } else if self.eat('{') {
            let min = self.number();
            let max = if self.eat(',') {
                (self.peek() != Some('}')).then(|| self.number())
            } else {
                Some(min)
            };
            if !self.eat('}') {
                self.unsupported("an unclosed `{`");
            }
            (min, max)
        } else {
            (1, Some(1))
        }
    }

    fn number(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits
            .parse()
            .unwrap_or_else(|_| self.unsupported("a repetition without a number"))
    }
}

#[cfg(test)]
mod tests {
    use super::generate;

    /// Every pattern of Twilio's API descriptions that is not a two-letter SID's.
    const SPEC_PATTERNS: &[&str] = &[
        "^aia_asst_.+$",
        "^aia_fdbk_.+$",
        "^aia_know_.+$",
        "^aia_msg_.+$",
        "^aia_plcy_.+$",
        "^aia_tool_.+$",
        "^OQ[a-zA-Z0-9]{32}$",
        "^[0-9abcdefghjkmnpqrstvwxyz]{26}$",
        "^[A-Z0-9]{6}$",
        "^[a-zA-Z]{2}[0-9a-fA-F]{32}$",
        "^[A-Z]{2}[0-9a-fA-F]{32}$",
        "^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$",
        "^[A-Z0-9]+$",
        "^(STOP|START|HELP)\\.(ALL|AFRIKAANS|ARABIC|BENGALI|CHINESE|CROATIAN|CZECH|DANISH|DUTCH|ENGLISH|ESTONIAN|FINNISH|FRENCH|GERMAN|GREEK|HEBREW|HINDI|HUNGARIAN|ITALIAN|JAPANESE|KOREAN|LATVIAN|LITHUANIAN|MALAY|MALAYSIAN|NORWEGIAN|POLISH|PORTUGUESE|RUSSIAN|SLOVAK|SLOVENE|SPANISH|SOUTHERN_NDEBELE|SOUTHERN_SOTHO|SWATI|SWEDISH|TAMIL|TSWANA|TSONGA|VENDA|XHOSA|ZULU)$",
    ];

    /// Checked with the `regex` crate, another engine than the runtime's `regex-lite`.
    #[test]
    fn every_spec_pattern_gets_a_matching_value() {
        for pattern in SPEC_PATTERNS {
            let regex = regex::Regex::new(pattern).unwrap();
            for index in 0..40 {
                let value = generate(pattern, index);
                assert!(
                    regex.is_match(&value),
                    "{value:?} does not match {pattern:?}"
                );
                assert!(value.is_ascii(), "{value:?}");
            }
        }
    }

    #[test]
    fn values_read_as_what_they_stand_for() {
        assert_eq!(generate("^aia_asst_.+$", 0), "aia_asst_sample");
        assert_eq!(
            generate("^[A-Z]{2}[0-9a-fA-F]{32}$", 0),
            "AB0123456789abcdefABCDEF0123456789"
        );
        let bundles = generate("^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$", 0);
        assert_eq!(bundles.split(',').count(), 2, "{bundles}");
        assert_eq!(generate("^(STOP|START|HELP)\\.(ALL|ZULU)$", 0), "STOP.ALL");
        assert_eq!(generate("^[A-Z0-9]{6}$", 1), "BCDEFG");
        assert_ne!(generate("^[A-Z0-9]+$", 1), generate("^[A-Z0-9]+$", 2));
        assert_eq!(generate("^a\\d?b*$", 0), "a0bbbbbb");
    }

    #[test]
    fn unknown_syntax_is_named_not_guessed() {
        for (pattern, what) in [
            ("^[^a]$", "a negated class"),
            ("^\\w+$", "the escape `\\w`"),
            ("^(?=a)$", "a group flag"),
            ("^a{2$", "an unclosed `{`"),
        ] {
            let panic = std::panic::catch_unwind(|| generate(pattern, 0)).unwrap_err();
            let message = panic.downcast_ref::<String>().unwrap();
            assert!(message.contains(what), "{pattern}: {message}");
        }
    }
}
