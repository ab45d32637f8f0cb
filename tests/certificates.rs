//! Behaviour tests for certificates, keys, keyCredentials, PFX and token signature checks.
//!
//! The `tests/fixtures/certificate/*.json` cases are checked by golden.rs with every other fixture;
//! these tests use keys and tokens that `scripts/make-cert-fixtures.sh` generated once with openssl.

use std::fs;
use std::path::{Path, PathBuf};
use tokenlens::render::report_text;
use tokenlens::report::{Artifact, ArtifactKind, Report, Severity};
use tokenlens::text::{cut, cut_to};
use tokenlens::{inspect, inspect_with_keys, Context};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/certificate")
}

fn fixture(name: &str) -> String {
    fs::read_to_string(fixture_dir().join(name))
        .unwrap_or_else(|e| panic!("missing fixture {name}: {e}"))
}

fn text_of(input: &str) -> String {
    report_text(&inspect(input, &Context::fixed()))
}

fn generated(name: &str) -> String {
    fixture(&format!("generated/{name}"))
}

fn token_artifact(compact: &str) -> Artifact {
    let mut a = tokenlens::find::find_all(compact, &Context::fixed())
        .into_iter()
        .find(|a| a.kind == ArtifactKind::Jwt)
        .expect("the JWT decoder reads the token");
    // Only the signature correlator's findings are looked at here.
    a.findings.clear();
    a
}

/// Runs the signature correlator over one token (as the JWT decoder reads it) and a key box.
fn verify(token: &str, key_box: &str) -> Report {
    let ctx = Context::fixed();
    let mut report = Report {
        artifacts: vec![token_artifact(token)],
        ..Report::default()
    };
    report.key_artifacts = tokenlens::find::find_all(key_box, &ctx);
    tokenlens::correlate::signature::verify_tokens(&mut report, &ctx);
    report
}

fn token_titles(report: &Report) -> Vec<String> {
    report.artifacts[0]
        .findings
        .iter()
        .map(|f| format!("{}: {}", f.title, f.explanation))
        .collect()
}

fn assert_valid(report: &Report, label_part: &str) {
    let titles = token_titles(report);
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Signature valid") && t.contains(label_part)),
        "expected a valid signature with {label_part}: {titles:#?}"
    );
}

fn assert_not_valid(report: &Report, expected_title: &str) {
    let titles = token_titles(report);
    assert!(
        !titles.iter().any(|t| t.starts_with("Signature valid")),
        "{titles:#?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with(expected_title)),
        "expected {expected_title}: {titles:#?}"
    );
}

