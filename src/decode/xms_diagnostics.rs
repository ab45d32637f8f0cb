//! Decoder: x-ms-diagnostics values from Exchange, SharePoint, Skype and Entra, found in any wrapper.
//!
//! Shapes: `code;reason="...";error_category="..."` (Exchange, Entra), `code;reason="...";category="..."`
//! (SharePoint), `code;source="...";reason="..."` (Skype/Lync), and a value without a code. Wrappers:
//! header lines (`:`, `=`, `→`, ` : `), JSON strings (also single-quoted), exception text, FREB's
//! unbalanced inner quotes, IIS `+` encoding, curly and full-width quotes, `&quot;` entities.

use crate::context::Context;
use crate::knowledge::aadsts as oauth;
use crate::knowledge::apps;
use crate::knowledge::xms_diagnostics::{self as table, Product};
use crate::report::{
    Artifact, ArtifactKind, DiagnosticsEvidence, Field, Finding, Section, Severity, Span,
};
use crate::textmap::{self, Norm};

/// A parsed x-ms-diagnostics value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diag {
    pub code: Option<u32>,
    /// Every `key=value` pair in order, values unquoted and decoded.
    pub params: Vec<(String, String)>,
    /// True when the value came from `x-ms-diagnostics-from-backend`.
    pub from_backend: bool,
}

impl Diag {
    /// The value of a parameter (any case).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    pub fn reason(&self) -> Option<&str> {
        self.get("reason")
    }

    /// `error_category`, or SharePoint's `category`, or the `error_type` of the official doc.
    pub fn category(&self) -> Option<&str> {
        self.get("error_category")
            .or_else(|| self.get("category"))
            .or_else(|| self.get("error_type"))
    }

    /// Which product sent it: the table's word when the code is known, else the value's shape.
    pub fn product(&self) -> Option<Product> {
        if let Some(row) = self.code.and_then(table::code) {
            return Some(row.product);
        }
        if self.get("source").is_some() {
            return Some(Product::Skype);
        }
        if self.get("category").is_some() && self.get("error_category").is_none() {
            return Some(Product::SharePoint);
        }
        match self.code {
            Some(c) if (3_000_000..4_000_000).contains(&c) => Some(Product::SharePoint),
            Some(c)
                if (2_000_000..3_000_000).contains(&c) || (4_000_000..5_000_000).contains(&c) =>
            {
                Some(Product::Exchange)
            }
            Some(c) if c < 100_000 => Some(Product::Skype),
            _ => None,
        }
    }
}

/// Parses a value such as `2000001;reason="...";error_category="invalid_token"` (already unwrapped).
pub fn parse_value(value: &str) -> Option<Diag> {
    let n = Norm::new(value);
    let t = n.text.trim_start_matches(['[', ' ', '"', '\'']);
    let off = n.text.len() - t.len();
    parse_at(&n.text, off).map(|(d, _)| d)
}

/// Parses a value starting at `pos` of `t`; returns it and the end offset.
fn parse_at(t: &str, pos: usize) -> Option<(Diag, usize)> {
    let b = t.as_bytes();
    let mut p = pos;
    let mut diag = Diag::default();
    let digits_end = {
        let mut e = p;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        e
    };
    if digits_end > p {
        if !(4..=8).contains(&(digits_end - p)) {
            return None;
        }
        diag.code = t[p..digits_end].parse().ok();
        p = textmap::skip_ws(t, digits_end);
        if b.get(p) != Some(&b';') {
            return None;
        }
        p = textmap::skip_ws(t, p + 1);
    }
    let mut end = p;
    loop {
        let key_end = textmap::token_end(t, p);
        if key_end == p {
            break;
        }
        let key = t[p..key_end].to_ascii_lowercase();
        let eq = textmap::skip_ws(t, key_end);
        if b.get(eq) != Some(&b'=') {
            break;
        }
        let vstart = textmap::skip_ws(t, eq + 1);
        let (value, vend) = read_value(t, vstart, &key);
        let decoded = clean(&value);
        diag.params.push((key, decoded));
        end = vend;
        let mut q = textmap::skip_ws(t, vend);
        if b.get(q) == Some(&b'.') {
            q = textmap::skip_ws(t, q + 1);
        }
        if b.get(q) == Some(&b';') {
            p = textmap::skip_ws(t, q + 1);
        } else {
            break;
        }
    }
    let known = diag.params.iter().any(|(k, _)| {
        matches!(
            k.as_str(),
            "reason" | "error_category" | "category" | "source"
        )
    });
    if !known || (diag.code.is_none() && diag.category().is_none()) {
        return None;
    }
    Some((diag, end))
}

