//! Sources: every public page tokenlens cites, declared once and referred to by name.
//!
//! Tables and explanations name a source by its constant here; `ALL` lists them so that a test can
//! check that every link is https and that no page is declared twice.

mod github;
pub use github::*;

pub const ACCESS_TOKENS_ACCESS_TOKEN_PROFILES: &str =
    "https://auth0.com/docs/secure/tokens/access-tokens/access-token-profiles";
pub const ACTIVE_DIRECTORY_B2C_CONFIGURE_TOKENS: &str =
    "https://learn.microsoft.com/en-us/azure/active-directory-b2c/configure-tokens";
pub const ACTIVE_DIRECTORY_B2C_TOKENS_OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/azure/active-directory-b2c/tokens-overview";
pub const ADMINISTRATION_EXCHANGE_OAUTH_AUTHENTICATION_COULD_NOT_FIND: &str = "https://learn.microsoft.com/en-us/exchange/troubleshoot/administration/exchange-oauth-authentication-could-not-find-the-authorization";
pub const API_ACCESS_API: &str =
    "https://learn.microsoft.com/en-us/azure/azure-monitor/logs/api/access-api";
pub const API_POWER_BI: &str = "https://learn.microsoft.com/en-us/rest/api/power-bi/";
pub const AUTHENTICATION_TAB_SSO_REGISTER_AAD: &str = "https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad";
pub const AZURE_AUTHENTICATE_AZURE_CLI: &str =
    "https://learn.microsoft.com/en-us/cli/azure/authenticate-azure-cli";
pub const AZURE_PORTAL_CAPTURE_BROWSER_TRACE: &str =
    "https://learn.microsoft.com/en-us/azure/azure-portal/capture-browser-trace";
pub const BLOBS_AUTHORIZE_ACCESS_AZURE_ACTIVE_DIRECTORY: &str =
    "https://learn.microsoft.com/en-us/azure/storage/blobs/authorize-access-azure-active-directory";
pub const CABFORUM_RESOURCES_OBJECT_REGISTRY: &str =
    "https://cabforum.org/resources/object-registry/";
pub const CALENDARING_RESOLVE_FREE_BUSY_ERRORS: &str =
    "https://learn.microsoft.com/en-us/outlook/troubleshoot/calendaring/resolve-free-busy-errors";
pub const CLIENT_ACCESS_CLIENT_ACCESS: &str =
    "https://learn.microsoft.com/en-us/exchange/architecture/client-access/client-access";
pub const CONDITIONAL_ACCESS_CONCEPT_CONTINUOUS_ACCESS_EVALUATION: &str = "https://learn.microsoft.com/en-us/entra/identity/conditional-access/concept-continuous-access-evaluation";
pub const DATABASE_AUTHENTICATION_AAD_OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-aad-overview";
pub const DEBUG_SYSTEM_ERROR_CODES_0_499: &str =
    "https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--0-499-";
pub const DEBUG_SYSTEM_ERROR_CODES_1000_1299: &str =
    "https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--1000-1299-";
pub const DEBUG_SYSTEM_ERROR_CODES_1300_1699: &str =
    "https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--1300-1699-";
pub const DEBUG_SYSTEM_ERROR_CODES_1700_3999: &str =
    "https://learn.microsoft.com/en-us/windows/win32/debug/system-error-codes--1700-3999-";
pub const DEVELOP_QUICK_FILE_LIST_LABELS_CPP: &str =
    "https://learn.microsoft.com/en-us/information-protection/develop/quick-file-list-labels-cpp";
pub const DOC_RFC3279_SECTION_2_2: &str =
    "https://datatracker.ietf.org/doc/html/rfc3279#section-2.2";
pub const DOC_RFC4055_SECTION_5: &str = "https://datatracker.ietf.org/doc/html/rfc4055#section-5";
pub const DOC_RFC4556_SECTION_3_2_4: &str =
    "https://datatracker.ietf.org/doc/html/rfc4556#section-3.2.4";
pub const DOC_RFC4945_SECTION_5_1_3_12: &str =
    "https://datatracker.ietf.org/doc/html/rfc4945#section-5.1.3.12";
pub const DOC_RFC5280_SECTION_4_2: &str =
    "https://datatracker.ietf.org/doc/html/rfc5280#section-4.2";
pub const DOC_RFC5480_SECTION_2_1_1_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc5480#section-2.1.1.1";
pub const DOC_RFC5754_SECTION_2: &str = "https://datatracker.ietf.org/doc/html/rfc5754#section-2";
pub const DOC_RFC5758_SECTION_3_2: &str =
    "https://datatracker.ietf.org/doc/html/rfc5758#section-3.2";
pub const DOC_RFC6749_SECTION_4_1_2_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1";
pub const DOC_RFC6749_SECTION_4_3_2: &str =
    "https://datatracker.ietf.org/doc/html/rfc6749#section-4.3.2";
pub const DOC_RFC6749_SECTION_5_2: &str =
    "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";
pub const DOC_RFC6750_SECTION_3_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc6750#section-3.1";
pub const DOC_RFC7292_APPENDIX_C: &str = "https://datatracker.ietf.org/doc/html/rfc7292#appendix-C";
pub const DOC_RFC7292_SECTION_4_2: &str =
    "https://datatracker.ietf.org/doc/html/rfc7292#section-4.2";
pub const DOC_RFC7515_SECTION_4_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc7515#section-4.1";
pub const DOC_RFC7516_SECTION_4_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc7516#section-4.1";
pub const DOC_RFC7517_SECTION_4: &str = "https://datatracker.ietf.org/doc/html/rfc7517#section-4";
pub const DOC_RFC7518_SECTION_4: &str = "https://datatracker.ietf.org/doc/html/rfc7518#section-4";
pub const DOC_RFC7518_SECTION_6_2_1_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc7518#section-6.2.1.1";
pub const DOC_RFC7515_SECTION_7_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc7515#section-7.1";
pub const DOC_RFC7519_SECTION_2: &str = "https://datatracker.ietf.org/doc/html/rfc7519#section-2";
pub const DOC_RFC7519_SECTION_4_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc7519#section-4.1";
pub const DOC_RFC7800_SECTION_3_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc7800#section-3.1";
pub const DOC_RFC8018_APPENDIX_C: &str = "https://datatracker.ietf.org/doc/html/rfc8018#appendix-C";
pub const DOC_RFC8176_SECTION_2: &str = "https://datatracker.ietf.org/doc/html/rfc8176#section-2";
pub const DOC_RFC8410_SECTION_3: &str = "https://datatracker.ietf.org/doc/html/rfc8410#section-3";
pub const DOC_RFC8628_SECTION_3_5: &str =
    "https://datatracker.ietf.org/doc/html/rfc8628#section-3.5";
pub const DOC_RFC8693_SECTION_4_1: &str =
    "https://datatracker.ietf.org/doc/html/rfc8693#section-4.1";
pub const DOC_RFC8707_SECTION_2: &str = "https://datatracker.ietf.org/doc/html/rfc8707#section-2";
pub const DOC_RFC9068_SECTION_2_2: &str =
    "https://datatracker.ietf.org/doc/html/rfc9068#section-2.2";
