//! Records: WWW-Authenticate challenges (Bearer, MsRtcOAuth, Basic, Negotiate, NTLM) found in any
//! wrapper. One `Found` per header value; a value may hold several challenges
//! (`Bearer ..., error="invalid_token",Basic realm="mail.contoso.com"`), and lines of one header
//! block join. `explain::http::challenge` turns them into cards.

use crate::knowledge::http_exchange::WCF_CHALLENGE_LEAD;
use crate::report::Span;
use crate::text::{cut, cut_to};
use crate::textmap::{self, Norm};

/// One challenge: its scheme, an optional token68 blob (Negotiate/NTLM) and its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Challenge {
    pub scheme: String,
    pub blob: Option<String>,
    /// Every `key=value` pair in order; keys in lower case, values unquoted and decoded.
    pub params: Vec<(String, String)>,
}

impl Challenge {
    /// The value of a parameter (any case).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    /// True when the scheme is `name` (any case).
    pub fn is(&self, name: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(name)
    }

    /// True for the Windows integrated schemes that carry a token68 blob.
    pub fn is_blob_scheme(&self) -> bool {
        is_blob_scheme(&self.scheme)
    }
}

/// One header value found in a paste: where it is, its text (to explain repeats once) and its
/// challenges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub text: String,
    pub challenges: Vec<Challenge>,
}

/// Parses a header value into its challenges; returns them and how many bytes were consumed.
pub fn parse_challenges(value: &str) -> (Vec<Challenge>, usize) {
    // IIS logs write a header value as one field with `+` for every space.
    let first = textmap::token_end(value, 0);
    let iis;
    let value = if first > 0 && value.as_bytes().get(first) == Some(&b'+') {
        let chunk_end = value.find([' ', '\t', '\n', '\r']).unwrap_or(value.len());
        iis = cut_to(value, chunk_end).replace('+', " ");
        iis.as_str()
    } else {
        value
    };
    let b = value.as_bytes();
    let mut out: Vec<Challenge> = Vec::new();
    let mut p = 0;
    let mut consumed = 0;
    loop {
        while p < b.len() && matches!(b[p], b' ' | b'\t' | b',' | b'+') {
            p += 1;
        }
        if p >= b.len() {
            break;
        }
        let te = token68_end(value, p);
        if te == p {
            break;
        }
        let mut eqs = te;
        while eqs < b.len() && b[eqs] == b'=' {
            eqs += 1;
        }
        let after_eq = textmap::skip_ws(value, eqs);
        let is_param = eqs == te + 1
            && b.get(after_eq)
                .is_some_and(|c| !matches!(c, b',' | b'\n' | b'\r'))
            && !out.is_empty()
            && cut(value, p..te)
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
        let is_param = is_param || (eqs == te + 1 && !out.is_empty() && b.get(eqs) == Some(&b'"'));
        if is_param {
            let key = cut(value, p..te).to_ascii_lowercase();
            let (v, ve) = read_param(value, after_eq);
            if let Some(last) = out.last_mut() {
                last.params.push((key, v));
            }
            p = ve;
            consumed = ve;
            continue;
        }
        // A scheme name: letters, digits and dashes, followed by space, comma or the end.
        let word = cut(value, p..te);
        let scheme_like = eqs == te
            && word.len() >= 3
            && word.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
            && word.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
        if scheme_like
            && out.last().is_some_and(|c| {
                is_blob_scheme(&c.scheme)
                    && c.blob.is_none()
                    && c.params.is_empty()
                    && word.len() > 20
            })
        {
            if let Some(last) = out.last_mut() {
                last.blob = Some(word.to_string());
            }
            p = te;
            consumed = te;
            continue;
        }
        if scheme_like {
            out.push(Challenge {
                scheme: word.to_string(),
                ..Challenge::default()
            });
            p = te;
            consumed = te;
            continue;
        }
        // A token68 blob (base64 with padding) after Negotiate or NTLM.
        if let Some(last) = out.last_mut() {
            if is_blob_scheme(&last.scheme) && last.blob.is_none() && last.params.is_empty() {
                last.blob = Some(cut(value, p..eqs).to_string());
                p = eqs;
                consumed = eqs;
                continue;
            }
        }
        break;
    }
    (out, consumed)
}

fn is_blob_scheme(s: &str) -> bool {
    s.eq_ignore_ascii_case("negotiate")
        || s.eq_ignore_ascii_case("ntlm")
        || s.eq_ignore_ascii_case("kerberos")
}

fn token68_end(v: &str, p: usize) -> usize {
    let b = v.as_bytes();
    let mut e = p;
    while e < b.len()
        && (b[e].is_ascii_alphanumeric()
            || matches!(b[e], b'_' | b'-' | b'.' | b'~' | b'/' | b'+' | b':'))
    {
        e += 1;
    }
    // `+` separates words in IIS logs; a trailing `+` is not part of the token.
    while e > p && b[e - 1] == b'+' {
        e -= 1;
    }
    e
}

