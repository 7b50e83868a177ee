//! Every operation judged by a validator no one here wrote: Stoplight Prism serving the
//! official spec as a mock server, validating each request (path, query, body, types,
//! SID patterns, enums, required fields, bounds, Basic auth) and answering with the
//! spec's example, which must then decode.
//!
//! Prism (npm package `@stoplight/prism-cli`, pinned by `scripts/install-prism.sh`) is
//! installed into `.prism/` if missing, started on a loopback port it picks itself (and
//! names in its log), and stopped when the test ends, or by a watchdog if the test dies
//! first. Needs Node.js and npm.
//!
//! Each product's spec is served by a Prism of its own, one after the other. Prints one
//! line per operation, Prism's violations for any it rejects, the product's negative
//! checks and `prism <spec file stem>: N/N operations accepted`; then
//! `prism: N/N operations accepted` for all products, last. Fails if any operation is
//! rejected or any negative check is not.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use twill_api::declare::{Location, Method, Param, ValueKind};
use twill_api::{Client, Credentials, Error};
use twill_tests::operations::{Operation, SendFailure};
use twill_tests::spec::resolve;
use twill_tests::{ACCOUNT_SID, AUTH_TOKEN, client, products, samples, spec};

/// Path parameters that are not SIDs (unique names, identities) get this value: it
/// needs percent-encoding, and Prism must still route it.
const IDENTITY: &str = "alice@example.com";

fn main() {
    let started = Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_owned();
    let prism = install(&root);
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let (mut total, mut total_accepted, mut all_rejected) = (0, 0, true);
    for product in products::all() {
        // (Two specs describe no operation: nothing to serve.)
        if (product.operations)().is_empty() {
            println!(
                "prism {}: 0/0 operations accepted (the spec has none)",
                product.stem
            );
            continue;
        }
        let short = product.stem.trim_start_matches("twilio_");
        let spec_file =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("prism-{}.json", product.stem));
        std::fs::write(
            &spec_file,
            serde_json::to_vec(&spec_for_prism(product.spec())).expect("JSON"),
        )
        .expect("write the spec for Prism");
        let server = PrismServer::start(&prism, &spec_file, product.stem);
        let base_url = format!("http://127.0.0.1:{}", server.port);
        let client = product_client(&runtime, product.stem, &base_url);

        let operations = (product.operations)();
        let spec = product.spec();
        let by_id = spec::operations_by_id(&spec);
        let mut accepted = 0;
        for op in &operations {
            let json = spec::json_samples(&spec, &by_id[op.id]);
            let params = one_alternative(&spec, &by_id[op.id], op.params);
            let (request, _) = samples::request_with(&params, IDENTITY, true, &json);
            let result = runtime.block_on((op.send)(client.clone(), request));
            match result {
                Ok(_) => {
                    accepted += 1;
                    println!("prism {short} {} ... ok", op.id);
                }
                Err(SendFailure::Send(Error::Api(api))) if api.status == 422 => {
                    println!("prism {short} {} ... REJECTED (422)", op.id);
                    let violations = api.details.as_ref().and_then(|d| d.get("validation"));
                    println!("  violations: {}", violations.unwrap_or(&Value::Null));
                }
                Err(failure) => println!("prism {short} {} ... FAILED: {failure:?}", op.id),
            }
        }
        let open: Vec<&str> = operations
            .iter()
            .filter(|op| {
                by_id[op.id]["security"]
                    .as_array()
                    .is_some_and(Vec::is_empty)
            })
            .map(|op| op.id)
            .collect();
        let auth = if product.stem == "twilio_iam_organizations" {
            Auth::Bearer
        } else {
            Auth::Basic
        };
        all_rejected &=
            runtime.block_on(negative_checks(short, &base_url, &operations, &open, auth));
        drop(server);
        println!(
            "prism {}: {accepted}/{} operations accepted",
            product.stem,
            operations.len()
        );
        total += operations.len();
        total_accepted += accepted;
    }
    println!("prism: run time {:.1} s", started.elapsed().as_secs_f64());
    println!("prism: {total_accepted}/{total} operations accepted");
    if total_accepted < total || !all_rejected {
        std::process::exit(1);
    }
}

