//! The outside world the core may know about: the clock, the local offset and randomness, passed in.

/// Everything the core would otherwise read from the machine; tests fix it, the page fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// Now, as Unix seconds (UTC).
    pub now: i64,
    /// The user's local offset from UTC in minutes (east positive), for local times.
    pub utc_offset_minutes: i32,
    /// Fresh random bytes, used for generated identifiers such as a keyCredentials `keyId`.
    pub random: [u8; 16],
}

impl Context {
    /// A fixed context for tests and golden files: 2026-01-01T00:00:00Z, UTC, fixed randomness.
    pub fn fixed() -> Self {
        Context {
            now: 1_767_225_600,
            utc_offset_minutes: 0,
            random: [7; 16],
        }
    }
}
