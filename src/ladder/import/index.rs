//! A map from strings to numbers (positions, counters) as a sorted `Vec`.
//!
//! The importer looks names up in several places (role ids, level ids, id
//! suffixes, role names). A `HashMap` adds hashbrown's table code for each key
//! and value type it is used with (about 2 KB of wasm each, 1.5 KB gzipped in
//! all here); one sorted `Vec` of `(String, usize)` serves every one of them,
//! with binary search, so lookups stay logarithmic however many names there are.

/// Strings, each with a number, sorted by string.
#[derive(Debug, Default)]
pub(crate) struct Index(Vec<(String, usize)>);

impl Index {
    /// Where `key` is, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The number of `key`, if it is there.
    pub(crate) fn get(&self, key: &str) -> Option<usize> {
        self.find(key).ok().map(|at| self.0[at].1)
    }

    /// Whether `key` is there.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the number of `key`.
    pub(crate) fn insert(&mut self, key: &str, value: usize) {
        match self.find(key) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (key.to_owned(), value)),
        }
    }

    /// The number of `key`, set to `value` first when `key` is not there.
    pub(crate) fn entry(&mut self, key: &str, value: usize) -> &mut usize {
        let at = match self.find(key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key.to_owned(), value));
                at
            }
        };
        &mut self.0[at].1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_their_numbers_in_any_order() {
        let mut index = Index::default();
        for (i, key) in ["b", "a", "c", "a"].into_iter().enumerate() {
            *index.entry(key, i) += 10;
        }
        index.insert("d", 7);
        assert_eq!(index.get("a"), Some(21));
        assert_eq!(index.get("b"), Some(10));
        assert_eq!(index.get("c"), Some(12));
        assert_eq!(index.get("d"), Some(7));
        assert!(!index.contains("e"));
    }
}
