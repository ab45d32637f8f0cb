//! The Report: plain data that every front end (page, CLI, golden tests) renders; no HTML here.

use serde::{Deserialize, Serialize};

/// How serious a finding is; the order is the display order (errors first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Ok,
}

impl Severity {
    /// The word shown in front of a finding in the plain-text report.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "ERROR",
            Severity::Warning => "WARNING",
            Severity::Info => "INFO",
            Severity::Ok => "OK",
        }
    }
}

/// A byte range of the pasted text that an artifact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// What kind of thing was recognised; the UI colours spans by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArtifactKind {
    Jwt,
    Jwe,
    DecodedClaims,
    Certificate,
    PublicKey,
    KeyCredential,
    Jwk,
    Pkcs12,
    Pkcs7,
    Csr,
    Diagnostics,
    Challenge,
    Authorization,
    Aadsts,
    ServiceError,
    LogLine,
    Freb,
    PowerShell,
    Headers,
    Exception,
    Har,
    Saml,
    /// An IIS error page (detailed, short or IIS 6), in HTML or copied as text.
    IisErrorPage,
    /// A fact the knowledge tables know, named in free text (a code, a reason, an id).
    Known,
}

impl ArtifactKind {
    /// A short name used in CSS classes and the plain-text report.
    pub fn css_name(self) -> &'static str {
        match self {
            ArtifactKind::Jwt => "jwt",
            ArtifactKind::Jwe => "jwe",
            ArtifactKind::DecodedClaims => "claims",
            ArtifactKind::Certificate => "cert",
            ArtifactKind::PublicKey => "key",
            ArtifactKind::KeyCredential => "keycred",
            ArtifactKind::Jwk => "jwk",
            ArtifactKind::Pkcs12 => "pfx",
            ArtifactKind::Pkcs7 => "pkcs7",
            ArtifactKind::Csr => "csr",
            ArtifactKind::Diagnostics => "diag",
            ArtifactKind::Challenge => "challenge",
            ArtifactKind::Authorization => "authz",
            ArtifactKind::Aadsts => "aadsts",
            ArtifactKind::ServiceError => "svcerr",
            ArtifactKind::LogLine => "log",
            ArtifactKind::Freb => "freb",
            ArtifactKind::PowerShell => "ps",
            ArtifactKind::Headers => "headers",
            ArtifactKind::Exception => "exception",
            ArtifactKind::Har => "har",
            ArtifactKind::Saml => "saml",
            ArtifactKind::IisErrorPage => "iispage",
            ArtifactKind::Known => "known",
        }
    }

    /// The family this kind belongs to; the page colours spans and cards by family.
    pub fn family(self) -> ArtifactFamily {
        match self {
            ArtifactKind::Jwt
            | ArtifactKind::Jwe
            | ArtifactKind::DecodedClaims
            | ArtifactKind::Saml => ArtifactFamily::Tokens,
            ArtifactKind::Certificate
            | ArtifactKind::PublicKey
            | ArtifactKind::KeyCredential
            | ArtifactKind::Jwk
            | ArtifactKind::Pkcs12
            | ArtifactKind::Pkcs7
            | ArtifactKind::Csr => ArtifactFamily::Keys,
            ArtifactKind::Diagnostics
            | ArtifactKind::Challenge
            | ArtifactKind::Authorization
            | ArtifactKind::Headers => ArtifactFamily::HttpHeaders,
            ArtifactKind::LogLine | ArtifactKind::Freb | ArtifactKind::Har => ArtifactFamily::Logs,
            ArtifactKind::Aadsts
            | ArtifactKind::ServiceError
            | ArtifactKind::Exception
            | ArtifactKind::IisErrorPage
            | ArtifactKind::Known => ArtifactFamily::ServiceErrors,
            ArtifactKind::PowerShell => ArtifactFamily::PowerShell,
        }
    }

    /// Every kind, in declaration order (a test checks that none is missing).
    pub const ALL: &'static [ArtifactKind] = &[
        ArtifactKind::Jwt,
        ArtifactKind::Jwe,
        ArtifactKind::DecodedClaims,
        ArtifactKind::Certificate,
        ArtifactKind::PublicKey,
        ArtifactKind::KeyCredential,
        ArtifactKind::Jwk,
        ArtifactKind::Pkcs12,
        ArtifactKind::Pkcs7,
        ArtifactKind::Csr,
        ArtifactKind::Diagnostics,
        ArtifactKind::Challenge,
        ArtifactKind::Authorization,
        ArtifactKind::Aadsts,
        ArtifactKind::ServiceError,
        ArtifactKind::LogLine,
        ArtifactKind::Freb,
        ArtifactKind::PowerShell,
        ArtifactKind::Headers,
        ArtifactKind::Exception,
        ArtifactKind::Har,
        ArtifactKind::Saml,
        ArtifactKind::IisErrorPage,
        ArtifactKind::Known,
    ];
}

