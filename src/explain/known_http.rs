//! Cards for HTTP statuses quoted in a client library's English message ("The remote server
//! returned an error: (401) Unauthorized") and for Exchange endpoints named in free text
//! (`/EWS/Exchange.asmx`), with the rule that explains such a status.

use super::known::{found_field, Described, Named};
use crate::context::Context;
use crate::knowledge::needles::Fact;
use crate::knowledge::{exchange_paths, graph_errors, http_exchange};
use crate::report::{Field, Finding, Severity};

/// The statuses read after a status message, as numbers, in order of first sight.
fn statuses(g: &Named) -> Vec<u16> {
    g.values.iter().filter_map(|v| v.parse().ok()).collect()
}

fn status_words(code: u16) -> String {
    http_exchange::status_row(code)
        .map(|s| format!("{code} {}", s.reason))
        .unwrap_or_else(|| code.to_string())
}

/// The card of a status message: the status, its meaning and the client that printed it.
pub fn describe_status_message(g: &Named, text: &str) -> Option<Described> {
    let row = http_exchange::status_message(text)?;
    let codes = statuses(g);
    let first = *codes.first()?;
    let all: Vec<String> = codes.iter().map(|c| status_words(*c)).collect();
    let mut fields = vec![found_field(g, row.text)];
    for code in &codes {
        let meaning = http_exchange::status_row(*code).map_or("", |s| s.meaning);
        fields.push(
            Field::new("HTTP status", status_words(*code))
                .meaning(meaning)
                .source(http_exchange::status_row(*code).map_or(row.source, |s| s.source)),
        );
    }
    fields.push(Field::new("printed by", row.client).source(row.source));
    Some((
        format!("HTTP {} ({})", status_words(first), row.client),
        format!(
            "The text quotes the {} message for a failed request: HTTP {}.",
            row.client,
            all.join(", ")
        ),
        fields,
    ))
}

/// The card of an Exchange endpoint named in free text.
pub fn describe_exchange_path(g: &Named, prefix: &str) -> Option<Described> {
    let row = exchange_paths::path(prefix)?;
    Some((
        format!("Exchange endpoint {}", row.prefix),
        format!(
            "The text names the Exchange endpoint {}: {}.",
            row.prefix, row.protocol
        ),
        vec![found_field(g, row.prefix)
            .meaning(format!("{}; first on line {}", row.protocol, g.first_line))
            .source(row.source)],
    ))
}

/// known.status-message: an HTTP error status quoted by a client library, with what it means
/// for authentication and the first thing to check.
pub fn status_message(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::StatusMessage(text) = g.fact else {
        return Vec::new();
    };
    let Some(row) = http_exchange::status_message(text) else {
        return Vec::new();
    };
    statuses(g)
        .into_iter()
        .filter(|c| *c >= 400)
        .filter_map(|code| {
            let status = http_exchange::status_row(code)?;
            let f = Finding::new(
                if code >= 500 {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                format!("HTTP {}", status_words(code)),
                if row.reading.is_empty() {
                    format!(
                        "The request was refused with HTTP {}: {}. The {} message carries only the status.",
                        status_words(code),
                        status.meaning,
                        row.client
                    )
                } else {
                    format!(
                        "The request was refused with HTTP {}: {}. {}",
                        status_words(code),
                        status.meaning,
                        row.reading
                    )
                },
            )
            .source(status.source);
            Some(f)
        })
        .collect()
}

/// The card of a service message found without its error body.
pub fn describe_service_message(g: &Named, needle: &str) -> Option<Described> {
    let row = graph_errors::message(needle)?;
    Some((
        row.title.to_string(),
        format!(
            "The text holds the service message \"{}\": {}",
            row.needle, row.meaning
        ),
        vec![found_field(g, row.needle).source(row.source)],
    ))
}

/// known.service-message: what a service message means, with its causes and fixes.
pub fn service_message(g: &Named, _: &Context) -> Vec<Finding> {
    let Fact::ServiceMessage(needle) = g.fact else {
        return Vec::new();
    };
    let Some(row) = graph_errors::message(needle) else {
        return Vec::new();
    };
    vec![super::known::row_finding(
        Severity::Error,
        row.title.to_string(),
        row.meaning,
        row.causes,
        row.fixes,
        row.source,
    )]
}