/// The client a product's requests go through: the test credentials, except for the
/// organizations API, which takes OAuth bearer tokens (its spec's only security scheme,
/// which Prism checks): client credentials, with tokens from a token server on loopback
/// that lives as long as the runtime.
fn product_client(runtime: &tokio::runtime::Runtime, stem: &str, base_url: &str) -> Client {
    if stem != "twilio_iam_organizations" {
        return client(base_url);
    }
    let token_server = runtime.block_on(async {
        let server = wiremock::MockServer::start().await;
        wiremock::Mock::given(wiremock::matchers::method("POST"))
            .and(wiremock::matchers::path("/v2/token"))
            .respond_with(wiremock::ResponseTemplate::new(200).set_body_json(json!({
                "access_token": "prism-test-token",
                "token_type": "Bearer",
                "expires_in": 3600,
            })))
            .mount(&server)
            .await;
        server
    });
    let token_url = format!("{}/v2/token", token_server.uri());
    // The server stops when dropped: keep it for the test's life.
    std::mem::forget(token_server);
    Client::builder()
        .credentials(Credentials::client_credentials(
            "OQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            AUTH_TOKEN,
        ))
        .oauth_token_url(token_url)
        .base_url(base_url)
        .build()
        .expect("a loopback base URL and token URL are valid")
}

/// How the negative checks authenticate: as the product's client does.
#[derive(Clone, Copy)]
enum Auth {
    /// Basic, with the test credentials.
    Basic,
    /// A bearer token (the organizations API).
    Bearer,
}

/// The parameters to set for an operation: all of them, except for a body of several
/// alternatives (`oneOf`: Messaging v3's typing indicator for WhatsApp or Apple, whose
/// request type has the properties of all), where only the first alternative's
/// properties are set: a body with the properties of both fits neither.
fn one_alternative(spec: &Value, operation: &Value, params: &[Param]) -> Vec<Param> {
    let body = resolve(
        spec,
        &operation["requestBody"]["content"]["application/json"]["schema"],
    );
    let Some(first) = body["oneOf"]
        .as_array()
        .and_then(|alternatives| alternatives.first())
    else {
        return params.to_vec();
    };
    let first = resolve(spec, first);
    params
        .iter()
        .filter(|p| p.location != Location::Body || !first["properties"][p.name].is_null())
        .copied()
        .collect()
}

/// The spec as Prism must see it: unchanged, except that each array property of a form
/// body states `style: form, explode: true`, and is written in place, without
/// `nullable`, when the spec refers to it (`$ref`). The spec's own prose says to repeat the parameter
/// (`Permission=a&Permission=b`), which is what Twilio accepts and twill sends; Prism
/// 5.16 only accepts repeated keys when the encoding says so, and only applies an
/// encoding to an array schema written in place and not `nullable` (a form cannot send
/// `null` anyway). And an object property of a form body (Video v1's
/// `TranscriptionsConfiguration`) is text: Twilio takes the object as JSON text in the
/// form field, which twill sends (the operations test checks those bytes), while Prism
/// 5.16 reads every form field as a string and rejects it as "must be object".
fn spec_for_prism(mut spec: Value) -> Value {
    // Array properties may be `$ref`s to array schemas (Messaging's `UseCaseCategories`).
    let components = json!({ "components": spec["components"].clone() });
    for item in spec["paths"].as_object_mut().expect("paths").values_mut() {
        for operation in item.as_object_mut().expect("path item").values_mut() {
            let Some(content) =
                operation.pointer_mut("/requestBody/content/application~1x-www-form-urlencoded")
            else {
                continue;
            };
            let mut arrays = serde_json::Map::new();
            for (name, property) in content["schema"]["properties"]
                .as_object_mut()
                .into_iter()
                .flatten()
            {
                let mut resolved = resolve(&components, property);
                if resolved["type"] == "object" {
                    *property = json!({
                        "type": "string",
                        "description": resolved["description"].clone(),
                    });
                    continue;
                }
                if resolved["type"] == "array" {
                    // Prism applies the encoding only to an array written in place and
                    // not `nullable` (which it reads as the type `[array, null]`).
                    resolved
                        .as_object_mut()
                        .expect("an array schema")
                        .remove("nullable");
                    *property = resolved;
                    arrays.insert(name.clone(), json!({"style": "form", "explode": true}));
                }
            }
            if !arrays.is_empty() {
                content["encoding"] = Value::Object(arrays);
            }
        }
    }
    spec
}

