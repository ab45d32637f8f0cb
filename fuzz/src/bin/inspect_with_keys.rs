//! Fuzz target: the whole pipeline with a keys text; the input is `paste NUL keys`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let (text, keys) = tokenlens_fuzz::split_keys(data);
        tokenlens_fuzz::inspect_all(&text, &keys);
    });
}