pub const DOTNET_API_SECURITYTOKENEXPIREDEXCEPTION: &str = "https://learn.microsoft.com/en-us/dotnet/api/microsoft.identitymodel.tokens.securitytokenexpiredexception";
pub const DOTNET_API_SECURITYTOKENINVALIDAUDIENCEEXCEPTION: &str = "https://learn.microsoft.com/en-us/dotnet/api/microsoft.identitymodel.tokens.securitytokeninvalidaudienceexception";
pub const DOTNET_API_SECURITYTOKENINVALIDISSUEREXCEPTION: &str = "https://learn.microsoft.com/en-us/dotnet/api/microsoft.identitymodel.tokens.securitytokeninvalidissuerexception";
pub const DOTNET_API_SECURITYTOKENINVALIDSIGNATUREEXCEPTION: &str = "https://learn.microsoft.com/en-us/dotnet/api/microsoft.identitymodel.tokens.securitytokeninvalidsignatureexception";
pub const DOTNET_API_SECURITYTOKENNOEXPIRATIONEXCEPTION: &str = "https://learn.microsoft.com/en-us/dotnet/api/microsoft.identitymodel.tokens.securitytokennoexpirationexception";
pub const DOTNET_API_SECURITYTOKENSIGNATUREKEYNOTFOUNDEXCEPTION: &str = "https://learn.microsoft.com/en-us/dotnet/api/microsoft.identitymodel.tokens.securitytokensignaturekeynotfoundexception";
pub const ENTRA_APP_INTEGRATION_IDX10501: &str = "https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/app-integration/idx10501-token-signature-validation-error";
pub const ENTRA_PS_GET_ENTRAAPPLICATION: &str =
    "https://learn.microsoft.com/en-us/powershell/module/microsoft.entra/get-entraapplication";
pub const EXCEPTIONS_MSAL_ERROR_HANDLING: &str =
    "https://learn.microsoft.com/en-us/entra/msal/dotnet/advanced/exceptions/msal-error-handling";
pub const EXCHANGEDEV_BUILDING_DAEMON_OR_SERVICE_APPS_WITH_OFFICE_365: &str = "https://learn.microsoft.com/en-us/archive/blogs/exchangedev/building-daemon-or-service-apps-with-office-365-mail-calendar-and-contacts-apis-oauth2-client-credential-flow";
pub const EXCHANGE_APP_ONLY_AUTH_POWERSHELL_V2: &str =
    "https://learn.microsoft.com/en-us/powershell/exchange/app-only-auth-powershell-v2";
pub const EXCHANGE_CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CO: &str = "https://learn.microsoft.com/en-us/troubleshoot/exchange/client-connectivity/outlook-anywhere-clients-not-connect-to-server";
pub const EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND: &str = "https://learn.microsoft.com/en-us/exchange/configure-oauth-authentication-between-exchange-and-exchange-online-organizations-exchange-2013-help";
pub const EXCHANGE_CONNECT_TO_EXCHANGE_ONLINE_POWERSHELL: &str =
    "https://learn.microsoft.com/en-us/powershell/exchange/connect-to-exchange-online-powershell";
pub const EXCHANGE_ONLINE_ENABLE_OR_DISABLE_MODERN_AUTHENTICATION: &str = "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/enable-or-disable-modern-authentication-in-exchange-online";
pub const EXCHANGE_PS_GET_APPLICATIONACCESSPOLICY: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-applicationaccesspolicy";
pub const EXCHANGE_PS_GET_AUTHCONFIG: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-authconfig";
pub const EXCHANGE_PS_GET_AUTHSERVER: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-authserver";
pub const EXCHANGE_PS_GET_AUTODISCOVERVIRTUALDIRECTORY: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-autodiscovervirtualdirectory";
pub const EXCHANGE_PS_GET_CASMAILBOX: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-casmailbox";
pub const EXCHANGE_PS_GET_EXCHANGECERTIFICATE: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-exchangecertificate";
pub const EXCHANGE_PS_GET_EXCHANGESERVER: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-exchangeserver";
pub const EXCHANGE_PS_GET_FEDERATEDORGANIZATIONIDENTIFIER: &str = "https://learn.microsoft.com/en-us/powershell/module/exchange/get-federatedorganizationidentifier";
pub const EXCHANGE_PS_GET_FEDERATIONINFORMATION: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-federationinformation";
pub const EXCHANGE_PS_GET_FEDERATIONTRUST: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-federationtrust";
pub const EXCHANGE_PS_GET_HYBRIDCONFIGURATION: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-hybridconfiguration";
pub const EXCHANGE_PS_GET_INTRAORGANIZATIONCONFIGURATION: &str = "https://learn.microsoft.com/en-us/powershell/module/exchange/get-intraorganizationconfiguration";
pub const EXCHANGE_PS_GET_INTRAORGANIZATIONCONNECTOR: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-intraorganizationconnector";
pub const EXCHANGE_PS_GET_MAILBOXFOLDERPERMISSION: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-mailboxfolderpermission";
pub const EXCHANGE_PS_GET_ORGANIZATIONCONFIG: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-organizationconfig";
pub const EXCHANGE_PS_GET_ORGANIZATIONRELATIONSHIP: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-organizationrelationship";
pub const EXCHANGE_PS_GET_PARTNERAPPLICATION: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-partnerapplication";
pub const EXCHANGE_PS_GET_WEBSERVICESVIRTUALDIRECTORY: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/get-webservicesvirtualdirectory";
pub const EXCHANGE_PS_NEW_APPLICATIONACCESSPOLICY: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/new-applicationaccesspolicy";
pub const EXCHANGE_PS_SET_AUTHCONFIG: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/set-authconfig";
pub const EXCHANGE_PS_SET_ORGANIZATIONCONFIG: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/set-organizationconfig";
pub const EXCHANGE_PS_TEST_APPLICATIONACCESSPOLICY: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/test-applicationaccesspolicy";
pub const EXCHANGE_PS_TEST_FEDERATIONTRUST: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/test-federationtrust";
pub const EXCHANGE_PS_TEST_MIGRATIONSERVERAVAILABILITY: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/test-migrationserveravailability";
pub const EXCHANGE_PS_TEST_OAUTHCONNECTIVITY: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/test-oauthconnectivity";
pub const EXCHANGE_PS_TEST_ORGANIZATIONRELATIONSHIP: &str =
    "https://learn.microsoft.com/en-us/powershell/module/exchange/test-organizationrelationship";
pub const EXCHANGE_PS_TEST_SERVICEPRINCIPALAUTHORIZATION: &str = "https://learn.microsoft.com/en-us/powershell/module/exchange/test-serviceprincipalauthorization";
pub const EXCHANGE_WEB_SERVICES_EWS_THROTTLING_IN_EXCHANGE: &str = "https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange";
pub const EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION: &str = "https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/how-to-authenticate-an-ews-application-by-using-oauth";
pub const EXCHANGE_WEB_SERVICES_HOW_TO_CONTROL_ACCESS_TO_EWS: &str = "https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/how-to-control-access-to-ews-in-exchange";
pub const EXCHANGE_WEB_SERVICES_IMPERSONATION_AND_EWS_IN_EXCHANGE: &str = "https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/impersonation-and-ews-in-exchange";
pub const EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS: &str = "https://learn.microsoft.com/en-us/exchange/client-developer/exchange-web-services/instrumenting-client-requests-for-ews-and-rest-in-exchange";
pub const EXTERNAL_ID_CUSTOMERS_OVERVIEW_CUSTOMERS_CIAM: &str =
    "https://learn.microsoft.com/en-us/entra/external-id/customers/overview-customers-ciam";
