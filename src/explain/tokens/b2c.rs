//! Azure AD B2C tokens: the verdict (user flow or custom policy, app, user).

use super::view::TokenView;

pub fn verdict(v: &TokenView) -> String {
    let c = v.c();
    let policy = c.policy.as_deref();
    let kind_word = if v.has("nonce") || v.has("at_hash") {
        "ID token"
    } else {
        "token"
    };
    let mut out = format!("Azure AD B2C {kind_word}");
    if let Some(pol) = policy {
        out.push_str(&format!(" from the user flow or custom policy {pol}"));
    }
    if let Some(a) = &c.aud {
        out.push_str(&format!(" for app {a}"));
    }
    if let Some(u) = &c.user {
        out.push_str(&format!(", for user {u}"));
    }
    out
}
