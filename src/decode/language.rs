//! Names the language of a paste from its script or its short words (`knowledge::languages`), so
//! the report can say that translated output was read by its untranslated parts.

use crate::knowledge::languages::{self, Language, Marker};
use crate::text::cut_to;

/// How much of a paste is looked at; a language shows itself long before this.
const SAMPLE_BYTES: usize = 256 * 1024;
/// Letters of a script of its own needed before the paste is said to be in that language (a
/// name or two in another script does not make an English paste foreign).
const MIN_SCRIPT_LETTERS: usize = 6;
/// Kana are only used by Japanese, so fewer are enough.
const MIN_KANA: usize = 3;
/// Short words of a Latin-script language needed, and how many different ones.
const MIN_WORDS: usize = 4;
const MIN_DISTINCT_WORDS: usize = 2;
/// English words must be more than this many times the other language's to keep a paste English.
const ENGLISH_RATIO: usize = 4;

/// The language found and what gave it away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    pub language: &'static Language,
    /// "42 letters of its script" or the words and word parts met ("nicht", "ü", "der").
    pub evidence: String,
    /// False when the language is only part of a mostly English paste (a name or a translated
    /// value among English output): English words outnumber it four to one.
    pub dominant: bool,
    /// The evidence in words of running text (a script's letters divided by its letters per word).
    weight: usize,
}

/// The language of `text` when it is not English and enough of it is there to tell.
pub fn detect(text: &str) -> Option<Detected> {
    let sample = cut_to(text, SAMPLE_BYTES);
    // Text mixing scripts (German with a Russian word) goes to the language with more of it.
    match (by_script(sample), by_words(sample)) {
        (Some(s), Some(w)) if w.weight > s.weight => Some(w),
        (Some(s), _) => Some(s),
        (None, w) => w,
    }
}

fn by_script(sample: &str) -> Option<Detected> {
    let mut counts = [0usize; 16];
    let latin = sample.bytes().filter(u8::is_ascii_alphabetic).count();
    for ch in sample.chars().filter(|c| !c.is_ascii()) {
        for (i, lang) in languages::BY_SCRIPT.iter().enumerate().take(counts.len()) {
            if let Marker::Script(ranges) = lang.marker {
                if languages::in_ranges(ch, ranges) {
                    counts[i] += 1;
                    break;
                }
            }
        }
    }
    // Japanese first: its text holds Han characters too, which alone would read as Chinese.
    let (best, count) = counts
        .iter()
        .enumerate()
        .take(languages::BY_SCRIPT.len())
        .filter(|&(i, &n)| n >= min_letters(&languages::BY_SCRIPT[i]))
        .min_by_key(|&(i, &n)| (i != 0, std::cmp::Reverse(n)))?;
    let language = &languages::BY_SCRIPT[best];
    // Chinese, Japanese and Korean words are a character or two; alphabets take about five.
    let per_word = if matches!(language.code, "ja" | "zh" | "ko") {
        2
    } else {
        5
    };
    // The script carries the paste when its text, in Latin letters' worth (a Han or kana
    // character is a word's worth, about three letters), is at least half of the Latin letters;
    // a name or one translated value among English output is only a part.
    let worth = count * if per_word == 2 { 3 } else { 1 };
    Some(Detected {
        language,
        evidence: format!("{count} letters of its script"),
        dominant: worth * 2 >= latin,
        weight: count / per_word,
    })
}

fn min_letters(lang: &Language) -> usize {
    if lang.code == "ja" {
        MIN_KANA
    } else {
        MIN_SCRIPT_LETTERS
    }
}

/// The Latin-script language of the sample, if one stands out against its English words.
fn by_words(sample: &str) -> Option<Detected> {
    let mut hits: Vec<Vec<&'static str>> = vec![Vec::new(); languages::BY_WORDS.len()];
    for word in sample.split_whitespace().filter_map(prose_word) {
        for (i, lang) in languages::BY_WORDS.iter().enumerate() {
            if let Marker::Words { words, parts } = lang.marker {
                if let Some(w) = words.iter().find(|w| **w == word) {
                    hits[i].push(w);
                } else if let Some(p) = parts.iter().find(|p| word.contains(**p)) {
                    hits[i].push(p);
                }
            }
        }
    }
    let english = languages::BY_WORDS
        .iter()
        .position(|l| l.code == "en")
        .map_or(0, |i| hits[i].len());
    let (best, words) = hits
        .iter()
        .enumerate()
        .filter(|(i, _)| languages::BY_WORDS[*i].code != "en")
        .max_by_key(|(_, w)| w.len())?;
    let parts = match languages::BY_WORDS[best].marker {
        Marker::Words { parts, .. } => parts,
        Marker::Script(_) => &[],
    };
    let mut distinct = words.clone();
    distinct.sort_unstable();
    distinct.dedup();
    // Letters alone (a "Müller" or "München" in English output) name no language: at least two
    // different short words must be there too.
    let function_words = distinct.iter().filter(|w| !parts.contains(w)).count();
    // Translated output often wraps English log text, so English words only overrule a language
    // when they are several times as many.
    if words.len() < MIN_WORDS
        || function_words < MIN_DISTINCT_WORDS
        || words.len() * ENGLISH_RATIO <= english
    {
        return None;
    }
    // The most frequent words first, at most five, as evidence; letters and word parts apart.
    crate::sort::by_key(&mut distinct, |w| {
        std::cmp::Reverse(words.iter().filter(|x| *x == w).count())
    });
    let quoted = |want_parts: bool| -> Vec<String> {
        distinct
            .iter()
            .filter(|w| parts.contains(w) == want_parts)
            .take(5)
            .map(|w| format!("\"{w}\""))
            .collect()
    };
    let mut evidence = String::new();
    let (shown_words, shown_parts) = (quoted(false), quoted(true));
    if !shown_words.is_empty() {
        evidence = format!("words such as {}", shown_words.join(", "));
    }
    if !shown_parts.is_empty() {
        let sep = if evidence.is_empty() { "" } else { ", and " };
        evidence = format!("{evidence}{sep}{} in words", shown_parts.join(", "));
    }
    let found = Detected {
        language: &languages::BY_WORDS[best],
        evidence,
        dominant: true,
        weight: words.len(),
    };
    Some(found)
}

