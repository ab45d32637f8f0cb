//! Prints how long each decoder of the catalogue takes on a file: a profiling aid, not a test.

use std::time::Instant;
use tokenlens::find::DECODERS;
use tokenlens::Context;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --release --example decoder_times -- FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    let ctx = Context::fixed();
    for decoder in DECODERS {
        let start = Instant::now();
        let found = (decoder.scan)(&text, &ctx).len();
        println!(
            "{:>16}: {:>8.2} ms, {found} artifacts",
            decoder.name,
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    let start = Instant::now();
    let report = tokenlens::inspect(&text, &ctx);
    println!(
        "inspect total: {:.2} ms, {} artifacts",
        start.elapsed().as_secs_f64() * 1e3,
        report.artifacts.len()
    );
}
