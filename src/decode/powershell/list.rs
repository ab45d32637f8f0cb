//! Reader: Format-List blocks (`Name   : value` lines) as people paste them: wrapped continuation
//! lines, a blank line after every property (forum copies), trailing spaces, a common indentation
//! or a diff marker in front, several objects in a row, and the command line that printed them.

use super::{command_of, PsLayout, PsObject, PsProperty};
use crate::report::Span;

/// A `Name : value` line: its indentation, name and value, and the column where the value starts.
struct Field<'a> {
    indent: usize,
    name: &'a str,
    value: &'a str,
    value_col: usize,
}

/// Leading white space, counting one `+`/`-`/`>` marker of a diff or a quote as indentation.
fn indentation(line: &str) -> usize {
    let spaces = line.len() - line.trim_start_matches([' ', '\t']).len();
    let marker = line
        .get(spaces..)
        .and_then(|r| r.strip_prefix(['+', '-', '>']))
        .filter(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()));
    spaces + usize::from(marker.is_some())
}

/// Reads `line` as a `Name : value` line.
fn field(line: &str) -> Option<Field<'_>> {
    let indent = indentation(line);
    let rest = line.get(indent..)?;
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@')))
        .unwrap_or(rest.len());
    let name = rest.get(..name_len)?;
    if name.is_empty()
        || name.len() > 64
        || !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '@')
    {
        return None;
    }
    let after = rest.get(name_len..)?;
    let gap = after.len() - after.trim_start_matches(' ').len();
    let colon = after.get(gap..)?;
    let value = colon.strip_prefix(':')?;
    if gap == 0 || !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some(Field {
        indent,
        name,
        value,
        value_col: indent + name_len + gap + 2,
    })
}

/// The block being read.
struct Open {
    object: PsObject,
    indent: usize,
    value_col: usize,
    /// Fields that followed the previous one without a blank line.
    tight: usize,
    widest: usize,
    last_width: usize,
}

impl Open {
    fn start(f: &Field, line: &str, here: usize, cmdlet: Option<&str>) -> Self {
        let span = Span::new(here, here + line.len());
        Open {
            object: PsObject {
                ty: None,
                cmdlet: cmdlet.map(str::to_string),
                layout: PsLayout::List,
                properties: vec![PsProperty::new(f.name, f.value, span)],
                span,
            },
            indent: f.indent,
            value_col: f.value_col,
            tight: 0,
            widest: line.trim_end().len(),
            last_width: line.trim_end().len(),
        }
    }

    fn push(&mut self, f: &Field, line: &str, here: usize, gap: bool) {
        let span = Span::new(here, here + line.len());
        self.object
            .properties
            .push(PsProperty::new(f.name, f.value, span));
        self.object.span.end = span.end;
        self.value_col = f.value_col;
        self.tight += usize::from(!gap);
        self.note_width(line);
    }

    /// Joins a continuation line to the last value: without a space where the previous line
    /// filled the width and a word was cut (`SecureMai` + `l`), else with one.
    fn continue_with(&mut self, line: &str, here: usize) {
        let piece = line.trim();
        let full = self.last_width >= self.widest;
        if let Some(last) = self.object.properties.last_mut() {
            let cut_word = full
                && last.value.ends_with(|c: char| c.is_alphanumeric())
                && piece.starts_with(|c: char| c.is_lowercase());
            if !cut_word && !last.value.is_empty() {
                last.value.push(' ');
            }
            last.value.push_str(piece);
            last.cut = super::is_cut(&last.value);
            last.span.end = here + line.len();
        }
        self.object.span.end = here + line.len();
        self.note_width(line);
    }

    /// A diff's `+Name : new` line right after `-Name : old`: the new value replaces the old.
    fn replaced_by_diff(&mut self, f: &Field) -> bool {
        match self.object.properties.last_mut() {
            Some(last) if last.name.eq_ignore_ascii_case(f.name) => {
                last.value = f.value.trim().to_string();
                true
            }
            _ => false,
        }
    }

    fn note_width(&mut self, line: &str) {
        self.last_width = line.trim_end().len();
        self.widest = self.widest.max(self.last_width);
    }

