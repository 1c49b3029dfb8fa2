//! `op-console --export-reveals [--format csv|json]`: the journal for IT, on standard output.

use std::path::Path;

use crate::error::ConsoleError;
use crate::reveals::journal::{read_entries, RevealEntry};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// The journal at `path` in `format`.
pub fn export_reveals(path: &Path, format: ExportFormat) -> Result<String, ConsoleError> {
    let entries = read_entries(path)?;
    Ok(match format {
        ExportFormat::Json => serde_json::to_string_pretty(&entries).map_err(|e| ConsoleError::storage(path, e))?,
        ExportFormat::Csv => csv(&entries),
    })
}

fn csv(entries: &[RevealEntry]) -> String {
    let mut out = String::from("at,operatorId,profileId,userId,field,reason\n");
    for e in entries {
        let at = chrono::DateTime::from_timestamp_millis(e.at).map(|t| t.to_rfc3339()).unwrap_or_default();
        let cells = [
            at,
            e.operator_id.clone().unwrap_or_default(),
            e.profile_id.clone(),
            e.user_id.clone(),
            e.field.clone(),
            e.reason.clone().unwrap_or_default(),
        ];
        out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with `'`.
fn cell(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reveals::journal::RevealJournal;

    #[test]
    fn csv_and_json_hold_every_entry_and_quote_what_needs_it() {
        let dir = tempfile::tempdir().unwrap();
        let journal = RevealJournal::new(dir.path());
        for (user, reason) in [("u1", None), ("u2", Some("=HYPERLINK(\"x\"), 回访"))] {
            let entry = RevealEntry {
                at: 1_442_307_258_460,
                operator_id: None,
                profile_id: "prod".into(),
                user_id: user.into(),
                field: "user".into(),
                reason: reason.map(str::to_owned),
            };
            journal.append(&entry).unwrap();
        }
        let csv = export_reveals(journal.path(), ExportFormat::Csv).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "at,operatorId,profileId,userId,field,reason");
        assert_eq!(lines[1], "2015-09-15T08:54:18.460+00:00,,prod,u1,user,");
        assert_eq!(lines[2], "2015-09-15T08:54:18.460+00:00,,prod,u2,user,\"'=HYPERLINK(\"\"x\"\"), 回访\"");
        let json: Vec<RevealEntry> =
            serde_json::from_str(&export_reveals(journal.path(), ExportFormat::Json).unwrap()).unwrap();
        assert_eq!(json.len(), 2);
        // No journal yet: an empty export, not an error.
        assert_eq!(export_reveals(&dir.path().join("none.jsonl"), ExportFormat::Json).unwrap(), "[]");
    }
}
