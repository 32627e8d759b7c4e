//! How much of the browser's storage Rungs uses, and when to say it runs out: in
//! Your progress data and the Check-ins view, and when Save check-in would bring it
//! near the limit.

/// How much of the browser's storage Rungs uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUse {
    /// Characters Rungs keeps (keys and values).
    pub used: u64,
    /// Characters a browser allows a site's localStorage: five million in Chromium
    /// and Firefox.
    pub allowed: u64,
}

impl StorageUse {
    /// The share of the allowance at which the data view warns.
    pub const WARN_PERCENT: u64 = 80;

    /// `used` of the usual allowance of five million characters.
    pub fn of(used: u64) -> StorageUse {
        StorageUse {
            used,
            allowed: 5_000_000,
        }
    }

    /// The use as a sentence, with a warning once it passes [`Self::WARN_PERCENT`].
    pub fn words(&self) -> String {
        let percent = self.percent();
        let said = format!(
            "Rungs uses {} of the about {} this browser allows it ({percent}%).",
            size(self.used),
            size(self.allowed)
        );
        if self.warns() {
            format!("{said} Storage is running out: download a backup, then delete old check-ins.")
        } else {
            said
        }
    }

    /// Whether the data view should warn that storage is running out.
    pub fn warns(&self) -> bool {
        self.used * 100 >= self.allowed * Self::WARN_PERCENT
    }

    /// The use rounded up to a whole percent of the allowance.
    pub fn percent(&self) -> u64 {
        (self.used * 100).div_ceil(self.allowed.max(1))
    }

    /// The use once `adding` more characters are stored: what saving a check-in
    /// that takes them (its key and value) would make it. Save check-in warns, as it
    /// opens and when it saves, when that [`warns`](Self::warns).
    pub fn adding(&self, adding: u64) -> StorageUse {
        StorageUse {
            used: self.used + adding,
            ..*self
        }
    }
}

/// A count of characters as `12.3 KB` or `4.8 MB` (one character taken as a byte,
/// which it is for most text people type).
pub fn size(chars: u64) -> String {
    if chars >= 1_000_000 {
        format!("{}.{} MB", chars / 1_000_000, chars / 100_000 % 10)
    } else {
        format!("{}.{} KB", chars / 1000, chars / 100 % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_use_warns_from_eighty_percent() {
        assert_eq!(
            StorageUse::of(12_345).words(),
            "Rungs uses 12.3 KB of the about 5.0 MB this browser allows it (1%)."
        );
        let full = StorageUse::of(4_000_000);
        assert!(full.warns());
        assert!(full
            .words()
            .ends_with("Storage is running out: download a backup, then delete old check-ins."));
        assert!(!StorageUse::of(3_999_999).warns());
    }

    #[test]
    fn saving_warns_only_when_the_checkin_brings_storage_to_eighty_percent() {
        let now = StorageUse::of(3_995_000);
        assert!(!now.warns());
        assert!(!now.adding(4_999).warns());
        let after = now.adding(5_000);
        assert!(after.warns());
        assert_eq!(
            after.words(),
            "Rungs uses 4.0 MB of the about 5.0 MB this browser allows it (80%). \
             Storage is running out: download a backup, then delete old check-ins."
        );
    }

    #[test]
    fn a_checkin_past_the_allowance_says_more_than_all_of_it() {
        let after = StorageUse::of(4_998_000).adding(4_000);
        assert!(after.warns());
        assert!(after.words().contains("(101%)"), "{}", after.words());
    }
}
