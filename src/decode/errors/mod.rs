//! Records of the service-error family: AADSTS errors from Microsoft Entra, Microsoft Graph, EWS
//! and Exchange error texts, and IIS error pages. Parsing only; `explain::errors` writes the cards.

pub mod aadsts;
pub mod iis_page;
pub mod service;
