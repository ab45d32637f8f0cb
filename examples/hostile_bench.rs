//! Benchmark (not a test): inspects every input of the hostile corpus and prints the seconds per
//! MB and the peak memory (growth of the resident set, Linux) of each, then the worst of both. Run with
//! `cargo run --release --example hostile_bench [NAME_PART]`.

#[path = "../tests/hostile/generate.rs"]
mod generate;

use std::time::Instant;
use tokenlens::input::{file_text, FileText};
use tokenlens::Context;

/// A field of /proc/self/status in bytes (VmRSS, VmHWM); Linux only, 0 elsewhere.
fn status_bytes(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<usize>()
                .ok()
        })
        .map_or(0, |kb| kb * 1024)
}

/// Resets the peak resident size to the current one (Linux: `5` to /proc/self/clear_refs).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let ctx = Context::fixed();
    let mut worst_rate = (0.0f64, String::new());
    let mut worst_ratio = (0.0f64, String::new());
    let mut total = 0;
    for case in generate::corpus() {
        if !case.name.contains(&filter) {
            continue;
        }
        let bytes = case.bytes();
        let text = match file_text(&bytes) {
            FileText::Unreadable { .. } => continue,
            other => other.into_text().unwrap_or_default(),
        };
        drop(bytes);
        reset_peak();
        let base = status_bytes("VmRSS:");
        let start = Instant::now();
        let report = tokenlens::inspect(&text, &ctx);
        let seconds = start.elapsed().as_secs_f64();
        let peak = status_bytes("VmHWM:").saturating_sub(base);
        drop(report);
        let mb = (text.len().max(1) as f64) / 1_048_576.0;
        let rate = seconds / mb.max(1.0 / 1024.0);
        let ratio = peak as f64 / text.len().max(1) as f64;
        total += 1;
        if rate > 0.05 || ratio > 20.0 || !filter.is_empty() {
            println!(
                "{:<60} {:>9.1} KB {:>8.3} s {:>8.3} s/MB peak {:>8.1} MB ({:.1}x input)",
                case.name,
                text.len() as f64 / 1024.0,
                seconds,
                rate,
                peak as f64 / 1_048_576.0,
                ratio
            );
        }
        // Below 4 KB the fixed cost of a call decides the rate, so only larger inputs count.
        if rate > worst_rate.0 && text.len() >= 4096 {
            worst_rate = (rate, case.name.clone());
        }
        if ratio > worst_ratio.0 && text.len() >= 4096 {
            worst_ratio = (ratio, case.name.clone());
        }
    }
    println!("{total} inputs");
    println!(
        "worst time (inputs of 4 KB and more): {:.3} s/MB ({})",
        worst_rate.0, worst_rate.1
    );
    println!(
        "worst peak memory (inputs of 4 KB and more): {:.1}x the input ({})",
        worst_ratio.0, worst_ratio.1
    );
}
