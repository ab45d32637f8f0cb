//! Reader: IIS error pages as people paste them: the HTML source of a detailed error page
//! (`<h3>HTTP Error 401.2 - Unauthorized</h3>`, the "Detailed Error Information" table), the text
//! copied from the browser (`Module<TAB>IIS Web Core`, `Logon Method: Anonymous`, a label and its
//! value on separate lines), the short custom error page, an IIS 6 one-line page, cut or inside a
//! larger paste. Titles, labels and headings come from `knowledge::iis_error_page`; the reader
//! returns records only.

use crate::knowledge::iis_error_page::{self as table, PageField};
use crate::report::Span;
use crate::text::{cut, cut_from, cut_to, floor_boundary};
use crate::textmap;
use std::collections::HashMap;

/// The longest page (bytes) read after its title.
const PAGE_MAX: usize = 16_000;
/// How far back (bytes) the start of an HTML page (`<!DOCTYPE`, `<html`) is looked for.
const LOOK_BACK: usize = 3_000;
/// Lines without a tag that end a cut HTML page.
const TAGLESS_LINES: usize = 3;
/// The longest status line (bytes) read after a title.
const STATUS_LINE_MAX: usize = 400;

/// How the page was pasted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The HTML source.
    Html,
    /// The text copied from the browser.
    Text,
    /// A short custom error page, found by its whole heading.
    Short,
}

/// One IIS error page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IisPage {
    pub span: Span,
    pub shape: Shape,
    pub status: u16,
    pub substatus: Option<u16>,
    /// The reason phrase as printed ("Unauthorized").
    pub reason: String,
    /// The sentence under the title, when the page has one.
    pub summary: Option<String>,
    /// The language of the page's title or labels ("German").
    pub language: &'static str,
    /// The fields of the "Detailed Error Information" block, in page order.
    pub fields: Vec<(PageField, String)>,
    /// True when the HTML page ends before its `</html>`.
    pub cut: bool,
    /// How many more times the same page (same status, reason, language and fields) was read
    /// further on in the paste; such repeats get no card of their own.
    pub repeats: usize,
}

impl IisPage {
    /// The value of a field, when the page shows it.
    pub fn field(&self, field: PageField) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }
}

/// A place where a page may start: a title followed by a status, or a short page's heading.
struct Hit {
    at: usize,
    /// Where the status starts (after the title), or `None` for a short page.
    after: Option<usize>,
    language: &'static str,
    short: Option<&'static table::ShortPage>,
}

/// True when `line` names an IIS error page (a title with its status, or a short page's heading):
/// such a line inside a response body is the page, not a new response.
pub fn names_a_page(line: &str) -> bool {
    !hits(line).is_empty()
}

/// How far from a page's title its IIS 6 sub-status sentence can stand, in bytes.
const SENTENCE_TO_TITLE: usize = 3000;

/// Every title and short-page heading in `text`, in text order.
fn hits(text: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    for t in table::TITLES {
        for at in textmap::find_all_ci(text, t.text) {
            let before = cut_to(text, at).chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let after = at + t.text.len();
            if status_at(cut_from(text, after)).is_some() {
                out.push(Hit {
                    at,
                    after: Some(after),
                    language: t.language,
                    short: None,
                });
            }
        }
    }
    for s in table::SHORT_PAGES {
        for at in textmap::find_all_ci(text, s.text) {
            out.push(Hit {
                at,
                after: None,
                language: s.language,
                short: Some(s),
            });
        }
    }
    crate::sort::by_key(&mut out, |h| h.at);
    // The IIS 6 sentence that names a sub-status belongs to the page whose title is near it; it
    // makes a page of its own only where the title was cut off.
    let titles: Vec<usize> = out
        .iter()
        .filter(|h| h.after.is_some())
        .map(|h| h.at)
        .collect();
    out.retain(|h| {
        let sentence = h.short.is_some_and(|s| s.substatus.is_some());
        // The first title at or after `at - SENTENCE_TO_TITLE` (titles are sorted), if close.
        let from = titles.partition_point(|t| *t + SENTENCE_TO_TITLE < h.at);
        let near = titles
            .get(from)
            .is_some_and(|t| t.abs_diff(h.at) <= SENTENCE_TO_TITLE);
        !sentence || !near
    });
    out
}

