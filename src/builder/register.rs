//! The project's sources register (which publisher and document each file, or each
//! `source_path` / `publisher` value in it, comes from) and the dataset's changelog.

use super::reader::{Problems, Row, Table};
use super::Input;
use crate::data::model::{ChangelogEntry, Source};

/// The sources register and the columns the builder reads from it.
pub(super) const REGISTER: Input = Input {
    file: "sources.csv",
    columns: &[
        "id",
        "file",
        "key",
        "publisher",
        "title",
        "url",
        "via",
        "via_url",
        "as_of",
        "licence",
        "unit",
        "caveats",
    ],
};

/// A register entry: the file and key (`source_path` / `publisher` value) it covers.
pub(super) struct Registered {
    file: String,
    key: Option<String>,
}

#[derive(Default)]
pub(super) struct Register {
    pub(super) entries: Vec<(Registered, Source)>,
}

impl Register {
    /// The source id for a file (and a key within it).
    pub(super) fn find(&self, file: &str, key: Option<&str>) -> Option<&Source> {
        self.entries
            .iter()
            .find(|(r, _)| r.file == file && r.key.as_deref() == key)
            .map(|(_, s)| s)
    }

    /// The source of a whole file, reporting a file with no entry.
    pub(super) fn file_source(&self, t: &Table, p: &mut Problems) -> Option<String> {
        let found = self.find(&t.file, None).map(|s| s.id.clone());
        if found.is_none() {
            p.file(
                &t.file,
                "unknown source: the file has no entry in the sources register".into(),
            );
        }
        found
    }

    /// As `find`, reporting an unknown source at the row's column.
    pub(super) fn resolve(&self, row: &Row<'_>, column: &str, key: Option<&str>, p: &mut Problems) -> Option<String> {
        let found = self.find(row.file(), key).map(|s| s.id.clone());
        if found.is_none() {
            let what = key.map_or_else(|| "the file".to_string(), |k| format!("\"{k}\""));
            row.report(
                p,
                column,
                format!("unknown source: {what} has no entry in the sources register"),
            );
        }
        found
    }
}

/// The register's entries; a duplicate id is reported, and only the first one kept.
pub(super) fn read_register(t: &Table, p: &mut Problems) -> Register {
    let mut entries: Vec<(Registered, Source)> = Vec::new();
    for row in t.rows() {
        let (Some(id), Some(file), Some(publisher), Some(title)) = (
            row.text("id", p),
            row.text("file", p),
            row.text("publisher", p),
            row.text("title", p),
        ) else {
            continue;
        };
        if entries.iter().any(|(_, s)| s.id == id) {
            row.report(p, "id", format!("duplicate source id \"{id}\""));
            continue;
        }
        let caveats = row
            .opt_text("caveats")
            .map(|c| {
                c.split('|')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let source = Source {
            id,
            publisher,
            title,
            url: row.opt_link("url", p),
            via: row.opt_text("via"),
            via_url: row.opt_link("via_url", p),
            as_of: row.opt_text("as_of"),
            licence: row.opt_text("licence"),
            unit: row.opt_text("unit"),
            caveats,
        };
        entries.push((
            Registered {
                file,
                key: row.opt_text("key"),
            },
            source,
        ));
    }
    Register { entries }
}

/// The dataset's changelog and its columns.
pub(super) const CHANGELOG: Input = Input {
    file: "changelog.csv",
    columns: &["date", "change"],
};

pub(super) fn read_changelog(t: &Table, p: &mut Problems) -> Vec<ChangelogEntry> {
    t.rows()
        .filter_map(|row| {
            Some(ChangelogEntry {
                date: row.date("date", p)?,
                change: row.text("change", p)?,
            })
        })
        .collect()
}
