//! Redacted copies of a report, for tickets and public forums: signatures, personal data, tenant
//! and object ids and IP addresses replaced by stable placeholders (`<upn-1>`, `<tenant-1>`).
//!
//! Which fields hold what is a knowledge table (`knowledge::redaction`). A redaction first gathers
//! the values of those fields from the whole report, then replaces every occurrence of each value
//! in every text of the report (verdicts, findings, fields, raw JSON), so the same user or tenant
//! gets the same placeholder wherever it appears and the redacted report still reads correctly.
//! The result is a `Report`, so its plain text and its JSON are redacted alike.

use crate::knowledge::redaction::{self, Extract, RedactKind};
use crate::report::{Artifact, Report};
use std::collections::HashMap;

/// Which kinds a redacted copy hides; each has its own toggle on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Redaction {
    pub signatures: bool,
    pub personal: bool,
    pub tenant_ids: bool,
    pub ip_addresses: bool,
}

impl Redaction {
    /// Every kind hidden: what the page starts with and what the CLI's `--redact` does.
    pub const ALL: Redaction = Redaction {
        signatures: true,
        personal: true,
        tenant_ids: true,
        ip_addresses: true,
    };

    fn wants(self, kind: RedactKind) -> bool {
        match kind {
            RedactKind::Signature => self.signatures,
            RedactKind::Personal => self.personal,
            RedactKind::TenantId => self.tenant_ids,
            RedactKind::IpAddress => self.ip_addresses,
        }
    }

    /// The kinds hidden, in words, for the notice at the top of a redacted report.
    fn describe(self) -> String {
        let names = [
            (self.signatures, "signatures"),
            (self.personal, "names, user names and email addresses"),
            (self.tenant_ids, "tenant and object ids"),
            (self.ip_addresses, "IP addresses"),
        ];
        let on: Vec<&str> = names
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, n)| *n)
            .collect();
        on.join(", ")
    }
}

/// A copy of `report` with the chosen kinds of values replaced by placeholders.
pub fn redact(report: &Report, what: Redaction) -> Report {
    let mut values = Values {
        // An encoded token carries the claims in base64; the card shows them decoded (and hidden).
        tokens: what.personal || what.tenant_ids,
        ..Values::default()
    };
    for artifact in report.artifacts.iter().chain(&report.key_artifacts) {
        keep_apps(artifact, &mut values);
    }
    for artifact in report.artifacts.iter().chain(&report.key_artifacts) {
        gather(artifact, what, &mut values);
    }
    let mut out = report.clone();
    out.for_each_text_mut(&mut |text: &mut String| {
        if let Some(replaced) = values.replace(text) {
            *text = replaced;
        }
    });
    let hidden = what.describe();
    if !hidden.is_empty() {
        out.notices.insert(
            0,
            format!("Redacted copy: {hidden} are replaced by placeholders such as <upn-1>; the same value has the same placeholder throughout."),
        );
    }
    out
}

/// Notes the app ids of an artifact and its children, which stay (`redaction::APP_FIELDS`).
fn keep_apps(artifact: &Artifact, values: &mut Values) {
    for field in artifact.sections.iter().flat_map(|s| &s.fields) {
        if redaction::APP_FIELDS.contains(&field.name.as_str()) {
            values.kept.insert(field.raw.trim().to_ascii_lowercase());
        }
    }
    for child in &artifact.children {
        keep_apps(child, values);
    }
}

/// Collects the values to hide from the fields of an artifact and its children.
fn gather(artifact: &Artifact, what: Redaction, values: &mut Values) {
    for field in artifact.sections.iter().flat_map(|s| &s.fields) {
        let Some(row) = redaction::field(&field.name) else {
            continue;
        };
        if !what.wants(row.kind) {
            continue;
        }
        match (row.kind, row.how) {
            (RedactKind::Signature, _) => values.add_signature(&field.raw),
            (_, Extract::PersonalInside) => {
                for (spellings, label) in personal_inside(&field.raw) {
                    values.add_spellings(&spellings, label);
                }
            }
            (_, Extract::TenantsInside) => {
                for tenant in tenants_inside(&field.raw) {
                    values.add(tenant, row.label);
                }
            }
            (_, Extract::Whole) if principal_at_realm(&field.raw).is_some() => {
                // An S2S `nameid` names an app principal (`<app id>@<realm>`): only the realm,
                // a tenant, is hidden, and only when tenant ids are.
                if let Some(realm) = principal_at_realm(&field.raw).filter(|_| what.tenant_ids) {
                    values.add(realm, "tenant");
                }
            }
            (_, Extract::Whole) => {
                values.add(&field.raw, row.label);
                // A claim holding a list (B2C `emails`) also has each of its items hidden alone.
                if let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&field.raw) {
                    for item in items.iter().filter_map(|v| v.as_str()) {
                        values.add(item, row.label);
                    }
                }
            }
        }
    }
    for child in &artifact.children {
        gather(child, what, values);
    }
}