/// Replaces the payload with another one, keeping header and signature.
fn tamper(token: &str) -> String {
    let parts: Vec<&str> = token.trim().split('.').collect();
    let payload =
        tokenlens::text::b64url(br#"{"aud":"api://tokenlens-test","sub":"someone-else"}"#);
    format!("{}.{}.{}", parts[0], payload, parts[2])
}

const CASES: &[(&str, &str, &str)] = &[
    ("rs256.jwt", "rsa2048.pub.pem", "public key RSA 2048-bit"),
    ("rs512.jwt", "rsa4096.pub.pem", "public key RSA 4096-bit"),
    (
        "ps256.jwt",
        "rsa2048.pem",
        "certificate CN=tokenlens RSA 2048 app",
    ),
    ("ps384.jwt", "rsa4096.pub.pem", "public key RSA 4096-bit"),
    ("es256.jwt", "p256.pub.pem", "public key EC P-256"),
    ("es384.jwt", "p384.pub.pem", "public key EC P-384"),
    ("eddsa.jwt", "ed25519.pub.pem", "public key Ed25519"),
];

#[test]
fn each_algorithm_verifies_with_its_key_from_an_independent_signer() {
    for (token, key, label) in CASES {
        let report = verify(&generated(token), &generated(key));
        assert_valid(&report, label);
    }
    for token in ["hs256.jwt", "hs512.jwt"] {
        let report = verify(&generated(token), "secret: fixture-shared-secret");
        assert_valid(&report, "shared secret (21 bytes)");
    }
}

#[test]
fn a_wrong_key_never_verifies() {
    let wrong = [
        ("rs256.jwt", "other-rsa2048.pub.pem"),
        ("ps256.jwt", "other-rsa2048.pub.pem"),
        ("es256.jwt", "other-p256.pub.pem"),
    ];
    for (token, key) in wrong {
        let report = verify(&generated(token), &generated(key));
        assert_not_valid(&report, "Signature invalid");
    }
    // A key set whose kids all differ from the token's says so.
    let report = verify(&generated("rs512.jwt"), &generated("jwks.json"));
    assert_not_valid(&report, "The token's kid is not among the keys given");
    assert!(token_titles(&report)[0].contains("rsa4096-kid"));
    let report = verify(&generated("hs256.jwt"), "secret: not-the-secret");
    assert_not_valid(&report, "Signature invalid");
}

#[test]
fn a_tampered_payload_is_reported_invalid_for_every_algorithm() {
    for (token, key, _) in CASES {
        let report = verify(&tamper(&generated(token)), &generated(key));
        assert_not_valid(&report, "Signature invalid");
    }
    let report = verify(
        &tamper(&generated("hs256.jwt")),
        "secret: fixture-shared-secret",
    );
    assert_not_valid(&report, "Signature invalid");
}

#[test]
fn the_jwks_key_is_picked_by_kid_and_named() {
    let jwks = generated("jwks.json");
    assert_valid(
        &verify(&generated("es256.jwt"), &jwks),
        "JWKS key kid=p256-kid",
    );
    assert_valid(
        &verify(&generated("eddsa.jwt"), &jwks),
        "JWKS key kid=ed-kid",
    );
    let report = verify(&generated("rs256.jwt"), &jwks);
    let kid = fs::read_to_string(fixture_dir().join("generated/rsa2048.sha1")).unwrap();
    assert_valid(&report, "JWKS key kid=");
    // The named key in the set is the RSA key whose kid is its SHA-1 thumbprint (x5t).
    let titles = token_titles(&report);
    assert!(
        titles[0].contains(&tokenlens::text::b64url(&hex(kid.trim()))),
        "{titles:#?}"
    );
    // A tampered token is invalid against the key it names.
    assert_not_valid(
        &verify(&tamper(&generated("es256.jwt")), &jwks),
        "Signature invalid",
    );
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(cut(s, i..i + 2), 16).unwrap())
        .collect()
}

#[test]
fn algorithm_and_key_type_disagreement_is_said_plainly() {
    let report = verify(&generated("es256.jwt"), &generated("rsa2048.pub.pem"));
    assert_not_valid(&report, "Algorithm and key type disagree");
    let report = verify(&generated("rs256.jwt"), "secret: fixture-shared-secret");
    assert_not_valid(&report, "No key given");
}

#[test]
fn without_a_key_the_entra_discovery_address_is_given_as_text() {
    let report = verify(&generated("rs256.jwt"), "");
    let titles = token_titles(&report);
    assert!(
        titles.iter().any(|t| t.starts_with("No key given")
            && t.contains("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/discovery/v2.0/keys")),
        "{titles:#?}"
    );
    let report = verify(&generated("hs256.jwt"), "");
    assert!(token_titles(&report)[0].contains("secret: <value>"));
}

#[test]
fn the_tokens_own_x5c_certificate_verifies_it_with_a_caveat() {
    let report = verify(&generated("es256-x5c.jwt"), "");
    assert_valid(&report, "x5c certificate");
    assert!(token_titles(&report)[0].contains("not that its signer is trusted"));
    assert_not_valid(
        &verify(&tamper(&generated("es256-x5c.jwt")), ""),
        "Signature invalid",
    );
}

/// Signs `header.payload` with the fixture RSA key (PKCS#1 v1.5 signing is deterministic).
fn rs256(header: &str, payload: &str) -> String {
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::signature::{SignatureEncoding, Signer};
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(&generated("rsa2048.key")).unwrap();
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key);
    let input = format!(
        "{}.{}",
        tokenlens::text::b64url(header.as_bytes()),
        tokenlens::text::b64url(payload.as_bytes())
    );
    let sig = signer.sign(input.as_bytes()).to_bytes();
    format!("{input}.{}", tokenlens::text::b64url(&sig))
}

