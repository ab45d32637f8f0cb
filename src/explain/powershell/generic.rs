//! Rules every PowerShell object gets from its row in `knowledge::ps_objects`: a property with
//! its wrong value, a key or password credential judged against the report's time, and a plain
//! "nothing needs fixing" when nothing else was found.

use crate::context::Context;
use crate::decode::powershell::views::{Credential, CredentialKind};
use crate::decode::powershell::PsObject;
use crate::explain::rule::Rule;
use crate::knowledge::ps_objects::{self, PsType};
use crate::knowledge::sources;
use crate::report::{Finding, Severity};
use crate::text::{duration_words, relative, utc};

/// One object with its type, and whether the rules of its own catalogue already found trouble.
pub struct PsView {
    pub object: PsObject,
    pub ty: &'static PsType,
    pub troubled: bool,
}

impl PsView {
    /// The object's credential, when it is a key or password credential.
    fn credential(&self) -> Option<Credential> {
        let secret = self.ty.cmdlet == ps_objects::PASSWORD_CREDENTIAL_TYPE.cmdlet;
        let key = self.ty.cmdlet == ps_objects::KEY_CREDENTIAL_TYPE.cmdlet;
        (secret || key).then(|| Credential::read(&self.object, secret))
    }

    /// `<identity>` in a fix command, filled with the object's name.
    fn fill(&self, command: &str) -> String {
        let name = self.object.name();
        if name.is_empty() {
            command.to_string()
        } else {
            command.replace("<identity>", &format!("\"{name}\""))
        }
    }
}

/// Days before the end date from which a credential is reported as ending soon.
const SOON_DAYS: i64 = 30;

/// Every object type.
pub const RULES: &[Rule<PsView>] = &[
    Rule {
        id: "ps.wrong-value",
        severity: Severity::Error,
        title: "A property has the value its table marks wrong",
        source: None,
        check: wrong_values,
    },
    Rule {
        id: "ps.credential-expired",
        severity: Severity::Error,
        title: "A key or password credential is past its end date",
        source: Some(sources::RESOURCES_KEYCREDENTIAL),
        check: credential_expired,
    },
    Rule {
        id: "ps.credential-validity",
        severity: Severity::Warning,
        title: "When a key or password credential ends, and its lifetime",
        source: Some(sources::RESOURCES_KEYCREDENTIAL),
        check: credential_validity,
    },
    Rule {
        id: "ps.nothing-to-fix",
        severity: Severity::Ok,
        title: "Nothing in the object needs fixing",
        source: None,
        check: nothing_to_fix,
    },
];

/// The table rows whose wrong value the object shows, with the value shown.
fn wrong_rows(v: &PsView) -> Vec<(&'static ps_objects::PropertyFact, &str)> {
    v.object
        .properties
        .iter()
        .filter_map(|p| {
            let row = v.ty.property(&p.name)?;
            let hit = row.wrong.is_some_and(|w| w.matches(&p.value));
            hit.then_some((row, p.value.as_str()))
        })
        .collect()
}

fn wrong_values(v: &PsView, _: &Context) -> Vec<Finding> {
    wrong_rows(v)
        .into_iter()
        .filter(|(row, _)| !row.by_rule)
        .map(|(row, value)| {
            let shown = if value.is_empty() { "empty" } else { value };
            let mut f = Finding::new(
                row.severity,
                format!("{} is {shown}", row.name),
                row.consequence,
            )
            .source(row.source);
            if let Some(fix) = row.fix {
                let mut step = fix.to_step();
                step.command = step.command.map(|c| v.fill(&c));
                f = f.step(step);
            }
            f
        })
        .collect()
}

/// The words for a credential kind.
fn kind_words(kind: CredentialKind) -> &'static str {
    match kind {
        CredentialKind::Certificate => "certificate",
        CredentialKind::Symmetric => "symmetric key",
        CredentialKind::Secret => "client secret",
    }
}