/// Reads a quoted or unquoted parameter value at `p`.
fn read_param(v: &str, p: usize) -> (String, usize) {
    let b = v.as_bytes();
    if b.get(p) == Some(&b'"') {
        let start = p + 1;
        let mut e = start;
        while e < b.len() && b[e] != b'"' && b[e] != b'\n' {
            e += 1;
        }
        let end = if e < b.len() && b[e] == b'"' {
            e + 1
        } else {
            e
        };
        return (textmap::iis_decode(cut(v, start..e)), end);
    }
    let mut e = p;
    while e < b.len() && !matches!(b[e], b',' | b' ' | b'\t' | b'\n' | b'\r' | b'"') {
        e += 1;
    }
    (cut(v, p..e).to_string(), e)
}

/// Names after which a bare `Bearer` is taken to start a challenge.
const BEARER_PARAMS: &[&str] = &[
    "realm",
    "client_id",
    "authorization_uri",
    "error",
    "trusted_issuers",
    "claims",
    "resource_id",
    "token_types",
    "authorization",
    "error_description",
    "scope",
];

/// The longest header value read (IIS accepts header fields up to 64 KiB by default).
const MAX_VALUE: usize = 64 * 1024;

/// Finds every challenge header value in `text`, in order; lines of one header block are joined.
pub fn find(text: &str) -> Vec<Found> {
    let n = Norm::new(text);
    let t = n.text.as_str();
    let b = t.as_bytes();
    let mut starts: Vec<usize> = Vec::new();
    // Where each header name starts: a value never runs into the next header name.
    let mut names: Vec<usize> = Vec::new();
    for at in textmap::find_all_ci(t, "www-authenticate") {
        if !textmap::word_start(t, at) {
            continue;
        }
        names.push(at);
        let mut p = textmap::skip_ws(t, at + 16);
        if matches!(b.get(p), Some(b'"' | b'\'')) {
            p = textmap::skip_ws(t, p + 1);
        }
        if !matches!(b.get(p), Some(b':' | b'=')) {
            continue;
        }
        p = textmap::skip_ws(t, p + 1);
        while matches!(b.get(p), Some(b'"' | b'\'' | b'[')) {
            p += 1;
        }
        starts.push(p);
    }
    for scheme in ["bearer", "msrtcoauth"] {
        for at in textmap::find_all_ci(t, scheme) {
            if !textmap::word_start(t, at) {
                continue;
            }
            let p = at + scheme.len();
            if !matches!(b.get(p), Some(b' ' | b'+' | b'\t')) {
                continue;
            }
            let k = textmap::skip_ws(t, p);
            let ke = textmap::token_end(t, k);
            let key = cut(t, k..ke).to_ascii_lowercase();
            let eq = b.get(ke) == Some(&b'=');
            let ok = eq
                && (BEARER_PARAMS.contains(&key.as_str())
                    || (scheme == "msrtcoauth" && matches!(key.as_str(), "href" | "grant_type")));
            if ok {
                starts.push(at);
            }
        }
    }
    let quoted = wcf_quoted(t);
    starts.extend(quoted.iter().map(|(s, _)| *s));
    crate::sort::natural(&mut starts);
    starts.dedup();
    let mut groups: Vec<(usize, usize, Vec<Challenge>)> = Vec::new();
    let mut covered = 0;
    let mut next_name = 0;
    for s in starts {
        if s < covered {
            continue;
        }
        while next_name < names.len() && names[next_name] <= s {
            next_name += 1;
        }
        // The value ends at the line end, the next header name or MAX_VALUE bytes, whichever is
        // first, so that repeated header names cannot make the scan quadratic.
        let mut le = (s + MAX_VALUE).min(t.len());
        if let Some(&name) = names.get(next_name) {
            le = le.min(name);
        }
        // A value WCF quotes ends at its closing quote, even where the console wrapped it; any
        // other value ends at the line's end.
        // Its line breaks become spaces (one byte for one, so offsets stay).
        let wrapped = quoted.iter().find(|(q, _)| *q == s);
        match wrapped {
            Some((_, e)) => le = le.min(*e),
            None => le = memchr::memchr(b'\n', &b[s..le]).map_or(le, |e| s + e),
        }
        let line = cut(t, s..le);
        let unwrapped;
        let line = if wrapped.is_some() && line.contains(['\n', '\r']) {
            unwrapped = line.replace(['\n', '\r'], " ");
            unwrapped.as_str()
        } else {
            line
        };
        let (challenges, used) = parse_challenges(line);
        if challenges.is_empty() {
            continue;
        }
        // An Authorization-style `Bearer eyJ...` is not a challenge.
        if challenges
            .iter()
            .all(|c| c.params.is_empty() && c.blob.is_none())
            && challenges.len() == 1
            && !line.trim().eq_ignore_ascii_case(&challenges[0].scheme)
        {
            continue;
        }
        let end = s + used;
        covered = end.max(s + 1);
        // A WWW-Authenticate line right below another one of the same header block joins it.
        if let Some((_, prev_end, prev)) = groups.last_mut() {
            if continues_block(cut(t, *prev_end..s)) {
                prev.extend(challenges);
                *prev_end = end;
                continue;
            }
        }
        groups.push((s, end, challenges));
    }
    groups
        .into_iter()
        .map(|(s, e, challenges)| Found {
            span: n.span(s, e),
            text: cut(t, s..e).to_string(),
            challenges,
        })
        .collect()
}