/// Reads one parameter value at `p`; returns it and the offset just after it (after its quote).
fn read_value(t: &str, p: usize, key: &str) -> (String, usize) {
    let b = t.as_bytes();
    let Some(&q) = b.get(p) else {
        return (String::new(), p);
    };
    if q != b'"' && q != b'\'' {
        let mut e = p;
        while e < b.len() && !matches!(b[e], b';' | b',' | b'"' | b']' | b'\n' | b'\r' | b'}') {
            e += 1;
        }
        return (t[p..e].trim().to_string(), e);
    }
    // CSV logs (Exchange HttpProxy, EWS) double every quote: `reason=""...""`.
    if t[p..].starts_with("\"\"") && !t[p..].starts_with("\"\";") {
        let start = p + 2;
        let close = t[start..].find("\"\"").map_or(t.len(), |e| start + e);
        let close = if key == "reason" {
            t[start..]
                .match_indices("\"\";")
                .map(|(e, _)| start + e)
                .next()
                .unwrap_or(close)
        } else {
            close
        };
        return (t[start..close].to_string(), (close + 2).min(t.len()));
    }
    let start = p + 1;
    if key != "reason" {
        let close = t[start..]
            .find(|c: char| c as u32 == u32::from(q) || c == '\n')
            .map_or(t.len(), |e| start + e);
        let after = (close + 1).min(t.len());
        return (t[start..close].to_string(), after);
    }
    // A reason may hold the same quote inside it; it ends at a quote that is followed by `;key=`,
    // else at a quote followed by the end of the value. Format-List may wrap it over a few lines.
    let limit = {
        let mut e = textmap::line_end(t, start);
        for _ in 0..3 {
            let next = e + 1;
            if next < t.len() && t[next..].starts_with("  ") {
                e = textmap::line_end(t, next);
            }
        }
        e
    };
    let mut fallback = None;
    let mut j = start;
    while j < limit {
        if b[j] == q {
            let mut a = textmap::skip_ws(t, j + 1);
            if b.get(a) == Some(&b'.') {
                a = textmap::skip_ws(t, a + 1);
            }
            if b.get(a) == Some(&b';') {
                let k = textmap::skip_ws(t, a + 1);
                let ke = textmap::token_end(t, k);
                if ke > k && b.get(textmap::skip_ws(t, ke)) == Some(&b'=') {
                    return (t[start..j].to_string(), j + 1);
                }
            }
            let next = b.get(j + 1).copied();
            if fallback.is_none()
                && matches!(
                    next,
                    None | Some(b'"' | b']' | b'}' | b',' | b'\n' | b'\r' | b' ' | b')' | b'.')
                )
            {
                fallback = Some(j);
            }
        }
        j += 1;
    }
    let close = fallback.unwrap_or(limit);
    (t[start..close].to_string(), (close + 1).min(t.len()))
}