/// A family of artifact kinds: what the page groups, colours and lists together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArtifactFamily {
    Tokens,
    Keys,
    HttpHeaders,
    Logs,
    ServiceErrors,
    PowerShell,
}

impl ArtifactFamily {
    /// The name used in CSS classes (`family-<name>`): one style rule per family.
    pub fn css_name(self) -> &'static str {
        match self {
            ArtifactFamily::Tokens => "tokens",
            ArtifactFamily::Keys => "keys",
            ArtifactFamily::HttpHeaders => "headers",
            ArtifactFamily::Logs => "logs",
            ArtifactFamily::ServiceErrors => "errors",
            ArtifactFamily::PowerShell => "powershell",
        }
    }
}

/// One fix step; `command` is text to copy (PowerShell, CLI, config), never run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub text: String,
    pub command: Option<String>,
    /// True where the public sources call this step unsupported by Microsoft.
    pub unsupported: bool,
}

impl Step {
    pub fn new(text: impl Into<String>) -> Self {
        Step {
            text: text.into(),
            command: None,
            unsupported: false,
        }
    }

    pub fn with_command(text: impl Into<String>, command: impl Into<String>) -> Self {
        Step {
            text: text.into(),
            command: Some(command.into()),
            unsupported: false,
        }
    }

    pub fn unsupported(mut self) -> Self {
        self.unsupported = true;
        self
    }
}

/// Something worth saying about an artifact, or (in `Report::diagnoses`) about several together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    pub title: String,
    pub explanation: String,
    /// Likely causes, most likely first.
    pub causes: Vec<String>,
    pub steps: Vec<Step>,
    pub source: Option<String>,
    /// Indexes into `Report::artifacts` that this finding speaks about.
    pub refers_to: Vec<usize>,
    /// Where the rest of this finding's fix is given, when an earlier finding of the report gives
    /// the same steps ("[2] Microsoft Entra sign-in error AADSTS7000215"); set by
    /// `explain::one_answer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_fix_as: Option<String>,
    /// The id of the rule that made it (see `explain::rule`); internal, not shown or serialised.
    #[serde(skip)]
    pub rule: &'static str,
}

impl Finding {
    /// Calls `f` on every text of this finding a reader may see (not its source link).
    pub fn for_each_text_mut(&mut self, f: &mut impl FnMut(&mut String)) {
        f(&mut self.title);
        f(&mut self.explanation);
        self.causes.iter_mut().for_each(&mut *f);
        if let Some(given) = &mut self.same_fix_as {
            f(given);
        }
        for step in &mut self.steps {
            f(&mut step.text);
            if let Some(command) = &mut step.command {
                f(command);
            }
        }
    }

    pub fn new(
        severity: Severity,
        title: impl Into<String>,
        explanation: impl Into<String>,
    ) -> Self {
        Finding {
            severity,
            title: title.into(),
            explanation: explanation.into(),
            causes: Vec::new(),
            steps: Vec::new(),
            source: None,
            refers_to: Vec::new(),
            same_fix_as: None,
            rule: "",
        }
    }

    pub fn cause(mut self, cause: impl Into<String>) -> Self {
        self.causes.push(cause.into());
        self
    }

    pub fn step(mut self, step: Step) -> Self {
        self.steps.push(step);
        self
    }

    pub fn source(mut self, url: impl Into<String>) -> Self {
        self.source = Some(url.into());
        self
    }
}

/// One row of a section: a name, the raw value, what it shows as, and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub raw: String,
    /// The humanised value, when it differs from the raw one (a date, an app name).
    pub shown: Option<String>,
    pub meaning: Option<String>,
    pub source: Option<String>,
    /// True for claims and fields that no table knows.
    pub unknown: bool,
}