/// The personal values inside a URL or query string, with their placeholder words: email
/// addresses anywhere in it, and the values of query parameters the table calls personal (also
/// percent-decoded, as a card may show either).
fn personal_inside(value: &str) -> Vec<(Vec<String>, &'static str)> {
    let mut out = Vec::new();
    let bytes = value.as_bytes();
    let local = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    for at in memchr::memchr_iter(b'@', bytes) {
        // Neither side may cross another `@`, so every byte is looked at a bounded number of times.
        let start = at
            - bytes
                .get(..at)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take_while(|b| local(b))
                .count();
        let after = bytes.get(at + 1..).unwrap_or(&[]);
        let end = at + 1 + after.iter().take_while(|b| domain(b)).count();
        let host = value.get(at + 1..end).unwrap_or("").trim_end_matches('.');
        if start < at && host.contains('.') && !host.starts_with('.') {
            if let Some(email) = value.get(start..at + 1 + host.len()) {
                out.push((vec![email.to_string()], "upn"));
            }
        }
    }
    let query = value.split_once('?').map_or(value, |(_, q)| q);
    for pair in query.split('&') {
        let Some((name, v)) = pair.split_once('=') else {
            continue;
        };
        let row = redaction::field(name).filter(|r| r.kind == RedactKind::Personal);
        if let Some(row) = row.filter(|_| !v.is_empty()) {
            out.push((
                vec![crate::text::percent_decode(v), v.to_string()],
                row.label,
            ));
        }
    }
    out
}

/// The realm of an S2S `principal@realm` whose principal is an app id.
fn principal_at_realm(value: &str) -> Option<&str> {
    let (principal, realm) = value.trim().split_once('@')?;
    let app = principal.split('/').next().unwrap_or("");
    (crate::text::is_guid(app) && !realm.is_empty()).then_some(realm)
}

/// The tenant ids inside an issuer or URL: path segments made of hexadecimal digits and dashes
/// (also a damaged GUID, as documentation samples have) and `*.onmicrosoft.com` names, or the realm
/// after `@`; an id right before `@` (the app principal of an S2S issuer) and a bare id (the client
/// id a client assertion names as its issuer) are apps, not tenants.
fn tenants_inside(value: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = value;
    let mut after: Option<char> = None;
    while !rest.is_empty() {
        let end = rest
            .find(['/', '@', ' ', ',', '"', '\'', '[', ']'])
            .unwrap_or(rest.len());
        let piece = rest.get(..end).unwrap_or("");
        let next = rest.get(end..).unwrap_or("");
        let guid_like = piece.len() >= 20
            && piece.bytes().filter(|b| *b == b'-').count() >= 3
            && piece.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
        let domain = piece.len() > ".onmicrosoft.com".len()
            && piece.to_ascii_lowercase().ends_with(".onmicrosoft.com");
        let segment = matches!(after, Some('/' | '@'));
        if segment && ((guid_like && !next.starts_with('@')) || domain) {
            out.push(piece);
        }
        // Skip the separator (one ASCII character) and go on.
        after = next.chars().next();
        rest = next.get(1..).unwrap_or("");
    }
    out
}

/// Values longer than this are hidden only where a whole text equals them (see `Values::long`).
const MAX_NEEDLE: usize = 256;

/// One value to hide and its placeholder.
struct Needle {
    /// The value, ASCII-lowercased (matching ignores ASCII case: `AbeLi@` and `abeli@` are one user).
    lower: Vec<u8>,
    placeholder: String,
    /// A signature shown cut: a match also takes the base64url characters that follow it.
    extend: bool,
}