/// Decodes IIS `+` and `%XX`, collapses line wrapping and trims.
fn clean(v: &str) -> String {
    let v = textmap::iis_decode(v);
    v.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds and decodes every occurrence in `text`.
pub fn scan(text: &str, _ctx: &Context) -> Vec<Artifact> {
    let n = Norm::new(text);
    let t = n.text.as_str();
    let mut starts: Vec<(usize, bool)> = Vec::new();
    // Header names, then the value after the separator.
    for (name, backend) in [
        ("x-ms-diagnostics-from-backend", true),
        ("x-ms-diagnostics", false),
        ("diagnostics", false),
    ] {
        for at in textmap::find_all_ci(t, name) {
            if !textmap::word_start(t, at) && name != "diagnostics" {
                continue;
            }
            let mut p = at + name.len();
            if !backend && t[p..].starts_with("-from-backend") {
                continue;
            }
            p = textmap::skip_ws(t, p);
            for _ in 0..2 {
                if matches!(t.as_bytes().get(p), Some(b'"' | b'\'')) {
                    p = textmap::skip_ws(t, p + 1);
                }
            }
            if !matches!(t.as_bytes().get(p), Some(b':' | b'=')) {
                continue;
            }
            p = textmap::skip_ws(t, p + 1);
            while matches!(t.as_bytes().get(p), Some(b'"' | b'\'' | b'[' | b' ')) {
                p += 1;
            }
            starts.push((p, backend));
        }
    }
    // Bare `code;key=` anywhere.
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let mut e = i;
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            let s = textmap::skip_ws(t, e);
            if (4..=8).contains(&(e - i)) && b.get(s) == Some(&b';') {
                let k = textmap::skip_ws(t, s + 1);
                let ke = textmap::token_end(t, k);
                let key = t[k..ke].to_ascii_lowercase();
                if matches!(
                    key.as_str(),
                    "reason" | "source" | "error_category" | "category"
                ) {
                    starts.push((i, false));
                }
            }
            i = e;
        } else {
            i += 1;
        }
    }
    // A value without a code: `reason="...";error_category=...` with no header name before it.
    for at in textmap::find_all_ci(t, "reason") {
        if !textmap::word_start(t, at) {
            continue;
        }
        let eq = textmap::skip_ws(t, at + 6);
        if b.get(eq) == Some(&b'=') {
            let le = textmap::line_end(t, at);
            let rest = t[at..le].to_ascii_lowercase();
            if rest.contains("error_category") || rest.contains(";category") {
                starts.push((at, false));
            }
        }
    }
    starts.sort_unstable();
    let mut out: Vec<Artifact> = Vec::new();
    let mut covered_to = 0;
    // A long log repeats the same value; each distinct text is explained once.
    let mut explained: std::collections::BTreeMap<(&str, bool), Artifact> =
        std::collections::BTreeMap::new();
    for (start, backend) in starts {
        if start < covered_to {
            continue;
        }
        let parsed = parse_at(t, start).or_else(|| {
            if backend {
                backend_value(t, start)
            } else {
                None
            }
        });
        if let Some((mut diag, end)) = parsed {
            diag.from_backend = backend;
            covered_to = end.max(start + 1);
            let span = n.span(start, end);
            let mut card = explained
                .entry((&t[start..end], backend))
                .or_insert_with(|| artifact(&diag, span))
                .clone();
            card.span = span;
            out.push(card);
        }
    }
    out
}

/// The decompiled `x-ms-diagnostics-from-backend: <name>|<message>` form.
fn backend_value(t: &str, start: usize) -> Option<(Diag, usize)> {
    let end = textmap::line_end(t, start);
    let v = t[start..end].trim().trim_end_matches(['"', '\'', ',']);
    if v.is_empty() {
        return None;
    }
    let mut d = Diag::default();
    match v.split_once('|') {
        Some((name, msg)) => {
            d.params.push(("error_category".into(), name.trim().into()));
            d.params.push(("reason".into(), clean(msg)));
        }
        None => d.params.push(("reason".into(), clean(v))),
    }
    Some((d, start + v.len()))
}

