//! Stable content hashes (FNV-1a, 64 bit): the same record gives the same hash on every run
//! and every Rust version, which `std`'s hasher does not promise.

/// FNV-1a over `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hashes a sequence of optional strings with unambiguous separators (`None` ≠ `""`).
#[derive(Debug, Clone)]
pub struct Hasher(u64);

impl Default for Hasher {
    fn default() -> Self {
        Hasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher {
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    /// Adds one optional string.
    pub fn add(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            None => self.byte(0),
            Some(s) => {
                self.byte(1);
                for &b in s.as_bytes() {
                    self.byte(b);
                }
                // Lengths keep `["ab", "c"]` and `["a", "bc"]` apart.
                for b in (s.len() as u64).to_le_bytes() {
                    self.byte(b);
                }
            }
        }
        self
    }

    /// The hash.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_stable_and_separates_boundaries_and_absence() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let h = |parts: &[Option<&str>]| {
            let mut h = Hasher::default();
            parts.iter().for_each(|p| {
                h.add(*p);
            });
            h.finish()
        };
        assert_ne!(h(&[Some("ab"), Some("c")]), h(&[Some("a"), Some("bc")]));
        assert_ne!(h(&[None]), h(&[Some("")]));
    }
}
