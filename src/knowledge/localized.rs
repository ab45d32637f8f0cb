//! Table: localized HTTP status and authentication messages as .NET, Windows, IIS and Exchange
//! print them in other languages, with the English original, sorted by text.
//!
//! Several texts come from Microsoft's machine-translated documentation of the same output; they
//! are kept as written there because that is how people copy them.

use super::sources as src;

/// One localized message as it appears in a paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalizedPhrase {
    /// The text as printed (matched in any ASCII case; other characters must match exactly).
    pub text: &'static str,
    /// The language's English name ("German").
    pub language: &'static str,
    /// The English original of the message.
    pub english: &'static str,
    /// The HTTP status the message states, if it names one.
    pub status: Option<u16>,
    pub source: &'static str,
}

const REMOTE_ERROR: &str = "The remote server returned an error";
const UNAUTHORIZED_401: &str = "(401) Unauthorized";

/// How localized phrases are found in free text: by the whole text, in any ASCII case.
pub fn needles(out: &mut Vec<super::needles::Needle>) {
    use super::needles::{Fact, Needle};
    for row in PHRASES {
        out.push(Needle::any_case(row.text, Fact::Phrase(row.text)));
    }
}

/// True for a bare reason phrase ("nicht autorisiert", "未承認") whose words also have an
/// everyday meaning: it stands for its HTTP status only with the status number beside it.
pub fn needs_status_nearby(row: &LocalizedPhrase) -> bool {
    row.status.is_some()
        && row.english.ends_with("Unauthorized")
        && !row.text.bytes().any(|b| b.is_ascii_digit())
}

/// Looks up a phrase by its text (ASCII case ignored).
pub fn phrase(text: &str) -> Option<&'static LocalizedPhrase> {
    PHRASES.iter().find(|p| p.text.eq_ignore_ascii_case(text))
}

