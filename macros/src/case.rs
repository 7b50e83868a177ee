//! Field names to wire names and back: `chat_service_sid` <-> `ChatServiceSid`.

/// `default_chat_service_role_sid` -> `DefaultChatServiceRoleSid`.
pub(crate) fn pascal_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    for word in snake.split('_') {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// `ChatServiceSid` -> `chat_service_sid`, for hints in error messages.
pub(crate) fn snake_case(pascal: &str) -> String {
    let mut out = String::with_capacity(pascal.len() + 4);
    for (i, c) in pascal.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for (snake, pascal) in [
            ("default_chat_service_role_sid", "DefaultChatServiceRoleSid"),
            ("sid", "Sid"),
            ("page_size", "PageSize"),
            ("x_twilio_webhook_enabled", "XTwilioWebhookEnabled"),
        ] {
            assert_eq!(pascal_case(snake), pascal);
            assert_eq!(snake_case(pascal), snake);
        }
        assert_eq!(pascal_case("type"), "Type");
        assert_eq!(pascal_case("already_Pascal"), "AlreadyPascal");
    }
}
