//! Blocks laid out as text: clean (a line per paragraph, blank lines between), or as PDF
//! extraction leaves it (hard-wrapped lines, footnotes at the foot of each page followed by
//! the running head and the page number).

use super::compose::Block;
use super::style::{Form, Style};

/// The document's text; `symbol` is its running head.
pub fn lay_out(blocks: &[Block], style: &Style, symbol: &str) -> String {
    let mut out = String::new();
    let mut page = 1;
    let mut previous: Option<&Block> = None;
    for (i, block) in blocks.iter().enumerate() {
        if matches!(block, Block::Header(lines) if lines.is_empty()) {
            continue;
        }
        if let Some(previous) = previous {
            let tight = style.tight
                && matches!(previous, Block::Operative(_) | Block::Subparagraph(_))
                && matches!(block, Block::Operative(_) | Block::Subparagraph(_));
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        previous = Some(block);
        let extracted = style.form == Form::Extracted;
        match block {
            Block::Header(lines) | Block::Closing(lines) => out.push_str(&lines.join("\n")),
            Block::Title(text) if extracted => {
                out.push_str(&wrap(&format!(" {text}"), style.width))
            }
            Block::Preamble(text) | Block::Operative(text) | Block::Subparagraph(text)
                if extracted =>
            {
                out.push_str(&wrap(text, style.width));
            }
            Block::Title(text)
            | Block::Opener(text)
            | Block::Preamble(text)
            | Block::Operative(text)
            | Block::Subparagraph(text) => out.push_str(text),
            Block::Notes(notes) if extracted => {
                out.push_str(&" ".repeat(58));
                for note in notes {
                    out.push('\n');
                    out.push_str(&wrap(note, style.width));
                }
                if !matches!(blocks.get(i + 1), None | Some(Block::Closing(_))) {
                    page += 1;
                    out.push_str(&format!("\n\n\n\n{symbol}\n\n{page}"));
                }
            }
            Block::Notes(notes) => out.push_str(&notes.join("\n\n")),
        }
    }
    out.push('\n');
    out
}

/// `text` hard-wrapped at `width` characters, only where coquille will read the next line
/// as the same paragraph: never before a digit (a paragraph or footnote number) nor after
/// one (a footnote mark set apart), never before a sub-paragraph label, a sign, or a capital
/// after a clause's end.
fn wrap(text: &str, width: usize) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let breaks: Vec<(usize, usize)> = chars
        .iter()
        .enumerate()
        .filter(|&(k, &(_, c))| c == ' ' && k > 0 && breakable(&chars, k))
        .map(|(k, &(i, _))| (i, k))
        .collect();
    let mut out = String::with_capacity(text.len());
    let (mut start, mut start_char) = (0, 0);
    let mut candidates = breaks.iter().peekable();
    while chars.len() - start_char > width {
        let mut chosen = None;
        while let Some(&&(i, k)) = candidates.peek() {
            if chosen.is_some() && k - start_char > width {
                break;
            }
            chosen = Some((i, k));
            candidates.next();
        }
        let Some((i, k)) = chosen else { break };
        out.push_str(&text[start..i]);
        out.push('\n');
        (start, start_char) = (i + 1, k + 1);
    }
    out.push_str(&text[start..]);
    out
}

fn breakable(chars: &[(usize, char)], k: usize) -> bool {
    let before = chars[k - 1].1;
    let Some(&(_, next)) = chars.get(k + 1) else {
        return false;
    };
    if before.is_whitespace() || before.is_ascii_digit() || !next.is_alphabetic() {
        return false;
    }
    if matches!(before, ',' | ';' | ':' | '.') && next.is_uppercase() {
        return false;
    }
    let label = chars[k + 1..]
        .iter()
        .take_while(|(_, c)| c.is_ascii_lowercase())
        .count();
    chars.get(k + 1 + label).is_none_or(|&(_, c)| c != ')')
}
