//! Fuzz target: the certificate and key family's decoders of `find::DECODERS` alone, each artifact rendered.

use tokenlens::report::ArtifactFamily;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        tokenlens_fuzz::scan_families(data, &[ArtifactFamily::Keys]);
    });
}
