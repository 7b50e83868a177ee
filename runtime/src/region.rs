//! Twilio regions and edges: `conversations.twilio.com` with edge `dublin` and region
//! `ie1` is `conversations.dublin.ie1.twilio.com`.
//!
//! The rules are those of Twilio's helper libraries: a host of 4 labels names a region
//! (`product.region.twilio.com`), one of 5 an edge and a region
//! (`product.edge.region.twilio.com`); the client's own edge and region replace them;
//! an edge without a region implies `us1`. Only hosts under `twilio.com` are rewritten,
//! so a local server or proxy keeps its host.

/// Rewrites `host` for `edge` and `region`; returns it unchanged when neither is set or
/// when it is not a Twilio host.
pub(crate) fn rewrite_host(host: &str, edge: Option<&str>, region: Option<&str>) -> String {
    if edge.is_none() && region.is_none() {
        return host.to_owned();
    }
    let labels: Vec<&str> = host.split('.').collect();
    let [product, .., domain, tld] = labels.as_slice() else {
        return host.to_owned();
    };
    if !(domain.eq_ignore_ascii_case("twilio") && tld.eq_ignore_ascii_case("com")) {
        return host.to_owned();
    }
    let (host_edge, host_region) = match labels.len() {
        4 => (None, Some(labels[1])),
        5 => (Some(labels[1]), Some(labels[2])),
        _ => (None, None),
    };
    let edge = edge.or(host_edge);
    let region = region.or(host_region).or(edge.map(|_| "us1"));
    [Some(*product), edge, region, Some(*domain), Some(*tld)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_of_twilios_helper_libraries() {
        #[rustfmt::skip]
        let table: &[(&str, Option<&str>, Option<&str>, &str)] = &[
            // host                                  edge            region        result
            ("conversations.twilio.com",             None,           None,         "conversations.twilio.com"),
            ("conversations.twilio.com",             Some("dublin"), Some("ie1"),  "conversations.dublin.ie1.twilio.com"),
            ("conversations.twilio.com",             Some("sydney"), None,         "conversations.sydney.us1.twilio.com"),
            ("conversations.twilio.com",             None,           Some("ie1"),  "conversations.ie1.twilio.com"),
            // A host that names a region keeps it unless the client sets its own.
            ("conversations.ie1.twilio.com",         Some("dublin"), None,         "conversations.dublin.ie1.twilio.com"),
            ("conversations.ie1.twilio.com",         None,           Some("au1"),  "conversations.au1.twilio.com"),
            ("conversations.ie1.twilio.com",         None,           None,         "conversations.ie1.twilio.com"),
            // A host that names an edge and a region keeps what the client leaves unset.
            ("conversations.dublin.ie1.twilio.com",  Some("tokyo"),  None,         "conversations.tokyo.ie1.twilio.com"),
            ("conversations.dublin.ie1.twilio.com",  None,           Some("jp1"),  "conversations.dublin.jp1.twilio.com"),
            ("conversations.dublin.ie1.twilio.com",  Some("tokyo"),  Some("jp1"),  "conversations.tokyo.jp1.twilio.com"),
            // Not Twilio: left alone.
            ("127.0.0.1",                            Some("dublin"), Some("ie1"),  "127.0.0.1"),
            ("localhost",                            None,           Some("ie1"),  "localhost"),
            ("api.example.com",                      Some("dublin"), Some("ie1"),  "api.example.com"),
        ];
        for &(host, edge, region, expected) in table {
            assert_eq!(
                rewrite_host(host, edge, region),
                expected,
                "{host} {edge:?} {region:?}"
            );
        }
    }
}
