//! Triage tests: exact counts on generated Exchange front-end IIS logs (core fed in odd chunks, and
//! the CLI through plain, split, gzip, zip and UTF-16 files), golden text summaries of the small
//! committed logs in `tests/fixtures/triage/`, and one CLI test per exit code.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../examples/gen_logs.rs"]
mod gen_logs;

use gen_logs::{generate, Truth};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tokenlens::triage::{self, GroupKind, Options, Summary, Triage};

fn log(size: u64, seed: u64) -> (Vec<u8>, Truth) {
    let mut bytes = Vec::new();
    let truth = generate(&mut bytes, size, seed, 700).expect("the log is generated");
    (bytes, truth)
}

fn group_counts(s: &Summary, kind: GroupKind) -> std::collections::BTreeMap<String, u64> {
    let mut out = std::collections::BTreeMap::new();
    for g in s.groups(kind) {
        *out.entry(g.key.clone()).or_default() += g.count;
    }
    out
}

/// Checks a summary against the generator's true counts.
fn assert_exact(s: &Summary, truth: &Truth) {
    assert_eq!(s.requests, truth.requests, "requests");
    assert_eq!(s.failures, truth.failures, "failures");
    assert_eq!(s.errors, truth.errors, "errors");
    assert_eq!(s.lines, truth.lines, "lines");
    let diags: std::collections::BTreeMap<String, u64> = truth
        .diagnostics
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    assert_eq!(group_counts(s, GroupKind::Diagnostic), diags);
    let aadsts: std::collections::BTreeMap<String, u64> = truth
        .aadsts
        .iter()
        .map(|(k, v)| (format!("AADSTS{k}"), *v))
        .collect();
    assert_eq!(group_counts(s, GroupKind::Aadsts), aadsts);
    assert_eq!(group_counts(s, GroupKind::Status), truth.statuses);
}