/// The status after a title: `401.2 - Unauthorized: Access is denied ...` gives the code, the
/// sub-status, the reason and the sentence after the reason.
fn status_at(s: &str) -> Option<(u16, Option<u16>, String, Option<String>)> {
    // The status and its sentence are short: a long line after a title is not read to its end.
    let s = cut_to(s, STATUS_LINE_MAX).trim_start_matches([' ', '\u{a0}']);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 3 {
        return None;
    }
    let code: u16 = s.get(..3)?.parse().ok()?;
    if !(400..600).contains(&code) {
        return None;
    }
    let mut rest = cut_from(s, 3);
    let mut substatus = None;
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&n) {
            substatus = after.get(..n).and_then(|d| d.parse().ok());
            rest = cut_from(after, n);
        }
    }
    // IIS writes a sub-status or a dash after the code (`401.2 - Unauthorized`); other clients'
    // "HTTP Error 401: Unauthorized" (Python's urllib) is not an IIS page.
    if substatus.is_none()
        && !rest
            .trim_start_matches([' ', '\u{a0}'])
            .starts_with(['-', '–'])
    {
        return None;
    }
    let line = rest.split(['\n', '<']).next().unwrap_or_default();
    let line = line.trim_start_matches([' ', '-', '–', ':', '\t']).trim();
    // The reason ends at `: ` (IIS 6: `Unauthorized: Access is denied ...`) or at a Japanese full
    // stop or colon (`権限がありません。 無効な資格情報により ...`).
    let split = [": ", "。", "："]
        .iter()
        .filter_map(|sep| line.find(sep).map(|at| (at, sep.len())))
        .min();
    let (reason, sentence) = match split {
        Some((at, len)) => (
            cut_to(line, at).trim(),
            Some(cut_from(line, at + len).trim().to_string()),
        ),
        None => (line, None),
    };
    let reason: String = reason.chars().take(80).collect();
    Some((code, substatus, reason, sentence.filter(|s| !s.is_empty())))
}

/// Every IIS error page in `text`.
pub fn find(text: &str) -> Vec<IisPage> {
    let found = hits(text);
    if found.is_empty() {
        return Vec::new();
    }
    let starts: Vec<usize> = ["<!doctype", "<html"]
        .iter()
        .flat_map(|n| textmap::find_all_ci(text, n))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let ends = textmap::find_all_ci(text, "</html>");
    let mut out: Vec<IisPage> = Vec::new();
    // A page seen before (same status, reason, language and fields) counts as a repeat of it.
    let mut seen: HashMap<PageKey, usize> = HashMap::new();
    let mut done = 0usize;
    for hit in &found {
        if hit.at < done {
            continue;
        }
        let page = read_page(text, hit, &starts, &ends, done);
        done = page.span.end.max(hit.at + 1);
        let key = (
            page.status,
            page.substatus,
            page.reason.clone(),
            page.language,
            page.fields.clone(),
        );
        match seen.get(&key) {
            Some(&i) => out[i].repeats += 1,
            None => {
                seen.insert(key, out.len());
                out.push(page);
            }
        }
    }
    out
}

/// What makes two pages the same page.
type PageKey = (
    u16,
    Option<u16>,
    String,
    &'static str,
    Vec<(PageField, String)>,
);

