//! The parts of an OpenAPI description the generator reads: operations, schemas,
//! references and hosts.

use std::path::Path;

use crate::json::Json;

/// The HTTP methods an operation may use, in the order the spec's path items are read.
pub const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// A parsed OpenAPI description.
pub struct Spec {
    /// The whole document.
    pub raw: Json,
}

/// One operation: its path, the path item it belongs to, its method and its object.
#[derive(Clone, Copy)]
pub struct Operation<'a> {
    /// The path template, `/v1/Roles/{Sid}`.
    pub path: &'a str,
    /// The path item (all the operations of the path).
    pub item: &'a Json,
    /// `get`, `post`, ...
    pub method: &'static str,
    /// The operation object.
    pub op: &'a Json,
}

impl<'a> Operation<'a> {
    /// The operation's `operationId`.
    pub fn id(self) -> &'a str {
        self.op.at("operationId").as_str().unwrap_or_default()
    }

    /// The `(status, schema)` of the first 2xx response; the schema is `None` when the
    /// response has no JSON body.
    pub fn success(self) -> Result<(&'a str, Option<&'a Json>), String> {
        // A 2xx answer; else a redirect (`FetchDeactivation` answers 307 with the URL).
        let responses = self.op.at("responses").entries();
        let found = responses
            .iter()
            .find(|(status, _)| status.starts_with('2'))
            .or_else(|| responses.iter().find(|(status, _)| status.starts_with('3')));
        if let Some((status, response)) = found {
            // SCIM answers (the organizations API) are JSON under their own media type.
            let content = response.at("content");
            let schema = content
                .get("application/json")
                .or_else(|| content.get("application/scim+json"))
                .map(|c| c.at("schema"));
            return Ok((status, schema));
        }
        Err(format!("no success response for {}", self.id()))
    }
}

impl Spec {
    /// Reads and parses a spec file.
    pub fn load(path: &Path) -> Result<Spec, String> {
        let text =
            std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
        let raw = Json::parse(&text).map_err(|err| format!("{}: {err}", path.display()))?;
        Ok(Spec { raw })
    }

    /// The named schemas of `components/schemas`, in document order.
    pub fn schemas(&self) -> &[(String, Json)] {
        self.raw.at("components").at("schemas").entries()
    }

    /// The schema named `name`.
    pub fn schema(&self, name: &str) -> Option<&Json> {
        self.raw.at("components").at("schemas").get(name)
    }

    /// Every operation, path by path, each path's in [`METHODS`] order.
    pub fn operations(&self) -> Vec<Operation<'_>> {
        let mut out = Vec::new();
        for (path, item) in self.raw.at("paths").entries() {
            for method in METHODS {
                if let Some(op) = item.get(method) {
                    out.push(Operation {
                        path,
                        item,
                        method,
                        op,
                    });
                }
            }
        }
        out
    }

    /// The host of an operation's path: its own `servers`, else the document's, without
    /// the scheme (`https://api.twilio.com` -> `api.twilio.com`).
    pub fn host(&self, item: &Json) -> Option<String> {
        let servers = item
            .get("servers")
            .unwrap_or_else(|| self.raw.at("servers"));
        let url = servers.items().first()?.at("url").as_str()?;
        let host = url.split_once("://").map_or(url, |(_, rest)| rest);
        Some(host.trim_end_matches('/').to_owned())
    }

    /// Resolves `{"$ref": "#/components/parameters/X"}` and the like to what it names;
    /// anything else is returned as is.
    pub fn resolve<'a>(&'a self, value: &'a Json) -> &'a Json {
        match value.at("$ref").as_str() {
            Some(target) => {
                let mut node = &self.raw;
                for part in target.trim_start_matches("#/").split('/') {
                    node = node.at(part);
                }
                node
            }
            None => value,
        }
    }
}

/// The schema name a `$ref` names (its last segment), if `schema` is a reference.
pub fn ref_name(schema: &Json) -> Option<&str> {
    schema
        .at("$ref")
        .as_str()
        .map(|r| r.rsplit('/').next().unwrap_or(r))
}
