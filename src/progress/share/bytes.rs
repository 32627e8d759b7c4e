//! Reading and writing the link's bytes: single bytes, LEB128 lengths, strings.

use super::error::ShareError;

/// Which bytes a [`Reader`] walks: running out means something different in each.
#[derive(Clone, Copy)]
pub(super) enum Area {
    /// The decoded link: running out means it was cut short.
    Link,
    /// The (inflated) body, already checked against the checksum: running out means
    /// a field claims more than there is.
    Body,
}

/// A cursor over bytes whose errors carry the position and the part being read.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    area: Area,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8], area: Area) -> Self {
        Reader { bytes, at: 0, area }
    }

    /// The position of the next byte.
    pub(super) fn at(&self) -> usize {
        self.at
    }

    /// The bytes not read yet.
    pub(super) fn rest(&self) -> &'a [u8] {
        &self.bytes[self.at..]
    }

    /// The error for a `part` that needs `len` bytes from here but finds fewer.
    fn cut(&self, part: &str, len: usize) -> ShareError {
        match self.area {
            Area::Link => ShareError::Truncated {
                at: self.bytes.len(),
                needed: self.at.saturating_add(len),
            },
            Area::Body => ShareError::BodyEnds {
                part: part.to_owned(),
                at: self.at,
            },
        }
    }

    /// The next `len` bytes, which belong to `part`.
    pub(super) fn take(&mut self, len: usize, part: &str) -> Result<&'a [u8], ShareError> {
        if self.rest().len() < len {
            return Err(self.cut(part, len));
        }
        let taken = &self.bytes[self.at..self.at + len];
        self.at += len;
        Ok(taken)
    }

    /// The next `N` bytes as an array.
    pub(super) fn array<const N: usize>(&mut self, part: &str) -> Result<[u8; N], ShareError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N, part)?);
        Ok(out)
    }

    pub(super) fn byte(&mut self, part: &str) -> Result<u8, ShareError> {
        Ok(self.array::<1>(part)?[0])
    }

    /// A LEB128 number of at most 32 bits: seven bits a byte, low bits first.
    pub(super) fn varint(&mut self, part: &str) -> Result<usize, ShareError> {
        let start = self.at;
        let mut value: u32 = 0;
        for shift in (0..32).step_by(7) {
            let byte = self.byte(part)?;
            let low = u32::from(byte & 0x7f);
            if low.leading_zeros() < shift {
                break; // bits past the 32nd
            }
            value |= low << shift;
            if byte & 0x80 == 0 {
                return Ok(value as usize);
            }
        }
        Err(ShareError::BadLength {
            part: part.to_owned(),
            at: start,
        })
    }

    /// `len` bytes of UTF-8 text.
    pub(super) fn text(&mut self, len: usize, part: &str) -> Result<String, ShareError> {
        let start = self.at;
        let bytes = self.take(len, part)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|e| ShareError::BadUtf8 {
                part: part.to_owned(),
                at: start + e.valid_up_to(),
            })
    }

    /// A string written by [`put_str`]: its length, then its UTF-8 bytes.
    pub(super) fn string(&mut self, part: &str) -> Result<String, ShareError> {
        let len = self.varint(part)?;
        self.text(len, part)
    }
}

/// Append `value` as LEB128.
pub(super) fn put_varint(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Append a string: its length in bytes, then its UTF-8 bytes.
pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn varint(n: usize) -> Vec<u8> {
        let mut out = Vec::new();
        put_varint(&mut out, n);
        out
    }

    #[test]
    fn lengths_take_one_byte_below_128_and_round_trip() {
        assert_eq!(varint(0), [0]);
        assert_eq!(varint(127), [0x7f]);
        assert_eq!(varint(128), [0x80, 0x01]);
        for n in [0, 1, 127, 128, 300, 65_535, 1 << 21, u32::MAX as usize] {
            let bytes = varint(n);
            assert_eq!(Reader::new(&bytes, Area::Body).varint("length"), Ok(n));
        }
    }

    #[test]
    fn a_length_past_32_bits_is_refused() {
        let bytes = [0xff, 0xff, 0xff, 0xff, 0x1f];
        assert_eq!(
            Reader::new(&bytes, Area::Body).varint("note"),
            Err(ShareError::BadLength {
                part: "note".to_owned(),
                at: 0
            })
        );
    }

    #[test]
    fn running_out_of_the_link_is_truncation_and_of_the_body_a_bad_field() {
        let bytes = [3, b'a'];
        assert_eq!(
            Reader::new(&bytes, Area::Link).string("name"),
            Err(ShareError::Truncated { at: 2, needed: 4 })
        );
        assert_eq!(
            Reader::new(&bytes, Area::Body).string("name"),
            Err(ShareError::BodyEnds {
                part: "name".to_owned(),
                at: 1
            })
        );
    }

    #[test]
    fn bad_utf8_names_the_part_and_the_byte() {
        let bytes = [3, b'a', 0xff, b'b'];
        assert_eq!(
            Reader::new(&bytes, Area::Body).string("name"),
            Err(ShareError::BadUtf8 {
                part: "name".to_owned(),
                at: 2
            })
        );
    }
}