/// Reads the page around one hit; `floor` is where the previous page ended.
fn read_page(text: &str, hit: &Hit, starts: &[usize], ends: &[usize], floor: usize) -> IisPage {
    let line_start = line_start_after(text, hit.at, floor);
    let html = cut(text, line_start..hit.at).contains('<');
    let (start, end, cut_short, cells) = if html {
        html_extent(text, hit.at, starts, ends, floor)
    } else {
        text_extent(text, hit.at, floor)
    };
    let (status, substatus, reason, sentence) = match (hit.after, hit.short) {
        (Some(after), _) => status_at(cut_from(text, after)).unwrap_or_default(),
        (None, Some(s)) => {
            status_at(s.text).unwrap_or((s.status, s.substatus, String::new(), None))
        }
        (None, None) => Default::default(),
    };
    // A title quoted inside a sentence of prose has no summary line of its own.
    let alone = html || cut(text, line_start..hit.at).trim().is_empty();
    let summary = sentence.or_else(|| alone.then(|| summary_after_title(&cells, status)).flatten());
    IisPage {
        span: Span::new(start, end),
        shape: match (hit.short, html) {
            (Some(_), _) => Shape::Short,
            (None, true) => Shape::Html,
            (None, false) => Shape::Text,
        },
        status,
        substatus,
        reason,
        summary,
        language: hit.language,
        fields: fields(&cells),
        cut: cut_short,
        repeats: 0,
    }
}

/// The start of the line that holds `at`, not before `floor` (the end of the previous page), so
/// that pages on one long line are each read once.
fn line_start_after(text: &str, at: usize, floor: usize) -> usize {
    let floor = floor.min(at);
    cut(text, floor..at)
        .rfind('\n')
        .map_or(floor, |i| floor + i + 1)
}

/// The sentence after the page's title cell: the `<h4>` or the next line.
fn summary_after_title(cells: &[String], status: u16) -> Option<String> {
    let code = status.to_string();
    let at = cells.iter().position(|c| {
        table::TITLES
            .iter()
            .any(|t| textmap::find_ci(c, t.text, 0).is_some())
            && c.contains(&code)
    })?;
    let next = cells.iter().skip(at + 1).find(|c| {
        !table::TITLES
            .iter()
            .any(|t| textmap::find_ci(c, t.text, 0).is_some())
    })?;
    let heading = table::HEADINGS
        .iter()
        .any(|h| textmap::find_ci(next, h.text, 0).is_some());
    let label = label_at(next).is_some();
    (!heading && !label && next.chars().count() > 12).then(|| crate::text::ellipsis(next, 240))
}

/// The extent and cells of an HTML page: from its `<!DOCTYPE`/`<html` (or the tag before the
/// title) to its `</html>`, or, when cut, to the last line holding a tag.
fn html_extent(
    text: &str,
    at: usize,
    starts: &[usize],
    ends: &[usize],
    floor: usize,
) -> (usize, usize, bool, Vec<String>) {
    // The page starts at the first `<!DOCTYPE` or `<html` after the previous page's `</html>`.
    let j = ends.partition_point(|e| *e < at);
    let previous_end = j.checked_sub(1).map_or(0, |k| ends[k] + "</html>".len());
    let back = at.saturating_sub(LOOK_BACK).max(floor).max(previous_end);
    let i = starts.partition_point(|s| *s < at);
    let first = starts.partition_point(|s| *s < back);
    let tag = cut(text, back.min(at)..at)
        .rfind('<')
        .map(|t| back.min(at) + t);
    let start = match starts.get(first) {
        Some(s) if *s < at => *s,
        _ => tag.unwrap_or(at),
    };
    let bound = floor_boundary(text, at.saturating_add(PAGE_MAX).min(text.len()));
    let next_start = starts.get(i).copied().unwrap_or(text.len());
    let (end, cut_short) = match ends.get(j) {
        Some(e) if *e < bound && *e < next_start => (*e + "</html>".len(), false),
        _ => (last_tag_line(text, at, bound.min(next_start)), true),
    };
    let cells = html_cells(cut(text, start..end));
    (start, end, cut_short, cells)
}

/// The end of the last line holding a tag, before `TAGLESS_LINES` lines without one.
fn last_tag_line(text: &str, at: usize, bound: usize) -> usize {
    let mut end = textmap::line_end(text, at);
    let mut pos = end;
    let mut tagless = 0;
    while pos < bound && tagless < TAGLESS_LINES {
        let line_end = textmap::line_end(text, pos + 1).min(bound);
        let line = cut(text, pos..line_end);
        if line.contains('<') {
            end = line_end;
            tagless = 0;
        } else if !line.trim().is_empty() {
            tagless += 1;
        }
        pos = line_end;
    }
    end
}

