//! Records: Exchange PowerShell Format-List output (`Name   : value` lines, wrapped continuation
//! lines and `{a, b…}` lists) read into generic `PsObject`s, the object type guessed from its
//! property names, and typed views per cmdlet (`views`).

pub mod views;

use crate::knowledge::ps_objects;
use crate::report::Span;
use crate::text::cut_to;

/// The object types tokenlens reads, by the cmdlet that shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PsKind {
    PartnerApplication,
    AuthServer,
    AuthConfig,
    IntraOrganizationConnector,
    TestOAuthConnectivity,
    OrganizationConfig,
}

impl PsKind {
    /// The cmdlet whose output this is.
    pub fn cmdlet(self) -> &'static str {
        match self {
            PsKind::PartnerApplication => "Get-PartnerApplication",
            PsKind::AuthServer => "Get-AuthServer",
            PsKind::AuthConfig => "Get-AuthConfig",
            PsKind::IntraOrganizationConnector => "Get-IntraOrganizationConnector",
            PsKind::TestOAuthConnectivity => "Test-OAuthConnectivity",
            PsKind::OrganizationConfig => "Get-OrganizationConfig",
        }
    }
}

/// One `Name : value` property, continuation lines joined with a space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsProperty {
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// One Format-List block: at least three properties, and the object type they suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsObject {
    pub kind: Option<PsKind>,
    pub properties: Vec<PsProperty>,
    pub span: Span,
}

impl PsObject {
    /// The value of the property `name` (any case), if the block has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .map(|p| p.value.as_str())
    }

    /// The value of `name` as a boolean (`True` / `False`), if it is one.
    pub fn flag(&self, name: &str) -> Option<bool> {
        let v = self.get(name)?;
        if v.eq_ignore_ascii_case("true") {
            Some(true)
        } else if v.eq_ignore_ascii_case("false") {
            Some(false)
        } else {
            None
        }
    }

    /// The value of `name` as a list (`{a, b…}`), empty when absent.
    pub fn list(&self, name: &str) -> Vec<String> {
        self.get(name).map(list).unwrap_or_default()
    }

    /// `Name`, else `Identity`, else "".
    pub fn name(&self) -> &str {
        self.get("Name")
            .or_else(|| self.get("Identity"))
            .unwrap_or("")
    }
}

/// Every Format-List block of a known object type in `text`.
pub fn find(text: &str) -> Vec<PsObject> {
    let mut out = Vec::new();
    for mut b in blocks(text) {
        b.kind = kind_of(&b);
        if b.kind.is_some() {
            out.push(b);
        }
    }
    out
}

/// The object type the property names suggest.
fn kind_of(b: &PsObject) -> Option<PsKind> {
    let has = |k: &str| b.get(k).is_some();
    if has("ApplicationIdentifier") && (has("AppOnlyPermissions") || has("LinkedAccount")) {
        Some(PsKind::PartnerApplication)
    } else if has("AuthMetadataUrl")
        && (has("IssuerIdentifier")
            || has("TokenIssuingEndpoint")
            || has("IsDefaultAuthorizationEndpoint"))
    {
        Some(PsKind::AuthServer)
    } else if has("CurrentCertificateThumbprint") || has("ServiceName") && has("Realm") {
        Some(PsKind::AuthConfig)
    } else if has("TargetAddress") && has("DiscoveryEndpoint") {
        Some(PsKind::IntraOrganizationConnector)
    } else if has("ResultType") && has("Task") {
        Some(PsKind::TestOAuthConnectivity)
    } else if is_organization_config(b) {
        Some(PsKind::OrganizationConfig)
    } else {
        None
    }
}

/// Get-OrganizationConfig: its OAuth or EWS application settings, and nothing only a mailbox has.
fn is_organization_config(b: &PsObject) -> bool {
    let has = |k: &str| b.get(k).is_some();
    let org = has("OAuth2ClientProfileEnabled")
        || has("EwsApplicationAccessPolicy")
        || has("EwsEnabled") && has("EwsAllowOutlook");
    org && !ps_objects::MAILBOX_ONLY_PROPERTIES.iter().any(|p| has(p))
}

