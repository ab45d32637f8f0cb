//! Knowledge export: the knowledge tables (x-ms-diagnostics codes and reasons with their fixes,
//! AADSTS codes, IIS and Win32 statuses, first-party apps) as KQL (`datatable`s and functions for
//! Azure Monitor, Sentinel or Azure Data Explorer), as one CSV and as JSON, for joining at fleet
//! scale. The rows are the tables' own; nothing is restated here.

use crate::knowledge::{aadsts, apps, iis, win32, xms_diagnostics, xms_reasons, Fix};
use serde_json::{json, Value};

/// One exported row: table, key, name, meaning, fix and source.
struct Row {
    table: &'static str,
    key: String,
    name: String,
    meaning: String,
    fix: String,
    source: &'static str,
}

/// Fix steps as one line: each step's text, its command after `Command:`, joined by ` | `.
fn fixes(steps: &[Fix]) -> String {
    steps
        .iter()
        .map(|f| match f.command {
            Some(c) => format!("{} Command: {}", f.text, c.replace('\n', "; ")),
            None => f.text.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn rows() -> Vec<Row> {
    let mut out = Vec::new();
    for c in xms_diagnostics::CODES {
        out.push(Row {
            table: "xms_diagnostics",
            key: c.code.to_string(),
            name: format!("{} {}", c.product.name(), c.category),
            meaning: c.meaning.to_string(),
            fix: fixes(c.fixes),
            source: c.source,
        });
    }
    for r in xms_reasons::REASONS {
        out.push(Row {
            table: "xms_reasons",
            key: r.id.to_string(),
            name: r.needles.join(" + "),
            meaning: format!("{}: {}", r.title, r.meaning),
            fix: fixes(r.fixes),
            source: r.source,
        });
    }
    for a in aadsts::all_codes() {
        out.push(Row {
            table: "aadsts",
            key: format!("AADSTS{}", a.code),
            name: a.name.to_string(),
            meaning: a.meaning.to_string(),
            fix: fixes(a.fixes),
            source: a.source,
        });
    }
    for s in iis::STATUSES {
        out.push(Row {
            table: "iis_status",
            key: format!("{}.{}", s.status, s.substatus),
            name: String::new(),
            meaning: s.meaning.to_string(),
            fix: s.fix.to_string(),
            source: s.source,
        });
    }
    for w in win32::WIN32 {
        out.push(Row {
            table: "win32",
            key: w.code.to_string(),
            name: format!("0x{:08X} {}", w.code, w.name),
            meaning: w.meaning.to_string(),
            fix: String::new(),
            source: w.source,
        });
    }
    for a in apps::APPS {
        out.push(Row {
            table: "apps",
            key: a.id.to_string(),
            name: a.name.to_string(),
            meaning: a.note.to_string(),
            fix: String::new(),
            source: a.source,
        });
    }
    out
}

/// A CSV field, quoted, inner quotes doubled.
fn csv(v: &str) -> String {
    format!("\"{}\"", v.replace('"', "\"\""))
}

/// Every table as one CSV: `table,key,name,meaning,fix,source`.
pub fn knowledge_csv() -> String {
    let mut out = String::from("table,key,name,meaning,fix,source\n");
    for r in rows() {
        let fields = [r.table, &r.key, &r.name, &r.meaning, &r.fix, r.source];
        out.push_str(&fields.map(csv).join(","));
        out.push('\n');
    }
    out
}

/// Every table as JSON: an object with one array of rows per table.
pub fn knowledge_json() -> Value {
    let mut tables: std::collections::BTreeMap<&str, Vec<Value>> = Default::default();
    for r in rows() {
        tables.entry(r.table).or_default().push(json!({
            "key": r.key, "name": r.name, "meaning": r.meaning, "fix": r.fix, "source": r.source,
        }));
    }
    json!(tables)
}

/// A KQL string literal: double quotes, with backslashes, quotes and line breaks escaped.
pub fn kql_string(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The KQL functions that join the tables; see the README for their use on `W3CIISLog`.
const KQL_FUNCTIONS: &str = r#"// Counts x-ms-diagnostics codes in a text column (a logged x-ms-diagnostics field, IIS `+`
// encoding or not) and joins what they mean and how to fix them.
let TokenlensXmsDiagnosticsCounts = (T:(Text:string)) {
    T
    | extend Code = tolong(extract(@"(\d{4,8})(;|%3[Bb])(\+|%20| )*reason=", 1, Text))
    | where isnotnull(Code)
    | summarize Count = count() by Code
    | join kind=leftouter TokenlensXmsDiagnostics on Code
    | project Code, Count, Product, Category, Meaning, Fix, Source
    | order by Count desc
};
// Counts failed IIS requests (W3CIISLog columns) by status, substatus and win32 status, with meanings.
let TokenlensIisFailures = (T:(scStatus:string, scSubStatus:string, scWin32Status:string)) {
    T
    | extend Status = toint(scStatus), SubStatus = toint(scSubStatus), Win32 = tolong(scWin32Status)
    | where Status >= 400
    | summarize Count = count() by Status, SubStatus, Win32
    | join kind=leftouter TokenlensIisStatus on Status, SubStatus
    | join kind=leftouter (TokenlensWin32 | project Win32 = Code, Win32Name = Name, Win32Meaning = Meaning) on Win32
    | project Status, SubStatus, Win32, Count, Meaning, Fix, Win32Name, Win32Meaning
    | order by Count desc
};
"#;

/// Every table as KQL `let` statements (`datatable`s), then the functions that use them. Paste it
/// in front of a query; the README shows one over `W3CIISLog`.
pub fn knowledge_kql() -> String {
    let mut out = String::from("// tokenlens knowledge tables (tokenlens knowledge --kql)\n");
    let lets: [(&str, &str, &str); 6] = [
        (
            "xms_diagnostics",
            "TokenlensXmsDiagnostics",
            "Code:long, Product:string, Category:string, Meaning:string, Fix:string, Source:string",
        ),
        (
            "xms_reasons",
            "TokenlensXmsReasons",
            "Id:string, Needles:string, Meaning:string, Fix:string, Source:string",
        ),
        (
            "aadsts",
            "TokenlensAadsts",
            "Code:string, Name:string, Meaning:string, Fix:string, Source:string",
        ),
        (
            "iis_status",
            "TokenlensIisStatus",
            "Status:int, SubStatus:int, Meaning:string, Fix:string, Source:string",
        ),
        (
            "win32",
            "TokenlensWin32",
            "Code:long, Name:string, Meaning:string, Source:string",
        ),
        (
            "apps",
            "TokenlensApps",
            "AppId:string, Name:string, Note:string, Source:string",
        ),
    ];
    let all = rows();
    for (table, name, columns) in lets {
        out.push_str(&format!("let {name} = datatable({columns}) [\n"));
        for r in all.iter().filter(|r| r.table == table) {
            out.push_str("    ");
            out.push_str(&kql_row(r));
            out.push_str(",\n");
        }
        out.push_str("];\n");
    }
    out.push_str(KQL_FUNCTIONS);
    out
}

/// One row of a `datatable`, in the column order of its table.
fn kql_row(r: &Row) -> String {
    let s = |v: &str| kql_string(v);
    match r.table {
        "xms_diagnostics" => {
            let (product, category) = r.name.rsplit_once(' ').unwrap_or((&r.name, ""));
            format!(
                "{}, {}, {}, {}, {}, {}",
                r.key,
                s(product),
                s(category),
                s(&r.meaning),
                s(&r.fix),
                s(r.source)
            )
        }
        "iis_status" => {
            let (status, sub) = r.key.split_once('.').unwrap_or((&r.key, "0"));
            format!(
                "{status}, {sub}, {}, {}, {}",
                s(&r.meaning),
                s(&r.fix),
                s(r.source)
            )
        }
        "win32" => {
            let name = r.name.split_once(' ').map_or("", |(_, n)| n);
            format!("{}, {}, {}, {}", r.key, s(name), s(&r.meaning), s(r.source))
        }
        "apps" => format!(
            "{}, {}, {}, {}",
            s(&r.key),
            s(&r.name),
            s(&r.meaning),
            s(r.source)
        ),
        _ => format!(
            "{}, {}, {}, {}, {}",
            s(&r.key),
            s(&r.name),
            s(&r.meaning),
            s(&r.fix),
            s(r.source)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the KQL string literals of a text: `None` when one is not closed on its line.
    fn kql_literals(text: &str) -> Option<Vec<String>> {
        let mut out = Vec::new();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                if c == '@' {
                    // A verbatim literal of the functions (no escapes).
                    chars.next();
                    chars.by_ref().find(|&c| c == '"')?;
                    continue;
                }
                if c != '"' {
                    continue;
                }
                let mut lit = String::new();
                loop {
                    match chars.next()? {
                        '\\' => lit.push(chars.next()?),
                        '"' => break,
                        c => lit.push(c),
                    }
                }
                out.push(lit);
            }
        }
        Some(out)
    }

    #[test]
    fn kql_escapes_quotes_and_holds_every_code() {
        assert_eq!(kql_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        let kql = knowledge_kql();
        let literals = kql_literals(&kql).expect("every string literal is closed on its line");
        // A fix with quotes inside (the auth certificate's subject) comes back whole.
        assert!(literals
            .iter()
            .any(|l| l.contains("-SubjectName \"cn=Microsoft Exchange Server Auth Certificate\"")));
        for c in xms_diagnostics::CODES {
            assert!(kql.contains(&format!("\n    {}, ", c.code)), "{}", c.code);
        }
        for a in aadsts::all_codes() {
            assert!(
                kql.contains(&format!("\n    \"AADSTS{}\", ", a.code)),
                "{}",
                a.code
            );
        }
        for s in iis::STATUSES {
            assert!(kql.contains(&format!("\n    {}, {}, ", s.status, s.substatus)));
        }
    }

    #[test]
    fn csv_and_json_hold_every_code_with_quotes_doubled() {
        let csv = knowledge_csv();
        assert!(csv.contains("-SubjectName \"\"cn=Microsoft Exchange Server Auth Certificate\"\""));
        for c in xms_diagnostics::CODES {
            assert!(csv.contains(&format!("\"xms_diagnostics\",\"{}\"", c.code)));
        }
        let json = knowledge_json();
        let codes = json["aadsts"].as_array().map_or(0, Vec::len);
        assert_eq!(codes, aadsts::all_codes().count());
        assert_eq!(
            json["apps"].as_array().map_or(0, Vec::len),
            apps::APPS.len()
        );
    }
}
