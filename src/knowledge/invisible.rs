//! Table: the invisible format characters (bidi controls and zero-width characters) that the report
//! shows as visible markers wherever it repeats a pasted value.

use crate::knowledge::sources;

/// What an invisible character does to the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// A bidirectional control: the text is shown in another order than it is stored.
    Bidi,
    /// A zero-width character: two values that look equal differ.
    ZeroWidth,
}

/// One invisible character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invisible {
    pub ch: char,
    pub name: &'static str,
    pub effect: Effect,
    pub source: &'static str,
}

const fn bidi(ch: char, name: &'static str) -> Invisible {
    Invisible {
        ch,
        name,
        effect: Effect::Bidi,
        source: sources::UNICODE_REPORTS_TR9,
    }
}

const fn zero_width(ch: char, name: &'static str) -> Invisible {
    Invisible {
        ch,
        name,
        effect: Effect::ZeroWidth,
        source: sources::UNICODE_CORE_SPEC_FORMAT_CHARACTERS,
    }
}

/// Sorted by code point.
pub const CHARS: &[Invisible] = &[
    zero_width('\u{200B}', "zero width space"),
    zero_width('\u{200C}', "zero width non-joiner"),
    zero_width('\u{200D}', "zero width joiner"),
    bidi('\u{200E}', "left-to-right mark"),
    bidi('\u{200F}', "right-to-left mark"),
    bidi('\u{202A}', "left-to-right embedding"),
    bidi('\u{202B}', "right-to-left embedding"),
    bidi('\u{202C}', "pop directional formatting"),
    bidi('\u{202D}', "left-to-right override"),
    bidi('\u{202E}', "right-to-left override"),
    zero_width('\u{2060}', "word joiner"),
    bidi('\u{2066}', "left-to-right isolate"),
    bidi('\u{2067}', "right-to-left isolate"),
    bidi('\u{2068}', "first strong isolate"),
    bidi('\u{2069}', "pop directional isolate"),
    zero_width('\u{FEFF}', "zero width no-break space (byte order mark)"),
];

/// The row for a character, if it is one of the invisible ones.
pub fn lookup(ch: char) -> Option<&'static Invisible> {
    // Every listed character is in U+200B..=U+FEFF; most text never gets past this test.
    if !('\u{200B}'..='\u{FEFF}').contains(&ch) {
        return None;
    }
    CHARS
        .binary_search_by(|row| row.ch.cmp(&ch))
        .ok()
        .map(|i| &CHARS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_sorted_unique_and_sourced() {
        for pair in CHARS.windows(2) {
            assert!(
                pair[0].ch < pair[1].ch,
                "{:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        for row in CHARS {
            crate::knowledge::assert_source(row.source, row.name);
        }
        assert_eq!(lookup('\u{202E}').map(|r| r.effect), Some(Effect::Bidi));
        assert_eq!(lookup('a'), None);
        assert_eq!(lookup('\u{2010}'), None);
    }
}
