//! CLI tests: one per exit code, file encodings, and the messages a user sees for bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tokenlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin takes the input");
    child.wait_with_output().expect("the CLI ends")
}

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("tokenlens-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("temp file is written");
    path.display().to_string()
}

const REFUSAL: &str = "x-ms-diagnostics: 2000008;reason=\"The token does not contain roles\";error_category=\"invalid_token\"";
const NOW: &str = "1767225600";

#[test]
fn exit_0_when_nothing_is_an_error() {
    let out = run(
        &["--now", NOW, "-"],
        b"request-id: 0b6f2a8e-54c1-4a43-9d83-2d9c61f1a7b2\n",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn exit_1_when_the_report_holds_an_error_with_the_report_on_stdout() {
    let out = run(&["inspect", "--now", NOW], REFUSAL.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2000008"), "{text}");
}

#[test]
fn exit_2_for_bad_usage_with_a_message_naming_it() {
    let out = run(&["--now", "abc"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--now"));
    let out = run(&["--keys"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--keys"));
}

#[test]
fn exit_2_for_an_unreadable_empty_or_binary_file_naming_it() {
    let out = run(&["/nonexistent/tokenlens-input.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tokenlens-input.txt"));

    let empty = temp_file("empty.txt", b"  \n");
    let out = run(&[&empty], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is empty"));

    let elf = temp_file("prog", b"\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe\x80");
    let out = run(&[&elf], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ELF executable"));
}

#[test]
fn powershell_output_saved_as_utf16_is_read_like_text() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in format!("{REFUSAL}\r\n").encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let file = temp_file("utf16.txt", &bytes);
    let out = run(&["--now", NOW, &file], b"");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("x-ms-diagnostics") && text.contains("2000008"),
        "{text}"
    );
}

#[test]
fn json_output_is_the_report() {
    let out = run(&["--json", "--now", NOW], REFUSAL.as_bytes());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert!(json["artifacts"].as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn redact_hides_users_tenants_and_addresses_in_text_and_json() {
    let line = "2024-05-02 08:15:31 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\\megan 203.0.113.9 Microsoft+Office/16.0 401 1 2148074254 15\n";
    for args in [
        &["--redact", "-"][..],
        &["inspect", "--redact", "--json", "-"][..],
    ] {
        let out = run(args, line.as_bytes());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains("megan") && !text.contains("203.0.113.9"),
            "{args:?}: {text}"
        );
        assert!(
            text.contains("<user-1>") && text.contains("<ip-"),
            "{args:?}: {text}"
        );
    }
}
