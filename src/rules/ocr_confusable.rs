//! `ocr-confusable`: characters read for others: letters inside numbers (`l993`, `2OO3`), as
//! OCR reads them, and mojibake (`Ã©`, `â€™`): UTF-8 decoded as Windows-1252 or Latin-1.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::settings::Settings;
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags letters read for digits inside numbers and UTF-8 decoded with the wrong encoding.
pub struct OcrConfusable;

static META: RuleMeta = RuleMeta {
    id: "ocr-confusable",
    group: Group::Ocr,
    severity: Severity::Warning,
    fix: FixAvailability::Unsafe,
    summary: "No letters for digits in numbers (`l993`), no mojibake (`Ã©`, `â€™`)",
    explanation: "\
### What it does
- Letters read for digits inside a number: a word of at least three characters made of
  digits (two at least) and of the letters `O`, `o` (for 0), `l`, `I` (for 1) only, such as
  `l993`, `2OO3`, `1O0`. Symbols (`A/RES/55/109`) are left alone, and so are ordinals
  (`1er`, `2e`) and words with any other letter.
- Mojibake: `Ã©`, `Ã¨`, `Â°`, `â€™`, `Å“`, `ï»¿`… — the bytes of a UTF-8 character read one
  by one as Windows-1252 or Latin-1 characters. It means the file went through a program
  that decoded it with the wrong encoding: every accented letter is damaged the same way.

### Why is this bad?
`l993` is not a year for a search or a date check; `rÃ©solution` is not a word.

### Fix
Writes the digits (`1993`) and the character the bytes stood for (`é`, `’`). Unsafe: better
still, take the text again from its source with the right encoding.",
    examples: &[
        Example {
            bad: "Rappelant la Déclaration adoptée le 25 juin l993 et le 8 septembre 2OO0,\n",
            good: "Rappelant la Déclaration adoptée le 25 juin 1993 et le 8 septembre 2000,\n",
        },
        Example {
            bad: "Rappelant la rÃ©solution 54/181 de lâ€™AssemblÃ©e gÃ©nÃ©rale,\n",
            good: "Rappelant la résolution 54/181 de l’Assemblée générale,\n",
        },
    ],
};

impl Rule for OcrConfusable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let mut found = Vec::new();
        letters_in_numbers(document, &mut found);
        mojibake(document.source, &mut found);
        found.sort_by_key(|d| d.span.start);
        diagnostics.extend(found);
    }
}

