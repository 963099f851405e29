use super::*;

fn dump(doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        let t = doc.text(b.span);
        out += &format!("{:?} {:?}\n", b.kind, t.chars().take(60).collect::<String>());
    }
    for p in &doc.paragraphs {
        out += &format!("P {:?} {} lines, subs {:?}: {:?}\n", p.kind, p.lines.len(), p.subparagraphs, doc.text(p.span()).chars().take(40).collect::<String>());
    }
    for d in &doc.footnote_definitions { out += &format!("DEF {:?} {:?}\n", d.number, doc.text(d.span)); }
    for r in &doc.footnote_references { out += &format!("REF {:?} {:?} at {:?}\n", r.number, doc.text(r.span), doc.lines.position(doc.source, r.span.start)); }
    out += &format!("header {:?}\ntitle {:?}\nclosing {:?}\n", doc.header, doc.title, doc.closing);
    out
}

#[test]
fn scratch() {
    for f in std::fs::read_dir("fixtures").unwrap() {
        let p = f.unwrap().path();
        let s = std::fs::read_to_string(&p).unwrap();
        let d = Document::parse(&s);
        println!("===== {}\n{}", p.display(), dump(&d));
    }
}
