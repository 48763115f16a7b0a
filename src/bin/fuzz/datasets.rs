//! Mutated datasets: to the reader, and every accepted one through what a reader's view draws
//! from it.

use crate::queries::mutated_query;
use crate::runner::{pick, Corpus, Target, DATES, NUMBERS, ODD_TEXT};
use displacement_tracker::data::{parse_dataset, Dataset};
use displacement_tracker::state::{from_query, ChartOptions};
use displacement_tracker::{chart, compare, export, transform};
use fastrand::Rng;
use serde_json::Value;

pub struct Datasets;

impl Target for Datasets {
    const NAME: &'static str = "dataset";
    const OUTCOMES: (&'static str, &'static str) = (
        "accepted and drawn, exported, compared",
        "refused with a located message",
    );
    type Input = String;

    fn input(rng: &mut Rng, corpus: &Corpus) -> String {
        mutated(rng, corpus)
    }

    /// The reader, and for an accepted dataset everything a reader's view draws from it.
    fn exercise(input: &String, _: &Corpus, rng: &mut Rng) -> Result<bool, String> {
        let Ok(dataset) = parse_dataset(input) else {
            return Ok(false);
        };
        let bounds = transform::bounds(&dataset);
        let (state, _) = from_query(&mutated_query(rng), &bounds);
        exercise_view(&dataset, &state.options, rng)?;
        Ok(true)
    }

    fn text(input: &String) -> String {
        input.clone()
    }
}

fn mutated(rng: &mut Rng, corpus: &Corpus) -> String {
    // One in ten from the shipped dataset, the rest from the small one (quicker to draw).
    let base = usize::from(rng.u8(..10) != 0);
    if rng.bool() {
        let mut value = corpus.values[base].clone();
        for _ in 0..rng.usize(1..=4) {
            if rng.u8(..4) == 0 {
                mutate_ids_and_bounds(rng, &mut value);
            } else {
                mutate_value(rng, &mut value);
            }
        }
        return serde_json::to_string(&value).unwrap_or_default();
    }
    let mut bytes = corpus.datasets[base].clone().into_bytes();
    for _ in 0..rng.usize(1..=3) {
        mutate_bytes(rng, &mut bytes, corpus);
    }
    // As a browser reads a file: invalid UTF-8 becomes U+FFFD.
    String::from_utf8_lossy(&bytes).into_owned()
}

fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, corpus: &Corpus) {
    if bytes.is_empty() {
        bytes.extend_from_slice(b"{}");
    }
    let at = rng.usize(..bytes.len());
    match rng.u8(..9) {
        8 => {
            // Text after the JSON: markup, another value, or only space (which is allowed).
            let after = ["<script>alert(1)</script>", "{}", "]", "x", "\n\t ", "\u{0}"][rng.usize(..6)];
            bytes.extend_from_slice(after.as_bytes());
        }
        0 => {
            for _ in 0..rng.usize(1..=8) {
                let i = rng.usize(..bytes.len());
                bytes[i] = if rng.bool() {
                    bytes[i] ^ (1 << rng.u8(..8))
                } else {
                    rng.u8(..)
                };
            }
        }
        1 => bytes.truncate(at),
        2 => {
            let other = corpus.datasets[rng.usize(..corpus.datasets.len())].as_bytes();
            let from = rng.usize(..other.len());
            let to = (from + rng.usize(..2000)).min(other.len());
            bytes.splice(at..at, other[from..to].iter().copied());
        }
        3 => {
            // A number replaced: at the digit run around a random digit.
            let Some(digit) = (0..64)
                .map(|_| rng.usize(..bytes.len()))
                .find(|i| bytes[*i].is_ascii_digit())
            else {
                return;
            };
            let start = bytes[..digit]
                .iter()
                .rposition(|b| !b.is_ascii_digit() && *b != b'-')
                .map_or(0, |p| p + 1);
            let end = bytes[digit..]
                .iter()
                .position(|b| !b.is_ascii_digit())
                .map_or(bytes.len(), |p| digit + p);
            let number = pick(rng, &NUMBERS);
            bytes.splice(start..end, number.bytes());
        }
        4 => {
            let depth = [10, 129, 1000, 200_000][rng.usize(..4)];
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            bytes.splice(at..at, nested.bytes());
        }
        5 => {
            let Some(quote) = bytes[at..].iter().position(|b| *b == b'"').map(|p| at + p + 1) else {
                return;
            };
            let long = "x".repeat([100, 10_000, 1_000_000][rng.usize(..3)]);
            bytes.splice(quote..quote, long.bytes());
        }
        6 => {
            let odd = pick(rng, &ODD_TEXT);
            bytes.splice(at..at, odd.bytes());
        }
        _ => {
            let len = rng.usize(..64).min(bytes.len() - at);
            bytes.drain(at..at + len);
        }
    }
}