/// The text cells of HTML: text between tags, entities decoded, white space collapsed; the
/// contents of `<style>` and `<script>` are skipped.
fn html_cells(html: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        if skip_until.is_none() {
            push_cell(&mut cells, cut_to(rest, lt));
        }
        rest = cut_from(rest, lt);
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').map_or(rest.len(), |g| g + 1);
        let tag = cut_to(rest, gt).to_ascii_lowercase();
        match skip_until {
            Some(close) if tag.starts_with(close) => skip_until = None,
            Some(_) => {}
            None if tag.starts_with("<style") => skip_until = Some("</style"),
            None if tag.starts_with("<script") => skip_until = Some("</script"),
            None => {}
        }
        rest = cut_from(rest, gt);
    }
    cells
}

/// Adds one cleaned cell: entities decoded, JSON escapes that survived a copy removed, white
/// space collapsed.
fn push_cell(cells: &mut Vec<String>, raw: &str) {
    let raw = raw
        .replace("\\r", " ")
        .replace("\\n", " ")
        .replace("\\t", " ");
    let raw = raw.replace("&nbsp;", " ");
    let text = crate::text::html_unescape(&raw).replace('\u{a0}', " ");
    let clean = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !clean.is_empty() {
        cells.push(clean);
    }
}

/// True for a line of a copied page: a heading, a label line, a bullet.
fn page_line(line: &str) -> bool {
    let t = line.trim();
    table::HEADINGS
        .iter()
        .any(|h| textmap::find_ci(t, h.text, 0).is_some())
        || label_at(t).is_some()
        || t.starts_with(['*', '•', '·', '-', '・'])
}

/// The extent and cells of a page copied as text: from the title's line (or a "Server Error in
/// Application" line just above it) through the last line that belongs to the page.
fn text_extent(text: &str, at: usize, floor: usize) -> (usize, usize, bool, Vec<String>) {
    let mut start = line_start_after(text, at, floor);
    if start > floor {
        let prev_start = line_start_after(text, start - 1, floor);
        let prev = cut(text, prev_start..start);
        if textmap::find_ci(prev, "Server Error in", 0).is_some() {
            start = prev_start;
        }
    }
    let bound = floor_boundary(text, at.saturating_add(PAGE_MAX).min(text.len()));
    let mut end = textmap::line_end(text, at);
    let mut pos = end;
    let mut unknown = 0;
    // The line after the title (its summary) and a value line after a bare label belong too.
    let mut carry = cut(text, line_start_after(text, at, start)..at)
        .trim()
        .is_empty();
    while pos < bound && unknown < 2 {
        let line_end = textmap::line_end(text, pos + 1).min(bound);
        let line = cut(text, pos..line_end);
        let t = line.trim();
        if t.is_empty() {
            pos = line_end;
            continue;
        }
        if carry || page_line(t) {
            end = line_end;
            unknown = 0;
            carry = table::LABELS
                .iter()
                .any(|l| t.trim_end_matches(':').eq_ignore_ascii_case(l.text));
        } else {
            unknown += 1;
        }
        pos = line_end;
    }
    let mut cells = Vec::new();
    for line in cut(text, start..end).lines() {
        for part in line.split('\t') {
            for cell in split_spaces(part) {
                push_cell(&mut cells, cell);
            }
        }
    }
    (start, end, false, cells)
}

/// Splits at runs of two or more spaces (a copied table's columns).
fn split_spaces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut rest = s;
    while let Some(i) = rest.find("  ") {
        out.push(cut(s, from..from + i));
        let skip = cut_from(rest, i).len() - cut_from(rest, i).trim_start_matches(' ').len();
        from += i + skip;
        rest = cut_from(s, from);
    }
    out.push(rest);
    out
}

