//! Checking that labels count 1, 2, 3 … with one finding per fault.

use crate::span::Span;

/// A numbered label: a paragraph number, a sub-paragraph letter or numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbered {
    /// Its value (`b)` is 2).
    pub value: u32,
    /// Where it is written.
    pub span: Span,
}

/// What is wrong with one label of a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The first label is not 1.
    BadStart,
    /// A value is missing before this one.
    Skip,
    /// The same value as the label before.
    Repeat,
    /// A value lower than expected.
    Backwards,
    /// This label and the next are swapped (`b)` then `a)`).
    Swap,
}

/// One fault: which label, what kind, what was expected there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SequenceFault {
    /// Index of the faulty label.
    pub index: usize,
    /// The kind of fault.
    pub fault: Fault,
    /// The value expected at that place.
    pub expected: u32,
}

/// Finds the faults of `labels`, which should count from 1.
///
/// After a wrong label, the count follows what is written, unless the next label shows that
/// only this one was wrong (`1 2 3 3 5`: one fault, the second `3`, where 4 was expected).
pub fn check_sequence(labels: &[Numbered]) -> Vec<SequenceFault> {
    let mut faults = Vec::new();
    let mut expected = 1;
    let mut index = 0;
    while let Some(label) = labels.get(index) {
        let value = label.value;
        let next = labels.get(index + 1).map(|l| l.value);
        if value == expected {
            expected += 1;
            index += 1;
            continue;
        }
        if value == expected + 1 && next == Some(expected) {
            faults.push(SequenceFault {
                index,
                fault: Fault::Swap,
                expected,
            });
            expected += 2;
            index += 2;
            continue;
        }
        let fault = match (index, value) {
            (0, _) => Fault::BadStart,
            (_, v) if v + 1 == expected => Fault::Repeat,
            (_, v) if v < expected => Fault::Backwards,
            _ => Fault::Skip,
        };
        faults.push(SequenceFault {
            index,
            fault,
            expected,
        });
        expected = if next == Some(expected + 1) {
            expected + 1
        } else {
            value + 1
        };
        index += 1;
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faults(values: &[u32]) -> Vec<(usize, Fault, u32)> {
        let labels: Vec<Numbered> = values
            .iter()
            .map(|&value| Numbered {
                value,
                span: Span::default(),
            })
            .collect();
        check_sequence(&labels)
            .into_iter()
            .map(|f| (f.index, f.fault, f.expected))
            .collect()
    }

    #[test]
    fn one_finding_per_fault() {
        assert_eq!(faults(&[1, 2, 3]), []);
        assert_eq!(faults(&[1, 2, 3, 5, 6]), [(3, Fault::Skip, 4)]);
        assert_eq!(faults(&[1, 2, 3, 3, 4]), [(3, Fault::Repeat, 4)]);
        assert_eq!(faults(&[1, 2, 3, 3, 5]), [(3, Fault::Repeat, 4)]);
        assert_eq!(faults(&[2, 1, 3]), [(0, Fault::Swap, 1)]);
        assert_eq!(faults(&[1, 3, 2, 4]), [(1, Fault::Swap, 2)]);
        assert_eq!(faults(&[2, 3, 4]), [(0, Fault::BadStart, 1)]);
        assert_eq!(
            faults(&[1, 2, 5, 1, 2]),
            [(2, Fault::Skip, 3), (3, Fault::Backwards, 6)]
        );
    }
}