impl Field {
    pub fn new(name: impl Into<String>, raw: impl Into<String>) -> Self {
        Field {
            name: name.into(),
            raw: raw.into(),
            shown: None,
            meaning: None,
            source: None,
            unknown: false,
        }
    }

    pub fn shown(mut self, shown: impl Into<String>) -> Self {
        let shown = shown.into();
        if !shown.is_empty() && shown != self.raw {
            self.shown = Some(shown);
        }
        self
    }

    pub fn meaning(mut self, meaning: impl Into<String>) -> Self {
        let meaning = meaning.into();
        if !meaning.is_empty() {
            self.meaning = Some(meaning);
        }
        self
    }

    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    pub fn unknown(mut self) -> Self {
        self.unknown = true;
        self
    }
}

/// A titled table of fields (header, claims, subject, thumbprints ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    pub fields: Vec<Field>,
}

impl Section {
    pub fn new(title: impl Into<String>) -> Self {
        Section {
            title: title.into(),
            fields: Vec::new(),
        }
    }

    pub fn push(&mut self, field: Field) {
        self.fields.push(field);
    }
}

/// Structured facts that the correlator reads; filled in by the decoders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Evidence {
    /// Token facts, for JWTs and decoded claim sets.
    pub token: Option<TokenEvidence>,
    /// x-ms-diagnostics (Exchange, SharePoint, Skype, Entra).
    pub diagnostics: Option<DiagnosticsEvidence>,
    /// WWW-Authenticate challenges.
    pub challenge: Option<ChallengeEvidence>,
    /// AADSTS codes in an error body or text.
    pub aadsts: Vec<u32>,
    /// Certificate or key thumbprints (base64url SHA-1 and SHA-256) for x5t/kid matching.
    pub thumbprints: Vec<String>,
    /// Public keys and secrets that a token's signature can be checked against.
    pub keys: Vec<KeyEvidence>,
    /// Free-form named facts (partner application fields and similar).
    pub facts: Vec<(String, String)>,
    /// Keys a token carries in its own header (its first x5c certificate): a signature they verify
    /// proves the token intact, not its signer trusted.
    pub header_keys: Vec<KeyEvidence>,
}

/// A key found in the paste (certificate, PEM public key, JWK, shared secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct KeyEvidence {
    /// How the UI names it ("certificate CN=...", "JWKS key kid=...").
    pub label: String,
    pub kid: Option<String>,
    /// base64url SHA-1 thumbprint of the certificate (x5t), when it came from a certificate.
    pub x5t: Option<String>,
    /// base64url SHA-256 thumbprint of the certificate (x5t#S256).
    pub x5t_s256: Option<String>,
    /// DER SubjectPublicKeyInfo of an asymmetric key.
    #[serde(skip)]
    pub spki_der: Option<Vec<u8>>,
    /// Raw bytes of a shared secret for HS256/384/512.
    #[serde(skip)]
    pub secret: Option<Vec<u8>>,
}

/// What the correlator needs to know about a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct TokenEvidence {
    pub app_only: bool,
    pub delegated: bool,
    pub appidacr: Option<String>,
    pub aud: Option<String>,
    pub tid: Option<String>,
    pub appid: Option<String>,
    pub roles: Vec<String>,
    pub scopes: Vec<String>,
    pub x5t: Option<String>,
    pub kid: Option<String>,
    pub issuer: Option<String>,
    pub exp: Option<i64>,
    /// True when the token is only a decoded claim set (no signature available).
    pub decoded_only: bool,
    /// The compact serialisation as found (cleaned), for signature checks.
    pub compact: Option<String>,
    pub alg: Option<String>,
    /// The header `nonce` that Microsoft Graph tokens carry.
    pub header_nonce: Option<String>,
    /// True when the token is a client assertion (an app's signed proof for the token endpoint).
    pub client_assertion: bool,
}

/// What the correlator needs to know about an x-ms-diagnostics value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct DiagnosticsEvidence {
    pub code: Option<u32>,
    pub category: Option<String>,
    pub reason: Option<String>,
}

/// What the correlator needs to know about a WWW-Authenticate challenge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ChallengeEvidence {
    pub scheme: String,
    pub client_id: Option<String>,
    pub realm: Option<String>,
    pub trusted_issuers: Vec<String>,
    pub error: Option<String>,
    pub has_authorization_uri: bool,
}