pub const GENERAL_AUTHENTICATION: &str =
    "https://learn.microsoft.com/en-us/azure/key-vault/general/authentication";
pub const GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS: &str = "https://learn.microsoft.com/en-us/sharepoint/dev/general-development/sharepoint-response-headers";
pub const GENERAL_RBAC_GUIDE: &str =
    "https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-guide";
pub const GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS: &str = "https://learn.microsoft.com/en-us/entra/global-secure-access/how-to-universal-tenant-restrictions";
pub const GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN: &str = "https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in";
pub const GRAPH_AUTH_LIMIT_MAILBOX_ACCESS: &str =
    "https://learn.microsoft.com/en-us/graph/auth-limit-mailbox-access";
pub const GRAPH_DEPLOYMENTS: &str = "https://learn.microsoft.com/en-us/graph/deployments";
pub const GRAPH_ERRORS: &str = "https://learn.microsoft.com/en-us/graph/errors";
pub const GRAPH_MIGRATE_AZURE_AD_GRAPH_OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/graph/migrate-azure-ad-graph-overview";
pub const GRAPH_PERMISSIONS_REFERENCE: &str =
    "https://learn.microsoft.com/en-us/graph/permissions-reference";
pub const GRAPH_PS_GET_MGAPPLICATION: &str = "https://learn.microsoft.com/en-us/powershell/module/microsoft.graph.applications/get-mgapplication";
pub const GRAPH_PS_GET_MGSERVICEPRINCIPAL: &str = "https://learn.microsoft.com/en-us/powershell/module/microsoft.graph.applications/get-mgserviceprincipal";
pub const GRAPH_RESOLVE_AUTH_ERRORS: &str =
    "https://learn.microsoft.com/en-us/graph/resolve-auth-errors";
pub const GRAPH_TEAMS_CONCEPT_OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/graph/teams-concept-overview";
pub const GRAPH_THROTTLING: &str = "https://learn.microsoft.com/en-us/graph/throttling";
pub const GUIDES_OVERVIEW: &str =
    "https://developer.okta.com/docs/api/openapi/okta-oauth/guides/overview/";
pub const HAR_OVERVIEW: &str = "https://w3c.github.io/web-performance/specs/HAR/Overview.html";
pub const HTTP_HEADERS: &str = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers";
pub const HTTP_W3C_LOGGING: &str =
    "https://learn.microsoft.com/en-us/windows/win32/http/w3c-logging";
pub const HYBRID_DEPLOYMENT_HYBRID_DEPLOYMENT_PREREQUISITES: &str =
    "https://learn.microsoft.com/en-us/exchange/hybrid-deployment/hybrid-deployment-prerequisites";
pub const IDENTITY_PLATFORM_ACCESS_TOKENS: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens";
pub const IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference";
pub const IDENTITY_PLATFORM_APP_RESILIENCE_CONTINUOUS_ACCESS_EVALUATIO: &str = "https://learn.microsoft.com/en-us/entra/identity-platform/app-resilience-continuous-access-evaluation";
pub const IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/authentication-national-cloud";
pub const IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials";
pub const IDENTITY_PLATFORM_CLAIMS_CHALLENGE: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/claims-challenge";
pub const IDENTITY_PLATFORM_CONFIGURABLE_TOKEN_LIFETIMES: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/configurable-token-lifetimes";
pub const IDENTITY_PLATFORM_ID_TOKEN_CLAIMS_REFERENCE: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference";
pub const IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/optional-claims-reference";
pub const IDENTITY_PLATFORM_QUICKSTART_CONFIGURE_APP_EXPOSE_WEB_APIS: &str = "https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-configure-app-expose-web-apis";
pub const IDENTITY_PLATFORM_REFERENCE_ERROR_CODES: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes";
pub const IDENTITY_PLATFORM_REFERENCE_MICROSOFT_GRAPH_APP_MANIFEST_KEY: &str = "https://learn.microsoft.com/en-us/entra/identity-platform/reference-microsoft-graph-app-manifest#keycredentials-attribute";
pub const IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/reference-saml-tokens";
pub const IDENTITY_PLATFORM_SCOPES_OIDC: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc";
pub const IDENTITY_PLATFORM_V2_OAUTH2_CLIENT_CREDS_GRANT_FLOW: &str =
    "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow";
pub const IDENTITY_PLATFORM_V2_PROTOCOLS_OIDC_FIND_YOUR_APPS_OPENID_CO: &str = "https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri";
pub const KEY_VAULT_REST_ERROR_CODES: &str =
    "https://learn.microsoft.com/en-us/azure/key-vault/general/rest-error-codes";
pub const LEGACY_PROTOCOLS_HOW_TO_AUTHENTICATE_AN_IMAP_POP_SMTP_APPLIC: &str = "https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth";
pub const LOGS_MANAGE_ACCESS: &str =
    "https://learn.microsoft.com/en-us/azure/azure-monitor/logs/manage-access";
pub const MANAGED_IDENTITIES_AZURE_RESOURCES_HOW_TO_USE_VM_TOKEN: &str = "https://learn.microsoft.com/en-us/entra/identity/managed-identities-azure-resources/how-to-use-vm-token";
pub const MANAGED_IDENTITIES_AZURE_RESOURCES_OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/entra/identity/managed-identities-azure-resources/overview";
pub const MANAGEMENT_OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/overview";
pub const MICROSOFTGRAPH_AUTHENTICATION_COMMANDS: &str =
    "https://learn.microsoft.com/en-us/powershell/microsoftgraph/authentication-commands";
pub const MICROSOFT_POWERSHELL_UTILITY_INVOKE_RESTMETHOD: &str = "https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.utility/invoke-restmethod";
pub const MONITORING_HEALTH_CONCEPT_SIGN_INS: &str =
    "https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-sign-ins";
pub const MS_NLMP_B38C36ED_2804_4868_A9FF_8DD3182128E4: &str = "https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-nlmp/b38c36ed-2804-4868-a9ff-8dd3182128e4";
pub const NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES: &str =
    "https://learn.microsoft.com/en-us/exchange/new-features/build-numbers-and-release-dates";
pub const OFFICE_365_MANAGEMENT_API_GET_STARTED_WITH_OFFICE_365_MANAGE: &str = "https://learn.microsoft.com/en-us/office/office-365-management-api/get-started-with-office-365-management-apis";
pub const OPENID_CONNECT_OPENID_CONNECT: &str =
    "https://developers.google.com/identity/openid-connect/openid-connect";
pub const OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS: &str =
    "https://learn.microsoft.com/en-us/troubleshoot/outlook/calendaring/resolve-free-busy-errors";
pub const OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH: &str = "https://learn.microsoft.com/en-us/exchange/clients/outlook-for-ios-and-android/use-hybrid-modern-auth";
pub const OUTLOOK_INSIDE_THE_IDENTITY_TOKEN: &str =
    "https://learn.microsoft.com/en-us/office/dev/add-ins/outlook/inside-the-identity-token";
pub const OVERVIEW_AD_FS_OPENID_CONNECT_OAUTH_CONCEPTS: &str = "https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/overview/ad-fs-openid-connect-oauth-concepts";
pub const PERMISSIONS_EXO_APPLICATION_RBAC: &str =
    "https://learn.microsoft.com/en-us/exchange/permissions-exo/application-rbac";
