//! The triage summary: totals, groups of failures (each with count, first and last seen, worst
//! severity and a few example lines, all bounded) and the failures-per-minute series; summaries of
//! parts and files merge into one. Group labels come from the knowledge tables.

use super::failure::Record;
use super::time;
use crate::knowledge::{aadsts, apps, iis, win32, xms_diagnostics, xms_reasons};
use crate::report::Severity;
use serde::{Deserialize, Serialize};
use std::borrow::{Borrow, Cow};
use std::collections::BTreeMap;

/// Example lines kept per group.
pub const EXAMPLES: usize = 3;
/// Distinct keys kept per kind of group; later keys are counted under `(other)`.
pub const MAX_KEYS: usize = 1000;

/// What a group is grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    Diagnostic,
    Aadsts,
    Status,
    Endpoint,
    Client,
    App,
    User,
}

impl GroupKind {
    pub const ALL: [GroupKind; 7] = [
        GroupKind::Diagnostic,
        GroupKind::Aadsts,
        GroupKind::Status,
        GroupKind::Endpoint,
        GroupKind::Client,
        GroupKind::App,
        GroupKind::User,
    ];

    /// The heading of the kind in the text summary.
    pub fn title(self) -> &'static str {
        match self {
            GroupKind::Diagnostic => "x-ms-diagnostics code and reason",
            GroupKind::Aadsts => "AADSTS codes",
            GroupKind::Status => "HTTP status.substatus and win32 status",
            GroupKind::Endpoint => "Endpoints",
            GroupKind::Client => "Clients (user agent)",
            GroupKind::App => "Apps (appid of a token in the line)",
            GroupKind::User => "Users",
        }
    }
}

/// One example line of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub origin: String,
    pub line: u64,
    pub text: String,
}

/// Failures that share a code, status, endpoint, client, app or user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub kind: GroupKind,
    /// The code or name grouped by (`2000008`, `AADSTS700016`, `401.1`, `/ews/` ...).
    pub key: String,
    /// What further tells the group apart (the reason text, the win32 status).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// What the key means, from the knowledge tables ("" when unknown).
    pub label: String,
    pub count: u64,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    pub examples: Vec<Example>,
}

type GroupId = (GroupKind, String, Option<String>);

/// A group id as borrowed parts, so that a failure finds its group without building a key.
trait IdParts {
    fn parts(&self) -> (GroupKind, &str, Option<&str>);
}

impl IdParts for GroupId {
    fn parts(&self) -> (GroupKind, &str, Option<&str>) {
        (self.0, &self.1, self.2.as_deref())
    }
}

impl IdParts for (GroupKind, &str, Option<&str>) {
    fn parts(&self) -> (GroupKind, &str, Option<&str>) {
        *self
    }
}

impl<'a> Borrow<dyn IdParts + 'a> for GroupId {
    fn borrow(&self) -> &(dyn IdParts + 'a) {
        self
    }
}

// Borrowed ids order as the owned tuples do, so both find the same entry of the map.
impl PartialEq for dyn IdParts + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for dyn IdParts + '_ {}

impl PartialOrd for dyn IdParts + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for dyn IdParts + '_ {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.parts().cmp(&other.parts())
    }
}

/// A short key written on the stack (a status such as `401.1`, a code, `win32 5`).
struct ShortKey {
    bytes: [u8; 32],
    len: usize,
}

impl ShortKey {
    fn new() -> ShortKey {
        ShortKey {
            bytes: [0; 32],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// Appends text (what does not fit is left out; the keys written are far shorter).
    fn push(&mut self, s: &str) {
        let end = self.len + s.len();
        if let Some(room) = self.bytes.get_mut(self.len..end) {
            room.copy_from_slice(s.as_bytes());
            self.len = end;
        }
    }

    /// Appends a number in decimal, as `Display` writes it.
    fn number(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            if let Some(d) = digits.get_mut(at) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let text = digits.get(at..).and_then(|d| std::str::from_utf8(d).ok());
        self.push(text.unwrap_or_default());
    }
}

/// The result of a triage run, or of several merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub bytes: u64,
    pub lines: u64,
    /// Log lines read as requests (successful or not).
    pub requests: u64,
    /// Failure records: failed requests and text lines naming an error.
    pub failures: u64,
    /// Failure records of error severity.
    pub errors: u64,
    /// Lines longer than `MAX_LINE`, skipped.
    pub long_lines: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    groups: BTreeMap<GroupId, Group>,
    keys_per_kind: BTreeMap<GroupKind, usize>,
    per_minute: BTreeMap<i64, u64>,
}

/// A bucket of the failure series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// The bucket's start, `YYYY-MM-DD HH:MM`.
    pub start: String,
    pub failures: u64,
}

