//! Reader: HTTP response header blocks with correlation and routing headers (request-id,
//! X-FEServer, X-BEServer, X-OWA-Version, SPRequestGuid, Restrict-Access-Confirm ...), one block
//! per run of header lines, in any wrapper: `Name: value`, curl `< Name: value`, Fiddler
//! `Name →value`, script output `Name=Value`, Format-List `Name : Value`.

use crate::knowledge::routing_headers;
use crate::report::Span;
use crate::text::{cut_from, cut_to};
use crate::textmap::Norm;

/// A block of header lines that holds at least one correlation or routing header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderBlock {
    /// The span of the block in the original text.
    pub span: Span,
    pub lines: Vec<HeaderLine>,
}

/// One header line: name, value and the byte range of the line in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderLine {
    /// The name as written (`status` for an HTTP status line).
    pub name: String,
    pub value: String,
    start: usize,
    end: usize,
}

/// Reads `Name: value`, `< Name: value`, `Name=Value`, `Name : Value` from one line.
fn header_line(line: &str, offset: usize) -> Option<HeaderLine> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let body = trimmed
        .strip_prefix("< ")
        .or_else(|| trimmed.strip_prefix("> "))
        .unwrap_or(trimmed);
    let skip = lead + (trimmed.len() - body.len());
    let ne = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(body.len());
    if ne == 0 || !body.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let name = cut_to(body, ne);
    let rest = cut_from(body, ne);
    let rest_t = rest.trim_start_matches([' ', '\t']);
    let spaced = rest_t.len() != rest.len();
    let sep = rest_t.chars().next()?;
    if sep != ':' && sep != '=' {
        return None;
    }
    // Loose separators (`Name=Value`, `Name : Value`) only for headers we know.
    if (sep == '=' || spaced) && routing_headers::header(name).is_none() {
        return None;
    }
    if sep == ':' && !spaced && rest_t.starts_with("://") {
        return None;
    }
    let value = rest_t.get(1..)?.trim();
    Some(HeaderLine {
        name: name.to_string(),
        value: value.to_string(),
        start: offset + skip,
        end: offset + line.trim_end().len(),
    })
}

/// Every header block of `text` worth a card (one routing header at least, and not only headers
/// that other cards explain).
pub fn blocks(text: &str) -> Vec<HeaderBlock> {
    let n = Norm::new(text);
    let t = n.text.as_str();
    let mut blocks: Vec<Vec<HeaderLine>> = Vec::new();
    let mut current: Vec<HeaderLine> = Vec::new();
    let mut gap = 0;
    let mut offset = 0;
    for raw in t.split('\n') {
        let line = raw.trim_end_matches('\r');
        let parsed = header_line(line, offset).or_else(|| status_line(line, offset));
        match parsed {
            Some(l) => {
                current.push(l);
                gap = 0;
            }
            None if line.trim().is_empty() && gap == 0 && !current.is_empty() => gap += 1,
            None => {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
                gap = 0;
            }
        }
        offset += raw.len() + 1;
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks.into_iter().filter_map(|b| block(b, &n)).collect()
}

fn status_line(line: &str, offset: usize) -> Option<HeaderLine> {
    let t = line.trim();
    let rest = t
        .strip_prefix("HTTP/")
        .or_else(|| t.strip_prefix("< HTTP/"))?;
    let code: String = rest
        .split_whitespace()
        .nth(1)?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if code.len() != 3 {
        return None;
    }
    Some(HeaderLine {
        name: "status".into(),
        value: t.to_string(),
        start: offset + (line.len() - line.trim_start().len()),
        end: offset + line.trim_end().len(),
    })
}

fn block(lines: Vec<HeaderLine>, n: &Norm) -> Option<HeaderBlock> {
    let routing = lines
        .iter()
        .filter(|l| routing_headers::header(&l.name).is_some_and(|h| h.routing))
        .count();
    let only_explained_elsewhere = lines.iter().all(|l| {
        matches!(
            l.name.to_ascii_lowercase().as_str(),
            "www-authenticate" | "x-ms-diagnostics" | "authorization" | "status"
        )
    });
    if routing == 0 || only_explained_elsewhere {
        return None;
    }
    let span = n.span(lines.first()?.start, lines.last()?.end);
    Some(HeaderBlock { span, lines })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_in_every_wrapper() {
        let b = blocks("request-id=d7782c63\n\nX-OWA-Version=15.2.1544.11\n\nX-FEServer=DUMMY01\n");
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].lines.len(), 3);
        let b = blocks("< HTTP/1.1 401 Unauthorized\n< request-id: abc\n< X-FEServer: EX01\n");
        assert_eq!(b[0].lines[0].name, "status");
        assert_eq!(b[0].lines.len(), 3);
        let b = blocks("request-id →2323088f\nServer →Microsoft-IIS/10.0");
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn prose_and_urls_are_not_headers() {
        assert!(blocks("Note: this is prose.\nhttps://example.com/x").is_empty());
        assert!(blocks("Name=Value\nOther=Thing").is_empty());
        assert!(blocks("WWW-Authenticate: Bearer\n").is_empty());
    }
}
