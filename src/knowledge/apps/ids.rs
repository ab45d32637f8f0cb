//! The application and tenant ids that explanations and correlations name directly; each is a row
//! of `APPS`, which a test checks.

/// Azure Access Control Service, the issuer principal of S2S tokens.
pub const ACS: &str = "00000001-0000-0000-c000-000000000000";
/// Office 365 Exchange Online, also on-premises Exchange's own principal.
pub const EXCHANGE: &str = "00000002-0000-0ff1-ce00-000000000000";
/// Microsoft Graph.
pub const GRAPH: &str = "00000003-0000-0000-c000-000000000000";
/// Office 365 SharePoint Online.
pub const SHAREPOINT: &str = "00000003-0000-0ff1-ce00-000000000000";
/// The consumer (Microsoft account) tenant.
pub const MSA_TENANT: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";
/// Microsoft Exchange Online Remote PowerShell (public client).
pub const EXO_REMOTE_POWERSHELL: &str = "a0c73c16-a7e3-4564-9a95-2bdf47383716";
/// The Exchange Online PowerShell client id a third-party tool names.
pub const EXO_POWERSHELL_COMMUNITY: &str = "fb78d390-0c51-40cd-8e17-fdbfab77341b";