impl Summary {
    /// Counts one failure into the totals, its groups and the series; `line` is the line it came
    /// from, masked only when a group still wants an example.
    pub fn add(&mut self, f: &Record, origin: &str, line: &str) {
        self.failures += 1;
        if f.severity == Severity::Error {
            self.errors += 1;
        }
        if let Some(t) = &f.time {
            widen(&mut self.first, &mut self.last, t, t);
            if let Some(m) = time::minute_of(t) {
                *self.per_minute.entry(m).or_default() += 1;
            }
        }
        let mut text = None;
        for_each_id(f, |kind, key, detail| {
            self.add_to_group((kind, key, detail), f, origin, line, &mut text);
        });
    }

    fn add_to_group(
        &mut self,
        id: (GroupKind, &str, Option<&str>),
        f: &Record,
        origin: &str,
        line: &str,
        text: &mut Option<String>,
    ) {
        // Most failures fall into a group that exists already: one lookup, no key built.
        if let Some(g) = self.groups.get_mut(&id as &dyn IdParts) {
            count_in(g, f, origin, line, text);
            return;
        }
        let kind = id.0;
        let n = self.keys_per_kind.entry(kind).or_default();
        let id = if *n >= MAX_KEYS {
            (kind, "(other)".to_string(), None)
        } else {
            *n += 1;
            (kind, id.1.to_string(), id.2.map(str::to_string))
        };
        let g = self.groups.entry(id.clone()).or_insert_with(|| Group {
            label: label(kind, &id.1, f),
            kind,
            key: id.1.clone(),
            detail: id.2.clone(),
            count: 0,
            severity: f.severity,
            first: None,
            last: None,
            examples: Vec::new(),
        });
        count_in(g, f, origin, line, text);
    }

    /// Adds another summary (another file, or the next part of the same file) into this one.
    pub fn merge(&mut self, other: Summary) {
        self.bytes += other.bytes;
        self.lines += other.lines;
        self.requests += other.requests;
        self.failures += other.failures;
        self.errors += other.errors;
        self.long_lines += other.long_lines;
        if let (Some(f), Some(l)) = (&other.first, &other.last) {
            widen(&mut self.first, &mut self.last, f, l);
        }
        for (m, n) in other.per_minute {
            *self.per_minute.entry(m).or_default() += n;
        }
        for (id, g) in other.groups {
            match self.groups.get_mut(&id) {
                Some(mine) => {
                    mine.count += g.count;
                    mine.severity = mine.severity.min(g.severity);
                    if let (Some(f), Some(l)) = (&g.first, &g.last) {
                        widen(&mut mine.first, &mut mine.last, f, l);
                    }
                    let room = EXAMPLES.saturating_sub(mine.examples.len());
                    mine.examples.extend(g.examples.into_iter().take(room));
                }
                None => {
                    *self.keys_per_kind.entry(id.0).or_default() += 1;
                    self.groups.insert(id, g);
                }
            }
        }
    }

    /// The summary in the form that travels between workers (`split::Wire`).
    pub fn to_wire(&self) -> super::split::Wire {
        super::split::Wire {
            bytes: self.bytes,
            lines: self.lines,
            requests: self.requests,
            failures: self.failures,
            errors: self.errors,
            long_lines: self.long_lines,
            first: self.first.clone(),
            last: self.last.clone(),
            groups: self.groups.values().cloned().collect(),
            per_minute: self.per_minute.iter().map(|(m, n)| (*m, *n)).collect(),
        }
    }

    /// The summary back from its travelling form; the keys counted per kind are those of its
    /// groups other than `(other)`.
    pub fn from_wire(w: super::split::Wire) -> Summary {
        let mut s = Summary {
            bytes: w.bytes,
            lines: w.lines,
            requests: w.requests,
            failures: w.failures,
            errors: w.errors,
            long_lines: w.long_lines,
            first: w.first,
            last: w.last,
            per_minute: w.per_minute.into_iter().collect(),
            ..Summary::default()
        };
        for g in w.groups {
            if g.key != "(other)" {
                *s.keys_per_kind.entry(g.kind).or_default() += 1;
            }
            s.groups
                .insert((g.kind, g.key.clone(), g.detail.clone()), g);
        }
        s
    }

    /// Moves the line numbers of the examples on by `by` (for the second part of a split file).
    pub fn shift_lines(&mut self, by: u64) {
        for g in self.groups.values_mut() {
            for e in &mut g.examples {
                e.line += by;
            }
        }
    }