/// The values WCF quotes in its 401 message ("... The authentication header received from the
/// server was 'Negotiate,NTLM'."), as (start, end) of the text between the quotes.
fn wcf_quoted(t: &str) -> Vec<(usize, usize)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    // The next `'` and `"` found so far (the text's length for none), so that many phrases
    // without a closing quote do not each search the rest of the text: the scan stays linear.
    let mut next = [0usize; 2];
    let mut searched = [false; 2];
    for at in textmap::find_all_ci(t, WCF_CHALLENGE_LEAD) {
        let p = textmap::skip_ws(t, at + WCF_CHALLENGE_LEAD.len());
        let Some(&q) = b.get(p).filter(|q| matches!(q, b'\'' | b'"')) else {
            continue;
        };
        let k = usize::from(q == b'"');
        let from = p + 1;
        if !searched[k] || (next[k] < from && next[k] < b.len()) {
            next[k] = memchr::memchr(q, &b[from..]).map_or(b.len(), |e| from + e);
            searched[k] = true;
        }
        if next[k] < b.len() && next[k] >= from && next[k] - from <= MAX_VALUE {
            out.push((from, next[k]));
        }
    }
    out
}

/// True when the text between two challenges is one line break and a `WWW-Authenticate` header
/// name, so both values belong to the same response.
fn continues_block(gap: &str) -> bool {
    if gap.matches('\n').count() != 1 {
        return false;
    }
    let lower = gap.to_ascii_lowercase();
    let rest = lower
        .trim()
        .trim_start_matches(['"', '\'', ','])
        .trim_start();
    let Some(after) = rest.strip_prefix("www-authenticate") else {
        return false;
    };
    after
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '=' | '"' | '\'' | '['))
        .is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_challenge_wcf_quotes_ends_at_its_closing_quote() {
        let text = "MessageSecurityException: The HTTP request is unauthorized with client authentication scheme 'Anonymous'. The authentication header received from the server was 'Basic realm=\"Restricted\"'. ---> next";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Basic realm=\"Restricted\"");
        assert_eq!(found[0].challenges[0].get("realm"), Some("Restricted"));
        // A wrapped value is read to its closing quote.
        let wrapped = "The authentication header received from the server was 'Digest realm=\"A\", \nnonce=\"n1\", algorithm=MD5, qop=\"auth\"'.";
        let found = find(wrapped);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].challenges[0].get("qop"), Some("auth"));
        // Without a closing quote nothing is taken for a challenge.
        assert!(
            find("The authentication header received from the server was 'Negotiate").is_empty()
        );
    }

    #[test]
    fn several_challenges_in_one_header() {
        let (c, _) = parse_challenges("Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", trusted_issuers=\"00000001-0000-0000-c000-000000000000@1d3c9b43-0d0f-45d9-a207-99dc10fb7d4a\", token_types=\"app_asserted_user_v1 service_asserted_app_v1\", error=\"invalid_token\",Basic realm=\"mail.dummy.uk\"");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].get("error"), Some("invalid_token"));
        assert_eq!(c[1].scheme, "Basic");
        assert_eq!(c[1].get("realm"), Some("mail.dummy.uk"));
    }

    #[test]
    fn iis_plus_encoding_and_ucwa_and_negotiate() {
        let (c, _) = parse_challenges("Bearer+client_id=\"x\",+token_types=\"app_asserted_user_v1+service_asserted_app_v1\",+error=\"invalid_token\"");
        assert_eq!(c.len(), 1);
        assert_eq!(
            c[0].get("token_types"),
            Some("app_asserted_user_v1 service_asserted_app_v1")
        );
        let (c, _) = parse_challenges("MsRtcOAuth href=https://contoso.com/WebTicket/oauthtoken,grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\"");
        assert_eq!(
            c[0].get("href"),
            Some("https://contoso.com/WebTicket/oauthtoken")
        );
        assert!(c[0].get("grant_type").unwrap().contains("anonmeeting"));
        let (c, _) = parse_challenges("Negotiate oYG3MIG0oAMKAQChCwYJKoZIgvcSAQICooGfBIGc==");
        assert_eq!(c[0].scheme, "Negotiate");
        assert!(c[0].blob.is_some());
        let (c, _) = parse_challenges("NTLM");
        assert_eq!(c[0].scheme, "NTLM");
    }

    #[test]
    fn find_skips_authorization_and_prose() {
        assert_eq!(
            find("www-authenticate =Bearer realm=\"\", error=\"insufficient_claims\"").len(),
            1
        );
        assert_eq!(
            find("WWW-Authenticate →Basic realm=\"mail.contoso.com\"").len(),
            1
        );
        assert!(find("Authorization: Bearer eyJ0eXAiOiJKV1QifQ.e30.sig").is_empty());
        assert!(find("We use a bearer token here, and the realm of ideas.").is_empty());
    }
}
