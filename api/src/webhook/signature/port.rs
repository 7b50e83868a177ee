//! The other form of a URL Twilio may have signed: with its port removed, or with the
//! scheme's default port added.
//!
//! Twilio's back end is not consistent about the port in the URL it signs, so the
//! official libraries accept a signature of either form (twilio-python's `add_port` and
//! `remove_port`, twilio-node's `addPort` and `removePort`). This works on the text as
//! given, like twilio-node does since it stopped going through `new URL()`: parsing and
//! printing the URL would change other bytes Twilio signed (case, percent-encoding,
//! empty paths), so nothing but the port is touched.

/// `url` with its port removed if it has one, or with its scheme's default port added
/// (443 for `https`, 80 for any other scheme) if it has none. `None` when `url` does not
/// start with `scheme://`.
///
/// Any port is removed, not only the default one: the official libraries accept a
/// signature of `https://example.com/` for a request to `https://example.com:8443/`.
pub(super) fn other_port_form(url: &str) -> Option<String> {
    let url = SplitUrl::new(url)?;
    let mut other = String::with_capacity(url.before_port.len() + 4 + url.after_port.len());
    other.push_str(url.before_port);
    if url.port.is_none() {
        other.push_str(if url.scheme.eq_ignore_ascii_case("https") {
            ":443"
        } else {
            ":80"
        });
    }
    other.push_str(url.after_port);
    Some(other)
}

/// A URL cut around its port, without any decoding or normalising.
struct SplitUrl<'a> {
    /// The scheme, without `://`.
    scheme: &'a str,
    /// From the start to the end of the host: `scheme://userinfo@host`.
    before_port: &'a str,
    /// The port with its leading `:`, if the authority has one (its digits are not
    /// checked: `:` followed by anything is removed whole, as in twilio-node).
    port: Option<&'a str>,
    /// From the end of the authority on: path, query and fragment.
    after_port: &'a str,
}

impl<'a> SplitUrl<'a> {
    fn new(url: &'a str) -> Option<Self> {
        let (scheme, rest) = url.split_once("://")?;
        let mut scheme_chars = scheme.chars();
        let scheme_is_valid = scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !scheme_is_valid {
            return None;
        }
        let authority_start = scheme.len() + "://".len();
        let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority_end = authority_start + authority_len;
        let authority = &url[authority_start..authority_end];
        // The host follows the userinfo's last `@` (an `@` inside userinfo is
        // percent-encoded), and a `:` only starts the port after an IPv6 literal's `]`.
        let host_start = authority.rfind('@').map_or(0, |at| at + 1);
        let port_search_start = authority[host_start..]
            .rfind(']')
            .map_or(host_start, |bracket| host_start + bracket + 1);
        let port_start = authority[port_search_start..]
            .find(':')
            .map(|colon| authority_start + port_search_start + colon);
        let host_end = port_start.unwrap_or(authority_end);
        Some(SplitUrl {
            scheme,
            before_port: &url[..host_end],
            port: port_start.map(|start| &url[start..authority_end]),
            after_port: &url[authority_end..],
        })
    }
}
