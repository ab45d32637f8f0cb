//! Measures recognition on the corpus of real pastes in `tests/recognition/` (issue #8): per
//! point, how many pastes get "nothing recognised" and how many expected names the report holds;
//! then the time to build the known-facts automaton and to scan a 1 MB paste. A benchmark that
//! prints numbers, not a test: `cargo run --release --example recognition`.

use std::collections::BTreeMap;
use std::time::Instant;
use tokenlens::context::Context;

#[derive(Default)]
struct Tally {
    files: usize,
    nothing: usize,
    expected: usize,
    found: usize,
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recognition");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/recognition exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.ends_with("FOUND.json"))
        .collect();
    paths.sort();
    let ctx = Context::fixed();
    let nothing = tokenlens::find::nothing_found();
    let mut by_point: BTreeMap<u64, Tally> = BTreeMap::new();
    // `RECOGNITION_POINT=5` also prints, per file of that point, the expected names not found.
    let detail: Option<u64> = std::env::var("RECOGNITION_POINT")
        .ok()
        .and_then(|p| p.parse().ok());
    let mut inputs = Vec::new();
    let started = Instant::now();
    let built = tokenlens::decode::known::warm_up();
    let build_time = started.elapsed();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("readable");
        let paste: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let input = paste["input"].as_str().unwrap_or_default().to_string();
        let point = paste["point"].as_u64().unwrap_or(0);
        let report = tokenlens::inspect::inspect(&input, &ctx);
        let rendered = tokenlens::render::report_text(&report).to_lowercase();
        let t = by_point.entry(point).or_default();
        t.files += 1;
        if report.notices.contains(&nothing) {
            t.nothing += 1;
        }
        let mut missing = Vec::new();
        for e in paste["expect"].as_array().into_iter().flatten() {
            t.expected += 1;
            if e.as_str()
                .is_some_and(|e| rendered.contains(&e.to_lowercase()))
            {
                t.found += 1;
            } else {
                missing.push(e.as_str().unwrap_or_default().to_string());
            }
        }
        if detail == Some(point) {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            println!("{name}: missing [{}]", missing.join(", "));
        }
        inputs.push(input);
    }
    println!("point  files  nothing recognised  expected names found");
    let mut all = Tally::default();
    for (point, t) in &by_point {
        println!(
            "{point:>5}  {:>5}  {:>18}  {:>9}/{}",
            t.files, t.nothing, t.found, t.expected
        );
        all.files += t.files;
        all.nothing += t.nothing;
        all.found += t.found;
        all.expected += t.expected;
    }
    println!(
        "  all  {:>5}  {:>18}  {:>9}/{} ({:.0}%)",
        all.files,
        all.nothing,
        all.found,
        all.expected,
        100.0 * all.found as f64 / all.expected.max(1) as f64
    );
    let mut mb = String::new();
    while mb.len() < 1 << 20 {
        for i in &inputs {
            mb.push_str(i);
            mb.push('\n');
        }
    }
    let started = Instant::now();
    let mentions = tokenlens::decode::known::mentions(&mb, &[]);
    let scan = started.elapsed();
    println!(
        "automaton: {built} needles built in {:.1} ms; 1 MB paste ({} KB of the corpus repeated) scanned in {:.1} ms, {} mentions",
        build_time.as_secs_f64() * 1e3,
        mb.len() / 1024,
        scan.as_secs_f64() * 1e3,
        mentions.len()
    );
}