pub const RESOURCES_KEYCREDENTIAL: &str =
    "https://learn.microsoft.com/en-us/graph/api/resources/keycredential";
pub const RESOURCES_PASSWORDCREDENTIAL: &str =
    "https://learn.microsoft.com/en-us/graph/api/resources/passwordcredential";
pub const AZUREAD_PS_GET_AZUREADAPPLICATIONKEYCREDENTIAL: &str = "https://learn.microsoft.com/en-us/powershell/module/azuread/get-azureadapplicationkeycredential";
pub const FREE_BUSY_TROUBLESHOOT_HYBRID: &str = "https://learn.microsoft.com/en-us/troubleshoot/exchange/calendars/troubleshoot-freebusy-issues-in-exchange-hybrid";
pub const RFC_RFC4178: &str = "https://www.rfc-editor.org/rfc/rfc4178";
pub const RFC_RFC6750_SECTION_3_1: &str = "https://www.rfc-editor.org/rfc/rfc6750#section-3.1";
pub const RFC_RFC7617: &str = "https://www.rfc-editor.org/rfc/rfc7617";
pub const RFC_RFC9110_SECTION_11_6_1: &str =
    "https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1";
pub const RJRJ_IIS_401_2_ZH_CN: &str = "https://rjrj.net/riji/Kty5.html";
pub const ROLE_BASED_ACCESS_CONTROL_OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/azure/role-based-access-control/overview";
pub const ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE: &str = "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference";
pub const SECAUTHN_SSPI_STATUS_CODES: &str =
    "https://learn.microsoft.com/en-us/windows/win32/secauthn/sspi-status-codes";
pub const SECG_SEC2_V2_PDF: &str = "https://www.secg.org/sec2-v2.pdf";
pub const SECURITY_HARDENING_YOUR_DEPLOYMENTS_ABOUT_SECURITY_HARDENING: &str = "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect";
pub const SKYPE_SDK_UCWA_AUTHENTICATIONINUCWA: &str =
    "https://learn.microsoft.com/en-us/skype-sdk/ucwa/authenticationinucwa";
pub const SPECS_OPENID_CONNECT_CORE_1_0_AUTHREQUEST: &str =
    "https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest";
pub const SPECS_OPENID_CONNECT_CORE_1_0_AUTHERROR: &str =
    "https://openid.net/specs/openid-connect-core-1_0.html#AuthError";
pub const SPECS_OPENID_CONNECT_CORE_1_0_HYBRIDIDTOKEN: &str =
    "https://openid.net/specs/openid-connect-core-1_0.html#HybridIDToken";
pub const SPECS_OPENID_CONNECT_CORE_1_0_IDTOKEN: &str =
    "https://openid.net/specs/openid-connect-core-1_0.html#IDToken";
pub const SPECS_OPENID_CONNECT_CORE_1_0_STANDARDCLAIMS: &str =
    "https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims";
pub const SP_ADD_INS_CREATE_AND_USE_ACCESS_TOKENS_IN_PROVIDER_HOSTED_H: &str = "https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/create-and-use-access-tokens-in-provider-hosted-high-trust-sharepoint-add-ins";
pub const SP_ADD_INS_CREATING_SHAREPOINT_ADD_INS_THAT_USE_HIGH_TRUST: &str = "https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/creating-sharepoint-add-ins-that-use-high-trust";
pub const SP_ADD_INS_HANDLE_SECURITY_TOKENS_IN_PROVIDER_HOSTED_LOW_TRU: &str = "https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/handle-security-tokens-in-provider-hosted-low-trust-sharepoint-add-ins";
pub const SP_ADD_INS_RETIREMENT_ANNOUNCEMENT_FOR_AZURE_ACS: &str = "https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/retirement-announcement-for-azure-acs";
pub const STORAGESERVICES_AUTHORIZE_WITH_AZURE_ACTIVE_DIRECTORY: &str = "https://learn.microsoft.com/en-us/rest/api/storageservices/authorize-with-azure-active-directory";
pub const STORAGESERVICES_COMMON_REST_API_ERROR_CODES: &str =
    "https://learn.microsoft.com/en-us/rest/api/storageservices/common-rest-api-error-codes";
pub const STORAGESERVICES_COMMON_REST_API_ERROR_CODES_NL_NL: &str =
    "https://learn.microsoft.com/nl-nl/rest/api/storageservices/common-rest-api-error-codes";
pub const STORAGESERVICES_COMMON_REST_API_ERROR_CODES_PT_BR: &str =
    "https://learn.microsoft.com/pt-br/rest/api/storageservices/common-rest-api-error-codes";
pub const SUPPORT_KB_871179_JA: &str = "https://support.microsoft.com/kb/871179/ja";
pub const S_1022693_IIS_LOGS_FLOODED_WITH_401_EWS_REQUESTS_FROM_MAC_OU: &str = "https://learn.microsoft.com/en-us/answers/questions/1022693/iis-logs-flooded-with-401-ews-requests-from-mac-ou";
pub const S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID: &str = "https://blog.thenetw.org/2019/05/13/using-client_credentials-with-microsoft-graph-in-hybrid-exchange-setup/";
pub const S_1608048_EWS_OPERATION_ITEM_COPY_FAILS_WITH_FULL_ACCESS_AS: &str = "https://learn.microsoft.com/en-us/answers/questions/1608048/ews-operation-item-copy-fails-with-full-access-as";
pub const S_1629044_TEST_OAUTHCONNECTIVITY_MICROSOFT_EXCHANGE_SECURITY: &str = "https://learn.microsoft.com/en-us/answers/questions/1629044/test-oauthconnectivity-microsoft-exchange-security";
pub const S_1792037_HMA_WITH_ACTIVESYNC_WONT_WORK_WITH_EXCHANGE_SERVER: &str = "https://learn.microsoft.com/en-us/answers/questions/1792037/hma-with-activesync-wont-work-with-exchange-server";
pub const TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO: &str =
    "https://learn.microsoft.com/en-us/troubleshoot/windows-server/identity/object-ids-associated-microsoft-cryptography";
pub const UNICODE_CORE_SPEC_FORMAT_CHARACTERS: &str =
    "https://www.unicode.org/versions/latest/core-spec/chapter-23/";
pub const UNICODE_REPORTS_TR9: &str = "https://www.unicode.org/reports/tr9/";
pub const USING_FAILED_REQUEST_TRACING_TROUBLESHOOTING_FAILED_REQUESTS: &str = "https://learn.microsoft.com/en-us/iis/troubleshoot/using-failed-request-tracing/troubleshooting-failed-requests-using-tracing-in-iis";
pub const VULNERABILITY_CVE_2023_29357: &str =
    "https://msrc.microsoft.com/update-guide/vulnerability/CVE-2023-29357";
pub const WEB_SERVICE_REFERENCE_RESPONSECODE: &str = "https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsecode";
pub const WEBHOSTGETVERSION_FUNCTION: &str = "https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/webhostgetversion-function";
pub const WIKI_LIST_OF_HTTP_STATUS_CODES: &str =
    "https://en.wikipedia.org/wiki/List_of_HTTP_status_codes";
pub const WORKLOAD_ID_WORKLOAD_IDENTITY_FEDERATION: &str =
    "https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation";
pub const WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE: &str = "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/www-administration-management/http-status-code";

