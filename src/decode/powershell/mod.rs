//! Records: PowerShell output (`Format-List` blocks and `Format-Table` rows) read into generic
//! `PsObject`s, the object type named by the cmdlet line before it or identified by its property
//! names through `knowledge::ps_objects`, and typed views per cmdlet (`views`).

mod list;
mod table;
pub mod views;

use crate::knowledge::ps_objects::{self, PsType};
use crate::report::Span;

/// One `Name : value` property (or table cell), continuation lines joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsProperty {
    pub name: String,
    pub value: String,
    /// True when PowerShell cut the value (it ends with `...` or `…`).
    pub cut: bool,
    pub span: Span,
}

impl PsProperty {
    /// A property whose value is trimmed and marked cut when it ends with an ellipsis.
    pub(crate) fn new(name: &str, value: &str, span: Span) -> Self {
        let value = value.trim();
        PsProperty {
            name: name.to_string(),
            value: value.to_string(),
            cut: is_cut(value),
            span,
        }
    }
}

/// True when PowerShell cut a value: it ends with `...` or `…`, also inside a list's `}`.
pub(crate) fn is_cut(value: &str) -> bool {
    let v = value.trim_end().trim_end_matches('}');
    v.ends_with("...") || v.ends_with('…')
}

/// How the object was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PsLayout {
    List,
    Table,
}

/// One object: a Format-List block or one row of a Format-Table, and its object type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsObject {
    pub ty: Option<&'static PsType>,
    /// The cmdlet named on the command line printed before the object, if any.
    pub cmdlet: Option<String>,
    pub layout: PsLayout,
    pub properties: Vec<PsProperty>,
    pub span: Span,
}

impl PsObject {
    /// The value of the property `name` (any case), if the object has it.
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
        self.get(name).map(list_items).unwrap_or_default()
    }

    /// `Name`, else `Identity`, else `DisplayName`, else "".
    pub fn name(&self) -> &str {
        ["Name", "Identity", "DisplayName"]
            .iter()
            .find_map(|n| self.get(n).filter(|v| !v.is_empty()))
            .unwrap_or("")
    }

    /// The cmdlet whose output this is: the command line's, else the object type's.
    pub fn cmdlet_name(&self) -> &str {
        match (self.cmdlet.as_deref(), self.ty) {
            (Some(c), Some(t)) if t.shown_by(c) => c,
            (_, Some(t)) => t.cmdlet,
            (Some(c), None) => c,
            (None, None) => "",
        }
    }
}

/// Every Format-List block and Format-Table row of a known object type in `text`.
pub fn find(text: &str) -> Vec<PsObject> {
    let mut out: Vec<PsObject> = list::blocks(text);
    out.extend(table::rows(text));
    out.sort_by_key(|o| o.span.start);
    for o in &mut out {
        o.ty = type_of(o);
    }
    out.retain(|o| o.ty.is_some());
    out
}

/// The object type: the one the cmdlet line names when it has no identifying names or its
/// property names fit it too, else the one the property names identify (`Get-MgApplication |
/// Select -Expand KeyCredentials` prints key credentials).
fn type_of(o: &PsObject) -> Option<&'static PsType> {
    let value = |n: &str| o.get(n);
    let by_names = ps_objects::identify(value);
    let by_line = o.cmdlet.as_deref().and_then(ps_objects::by_cmdlet);
    match by_line {
        Some(line)
            if by_names.is_none()
                || line.identify.is_empty()
                || ps_objects::score(line, &value) > 0 =>
        {
            Some(line)
        }
        _ => by_names,
    }
}

/// The cmdlet a line runs, when it is a command line: an optional prompt (`PS C:\>`,
/// `[PS] C:\Windows\system32>`), then `Verb-Noun` as the first word.
pub(crate) fn command_of(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    if rest.starts_with("PS ") || rest.starts_with("[PS]") || rest.starts_with("PS>") {
        let gt = rest.find('>')?;
        rest = rest.get(gt + 1..)?.trim_start();
    }
    let word = rest
        .split(|c: char| c.is_whitespace() || c == '|' || c == '(')
        .next()?;
    let (verb, noun) = word.split_once('-')?;
    let ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic());
    let verb_ok = ok(verb) && verb.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    (verb_ok && ok(noun) && noun.len() > 2).then_some(word)
}

/// The items of a `{a, b…}` list.
fn list_items(v: &str) -> Vec<String> {
    v.trim_matches(['{', '}'])
        .split(',')
        .map(|s| s.trim().trim_end_matches(['…', '.']).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmdlet(t: &str) -> Vec<&'static str> {
        find(t)
            .iter()
            .map(|o| o.ty.map_or("", |t| t.cmdlet))
            .collect()
    }

    #[test]
    fn format_list_blocks_with_continuations_and_lists() {
        let t = "Enabled                             : True\nApplicationIdentifier               : 00000003-0000-0000-c000-000000000000\nAppOnlyPermissions                  :\nActAsPermissions                    : {Mail.Read, Mail.Write…}\nName                                : Microsoft Graph\n";
        let found = find(t);
        assert_eq!(found.len(), 1);
        assert_eq!(cmdlet(t), ["Get-PartnerApplication"]);
        assert_eq!(
            found[0].list("ActAsPermissions"),
            ["Mail.Read", "Mail.Write"]
        );
        assert!(found[0].properties[3].cut);
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
        assert_eq!(cmdlet(org), ["Get-OrganizationConfig"]);
        let mailbox = "SamAccountName             : adam\nEwsApplicationAccessPolicy : EnforceBlockList\nEwsEnabled                 : True\n";
        assert_eq!(cmdlet(mailbox), ["Get-CASMailbox"]);
    }

    #[test]
    fn the_command_line_names_the_object() {
        assert_eq!(
            command_of("[PS] C:\\Windows\\system32>Get-ExchangeServer | fl"),
            Some("Get-ExchangeServer")
        );
        assert_eq!(
            command_of("PS C:\\> Test-OrganizationRelationship -Identity x"),
            Some("Test-OrganizationRelationship")
        );
        assert_eq!(
            command_of("Get-IntraOrganizationConnector |fl (online)"),
            Some("Get-IntraOrganizationConnector")
        );
        assert_eq!(command_of("Status : Error"), None);
        assert_eq!(command_of("x-ms-diagnostics: 2000001"), None);
        let t = "PS C:\\> Test-OrganizationRelationship -UserIdentity a@contoso.com -Identity Fabrikam\n\nRunspaceId  : 1\nStatus      : Error\nDescription : The remote organization could not be reached.\n";
        let found = find(t);
        assert_eq!(cmdlet(t), ["Test-OrganizationRelationship"]);
        assert_eq!(found[0].cmdlet_name(), "Test-OrganizationRelationship");
    }
}
