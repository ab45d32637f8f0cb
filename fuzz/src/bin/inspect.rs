//! Fuzz target: the whole pipeline on one paste, read from bytes as a dropped file would be.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Some(text) = tokenlens_fuzz::text_of(data) {
            tokenlens_fuzz::inspect_all(&text, "");
        }
    });
}
