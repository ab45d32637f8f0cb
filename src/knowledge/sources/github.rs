//! Sources on GitHub (issues, repositories and files) that tokenlens cites, declared once each.

pub const AAD_POD_IDENTITY_ISSUES_613: &str =
    "https://github.com/Azure/aad-pod-identity/issues/613";
pub const AUTHENTICATORS_AUTHENTICATIONHELPERS_CS: &str = "https://github.com/Azure/azure-powershell/blob/main/src/Accounts/Authenticators/AuthenticationHelpers.cs";
pub const AZUREAD_MICROSOFT_AUTHENTICATION_LIBRARY_FOR_DOTNET: &str =
    "https://github.com/AzureAD/microsoft-authentication-library-for-dotnet";
pub const AZURESANDBOX_ISSUES_362: &str =
    "https://github.com/Azure-Samples/azuresandbox/issues/362";
pub const AZURE_ACTIVEDIRECTORY_IDENTITYMODEL_EXTENSIONS_FOR_DOTNET_WI: &str =
    "https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/wiki";
pub const AZURE_CLI_ISSUES_26573: &str = "https://github.com/Azure/azure-cli/issues/26573";
pub const AZURE_CLI_ISSUES_30789: &str = "https://github.com/Azure/azure-cli/issues/30789";
pub const AZURE_DOCS_ISSUES_75410: &str =
    "https://github.com/MicrosoftDocs/azure-docs/issues/75410";
pub const AZURE_SDK_FOR_JAVA_ISSUES_33112: &str =
    "https://github.com/Azure/azure-sdk-for-java/issues/33112";
pub const AZURE_SDK_FOR_NET_ISSUES_49391: &str =
    "https://github.com/Azure/azure-sdk-for-net/issues/49391";
pub const BAIDUPANDOWNLOADWINFORM_ISSUES_56: &str =
    "https://github.com/Accelerider/BaiduPanDownloadWinform/issues/56";
pub const CLIENT_CONNECTIVITY_OUTLOOK_ANYWHERE_CLIENTS_NOT_CONNECT_TO: &str = "https://github.com/MicrosoftDocs/OfficeDocs-Support/blob/public/Exchange/ExchangeServer/client-connectivity/outlook-anywhere-clients-not-connect-to-server.md";
pub const DAEMON_V2_ISSUES_145: &str =
    "https://github.com/Azure-Samples/active-directory-dotnetcore-daemon-v2/issues/145";
pub const EXCHANGELIB_ISSUES_1060: &str = "https://github.com/ecederstrand/exchangelib/issues/1060";
pub const FOFA_GUI_ISSUES_6: &str = "https://github.com/uknowsec/Fofa-gui/issues/6";
pub const FUNCTIONS_EXOOAUTHFUNCTIONS_PS1: &str = "https://github.com/microsoft/CSS-Exchange/blob/main/Diagnostics/FreeBusyChecker/Functions/ExoOauthFunctions.ps1";
pub const GO_AUTOREST_ISSUES_525: &str = "https://github.com/Azure/go-autorest/issues/525";
pub const HACKMICHNET_SHARPAZTOKEN: &str = "https://github.com/HackmichNet/SharpAzToken";
pub const IDENTITYMODEL_PROTOCOLS_LOG_MESSAGES: &str = "https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/blob/dev/src/Microsoft.IdentityModel.Protocols/LogMessages.cs";
pub const IDENTITYMODEL_TOKENS_LOG_MESSAGES: &str = "https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/blob/dev/src/Microsoft.IdentityModel.Tokens/LogMessages.cs";
pub const IDENTITYMODEL_VALIDATORS_LOG_MESSAGES: &str = "https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/blob/dev/src/Microsoft.IdentityModel.Validators/AadIssuerValidator/LogMessages.cs";
pub const ISSUES_2785: &str = "https://github.com/microsoft/azure-tools-for-java/issues/2785";
pub const ISSUES_401: &str = "https://github.com/OfficeDev/ews-java-api/issues/401";
pub const ISSUES_46: &str = "https://github.com/Azure-Samples/active-directory-dotnet-daemon-certificate-credential/issues/46";
pub const ISSUES_589: &str =
    "https://github.com/AzureAD/azure-activedirectory-library-for-js/issues/589";