    /// The groups of one kind, most frequent first.
    pub fn groups(&self, kind: GroupKind) -> Vec<&Group> {
        let mut out: Vec<&Group> = self.groups.values().filter(|g| g.kind == kind).collect();
        crate::sort::by(&mut out, |a, b| {
            b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key))
        });
        out
    }

    /// The worst severity of any failure, `None` without failures.
    pub fn worst(&self) -> Option<Severity> {
        self.groups.values().map(|g| g.severity).min()
    }

    /// The failure series: per minute, 10 minutes, hour, day or week, the first that gives at most
    /// 60 buckets (empty ones included; past 60 weeks only the weeks with failures); returns the
    /// bucket length in minutes and the buckets.
    pub fn series(&self) -> (i64, Vec<Bucket>) {
        let (Some((&lo, _)), Some((&hi, _))) = (
            self.per_minute.first_key_value(),
            self.per_minute.last_key_value(),
        ) else {
            return (1, Vec::new());
        };
        let step = [1, 10, 60, 1440, 10_080]
            .into_iter()
            .find(|s| (hi - lo) / s < 60)
            .unwrap_or(10_080);
        let first = lo - lo.rem_euclid(step);
        let mut buckets: BTreeMap<i64, u64> = BTreeMap::new();
        if (hi - first) / step < 60 {
            buckets.extend((0..=(hi - first) / step).map(|i| (first + i * step, 0)));
        }
        for (m, n) in &self.per_minute {
            *buckets.entry(m - (m - first).rem_euclid(step)).or_default() += n;
        }
        let list = buckets
            .into_iter()
            .map(|(m, failures)| Bucket {
                start: time::minute_text(m),
                failures,
            })
            .collect();
        (step, list)
    }

    /// The summary as JSON: totals, every group by kind, and the series.
    pub fn to_json(&self) -> serde_json::Value {
        let (step, series) = self.series();
        let groups: serde_json::Map<String, serde_json::Value> = GroupKind::ALL
            .iter()
            .map(|k| {
                let key = serde_json::to_value(k).ok();
                let name = key.and_then(|v| v.as_str().map(str::to_string));
                (
                    name.unwrap_or_default(),
                    serde_json::to_value(self.groups(*k)).unwrap_or_default(),
                )
            })
            .collect();
        serde_json::json!({
            "bytes": self.bytes,
            "lines": self.lines,
            "requests": self.requests,
            "failures": self.failures,
            "errors": self.errors,
            "long_lines_skipped": self.long_lines,
            "first": self.first,
            "last": self.last,
            "groups": groups,
            "series_bucket_minutes": step,
            "series": series,
        })
    }
}

/// Widens a first/last pair to take in `first..=last`.
fn widen(lo: &mut Option<String>, hi: &mut Option<String>, first: &str, last: &str) {
    set_if(lo, first, |new, old| time_order(new, old).is_lt());
    set_if(hi, last, |new, old| time_order(new, old).is_gt());
}

/// The order of two texts; times (`YYYY-MM-DD HH:MM:SS`, 19 bytes) compare as two numbers of their
/// bytes, big-endian, which is their byte order without a call to `memcmp`.
fn time_order(a: &str, b: &str) -> std::cmp::Ordering {
    match time_words(a).zip(time_words(b)) {
        Some((x, y)) => x.cmp(&y),
        None => a.cmp(b),
    }
}

/// A 19-byte text as a number of its first 16 bytes and one of its last 3, big-endian.
fn time_words(t: &str) -> Option<(u128, u32)> {
    let b = t.as_bytes();
    if b.len() != 19 {
        return None;
    }
    let head: [u8; 16] = b.get(..16)?.try_into().ok()?;
    let tail = [0, *b.get(16)?, *b.get(17)?, *b.get(18)?];
    Some((u128::from_be_bytes(head), u32::from_be_bytes(tail)))
}

/// Sets `slot` to `value` when empty or when `better(value, current)`, reusing its allocation.
fn set_if(slot: &mut Option<String>, value: &str, better: fn(&str, &str) -> bool) {
    match slot {
        Some(current) if better(value, current) => {
            current.clear();
            current.push_str(value);
        }
        Some(_) => {}
        None => *slot = Some(value.to_string()),
    }
}

/// Counts one failure in its group: count, worst severity, first and last seen, and the first
/// example lines (masked once per failure, shared by its groups).
fn count_in(g: &mut Group, f: &Record, origin: &str, line: &str, text: &mut Option<String>) {
    g.count += 1;
    g.severity = g.severity.min(f.severity);
    if let Some(t) = &f.time {
        widen(&mut g.first, &mut g.last, t, t);
    }
    if g.examples.len() < EXAMPLES {
        g.examples.push(Example {
            origin: origin.to_string(),
            line: f.line,
            text: text
                .get_or_insert_with(|| super::failure::masked_line(line))
                .clone(),
        });
    }
}