#[test]
fn a_graph_token_with_a_header_nonce_verifies_the_way_it_was_signed() {
    use sha2::Digest;
    let nonce = "nHrtOsPRoAPtCTg4FOa8xl1EzDKS35Cu5dL6M6DWZ9M";
    let hashed = tokenlens::text::b64url(&sha2::Sha256::digest(nonce.as_bytes()));
    let payload = r#"{"aud":"00000003-0000-0000-c000-000000000000","iss":"https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/"}"#;
    let signed = rs256(
        &format!(r#"{{"typ":"JWT","nonce":"{hashed}","alg":"RS256"}}"#),
        payload,
    );
    // The token as Graph hands it out: same payload and signature, the plain nonce in the header.
    let parts: Vec<&str> = signed.split('.').collect();
    let shown_header = tokenlens::text::b64url(
        format!(r#"{{"typ":"JWT","nonce":"{nonce}","alg":"RS256"}}"#).as_bytes(),
    );
    let token = format!("{shown_header}.{}.{}", parts[1], parts[2]);
    let report = verify(&token, &generated("rsa2048.pem"));
    assert_valid(&report, "certificate CN=tokenlens RSA 2048 app");
    assert!(token_titles(&report)[0].contains("SHA-256"));
    // Without a key, the v1 issuer's common keys address and the nonce are explained.
    let report = verify(&token, "");
    let text = token_titles(&report).join("\n");
    assert!(
        text.contains("https://login.microsoftonline.com/common/discovery/keys"),
        "{text}"
    );
    assert!(text.contains("nonce"), "{text}");
    // A different nonce in the shown header does not verify.
    let wrong_header = tokenlens::text::b64url(br#"{"typ":"JWT","nonce":"other","alg":"RS256"}"#);
    let report = verify(
        &format!("{wrong_header}.{}.{}", parts[1], parts[2]),
        &generated("rsa2048.pem"),
    );
    assert_not_valid(&report, "Signature invalid");
}

#[test]
fn a_certificate_whose_thumbprint_is_the_tokens_x5t_is_named_as_signer() {
    let report = verify(&generated("rs256.jwt"), &generated("rsa2048.pem"));
    assert_valid(&report, "certificate CN=tokenlens RSA 2048 app");
    let key = &report.key_artifacts[0];
    let titles: Vec<&str> = key.findings.iter().map(|f| f.title.as_str()).collect();
    assert!(titles.contains(&"Signed token [1]"), "{titles:?}");
    assert!(
        titles.contains(&"Named as the signer of token [1]"),
        "{titles:?}"
    );
    // A keyCredential without its value still links by its customKeyIdentifier thumbprint.
    let sha1 = hex(fixture("generated/rsa2048.sha1").trim());
    let manifest = format!(
        r#""keyCredentials": [{{"customKeyIdentifier": "{}", "keyId": "2d6d849e-3e9e-46cd-b5ed-0f9e30d078cc", "type": "AsymmetricX509Cert", "usage": "Verify", "value": "MIIC***omitted***"}}]"#,
        tokenlens::text::b64std(&sha1)
    );
    let report = verify(&generated("rs256.jwt"), &manifest);
    let cred = &report.key_artifacts[0].children[0];
    assert!(
        cred.findings
            .iter()
            .any(|f| f.title == "Named as the signer of token [1]"),
        "{:#?}",
        cred.findings
    );
}

fn sha1_of(name: &str) -> String {
    fixture(&format!("generated/{name}.sha1"))
        .trim()
        .to_uppercase()
}

fn finding_titles(a: &Artifact) -> Vec<String> {
    a.findings.iter().map(|f| f.title.clone()).collect()
}

#[test]
fn a_pasted_chain_says_who_issued_whom_and_that_it_verifies() {
    let report = inspect(&generated("chain.pem"), &Context::fixed());
    let certs: Vec<&Artifact> = report
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Certificate)
        .collect();
    assert_eq!(certs.len(), 3);
    let text = report_text(&report);
    for name in ["leaf", "inter", "root"] {
        assert!(
            text.contains(&sha1_of(name)),
            "thumbprint of {name} missing"
        );
    }
    assert!(finding_titles(certs[0])
        .iter()
        .any(|t| t.starts_with("Signed by certificate 2")
            && t.contains("tokenlens Test Intermediate")));
    assert!(finding_titles(certs[1])
        .iter()
        .any(|t| t.starts_with("Signed by certificate 3") && t.contains("tokenlens Test Root")));
    assert!(finding_titles(certs[2]).contains(&"Self-signed".to_string()));
    assert!(
        certs[0].verdict.contains("EC P-256"),
        "{}",
        certs[0].verdict
    );
    assert!(
        certs[1].verdict.contains("P-384 (secp384r1)"),
        "{}",
        certs[1].verdict
    );
    assert!(text.contains("DNS: app.contoso.test") || text.contains("(DNS): app.contoso.test"));
    assert!(text.contains("10.0.0.1"));
    assert!(text.contains("http://crl.tokenlens.invalid/inter.crl"));
    assert!(text.contains("pathlen: 0"));
    assert!(text.contains("Server Authentication"));
}

#[test]
fn a_chain_missing_its_intermediate_says_so() {
    // The leaf was issued by the intermediate, which is not pasted.
    let text = format!("{}\n{}", generated("leaf.pem"), generated("root.pem"));
    let report = inspect(&text, &Context::fixed());
    assert!(report_text(&report).contains("the issuing certificate is not in the paste"));
}

#[test]
fn weak_expired_and_misused_certificates_get_findings() {
    let rsa1024 = inspect(&generated("rsa1024.pem"), &Context::fixed());
    let titles = finding_titles(&rsa1024.artifacts[0]);
    assert!(
        titles.iter().any(|t| t.contains("1024 bits is too short")),
        "{titles:?}"
    );

    let sha1 = inspect(&generated("sha1-noeku.pem"), &Context::fixed());
    let titles = finding_titles(&sha1.artifacts[0]);
    assert!(
        titles.contains(&"SHA-1 signature (weak)".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"No digitalSignature key usage".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Neither server nor client authentication EKU".to_string()),
        "{titles:?}"
    );

    let expired = inspect(&generated("expired-leaf.pem"), &Context::fixed());
    let a = &expired.artifacts[0];
    assert!(a.verdict.contains("expired on 2021-01-01"), "{}", a.verdict);
    assert!(finding_titles(a)
        .iter()
        .any(|t| t == "Certificate expired on 2021-01-01"));

    let good = inspect(&generated("rsa2048.pem"), &Context::fixed());
    let a = &good.artifacts[0];
    assert!(
        a.findings.iter().all(|f| f.severity >= Severity::Info),
        "{:?}",
        finding_titles(a)
    );
    assert!(a
        .verdict
        .starts_with("Self-signed certificate for tokenlens RSA 2048 app"));
}

#[test]
fn the_exchange_auth_certificate_is_recognised() {
    let text = text_of(&generated("exchange-auth.pem"));
    assert!(text.contains("Exchange Server Auth Certificate"));
    assert!(text.contains("CurrentCertificateThumbprint"));
    assert!(text.contains("00000002-0000-0ff1-ce00-000000000000"));
    assert!(text.contains(&sha1_of("exchange-auth")));
}

#[test]
fn generators_give_ready_to_paste_json() {
    let report = inspect(&generated("rsa2048.pem"), &Context::fixed());
    let fields: Vec<_> = report.artifacts[0]
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .collect();
    let manifest = fields
        .iter()
        .find(|f| f.name == "keyCredentials entry")
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&manifest.raw).unwrap();
    let thumb = hex(&sha1_of("rsa2048"));
    assert_eq!(v["customKeyIdentifier"], tokenlens::text::b64std(&thumb));
    assert_eq!(v["type"], "AsymmetricX509Cert");
    assert_eq!(v["usage"], "Verify");
    // The keyId comes from the context's randomness, so another context gives another id.
    let mut ctx = Context::fixed();
    ctx.random = [1; 16];
    let other = inspect(&generated("rsa2048.pem"), &ctx);
    assert!(!report_text(&other).contains(v["keyId"].as_str().unwrap()));
    // The value round-trips into the same certificate.
    let again = inspect(v["value"].as_str().unwrap(), &Context::fixed());
    assert!(report_text(&again).contains(&sha1_of("rsa2048")));
    let graph = fields.iter().find(|f| f.name == "keyCredential").unwrap();
    let g: serde_json::Value = serde_json::from_str(&graph.raw).unwrap();
    assert_eq!(g["key"], v["value"]);
}

#[test]
fn csr_pkcs7_and_ed25519_are_decoded() {
    let csr = inspect(&generated("request.csr"), &Context::fixed());
    assert_eq!(csr.artifacts[0].kind, ArtifactKind::Csr);
    assert!(finding_titles(&csr.artifacts[0]).contains(&"Request signature verifies".to_string()));
    assert!(report_text(&csr).contains("csr.contoso.test"));

    let p7 = inspect(&generated("bundle.p7b"), &Context::fixed());
    let bundle = &p7.artifacts[0];
    assert_eq!(bundle.kind, ArtifactKind::Pkcs7);
    assert_eq!(bundle.children.len(), 3);
    assert!(report_text(&p7).contains(&sha1_of("inter")));
    assert!(bundle
        .children
        .iter()
        .any(|c| finding_titles(c).iter().any(|t| t.starts_with("Signed by"))));

    let ed = inspect(&generated("ed25519.pem"), &Context::fixed());
    assert!(ed.artifacts[0].verdict.contains("Ed25519"));
    assert!(finding_titles(&ed.artifacts[0]).contains(&"Self-signed".to_string()));
}

#[test]
fn a_pfx_says_it_holds_a_private_key_and_what_is_readable() {
    let report = inspect(&generated("leaf.pfx.b64"), &Context::fixed());
    let a = &report.artifacts[0];
    assert_eq!(a.kind, ArtifactKind::Pkcs12);
    let text = report_text(&report);
    assert!(text.contains("do not share"), "{text}");
    assert!(text.contains("Private keys: 1"), "{text}");
    assert!(text.contains("AES-256-CBC"), "{text}");
    assert!(text.contains("tokenlens leaf"), "{text}");
    // With unencrypted certificate bags the certificate itself is shown.
    let open = inspect(&generated("open-certs.pfx.b64"), &Context::fixed());
    assert!(report_text(&open).contains(&sha1_of("rsa2048")));
    // Only one artifact: the base64 is not also reported as some other DER.
    assert_eq!(open.artifacts.len(), 1);
}

#[test]
fn keys_in_other_forms_are_decoded() {
    let text = text_of(&generated("p384.pub.pem"));
    assert!(text.contains("P-384 (secp384r1)"), "{text}");
    let der_hex: String = {
        let pem = generated("rsa2048.pem");
        let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        tokenlens::text::hex_upper(&tokenlens::text::b64_decode_lenient(&b64).unwrap())
    };
    assert!(text_of(&der_hex).contains(&sha1_of("rsa2048")));
    let jwks = inspect(&generated("jwks.json"), &Context::fixed());
    assert_eq!(
        jwks.artifacts.len(),
        1,
        "the x5c inside the JWKS is not reported twice"
    );
    assert_eq!(jwks.artifacts[0].children.len(), 3);
    assert!(report_text(&jwks).contains(&sha1_of("rsa2048")));
    // In the key box the same set lands in key_artifacts, and a secret line is recognised there.
    let boxed = inspect_with_keys(
        "",
        &format!("{}\nsecret: abc", generated("jwks.json")),
        &Context::fixed(),
    );
    assert!(boxed.artifacts.is_empty());
    assert_eq!(boxed.key_artifacts.len(), 2);
    assert!(report_text(&boxed).contains("[key 2] Shared secret"));
}

#[test]
fn tokens_prose_and_broken_input_do_not_produce_key_artifacts() {
    let ctx = Context::fixed();
    for name in ["rs256.jwt", "es256-x5c.jwt", "eddsa.jwt"] {
        let token = generated(name);
        assert!(
            tokenlens::explain::x509::cert::scan(&token, &ctx).is_empty(),
            "{name}"
        );
        assert!(
            tokenlens::explain::x509::jwk::scan(&token, &ctx).is_empty(),
            "{name}"
        );
        assert!(
            tokenlens::explain::x509::pfx::scan(&token, &ctx).is_empty(),
            "{name}"
        );
    }
    let prose =
        "Please renew the certificate; the thumbprint is in the keys section of the manifest.";
    assert!(tokenlens::explain::x509::cert::scan(prose, &ctx).is_empty());
    assert!(tokenlens::explain::x509::jwk::scan(prose, &ctx).is_empty());
    // Truncated PEM and truncated base64 never panic and say what is wrong.
    let pem = generated("leaf.pem");
    for cut in (0..pem.len()).step_by(7) {
        let _ = inspect(cut_to(&pem, cut), &ctx);
    }
    let cut = cut_to(&pem, pem.len() / 2);
    let text = text_of(cut);
    assert!(text.contains("Not a readable CERTIFICATE"), "{text}");
    let pfx = generated("leaf.pfx.b64");
    for cut in (0..pfx.len()).step_by(97) {
        let _ = inspect(cut_to(&pfx, cut), &ctx);
    }
    let text = text_of(r#"{"keys":[{"kty":"EC","kid":"k1","crv":"P-256","x":"AAAA"}]}"#);
    assert!(text.contains("\"y\" is missing"), "{text}");
}

#[test]
fn a_pasted_private_key_is_warned_about_and_never_echoed() {
    let pem = fixture("generated/rsa2048.key");
    let text = report_text(&inspect(&pem, &Context::fixed()));
    assert!(text.contains("PRIVATE key"), "{text}");
    for line in pem.lines().filter(|l| !l.starts_with("-----")) {
        assert!(
            !text.contains(line),
            "the key body leaked into the report: {line}"
        );
    }
}

#[test]
fn a_private_jwk_is_flagged_and_its_private_members_never_echoed() {
    let jwk: serde_json::Value = serde_json::from_str(&generated("private.jwk.json")).unwrap();
    let text = text_of(&generated("private.jwk.json"));
    assert!(
        text.contains("PRIVATE JWK kid=private-fixture-kid"),
        "{text}"
    );
    assert!(text.contains("[ERROR] PRIVATE key"), "{text}");
    for member in ["d", "p", "q", "dp", "dq", "qi"] {
        let value = jwk[member].as_str().unwrap();
        // Even a 16-character piece of a private member must not appear.
        assert!(
            !text.contains(cut_to(value, 16)),
            "private member {member} leaked into the report"
        );
    }
    // The page says it holds a private key; it must not call it a public key.
    assert!(!text.contains("public key with kid"), "{text}");
}

#[test]
fn a_traditional_encrypted_key_says_it_is_encrypted_and_is_not_echoed() {
    let pem = generated("rsa1024-traditional-encrypted.key");
    let text = text_of(&pem);
    assert!(
        text.contains("encrypted (AES-256-CBC) with a password"),
        "{text}"
    );
    assert!(!text.contains("not encrypted"), "{text}");
    for line in pem
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("-----") && !l.contains(':'))
    {
        assert!(!text.contains(line), "the key body leaked: {line}");
    }
}

#[test]
fn a_negative_serial_is_shown_both_ways() {
    let text = text_of(&generated("negative-serial.pem"));
    assert!(text.contains("Negative serial number"), "{text}");
    assert!(
        text.contains("openssl prints -5A3C, Windows shows the bytes a5c4"),
        "{text}"
    );
}

/// Measures native verification speed; run with `cargo test --release -- --ignored --nocapture`.
#[test]
#[ignore]
fn verification_speed() {
    use tokenlens::verify::{jws_alg, verify_with_spki};
    for (token, key) in [
        ("generated/rs256.jwt", "generated/rsa2048.pub.pem"),
        ("generated/es256.jwt", "generated/p256.pub.pem"),
    ] {
        let token = fixture(token);
        let token = token.trim();
        let pem = fixture(key);
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        let spki = base64_decode(&body);
        let parts: Vec<&str> = token.split('.').collect();
        let header: serde_json::Value = serde_json::from_slice(&base64_decode(parts[0])).unwrap();
        let alg = jws_alg(header["alg"].as_str().unwrap()).unwrap();
        let msg = format!("{}.{}", parts[0], parts[1]);
        let sig = base64_decode(parts[2]);
        let rounds = 500;
        let start = std::time::Instant::now();
        for _ in 0..rounds {
            verify_with_spki(alg, &spki, msg.as_bytes(), &sig).expect("valid signature");
        }
        let per = start.elapsed() / rounds;
        let start = std::time::Instant::now();
        for _ in 0..50 {
            let _ = inspect_with_keys(token, &pem, &Context::fixed());
        }
        println!(
            "{}: verify {per:?}, whole inspect_with_keys {:?}",
            header["alg"],
            start.elapsed() / 50
        );
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    let cleaned: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .collect();
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cleaned.replace('+', "-").replace('/', "_"))
        .expect("base64")
}
