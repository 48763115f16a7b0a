//! The dataset's own words: the texts this project wrote about the data (event titles, speakers'
//! roles, the context and notes of quotes and claims, attributions, the copies used, caveats,
//! licence lines, series labels, the changelog), as opposed to what it quotes (quotes, claims, source titles,
//! names). A language other than the dataset's gives them in its own words in a small file of
//! its own (`dataset.uk.json`), written by the builder beside the dataset: the same texts, in
//! the order `texts` walks them, for one dataset version.

use super::model::Dataset;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where the Ukrainian own words are, relative to the page (beside the dataset).
pub const UK_WORDS_URL: &str = "data/dataset.uk.json";

/// The file of a dataset's own words in `lang`, beside the dataset's file: `dataset.uk.json`
/// for `dataset.json`.
pub fn beside(dataset_path: &str, lang: &str) -> String {
    let stem = dataset_path.strip_suffix(".json").unwrap_or(dataset_path);
    format!("{stem}.{lang}.json")
}

/// The own words of a dataset in another language, for one dataset version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnWords {
    /// The language of `texts` ("uk").
    pub lang: String,
    /// The dataset these are the words of.
    pub dataset_version: String,
    /// One text per own-words field of the dataset, in the order `texts` gives them.
    pub texts: Vec<String>,
}

/// Why a dataset cannot take a set of own words: they are another version's.
#[derive(Clone, Debug, PartialEq)]
pub enum WordsMismatch {
    Version { words: String, dataset: String },
    Count { words: usize, dataset: usize },
}

impl fmt::Display for WordsMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordsMismatch::Version { words, dataset } => {
                write!(f, "they are of dataset {words}, the page shows dataset {dataset}")
            }
            WordsMismatch::Count { words, dataset } => {
                write!(f, "they hold {words} texts, the dataset {dataset}")
            }
        }
    }
}

/// What an own-words field is, to locate it in messages: "event title, 2022-02-24".
pub type Place = String;

/// The own-words fields of a dataset, each with where it is, in a fixed order.
pub fn texts(d: &Dataset) -> Vec<(Place, &str)> {
    let mut out: Vec<(Place, &str)> = Vec::new();
    for e in &d.events {
        out.push((format!("event title, {}", e.date), &e.title));
    }
    for q in &d.quotes {
        let at = format!("quote of {}, {}", q.speaker, q.date);
        out.push((format!("role, {at}"), &q.role));
        out.push((format!("context, {at}"), &q.context));
        if let Some(note) = &q.note {
            out.push((format!("note, {at}"), note));
        }
    }
    for c in &d.claims {
        let at = format!("claim of {}", c.date);
        out.push((format!("attribution, {at}"), &c.who));
        if let Some(note) = &c.note {
            out.push((format!("note, {at}"), note));
        }
    }
    for s in &d.sources {
        if let Some(via) = &s.via {
            out.push((format!("copy used, source {}", s.id), via));
        }
        if let Some(licence) = &s.licence {
            out.push((format!("licence, source {}", s.id), licence));
        }
        for c in &s.caveats {
            out.push((format!("caveat, source {}", s.id), c));
        }
    }
    let r = &d.refugees;
    for s in std::iter::once(&r.total).chain(&r.earlier_total).chain(&r.by_country) {
        for c in &s.caveats {
            out.push((format!("caveat, series {}", s.id), &c.text));
        }
    }
    for f in &d.figures {
        out.push((format!("label, figures {}", f.id), &f.label));
        for c in &f.caveats {
            out.push((format!("caveat, figures {}", f.id), &c.text));
        }
    }
    for c in &d.casualties.caveats {
        out.push(("caveat, casualties".into(), &c.text));
    }
    for c in &d.idps.caveats {
        out.push(("caveat, internal displacement".into(), &c.text));
    }
    for c in &d.changelog {
        out.push((format!("changelog, {}", c.date), &c.change));
    }
    out
}

/// The same fields as `texts`, in the same order, to be written.
fn texts_mut(d: &mut Dataset) -> Vec<&mut String> {
    let mut out: Vec<&mut String> = Vec::new();
    for e in &mut d.events {
        out.push(&mut e.title);
    }
    for q in &mut d.quotes {
        out.push(&mut q.role);
        out.push(&mut q.context);
        out.extend(q.note.as_mut());
    }
    for c in &mut d.claims {
        out.push(&mut c.who);
        out.extend(c.note.as_mut());
    }
    for s in &mut d.sources {
        out.extend(s.via.as_mut());
        out.extend(s.licence.as_mut());
        out.extend(s.caveats.iter_mut());
    }
    let r = &mut d.refugees;
    for s in std::iter::once(&mut r.total)
        .chain(r.earlier_total.as_mut())
        .chain(r.by_country.iter_mut())
    {
        out.extend(s.caveats.iter_mut().map(|c| &mut c.text));
    }
    for f in &mut d.figures {
        out.push(&mut f.label);
        out.extend(f.caveats.iter_mut().map(|c| &mut c.text));
    }
    out.extend(d.casualties.caveats.iter_mut().map(|c| &mut c.text));
    out.extend(d.idps.caveats.iter_mut().map(|c| &mut c.text));
    out.extend(d.changelog.iter_mut().map(|c| &mut c.change));
    out
}