/// Sorted by `text` (byte order).
pub const PHRASES: &[LocalizedPhrase] = &[
    LocalizedPhrase {
        text: "401.1 - 権限がありません",
        language: "Japanese",
        english: "HTTP Error 401.1 - Unauthorized",
        status: Some(401),
        source: src::SUPPORT_KB_871179_JA,
    },
    LocalizedPhrase {
        text: "Niet-gemachtigd (401)",
        language: "Dutch",
        english: "Unauthorized (401)",
        status: Some(401),
        source: src::STORAGESERVICES_COMMON_REST_API_ERROR_CODES_NL_NL,
    },
    LocalizedPhrase {
        text: "Não autorizado",
        language: "Portuguese",
        english: "Unauthorized",
        status: Some(401),
        source: src::STORAGESERVICES_COMMON_REST_API_ERROR_CODES_PT_BR,
    },
    LocalizedPhrase {
        text: "O servidor remoto devolveu um erro",
        language: "Portuguese",
        english: REMOTE_ERROR,
        status: None,
        source: src::AMS_AAD_401_PT,
    },
    LocalizedPhrase {
        text: "Remoteserver hat einen Fehler zurückgegeben",
        language: "German",
        english: REMOTE_ERROR,
        status: None,
        source: src::SFB_TEST_MCX_P2PIM_DE_DE,
    },
    LocalizedPhrase {
        text: "el servidor remoto devolvió un error",
        language: "Spanish",
        english: REMOTE_ERROR,
        status: None,
        source: src::SFB_TEST_MCX_P2PIM_ES_ES,
    },
    LocalizedPhrase {
        text: "il server remoto ha restituito un errore",
        language: "Italian",
        english: REMOTE_ERROR,
        status: None,
        source: src::SFB_TEST_MCX_P2PIM_IT_IT,
    },
    LocalizedPhrase {
        text: "le serveur distant a renvoyé une erreur",
        language: "French",
        english: REMOTE_ERROR,
        status: None,
        source: src::SFB_TEST_MCX_P2PIM_FR_FR,
    },
    LocalizedPhrase {
        text: "nicht autorisiert",
        language: "German",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::SFB_TEST_MCX_P2PIM_DE_DE,
    },
    LocalizedPhrase {
        text: "no autorizado",
        language: "Spanish",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::SFB_TEST_MCX_P2PIM_ES_ES,
    },
    LocalizedPhrase {
        text: "non autorisé",
        language: "French",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::SFB_TEST_MCX_P2PIM_FR_FR,
    },
    LocalizedPhrase {
        text: "non autorizzato",
        language: "Italian",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::SFB_TEST_MCX_P2PIM_IT_IT,
    },
    LocalizedPhrase {
        text: "от несанкционированного доступа",
        language: "Russian",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::SFB_TEST_MCX_P2PIM_RU_RU,
    },
    LocalizedPhrase {
        text: "сервер вернул ошибку",
        language: "Russian",
        english: REMOTE_ERROR,
        status: None,
        source: src::SFB_TEST_MCX_P2PIM_RU_RU,
    },
    LocalizedPhrase {
        text: "リモート サーバーがエラーを返しました",
        language: "Japanese",
        english: REMOTE_ERROR,
        status: None,
        source: src::AMS_AAD_401_JA,
    },
    LocalizedPhrase {
        text: "リモートサーバーからエラーが返されました",
        language: "Japanese",
        english: REMOTE_ERROR,
        status: None,
        source: src::SFB_TEST_MCX_P2PIM_JA_JP,
    },
    LocalizedPhrase {
        text: "委任トークンを検証できませんでした",
        language: "Japanese",
        english: "Failed to validate delegation token",
        status: None,
        source: src::SUPPORT_KB_2928514_JA,
    },
    LocalizedPhrase {
        text: "承認されていません",
        language: "Japanese",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::SFB_TEST_MCX_P2PIM_JA_JP,
    },
    LocalizedPhrase {
        text: "未承認",
        language: "Japanese",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::AMS_AAD_401_JA,
    },
    LocalizedPhrase {
        text: "未经授权",
        language: "Chinese (simplified)",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::FOFA_GUI_ISSUES_6,
    },
    LocalizedPhrase {
        text: "访问由于服务器配置被拒绝",
        language: "Chinese (simplified)",
        english: "HTTP Error 401.2 - Unauthorized: Access is denied due to server configuration.",
        status: Some(401),
        source: src::RJRJ_IIS_401_2_ZH_CN,
    },
    LocalizedPhrase {
        text: "資格情報が無効であるため、アクセスが拒否されました",
        language: "Japanese",
        english: "Access is denied due to invalid credentials.",
        status: Some(401),
        source: src::SUPPORT_KB_871179_JA,
    },
    LocalizedPhrase {
        text: "远程服务器返回错误",
        language: "Chinese (simplified)",
        english: REMOTE_ERROR,
        status: None,
        source: src::SFB_TEST_MCX_P2PIM_ZH_CN,
    },
    LocalizedPhrase {
        text: "원격 서버에서 오류를 반환 했습니다",
        language: "Korean",
        english: REMOTE_ERROR,
        status: None,
        source: src::SFB_TEST_MCX_P2PIM_KO_KR,
    },
    LocalizedPhrase {
        text: "인증 되지 않음",
        language: "Korean",
        english: UNAUTHORIZED_401,
        status: Some(401),
        source: src::SFB_TEST_MCX_P2PIM_KO_KR,
    },
    LocalizedPhrase {
        text: "（403）已禁止",
        language: "Chinese (simplified)",
        english: "(403) Forbidden",
        status: Some(403),
        source: src::BAIDUPANDOWNLOADWINFORM_ISSUES_56,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_sorted_unique_and_sourced() {
        for pair in PHRASES.windows(2) {
            assert!(
                pair[0].text < pair[1].text,
                "{} before {}",
                pair[0].text,
                pair[1].text
            );
        }
        let mut seen = std::collections::BTreeSet::new();
        for p in PHRASES {
            assert!(p.text.len() >= 6, "{} is too short to find alone", p.text);
            assert!(seen.insert(p.text.to_ascii_lowercase()), "{} twice", p.text);
            assert!(
                !p.language.is_empty() && !p.english.is_empty(),
                "{}",
                p.text
            );
            crate::knowledge::assert_source(p.source, p.text);
        }
    }

    #[test]
    fn phrases_cover_ten_languages_and_resolve_in_any_ascii_case() {
        let languages: std::collections::BTreeSet<&str> =
            PHRASES.iter().map(|p| p.language).collect();
        assert!(languages.len() >= 10, "{languages:?}");
        assert_eq!(phrase("Nicht autorisiert").unwrap().language, "German");
        assert_eq!(phrase("No autorizado").unwrap().status, Some(401));
        assert!(phrase("Unauthorized").is_none());
    }
}
