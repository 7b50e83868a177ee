//! Two tests per operation of every product, generated from the endpoint metadata, not
//! written by hand (`<product>` is the spec file's stem without `twilio_`):
//!
//! - `<product>::<OperationId>::send`: the request built from sample values (every
//!   parameter, then the required ones only) reaches a loopback server with the right
//!   method, path, query, form pairs (exactly, in order) or JSON body, and headers, and
//!   the spec's example response comes back decoded;
//! - `<product>::<OperationId>::decode`: every example response of the spec decodes into
//!   the response type and encodes back without losing anything (a date-time may come
//!   back in another format for the same instant, a number sent as a string as a number).

use std::sync::Arc;

use serde_json::Value;
use tokio::runtime::Runtime;
use twill_api::Timestamp;
use twill_api::declare::Location;
use twill_tests::operations::Operation;
use twill_tests::products;
use twill_tests::samples::{self, IDENTITY};
use twill_tests::shape::Shape;
use twill_tests::spec::{self, response_examples, success_status};
use twill_tests::{client, harness, pairs};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn main() {
    let runtime = Arc::new(Runtime::new().expect("a tokio runtime"));
    let mut cases: Vec<harness::Case> = Vec::new();
    for product in products::all() {
        let short = product.stem.trim_start_matches("twilio_");
        let spec = Arc::new(product.spec());
        let by_id = spec::operations_by_id(&spec);
        for op in (product.operations)() {
            let operation = by_id
                .get(op.id)
                .unwrap_or_else(|| panic!("{} is not in {}", op.id, product.stem))
                .clone();
            let op = Arc::new(op);
            let (rt, send_op, send_operation) = (runtime.clone(), op.clone(), operation.clone());
            let send_spec = spec.clone();
            cases.push((
                format!("{short}::{}::send", op.id),
                Box::new(move || rt.block_on(send_case(&send_spec, &send_op, &send_operation))),
            ));
            let spec = spec.clone();
            cases.push((
                format!("{short}::{}::decode", op.id),
                Box::new(move || decode_case(&spec, &op, &operation)),
            ));
        }
    }
    let failed = harness::run(cases);
    std::process::exit(i32::from(failed > 0));
}

async fn send_case(spec: &Value, op: &Operation, operation: &Value) -> Result<(), String> {
    let status = success_status(operation);
    let example = spec::response_example_or_instance(spec, operation);
    let server = MockServer::start().await;
    let status_code: u16 = status.parse().map_err(|_| format!("status {status}"))?;

    for all in [true, false] {
        server.reset().await;
        let template = match &example {
            Some(body) => ResponseTemplate::new(status_code).set_body_json(body),
            None => ResponseTemplate::new(status_code),
        };
        Mock::given(any())
            .respond_with(template)
            .mount(&server)
            .await;

        let json = spec::json_samples(spec, operation);
        let (request, chosen) = samples::request_with(op.params, IDENTITY, all, &json);
        let which = if all {
            "every parameter"
        } else {
            "required parameters only"
        };
        let response = (op.send)(client(&server.uri()), request.clone())
            .await
            .map_err(|e| format!("sending {request} ({which}): {e:?}"))?;

        let received = server.received_requests().await.unwrap_or_default();
        let [sent] = received.as_slice() else {
            return Err(format!("{} requests received, expected 1", received.len()));
        };
        check(sent.method.as_str(), op.method.as_str(), "method")?;
        check(
            sent.url.path(),
            &samples::expected_path(op.path, &chosen),
            "path",
        )?;
        let query = sent.url.query().map(pairs).unwrap_or_default();
        check(
            &query,
            &samples::expected_pairs(&chosen, Location::Query),
            "query",
        )?;
        let content_type = sent
            .headers
            .get("content-type")
            .map(|v| v.to_str().unwrap_or(""));
        let accept = spec::answer_media_type(&operation["responses"][&status]);
        let sent_accept = sent.headers.get("accept").map(|v| v.to_str().unwrap_or(""));
        check(&sent_accept, &Some(accept), "accept")?;
        if op.json_body {
            let body: Value = serde_json::from_slice(&sent.body)
                .map_err(|e| format!("the JSON body does not parse: {e}"))?;
            check(&body, &samples::expected_json(&chosen), "JSON body")?;
            check(&content_type, &Some("application/json"), "content type")?;
        } else {
            let body = std::str::from_utf8(&sent.body).map_err(|e| e.to_string())?;
            let body_pairs = if body.is_empty() {
                Vec::new()
            } else {
                pairs(body)
            };
            check(
                &body_pairs,
                &samples::expected_pairs(&chosen, Location::Body),
                "body",
            )?;
            if op.method.has_form_body() {
                check(
                    &content_type,
                    &Some("application/x-www-form-urlencoded"),
                    "content type",
                )?;
            }
        }
        for (name, value) in samples::expected_pairs(&chosen, Location::Header) {
            let sent_value = sent
                .headers
                .get(name.as_str())
                .map(|v| v.to_str().unwrap_or(""));
            check(
                &sent_value,
                &Some(value.as_str()),
                &format!("header {name}"),
            )?;
        }
        match &example {
            Some(example) => covers(example, &response, "response")?,
            None => check(&response, &Value::Null, "response of an empty body")?,
        }
    }
    Ok(())
}