pub const MS_IDENTITY_ANDROID_NATIVE_ISSUES_19: &str =
    "https://github.com/Azure-Samples/ms-identity-android-native/issues/19";
pub const PIRATESRE_EXCHANGE_DIFF: &str = "https://github.com/PiratesRE/exchange_diff";
pub const PNPASSESSMENT_ISSUES_112: &str = "https://github.com/pnp/pnpassessment/issues/112";
pub const PNPJS_ISSUES_1501: &str = "https://github.com/pnp/pnpjs/issues/1501";
pub const OPENSSL_OBJECTS_TXT: &str =
    "https://github.com/openssl/openssl/blob/master/crypto/objects/objects.txt";
pub const SERVER_EXCHANGE_INTEGRATION_SFB_AND_EXCHANGE_INTEGRATION_FAI: &str = "https://github.com/MicrosoftDocs/OfficeDocs-Support/blob/public/SkypeforBusiness/SkypeServer/server-exchange-integration/sfb-and-exchange-integration-fails.md";
pub const SFB_TEST_MCX_P2PIM_DE_DE: &str = "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness.de-DE/blob/HEAD/Lync/LyncServer/lync-server-2013-test-mobile-users-ability-to-exchange-instant-messages.md";
pub const SFB_TEST_MCX_P2PIM_ES_ES: &str = "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness-pr.es-ES/blob/HEAD/Lync/LyncServer/lync-server-2013-test-mobile-users-ability-to-exchange-instant-messages.md";
pub const SFB_TEST_MCX_P2PIM_FR_FR: &str = "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness-pr.fr-FR/blob/HEAD/Lync/LyncServer/lync-server-2013-test-mobile-users-ability-to-exchange-instant-messages.md";
pub const SFB_TEST_MCX_P2PIM_IT_IT: &str = "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness-pr.it-IT/blob/HEAD/Lync/LyncServer/lync-server-2013-test-mobile-users-ability-to-exchange-instant-messages.md";
pub const SFB_TEST_MCX_P2PIM_JA_JP: &str = "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness-pr.ja-JP/blob/HEAD/Lync/LyncServer/lync-server-2013-test-mobile-users-ability-to-exchange-instant-messages.md";
pub const SFB_TEST_MCX_P2PIM_KO_KR: &str = "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness-pr.ko-KR/blob/HEAD/Lync/LyncServer/lync-server-2013-test-mobile-users-ability-to-exchange-instant-messages.md";
pub const SFB_TEST_MCX_P2PIM_RU_RU: &str = "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness-pr.ru-RU/blob/HEAD/Lync/LyncServer/lync-server-2013-test-mobile-users-ability-to-exchange-instant-messages.md";
pub const SFB_TEST_MCX_P2PIM_ZH_CN: &str = "https://github.com/MicrosoftDocs/OfficeDocs-SkypeForBusiness-pr.zh-CN/blob/HEAD/Lync/LyncServer/lync-server-2013-test-mobile-users-ability-to-exchange-instant-messages.md";
pub const SP_DEV_DOCS_ISSUES_5889: &str = "https://github.com/SharePoint/sp-dev-docs/issues/5889";
pub const SUPPORTARTICLES_NO_FREE_BUSY_INFORMATION_RETRIEVED: &str = "https://github.com/MicrosoftDocs/SupportArticles-docs/blob/main/Exchange/ExchangeOnline/calendars/no-free-busy-information-retrieved.md";
pub const UCWA_AUTHENTICATIONINUCWA: &str =
    "https://github.com/advocations/skype/blob/master/Skype/UCWA/AuthenticationInUCWA.md";
pub const WORKFLOWS_RESPONSE_RETURNED_DID_NOT_COME_FROM_WORKFLOW_MANAG: &str = "https://github.com/MicrosoftDocs/OfficeDocs-Support/blob/public/SharePoint/SharePointServer/workflows/response-returned-did-not-come-from-workflow-manager-error.md";
pub const AMS_AAD_401_JA: &str =
    "https://github.com/search?q=%22%E3%83%AA%E3%83%A2%E3%83%BC%E3%83%88+%E3%82%B5%E3%83%BC%E3%83%90%E3%83%BC%E3%81%8C%E3%82%A8%E3%83%A9%E3%83%BC%E3%82%92%E8%BF%94%E3%81%97%E3%81%BE%E3%81%97%E3%81%9F%3A+%28401%29+%E6%9C%AA%E6%89%BF%E8%AA%8D%22+media-services&type=code";
