//! Hostile text for the linearity benchmark (`benches/adversarial.rs`) and its test: what
//! makes a naive parser or rule backtrack, rescan or nest — thousands of unbalanced `«`,
//! long digit runs, footnote marks of every form, deeply nested numbering, blank lines of
//! spaces and tabs, `;;;;`, one very long line, CRLF, combining accents and emoji, `n°` and
//! `1er`, hyphens at line ends. No randomness: the same size gives the same bytes.
//!
//! Each kind of hostility gets an equal share of the size, half as many short lines and half
//! as one unbroken run, so that a bigger text has both more of them and longer runs.

/// A kind of hostility: its short lines and the unit of its unbroken run.
struct Kind {
    /// One line of this kind, the `n`th.
    line: fn(n: usize) -> String,
    /// The unit repeated, without a line break, to make the run.
    run: &'static str,
}

const KINDS: [Kind; 13] = [
    Kind {
        line: |n| {
            format!(
                "« Rappelant {} « sa résolution « {n} »{}\n",
                "«".repeat(n % 7),
                "»".repeat(n % 5)
            )
        },
        run: "«\u{a0}",
    },
    Kind {
        line: |n| {
            format!(
                "{} 000 000 et {}{} 345,{:02} dollars, {}\n",
                n,
                n * 7919,
                n % 1000,
                n % 100,
                "9".repeat(n % 40)
            )
        },
        run: "1234567890",
    },
    Kind {
        line: |n| {
            format!(
                "Mot¹²³ mot^{n} mot[^{n}] mot{n}, mot{}⁴⁵.\n[^{n}]: Note {n}.\n",
                n % 97
            )
        },
        run: "¹²³⁴⁵⁶⁷⁸⁹⁰",
    },
    Kind {
        line: |n| {
            let depth = n % 9 + 1;
            let number = ["1.", "a)", "i)", "(ii)", "1.1.1", "b.", "(c)", "IV.", "10."][n % 9];
            format!("{}{number} Décide {depth} ;\n", "\t".repeat(depth))
        },
        run: "1. a) i) (ii) ",
    },
    Kind {
        line: |n| format!("{}{}\n", " ".repeat(n % 13), "\t".repeat(n % 5)),
        run: " \t",
    },
    Kind {
        line: |n| {
            format!(
                "Texte{} et{} fin{}\n",
                ";".repeat(n % 9 + 1),
                ":".repeat(n % 4),
                "!?".repeat(n % 3)
            )
        },
        run: ";",
    },
    Kind {
        line: |n| format!("Les mots de la ligne {n} se suivent sans fin ni saut "),
        run: "mot ",
    },
    Kind {
        line: |n| format!("Rappelant le paragraphe {n} ;\r\n\r\n"),
        run: "a\r\n",
    },
    Kind {
        line: |n| format!("Re\u{301}solution {n} 👍🏽 👨‍👩‍👧 e\u{301}\u{300}\u{302} ﬁn\n"),
        run: "e\u{301}👍🏽",
    },
    Kind {
        line: |n| format!("Le n° {n}, le 1er et le {n}e, no {n}, 2ème, Ier, XXe siècle.\n"),
        run: "n°1er ",
    },
    Kind {
        line: |n| format!("inter-\nnational {n} -\n-- ---\nexem-\n"),
        run: "-",
    },
    Kind {
        line: |n| format!("l'Assemblée’s \"citation\" “autre” ‘{n}’ ''\n"),
        run: "'\"",
    },
    Kind {
        line: |n| {
            format!("A/RES/66/{n}\n{n}/15\n\u{c}\n11-{n:05}\nle 31 février 20{:02}, soixante-sixième session\n", n % 100)
        },
        run: "\u{200b}\u{ad}\u{feff}\u{a0}",
    },
];

/// About `bytes` bytes of hostile text (a few bytes more, never less).
pub fn adversarial(bytes: usize) -> String {
    let share = bytes.div_ceil(KINDS.len());
    let mut text = String::with_capacity(bytes + 1024);
    for kind in &KINDS {
        let lines_end = text.len() + share / 2;
        let mut n = 1;
        while text.len() < lines_end {
            text += &(kind.line)(n);
            n += 1;
        }
        let run_end = text.len() + share - share / 2;
        while text.len() < run_end {
            text += kind.run;
        }
        text += "\n\n";
    }
    text
}