fn decode_case(spec: &Value, op: &Operation, operation: &Value) -> Result<(), String> {
    let status = success_status(operation);
    let mut examples = response_examples(operation, &status);
    // Without an example, a value of the schema with every property.
    if examples.is_empty() {
        examples.extend(spec::response_example_or_instance(spec, operation));
    }
    if examples.is_empty() {
        // Only bodiless responses lack examples: they must decode to `()`.
        let bodiless = spec::json_content(&operation["responses"][&status]).is_null();
        if !bodiless || op.response != Shape::Unit {
            return Err(format!(
                "no example for a {status} response of {:?}",
                op.response
            ));
        }
        return Ok(());
    }
    for example in &examples {
        let decoded = (op.decode)(example.clone()).map_err(|e| format!("decoding: {e}"))?;
        covers(example, &decoded, "example")?;
    }
    Ok(())
}

/// Whether two texts are date-times (ISO 8601 or RFC 2822) of the same instant: twill
/// decodes both into a `Timestamp`, which encodes back as ISO 8601.
fn same_instant(a: &str, b: &str) -> bool {
    let parse = |text: &str| {
        text.parse::<Timestamp>().ok().or_else(|| {
            jiff::fmt::rfc2822::parse(text)
                .ok()
                .map(|zoned| zoned.timestamp())
        })
    };
    matches!((parse(a), parse(b)), (Some(a), Some(b)) if a == b)
}

fn check<T: PartialEq + std::fmt::Debug + ?Sized>(
    got: &T,
    expected: &T,
    what: &str,
) -> Result<(), String> {
    if got == expected {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, expected {expected:?}"))
    }
}

/// Every value of `expected` is in `actual`, and what `actual` adds is `null` (an
/// optional property the example leaves out).
fn covers(expected: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            for (key, value) in expected {
                covers(
                    value,
                    actual.get(key).unwrap_or(&Value::Null),
                    &format!("{at}.{key}"),
                )?;
            }
            match actual
                .iter()
                .find(|(k, v)| !expected.contains_key(*k) && !v.is_null())
            {
                Some((key, value)) => Err(format!("{at}.{key}: {value} is not in the example")),
                None => Ok(()),
            }
        }
        (Value::Array(expected), Value::Array(actual)) if expected.len() == actual.len() => {
            expected
                .iter()
                .zip(actual)
                .enumerate()
                .try_for_each(|(i, (e, a))| covers(e, a, &format!("{at}[{i}]")))
        }
        _ if expected == actual => Ok(()),
        // An empty SID (API v2010's `sms_application_sid: ""`: none) is read as `None`.
        (Value::String(text), Value::Null) if text.is_empty() => Ok(()),
        (Value::String(expected), Value::String(actual)) if same_instant(expected, actual) => {
            Ok(())
        }
        (Value::String(text), Value::Number(number))
            if text.parse::<f64>().ok() == number.as_f64() =>
        {
            Ok(())
        }
        _ => Err(format!("{at}: expected {expected}, got {actual}")),
    }
}
