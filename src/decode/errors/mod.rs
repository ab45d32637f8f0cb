//! Records of the service-error family: AADSTS errors from Microsoft Entra, and Microsoft Graph,
//! EWS and Exchange error texts. Parsing only; `explain::errors` writes the cards.

pub mod aadsts;
pub mod service;