/// Builds the explained artifact for one value.
pub fn artifact(diag: &Diag, span: Span) -> Artifact {
    let product = diag.product();
    let header = if diag.from_backend {
        "x-ms-diagnostics-from-backend"
    } else {
        "x-ms-diagnostics"
    };
    let title = match product {
        Some(p) => format!("{header} ({})", p.name()),
        None => header.to_string(),
    };
    let mut a = Artifact::new(ArtifactKind::Diagnostics, span, title);
    let row = diag.code.and_then(table::code);
    let category = diag.category().unwrap_or("");
    let reason = diag.reason().unwrap_or("");
    a.verdict = match (diag.code, category.is_empty()) {
        (Some(c), false) => format!(
            "The server refused the token with diagnostics code {c} ({category}): {}",
            if reason.is_empty() {
                "no reason given"
            } else {
                reason
            }
        ),
        (Some(c), true) => format!("The server reported diagnostics code {c}: {reason}"),
        (None, _) => format!("The server refused the token ({category}): {reason}"),
    };
    let mut s = Section::new("x-ms-diagnostics");
    if let Some(c) = diag.code {
        let mut f = Field::new("code", c.to_string());
        if let Some(r) = row {
            f = f.meaning(r.meaning).source(r.source);
            if !r.documented {
                f = f.shown(format!("{c} (known only from undocumented sources)"));
            }
        } else {
            f = f.unknown();
        }
        s.push(f);
    }
    if let Some(p) = product {
        s.push(Field::new("product", p.name()));
    }
    for (k, v) in &diag.params {
        let mut f = Field::new(k.clone(), v.clone());
        if matches!(k.as_str(), "error_category" | "category" | "error_type") {
            if let Some(e) = oauth::oauth_error(v) {
                f = f.meaning(e.meaning).source(e.source);
            }
        }
        if k == "source" {
            f = f.meaning("the server that produced the error");
        }
        s.push(f);
    }
    a.sections.push(s);
    let details = reason_details(reason);
    if !details.fields.is_empty() {
        a.sections.push(details);
    }
    // The code's own finding.
    let code_text = diag.code.map(|c| c.to_string()).unwrap_or_default();
    let label = [code_text.as_str(), category]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    match row {
        Some(r) => {
            let mut f = Finding::new(
                Severity::Error,
                format!("x-ms-diagnostics {label}"),
                if r.documented {
                    r.meaning.to_string()
                } else {
                    format!("{} (Known only from undocumented sources.)", r.meaning)
                },
            )
            .source(r.source);
            for c in r.causes {
                f = f.cause(*c);
            }
            for fix in r.fixes {
                f = f.step(fix.to_step());
            }
            a.findings.push(f);
        }
        None => {
            let meaning = oauth::oauth_error(category).map(|e| e.meaning);
            let mut f = Finding::new(
                Severity::Error,
                format!("x-ms-diagnostics {label}").trim().to_string(),
                match meaning {
                    Some(m) => format!("The server refused the request. {category}: {m}"),
                    None => "The server refused the request; the reason text says why.".to_string(),
                },
            );
            if let Some(e) = oauth::oauth_error(category) {
                f = f.source(e.source);
            }
            if !reason.is_empty() {
                f = f.cause(format!("The server's reason: {reason}"));
            }
            a.findings.push(f);
        }
    }
    for pat in table::reasons_matching(reason) {
        let mut f = Finding::new(Severity::Error, pat.title, pat.meaning).source(pat.source);
        for c in pat.causes {
            f = f.cause(*c);
        }
        for fix in pat.fixes {
            f = f.step(fix.to_step());
        }
        a.findings.push(f);
    }
    a.evidence.diagnostics = Some(DiagnosticsEvidence {
        code: diag.code,
        category: diag.category().map(str::to_string),
        reason: diag.reason().map(str::to_string),
    });
    a
}

/// Values quoted inside a reason text (`'...'`), in order.
pub fn quoted_in(reason: &str) -> Vec<String> {
    let mut out = Vec::new();
    let parts: Vec<&str> = reason.split('\'').collect();
    let mut i = 1;
    while i < parts.len() {
        if i + 1 < parts.len() || reason.ends_with('\'') {
            out.push(parts[i].to_string());
        }
        i += 2;
    }
    out
}

