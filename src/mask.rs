//! The one masking rule: which names carry secrets, and how a masked value is shown.
//!
//! Every reader that prints a parameter, a property or a query string passes it through here, so a
//! client secret is hidden the same way in an IIS log, a HAR file, a token request and PowerShell
//! output, and a report copied into a ticket carries no secret.

use crate::knowledge::secrets::NAMES;

/// True when a parameter or property of this name holds a secret (any case, `_`/`-` ignored; a
/// `%5F` in an IIS-logged name counts as `_`).
pub fn is_secret_name(name: &str) -> bool {
    let folded: String = crate::text::percent_decode(name)
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
        .flat_map(char::to_lowercase)
        .collect();
    NAMES
        .binary_search_by(|row| row.name.cmp(folded.as_str()))
        .is_ok()
}

/// How a masked value is shown: its first two characters when it is long enough that they give
/// nothing away, and its length.
pub fn masked(secret: &str) -> String {
    let n = secret.chars().count();
    if n == 0 {
        return "(empty)".to_string();
    }
    let head: String = if n > 8 {
        secret.chars().take(2).collect()
    } else {
        String::new()
    };
    format!("{head}•••••• (hidden, {n} characters)")
}

/// The value as a report may show it: masked when its name is secret-bearing.
pub fn value_for(name: &str, value: &str) -> String {
    if is_secret_name(name) && !value.is_empty() {
        masked(value)
    } else {
        value.to_string()
    }
}

/// A query string or form body with the value of every secret-bearing parameter masked.
pub fn query(query: &str) -> String {
    query
        .split('&')
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) if is_secret_name(k) && !v.is_empty() => format!("{k}={}", masked(v)),
            _ => kv.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_are_recognised_in_every_spelling() {
        for name in [
            "client_secret",
            "ClientSecret",
            "CLIENT-SECRET",
            "client%5Fsecret",
            "Password",
            "sig",
            "refresh_token",
        ] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in ["client_id", "grant_type", "scope", "Thumbprint", "Subject"] {
            assert!(!is_secret_name(name), "{name}");
        }
    }

    #[test]
    fn masked_values_keep_only_their_length() {
        let q = query("grant_type=password&username=a&password=CorrectHorseBattery9!&client_secret=Q8x~Zq7Rb2");
        assert!(
            !q.contains("CorrectHorseBattery9!") && !q.contains("Q8x~Zq7Rb2"),
            "{q}"
        );
        assert!(
            q.contains("grant_type=password") && q.contains("username=a"),
            "{q}"
        );
        assert!(q.contains("hidden, 21 characters"), "{q}");
        assert_eq!(value_for("Subject", "CN=x"), "CN=x");
        assert_eq!(masked("abc"), "•••••• (hidden, 3 characters)");
    }
}