/// The values gathered so far, with one placeholder per distinct value.
#[derive(Default)]
struct Values {
    needles: Vec<Needle>,
    /// Placeholder by lowercased value, so a value met twice keeps its first placeholder.
    seen: HashMap<Vec<u8>, String>,
    /// How many placeholders each label has handed out.
    counts: HashMap<&'static str, usize>,
    /// Needle by its lowercased text.
    by_text: HashMap<Vec<u8>, usize>,
    /// The lengths of the needles that start with these two bytes (lowercased), longest first: at
    /// each position the scan looks up one slice per length, so many needles (a log with thousands
    /// of client addresses) cost no more than a few.
    lengths: HashMap<[u8; 2], Vec<usize>>,
    /// Values too long to be a name or an id (a hostile paste): hidden only where a whole text
    /// equals them, so the scan stays linear. Keyed by lowercased text.
    long: HashMap<String, String>,
    /// Values of app fields (lowercased), never hidden.
    kept: std::collections::HashSet<String>,
    /// True when encoded tokens (`eyJ...`) are replaced whole by `<token-N>`.
    tokens: bool,
}

impl Values {
    /// One value written several ways (percent-decoded first, then as logged): one placeholder,
    /// keyed by the first spelling, hides every spelling.
    fn add_spellings(&mut self, spellings: &[String], label: &'static str) {
        let Some(first) = spellings.first() else {
            return;
        };
        self.add(first, label);
        let first = first.trim();
        let Some(placeholder) = self
            .seen
            .get(first.to_ascii_lowercase().as_bytes())
            .cloned()
        else {
            return;
        };
        for other in spellings.iter().skip(1).map(|s| s.trim()) {
            if other.len() >= 2 && !self.kept.contains(&other.to_ascii_lowercase()) {
                self.push(other.as_bytes(), &placeholder, false);
            }
        }
    }

    fn add(&mut self, value: &str, label: &'static str) {
        let value = value.trim();
        // A dash or an empty cell (IIS writes `-` for no value) is nothing to hide.
        if value.len() < 2
            || !value.chars().any(char::is_alphanumeric)
            || self.kept.contains(&value.to_ascii_lowercase())
        {
            return;
        }
        let placeholder = self.placeholder(value, label);
        self.push(value.as_bytes(), &placeholder, false);
        // In the raw JSON a value appears JSON-escaped; that spelling is hidden too.
        if let Ok(json) = serde_json::to_string(value) {
            let inner = json.get(1..json.len().saturating_sub(1)).unwrap_or("");
            if inner != value {
                self.push(inner.as_bytes(), &placeholder, false);
            }
        }
    }

