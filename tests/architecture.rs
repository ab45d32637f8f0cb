//! Architecture tests: the invariants of ARCHITECTURE.md, checked by reading the source tree.

use std::fs;
use std::path::{Path, PathBuf};
use tokenlens::text::{cut, cut_from, cut_to};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn source(rel: &str) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(rel), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// Lines of code, without comment lines.
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| {
        let t = l.trim_start();
        !t.starts_with("//")
    })
}

#[test]
fn the_core_uses_no_browser_crate() {
    let forbidden = ["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"];
    for (path, text) in source("src") {
        if path.components().any(|c| c.as_os_str() == "ui") || path.ends_with("main.rs") {
            continue;
        }
        for line in code_lines(&text) {
            for name in forbidden {
                assert!(
                    !line.contains(&format!("{name}::")) && !line.contains(&format!("use {name}")),
                    "{} uses {name}: the core must stay pure Rust ({line})",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_core_reads_no_clock_and_no_randomness() {
    for (path, text) in source("src") {
        if path
            .components()
            .any(|c| c.as_os_str() == "ui" || c.as_os_str() == "bin")
        {
            continue;
        }
        for line in code_lines(&text) {
            for call in [
                "SystemTime::now",
                "Instant::now",
                "OffsetDateTime::now",
                "thread_rng",
                "OsRng",
                "getrandom",
            ] {
                assert!(
                    !line.contains(call),
                    "{} calls {call}: the clock and randomness come in through Context ({line})",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn nothing_leaves_the_page_and_nothing_is_stored() {
    let mut files = source("src");
    for extra in [
        "index.html",
        "static/style.css",
        "scripts/inline-wasm.mjs",
        "scripts/triage-worker.js",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(extra);
        files.push((path.clone(), fs::read_to_string(&path).unwrap()));
    }
    let network = [
        "fetch(",
        "XMLHttpRequest",
        "WebSocket",
        "EventSource",
        "sendBeacon",
        "Request::new",
        "@import",
        "url(http",
    ];
    let storage = [
        "local_storage",
        "session_storage",
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "indexed_db",
        "document.cookie",
        "set_cookie",
        "history.push",
        "push_state",
        "replace_state",
        "set_hash",
    ];
    for (path, text) in files {
        // Knowledge tables may name a browser API in their prose (a fix that sets
        // IdentityModelEventSource.ShowPII); only their code counts.
        let text = if path.components().any(|c| c.as_os_str() == "knowledge") {
            blank(&text, &classify(&text), &[Class::Literal])
        } else {
            text
        };
        for line in code_lines(&text) {
            for word in network.iter().chain(storage.iter()) {
                assert!(
                    !line.contains(word),
                    "{} mentions {word}: the page makes no request and stores no input ({line})",
                    path.display()
                );
            }
        }
    }
    let html =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
    assert!(html.contains("Content-Security-Policy") && html.contains("connect-src 'none'"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "index.html loads nothing remote"
    );
}

#[test]
fn every_source_file_starts_with_a_line_saying_what_it_owns() {
    for (path, text) in source("src").into_iter().chain(source("tests")) {
        assert!(
            text.starts_with("//!"),
            "{} must start with a //! line saying what it owns",
            path.display()
        );
    }
}

#[test]
fn knowledge_tables_never_parse_input() {
    for (path, text) in source("src/knowledge") {
        for line in code_lines(&text) {
            for word in ["serde_json::from", "b64_decode", "fn scan("] {
                assert!(
                    !line.contains(word),
                    "{} parses input ({line}); tables hold facts only",
                    path.display()
                );
            }
        }
    }
}

// The shape guards of issue #7, rust-analyzer "tidy" style: each reads the source as text, names
// every offender by file and line, and prints how many there are.

/// What a byte of a Rust source file is part of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Code,
    Comment,
    Literal,
}

/// Classifies every byte of `text` as code, comment or string/char literal (a small lexer: line
/// and nested block comments, strings with escapes, raw strings, char literals versus lifetimes).
fn classify(text: &str) -> Vec<Class> {
    let b = text.as_bytes();
    let mut out = vec![Class::Code; b.len()];
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            out[start..i].fill(Class::Comment);
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out[start..i.min(b.len())].fill(Class::Comment);
        } else if b[i] == b'r'
            && (i == 0 || !ident(b[i - 1]) || (b[i - 1] == b'b' && (i < 2 || !ident(b[i - 2]))))
            && matches!(b.get(i + 1), Some(b'"') | Some(b'#'))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'"'
                    && b[j + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|c| **c == b'#')
                        .count()
                        == hashes
                {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j.min(b.len());
            out[start..i].fill(Class::Literal);
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(b.len());
            out[start..i].fill(Class::Literal);
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\u{..}', 'é') or a lifetime ('a, 'static).
            let close = if b.get(i + 1) == Some(&b'\\') {
                b[i + 2..]
                    .iter()
                    .position(|c| *c == b'\'')
                    .map(|p| i + 2 + p)
            } else {
                let width = cut_from(text, i + 1)
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                (b.get(i + 1 + width) == Some(&b'\'')).then_some(i + 1 + width)
            };
            match close {
                Some(end) => {
                    i = end + 1;
                    out[start..i].fill(Class::Literal);
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

/// `text` with the bytes of the given classes blanked (new lines kept, so lines still line up).
fn blank(text: &str, classes: &[Class], drop: &[Class]) -> String {
    let bytes: Vec<u8> = text
        .bytes()
        .zip(classes)
        .map(|(c, class)| {
            if drop.contains(class) && c != b'\n' {
                b' '
            } else {
                c
            }
        })
        .collect();
    // Blanking whole multi-byte characters keeps UTF-8 valid; a partly blanked one is replaced.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The byte just after the brace that closes the one at `open`, in code-only text.
fn matching_brace(code: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in code.iter().enumerate().skip(open) {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// The byte ranges of items marked `#[cfg(test)]` (test modules and test-only items).
fn test_regions(code: &str) -> Vec<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = cut_from(code, from).find("#[cfg(test)]") {
        let start = from + found;
        let rest = start + "#[cfg(test)]".len();
        let end = match bytes[rest..].iter().position(|c| *c == b'{' || *c == b';') {
            Some(p) if bytes[rest + p] == b'{' => matching_brace(bytes, rest + p),
            Some(p) => rest + p + 1,
            None => bytes.len(),
        };
        out.push((start, end));
        from = end.max(rest);
    }
    out
}

fn line_of(text: &str, byte: usize) -> usize {
    cut_to(text, byte).matches('\n').count() + 1
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Prints the offenders of one guard with their count, and fails if there is any.
fn report_offenders(guard: &str, offenders: &[String]) {
    println!("{guard}: {} offender(s)", offenders.len());
    assert!(
        offenders.is_empty(),
        "{guard}: {} offender(s):\n{}",
        offenders.len(),
        offenders.join("\n")
    );
}

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 120;

/// The position of the `{` that opens a signature's body, or of the `;` that ends a declaration,
/// outside parentheses and brackets (so `[u8; 4]` in a parameter type is not taken for an end).
fn body_or_semicolon(code: &[u8]) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in code.iter().enumerate() {
        match c {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b'{' | b';' if depth <= 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// Every `fn` of a file: its name, first line and number of lines (signature to closing brace).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code = blank(text, &classify(text), &[Class::Comment, Class::Literal]);
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut offset = 0;
    for line in code.split_inclusive('\n') {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(at) = words.iter().position(|w| *w == "fn") {
            let before_ok = words[..at].iter().all(|w| {
                w.starts_with("pub")
                    || ["const", "async", "unsafe", "extern", "\"C\"", "default"].contains(w)
            });
            let name: String = words
                .get(at + 1)
                .map(|w| {
                    w.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect()
                })
                .unwrap_or_default();
            if before_ok && !name.is_empty() {
                let body = body_or_semicolon(&bytes[offset..]);
                if let Some(p) = body.filter(|p| bytes[offset + p] == b'{') {
                    let end = matching_brace(bytes, offset + p);
                    let first = line_of(&code, offset);
                    out.push((
                        name,
                        first,
                        line_of(&code, end.saturating_sub(1)) - first + 1,
                    ));
                }
            }
        }
        offset += line.len();
    }
    out
}

/// True when the line above `fn` (above its attributes) is a `// long: <reason>` comment.
fn marked_long(lines: &[&str], fn_line: usize) -> bool {
    let mut i = fn_line - 1;
    while i > 0 && lines[i - 1].trim_start().starts_with("#[") {
        i -= 1;
    }
    i > 0 && {
        let above = lines[i - 1].trim_start();
        above.starts_with("// long:") && above.len() > "// long:".len() + 3
    }
}

#[test]
fn no_source_file_is_over_800_lines_and_no_function_over_120() {
    let mut offenders = Vec::new();
    for (path, text) in source("src").into_iter().chain(source("tests")) {
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() > MAX_FILE_LINES {
            offenders.push(format!(
                "{}:1: {} lines; split the file (at most {MAX_FILE_LINES})",
                relative(&path),
                lines.len()
            ));
        }
        for (name, line, length) in functions(&text) {
            if length > MAX_FN_LINES && !marked_long(&lines, line) {
                offenders.push(format!(
                    "{}:{line}: fn {name} has {length} lines (at most {MAX_FN_LINES}, or a `// long: <reason>` line right above it)",
                    relative(&path)
                ));
            }
        }
    }
    report_offenders("file and function length", &offenders);
}

/// The first GUID-shaped run (8-4-4-4-12 hex digits) in a line, if any.
fn guid_in(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let groups = [8, 4, 4, 4, 12];
    (0..b.len()).find_map(|start| {
        if start > 0 && b[start - 1].is_ascii_hexdigit() {
            return None;
        }
        let mut i = start;
        for (n, len) in groups.iter().enumerate() {
            if n > 0 {
                if b.get(i) != Some(&b'-') {
                    return None;
                }
                i += 1;
            }
            if i + len > b.len() || !b[i..i + len].iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            i += len;
        }
        (b.get(i).is_none_or(|c| !c.is_ascii_hexdigit())).then(|| cut(line, start..i))
    })
}

#[test]
fn urls_and_guids_live_only_in_knowledge() {
    let mut offenders = Vec::new();
    for (path, text) in source("src") {
        if path.components().any(|c| c.as_os_str() == "knowledge") {
            continue;
        }
        let code = blank(&text, &classify(&text), &[Class::Comment, Class::Literal]);
        let tests = test_regions(&code);
        let mut offset = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            let in_test = tests.iter().any(|(s, e)| *s <= offset && offset < *e);
            offset += line.len();
            if in_test {
                continue;
            }
            if line.contains("https://") {
                offenders.push(format!(
                    "{}:{}: a URL outside src/knowledge/ (name it in knowledge::sources): {}",
                    relative(&path),
                    n + 1,
                    line.trim()
                ));
            }
            if let Some(guid) = guid_in(line) {
                offenders.push(format!(
                    "{}:{}: the GUID {guid} outside src/knowledge/ (name it in knowledge, e.g. apps::ids)",
                    relative(&path),
                    n + 1
                ));
            }
        }
    }
    report_offenders("URLs and GUIDs outside knowledge", &offenders);
}

/// Lines of the files under `dir` whose code (comments blanked) contains one of `words`.
fn code_mentions(dir: &str, words: &[&str], why: &str) -> Vec<String> {
    let mut offenders = Vec::new();
    for (path, text) in source(dir) {
        let code = blank(&text, &classify(&text), &[Class::Comment]);
        for (n, line) in code.lines().enumerate() {
            for word in words {
                if line.contains(word) {
                    offenders.push(format!("{}:{}: {word}: {why}", relative(&path), n + 1));
                }
            }
        }
    }
    offenders
}

#[test]
fn decode_never_builds_a_finding_or_a_step() {
    let offenders = code_mentions(
        "src/decode",
        &["Finding::new", "Step::new", "Step::with_command"],
        "decode/ returns typed records; findings and steps are written by explain/ rules",
    );
    report_offenders("findings built in decode/", &offenders);
}

#[test]
fn correlate_never_imports_decode() {
    let offenders = code_mentions(
        "src/correlate",
        &["crate::decode"],
        "correlate/ reads the evidence artifacts carry, never the decoders",
    );
    report_offenders("decode/ imported by correlate/", &offenders);
}

#[test]
fn the_guards_see_what_they_guard() {
    // The lexer keeps URLs in strings and comments apart from code.
    let text = "fn a() {\n    let s = \"https://x {\"; // }\n    let c = '{';\n    let l: &'static str = r#\"}\"#;\n}\n";
    let fns = functions(text);
    assert_eq!(fns, vec![("a".to_string(), 1, 5)], "{fns:?}");
    let fns =
        functions("pub(crate) fn b(x: [u8; 4]) -> u8 {\n    x[0]\n}\ntrait T {\n    fn c();\n}\n");
    assert_eq!(fns, vec![("b".to_string(), 1, 3)], "{fns:?}");
    assert!(guid_in("id 00000002-0000-0ff1-ce00-000000000000 here").is_some());
    assert!(guid_in("not 00000002-0000-0ff1-ce00-00000000000 a guid").is_none());
    let code = "fn f() {}\n#[cfg(test)]\nmod tests {\n    fn g() { let x = 1; }\n}\nfn h() {}\n";
    let regions = test_regions(code);
    assert_eq!(regions.len(), 1);
    assert!(cut(code, regions[0].0..regions[0].1).ends_with("}\n}"));
    let lines = [
        "// long: a closed match over every extension type",
        "#[allow(x)]",
        "fn f() {",
    ];
    assert!(marked_long(&lines, 3));
    assert!(!marked_long(&["// long:", "fn f() {"], 2));
}
