//! Decoding inputs that are not UTF-8 (`--encoding`): OCR tools and old exports write
//! Windows-1252 or Latin-1. Detection is chardetng's; decoding is encoding_rs's.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};

/// How to decode the bytes of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputEncoding {
    /// UTF-8, with or without BOM; other bytes are an error.
    #[default]
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// UTF-8 when the bytes are valid UTF-8, otherwise the encoding detected.
    Auto,
    /// Windows-1252, the "ANSI" code page of Western European Windows.
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
    /// ISO-8859-1.
    #[value(name = "latin-1", alias = "latin1", alias = "iso-8859-1")]
    Latin1,
}

/// How a text that was not read as UTF-8 was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoding {
    /// The encoding's name (`windows-1252`).
    pub encoding: &'static str,
    /// Whether `--encoding auto` chose it.
    pub detected: bool,
}

/// Bytes that are not UTF-8 where UTF-8 was required; the offset of the first bad byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    /// Offset of the first byte that is not valid UTF-8.
    pub offset: usize,
}

/// Decodes `bytes` as `encoding` says: the text, and how it was decoded when that was not
/// UTF-8 kept byte for byte (a UTF-8 BOM then stays at offset 0).
pub fn decode(
    bytes: Vec<u8>,
    encoding: InputEncoding,
) -> Result<(String, Option<Decoding>), NotUtf8> {
    let explicit = |encoding: &'static str, text: String| {
        Ok((
            text,
            Some(Decoding {
                encoding,
                detected: false,
            }),
        ))
    };
    match encoding {
        InputEncoding::Windows1252 => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            explicit("windows-1252", text.into_owned())
        }
        InputEncoding::Latin1 => explicit(
            "latin-1",
            encoding_rs::mem::decode_latin1(&bytes).into_owned(),
        ),
        InputEncoding::Utf8 | InputEncoding::Auto => match utf8(bytes) {
            Ok(text) => Ok((text, None)),
            Err(error) if encoding == InputEncoding::Auto => Ok(detect(error.as_bytes())),
            Err(error) => Err(NotUtf8 {
                offset: error.utf8_error().valid_up_to(),
            }),
        },
    }
}

/// `bytes` as a string if they are UTF-8, validated by SIMD (std's check, a byte at a time
/// on accented text, took 4 % of a run); std's error, with its offset, if not.
fn utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that `bytes` are valid UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}

/// Decodes bytes that are not UTF-8 in the encoding chardetng finds most likely (a UTF-16
/// BOM wins over the guess).
fn detect(bytes: &[u8]) -> (String, Option<Decoding>) {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    let (text, used, _) = guess.decode(bytes);
    let decoding = Decoding {
        encoding: canonical_name(used),
        detected: true,
    };
    (text.into_owned(), Some(decoding))
}

/// The encoding's name in lower case, as `--encoding` spells them (`windows-1252`).
fn canonical_name(encoding: &'static encoding_rs::Encoding) -> &'static str {
    const NAMES: [(&encoding_rs::Encoding, &str); 4] = [
        (encoding_rs::WINDOWS_1252, "windows-1252"),
        (encoding_rs::UTF_16LE, "utf-16le"),
        (encoding_rs::UTF_16BE, "utf-16be"),
        (encoding_rs::UTF_8, "utf-8"),
    ];
    NAMES
        .iter()
        .find(|(known, _)| *known == encoding)
        .map_or(encoding.name(), |(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH_1252: &[u8] =
        b"R\xe9affirmant sa volont\xe9 de promouvoir la coop\xe9ration internationale \
          dans le domaine des droits de l\x92homme, \xab\xa0Promotion\xa0\xbb, les \xc9tats\n";
    const FRENCH: &str = "Réaffirmant sa volonté de promouvoir la coopération internationale \
          dans le domaine des droits de l’homme, «\u{a0}Promotion\u{a0}», les États\n";

    #[test]
    fn utf8_is_kept_byte_for_byte_and_anything_else_refused() {
        let with_bom = "\u{feff}Réaffirmant".as_bytes().to_vec();
        assert_eq!(
            decode(with_bom.clone(), InputEncoding::Utf8),
            Ok(("\u{feff}Réaffirmant".to_owned(), None))
        );
        assert_eq!(
            decode(with_bom, InputEncoding::Auto),
            Ok(("\u{feff}Réaffirmant".to_owned(), None))
        );
        assert_eq!(
            decode(FRENCH_1252.to_vec(), InputEncoding::Utf8),
            Err(NotUtf8 { offset: 1 })
        );
    }

    #[test]
    fn auto_detects_windows_1252_french() {
        let (text, decoding) = decode(FRENCH_1252.to_vec(), InputEncoding::Auto).unwrap();
        assert_eq!(text, FRENCH);
        assert_eq!(
            decoding,
            Some(Decoding {
                encoding: "windows-1252",
                detected: true
            })
        );
    }

    #[test]
    fn named_encodings_decode_as_told() {
        let decoded = |encoding| decode(FRENCH_1252.to_vec(), encoding).unwrap();
        assert_eq!(decoded(InputEncoding::Windows1252).0, FRENCH);
        let (latin1, decoding) = decoded(InputEncoding::Latin1);
        assert_eq!(
            latin1,
            FRENCH.replace('’', "\u{92}"),
            "0x92 is a control in Latin-1"
        );
        assert_eq!(
            decoding,
            Some(Decoding {
                encoding: "latin-1",
                detected: false
            })
        );
    }
}