/// The dataset with its own words in `words`' language, if they are this dataset's.
pub fn translate(d: &Dataset, words: &OwnWords) -> Result<Dataset, WordsMismatch> {
    if words.dataset_version != d.dataset_version {
        return Err(WordsMismatch::Version {
            words: words.dataset_version.clone(),
            dataset: d.dataset_version.clone(),
        });
    }
    let mut out = d.clone();
    let fields = texts_mut(&mut out);
    if fields.len() != words.texts.len() {
        return Err(WordsMismatch::Count {
            words: words.texts.len(),
            dataset: fields.len(),
        });
    }
    for (field, text) in fields.into_iter().zip(&words.texts) {
        text.clone_into(field);
    }
    Ok(out)
}

/// The figures a text states, whatever the language writes between groups of digits ("3,401,677"
/// and "3 401 677" alike; "3.49" and "3,49" alike), in order: a translation must state the same.
pub fn figures_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut figure = String::new();
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                figure.push(chars[i]);
                i += 1;
            }
            let Some(&sep) = chars.get(i) else { break };
            let run = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let joins = match sep {
                ',' | '.' => run > 0,
                ' ' | '\u{a0}' | '\u{202f}' => run == 3,
                _ => false,
            };
            if !joins {
                break;
            }
            i += 1;
        }
        out.push(figure);
    }
    out
}

/// The web addresses a text gives, in order.
pub fn addresses_in(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '"' || c == '(' || c == ')')
        .filter(|w| w.starts_with("https://") || w.starts_with("http://"))
        .map(|w| w.trim_end_matches(['.', ',', ';', ':']))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse_dataset;

    fn dataset() -> Dataset {
        parse_dataset(include_str!("../../assets/data/dataset.json")).expect("the bundled dataset reads")
    }

    #[test]
    fn texts_and_fields_walk_alike() {
        let d = dataset();
        let texts: Vec<String> = texts(&d).into_iter().map(|(_, t)| t.to_string()).collect();
        let mut copy = d.clone();
        let fields: Vec<String> = texts_mut(&mut copy).into_iter().map(|t| t.clone()).collect();
        assert_eq!(texts, fields);
        assert!(texts.iter().any(|t| t == &d.events[0].title));
        assert!(texts.iter().any(|t| t == &d.quotes[0].role));
        assert!(
            !texts.iter().any(|t| t == &d.quotes[0].text),
            "a quote is not ours to translate"
        );
        assert!(
            !texts.iter().any(|t| t == &d.sources[0].title),
            "a source title stays as printed"
        );
    }

    #[test]
    fn translate_replaces_only_own_words() {
        let d = dataset();
        let n = texts(&d).len();
        let words = OwnWords {
            lang: "uk".into(),
            dataset_version: d.dataset_version.clone(),
            texts: (0..n).map(|i| format!("текст {i}")).collect(),
        };
        let t = translate(&d, &words).expect("same version and count");
        assert_eq!(t.events[0].title, "текст 0");
        assert_eq!(t.quotes[0].text, d.quotes[0].text);
        assert_eq!(t.sources[0].title, d.sources[0].title);
        assert_eq!(
            t.changelog.last().map(|c| c.change.as_str()),
            Some(format!("текст {}", n - 1).as_str())
        );
    }

    #[test]
    fn words_of_another_dataset_are_refused() {
        let d = dataset();
        let n = texts(&d).len();
        let other = OwnWords {
            lang: "uk".into(),
            dataset_version: "0000".into(),
            texts: vec![String::new(); n],
        };
        assert!(matches!(translate(&d, &other), Err(WordsMismatch::Version { .. })));
        let short = OwnWords {
            dataset_version: d.dataset_version.clone(),
            texts: vec![String::new(); n - 1],
            ..other
        };
        assert_eq!(
            translate(&d, &short),
            Err(WordsMismatch::Count {
                words: n - 1,
                dataset: n
            })
        );
    }

    #[test]
    fn the_words_file_is_beside_the_dataset() {
        assert_eq!(beside("assets/data/dataset.json", "uk"), "assets/data/dataset.uk.json");
        assert_eq!(beside("out/data", "uk"), "out/data.uk.json");
        assert!(UK_WORDS_URL.ends_with(&beside("dataset.json", "uk")));
    }

    #[test]
    fn figures_read_alike_in_both_languages() {
        assert_eq!(figures_in("3,401,677 against 3.49 million"), ["3401677", "349"]);
        assert_eq!(figures_in("3 401 677 проти 3,49 млн"), ["3401677", "349"]);
        assert_eq!(figures_in("3\u{a0}401\u{a0}677"), ["3401677"]);
        assert_eq!(
            figures_in("on 2022-03-20, to 24:00 27 Feb"),
            ["2022", "03", "20", "24", "00", "27"]
        );
        assert_eq!(figures_in("(42,900; 53,300)"), ["42900", "53300"]);
        assert_ne!(figures_in("3,401,677"), figures_in("3 401 676"));
        assert_eq!(figures_in("Round 14 total"), ["14"]);
    }

    #[test]
    fn addresses_are_found_whole() {
        assert_eq!(
            addresses_in("same text at https://example.org/a-b_c?x=1. (see http://x.org/y)"),
            ["https://example.org/a-b_c?x=1", "http://x.org/y"]
        );
        assert!(addresses_in("no address here").is_empty());
    }
}