#[test]
fn generated_logs_are_counted_exactly_in_any_chunking() {
    let (bytes, truth) = log(600_000, 7);
    assert!(truth.blocks >= 2, "several #Fields blocks");
    assert!(truth.diagnostics.len() >= 3 && !truth.aadsts.is_empty());
    for chunk in [4096, 65_537, 1 << 20] {
        let mut t = Triage::new("gen", Options::default());
        for c in bytes.chunks(chunk) {
            t.feed(c);
        }
        assert_exact(&t.finish(), &truth);
    }
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tokenlens-triage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tokenlens"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

/// Runs `triage --json` and reads its counts back.
fn cli_counts(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["triage", "--json"];
    all.extend_from_slice(args);
    let out = cli(&all);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn assert_json_exact(v: &serde_json::Value, truth: &Truth, copies: u64) {
    assert_eq!(v["requests"], truth.requests * copies);
    assert_eq!(v["failures"], truth.failures * copies);
    assert_eq!(v["errors"], truth.errors * copies);
    let diag = v["groups"]["diagnostic"]
        .as_array()
        .expect("diagnostic groups");
    for (code, n) in &truth.diagnostics {
        let got: u64 = diag
            .iter()
            .filter(|g| g["key"].as_str().and_then(|k| k.parse::<u32>().ok()) == Some(*code))
            .map(|g| g["count"].as_u64().unwrap_or(0))
            .sum();
        assert_eq!(got, n * copies, "code {code}");
    }
}

#[test]
fn the_cli_counts_exactly_through_split_gzip_zip_and_utf16_files() {
    use std::io::Write;
    let (bytes, truth) = log(400_000, 11);
    let plain = temp("u_ex240502.log");
    std::fs::write(&plain, &bytes).unwrap();
    let p = plain.to_str().unwrap();
    assert_json_exact(&cli_counts(&[p]), &truth, 1);
    // Two threads over two halves of the file; the second half is read with the first #Fields
    // line until its own, and again when the first half ends under another one (the generator
    // alternates two field orders, so the cut falls under each in one of these logs).
    assert_json_exact(&cli_counts(&["--split-min", "1000", p]), &truth, 1);
    for (size, seed) in [(250_000, 1), (330_000, 2), (520_000, 4)] {
        let (bytes, truth) = log(size, seed);
        let path = temp(&format!("split-{size}.log"));
        std::fs::write(&path, &bytes).unwrap();
        let v = cli_counts(&["--split-min", "1000", path.to_str().unwrap()]);
        assert_json_exact(&v, &truth, 1);
        // Everything else too: example lines and their numbers, first and last seen, series.
        assert_eq!(v, cli_counts(&["--threads", "1", path.to_str().unwrap()]));
    }

    let gz = temp("u_ex240502.log.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&bytes).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();

    let zip_path = temp("logs.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("W3SVC1/u_ex240502.log", opts).unwrap();
    zip.write_all(&bytes).unwrap();
    zip.start_file("W3SVC1/u_ex240503.log", opts).unwrap();
    zip.write_all(&bytes).unwrap();
    zip.finish().unwrap();

    let utf16 = temp("u_ex240502-utf16.log");
    let mut wide = vec![0xff, 0xfe];
    for u in String::from_utf8(bytes.clone()).unwrap().encode_utf16() {
        wide.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, wide).unwrap();

    for (path, copies) in [(&gz, 1), (&zip_path, 2), (&utf16, 1)] {
        let v = cli_counts(&[path.to_str().unwrap()]);
        assert_json_exact(&v, &truth, copies);
    }
    // A folder, read recursively, and a glob.
    let dir = plain.parent().unwrap().to_str().unwrap().to_string();
    let v = cli_counts(&[&format!("{dir}/*.gz")]);
    assert_json_exact(&v, &truth, 1);
}

#[test]
fn ndjson_has_one_record_per_failed_request() {
    let (bytes, truth) = log(100_000, 3);
    let path = temp("ndjson.log");
    std::fs::write(&path, &bytes).unwrap();
    let out = cli(&["triage", "--ndjson", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count() as u64, truth.failures);
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert!(first["status"].as_u64().is_some_and(|s| s >= 400));
    assert!(first["file"]
        .as_str()
        .is_some_and(|f| f.ends_with("ndjson.log")));
}

#[test]
fn exit_0_when_no_failure_is_of_error_severity() {
    let path = temp("handshakes.log");
    std::fs::write(&path, "#Fields: date time cs-method cs-uri-stem cs-username sc-status sc-substatus sc-win32-status\n2024-05-02 10:00:00 POST /mapi/emsmdb/ - 401 2 5\n2024-05-02 10:00:00 POST /mapi/emsmdb/ CONTOSO\\ann 200 0 0\n").unwrap();
    let out = cli(&["triage", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("  401.2 win32 5  1 failure  warning"),
        "{text}"
    );
}

#[test]
fn exit_1_when_failures_of_error_severity_are_found() {
    let (bytes, _) = log(200_000, 5);
    let path = temp("errors.log");
    std::fs::write(&path, &bytes).unwrap();
    let out = cli(&["triage", "--csv", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("kind,key,detail,label,count,severity,first,last\n"));
    assert!(csv.contains("\n\"diagnostic\",\"20000"), "{csv}");
}

#[test]
fn exit_2_for_a_missing_or_binary_file_or_a_bad_time_naming_it() {
    let out = cli(&["triage", "/nonexistent/u_ex.log"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/u_ex.log"));
    let exe = temp("tool.exe");
    std::fs::write(&exe, b"MZ\x90\x00\x03\x00\x00\x00").unwrap();
    let out = cli(&["triage", exe.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tool.exe") && err.contains("Windows executable"),
        "{err}"
    );
    let out = cli(&["triage", "--since", "last tuesday", exe.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--since"));
    let out = cli(&["triage"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn knowledge_export_prints_kql_csv_and_json() {
    let out = cli(&["knowledge", "--kql"]);
    assert_eq!(out.status.code(), Some(0));
    let kql = String::from_utf8_lossy(&out.stdout);
    assert!(kql.contains("let TokenlensXmsDiagnostics = datatable("));
    assert!(kql.contains("let TokenlensXmsDiagnosticsCounts = (T:(Text:string))"));
    let out = cli(&["knowledge", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["xms_diagnostics"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    assert_eq!(cli(&["knowledge"]).status.code(), Some(2));
}

/// Golden text summaries of the small committed logs (`UPDATE_EXPECT=1` writes them).
#[test]
fn committed_logs_match_their_expected_summaries() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/triage");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut checked = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures/triage exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("source:"),
            "{} carries a source note",
            path.display()
        );
        let got = triage::summary_text(&triage::triage_text(&text, Options::default()));
        let expected = path.with_extension("expected.txt");
        if update {
            std::fs::write(&expected, &got).unwrap();
        }
        let want = std::fs::read_to_string(&expected).unwrap_or_default();
        assert_eq!(got, want, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 3);
}

#[path = "hostile/generate.rs"]
mod hostile;

/// Secrets the hostile corpus carries (as in `tests/hostile.rs`); none may come back in a summary.
const SECRETS: &[&str] = &[
    "Q8x~Zq7Rb2Lw9Vt4Kp1Ms6Nd3Hf0Jg5Ya8Ec2Xu",
    "CorrectHorseBattery9!",
    "abc123secretvalue",
    "S3cr3tValue!",
    "P@ssw0rd!",
];

#[test]
fn every_hostile_input_is_triaged_without_a_panic_or_a_secret_in_the_summary() {
    use tokenlens::input::Utf8Chunks;
    let mut failures = Vec::new();
    for case in hostile::corpus() {
        let bytes = case.bytes();
        for chunk in [4093, 1 << 20] {
            let result = std::panic::catch_unwind(|| {
                let mut decoder = Utf8Chunks::default();
                let mut t = Triage::new("hostile", Options::default());
                for c in bytes.chunks(chunk) {
                    t.feed(decoder.push(c));
                }
                t.feed(&decoder.finish());
                let s = t.finish();
                format!("{}\n{}", triage::summary_text(&s), s.to_json())
            });
            match result {
                Err(_) => failures.push(format!("{}: panic (chunks of {chunk})", case.name)),
                Ok(out) => {
                    for secret in SECRETS.iter().filter(|s| out.contains(**s)) {
                        failures.push(format!("{}: the secret {secret} came back", case.name));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn inspect_reads_whole_files_past_4_mb_in_the_cli() {
    let mut text = "request-id: 0b6f2a8e-54c1-4a43-9d83-2d9c61f1a7b2\n".repeat(110_000);
    text.push_str("x-ms-diagnostics: 2000008;reason=\"The token does not contain roles\";error_category=\"invalid_token\"\n");
    assert!(text.len() > 5 * 1024 * 1024);
    let path = temp("big-paste.txt");
    std::fs::write(&path, &text).unwrap();
    let out = cli(&["inspect", "--now", "1767225600", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "the refusal at the end is read");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("2000008"));
    assert!(!report.contains("only the first"), "no 4 MB cut");
}