/// Requests twill would refuse to send, sent raw, chosen from each product's own
/// endpoints: a SID of the wrong kind in a path, an integer over its maximum, a
/// required form field left out, no credentials. Prism must reject each, which shows
/// it really validates this product's spec. Returns whether it rejected them all: at
/// least the request without credentials, except for OAuth v1 and v2, which need none
/// (v1 has a required field to leave out; v2 has nothing Prism could refuse).
async fn negative_checks(
    short: &str,
    base_url: &str,
    operations: &[Operation],
    open: &[&str],
    auth: Auth,
) -> bool {
    let http = reqwest::Client::new();
    let mut checks: Vec<(String, reqwest::RequestBuilder, u16)> = Vec::new();
    let required = |op: &Operation| samples::request(op.params, IDENTITY, false).1;
    let url = |op: &Operation, chosen: &[(Param, samples::Sample)]| {
        let path = samples::expected_path(op.path, chosen);
        let query = samples::expected_pairs(chosen, Location::Query);
        let mut url = reqwest::Url::parse(&format!("{base_url}{path}")).expect("a URL");
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        url
    };
    let gets = || operations.iter().filter(|op| op.method == Method::Get);

    // A path SID of the wrong kind.
    if let Some((op, index)) = gets().find_map(|op| {
        let chosen = required(op);
        let index = chosen.iter().position(|(param, _)| {
            param.location == Location::Path
                && param.sid_prefix.is_some_and(|prefix| !prefix.contains('|'))
        })?;
        Some((op, index))
    }) {
        let mut chosen = required(op);
        let (param, sample) = &mut chosen[index];
        let wrong = if param.sid_prefix == Some("ZZ") {
            "ZY"
        } else {
            "ZZ"
        };
        let sid = format!("{wrong}{}", &sample.wire[0][2..]);
        sample.wire = vec![sid];
        let what = format!("{} with {} of the wrong kind", op.id, param.name);
        checks.push((what, http.get(url(op, &chosen)), 422));
    }
    // An integer over its maximum.
    if let Some((op, param)) = gets().find_map(|op| {
        let param = op
            .params
            .iter()
            .find(|p| p.location == Location::Query && p.max.is_some())?;
        Some((op, param))
    }) {
        let mut url = url(op, &required(op));
        let over = param.max.expect("found by its maximum") + 1;
        url.query_pairs_mut()
            .append_pair(param.name, &over.to_string());
        let what = format!("{} with {} {over}", op.id, param.name);
        checks.push((what, http.get(url), 422));
    }
    // A required form field left out (the others sent: an empty body is no body, and
    // the specs do not say that a body is required).
    if let Some((op, left_out)) = operations.iter().find_map(|op| {
        if op.method != Method::Post || op.json_body {
            return None;
        }
        let left_out = op
            .params
            .iter()
            .position(|p| p.location == Location::Body && p.required)?;
        let others = op
            .params
            .iter()
            .any(|p| p.location == Location::Body && p.name != op.params[left_out].name);
        others.then_some((op, left_out))
    }) {
        let mut chosen = samples::request(op.params, IDENTITY, true).1;
        let name = op.params[left_out].name;
        chosen.retain(|(param, _)| param.name != name);
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(samples::expected_pairs(&chosen, Location::Body))
            .finish();
        let what = format!("{} without its required {name}", op.id);
        let request = http
            .post(url(op, &chosen))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        checks.push((what, request, 422));
    }

    // A JSON body whose number or boolean is a string.
    if let Some((op, param)) = operations.iter().find_map(|op| {
        let param = op.params.iter().find(|p| {
            op.json_body
                && p.location == Location::Body
                && !p.array
                && matches!(p.kind, ValueKind::Integer | ValueKind::Boolean)
        })?;
        Some((op, param))
    }) {
        let chosen = samples::request(op.params, IDENTITY, true).1;
        let mut body = samples::expected_json(&chosen);
        body[param.name] = json!("not-a-number");
        let what = format!("{} with {} as a string", op.id, param.name);
        let request = match op.method {
            Method::Put => http.put(url(op, &chosen)),
            _ => http.post(url(op, &chosen)),
        }
        .header("content-type", "application/json")
        .body(body.to_string());
        checks.push((what, request, 422));
    }

    let mut rejected = 0;
    let mut count = checks.len();
    for (what, request, expected) in checks {
        let request = match auth {
            Auth::Basic => request.basic_auth(ACCOUNT_SID, Some(AUTH_TOKEN)),
            Auth::Bearer => request.bearer_auth("prism-test-token"),
        };
        let response = request.send().await.expect("Prism answers");
        let status = response.status().as_u16();
        let bytes = response.bytes().await.unwrap_or_default();
        let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        // Prism answers a request it finds invalid with 422, or with the operation's own
        // 400 response when the spec declares one (Lookups v2 does).
        let ok = status == expected || (expected == 422 && status == 400);
        rejected += usize::from(ok);
        println!(
            "prism {short} negative: {what} ... {} ({status}: {})",
            if ok { "rejected" } else { "NOT REJECTED" },
            body["validation"]
        );
    }
    // And it checks the auth scheme: a request without credentials, a GET when the
    // product has one (Chat v3 has only an update).
    // OAuth v1 and v2 take none (`authorize` is where a browser signs in, `token` where
    // an app's own credentials go in the form): their specs say `security: []`.
    let secured = || operations.iter().filter(|op| !open.contains(&op.id));
    let Some(op) = secured()
        .find(|op| op.method == Method::Get)
        .or(secured().next())
    else {
        println!("prism {short} negative: no operation needs credentials");
        if count == 0 {
            // OAuth v2: no credentials, and no required, bounded or patterned parameter.
            println!("prism {short} negative: nothing in this spec can be refused");
        }
        return rejected == count;
    };
    count += 1;
    let chosen = required(op);
    let method = reqwest::Method::from_bytes(op.method.as_str().as_bytes()).expect("a method");
    let mut request = http.request(method, url(op, &chosen));
    if op.json_body {
        request = request
            .header("content-type", "application/json")
            .body(samples::expected_json(&chosen).to_string());
    } else if matches!(op.method, Method::Post | Method::Put | Method::Patch) {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(samples::expected_pairs(&chosen, Location::Body))
            .finish();
        request = request
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
    }
    let unauthenticated = request.send().await.expect("Prism answers");
    let ok = unauthenticated.status() == 401;
    rejected += usize::from(ok);
    println!(
        "prism {short} negative: {} without credentials ... {} ({})",
        op.id,
        if ok { "rejected" } else { "NOT REJECTED" },
        unauthenticated.status()
    );
    rejected == count && count >= 1
}

