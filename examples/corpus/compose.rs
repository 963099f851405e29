//! A resolution put together from a plan: header, title, opener, preamble, operative
//! paragraphs (one perhaps with sub-paragraphs), footnote definitions where a page would end,
//! closing — written in one style, with the structural faults placed and marked.

use super::french::{capitalised, opening_year, ordinal, shift_sessions, Date};
use super::markers::Markers;
use super::pool::{pool, Passage, NOTE};
use super::rng::Rng;
use super::structure::{Shape, StructureFault, Targets};
use super::style::{drop_unwritable_marks, Form, Marks, Style};

/// A part of the document, before layout.
#[derive(Debug)]
pub enum Block {
    /// Symbol, session, dates…, one string per line (empty for a blank line).
    Header(Vec<String>),
    /// `66/152. Renforcement …`.
    Title(String),
    /// `L'Assemblée générale,`.
    Opener(String),
    /// A preamble paragraph.
    Preamble(String),
    /// A numbered operative paragraph.
    Operative(String),
    /// `a) …`.
    Subparagraph(String),
    /// Footnote definitions, one per line.
    Notes(Vec<String>),
    /// Meeting and date lines.
    Closing(Vec<String>),
}

/// What a document is made of, chosen before it is written.
#[derive(Debug)]
pub struct Plan {
    /// Its session.
    pub session: u32,
    /// Its number within the session.
    pub number: u32,
    /// How it is written.
    pub style: Style,
    /// Its preamble paragraphs.
    pub preamble: Vec<&'static Passage>,
    /// Its operative paragraphs, but the closing decision.
    pub operative: Vec<&'static Passage>,
    /// Where a paragraph with sub-paragraphs goes among the operative ones, and how many.
    pub subparagraphs: Option<(usize, usize)>,
    /// The structural faults to place.
    pub faults: Vec<StructureFault>,
}

/// A paragraph asking for several things, as in `subparagraphs-swapped.txt`.
const LEAD_IN: &str = "*Prie* le Secrétaire général, agissant en collaboration avec la \
     Haut-Commissaire des Nations Unies aux droits de l'homme";

/// Its sub-paragraphs, from the same fixture and from the seeds.
const SUBPARAGRAPHS: [&str; 4] = [
    "De consulter les États et les organisations intergouvernementales et non \
     gouvernementales au sujet des moyens de renforcer la coopération internationale et le \
     dialogue au sein des instances des Nations Unies chargées des droits de l'homme",
    "De continuer à mener un dialogue constructif et des consultations en vue de mieux faire \
     connaître, de promouvoir et de protéger tous les droits de l'homme et libertés \
     fondamentales",
    "D'encourager les organisations non gouvernementales à contribuer activement à cette \
     initiative",
    "De lui présenter un rapport sur la question à sa {next} session",
];

/// The last operative paragraph, for the next session.
const DECISIONS: [&str; 3] = [
    "*Décide* de poursuivre l'examen de la question à sa {next} session",
    "*Décide* de continuer à examiner la question à sa {next} session",
    "*Décide* de poursuivre l'examen de cette question à sa {next} session",
];

const COMMITTEES: [&str; 6] = [
    "Première",
    "Deuxième",
    "Troisième",
    "Quatrième",
    "Cinquième",
    "Sixième",
];

enum Kind {
    Preamble,
    Operative,
    LeadIn(Vec<String>),
}

/// A paragraph written in the document's style, footnote placeholders still in place.
struct Paragraph {
    kind: Kind,
    text: String,
    notes: Vec<String>,
}

/// The blocks of the document of `plan`; its structural faults are registered in `markers`.
pub fn compose(plan: &Plan, rng: &mut Rng, markers: &mut Markers) -> Vec<Block> {
    let style = plan.style;
    let next = ordinal(plan.session + 1);
    let paragraphs = paragraphs(plan, rng, &next);
    let shape = Shape {
        operative: paragraphs
            .iter()
            .filter(|p| !matches!(p.kind, Kind::Preamble))
            .count(),
        subparagraphs: plan.subparagraphs.is_some(),
        marks: paragraphs.iter().map(|p| p.notes.len()).sum(),
        explicit_marks: style.marks != Marks::Digits,
        comma_candidates: paragraphs
            .iter()
            .filter(|p| matches!(p.kind, Kind::Preamble))
            .enumerate()
            .filter(|(_, p)| {
                p.text
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == ')' || c == '»')
            })
            .map(|(i, _)| i)
            .collect(),
    };
    let adoption = Date {
        day: rng.range(1, 22) as u32,
        month: 12,
        year: opening_year(plan.session),
    };
    let mut writer = Writer {
        style,
        targets: Targets::place(&plan.faults, &shape, rng, markers),
        blocks: vec![
            Block::Header(header(plan, adoption, rng)),
            Block::Title(format!(
                "{}/{}. {}",
                plan.session,
                plan.number,
                style.write(rng.pick::<String>(&pool().titles))
            )),
            Block::Opener(style.write("L'Assemblée générale,")),
        ],
        marks: 0,
        pending: Vec::new(),
        since_notes: 0,
        page: rng.range(2000, 4500),
        preamble: 0,
        operative: 0,
        skipped: 0,
        last_operative: shape.operative - 1,
    };
    for paragraph in &paragraphs {
        writer.paragraph(paragraph);
        if !writer.pending.is_empty() && writer.since_notes >= writer.page {
            writer.flush_notes();
            writer.page = rng.range(2000, 4500);
        }
    }
    let notes_after_closing = style.form == Form::Clean && rng.chance(0.2);
    if !notes_after_closing {
        writer.flush_notes();
    }
    writer
        .blocks
        .push(Block::Closing(closing(&style, adoption, rng)));
    writer.flush_notes();
    writer.blocks
}