/// What the reader checks across the dataset: the date bounds against the figures, and ids
/// unique and free of commas and spaces (sources, series, figures, countries).
fn mutate_ids_and_bounds(rng: &mut Rng, value: &mut Value) {
    match rng.u8(..4) {
        0 => {
            let key = ["first_date", "last_date"][rng.usize(..2)];
            let date = if rng.bool() {
                pick(rng, &DATES).to_string()
            } else {
                // A date inside the war, before or after some figures.
                let day = rng.i64(1..=1700);
                displacement_tracker::data::Date::from_war_day(day).map_or_else(String::new, |d| d.iso())
            };
            if let Some(top) = value.as_object_mut() {
                top.insert(key.into(), Value::String(date));
            }
        }
        1 | 2 => {
            let lists = ["/sources", "/refugees/by_country", "/figures"];
            let Some(Value::Array(items)) = value.pointer_mut(lists[rng.usize(..lists.len())]) else {
                return;
            };
            if items.len() < 2 {
                return;
            }
            let (i, j) = (rng.usize(..items.len()), rng.usize(..items.len()));
            let key = if items[i].get("iso3").is_some() && rng.bool() {
                "iso3"
            } else {
                "id"
            };
            let Some(id) = items[i].get(key).and_then(Value::as_str).map(String::from) else {
                return;
            };
            // The same id twice, or one with a comma or a space in it.
            let id = if rng.bool() {
                id
            } else {
                format!("{id}{}", [",", " ", ",x"][rng.usize(..3)])
            };
            if let Some(item) = items[j].as_object_mut() {
                item.insert(key.into(), Value::String(id));
            }
        }
        _ => {
            // A figure's page or label as a formula.
            let lists = ["/sources", "/quotes", "/events", "/figures"];
            let Some(Value::Array(items)) = value.pointer_mut(lists[rng.usize(..lists.len())]) else {
                return;
            };
            if items.is_empty() {
                return;
            }
            let i = rng.usize(..items.len());
            let Some(item) = items[i].as_object_mut() else { return };
            let keys: Vec<String> = item
                .iter()
                .filter(|(_, v)| v.is_string())
                .map(|(k, _)| k.clone())
                .collect();
            if keys.is_empty() {
                return;
            }
            let key = &keys[rng.usize(..keys.len())];
            item.insert(key.clone(), Value::String(pick(rng, &ODD_TEXT[14..]).to_string()));
        }
    }
}

