//! One sort routine for the whole crate: sorting by key through a single index sort keeps the
//! page from carrying a copy of the standard library's sort code for every element type.

use std::cmp::Ordering;

/// Sorts `items` stably by `key` (the order `slice::sort_by_key` gives).
pub fn by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by `compare` (the order `slice::sort_by` gives).
pub fn by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` stably in their natural order (the order `slice::sort` gives).
pub fn natural<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// The one monomorphised sort: indices, compared through a trait object.
#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}

/// Moves the element at `order[i]` to `i`, following each cycle once (linear, no clones).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        if order[start] == DONE {
            continue;
        }
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 10, 100, 1000] {
            let mut items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            by_key(&mut items, |p| p.0);
            assert_eq!(items, expected, "length {len}");
        }
        let mut words = vec!["b", "a", "c", "a"];
        natural(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
