//! `HttpMethod`: the method Twilio uses to call back a URL the caller gives it.

crate::wire_enum! {
    /// The HTTP method Twilio uses to request a URL of yours, such as a message's
    /// `StatusCallbackMethod`: the `http-method` parameters of the API, which accept
    /// exactly `GET` and `POST`.
    ///
    /// Not to be confused with [`Method`](crate::Method), the method of a request this
    /// crate sends.
    pub enum HttpMethod {
        Get = "GET",
        Post = "POST",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ParamValue, ValueKind, WireValue};

    #[test]
    fn get_and_post_as_enum_values() {
        assert_eq!(HttpMethod::VALUES, ["GET", "POST"]);
        assert_eq!(HttpMethod::Post.to_wire(), "POST");
        assert_eq!(<Option<HttpMethod> as ParamValue>::KIND, ValueKind::Enum);
        assert_eq!(<HttpMethod as WireValue>::VALUES, ["GET", "POST"]);
        assert_eq!("GET".parse(), Ok(HttpMethod::Get));
        assert_eq!(
            serde_json::from_str::<HttpMethod>(r#""PUT""#).unwrap(),
            HttpMethod::from_wire("PUT")
        );
        assert!(
            matches!(HttpMethod::from_wire("PUT"), HttpMethod::Unknown(v) if v.as_str() == "PUT")
        );
        // A documented value is never `Unknown`, however it is made.
        assert_eq!(HttpMethod::from_wire("GET"), HttpMethod::Get);
        assert_eq!(
            serde_json::from_str::<HttpMethod>(r#""POST""#).unwrap(),
            HttpMethod::Post
        );
        assert_eq!(serde_json::to_string(&HttpMethod::Get).unwrap(), r#""GET""#);
    }
}