pub const APPLE_FORUM_ACTIVESYNC_IOS_11: &str = "https://forums.developer.apple.com/thread/99522";
pub const EDGE_USER_AGENT_STRING: &str =
    "https://learn.microsoft.com/en-us/microsoft-edge/web-platform/user-agent-string";
pub const EDGE_HOW_TO_DETECT_WIN11: &str =
    "https://learn.microsoft.com/en-us/microsoft-edge/web-platform/how-to-detect-win11";
pub const EXOVOICE_FREEBUSY_TROUBLESHOOTING: &str =
    "https://learn.microsoft.com/en-us/archive/blogs/exovoice/freebusy-troubleshooting";
pub const POWERSHELL_INVOKE_WEBREQUEST: &str =
    "https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.utility/invoke-webrequest";
pub const DATAVERSE_WEBAPI_HANDLE_ERRORS: &str =
    "https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors";
pub const IIS_HTTP_DETAILED_ERRORS: &str =
    "https://learn.microsoft.com/en-us/iis/troubleshoot/diagnosing-http-errors/how-to-use-http-detailed-errors-in-iis";
pub const RFC_RFC9110_SECTION_15: &str = "https://www.rfc-editor.org/rfc/rfc9110#section-15";
pub const SP_REST_BASIC_OPERATIONS: &str =
    "https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/complete-basic-operations-using-sharepoint-rest-endpoints";

/// The Japanese and Portuguese Azure Media Services articles that quote the translated .NET 401
/// exception (found through GitHub code search by the quoted text).
pub const AXIOS_HANDLING_ERRORS: &str = "https://axios-http.com/docs/handling_errors";
pub const DOTNET_ENSURE_SUCCESS_STATUS_CODE: &str = "https://learn.microsoft.com/en-us/dotnet/api/system.net.http.httpresponsemessage.ensuresuccessstatuscode";
pub const DOTNET_WEB_EXCEPTION: &str =
    "https://learn.microsoft.com/en-us/dotnet/api/system.net.webexception";
pub const DOTNET_SOAP_HTTP_CLIENT_PROTOCOL: &str = "https://learn.microsoft.com/en-us/dotnet/api/system.web.services.protocols.soaphttpclientprotocol";
pub const WINSOCK_ERROR_CODES: &str =
    "https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2";
pub const DOTNET_TLS_BEST_PRACTICES: &str =
    "https://learn.microsoft.com/en-us/dotnet/framework/network-programming/tls";
pub const UNICODE_BLOCKS: &str = "https://www.unicode.org/Public/UCD/latest/ucd/Blocks.txt";
pub const SNOWBALL_ENGLISH_STOP: &str = "https://snowballstem.org/algorithms/english/stop.txt";
pub const SNOWBALL_GERMAN_STOP: &str = "https://snowballstem.org/algorithms/german/stop.txt";
pub const SNOWBALL_FRENCH_STOP: &str = "https://snowballstem.org/algorithms/french/stop.txt";
pub const SNOWBALL_SPANISH_STOP: &str = "https://snowballstem.org/algorithms/spanish/stop.txt";
pub const SNOWBALL_PORTUGUESE_STOP: &str =
    "https://snowballstem.org/algorithms/portuguese/stop.txt";
pub const SNOWBALL_ITALIAN_STOP: &str = "https://snowballstem.org/algorithms/italian/stop.txt";
pub const SNOWBALL_DUTCH_STOP: &str = "https://snowballstem.org/algorithms/dutch/stop.txt";
pub const IIS_REQUEST_PROCESSING_CONSTANTS: &str = "https://learn.microsoft.com/en-us/iis/web-development-reference/native-code-api-reference/request-processing-constants";
pub const IIS_MODULES_OVERVIEW: &str =
    "https://learn.microsoft.com/en-us/iis/get-started/introduction-to-iis/iis-modules-overview";
pub const IIS_HTTP_ERROR_500_19: &str = "https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/health-diagnostic-performance/http-error-500-19-webpage";
pub const ASPNETCORE_IIS_ERRORS_DE_DE: &str =
    "https://learn.microsoft.com/de-de/aspnet/core/host-and-deploy/azure-iis-errors-reference";
pub const ASPNETCORE_IIS_ERRORS_JA_JP: &str =
    "https://learn.microsoft.com/ja-jp/aspnet/core/host-and-deploy/azure-iis-errors-reference";

pub const EWS_DELETEFOLDER_OPERATION: &str = "https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/deletefolder-operation";
pub const MSAL_NET_SIGNED_ASSERTION: &str = "https://aka.ms/msal-net-signed-assertion";

pub const SUPPORT_KB_2928514_JA: &str = "https://support.microsoft.com/ja-jp/kb/2928514";
pub const EXCHANGE_TEAM_BLOG_KEEP_FEDERATION_TRUST_UP_TO_DATE: &str = "https://techcommunity.microsoft.com/t5/exchange-team-blog/keep-your-federation-trust-up-to-date/ba-p/2088788";
pub const TECHNET_WIKI_TEST_FEDERATIONTRUST_FEDERATIONMETADATA: &str = "https://learn.microsoft.com/en-us/archive/technet-wiki/36975.exchange-2010-troubleshooting-test-federationtrust-failure-error-federationmetadata";

pub const QNA_2184984_EXCHANGE_2019_EWS_MRSPROXY_403: &str = "https://learn.microsoft.com/en-us/answers/questions/2184984/exchange-2019-to-exchange-online-ews-wont-connect";
pub const BIZTALK_WCF_401_NEGOTIATE_NTLM: &str =
    "https://cnblogs.com/upzone/archive/2010/12/10/1902673.html";

pub const EXCHANGE_TEAM_BLOG_EWS_YOUR_TIME_IS_ALMOST_UP: &str = "https://techcommunity.microsoft.com/blog/exchange/exchange-online-ews-your-time-is-almost-up/4492361";

pub const EXCHANGE_TEAM_BLOG_BASIC_AUTH_DEPRECATION_TIMES_UP: &str = "https://techcommunity.microsoft.com/t5/exchange-team-blog/basic-authentication-deprecation-in-exchange-online-time-s-up/ba-p/3695312";