/// Numbers with `O`, `o`, `l` or `I` among their digits.
fn letters_in_numbers(document: &Document, diagnostics: &mut Vec<Diagnostic>) {
    let source = document.source;
    let bytes = source.as_bytes();
    let mut digits = document.digits();
    let mut at = 0;
    while let Some(digit) = digits.digit_from(at) {
        let digits_end = digit
            + bytes[digit..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let alphanumeric = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
        if !alphanumeric(bytes.get(digits_end))
            && !alphanumeric(digit.checked_sub(1).map(|before| &bytes[before]))
        {
            // The cheap question first: most numbers stand between spaces or signs.
            at = digits_end;
            continue;
        }
        let start = digit
            - bytes[..digit]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        let end = digit
            + bytes[digit..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        at = end;
        let token = &source[start..end];
        // The cheap questions first: most tokens are short or digits only.
        if token.len() < 3 {
            continue;
        }
        let digits = token.bytes().filter(u8::is_ascii_digit).count();
        if digits < 2 || digits == token.len() {
            continue;
        }
        let confusable = token
            .bytes()
            .all(|b| b.is_ascii_digit() || b"OolI".contains(&b));
        let in_a_word = || {
            source[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
                || source[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        };
        let span = Span::new(start, end);
        if !confusable || in_a_word() || document.overlaps_verbatim(span) {
            continue;
        }
        let number: String = token
            .chars()
            .map(|c| match c {
                'O' | 'o' => '0',
                'l' | 'I' => '1',
                _ => c,
            })
            .collect();
        diagnostics.push(
            META.diagnostic(
                span,
                format!("lettres lues pour des chiffres : « {token} »"),
            )
            .with_label("lettres au milieu d'un nombre")
            .with_help(format!(
                "L'OCR confond O et 0, l et 1 : le nombre est sans doute « {number} »."
            ))
            .with_fix(Fix::single(Applicability::Unsafe, span, number)),
        );
    }
}

/// UTF-8 sequences decoded one byte per character: `Ã©` for `é`, `â€™` for `’`.
fn mojibake(source: &str, diagnostics: &mut Vec<Diagnostic>) {
    let bytes = source.as_bytes();
    let mut after_last = 0;
    // Every lead character of a sequence (`Â Ã Ä Å â ï`) is written 0xC3 0x.. in UTF-8: its
    // second byte is searched for, rarer than the 0xC3 of the `é à è` of every French line.
    for second in lead_second_bytes(bytes) {
        let at = second - 1;
        if at < after_last || bytes[at] != 0xC3 {
            continue;
        }
        let Some((span, decoded)) = sequence_at(source, at) else {
            continue;
        };
        after_last = span.end;
        let replacement = if decoded == '\u{FEFF}' {
            String::new()
        } else {
            decoded.to_string()
        };
        let shown = if decoded == '\u{FEFF}' {
            "l'indicateur d'ordre des octets (BOM)".to_owned()
        } else {
            format!("« {decoded} »")
        };
        diagnostics.push(
            META.diagnostic(
                span,
                format!("texte mal décodé : « {} » pour {shown}", span.text(source)),
            )
            .with_label("mojibake")
            .with_help(
                "Ces caractères sont les octets d'un caractère UTF-8 lus un par un comme du \
                 Windows-1252 ou du Latin-1 : le fichier a été décodé avec le mauvais encodage. \
                 Reprenez-le à la source avec le bon encodage, ou réparez chaque séquence \
                 (--unsafe-fixes).",
            )
            .with_fix(Fix::single(Applicability::Unsafe, span, replacement)),
        );
    }
}

/// The mojibake sequence starting at byte `at`, and the character it stands for.
/// The offsets, in order, of the bytes that end a lead character `Â Ã Ä Å â ï`
/// (0x82 to 0x85, 0xA2, 0xAF), after the first byte: two vector searches of three bytes.
fn lead_second_bytes(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let body = bytes.get(1..).unwrap_or_default();
    let mut low = memchr::memchr3_iter(0x82, 0x83, 0x84, body).peekable();
    let mut high = memchr::memchr3_iter(0x85, 0xA2, 0xAF, body).peekable();
    std::iter::from_fn(move || {
        // The two searches look for different bytes: their offsets never meet.
        match (low.peek(), high.peek()) {
            (Some(l), Some(h)) if l > h => high.next(),
            (Some(_), _) => low.next(),
            (None, _) => high.next(),
        }
    })
    .map(|offset| offset + 1)
}

fn sequence_at(source: &str, at: usize) -> Option<(Span, char)> {
    let mut chars = source[at..].chars();
    let lead = chars.next()?;
    let continuations = match lead {
        'Â' | 'Ã' | 'Ä' | 'Å' => 1,
        'â' | 'ï' => 2,
        _ => return None,
    };
    let mut end = at + lead.len_utf8();
    // A continuation reads as U+0080 to U+00BF or a Windows-1252 letter, never ASCII: the
    // `â` of `âge` is followed by an ASCII letter.
    if source.as_bytes().get(end).is_none_or(|&byte| byte < 0xC2) {
        return None;
    }
    // On the stack: at most three bytes.
    let mut utf8 = [lead as u8, 0, 0];
    let mut len = 1;
    for c in chars.take(continuations) {
        utf8[len] = windows_1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))?;
        len += 1;
        end += c.len_utf8();
    }
    let decoded = std::str::from_utf8(&utf8[..len]).ok()?.chars().next()?;
    (len == continuations + 1).then_some((Span::new(at, end), decoded))
}

/// The Windows-1252 byte of `c` (C1 controls stand for themselves, as Latin-1 reads them).
fn windows_1252_byte(c: char) -> Option<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    match u8::try_from(u32::from(c)) {
        Ok(byte) => Some(byte),
        Err(_) => HIGH.iter().find(|(high, _)| *high == c).map(|(_, b)| *b),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::OcrConfusable;

    #[test]
    fn pass() {
        assert_findings(
            &OcrConfusable,
            &[
                (
                    "Le 1er janvier 2000, la 70e séance, l’Article 1, H2O, 1O, A/RES/55/1O9, «Sub.2», 1,5 %.\n",
                    &[],
                ),
                ("Âge, «Ô», Ça, Ève, Œuvre, âme, maïs, l’État, à 10 h.\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &OcrConfusable,
            &[
                (
                    "le 25 juin l993, le 8 septembre 2OO3, (2O1O).\n",
                    &[
                        ("l993", "lettres lues pour des chiffres : « l993 »"),
                        ("2OO3", "lettres lues pour des chiffres : « 2OO3 »"),
                        ("2O1O", "lettres lues pour des chiffres : « 2O1O »"),
                    ],
                ),
                (
                    "ï»¿la rÃ©solution, lâ€™homme, les Å“uvres, Â« 10Â° Â», lâ€\u{9d}.\n",
                    &[
                        (
                            "ï»¿",
                            "texte mal décodé : « ï»¿ » pour l'indicateur d'ordre des octets (BOM)",
                        ),
                        ("Ã©", "texte mal décodé : « Ã© » pour « é »"),
                        ("â€™", "texte mal décodé : « â€™ » pour « ’ »"),
                        ("Å“", "texte mal décodé : « Å“ » pour « œ »"),
                        ("Â«", "texte mal décodé : « Â« » pour « « »"),
                        ("Â°", "texte mal décodé : « Â° » pour « ° »"),
                        ("Â»", "texte mal décodé : « Â» » pour « » »"),
                        ("â€\u{9d}", "texte mal décodé : « â€\u{9d} » pour « ” »"),
                    ],
                ),
            ],
        );
    }
}