/// One recognised thing in the paste, decoded and explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Artifact {
    pub kind: ArtifactKind,
    pub span: Span,
    /// What it is, in a few words ("JWT access token", "x-ms-diagnostics header").
    pub title: String,
    /// One plain sentence saying what it means.
    pub verdict: String,
    pub findings: Vec<Finding>,
    pub sections: Vec<Section>,
    /// Nested artifacts: the actortoken inside an S2S token, the certificates of an x5c chain.
    pub children: Vec<Artifact>,
    /// The decoded JSON (header and payload) for the raw view, pretty-printed.
    pub raw_json: Option<String>,
    #[serde(skip)]
    pub evidence: Evidence,
}

impl Artifact {
    pub fn new(kind: ArtifactKind, span: Span, title: impl Into<String>) -> Self {
        Artifact {
            kind,
            span,
            title: title.into(),
            verdict: String::new(),
            findings: Vec::new(),
            sections: Vec::new(),
            children: Vec::new(),
            raw_json: None,
            evidence: Evidence::default(),
        }
    }

    /// Calls `f` on every text of this artifact and its children that a reader may see: title,
    /// verdict, findings, field values, shown values and meanings, and the raw JSON (not field
    /// names, which come from the readers, nor source links).
    pub fn for_each_text_mut(&mut self, f: &mut impl FnMut(&mut String)) {
        f(&mut self.title);
        f(&mut self.verdict);
        for finding in &mut self.findings {
            finding.for_each_text_mut(f);
        }
        for field in self.sections.iter_mut().flat_map(|s| s.fields.iter_mut()) {
            f(&mut field.raw);
            for text in [&mut field.shown, &mut field.meaning].into_iter().flatten() {
                f(text);
            }
        }
        if let Some(raw) = &mut self.raw_json {
            f(raw);
        }
        for child in &mut self.children {
            child.for_each_text_mut(f);
        }
    }

    /// Sorts findings so that errors come first, keeping the order within a severity.
    pub fn sort_findings(&mut self) {
        crate::sort::by_key(&mut self.findings, |f| f.severity);
        for child in &mut self.children {
            child.sort_findings();
        }
    }
}

/// The result of inspecting one paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Report {
    pub artifacts: Vec<Artifact>,
    /// Findings that need more than one artifact (a token and the refusal it got).
    pub diagnoses: Vec<Finding>,
    /// Artifacts found in the separate key box (spans refer to that box's text).
    pub key_artifacts: Vec<Artifact>,
    /// Messages about the paste as a whole ("nothing recognised; expected ...").
    pub notices: Vec<String>,
}

impl Report {
    /// Calls `f` on every text of the report a reader may see (see `Artifact::for_each_text_mut`).
    pub fn for_each_text_mut(&mut self, f: &mut impl FnMut(&mut String)) {
        self.notices.iter_mut().for_each(&mut *f);
        for finding in &mut self.diagnoses {
            finding.for_each_text_mut(f);
        }
        for artifact in self
            .artifacts
            .iter_mut()
            .chain(self.key_artifacts.iter_mut())
        {
            artifact.for_each_text_mut(f);
        }
    }

    /// The worst severity anywhere in the report, if there is any finding.
    pub fn worst(&self) -> Option<Severity> {
        fn walk(a: &Artifact, worst: &mut Option<Severity>) {
            for f in &a.findings {
                *worst = Some(worst.map_or(f.severity, |w| w.min(f.severity)));
            }
            for c in &a.children {
                walk(c, worst);
            }
        }
        let mut worst = self.diagnoses.iter().map(|f| f.severity).min();
        for a in self.artifacts.iter().chain(&self.key_artifacts) {
            walk(a, &mut worst);
        }
        worst
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_kind_once_in_declaration_order() {
        for (i, kind) in ArtifactKind::ALL.iter().enumerate() {
            assert_eq!(
                *kind as usize, i,
                "ArtifactKind::ALL is out of order at {kind:?}"
            );
        }
        // Known is the last variant: a kind added after it must be added to ALL (and moved here).
        assert_eq!(ArtifactKind::ALL.len(), ArtifactKind::Known as usize + 1);
    }

    #[test]
    fn kind_css_names_are_unique() {
        let mut names: Vec<&str> = ArtifactKind::ALL.iter().map(|k| k.css_name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            ArtifactKind::ALL.len(),
            "kind css names are unique"
        );
    }
}