/// Every source, for the table test.
pub const ALL: &[&str] = &[
    EXCHANGE_TEAM_BLOG_BASIC_AUTH_DEPRECATION_TIMES_UP,
    EXCHANGE_TEAM_BLOG_EWS_YOUR_TIME_IS_ALMOST_UP,
    WCF_NEGOTIATE_NTLM_GIST,
    QNA_2184984_EXCHANGE_2019_EWS_MRSPROXY_403,
    BIZTALK_WCF_401_NEGOTIATE_NTLM,
    SUPPORT_KB_2928514_JA,
    EXCHANGE_TEAM_BLOG_KEEP_FEDERATION_TRUST_UP_TO_DATE,
    TECHNET_WIKI_TEST_FEDERATIONTRUST_FEDERATIONMETADATA,
    EWS_MANAGED_API_ISSUES_223,
    EXCHANGELIB_ISSUES_968,
    EXCHANGELIB_ISSUES_1296,
    EXCHANGELIB_ISSUES_279,
    DAVMAIL_ISSUES_161,
    EWS_DELETEFOLDER_OPERATION,
    PHP_EWS_ISSUES_63,
    EWS_STREAMING_NOTIFICATION_SAMPLE,
    NODEJS_CONNECT_REST_SAMPLE_ISSUES_69,
    COMPANY_COMMUNICATOR_ISSUES_591,
    MSGRAPH_SAMPLE_REACTSPA_ISSUES_54,
    CONSOLE_JAVA_CONNECT_SAMPLE_ISSUES_1,
    E5SUBBOT_ISSUES_39,
    MMM_MICROSOFTTODO_ISSUES_21,
    MICROSOFT_GRAPH_DOCS_ISSUES_6059,
    SUPPORTARTICLES_EWS_APP_POOL_CRASHES,
    MSAL_NET_SIGNED_ASSERTION,
    MIRTH_CONNECT_ISSUES_1125,
    WINSOCK_ERROR_CODES,
    DOTNET_TLS_BEST_PRACTICES,
    AXIOS_HANDLING_ERRORS,
    DOTNET_ENSURE_SUCCESS_STATUS_CODE,
    DOTNET_WEB_EXCEPTION,
    DOTNET_SOAP_HTTP_CLIENT_PROTOCOL,
    AMS_AAD_401_JA,
    AMS_AAD_401_PT,
    UNICODE_BLOCKS,
    SNOWBALL_ENGLISH_STOP,
    SNOWBALL_GERMAN_STOP,
    SNOWBALL_FRENCH_STOP,
    SNOWBALL_SPANISH_STOP,
    SNOWBALL_PORTUGUESE_STOP,
    SNOWBALL_ITALIAN_STOP,
    SNOWBALL_DUTCH_STOP,
    APPLE_FORUM_ACTIVESYNC_IOS_11,
    EDGE_USER_AGENT_STRING,
    EDGE_HOW_TO_DETECT_WIN11,
    EXOVOICE_FREEBUSY_TROUBLESHOOTING,
    POWERSHELL_INVOKE_WEBREQUEST,
    DATAVERSE_WEBAPI_HANDLE_ERRORS,
    IIS_HTTP_DETAILED_ERRORS,
    IIS_REQUEST_PROCESSING_CONSTANTS,
    IIS_MODULES_OVERVIEW,
    IIS_HTTP_ERROR_500_19,
    ASPNETCORE_IIS_ERRORS_DE_DE,
    ASPNETCORE_IIS_ERRORS_JA_JP,
    GITHUB_SEARCH_IIS_401_3_JA,
    MVC5_MIXEDAUTH_ISSUES_32,
    PASSCORE_ISSUES_94,
    IISINTEGRATION_ISSUES_799,
    CYPRESS_NTLM_AUTH_ISSUES_108,
    RESTSHARP_ISSUES_849,
    RFC_RFC9110_SECTION_15,
    SP_REST_BASIC_OPERATIONS,
    AAD_POD_IDENTITY_ISSUES_613,
    OPENSSL_OBJECTS_TXT,
    ACCESS_TOKENS_ACCESS_TOKEN_PROFILES,
    ACTIVE_DIRECTORY_B2C_CONFIGURE_TOKENS,
    ACTIVE_DIRECTORY_B2C_TOKENS_OVERVIEW,
    ADMINISTRATION_EXCHANGE_OAUTH_AUTHENTICATION_COULD_NOT_FIND,
    API_ACCESS_API,
    API_POWER_BI,
    AUTHENTICATION_TAB_SSO_REGISTER_AAD,
    AUTHENTICATORS_AUTHENTICATIONHELPERS_CS,
    AZUREAD_MICROSOFT_AUTHENTICATION_LIBRARY_FOR_DOTNET,
    AZURESANDBOX_ISSUES_362,
    AZURE_ACTIVEDIRECTORY_IDENTITYMODEL_EXTENSIONS_FOR_DOTNET_WI,
    AZURE_AUTHENTICATE_AZURE_CLI,
    AZURE_CLI_ISSUES_26573,
    AZURE_CLI_ISSUES_30789,
    AZURE_DOCS_ISSUES_75410,
    AZURE_PORTAL_CAPTURE_BROWSER_TRACE,
    AZURE_SDK_FOR_JAVA_ISSUES_33112,
    AZURE_SDK_FOR_NET_ISSUES_49391,
    BAIDUPANDOWNLOADWINFORM_ISSUES_56,
    BLOBS_AUTHORIZE_ACCESS_AZURE_ACTIVE_DIRECTORY,
    CABFORUM_RESOURCES_OBJECT_REGISTRY,
    CALENDARING_RESOLVE_FREE_BUSY_ERRORS,
    CLIENT_ACCESS_CLIENT_ACCESS,
    CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CONNECT_TO,
    CONDITIONAL_ACCESS_CONCEPT_CONTINUOUS_ACCESS_EVALUATION,
    DAEMON_V2_ISSUES_145,
    DATABASE_AUTHENTICATION_AAD_OVERVIEW,
    DEBUG_SYSTEM_ERROR_CODES_0_499,
    DEBUG_SYSTEM_ERROR_CODES_1000_1299,
    DEBUG_SYSTEM_ERROR_CODES_1300_1699,
    DEBUG_SYSTEM_ERROR_CODES_1700_3999,
    DEVELOP_QUICK_FILE_LIST_LABELS_CPP,
    DOC_RFC3279_SECTION_2_2,
    DOC_RFC4055_SECTION_5,
    DOC_RFC4556_SECTION_3_2_4,
    DOC_RFC4945_SECTION_5_1_3_12,
    DOC_RFC5280_SECTION_4_2,
    DOC_RFC5480_SECTION_2_1_1_1,
    DOC_RFC5754_SECTION_2,
    DOC_RFC5758_SECTION_3_2,
    DOC_RFC6749_SECTION_4_1_2_1,
    DOC_RFC6749_SECTION_4_3_2,
    DOC_RFC6749_SECTION_5_2,
    DOC_RFC6750_SECTION_3_1,
    DOC_RFC7292_APPENDIX_C,
    DOC_RFC7292_SECTION_4_2,
    DOC_RFC7515_SECTION_4_1,
    DOC_RFC7516_SECTION_4_1,
    DOC_RFC7517_SECTION_4,
    DOC_RFC7518_SECTION_4,
    DOC_RFC7518_SECTION_6_2_1_1,
    DOC_RFC7515_SECTION_7_1,
    DOC_RFC7519_SECTION_2,
    DOC_RFC7519_SECTION_4_1,
    DOC_RFC7800_SECTION_3_1,
    DOC_RFC8018_APPENDIX_C,
    DOC_RFC8176_SECTION_2,
    DOC_RFC8410_SECTION_3,
    DOC_RFC8628_SECTION_3_5,
    DOC_RFC8693_SECTION_4_1,
    DOC_RFC8707_SECTION_2,
    DOC_RFC9068_SECTION_2_2,
    DOTNET_API_SECURITYTOKENEXPIREDEXCEPTION,
    DOTNET_API_SECURITYTOKENINVALIDAUDIENCEEXCEPTION,
    DOTNET_API_SECURITYTOKENINVALIDISSUEREXCEPTION,
    DOTNET_API_SECURITYTOKENINVALIDSIGNATUREEXCEPTION,
    DOTNET_API_SECURITYTOKENNOEXPIRATIONEXCEPTION,
    DOTNET_API_SECURITYTOKENSIGNATUREKEYNOTFOUNDEXCEPTION,
    ENTRA_APP_INTEGRATION_IDX10501,
    ENTRA_PS_GET_ENTRAAPPLICATION,
    EXCEPTIONS_MSAL_ERROR_HANDLING,
    EXCHANGEDEV_BUILDING_DAEMON_OR_SERVICE_APPS_WITH_OFFICE_365,
    EXCHANGELIB_ISSUES_1060,
    EXCHANGE_APP_ONLY_AUTH_POWERSHELL_V2,
    EXCHANGE_CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CO,
    EXCHANGE_CONFIGURE_OAUTH_AUTHENTICATION_BETWEEN_EXCHANGE_AND,
    EXCHANGE_CONNECT_TO_EXCHANGE_ONLINE_POWERSHELL,
    EXCHANGE_ONLINE_ENABLE_OR_DISABLE_MODERN_AUTHENTICATION,
    EXCHANGE_PS_GET_APPLICATIONACCESSPOLICY,
    EXCHANGE_PS_GET_AUTHCONFIG,
    EXCHANGE_PS_GET_AUTHSERVER,
    EXCHANGE_PS_GET_AUTODISCOVERVIRTUALDIRECTORY,
    EXCHANGE_PS_GET_CASMAILBOX,
    EXCHANGE_PS_GET_EXCHANGECERTIFICATE,
    EXCHANGE_PS_GET_EXCHANGESERVER,
    EXCHANGE_PS_GET_FEDERATEDORGANIZATIONIDENTIFIER,
    EXCHANGE_PS_GET_FEDERATIONINFORMATION,
    EXCHANGE_PS_GET_FEDERATIONTRUST,
    EXCHANGE_PS_GET_HYBRIDCONFIGURATION,
    EXCHANGE_PS_GET_INTRAORGANIZATIONCONFIGURATION,
    EXCHANGE_PS_GET_INTRAORGANIZATIONCONNECTOR,
    EXCHANGE_PS_GET_MAILBOXFOLDERPERMISSION,
    EXCHANGE_PS_GET_ORGANIZATIONCONFIG,
    EXCHANGE_PS_GET_ORGANIZATIONRELATIONSHIP,
    EXCHANGE_PS_GET_PARTNERAPPLICATION,
    EXCHANGE_PS_GET_WEBSERVICESVIRTUALDIRECTORY,
    EXCHANGE_PS_NEW_APPLICATIONACCESSPOLICY,
    EXCHANGE_PS_SET_AUTHCONFIG,
    EXCHANGE_PS_SET_ORGANIZATIONCONFIG,
    EXCHANGE_PS_TEST_APPLICATIONACCESSPOLICY,
    EXCHANGE_PS_TEST_FEDERATIONTRUST,
    EXCHANGE_PS_TEST_MIGRATIONSERVERAVAILABILITY,
    EXCHANGE_PS_TEST_OAUTHCONNECTIVITY,
    EXCHANGE_PS_TEST_ORGANIZATIONRELATIONSHIP,
    EXCHANGE_PS_TEST_SERVICEPRINCIPALAUTHORIZATION,
    EXCHANGE_WEB_SERVICES_EWS_THROTTLING_IN_EXCHANGE,
    EXCHANGE_WEB_SERVICES_HOW_TO_AUTHENTICATE_AN_EWS_APPLICATION,
    EXCHANGE_WEB_SERVICES_HOW_TO_CONTROL_ACCESS_TO_EWS,
    EXCHANGE_WEB_SERVICES_IMPERSONATION_AND_EWS_IN_EXCHANGE,
    EXCHANGE_WEB_SERVICES_INSTRUMENTING_CLIENT_REQUESTS_FOR_EWS,
    EXTERNAL_ID_CUSTOMERS_OVERVIEW_CUSTOMERS_CIAM,
    FOFA_GUI_ISSUES_6,
    FUNCTIONS_EXOOAUTHFUNCTIONS_PS1,
    GENERAL_AUTHENTICATION,
    GENERAL_DEVELOPMENT_SHAREPOINT_RESPONSE_HEADERS,
    GENERAL_RBAC_GUIDE,
    GLOBAL_SECURE_ACCESS_HOW_TO_UNIVERSAL_TENANT_RESTRICTIONS,
    GOVERNANCE_VERIFY_FIRST_PARTY_APPS_SIGN_IN,
    GO_AUTOREST_ISSUES_525,
    GRAPH_AUTH_LIMIT_MAILBOX_ACCESS,
    GRAPH_DEPLOYMENTS,
    GRAPH_ERRORS,
    GRAPH_MIGRATE_AZURE_AD_GRAPH_OVERVIEW,
    GRAPH_PERMISSIONS_REFERENCE,
    GRAPH_PS_GET_MGAPPLICATION,
    GRAPH_PS_GET_MGSERVICEPRINCIPAL,
    GRAPH_RESOLVE_AUTH_ERRORS,
    GRAPH_TEAMS_CONCEPT_OVERVIEW,
    GRAPH_THROTTLING,
    GUIDES_OVERVIEW,
    HACKMICHNET_SHARPAZTOKEN,
    HAR_OVERVIEW,
    HTTP_HEADERS,
    HTTP_W3C_LOGGING,
    HYBRID_DEPLOYMENT_HYBRID_DEPLOYMENT_PREREQUISITES,
    IDENTITYMODEL_PROTOCOLS_LOG_MESSAGES,
    IDENTITYMODEL_TOKENS_LOG_MESSAGES,
    IDENTITYMODEL_VALIDATORS_LOG_MESSAGES,
    IDENTITY_PLATFORM_ACCESS_TOKENS,
    IDENTITY_PLATFORM_ACCESS_TOKEN_CLAIMS_REFERENCE,
    IDENTITY_PLATFORM_APP_RESILIENCE_CONTINUOUS_ACCESS_EVALUATIO,
    IDENTITY_PLATFORM_AUTHENTICATION_NATIONAL_CLOUD,
    IDENTITY_PLATFORM_CERTIFICATE_CREDENTIALS,
    IDENTITY_PLATFORM_CLAIMS_CHALLENGE,
    IDENTITY_PLATFORM_CONFIGURABLE_TOKEN_LIFETIMES,
    IDENTITY_PLATFORM_ID_TOKEN_CLAIMS_REFERENCE,
    IDENTITY_PLATFORM_OPTIONAL_CLAIMS_REFERENCE,
    IDENTITY_PLATFORM_QUICKSTART_CONFIGURE_APP_EXPOSE_WEB_APIS,
    IDENTITY_PLATFORM_REFERENCE_ERROR_CODES,
    IDENTITY_PLATFORM_REFERENCE_MICROSOFT_GRAPH_APP_MANIFEST_KEY,
    IDENTITY_PLATFORM_REFERENCE_SAML_TOKENS,
    IDENTITY_PLATFORM_SCOPES_OIDC,
    IDENTITY_PLATFORM_V2_OAUTH2_CLIENT_CREDS_GRANT_FLOW,
    IDENTITY_PLATFORM_V2_PROTOCOLS_OIDC_FIND_YOUR_APPS_OPENID_CO,
    ISSUES_2785,
    ISSUES_401,
    ISSUES_46,
    ISSUES_589,
    KEY_VAULT_REST_ERROR_CODES,
    LEGACY_PROTOCOLS_HOW_TO_AUTHENTICATE_AN_IMAP_POP_SMTP_APPLIC,
    LOGS_MANAGE_ACCESS,
    MANAGED_IDENTITIES_AZURE_RESOURCES_HOW_TO_USE_VM_TOKEN,
    MANAGED_IDENTITIES_AZURE_RESOURCES_OVERVIEW,
    MANAGEMENT_OVERVIEW,
    MICROSOFTGRAPH_AUTHENTICATION_COMMANDS,
    MICROSOFT_POWERSHELL_UTILITY_INVOKE_RESTMETHOD,
    MONITORING_HEALTH_CONCEPT_SIGN_INS,
    MS_IDENTITY_ANDROID_NATIVE_ISSUES_19,
    MS_NLMP_B38C36ED_2804_4868_A9FF_8DD3182128E4,
    NEW_FEATURES_BUILD_NUMBERS_AND_RELEASE_DATES,
    OFFICE_365_MANAGEMENT_API_GET_STARTED_WITH_OFFICE_365_MANAGE,
    OPENID_CONNECT_OPENID_CONNECT,
    OUTLOOK_CALENDARING_RESOLVE_FREE_BUSY_ERRORS,
    OUTLOOK_FOR_IOS_AND_ANDROID_USE_HYBRID_MODERN_AUTH,
    OUTLOOK_INSIDE_THE_IDENTITY_TOKEN,
    OVERVIEW_AD_FS_OPENID_CONNECT_OAUTH_CONCEPTS,
    PERMISSIONS_EXO_APPLICATION_RBAC,
    PIRATESRE_EXCHANGE_DIFF,
    PNPASSESSMENT_ISSUES_112,
    PNPJS_ISSUES_1501,
    RESOURCES_KEYCREDENTIAL,
    RESOURCES_PASSWORDCREDENTIAL,
    AZUREAD_PS_GET_AZUREADAPPLICATIONKEYCREDENTIAL,
    FREE_BUSY_TROUBLESHOOT_HYBRID,
    RFC_RFC4178,
    RFC_RFC6750_SECTION_3_1,
    RFC_RFC7617,
    RFC_RFC9110_SECTION_11_6_1,
    RJRJ_IIS_401_2_ZH_CN,
    ROLE_BASED_ACCESS_CONTROL_OVERVIEW,
    ROLE_BASED_ACCESS_CONTROL_PERMISSIONS_REFERENCE,
    SECAUTHN_SSPI_STATUS_CODES,
    SECG_SEC2_V2_PDF,
    SECURITY_HARDENING_YOUR_DEPLOYMENTS_ABOUT_SECURITY_HARDENING,
    SERVER_EXCHANGE_INTEGRATION_SFB_AND_EXCHANGE_INTEGRATION_FAI,
    SFB_TEST_MCX_P2PIM_DE_DE,
    SFB_TEST_MCX_P2PIM_ES_ES,
    SFB_TEST_MCX_P2PIM_FR_FR,
    SFB_TEST_MCX_P2PIM_IT_IT,
    SFB_TEST_MCX_P2PIM_JA_JP,
    SFB_TEST_MCX_P2PIM_KO_KR,
    SFB_TEST_MCX_P2PIM_RU_RU,
    SFB_TEST_MCX_P2PIM_ZH_CN,
    SKYPE_SDK_UCWA_AUTHENTICATIONINUCWA,
    SPECS_OPENID_CONNECT_CORE_1_0_AUTHERROR,
    SPECS_OPENID_CONNECT_CORE_1_0_AUTHREQUEST,
    SPECS_OPENID_CONNECT_CORE_1_0_HYBRIDIDTOKEN,
    SPECS_OPENID_CONNECT_CORE_1_0_IDTOKEN,
    SPECS_OPENID_CONNECT_CORE_1_0_STANDARDCLAIMS,
    SP_ADD_INS_CREATE_AND_USE_ACCESS_TOKENS_IN_PROVIDER_HOSTED_H,
    SP_ADD_INS_CREATING_SHAREPOINT_ADD_INS_THAT_USE_HIGH_TRUST,
    SP_ADD_INS_HANDLE_SECURITY_TOKENS_IN_PROVIDER_HOSTED_LOW_TRU,
    SP_ADD_INS_RETIREMENT_ANNOUNCEMENT_FOR_AZURE_ACS,
    SP_DEV_DOCS_ISSUES_5889,
    STORAGESERVICES_AUTHORIZE_WITH_AZURE_ACTIVE_DIRECTORY,
    STORAGESERVICES_COMMON_REST_API_ERROR_CODES,
    STORAGESERVICES_COMMON_REST_API_ERROR_CODES_NL_NL,
    STORAGESERVICES_COMMON_REST_API_ERROR_CODES_PT_BR,
    SUPPORTARTICLES_NO_FREE_BUSY_INFORMATION_RETRIEVED,
    SUPPORT_KB_871179_JA,
    S_1022693_IIS_LOGS_FLOODED_WITH_401_EWS_REQUESTS_FROM_MAC_OU,
    S_13_USING_CLIENT_CREDENTIALS_WITH_MICROSOFT_GRAPH_IN_HYBRID,
    S_1608048_EWS_OPERATION_ITEM_COPY_FAILS_WITH_FULL_ACCESS_AS,
    S_1629044_TEST_OAUTHCONNECTIVITY_MICROSOFT_EXCHANGE_SECURITY,
    S_1792037_HMA_WITH_ACTIVESYNC_WONT_WORK_WITH_EXCHANGE_SERVER,
    TROUBLESHOOT_WINDOWS_SERVER_IDENTITY_OBJECT_IDS_MICROSOFT_CRYPTO,
    UCWA_AUTHENTICATIONINUCWA,
    UNICODE_CORE_SPEC_FORMAT_CHARACTERS,
    UNICODE_REPORTS_TR9,
    USING_FAILED_REQUEST_TRACING_TROUBLESHOOTING_FAILED_REQUESTS,
    VULNERABILITY_CVE_2023_29357,
    WEB_SERVICE_REFERENCE_RESPONSECODE,
    WEBHOSTGETVERSION_FUNCTION,
    WIKI_LIST_OF_HTTP_STATUS_CODES,
    WORKFLOWS_RESPONSE_RETURNED_DID_NOT_COME_FROM_WORKFLOW_MANAG,
    WORKLOAD_ID_WORKLOAD_IDENTITY_FEDERATION,
    WWW_ADMINISTRATION_MANAGEMENT_HTTP_STATUS_CODE,
];