/// The plan's paragraphs in order, written in its style.
fn paragraphs(plan: &Plan, rng: &mut Rng, next: &str) -> Vec<Paragraph> {
    let style = plan.style;
    let written = |passage: &Passage| {
        let delta = plan.session as i32 - passage.session as i32;
        let notes: Vec<String> = passage
            .notes
            .iter()
            .map(|note| style.write(&shift_sessions(note, delta)))
            .collect();
        let text = style.write(&shift_sessions(&passage.text, delta));
        drop_unwritable_marks(&style, &text, &notes)
    };
    let mut paragraphs: Vec<Paragraph> = plan
        .preamble
        .iter()
        .map(|passage| {
            let (text, notes) = written(passage);
            Paragraph {
                kind: Kind::Preamble,
                text,
                notes,
            }
        })
        .collect();
    for (i, passage) in plan.operative.iter().enumerate() {
        if let Some((_, count)) = plan.subparagraphs.filter(|&(at, _)| at == i) {
            let first = rng.range(0, SUBPARAGRAPHS.len() - count);
            paragraphs.push(Paragraph {
                kind: Kind::LeadIn(
                    SUBPARAGRAPHS[first..first + count]
                        .iter()
                        .map(|s| style.write(&s.replace("{next}", next)))
                        .collect(),
                ),
                text: style.write(LEAD_IN),
                notes: Vec::new(),
            });
        }
        let (text, notes) = written(passage);
        paragraphs.push(Paragraph {
            kind: Kind::Operative,
            text,
            notes,
        });
    }
    paragraphs.push(Paragraph {
        kind: Kind::Operative,
        text: style.write(&rng.pick(&DECISIONS).replace("{next}", next)),
        notes: Vec::new(),
    });
    paragraphs
}

/// Writes paragraphs into blocks, numbering paragraphs and footnotes as it goes.
struct Writer {
    style: Style,
    targets: Targets,
    blocks: Vec<Block>,
    /// Footnote marks met so far.
    marks: usize,
    /// Definitions of the marks met, not yet written.
    pending: Vec<String>,
    /// Bytes of text since the last definitions.
    since_notes: usize,
    /// Bytes of text after which pending definitions are written, as at the foot of a page.
    page: usize,
    preamble: usize,
    operative: usize,
    /// Paragraph numbers skipped so far.
    skipped: u32,
    last_operative: usize,
}

impl Writer {
    fn paragraph(&mut self, paragraph: &Paragraph) {
        let mut text = self.with_marks(paragraph);
        let space = self.style.space();
        self.since_notes += paragraph.text.len();
        let block = match &paragraph.kind {
            Kind::Preamble => {
                match self.targets.comma.get(&self.preamble) {
                    Some(&marker) => mark_last_char(&mut text, marker),
                    None => text.push(','),
                }
                self.preamble += 1;
                Block::Preamble(text)
            }
            Kind::Operative | Kind::LeadIn(_) => {
                let j = self.operative;
                self.operative += 1;
                if let Kind::LeadIn(_) = paragraph.kind {
                    text.push_str(space);
                    text.push(':');
                } else if j < self.last_operative {
                    text.push_str(space);
                    text.push(';');
                } else if let Some(marker) = self.targets.full_stop {
                    mark_last_char(&mut text, marker);
                } else {
                    text.push('.');
                }
                Block::Operative(format!("{}. {text}", self.number(j)))
            }
        };
        self.blocks.push(block);
        if let Kind::LeadIn(subparagraphs) = &paragraph.kind {
            let mut labels: Vec<String> = (0..subparagraphs.len())
                .map(|i| char::from(b'a' + i as u8).to_string())
                .collect();
            if let Some(marker) = self.targets.swapped {
                labels.swap(0, 1);
                labels[0].insert(0, marker);
            }
            for (label, sub) in labels.iter().zip(subparagraphs) {
                self.since_notes += sub.len();
                self.blocks
                    .push(Block::Subparagraph(format!("{label}) {sub}{space};")));
            }
        }
    }

    /// The number of operative paragraph `j`, marked if it is a fault.
    fn number(&mut self, j: usize) -> String {
        let mut number = j as u32 + 1;
        let mut marker = None;
        if let Some(&m) = self.targets.skipped.get(&j) {
            self.skipped += 1;
            marker = Some(m);
        }
        number += self.skipped;
        if let Some(&m) = self.targets.repeated.get(&j) {
            number -= 1;
            marker = Some(m);
        }
        marker.map_or_else(|| number.to_string(), |m| format!("{m}{number}"))
    }