/// Installs Prism with `scripts/install-prism.sh` unless it is there.
fn install(root: &Path) -> PathBuf {
    let prism = root.join(".prism/node_modules/.bin/prism");
    let status = Command::new("bash")
        .arg(root.join("scripts/install-prism.sh"))
        .stdout(Stdio::null())
        .status()
        .expect("run scripts/install-prism.sh (needs bash)");
    assert!(
        status.success() && prism.exists(),
        "Prism could not be installed: the Prism test needs Node.js and npm (see README)"
    );
    prism
}

/// A running Prism, stopped on drop.
struct PrismServer {
    port: u16,
    shell: Child,
    pid: String,
}

impl PrismServer {
    /// How long Prism may take to start listening: it usually takes seconds, and far
    /// longer only on a machine that is very busy; past this, something is wrong.
    const STARTUP: Duration = Duration::from_secs(300);

    fn start(prism: &Path, spec: &Path, name: &str) -> PrismServer {
        let log = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("prism-{name}.log"));
        // Only this Prism's log may be read for its port.
        let _ = std::fs::remove_file(&log);
        // Port 0: Prism listens on a port the system picks, free by construction (a
        // port found free here and handed over could be taken meanwhile), and says
        // which in its log. The shell prints Prism's PID, then watches this test's
        // process: if the test dies without dropping the guard, Prism is stopped all
        // the same.
        let script = format!(
            "\"$0\" mock -h 127.0.0.1 -p 0 \"$1\" >\"$2\" 2>&1 & child=$!; echo $child; \
             while kill -0 {parent} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done; \
             kill $child 2>/dev/null; wait $child",
            parent = std::process::id(),
        );
        let mut shell = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(prism)
            .arg(spec)
            .arg(&log)
            .stdout(Stdio::piped())
            .spawn()
            .expect("start Prism");
        let mut pid = String::new();
        BufReader::new(shell.stdout.take().expect("piped"))
            .read_line(&mut pid)
            .expect("Prism's PID");
        let mut server = PrismServer {
            port: 0,
            shell,
            pid: pid.trim().to_owned(),
        };
        let deadline = Instant::now() + Self::STARTUP;
        loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if let Some(port) = listening_port(&text) {
                server.port = port;
                return server;
            }
            // The shell ends when Prism does.
            let ended = server
                .shell
                .try_wait()
                .expect("the shell's status")
                .is_some();
            assert!(!ended, "Prism stopped without listening:\n{text}");
            assert!(
                Instant::now() < deadline,
                "Prism did not listen within {:?}:\n{text}",
                Self::STARTUP
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

/// The port of Prism's `Prism is listening on http://127.0.0.1:PORT` line.
fn listening_port(log: &str) -> Option<u16> {
    const LISTENING: &str = "Prism is listening on http://127.0.0.1:";
    let rest = &log[log.find(LISTENING)? + LISTENING.len()..];
    // A line still being written has no end yet: wait for it.
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    rest[..digits].parse().ok()
}

impl Drop for PrismServer {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(&self.pid).status();
        let _ = self.shell.wait();
    }
}