/// The label at the start of a cell and what follows it, when the cell starts with one.
fn label_at(cell: &str) -> Option<(&'static table::PageLabel, &str)> {
    table::LABELS.iter().find_map(|l| {
        let head = cell.get(..l.text.len())?;
        if !head.eq_ignore_ascii_case(l.text) {
            return None;
        }
        let rest = cut_from(cell, l.text.len());
        let boundary = rest.is_empty() || rest.starts_with([' ', ':', '\t', '\u{a0}', '：']);
        boundary.then_some((l, rest))
    })
}

/// The labelled fields among the cells: a label cell followed by its value cell, or a label and
/// its value in one cell (`Logon Method: Anonymous`). The first value of a field wins.
fn fields(cells: &[String]) -> Vec<(PageField, String)> {
    let mut out: Vec<(PageField, String)> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let Some((label, rest)) = label_at(&cells[i]) else {
            i += 1;
            continue;
        };
        let inline = rest
            .trim_start_matches([' ', ':', '\t', '\u{a0}', '：'])
            .trim();
        let value = if !inline.is_empty() && cells[i].len() < 400 {
            Some(inline.to_string())
        } else {
            match cells.get(i + 1) {
                Some(next) if label_at(next).is_none() => {
                    i += 1;
                    Some(next.trim_start_matches(':').trim().to_string())
                }
                _ => None,
            }
        };
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            if !out.iter().any(|(f, _)| *f == label.field) {
                out.push((label.field, crate::text::ellipsis(&v, 300)));
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_html_source_is_read_with_its_table() {
        let html = "x <!DOCTYPE html><html><head><title>IIS 8.5 Detailed Error - 401.1 - Unauthorized</title><style>h3{color:red}</style></head><body><h3>HTTP Error 401.1 - Unauthorized</h3>\n<h4>You do not have permission to view this directory or page using the credentials that you supplied.</h4>\n<fieldset><h4>Most likely causes:</h4></fieldset>\n<tr class=\"alt\"><th>Module</th><td>&nbsp;&nbsp;&nbsp;WindowsAuthenticationModule</td></tr>\n<tr><th>Notification</th><td>AuthenticateRequest</td></tr>\n<tr><th>Error Code</th><td>0x80090308</td></tr>\n</body></html> tail";
        let pages = find(html);
        assert_eq!(pages.len(), 1, "{pages:?}");
        let p = &pages[0];
        assert_eq!(
            (p.status, p.substatus, p.shape),
            (401, Some(1), Shape::Html)
        );
        assert_eq!(p.reason, "Unauthorized");
        assert_eq!(
            p.field(PageField::Module),
            Some("WindowsAuthenticationModule")
        );
        assert_eq!(p.field(PageField::ErrorCode), Some("0x80090308"));
        assert!(p.summary.as_deref().unwrap_or("").starts_with("You do not"));
        assert!(!p.cut);
        assert!(cut(html, p.span.start..p.span.end).starts_with("<!DOCTYPE"));
        assert!(cut(html, p.span.start..p.span.end).ends_with("</html>"));
    }

    #[test]
    fn copied_text_in_every_layout_is_read() {
        for text in [
            "HTTP Error 401.2 - Unauthorized\nYou are not authorized to view this page due to invalid authentication headers.\nDetailed Error Information\nModule\tIIS Web Core\nNotification\tAuthenticateRequest\nLogon Method\tAnonymous\n\nThe settings are wrong, help.\nThanks.",
            "HTTP Error 401.2 - Unauthorized\nModule     IIS Web Core\nNotification     AuthenticateRequest\nLogon Method: Anonymous\n",
            "HTTP Error 401.2 - Unauthorized\n\nModule\n\nIIS Web Core\n\nNotification\n\nAuthenticateRequest\n\nLogon Method\n\nAnonymous\n",
        ] {
            let pages = find(text);
            assert_eq!(pages.len(), 1, "{text}");
            let p = &pages[0];
            assert_eq!(p.shape, Shape::Text);
            assert_eq!(p.field(PageField::Module), Some("IIS Web Core"), "{text}");
            assert_eq!(
                p.field(PageField::Notification),
                Some("AuthenticateRequest")
            );
            assert_eq!(p.field(PageField::LogonMethod), Some("Anonymous"), "{text}");
            assert!(!cut(text, p.span.start..p.span.end).contains("Thanks"));
        }
    }

    #[test]
    fn a_page_repeated_thousands_of_times_is_one_page_with_a_count() {
        let page = "HTTP Error 401.2 - Unauthorized\nModule IIS Web Core\nNotification AuthenticateRequest\n";
        let found = find(&page.repeat(5000));
        assert_eq!(found.len(), 1);
        // A copied text page runs on over the pages after it, so repeats count pages read apart.
        assert!(found[0].repeats >= 1, "{}", found[0].repeats);
        let two = find(
            "<html><h3>HTTP Error 401.2 - U</h3></html><html><h3>HTTP Error 401.1 - U</h3></html>",
        );
        assert_eq!(two.len(), 2, "different pages keep their own cards");
    }

    #[test]
    fn the_iis6_page_sentence_gives_its_sub_status_even_html_escaped() {
        let page = find("faultString: (401)Unauthorized\n&lt;h1&gt;You are not authorized to view this page&lt;/h1&gt;\nYou do not have permission to view this directory or page using the credentials that you supplied because your Web browser is sending a WWW-Authenticate header field that the Web server is not configured to accept.\n&lt;hr&gt;");
        assert_eq!(page.len(), 1);
        assert_eq!((page[0].status, page[0].substatus), (401, Some(2)));
    }

    #[test]
    fn short_pages_localized_titles_and_cut_pages_are_found() {
        let short =
            find("<h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2>");
        assert_eq!((short[0].status, short[0].shape), (401, Shape::Short));
        let ja = find("HTTP エラー 401.3 - Unauthorized\n\n可能性のある原因:\n* x\n");
        assert_eq!((ja[0].language, ja[0].substatus), ("Japanese", Some(3)));
        let cut_page = find("{\"a\":1}<html><head><title>IIS Detailed Error - 500.0 - Internal Server Error</title></head><body><h3>HTTP Error 500.0 - Internal Server Error</h3><h4>The page cannot be displayed.<\n");
        assert_eq!(cut_page.len(), 1);
        assert!(cut_page[0].cut);
        let iis6 = find(
            "HTTP Error 401.2 - Unauthorized: Access is denied due to server configuration.\n",
        );
        assert_eq!(iis6[0].reason, "Unauthorized");
        assert!(iis6[0]
            .summary
            .as_deref()
            .unwrap_or("")
            .contains("server configuration"));
    }

    #[test]
    fn prose_and_broken_input_give_no_page_and_no_panic() {
        assert!(find("HTTP Error handling is hard. Module X failed.").is_empty());
        assert!(find("HTTP Error 999 - nope").is_empty());
        // Python's urllib names the status without IIS's sub-status or dash.
        assert!(find("urllib.error.HTTPError: HTTP Error 401: Unauthorized").is_empty());
        assert_eq!(find("HTTP Error 401 - Unauthorized").len(), 1);
        for s in [
            "HTTP Error 401",
            "<h3>HTTP Error 401.",
            "HTTP エラー 4",
            "Detailed Error - 500.0 - é<",
        ] {
            let _ = find(s);
        }
        // Many titles on one long line, and many small pages, are each read once.
        let line = "HTTP Error 401.2 - Unauthorized x ".repeat(20_000);
        assert_eq!(find(&line).len(), 1);
        // The same small page 5,000 times is each page read once, and one page with its repeats.
        let pages = "<html><h3>HTTP Error 401.2 - U</h3></html>".repeat(5_000);
        let found = find(&pages);
        assert_eq!((found.len(), found[0].repeats), (1, 4_999));
        assert!(names_a_page("<h3>HTTP Error 401.2 - Unauthorized</h3>"));
        assert!(!names_a_page("HTTP/1.1 401 Unauthorized"));
    }
}
