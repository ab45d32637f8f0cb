//! Folds repeated cards: a value that appears thousands of times in a paste (the same error, the
//! same challenge) keeps a card for its first places and a count for the rest, so memory follows
//! the number of distinct facts, not the number of lines.

use crate::report::Artifact;
use std::collections::HashMap;

/// How many places one repeated card keeps before the rest are only counted.
pub const MAX_COPIES: usize = 20;

/// Collects cards in order, dropping a card once `MAX_COPIES` equal ones (same kind, title and
/// verdict) were kept, and counting it on the last kept copy.
#[derive(Default)]
pub struct Repeats {
    seen: HashMap<(&'static str, String, String), (usize, usize)>,
    out: Vec<Artifact>,
}

impl Repeats {
    /// Adds one card.
    pub fn push(&mut self, card: Artifact) {
        let key = (
            card.kind.css_name(),
            card.title.clone(),
            card.verdict.clone(),
        );
        let (copies, last) = self.seen.entry(key).or_insert((0, 0));
        if *copies < MAX_COPIES {
            *last = self.out.len();
            self.out.push(card);
        }
        *copies += 1;
    }

    /// The kept cards, each last copy of a repeated card saying how many more places it has.
    pub fn finish(mut self) -> Vec<Artifact> {
        for (copies, last) in self.seen.values() {
            if *copies > MAX_COPIES {
                if let Some(card) = self.out.get_mut(*last) {
                    card.verdict.push_str(&format!(
                        " The same appears {} more times after this one.",
                        copies - MAX_COPIES
                    ));
                }
            }
        }
        self.out
    }
}

/// Folds the repeats of an ordered sequence of cards.
pub fn fold(cards: impl IntoIterator<Item = Artifact>) -> Vec<Artifact> {
    let mut r = Repeats::default();
    for card in cards {
        r.push(card);
    }
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{ArtifactKind, Span};

    fn card(title: &str, at: usize) -> Artifact {
        Artifact::new(ArtifactKind::Aadsts, Span::new(at, at + 1), title)
    }

    #[test]
    fn a_card_repeated_past_the_limit_is_counted_on_its_last_copy() {
        let cards = (0..25).map(|i| card("same", i)).chain([card("other", 99)]);
        let out = fold(cards);
        assert_eq!(out.len(), MAX_COPIES + 1);
        assert!(out[MAX_COPIES - 1].verdict.contains("5 more times"));
        assert_eq!(out[MAX_COPIES].title, "other");
    }

    #[test]
    fn distinct_cards_and_few_repeats_are_kept_as_they_are() {
        let out = fold((0..3).map(|i| card("same", i)));
        assert_eq!(out.len(), 3);
        assert!(out.iter().all(|c| c.verdict.is_empty()));
    }
}