/// Fields read out of a reason text: expected and actual values, the GUIDs it names, a profile.
fn reason_details(reason: &str) -> Section {
    let mut s = Section::new("Read from the reason");
    let lower = reason.to_lowercase();
    if let (Some(e), Some(ac)) = (lower.find("expected '"), lower.find("actual '")) {
        let exp = reason[e + 10..].split('\'').next().unwrap_or("");
        let act = reason[ac + 8..].split('\'').next().unwrap_or("");
        s.push(Field::new("expected", exp));
        let mut f = Field::new("actual", act);
        if let (Some((es, eh)), Some((as_, ah))) = (exp.split_once("://"), act.split_once("://")) {
            if eh.eq_ignore_ascii_case(ah) && !es.eq_ignore_ascii_case(as_) {
                f = f.meaning(format!(
                    "only the scheme differs ({es} vs {as_}): the URL the server saw is not the one the token was issued for, which happens when a device in front of the server terminates TLS (SSL offloading)"
                ));
            } else if !eh.eq_ignore_ascii_case(ah) {
                f = f.meaning("the host names differ");
            }
        }
        s.push(f);
    }
    if let Some(p) = lower.find("token profile '") {
        let v = reason[p + 15..].split('\'').next().unwrap_or("");
        s.push(Field::new("token profile", v));
    }
    if let Some(p) = lower.find("audience uri '") {
        let v = reason[p + 14..].split('\'').next().unwrap_or("");
        let mut f = Field::new("audience in the token", v);
        if let Some(app) = apps::app_by_id(v) {
            f = f.shown(app.name).source(app.source);
        } else if let Some(r) = apps::resource_by_uri(v) {
            f = f.shown(r.name).source(r.source);
        }
        s.push(f);
    }
    if let Some(p) = lower.find("auth strength was ") {
        let v: String = reason[p + 18..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        s.push(Field::new("presented auth strength", v));
        if let Some(r) = lower.find("required is ") {
            let v: String = reason[r + 12..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            s.push(Field::new("required auth strength", v));
        }
    }
    for g in crate::text::guids_in(reason) {
        if s.fields.iter().any(|f| f.raw == g) {
            continue;
        }
        let mut f = Field::new("named in the reason", g);
        if let Some(app) = apps::app_by_id(g) {
            f = f.shown(app.name).meaning(app.note).source(app.source);
        }
        s.push(f);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Diag {
        let found = scan(text, &Context::fixed());
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let e = found[0].evidence.diagnostics.clone().unwrap();
        Diag {
            code: e.code,
            params: vec![
                ("reason".into(), e.reason.unwrap_or_default()),
                ("error_category".into(), e.category.unwrap_or_default()),
            ],
            from_backend: false,
        }
    }

    #[test]
    fn exchange_value_in_a_header_line() {
        let d = one("x-ms-diagnostics: 2000003;reason=\"The hostname component of the audience claim value is invalid. Expected 'https://mail.contoso.com'. Actual 'http://mail.contoso.com'.\";error_category=\"invalid_resource\"");
        assert_eq!(d.code, Some(2000003));
        assert_eq!(d.category(), Some("invalid_resource"));
        assert!(d.reason().unwrap().ends_with("'http://mail.contoso.com'."));
    }

    #[test]
    fn freb_unbalanced_quotes_and_spaces() {
        let d = one("HeaderValue=\"2000001;reason=\"This token profile 'V1S2SAppOnly' is not applicable for the current protocol.\";error_category=\"invalid_token\"\", Replace=\"false\"");
        assert_eq!(d.code, Some(2000001));
        assert_eq!(d.category(), Some("invalid_token"));
        let d = one("diagnostics: 2000005;reason= \"The user specified by the user-context in the token is ambiguous.\" ;error_category=\"invalid_user\"");
        assert_eq!(
            d.reason(),
            Some("The user specified by the user-context in the token is ambiguous.")
        );
    }

    #[test]
    fn single_quotes_inside_json_and_no_code() {
        let d = one("{ \"error\": \"Unauthorized\", \"x-ms-diagnostics\": \"2000001;reason='The token is missing the claim type 'roles'.';error_category='invalid_token'\" }");
        assert_eq!(
            d.reason(),
            Some("The token is missing the claim type 'roles'.")
        );
        assert_eq!(d.category(), Some("invalid_token"));
        let d = one("x-ms-diagnostics : reason=\"The token contains no permissions, or permissions can not be understood.\";error_category=\"invalid_grant\"");
        assert_eq!(d.code, None);
        assert_eq!(d.category(), Some("invalid_grant"));
    }

    #[test]
    fn curly_quotes_plus_encoding_sharepoint_and_skype() {
        let d = one("x-ms-diagnostics: [2000001;reason=“无法解析随请求提交的 OAuth 令牌。”;error_category=\"invalid_token\"]，correlationId:[x]");
        assert_eq!(d.reason(), Some("无法解析随请求提交的 OAuth 令牌。"));
        let d = one("2000008;reason=\"The+token+should+have+valid+permissions.\";error_category=\"invalid_grant\"");
        assert_eq!(d.reason(), Some("The token should have valid permissions."));
        let p =
            parse_value("3000003;reason=\"Invalid audience Uri 'x'.\";category=\"invalid_client\"")
                .unwrap();
        assert_eq!(p.product(), Some(Product::SharePoint));
        let p =
            parse_value("28020;source=\"pool.contoso.com\";reason=\"No valid security token.\"")
                .unwrap();
        assert_eq!(p.product(), Some(Product::Skype));
        assert_eq!(p.reason(), Some("No valid security token."));
    }

    #[test]
    fn html_entities_and_prose_are_handled() {
        let d = one("<td>x-ms-diagnostics: 2000010;reason=&quot;Presented auth strength was 1, required is 2.&quot;;error_category=&quot;insufficient_auth_strength&quot;</td>");
        assert_eq!(d.code, Some(2000010));
        assert!(scan(
            "The reason = we had 2000 users; category of the problem is unknown.",
            &Context::fixed()
        )
        .is_empty());
    }

    #[test]
    fn the_artifact_explains_the_code_and_reads_the_reason() {
        let a = &scan("x-ms-diagnostics: 2000010;reason=\"The access token is acquired using an authentication method that is too weak. Presented auth strength was 1, required is 2.\";error_category=\"insufficient_auth_strength\"", &Context::fixed())[0];
        assert!(a
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error && f.title.contains("2000010")));
        let text = crate::render::artifact_text(a);
        assert!(text.contains("presented auth strength: 1"), "{text}");
    }
}