    /// The object, when it has enough properties to be one (two after a command line).
    fn close(self) -> Option<PsObject> {
        let needed = if self.object.cmdlet.is_some() { 2 } else { 3 };
        (self.object.properties.len() >= needed).then_some(self.object)
    }
}

/// Every Format-List block of at least three properties (two after a command line). Linear in
/// the text.
pub(super) fn blocks(text: &str) -> Vec<PsObject> {
    let mut out = Vec::new();
    let mut cur: Option<Open> = None;
    let mut cmdlet: Option<&str> = None;
    let mut gap = false;
    let mut offset = 0;
    for raw in text.split('\n') {
        let line = raw.trim_end_matches('\r');
        let here = offset;
        offset += raw.len() + 1;
        if line.trim().is_empty() {
            gap = true;
            continue;
        }
        let f = field(line);
        if let Some(open) = cur.as_mut() {
            match &f {
                Some(f) if f.indent == open.indent => {
                    let repeated = open
                        .object
                        .properties
                        .iter()
                        .any(|p| p.name.eq_ignore_ascii_case(f.name));
                    if repeated && line.trim_start().starts_with('+') && open.replaced_by_diff(f) {
                        gap = false;
                        continue;
                    }
                    if !(repeated || gap && open.tight > 0) {
                        open.push(f, line, here, gap);
                        gap = false;
                        continue;
                    }
                }
                _ if indentation(line) >= open.value_col.saturating_sub(1)
                    && (!gap || open.tight == 0) =>
                {
                    open.continue_with(line, here);
                    gap = false;
                    continue;
                }
                _ => {}
            }
        }
        gap = false;
        if let Some(done) = cur.take().and_then(Open::close) {
            out.push(done);
        }
        match f {
            Some(f) => cur = Some(Open::start(&f, line, here, cmdlet)),
            None => {
                if let Some(c) = command_of(line) {
                    cmdlet = Some(c);
                }
            }
        }
    }
    if let Some(done) = cur.take().and_then(Open::close) {
        out.push(done);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(o: &PsObject) -> Vec<&str> {
        o.properties.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn double_spaced_and_wrapped_blocks_read_as_one_object() {
        let t = "Get-HybridConfiguration    \n\nRunspaceId     : aeb7    \n\nFeatures       : {FreeBusy, SecureMai    \n\n                 l, Photos}  \n\nDomains        : {contoso.ru}    \n";
        let b = blocks(t);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].get("Features"), Some("{FreeBusy, SecureMail, Photos}"));
        assert_eq!(b[0].cmdlet.as_deref(), Some("Get-HybridConfiguration"));
    }

    #[test]
    fn objects_in_a_row_split_at_a_blank_line_or_a_repeated_name() {
        let t = "Name    : A\nEnabled : True\nType    : X\n\nName    : B\nEnabled : False\nType    : Y\n";
        let b = blocks(t);
        assert_eq!(b.len(), 2);
        assert_eq!(b[1].get("Name"), Some("B"));
        let t =
            "Name : A\n\nEnabled : True\n\nType : X\n\nName : B\n\nEnabled : False\n\nType : Y\n";
        assert_eq!(blocks(t).len(), 2);
    }

    #[test]
    fn indented_diff_marked_and_non_ascii_lines() {
        let t = " EndDate             : 11/7/2017 12:00:00 AM\n-KeyId               : a5845538\n+KeyId               : aaaaaaaa\n StartDate           : 11/7/2016 12:00:00 AM\n Type                : Symmetric\n";
        let b = blocks(t);
        assert_eq!(names(&b[0]), ["EndDate", "KeyId", "StartDate", "Type"]);
        let t = "Name        : Fédération 日本語\nStatus      : Ошибка\nDescription : 組織の関係…\n             続き\n";
        let b = blocks(t);
        assert_eq!(b[0].get("Status"), Some("Ошибка"));
        assert!(b[0].get("Description").is_some_and(|d| d.ends_with("続き")));
        assert!(blocks("a : b\nc : d\n").is_empty());
        assert!(blocks("Host: x\nAccept: y\nUser-Agent: z\n").is_empty());
    }
}