/// True when `url` is a page tokenlens cites (one of `ALL`, or the sign-in error lookup for a
/// numeric code): the page links only these, so no link is ever built from a pasted value.
pub fn is_cited(url: &str) -> bool {
    if ALL.contains(&url) {
        return true;
    }
    url.strip_prefix(crate::knowledge::aadsts::ERROR_LOOKUP_URL)
        .is_some_and(|code| !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::{is_cited, ALL};

    #[test]
    fn only_cited_pages_count_as_cited() {
        assert!(is_cited(ALL[0]));
        assert!(is_cited(
            "https://login.microsoftonline.com/error?code=50105"
        ));
        for pasted in [
            "javascript:alert(1)",
            "https://login.microsoftonline.com/error?code=1&x=javascript:",
            "https://evil.example/",
            "algorithm OID 1.2.840.113549.1.1.1",
        ] {
            assert!(!is_cited(pasted), "{pasted}");
        }
    }

    #[test]
    fn every_source_is_https_and_declared_once() {
        let mut seen = std::collections::BTreeSet::new();
        for url in ALL {
            assert!(url.starts_with("https://"), "{url} is not an https link");
            assert!(!url.contains(char::is_whitespace), "{url} has a space");
            assert!(seen.insert(*url), "{url} is declared twice");
        }
    }
}
