//! Reader: Format-Table output: a header row, a row of dash runs that fixes the columns, then one
//! object per row (cells placed by the dash runs, in characters; a row whose first cell is empty
//! continues the cells of the row above, as `-Wrap` prints them; cut cells end with `...`).

use super::{command_of, PsLayout, PsObject, PsProperty};
use crate::report::Span;
use crate::text::cut;

/// The columns of a dash row: where each run of dashes starts, in characters.
fn dash_columns(line: &str) -> Option<Vec<usize>> {
    let t = line.trim_end();
    if t.is_empty() || !t.chars().all(|c| c == '-' || c == ' ') || !t.contains("--") {
        return None;
    }
    let mut starts = Vec::new();
    let mut prev = ' ';
    for (i, c) in t.chars().enumerate() {
        if c == '-' && prev == ' ' {
            starts.push(i);
        }
        prev = c;
    }
    (starts.len() >= 2).then_some(starts)
}

/// The cells of `line` cut at the character columns `starts` (the last one takes the rest).
fn cells<'a>(line: &'a str, starts: &[usize]) -> Vec<&'a str> {
    let mut bytes: Vec<usize> = Vec::with_capacity(starts.len() + 1);
    let mut next = starts.iter().peekable();
    for (chars, (b, _)) in line.char_indices().enumerate() {
        while next.peek().is_some_and(|s| **s <= chars) {
            bytes.push(b);
            next.next();
        }
    }
    while next.next().is_some() {
        bytes.push(line.len());
    }
    bytes.push(line.len());
    bytes
        .windows(2)
        .map(|w| cut(line, w[0]..w[1]).trim())
        .collect()
}

/// A `-Wrap` continuation: the first cell is empty and most others are too (a row whose first
/// column is merely empty has most cells filled).
fn continues(row: &[&str]) -> bool {
    let filled = row.iter().filter(|c| !c.is_empty()).count();
    row.first().is_some_and(|c| c.is_empty()) && filled * 2 < row.len()
}

/// Every row of every Format-Table in `text`, each as an object. Linear in the text.
pub(super) fn rows(text: &str) -> Vec<PsObject> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        lines.push((offset, raw.trim_end_matches('\r')));
        offset += raw.len() + 1;
    }
    let mut out = Vec::new();
    let mut i = 1;
    while i < lines.len() {
        let Some(starts) = dash_columns(lines[i].1) else {
            i += 1;
            continue;
        };
        let head = lines[i - 1].1;
        let names = cells(head, &starts);
        if names.iter().any(|n| n.is_empty()) {
            i += 1;
            continue;
        }
        let cmdlet = lines[..i - 1]
            .iter()
            .rev()
            .take(3)
            .find_map(|(_, l)| command_of(l));
        let mut table: Vec<PsObject> = Vec::new();
        let mut j = i + 1;
        while j < lines.len() && !lines[j].1.trim().is_empty() {
            let (at, line) = lines[j];
            let row = cells(line, &starts);
            let filled = row.iter().filter(|c| !c.is_empty()).count();
            if filled < 2 && (table.is_empty() || !continues(&row)) {
                // A line of one cell (a Markdown fence, a remark) ends the table.
                break;
            }
            let span = Span::new(at, at + line.len());
            match table.last_mut() {
                Some(prev) if continues(&row) => {
                    for (p, c) in prev.properties.iter_mut().zip(&row) {
                        if !c.is_empty() {
                            p.value = format!("{} {c}", p.value).trim().to_string();
                            p.cut = super::is_cut(c);
                        }
                    }
                    prev.span.end = span.end;
                }
                _ => table.push(PsObject {
                    ty: None,
                    cmdlet: cmdlet.map(str::to_string),
                    layout: PsLayout::Table,
                    properties: names
                        .iter()
                        .zip(&row)
                        .map(|(n, c)| PsProperty::new(n, c, span))
                        .collect(),
                    span,
                }),
            }
            j += 1;
        }
        out.extend(table);
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_by_dash_columns_with_prompt_wrapped_and_cut_cells() {
        let t = "[PS] C:\\Windows\\system32>Get-ExchangeCertificate\n\nThumbprint                                Services   Subject\n----------                                --------   -------\n5E4325D6195B5E2932EAE402F515172DC827D083  IP.WS.     CN=mail\n8E309044815B47A130C6151644263D781DF839C0  ....SF     CN=Fede...\n";
        let r = rows(t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].cmdlet.as_deref(), Some("Get-ExchangeCertificate"));
        assert_eq!(r[1].get("Services"), Some("....SF"));
        assert!(r[1].properties[2].cut);
        let t = "Name   Enabled Status\n----   ------- ------\nÉté 日本 False   Échec de la\n               connexion\n";
        let r = rows(t);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].get("Name"), Some("Été 日本"));
        assert_eq!(r[0].get("Status"), Some("Échec de la connexion"));
        let fenced = "Name  Type\n----  ----\nA     X\n```\n![image](a.png)\n";
        assert_eq!(rows(fenced).len(), 1);
        assert!(rows("----\n").is_empty());
        assert!(rows("a\n-- --\n").is_empty());
    }
}
