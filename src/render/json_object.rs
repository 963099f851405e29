//! JSON objects written field by field straight into a byte buffer: a finding is written
//! thousands of times per file, and serde's derive spent half of a run's rendering escaping
//! the same field names again and again. The bytes are serde_json's own (strings that need
//! escaping go through it).

/// One JSON object being written into `out`: `{`, then `"key":value` pairs, then `}`.
pub(super) struct JsonObject<'a> {
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> JsonObject<'a> {
    /// Opens an object at the end of `out`.
    pub(super) fn start(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Self { out, empty: true }
    }

    /// A string field.
    #[inline(always)]
    pub(super) fn string(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key);
        write_string(self.out, value);
        self
    }

    /// A string field, `null` when absent.
    #[inline(always)]
    pub(super) fn optional_string(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        match value {
            Some(value) => self.string(key, value),
            None => {
                self.key(key);
                self.out.extend_from_slice(b"null");
                self
            }
        }
    }

    /// A number field.
    #[inline(always)]
    pub(super) fn number(&mut self, key: &str, value: usize) -> &mut Self {
        self.key(key);
        self.out
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
        self
    }

    /// An array field, each item an object written by `write`.
    pub(super) fn objects<T>(
        &mut self,
        key: &str,
        items: impl IntoIterator<Item = T>,
        mut write: impl FnMut(T, &mut JsonObject),
    ) -> &mut Self {
        self.key(key);
        self.out.push(b'[');
        for (index, item) in items.into_iter().enumerate() {
            if index > 0 {
                self.out.push(b',');
            }
            let mut object = JsonObject::start(self.out);
            write(item, &mut object);
            object.end();
        }
        self.out.push(b']');
        self
    }

    /// An object field written by `write`, `null` when `value` is absent.
    pub(super) fn optional_object<T>(
        &mut self,
        key: &str,
        value: Option<T>,
        write: impl FnOnce(T, &mut JsonObject),
    ) -> &mut Self {
        self.key(key);
        match value {
            Some(value) => {
                let mut object = JsonObject::start(self.out);
                write(value, &mut object);
                object.end();
            }
            None => self.out.extend_from_slice(b"null"),
        }
        self
    }

    /// Closes the object.
    pub(super) fn end(&mut self) {
        self.out.push(b'}');
    }

    #[inline(always)]
    fn key(&mut self, key: &str) {
        if !std::mem::replace(&mut self.empty, false) {
            self.out.push(b',');
        }
        debug_assert!(is_plain(key.as_bytes()), "a field name needs no escaping");
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }
}

/// Writes `value` as a JSON string, escaped exactly as serde_json escapes it.
fn write_string(out: &mut Vec<u8>, value: &str) {
    if is_plain(value.as_bytes()) {
        out.reserve(value.len() + 2);
        out.push(b'"');
        out.extend_from_slice(value.as_bytes());
        out.push(b'"');
    } else {
        serde_json::to_writer(out, value).expect("writing into memory cannot fail");
    }
}

/// Whether `bytes` need no escaping: no control character, quote or backslash. Looked for 16
/// bytes at a time without stopping early, which the compiler turns into vector code (a
/// report is about as big as the text it reports on).
fn is_plain(bytes: &[u8]) -> bool {
    let needs_escape = |byte: u8| (byte < 0x20) | (byte == b'"') | (byte == b'\\');
    let chunks = bytes.chunks_exact(16);
    let rest = chunks.remainder();
    chunks
        .map(|chunk| {
            chunk
                .iter()
                .fold(false, |any, &byte| any | needs_escape(byte))
        })
        .chain([rest
            .iter()
            .fold(false, |any, &byte| any | needs_escape(byte))])
        .all(|any| !any)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &str) -> String {
        let mut out = Vec::new();
        JsonObject::start(&mut out)
            .string("s", value)
            .optional_string("none", None)
            .number("n", 4_294_967_296)
            .end();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let long = "é".repeat(20);
        let values = [
            "",
            "plain é ",
            "a\"b",
            "a\\b",
            "tab\there",
            "\u{1}\u{1f}\u{7f}",
            "«\n»",
            &format!("{long}\"{long}"),
            &format!("{long}x\n"),
        ];
        for value in values {
            let expected = format!(
                "{{\"s\":{},\"none\":null,\"n\":4294967296}}",
                serde_json::to_string(value).unwrap()
            );
            assert_eq!(written(value), expected);
        }
    }

    #[test]
    fn nested_objects_and_arrays_are_separated_by_commas() {
        let mut out = Vec::new();
        JsonObject::start(&mut out)
            .objects("list", [1, 2], |n, object| {
                object.number("n", n);
            })
            .objects("empty", [0; 0], |n, object| {
                object.number("n", n);
            })
            .optional_object("some", Some("x"), |s, object| {
                object.string("s", s);
            })
            .optional_object("none", None::<&str>, |s, object| {
                object.string("s", s);
            })
            .end();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"list":[{"n":1},{"n":2}],"empty":[],"some":{"s":"x"},"none":null}"#
        );
    }
}