/// Splits the text into Format-List blocks (`Name   : value` lines, aligned colons).
fn blocks(text: &str) -> Vec<PsObject> {
    let mut out = Vec::new();
    let mut cur: Option<PsObject> = None;
    let mut col = 0;
    let mut offset = 0;
    for raw in text.split('\n') {
        let line = raw.trim_end_matches('\r');
        let here = offset;
        offset += raw.len() + 1;
        let parsed = line.find(" : ").or_else(|| {
            line.strip_suffix(" :")
                .map(|s| s.len())
                .filter(|_| line.trim_end() == line)
        });
        let is_field = parsed.is_some_and(|c| {
            let name = cut_to(line, c).trim_end();
            !name.is_empty()
                && !line.starts_with(' ')
                && name
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
        });
        if let (true, Some(c)) = (is_field, parsed) {
            let name = cut_to(line, c).trim_end().to_string();
            let value = line.get(c + 3..).unwrap_or("").trim().to_string();
            let b = cur.get_or_insert(PsObject {
                kind: None,
                span: Span::new(here, here),
                properties: Vec::new(),
            });
            b.properties.push(PsProperty {
                name,
                value,
                span: Span::new(here, here + line.len()),
            });
            b.span.end = here + line.len();
            col = c;
            continue;
        }
        // A continuation line: indented to the value column.
        if let Some(b) = cur.as_mut() {
            if col > 0
                && line.len() > col
                && line.get(..col).is_some_and(|p| p.trim().is_empty())
                && !line.trim().is_empty()
            {
                if let Some(last) = b.properties.last_mut() {
                    last.value.push(' ');
                    last.value.push_str(line.trim());
                    last.span.end = here + line.len();
                }
                b.span.end = here + line.len();
                continue;
            }
        }
        if let Some(b) = cur.take() {
            if b.properties.len() >= 3 {
                out.push(b);
            }
        }
    }
    if let Some(b) = cur.take() {
        if b.properties.len() >= 3 {
            out.push(b);
        }
    }
    out
}

/// The items of a `{a, b…}` list.
fn list(v: &str) -> Vec<String> {
    v.trim_matches(['{', '}'])
        .split(',')
        .map(|s| s.trim().trim_end_matches(['…', '.']).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_list_blocks_with_continuations_and_lists() {
        let t = "Enabled                             : True\nApplicationIdentifier               : 00000003-0000-0000-c000-000000000000\nAppOnlyPermissions                  :\nActAsPermissions                    : {Mail.Read, Mail.Write…}\nName                                : Microsoft Graph\n";
        let found = find(t);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Some(PsKind::PartnerApplication));
        assert_eq!(
            found[0].list("ActAsPermissions"),
            ["Mail.Read", "Mail.Write"]
        );
        assert_eq!(found[0].flag("Enabled"), Some(true));
        let t = "Task       : Checking EWS API Call Under Oauth\nDetail     : The remote server returned an error: (401) Unauthorized.\n             more detail\nResultType : Error\nIdentity   :\n";
        let found = find(t);
        assert!(found[0]
            .get("Detail")
            .is_some_and(|d| d.ends_with("more detail")));
        assert!(find("a : b\nc : d\n").is_empty());
    }

    #[test]
    fn organization_config_is_told_from_a_mailbox() {
        let org = "EwsApplicationAccessPolicy : EnforceBlockList\nEwsAllowList               :\nEwsBlockList               : {OWA/*}\n";
        assert_eq!(find(org)[0].kind, Some(PsKind::OrganizationConfig));
        let mailbox = "SamAccountName             : adam\nEwsApplicationAccessPolicy : EnforceBlockList\nEwsEnabled                 : True\n";
        assert!(find(mailbox).is_empty());
    }
}