fn credential_expired(v: &PsView, ctx: &Context) -> Vec<Finding> {
    let Some(c) = v.credential() else {
        return Vec::new();
    };
    let Some(end) = c.end.filter(|e| *e < ctx.now) else {
        return Vec::new();
    };
    let (code, fix, source) = match c.kind {
        CredentialKind::Secret => (
            "AADSTS7000222",
            ps_objects::RENEW_SECRET,
            sources::RESOURCES_PASSWORDCREDENTIAL,
        ),
        _ => (
            "AADSTS700027",
            ps_objects::RENEW_CERTIFICATE,
            sources::RESOURCES_KEYCREDENTIAL,
        ),
    };
    let what = kind_words(c.kind);
    vec![Finding::new(
        Severity::Error,
        format!("The {what} expired {}", relative(end, ctx.now)),
        format!("Its end date {} ({}) is past: Entra no longer accepts the app's sign-in with this {what} ({code}).", c.end_text, utc(end)),
    )
    .step(fix.to_step())
    .source(source)]
}

fn credential_validity(v: &PsView, ctx: &Context) -> Vec<Finding> {
    let Some(c) = v.credential() else {
        return Vec::new();
    };
    let Some(end) = c.end.filter(|e| *e >= ctx.now) else {
        return Vec::new();
    };
    let what = kind_words(c.kind);
    let lifetime = c
        .start
        .filter(|s| *s <= end)
        .map(|s| format!(", valid for {} in all", duration_words(end - s)))
        .unwrap_or_default();
    let soon = end - ctx.now < SOON_DAYS * 86_400;
    let mut f = Finding::new(
        if soon {
            Severity::Warning
        } else {
            Severity::Info
        },
        format!("The {what} ends {}", relative(end, ctx.now)),
        format!("It works until {} ({}){lifetime}.", c.end_text, utc(end)),
    );
    let (fix, source) = match c.kind {
        CredentialKind::Secret => (
            ps_objects::RENEW_SECRET,
            sources::RESOURCES_PASSWORDCREDENTIAL,
        ),
        _ => (
            ps_objects::RENEW_CERTIFICATE,
            sources::RESOURCES_KEYCREDENTIAL,
        ),
    };
    if soon {
        f = f.step(fix.to_step());
    }
    vec![f.source(source)]
}

fn nothing_to_fix(v: &PsView, ctx: &Context) -> Vec<Finding> {
    let troubled = v.troubled
        || !wrong_rows(v).is_empty()
        || v.credential()
            .and_then(|c| c.end)
            .is_some_and(|e| e - ctx.now < SOON_DAYS * 86_400);
    if troubled {
        return Vec::new();
    }
    vec![Finding::new(
        Severity::Ok,
        "Nothing here needs fixing",
        v.ty.healthy,
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::powershell::find;
    use crate::explain::rule;

    fn fired(text: &str, troubled: bool) -> Vec<&'static str> {
        let o = find(text).remove(0);
        let ty = o.ty.expect("a known object");
        let v = PsView {
            object: o,
            ty,
            troubled,
        };
        rule::run(RULES, &v, &Context::fixed())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn a_wrong_value_fires_with_its_fix_and_a_clean_object_says_so() {
        let bad = "Name                  : Contoso\nEnabled               : True\nFreeBusyAccessEnabled : False\nTargetApplicationUri  :\nDomainNames           : {contoso.com}\n";
        assert_eq!(fired(bad, false), ["ps.wrong-value", "ps.wrong-value"]);
        let good = bad
            .replace("False", "True")
            .replace("Uri  :", "Uri  : outlook.com");
        assert_eq!(fired(&good, false), ["ps.nothing-to-fix"]);
        assert!(fired(&good, true).is_empty());
    }

    #[test]
    fn credentials_are_judged_against_the_report_time() {
        let old = "CustomKeyIdentifier :\nEndDate             : 9/28/2017 3:49:03 PM\nKeyId               : a98a87cf\nStartDate           : 9/28/2016 3:49:03 PM\nType                : Symmetric\nUsage               : Sign\n";
        assert_eq!(fired(old, false), ["ps.credential-expired"]);
        let far = "customKeyIdentifier :\nendDateTime         : 2299-12-31T00:00:00Z\nkeyId               : 53848e66\nstartDateTime       : 2020-05-11T23:18:00.542Z\nhint                : f5h\n";
        assert_eq!(
            fired(far, false),
            ["ps.credential-validity", "ps.nothing-to-fix"]
        );
    }
}