/// A whitespace-separated token as a lower-case word of prose, or None for what is not prose
/// (URLs, paths, host names, key=value pairs, numbers, identifiers).
fn prose_word(token: &str) -> Option<String> {
    let word = token.trim_matches(|c: char| {
        matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '"' | '\'' | '«' | '»' | '¿' | '¡' | '!' | '?' | '.'
        )
    });
    if word.is_empty() || word.chars().count() > 20 {
        return None;
    }
    if word
        .chars()
        .any(|c| !(c.is_alphabetic() || c == '\'' || c == '’'))
    {
        return None;
    }
    Some(word.to_lowercase().replace('’', "'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<&'static str> {
        detect(text).map(|d| d.language.code)
    }

    #[test]
    fn scripts_name_their_language() {
        assert_eq!(
            code("例外: \"リモート サーバーがエラーを返しました: (401) 未承認\""),
            Some("ja")
        );
        assert_eq!(code("远程服务器返回错误: (401) 未经授权。"), Some("zh"));
        assert_eq!(code("Status : Ошибка, сервер недоступен"), Some("ru"));
    }

    #[test]
    fn latin_languages_are_told_by_their_words() {
        assert_eq!(
            code("Der Remoteserver hat einen Fehler zurückgegeben: (401) Nicht autorisiert. Die Anmeldung ist mit dem Konto nicht möglich."),
            Some("de")
        );
        assert_eq!(
            code("El servidor remoto devolvió un error: (401) No autorizado. No se ha podido conectar con el servicio para la cuenta."),
            Some("es")
        );
        assert_eq!(
            code("Le serveur distant a retourné une erreur : (401) Non autorisé. Vérifiez que les informations sont correctes pour le compte."),
            Some("fr")
        );
        assert_eq!(
            code("O servidor remoto retornou um erro: (401) Não autorizado. A conta não foi encontrada para o usuário."),
            Some("pt")
        );
    }

    #[test]
    fn english_and_machine_text_name_no_language() {
        assert_eq!(
            code("The remote server returned an error: (401) Unauthorized. This is not the token that was issued for the app."),
            None
        );
        assert_eq!(
            code("2024-01-01 10:00:00 10.0.0.1 POST /EWS/Exchange.asmx - 443 user@contoso.de 10.0.0.2 Mozilla/5.0 401 1 2148074254 15"),
            None
        );
        // One name in another script does not make the paste foreign.
        assert_eq!(
            code("DisplayName : 山田太郎\nUserPrincipalName : taro@contoso.com"),
            None
        );
        assert_eq!(code(""), None);
    }

    #[test]
    fn mixed_scripts_go_to_the_language_with_more_text() {
        assert_eq!(
            code("Die Verbundinformationen der Remoteorganisation konnten nicht abgerufen werden (Ошибка über mehrere Zeilen)."),
            Some("de")
        );
        assert_eq!(
            code("Статус: Ошибка. Не удалось получить сведения о федерации: der Server hat nicht geantwortet."),
            Some("ru")
        );
    }

    #[test]
    fn names_in_english_output_are_a_part_at_most() {
        let mailbox = "Name                 : Сергей Иванов\nDisplayName          : Сергей Иванов\nThe mailbox is on the server that was moved, and it is not enabled for the archive with this policy.";
        let found = detect(mailbox).expect("the Cyrillic name is seen");
        assert_eq!(found.language.code, "ru");
        assert!(!found.dominant, "but the paste is not called Russian");
        assert_eq!(
            code("City : München\nName : Jürgen Müller\nOffice : Köln"),
            None
        );
    }

    #[test]
    fn a_long_paste_is_sampled_not_read_whole() {
        let text = "der nicht und wurde ".repeat(100_000);
        assert_eq!(code(&text), Some("de"));
    }
}
