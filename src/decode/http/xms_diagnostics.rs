//! Records: x-ms-diagnostics values from Exchange, SharePoint, Skype and Entra, found in any
//! wrapper, and the facts a reason text names.
//!
//! Shapes: `code;reason="...";error_category="..."` (Exchange, Entra), `code;reason="...";category="..."`
//! (SharePoint), `code;source="...";reason="..."` (Skype/Lync), and a value without a code. Wrappers:
//! header lines (`:`, `=`, `→`, ` : `), JSON strings (also single-quoted), exception text, FREB's
//! unbalanced inner quotes, IIS `+` encoding, curly and full-width quotes, `&quot;` entities.

use crate::knowledge::xms_diagnostics::{self as table, Product};
use crate::report::Span;
use crate::text::{cut, cut_from};
use crate::textmap::{self, Norm};

/// The old home of `quoted_in`, kept for the correlator until it reads `crate::text`.
pub use crate::text::quoted_in;

/// One value found in a paste: where it is, its text (to explain repeats once) and the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub text: String,
    pub diag: Diag,
}

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
        diag.code = cut(t, p..digits_end).parse().ok();
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
        let key = cut(t, p..key_end).to_ascii_lowercase();
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
        return (cut(t, p..e).trim().to_string(), e);
    }
    // CSV logs (Exchange HttpProxy, EWS) double every quote: `reason=""...""`.
    if cut_from(t, p).starts_with("\"\"") && !cut_from(t, p).starts_with("\"\";") {
        let start = p + 2;
        let close = cut_from(t, start)
            .find("\"\"")
            .map_or(t.len(), |e| start + e);
        let close = if key == "reason" {
            cut_from(t, start)
                .match_indices("\"\";")
                .map(|(e, _)| start + e)
                .next()
                .unwrap_or(close)
        } else {
            close
        };
        return (cut(t, start..close).to_string(), (close + 2).min(t.len()));
    }
    let start = p + 1;
    if key != "reason" {
        let close = cut_from(t, start)
            .find(|c: char| c as u32 == u32::from(q) || c == '\n')
            .map_or(t.len(), |e| start + e);
        let after = (close + 1).min(t.len());
        return (cut(t, start..close).to_string(), after);
    }
    // A reason may hold the same quote inside it; it ends at a quote that is followed by `;key=`,
    // else at a quote followed by the end of the value. Format-List may wrap it over a few lines.
    let limit = {
        let mut e = textmap::line_end(t, start);
        for _ in 0..3 {
            let next = e + 1;
            if next < t.len() && cut_from(t, next).starts_with("  ") {
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
                    return (cut(t, start..j).to_string(), j + 1);
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
    (cut(t, start..close).to_string(), (close + 1).min(t.len()))
}

/// Decodes IIS `+` and `%XX`, collapses line wrapping and trims.
fn clean(v: &str) -> String {
    let v = textmap::iis_decode(v);
    v.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How far after a bare `reason=` its `error_category` is looked for, in bytes.
const REASON_LOOKAHEAD: usize = 4096;

/// Finds every value in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
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
            if !backend && cut_from(t, p).starts_with("-from-backend") {
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
                let key = cut(t, k..ke).to_ascii_lowercase();
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
            // The category follows its reason within one value, so a bounded look-ahead on the
            // line is enough, and keeps a line of many `reason=` linear.
            let le = textmap::line_end(t, at).min(at + REASON_LOOKAHEAD);
            let rest = b[at..le].to_ascii_lowercase();
            if memchr::memmem::find(&rest, b"error_category").is_some()
                || memchr::memmem::find(&rest, b";category").is_some()
            {
                starts.push((at, false));
            }
        }
    }
    crate::sort::natural(&mut starts);
    let mut out = Vec::new();
    let mut covered_to = 0;
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
            out.push(Found {
                span: n.span(start, end),
                text: cut(t, start..end).to_string(),
                diag,
            });
        }
    }
    out
}

/// The decompiled `x-ms-diagnostics-from-backend: <name>|<message>` form.
fn backend_value(t: &str, start: usize) -> Option<(Diag, usize)> {
    let end = textmap::line_end(t, start);
    let v = cut(t, start..end).trim().trim_end_matches(['"', '\'', ',']);
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

/// Facts a reason text names: expected and actual values, a token profile, an audience, auth
/// strengths and the GUIDs it mentions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReasonFacts {
    /// `Expected '...'. Actual '...'`.
    pub expected_actual: Option<(String, String)>,
    pub token_profile: Option<String>,
    pub audience: Option<String>,
    /// `Presented auth strength was N`, and `required is M` when it says.
    pub presented_strength: Option<String>,
    pub required_strength: Option<String>,
    /// Every GUID in the reason, in order.
    pub guids: Vec<String>,
}

/// The text quoted after `needle` (found in any ASCII case), up to the next `'`.
fn quoted_after(reason: &str, lower: &str, needle: &str) -> Option<String> {
    let at = lower.find(needle)? + needle.len();
    Some(
        reason
            .get(at..)?
            .split('\'')
            .next()
            .unwrap_or("")
            .to_string(),
    )
}

/// The digits right after `needle` (found in any ASCII case).
fn digits_after(reason: &str, lower: &str, needle: &str) -> Option<String> {
    let at = lower.find(needle)? + needle.len();
    Some(
        reason
            .get(at..)?
            .chars()
            .take_while(char::is_ascii_digit)
            .collect(),
    )
}

/// Reads the facts of a reason text.
pub fn reason_facts(reason: &str) -> ReasonFacts {
    // ASCII lower case keeps every byte offset of the original.
    let lower = reason.to_ascii_lowercase();
    let expected = quoted_after(reason, &lower, "expected '");
    let actual = quoted_after(reason, &lower, "actual '");
    let presented_strength = digits_after(reason, &lower, "auth strength was ");
    ReasonFacts {
        expected_actual: expected.zip(actual),
        token_profile: quoted_after(reason, &lower, "token profile '"),
        audience: quoted_after(reason, &lower, "audience uri '"),
        required_strength: presented_strength
            .as_ref()
            .and_then(|_| digits_after(reason, &lower, "required is ")),
        presented_strength,
        guids: crate::text::guids_in(reason)
            .into_iter()
            .map(str::to_string)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Diag {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        found[0].diag.clone()
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
        assert!(
            find("The reason = we had 2000 users; category of the problem is unknown.").is_empty()
        );
    }

    #[test]
    fn reason_facts_are_read() {
        let f = reason_facts("Presented auth strength was 1, required is 2. Expected 'https://a'. Actual 'http://a'. Audience Uri '00000002-0000-0ff1-ce00-000000000000'.");
        assert_eq!(f.presented_strength.as_deref(), Some("1"));
        assert_eq!(f.required_strength.as_deref(), Some("2"));
        assert_eq!(
            f.expected_actual,
            Some(("https://a".into(), "http://a".into()))
        );
        assert_eq!(f.guids.len(), 1);
        assert_eq!(
            f.audience.as_deref(),
            Some("00000002-0000-0ff1-ce00-000000000000")
        );
        assert_eq!(
            reason_facts("\u{130}\u{130} token profile 'X'")
                .token_profile
                .as_deref(),
            Some("X")
        );
    }
}