    /// The paragraph's text with its footnote marks written; their definitions pending.
    fn with_marks(&mut self, paragraph: &Paragraph) -> String {
        let mut out = String::with_capacity(paragraph.text.len() + 8);
        let mut notes = paragraph.notes.iter();
        for c in paragraph.text.chars() {
            if c != NOTE {
                out.push(c);
                continue;
            }
            let note = notes.next().expect("one note per placeholder");
            let at = self.marks;
            self.marks += 1;
            let number = at as u32 + 1;
            let definition = self.style.definition(number, note);
            let targets = &self.targets;
            if let Some(&marker) = targets.unused.get(&at) {
                self.pending.push(format!("{marker}{definition}"));
                continue;
            }
            if let Some(&marker) = targets.undefined.get(&at) {
                out.push(marker);
            } else {
                self.pending.push(definition.clone());
            }
            if let Some(&marker) = targets.duplicate.get(&at) {
                self.pending.push(format!("{marker}{definition}"));
            }
            let shown = if targets.order.contains_key(&at) {
                number + 1
            } else if let Some(&marker) = at.checked_sub(1).and_then(|a| targets.order.get(&a)) {
                out.push(marker);
                number - 1
            } else {
                number
            };
            out.push_str(&self.style.mark(shown));
        }
        out
    }

    fn flush_notes(&mut self) {
        if !self.pending.is_empty() {
            self.blocks
                .push(Block::Notes(std::mem::take(&mut self.pending)));
            self.since_notes = 0;
        }
    }
}

/// Puts `marker` before the last character of `text`: where a missing final sign is
/// reported.
fn mark_last_char(text: &mut String, marker: char) {
    let (at, _) = text
        .char_indices()
        .next_back()
        .expect("a paragraph has text");
    text.insert(at, marker);
}

fn header(plan: &Plan, adoption: Date, rng: &mut Rng) -> Vec<String> {
    let style = plan.style;
    let (session, number) = (plan.session, plan.number);
    let distribution = Date {
        day: rng.range(1, 28) as u32,
        month: rng.range(1, 3) as u32,
        year: adoption.year + 1,
    };
    let committee = format!(
        "sur la base du rapport de la {} Commission (A/{session}/{}/Add.{})",
        rng.pick(&COMMITTEES),
        rng.range(400, 700),
        rng.range(1, 3)
    );
    let point = match rng.range(0, 2) {
        0 => format!("Point {} de l'ordre du jour", rng.range(20, 160)),
        _ => format!(
            "Point {}, {}, de l'ordre du jour",
            rng.range(20, 160),
            rng.pick(&["a", "b", "c"])
        ),
    };
    let adopted = match rng.range(0, 9) {
        0..=5 => format!(
            "Résolution adoptée par l'Assemblée générale le {}",
            adoption.words()
        ),
        6..=7 => "Résolution adoptée par l'Assemblée générale".to_owned(),
        _ => "RÉSOLUTION ADOPTÉE PAR L'ASSEMBLÉE GÉNÉRALE".to_owned(),
    };
    let session_line = format!("{} session", capitalised(&ordinal(session)));
    let symbol = format!("A/RES/{session}/{number}");
    let mut lines: Vec<String> = Vec::new();
    if style.form == Form::Extracted {
        if rng.chance(0.5) {
            lines.extend(
                [" Nations Unies", "", &symbol, "", "Assemblée générale", ""].map(String::from),
            );
            lines.extend([
                "Distr. générale".to_owned(),
                distribution.words(),
                String::new(),
            ]);
            lines.extend([
                session_line,
                point,
                String::new(),
                adopted,
                format!("[{committee}]"),
            ]);
        }
    } else {
        lines.extend((0..rng.range(0, 4)).map(|_| String::new()));
        if rng.chance(0.3) {
            lines.extend(["Nations Unies", ""].map(String::from));
        }
        if rng.chance(0.5) {
            lines.extend([symbol, String::new()]);
        }
        lines.extend(["Assemblée générale", "", "Distr. générale"].map(String::from));
        lines.extend([
            distribution.words(),
            String::new(),
            session_line,
            String::new(),
        ]);
        lines.extend([
            point,
            String::new(),
            adopted,
            String::new(),
            format!("[{committee}]"),
        ]);
    }
    lines.iter().map(|line| style.write(line)).collect()
}

fn closing(style: &Style, adoption: Date, rng: &mut Rng) -> Vec<String> {
    let meeting = rng.range(50, 90);
    if style.form == Form::Extracted {
        vec![format!("{meeting}e séance plénière"), adoption.words()]
    } else if rng.chance(0.7) {
        vec![
            format!("*{meeting}^e séance plénière"),
            format!("{}*", adoption.words()),
        ]
    } else {
        vec![format!("{meeting}^e séance plénière"), adoption.words()]
    }
}