/// One node of the JSON tree changed: another type, an extreme or odd value, removed,
/// duplicated, emptied.
fn mutate_value(rng: &mut Rng, value: &mut Value) {
    // A random path down the tree, as a JSON pointer.
    let mut pointer = String::new();
    let mut at: &Value = value;
    for _ in 0..rng.usize(..12) {
        let step = match at {
            Value::Object(map) if !map.is_empty() => {
                map.iter().nth(rng.usize(..map.len())).map(|(k, v)| (k.clone(), v))
            }
            Value::Array(items) if !items.is_empty() => {
                let i = rng.usize(..items.len());
                Some((i.to_string(), &items[i]))
            }
            _ => None,
        };
        let Some((key, next)) = step else { break };
        pointer.push('/');
        pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
        at = next;
        if !(next.is_object() || next.is_array()) && rng.bool() {
            break;
        }
    }
    let Some(node) = value.pointer_mut(&pointer) else {
        return;
    };
    match rng.u8(..11) {
        0 => *node = Value::Null,
        1 => *node = serde_json::from_str(pick(rng, &NUMBERS)).unwrap_or(Value::Null),
        2 => *node = Value::String(pick(rng, &DATES).to_string()),
        3 => *node = Value::String(pick(rng, &ODD_TEXT).to_string()),
        4 => *node = Value::String("x".repeat([0, 100, 1_000_000][rng.usize(..3)])),
        5 => match node {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(rng.usize(..map.len())).cloned().unwrap_or_default();
                map.remove(&key);
            }
            Value::Array(items) if !items.is_empty() => {
                items.remove(rng.usize(..items.len()));
            }
            _ => *node = Value::Array(Vec::new()),
        },
        6 => match node {
            Value::Array(items) if !items.is_empty() => {
                let copy = items[rng.usize(..items.len())].clone();
                items.insert(rng.usize(..=items.len()), copy);
            }
            Value::Array(items) => items.clear(),
            _ => {}
        },
        7 => match node {
            Value::Array(items) => items.truncate(rng.usize(..=items.len().min(2))),
            Value::String(s) => *s = s.replace("https://", ["javascript:", "data:", " https://", "//"][rng.usize(..4)]),
            _ => {}
        },
        8 => {
            if let Value::Number(n) = node {
                if let Some(v) = n.as_u64() {
                    let extreme =
                        [0, 1, v.saturating_mul(1000), 10_000_000_000, u64::MAX / 2, u64::MAX][rng.usize(..6)];
                    *node = Value::from(extreme);
                }
            }
        }
        9 => *node = Value::Bool(rng.bool()),
        _ => *node = Value::Object(serde_json::Map::new()),
    }
}

pub fn exercise_view(d: &Dataset, options: &ChartOptions, rng: &mut Rng) -> Result<(), String> {
    let bounds = transform::bounds(d);
    let days = [
        bounds.first_day,
        bounds.last_day,
        rng.i64(bounds.first_day..=bounds.last_day),
        bounds.last_day.saturating_add(1),
        rng.i64(..),
    ];
    // Any size a page, an embed or an export may give a chart, a pixel wide or tall included.
    let (width, height) = match rng.u8(..4) {
        0 => (rng.u32(1..=80), rng.u32(1..=80)),
        1 => ([320, 640, 1600][rng.usize(..3)], [400, 420, 800][rng.usize(..3)]),
        _ => (rng.u32(1..=4000), rng.u32(1..=2400)),
    };
    for spec in transform::charts(d, options) {
        // A drawing error is a message on screen, not a panic; both are fine here.
        let _ = chart::to_svg(&spec, width, height);
        for day in days {
            let tip = transform::tooltip(&spec, day);
            let _ = (tip.unit_groups(), tip.sources_line());
        }
    }
    for day in days {
        transform::headline(d, day, options.lang);
    }
    let link = "https://example.org/?day=26";
    let csv = export::view_csv(d, options, link);
    if let Some(cell) = formula_cell(&csv) {
        return Err(format!("a CSV cell a spreadsheet would run as a formula: {cell:?}"));
    }
    export::citation(d, options, link, d.last_date);
    export::stamp(d, options, link);
    for claim in &d.claims {
        let c = compare::compare(d, claim);
        compare::claim_sentences(claim, &c, options.lang);
    }
    compare::revisions(d).iter().for_each(|r| {
        compare::revision_words(r, options.lang);
    });
    Ok(())
}

/// A cell of the CSV export that a spreadsheet would run as a formula, if any (the header's
/// comment lines are text).
fn formula_cell(csv: &str) -> Option<String> {
    let rows: String = csv
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(rows.as_bytes());
    reader.records().flatten().find_map(|record| {
        record
            .iter()
            .find(|cell| cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err())
            .map(String::from)
    })
}
