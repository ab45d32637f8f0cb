//! Table: the languages a paste can be named in, each with the script or the common short words
//! that give it away, so that translated Windows, IIS and Exchange output can be named.
//!
//! Scripts come from the Unicode block table; the words are frequent function words taken from the
//! Snowball stop-word lists, keeping only words that are not also common English words or common
//! in logs (`de`, `en`, `is`, `do` and `no` are left out where they would mislead; German `die`
//! stays, as English text rarely uses it).

use super::sources as src;

/// How a language shows itself in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// Letters of these inclusive code point ranges (a script of its own, or one shared with few).
    Script(&'static [(u32, u32)]),
    /// Short function words, lower case, that are frequent in running text of the language, and
    /// letters or word parts that are rare in other languages written in Latin letters.
    Words {
        words: &'static [&'static str],
        parts: &'static [&'static str],
    },
}

/// One language the detector can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// The English name ("German").
    pub name: &'static str,
    /// The ISO 639-1 code ("de").
    pub code: &'static str,
    pub marker: Marker,
    pub source: &'static str,
}

const HIRAGANA_KATAKANA: &[(u32, u32)] = &[(0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)];
const HANGUL: &[(u32, u32)] = &[(0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)];
/// CJK unified ideographs (with extension A); Japanese uses them too, so kana decide first.
pub const HAN: &[(u32, u32)] = &[(0x3400, 0x4DBF), (0x4E00, 0x9FFF)];
const CYRILLIC: &[(u32, u32)] = &[(0x0400, 0x04FF)];
const GREEK: &[(u32, u32)] = &[(0x0370, 0x03FF)];
const ARABIC: &[(u32, u32)] = &[(0x0600, 0x06FF)];
const HEBREW: &[(u32, u32)] = &[(0x0590, 0x05FF)];
const THAI: &[(u32, u32)] = &[(0x0E00, 0x0E7F)];

/// Languages written in a script of their own, checked in this order (Japanese before Chinese,
/// because Japanese text holds Han characters as well as kana).
pub const BY_SCRIPT: &[Language] = &[
    Language {
        name: "Japanese",
        code: "ja",
        marker: Marker::Script(HIRAGANA_KATAKANA),
        source: src::UNICODE_BLOCKS,
    },
    Language {
        name: "Korean",
        code: "ko",
        marker: Marker::Script(HANGUL),
        source: src::UNICODE_BLOCKS,
    },
    Language {
        name: "Chinese",
        code: "zh",
        marker: Marker::Script(HAN),
        source: src::UNICODE_BLOCKS,
    },
    Language {
        name: "Russian",
        code: "ru",
        marker: Marker::Script(CYRILLIC),
        source: src::UNICODE_BLOCKS,
    },
    Language {
        name: "Greek",
        code: "el",
        marker: Marker::Script(GREEK),
        source: src::UNICODE_BLOCKS,
    },
    Language {
        name: "Arabic",
        code: "ar",
        marker: Marker::Script(ARABIC),
        source: src::UNICODE_BLOCKS,
    },
    Language {
        name: "Hebrew",
        code: "he",
        marker: Marker::Script(HEBREW),
        source: src::UNICODE_BLOCKS,
    },
    Language {
        name: "Thai",
        code: "th",
        marker: Marker::Script(THAI),
        source: src::UNICODE_BLOCKS,
    },
];