pub const AMS_AAD_401_PT: &str =
    "https://github.com/search?q=%22O+servidor+remoto+devolveu+um+erro%3A+%28401%29+N%C3%A3o+autorizado%22+media-services&type=code";
pub const MIRTH_CONNECT_ISSUES_1125: &str =
    "https://github.com/nextgenhealthcare/connect/issues/1125";
pub const GITHUB_SEARCH_IIS_401_3_JA: &str = "https://github.com/search?q=%22IIS%E3%81%AE%E3%82%B5%E3%82%A4%E3%83%88%E3%81%A7HTTP%E3%82%A8%E3%83%A9%E3%83%BC401.3+Unauthorized%22&type=code";
pub const MVC5_MIXEDAUTH_ISSUES_32: &str =
    "https://github.com/MohammadYounes/MVC5-MixedAuth/issues/32";
pub const PASSCORE_ISSUES_94: &str = "https://github.com/unosquare/passcore/issues/94";
pub const IISINTEGRATION_ISSUES_799: &str = "https://github.com/aspnet/IISIntegration/issues/799";
pub const CYPRESS_NTLM_AUTH_ISSUES_108: &str =
    "https://github.com/bjowes/cypress-ntlm-auth/issues/108";
pub const RESTSHARP_ISSUES_849: &str = "https://github.com/restsharp/RestSharp/issues/849";
pub const EWS_MANAGED_API_ISSUES_223: &str =
    "https://github.com/OfficeDev/ews-managed-api/issues/223";
pub const EXCHANGELIB_ISSUES_968: &str = "https://github.com/ecederstrand/exchangelib/issues/968";
pub const EXCHANGELIB_ISSUES_1296: &str = "https://github.com/ecederstrand/exchangelib/issues/1296";
pub const EXCHANGELIB_ISSUES_279: &str = "https://github.com/ecederstrand/exchangelib/issues/279";
pub const DAVMAIL_ISSUES_161: &str = "https://github.com/mguessan/davmail/issues/161";
pub const PHP_EWS_ISSUES_63: &str = "https://github.com/Garethp/php-ews/issues/63";
pub const EWS_STREAMING_NOTIFICATION_SAMPLE: &str =
    "https://github.com/David-Barrett-MS/EWSStreamingNotificationSample";
pub const NODEJS_CONNECT_REST_SAMPLE_ISSUES_69: &str =
    "https://github.com/microsoftgraph/nodejs-connect-rest-sample/issues/69";
pub const COMPANY_COMMUNICATOR_ISSUES_591: &str =
    "https://github.com/OfficeDev/microsoft-teams-apps-company-communicator/issues/591";
pub const MSGRAPH_SAMPLE_REACTSPA_ISSUES_54: &str =
    "https://github.com/microsoftgraph/msgraph-sample-reactspa/issues/54";
pub const CONSOLE_JAVA_CONNECT_SAMPLE_ISSUES_1: &str =
    "https://github.com/microsoftgraph/console-java-connect-sample/issues/1";
pub const E5SUBBOT_ISSUES_39: &str = "https://github.com/iyear/E5SubBot/issues/39";
pub const MMM_MICROSOFTTODO_ISSUES_21: &str =
    "https://github.com/thobach/MMM-MicrosoftToDo/issues/21";
pub const MICROSOFT_GRAPH_DOCS_ISSUES_6059: &str =
    "https://github.com/microsoftgraph/microsoft-graph-docs/issues/6059";
pub const SUPPORTARTICLES_EWS_APP_POOL_CRASHES: &str = "https://github.com/MicrosoftDocs/SupportArticles-docs/blob/main/Exchange/ExchangeServer/administration/ews-app-pool-crashes.md";
pub const WCF_NEGOTIATE_NTLM_GIST: &str = "https://gist.github.com/Krizzzn/3127827";