    /// A signature as a card shows it (maybe cut with `…`): hidden wherever it, or the whole
    /// segment it starts, appears.
    fn add_signature(&mut self, shown: &str) {
        let value = shown.trim_end_matches('…');
        let base64url = value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'+' | b'/'));
        // Short words ("empty", "missing") describe a signature; they are not one.
        if value.len() < 16 || !base64url {
            return;
        }
        let placeholder = self.placeholder(value, "signature");
        self.push(value.as_bytes(), &placeholder, true);
    }

    fn placeholder(&mut self, value: &str, label: &'static str) -> String {
        let key = value.to_ascii_lowercase().into_bytes();
        if let Some(existing) = self.seen.get(&key) {
            return existing.clone();
        }
        let n = self.counts.entry(label).or_insert(0);
        *n += 1;
        let placeholder = format!("<{label}-{n}>");
        self.seen.insert(key, placeholder.clone());
        placeholder
    }

    fn push(&mut self, value: &[u8], placeholder: &str, extend: bool) {
        let lower = value.to_ascii_lowercase();
        if lower.len() > MAX_NEEDLE {
            let text = String::from_utf8_lossy(&lower).into_owned();
            self.long
                .entry(text)
                .or_insert_with(|| placeholder.to_string());
            return;
        }
        let Some(key) = lower.first().zip(lower.get(1)).map(|(a, b)| [*a, *b]) else {
            return;
        };
        if self.by_text.contains_key(&lower) {
            return;
        }
        let len = lower.len();
        self.by_text.insert(lower.clone(), self.needles.len());
        self.needles.push(Needle {
            lower,
            placeholder: placeholder.to_string(),
            extend,
        });
        let lengths = self.lengths.entry(key).or_default();
        if !lengths.contains(&len) {
            lengths.push(len);
            crate::sort::by(lengths, |a, b| b.cmp(a));
        }
    }

    /// The text with every gathered value replaced, or `None` when it holds none. A value counts
    /// only as a whole word: a match that starts or ends with a letter or digit must not touch
    /// another letter or digit, so a short name does not eat the inside of a longer word.
    fn replace(&mut self, text: &str) -> Option<String> {
        if text.len() > MAX_NEEDLE && !self.long.is_empty() {
            if let Some(placeholder) = self.long.get(&text.trim().to_ascii_lowercase()) {
                return Some(placeholder.clone());
            }
        }
        if self.needles.is_empty() && !self.tokens {
            return None;
        }
        let mut buffer = Vec::new();
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let mut copied = 0;
        let mut i = 0;
        while i + 1 < bytes.len() {
            let found = match self.token_at(bytes, i) {
                Some(end) => {
                    let token = text.get(i..end).unwrap_or("");
                    Some((end, self.placeholder(token, "token")))
                }
                None => self
                    .match_at(bytes, i, &mut buffer)
                    .map(|(end, needle)| (end, needle.placeholder.clone())),
            };
            match found {
                Some((end, placeholder)) => {
                    let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                    out.push_str(text.get(copied..i).unwrap_or(""));
                    out.push_str(&placeholder);
                    copied = end;
                    i = end;
                }
                None => i += 1,
            }
        }
        let mut out = out?;
        out.push_str(text.get(copied..).unwrap_or(""));
        Some(out)
    }

    /// The end of an encoded token (JWS `eyJ...eyJ...sig` or a five-part JWE) starting at byte `i`.
    fn token_at(&self, bytes: &[u8], i: usize) -> Option<usize> {
        let b64 = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_');
        if !self.tokens || !bytes.get(i..)?.starts_with(b"eyJ") || (i > 0 && b64(bytes.get(i - 1)?))
        {
            return None;
        }
        let mut end = i;
        let mut dots = Vec::new();
        while let Some(b) = bytes.get(end) {
            if b64(b) {
                end += 1;
            } else if *b == b'.' && dots.len() < 4 {
                dots.push(end);
                end += 1;
            } else {
                break;
            }
        }
        let jws = dots.len() >= 2 && bytes.get(dots.first()? + 1..)?.starts_with(b"eyJ");
        if jws && dots.len() > 2 {
            // A JWS has three parts: a further dot ends a sentence, it is not part of the token.
            end = *dots.get(2)?;
        }
        (end - i >= 30 && (jws || dots.len() == 4)).then_some(end)
    }

    /// The longest needle that matches at byte `i` as a whole word, with the end of its match.
    fn match_at(&self, bytes: &[u8], i: usize, buffer: &mut Vec<u8>) -> Option<(usize, &Needle)> {
        let key = [
            bytes.get(i)?.to_ascii_lowercase(),
            bytes.get(i + 1)?.to_ascii_lowercase(),
        ];
        let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
        for &len in self.lengths.get(&key)? {
            let end = i + len;
            let Some(candidate) = bytes.get(i..end) else {
                continue;
            };
            buffer.clear();
            buffer.extend(candidate.iter().map(u8::to_ascii_lowercase));
            let Some(needle) = self
                .by_text
                .get(buffer.as_slice())
                .and_then(|&id| self.needles.get(id))
            else {
                continue;
            };
            let starts_word = needle.lower.first().is_some_and(u8::is_ascii_alphanumeric);
            if starts_word && i > 0 && word(bytes.get(i - 1)) {
                continue;
            }
            if needle.extend {
                let more = bytes
                    .get(end..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
                    .count();
                return Some((end + more, needle));
            }
            let ends_word = needle.lower.last().is_some_and(u8::is_ascii_alphanumeric);
            if ends_word && word(bytes.get(end)) {
                continue;
            }
            return Some((end, needle));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ArtifactKind, Field, Section, Span};

    fn report(fields: &[(&str, &str)], verdict: &str) -> Report {
        let mut artifact = Artifact::new(ArtifactKind::Jwt, Span::new(0, 1), "Token");
        artifact.verdict = verdict.to_string();
        let mut section = Section::new("Payload claims");
        for (name, value) in fields {
            section.push(Field::new(*name, *value));
        }
        artifact.sections.push(section);
        Report {
            artifacts: vec![artifact],
            ..Report::default()
        }
    }

    fn text(r: &Report) -> String {
        crate::render::report_text(r)
    }

    #[test]
    fn personal_values_get_one_placeholder_each_everywhere() {
        let r = report(
            &[
                ("upn", "megan@contoso.example"),
                ("email", "Megan@Contoso.example"),
                ("name", "Megan Bowen"),
                ("given_name", "Megan"),
            ],
            "Delegated token for user megan@contoso.example (Megan Bowen).",
        );
        let out = text(&redact(&r, Redaction::ALL));
        assert!(
            !out.to_lowercase().contains("megan"),
            "a personal value is left: {out}"
        );
        assert!(
            out.contains("upn: <upn-1>") && out.contains("email: <upn-1>"),
            "{out}"
        );
        assert!(out.contains("for user <upn-1> (<name-1>)."), "{out}");
        assert!(out.contains("given_name: <name-2>"), "{out}");
    }

    #[test]
    fn tenant_ids_are_hidden_in_claims_and_inside_issuers() {
        let tid = "fa15d692-e9c7-4460-a743-29f2956fd429";
        let iss = format!("https://sts.windows.net/{tid}/");
        let s2s_iss = format!("00000001-0000-0000-c000-000000000000@{tid}");
        let r = report(
            &[
                ("tid", tid),
                ("iss", &iss),
                ("oid", "02223b6b-aa1d-42d4-9ec0-1b2bb9194438"),
            ],
            &format!("Issued by {s2s_iss}."),
        );
        let out = text(&redact(&r, Redaction::ALL));
        assert!(!out.contains(tid) && !out.contains("02223b6b"), "{out}");
        assert!(
            out.contains("iss: https://sts.windows.net/<tenant-1>/"),
            "{out}"
        );
        assert!(
            out.contains("00000001-0000-0000-c000-000000000000@<tenant-1>"),
            "the app principal before @ is kept: {out}"
        );
        assert!(out.contains("oid: <oid-1>"), "{out}");
        // A damaged GUID in an issuer (as documentation samples have) is a tenant too.
        assert_eq!(
            tenants_inside("https://sts.windows.net/fa15d692-e9c7-4460-a743-29f29522229/"),
            vec!["fa15d692-e9c7-4460-a743-29f29522229"]
        );
    }

    #[test]
    fn ip_addresses_and_log_users_are_hidden() {
        let r = report(
            &[
                ("c-ip", "10.0.0.10"),
                ("cs-username", "CONTOSO\\user"),
                ("s-port", "443"),
            ],
            "CONTOSO\\user from 10.0.0.10 (not 10.0.0.100).",
        );
        let out = text(&redact(&r, Redaction::ALL));
        assert!(
            out.contains("c-ip: <ip-1>") && out.contains("cs-username: <user-1>"),
            "{out}"
        );
        assert!(
            out.contains("<user-1> from <ip-1> (not 10.0.0.100)."),
            "{out}"
        );
        assert!(out.contains("s-port: 443"), "{out}");
    }

    #[test]
    fn signatures_are_hidden_also_where_the_whole_segment_appears() {
        let sig = "UCkBYUz8lpL7np7nQiP-jdQwaPXYeCyLNkm2l9QHMYiOyAyQx_more-of-it";
        let shown = crate::text::ellipsis(sig, 48);
        let r = report(
            &[
                ("Signature", &shown),
                ("token", &format!("eyJ0.eyJ1.{sig}")),
            ],
            "",
        );
        // With signatures alone hidden, an encoded token keeps its header and payload.
        let only_signatures = Redaction {
            personal: false,
            tenant_ids: false,
            ip_addresses: false,
            ..Redaction::ALL
        };
        let out = text(&redact(&r, only_signatures));
        assert!(!out.contains("UCkBYUz8"), "{out}");
        assert!(out.contains("token: eyJ0.eyJ1.<signature-1>"), "{out}");
        let r = report(&[("Signature", "missing (the copy was cut)")], "");
        assert!(text(&redact(&r, Redaction::ALL)).contains("Signature: missing (the copy was cut)"));
    }

    #[test]
    fn a_kind_switched_off_is_kept() {
        let r = report(
            &[("upn", "megan@contoso.example"), ("ipaddr", "203.0.113.7")],
            "",
        );
        let only_personal = Redaction {
            ip_addresses: false,
            ..Redaction::ALL
        };
        let out = text(&redact(&r, only_personal));
        assert!(
            out.contains("203.0.113.7") && !out.contains("megan@"),
            "{out}"
        );
        assert!(!out.contains("IP addresses are replaced"), "{out}");
        let none = Redaction {
            signatures: false,
            personal: false,
            tenant_ids: false,
            ip_addresses: false,
        };
        assert_eq!(redact(&r, none), r, "nothing switched on changes nothing");
    }

    #[test]
    fn app_ids_stay_and_only_the_realm_of_an_app_principal_is_a_tenant() {
        let app = "b7d3e0a1-2c4f-4a6b-8d9e-1f2a3b4c5d6e";
        let tid = "3f1c2a9e-5b7d-4e21-9c44-0d8e6a1b7f52";
        let principal = format!("00000003-0000-0ff1-ce00-000000000000@{tid}");
        let r = report(
            &[
                ("iss", app),
                ("sub", app),
                ("Client app", app),
                ("nameid", &principal),
            ],
            &format!("Client assertion of app {app}, calling app {principal}."),
        );
        let out = text(&redact(&r, Redaction::ALL));
        assert!(
            out.contains(&format!("sub: {app}")) && out.contains(&format!("iss: {app}")),
            "{out}"
        );
        assert!(
            out.contains("nameid: 00000003-0000-0ff1-ce00-000000000000@<tenant-1>"),
            "{out}"
        );
        assert!(
            tenants_inside(app).is_empty(),
            "a bare client id is no tenant"
        );
    }

    #[test]
    fn encoded_tokens_are_replaced_whole_since_they_carry_the_claims() {
        let jwt = "eyJhbGciOiJub25lIn0.eyJ1cG4iOiJtZWdhbkBjb250b3NvLmV4YW1wbGUifQ.";
        let r = report(&[("actortoken", jwt)], &format!("Inner token {jwt}. Next."));
        let out = text(&redact(&r, Redaction::ALL));
        assert!(
            out.contains("actortoken: <token-1>") && out.contains("Inner token <token-1>. Next."),
            "{out}"
        );
        let only_signatures = Redaction {
            personal: false,
            tenant_ids: false,
            ip_addresses: false,
            ..Redaction::ALL
        };
        assert!(text(&redact(&r, only_signatures)).contains(jwt));
    }

    #[test]
    fn user_names_in_urls_and_query_strings_are_hidden() {
        let r = report(
            &[
                (
                    "URL",
                    "https://graph.microsoft.com/v1.0/users/adele@contoso.com/messages?$top=10",
                ),
                (
                    "cs-uri-query",
                    "client_id=x&login_hint=megan%40contoso.com&username=CONTOSO%5Cmegan",
                ),
            ],
            "GET /users/adele@contoso.com/messages for megan@contoso.com (CONTOSO\\megan).",
        );
        let out = text(&redact(&r, Redaction::ALL));
        assert!(!out.contains("adele") && !out.contains("megan"), "{out}");
        assert!(
            out.contains("URL: https://graph.microsoft.com/v1.0/users/<upn-1>/messages?$top=10"),
            "{out}"
        );
        assert!(
            out.contains("client_id=x&login_hint=<upn-2>&username=<upn-3>"),
            "{out}"
        );
        assert!(out.contains("for <upn-2> (<upn-3>)."), "{out}");
        assert!(personal_inside("a@@b.c@").is_empty());
    }

    #[test]
    fn many_and_very_long_values_are_all_hidden() {
        let ips: Vec<String> = (0..5000)
            .map(|i| format!("10.{}.{}.{}", i / 65536, (i / 256) % 256, i % 256))
            .collect();
        let long_user = "x".repeat(100_000);
        let mut fields: Vec<(&str, &str)> = ips.iter().map(|ip| ("c-ip", ip.as_str())).collect();
        fields.push(("cs-username", &long_user));
        let verdict = ips.join(" ");
        let r = report(&fields, &verdict);
        let out = text(&redact(&r, Redaction::ALL));
        assert!(
            !out.contains("10.0.19.135") && !out.contains(&long_user),
            "values are hidden"
        );
        assert!(out.contains("c-ip: <ip-5000>") && out.contains("cs-username: <user-1>"));
    }

    #[test]
    fn a_short_value_does_not_eat_longer_words() {
        let r = report(
            &[("name", "Ann")],
            "Ann signed in; Annex B and planning stay.",
        );
        let out = text(&redact(&r, Redaction::ALL));
        assert!(
            out.contains("<name-1> signed in; Annex B and planning stay."),
            "{out}"
        );
    }
}