/// Languages written in Latin letters, told apart by their short words. English is listed too, so
/// that English text with a stray foreign word stays English.
pub const BY_WORDS: &[Language] = &[
    Language {
        name: "English",
        code: "en",
        marker: Marker::Words {
            words: &[
                "the", "and", "is", "are", "was", "not", "with", "for", "this", "that", "from",
                "have", "has", "been", "could", "cannot", "which", "you", "your", "of", "to", "an",
                "be",
            ],
            parts: &[],
        },
        source: src::SNOWBALL_ENGLISH_STOP,
    },
    Language {
        name: "German",
        code: "de",
        marker: Marker::Words {
            words: &[
                "der", "das", "und", "nicht", "ist", "wurde", "werden", "wird", "konnte", "kann",
                "mit", "für", "auf", "von", "dem", "den", "des", "ein", "eine", "einer", "einen",
                "sich", "oder", "bei", "hat", "die", "sind", "auch", "keine", "kein", "zum", "zur",
                "aus", "nach", "über", "dieser", "diese", "wenn", "beim",
            ],
            parts: &["ä", "ö", "ü", "ß"],
        },
        source: src::SNOWBALL_GERMAN_STOP,
    },
    Language {
        name: "French",
        code: "fr",
        marker: Marker::Words {
            words: &[
                "le",
                "les",
                "des",
                "une",
                "est",
                "pas",
                "pour",
                "avec",
                "dans",
                "sur",
                "qui",
                "été",
                "être",
                "cette",
                "du",
                "au",
                "aux",
                "vous",
                "ne",
                "sont",
                "ces",
                "leur",
                "mais",
                "peut",
                "n'a",
                "n'est",
                "l'utilisateur",
                "d'authentification",
                "était",
            ],
            parts: &["è", "ë", "ù", "û", "œ", "î", "ç"],
        },
        source: src::SNOWBALL_FRENCH_STOP,
    },
    Language {
        name: "Spanish",
        code: "es",
        marker: Marker::Words {
            words: &[
                "el", "los", "las", "del", "una", "por", "para", "con", "es", "se", "lo", "está",
                "ha", "sido", "como", "más", "pero", "sus", "al", "puede", "usuario", "servidor",
                "también", "hay", "esta", "este", "fue", "son",
            ],
            parts: &["ñ", "ción", "ciones"],
        },
        source: src::SNOWBALL_SPANISH_STOP,
    },
    Language {
        name: "Portuguese",
        code: "pt",
        marker: Marker::Words {
            words: &[
                "o", "os", "não", "uma", "um", "com", "para", "foi", "em", "da", "dos", "das",
                "ao", "são", "está", "você", "servidor", "pelo", "pela", "nao", "seu", "sua",
                "mais", "é", "foram", "usuário",
            ],
            parts: &["ã", "õ", "ção", "ções"],
        },
        source: src::SNOWBALL_PORTUGUESE_STOP,
    },
    Language {
        name: "Italian",
        code: "it",
        marker: Marker::Words {
            words: &[
                "il", "gli", "della", "che", "non", "di", "è", "sono", "per", "con", "nel", "alla",
                "dei", "delle", "questo", "questa", "stato", "essere", "errore", "utente",
            ],
            parts: &["zione", "zioni", "ò", "ì"],
        },
        source: src::SNOWBALL_ITALIAN_STOP,
    },
    Language {
        name: "Dutch",
        code: "nl",
        marker: Marker::Words {
            words: &[
                "het",
                "een",
                "niet",
                "van",
                "zijn",
                "wordt",
                "voor",
                "met",
                "werd",
                "kan",
                "geen",
                "deze",
                "dit",
                "worden",
                "naar",
                "bij",
                "ook",
                "fout",
                "gebruiker",
            ],
            parts: &["ij"],
        },
        source: src::SNOWBALL_DUTCH_STOP,
    },
];

/// The code points inside `ranges`.
pub fn in_ranges(ch: char, ranges: &[(u32, u32)]) -> bool {
    let c = ch as u32;
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_a_source_and_a_marker() {
        for lang in BY_SCRIPT.iter().chain(BY_WORDS) {
            assert!(lang.source.starts_with("https://"), "{}", lang.name);
            assert_eq!(lang.code.len(), 2, "{}", lang.name);
            match lang.marker {
                Marker::Script(r) => assert!(r.iter().all(|(lo, hi)| lo < hi), "{}", lang.name),
                Marker::Words { words, parts } => assert!(
                    words
                        .iter()
                        .chain(parts)
                        .all(|x| x.chars().all(|c| !c.is_uppercase())),
                    "{}: words are lower case",
                    lang.name
                ),
            }
        }
    }

    #[test]
    fn kana_are_japanese_and_han_alone_is_not() {
        assert!(in_ranges('の', HIRAGANA_KATAKANA));
        assert!(in_ranges('サ', HIRAGANA_KATAKANA));
        assert!(!in_ranges('認', HIRAGANA_KATAKANA));
        assert!(in_ranges('認', HAN));
    }
}
