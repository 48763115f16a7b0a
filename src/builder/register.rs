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

/// A register entry: the files (one, or several separated by `|`) and the keys (a value of the
/// column the file's reader names, such as `source_path` or `publisher`; several separated by
/// `|`) it covers.
pub(super) struct Registered {
    files: Vec<String>,
    keys: Vec<String>,
}

impl Registered {
    fn covers(&self, file: &str) -> bool {
        self.files.iter().any(|f| f == file)
    }
}

#[derive(Default)]
pub(super) struct Register {
    pub(super) entries: Vec<(Registered, Source)>,
}

impl Register {
    /// The source id for a file (and a key within it). A key that ends in `*` covers every
    /// value that starts with the rest of it; an exact key, then the longest such prefix, wins.
    pub(super) fn find(&self, file: &str, key: Option<&str>) -> Option<&Source> {
        let in_file = || self.entries.iter().filter(move |(r, _)| r.covers(file));
        let exact = match key {
            None => in_file().find(|(r, _)| r.keys.is_empty()),
            Some(key) => in_file().find(|(r, _)| r.keys.iter().any(|k| k == key)),
        };
        if let Some(found) = exact {
            return Some(&found.1);
        }
        let key = key?;
        in_file()
            .flat_map(|(r, s)| r.keys.iter().map(move |k| (k, s)))
            .filter_map(|(k, s)| {
                let prefix = k.strip_suffix('*')?;
                key.starts_with(prefix).then_some((prefix.len(), s))
            })
            .max_by_key(|(len, _)| *len)
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

    /// As `find`, reporting an unknown source at the row's column; the source's id.
    pub(super) fn resolve(&self, row: &Row<'_>, column: &str, key: Option<&str>, p: &mut Problems) -> Option<String> {
        self.resolve_source(row, column, key, p).map(|s| s.id.clone())
    }

    /// As `find`, reporting an unknown source at the row's column.
    pub(super) fn resolve_source(
        &self,
        row: &Row<'_>,
        column: &str,
        key: Option<&str>,
        p: &mut Problems,
    ) -> Option<&Source> {
        let found = self.find(row.file(), key);
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
        // Reported, and kept: the files it registers are then not also "unknown".
        if let Some(problem) = crate::data::validate::id_problem("source id", &id) {
            row.report(p, "id", problem);
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
                files: file.split('|').map(|f| f.trim().to_string()).collect(),
                keys: row
                    .opt_text("key")
                    .map(|k| k.split('|').map(|k| k.trim().to_string()).collect())
                    .unwrap_or_default(),
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