/// Calls `each` with the kind, key and detail of every group a failure counts in.
fn for_each_id(f: &Record, mut each: impl FnMut(GroupKind, &str, Option<&str>)) {
    if let Some(d) = &f.diagnostic {
        let mut code = ShortKey::new();
        match d.code {
            Some(c) => code.number(c.into()),
            None => code.push("-"),
        }
        each(GroupKind::Diagnostic, code.as_str(), d.reason.as_deref());
    }
    if let Some(c) = f.aadsts {
        let mut key = ShortKey::new();
        key.push("AADSTS");
        key.number(c.into());
        each(GroupKind::Aadsts, key.as_str(), None);
    }
    if let Some(st) = f.status {
        let mut key = ShortKey::new();
        key.number(st.into());
        if let Some(sub) = f.substatus {
            key.push(".");
            key.number(sub.into());
        }
        let mut detail = ShortKey::new();
        let detail = match f.win32.filter(|w| *w != 0) {
            Some(w) => {
                detail.push("win32 ");
                detail.number(w.into());
                Some(detail.as_str())
            }
            None => None,
        };
        each(GroupKind::Status, key.as_str(), detail);
    }
    if let Some(path) = &f.path {
        let key = match f.known.endpoint {
            Some(prefix) => Cow::Borrowed(prefix),
            None => Cow::Owned(ellipsis(&ascii_lower(path), 80).into_owned()),
        };
        each(GroupKind::Endpoint, &key, None);
    }
    if let Some(ua) = &f.user_agent {
        let key = match f.known.client {
            Some(prefix) => Cow::Borrowed(prefix),
            None => ellipsis(ua.split(" (").next().unwrap_or(ua).trim(), 80),
        };
        each(GroupKind::Client, &key, None);
    }
    if let Some(app) = &f.app_id {
        each(GroupKind::App, &ascii_lower(app), None);
    }
    if let Some(user) = &f.user {
        let key: &str = if user == "-" { "(anonymous)" } else { user };
        each(GroupKind::User, &ellipsis(key, 120), None);
    }
}

/// `text::ellipsis`, borrowing a text that is short enough.
fn ellipsis(s: &str, max: usize) -> Cow<'_, str> {
    if s.len() <= max || s.chars().count() <= max {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(crate::text::ellipsis(s, max))
    }
}

/// ASCII lower case, borrowing a text that has no upper-case letter.
fn ascii_lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// What a group's key means, from the knowledge tables.
fn label(kind: GroupKind, key: &str, f: &Record) -> String {
    match kind {
        GroupKind::Diagnostic => {
            let reason = f.diagnostic.as_ref().and_then(|d| d.reason.as_deref());
            let known = reason.and_then(|r| xms_reasons::reasons_matching(r).first().copied());
            match (known, key.parse().ok().and_then(xms_diagnostics::code)) {
                (Some(r), _) => r.title.to_string(),
                (None, Some(c)) => c.meaning.to_string(),
                (None, None) => String::new(),
            }
        }
        GroupKind::Aadsts => f
            .aadsts
            .and_then(aadsts::aadsts)
            .map(|a| if a.name.is_empty() { a.meaning } else { a.name })
            .unwrap_or_default()
            .to_string(),
        GroupKind::Status => {
            let st = f.status.unwrap_or(0);
            let mut out = iis::status(st, f.substatus.unwrap_or(0))
                .or_else(|| iis::status(st, 0))
                .map(|s| s.meaning.to_string())
                .unwrap_or_default();
            if let Some(w) = f.win32.filter(|w| *w != 0) {
                let name = win32::win32(w).map_or("", |r| r.name);
                out = format!("{out} (win32 0x{w:08X} {name})").trim().to_string();
            }
            out
        }
        GroupKind::Endpoint => f.endpoint.unwrap_or_default().to_string(),
        GroupKind::Client => f.client.unwrap_or_default().to_string(),
        GroupKind::App => apps::app_by_id(key).map_or("", |a| a.name).to_string(),
        GroupKind::User => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_are_written_as_display_writes_them() {
        for n in [0, 7, 401, 2_000_008, u64::from(u32::MAX), u64::MAX] {
            let mut key = ShortKey::new();
            key.push("win32 ");
            key.number(n);
            assert_eq!(key.as_str(), format!("win32 {n}"));
        }
    }

    #[test]
    fn times_order_as_their_bytes() {
        let times = [
            "2024-05-02 10:00:00",
            "2024-05-02 10:00:01",
            "2024-05-02 10:01:00",
            "2025-01-01 00:00:00",
            "2024-05-02",
            "",
        ];
        for a in times {
            for b in times {
                assert_eq!(time_order(a, b), a.cmp(b), "{a} {b}");
            }
        }
    }
}
