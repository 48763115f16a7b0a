//! The dataset's own words in Ukrainian (`uk.csv`: each English text of ours and its Ukrainian)
//! -> `dataset.uk.json`, checked: every own-words text of the dataset has its Ukrainian, every
//! row is of a text the dataset has, and each Ukrainian text states the same figures and web
//! addresses as its English and is written in Ukrainian.

use super::reader::{InputError, Problems, Table};
use super::Input;
use crate::data::model::Dataset;
use crate::data::own_words::{addresses_in, figures_in, texts, OwnWords};
use crate::data::text::has_cyrillic;
use std::collections::{BTreeMap, BTreeSet};

pub(super) const UK: Input = Input {
    file: "uk.csv",
    columns: &["en", "uk"],
};

/// The project's Ukrainian for its own words.
pub const UK_CSV: &str = include_str!("uk.csv");

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

/// Reads a translation table and gives the dataset's own words in it, or every problem, located.
pub fn own_words(d: &Dataset, csv: &str) -> Result<OwnWords, Vec<InputError>> {
    let mut p = Problems::default();
    let mut table: BTreeMap<String, (u64, String)> = BTreeMap::new();
    if let Some(t) = Table::parse(UK.file, csv, UK.columns, &mut p) {
        for row in t.rows() {
            let (Some(en), Some(uk)) = (row.text("en", &mut p), row.text("uk", &mut p)) else {
                continue;
            };
            if let Some((first, _)) = table.get(&en) {
                row.report(&mut p, "en", format!("the same text as line {first}"));
                continue;
            }
            if !has_cyrillic(&uk) {
                row.report(&mut p, "uk", "is not written in Ukrainian".into());
            }
            let (said, says) = (sorted(figures_in(&en)), sorted(figures_in(&uk)));
            if said != says {
                let message = format!("states the figures {says:?}, the English {said:?}");
                row.report(&mut p, "uk", message);
            }
            let (said, says) = (sorted(addresses_in(&en)), sorted(addresses_in(&uk)));
            if said != says {
                let message = format!("gives the addresses {says:?}, the English {said:?}");
                row.report(&mut p, "uk", message);
            }
            table.insert(en, (row.line, uk));
        }
    }
    let fields = texts(d);
    let mut out = Vec::with_capacity(fields.len());
    for (place, text) in &fields {
        match table.get(*text) {
            Some((_, uk)) => out.push(uk.clone()),
            None => p.file(UK.file, format!("no Ukrainian for the {place}: \"{text}\"")),
        }
    }
    let wanted: BTreeSet<&str> = fields.iter().map(|(_, text)| *text).collect();
    for (en, (line, _)) in &table {
        if !wanted.contains(en.as_str()) {
            let message = format!("no own-words text of the dataset reads \"{en}\" (changed or gone?)");
            p.at(UK.file, *line, Some("en"), message);
        }
    }
    if p.0.is_empty() {
        Ok(OwnWords {
            lang: "uk".into(),
            dataset_version: d.dataset_version.clone(),
            texts: out,
        })
    } else {
        let mut problems = p.0;
        problems.sort();
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse_dataset;

    fn dataset() -> Dataset {
        parse_dataset(include_str!("../../assets/data/dataset.json")).expect("the bundled dataset reads")
    }

    fn messages(result: Result<OwnWords, Vec<InputError>>) -> Vec<String> {
        result
            .err()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn every_own_word_has_its_ukrainian() {
        let d = dataset();
        let words = own_words(&d, UK_CSV).expect("uk.csv covers the dataset");
        assert_eq!(words.texts.len(), texts(&d).len());
        assert_eq!(words.dataset_version, d.dataset_version);
    }

    #[test]
    fn the_committed_ukrainian_is_what_the_builder_makes() {
        let d = dataset();
        let words = own_words(&d, UK_CSV).expect("uk.csv covers the dataset");
        let committed: OwnWords =
            serde_json::from_str(include_str!("../../assets/data/dataset.uk.json")).expect("the committed file reads");
        assert_eq!(
            committed, words,
            "run the builder: assets/data/dataset.uk.json is stale"
        );
    }

    #[test]
    fn problems_are_located() {
        let d = dataset();
        let title = &d.events[0].title;
        let csv = format!(
            "en,uk\n\"{title}\",\"Росія почала 24 лютого о 05:00\"\n\"{title}\",Х\nNot a text of ours,Не наш текст\n\"{role}\",{role}\n",
            role = d.quotes[0].role
        );
        let found = messages(own_words(&d, &csv));
        assert!(
            found.iter().any(|m| m.starts_with("uk.csv:2: uk: states the figures")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|m| m == "uk.csv:3: en: the same text as line 2"),
            "{found:?}"
        );
        assert!(found
            .iter()
            .any(|m| m.starts_with("uk.csv:4: en: no own-words text of the dataset reads \"Not a text of ours\"")));
        assert!(
            found.iter().any(|m| m == "uk.csv:5: uk: is not written in Ukrainian"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("uk.csv: no Ukrainian for the context, quote of")),
            "{found:?}"
        );
    }

    #[test]
    fn a_changed_address_is_caught() {
        let d = dataset();
        let Some(note) = d
            .quotes
            .iter()
            .filter_map(|q| q.note.as_ref())
            .find(|n| !addresses_in(n).is_empty())
        else {
            panic!("a quote's note gives an address");
        };
        let csv = format!(
            "en,uk\n\"{}\",\"Примітка https://example.org\"\n",
            note.replace('"', "\"\"")
        );
        let found = messages(own_words(&d, &csv));
        assert!(
            found.iter().any(|m| m.starts_with("uk.csv:2: uk: gives the addresses")),
            "{found:?}"
        );
    }
}
