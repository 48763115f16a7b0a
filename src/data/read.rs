//! Reading a dataset's text: bytes -> UTF-8 -> JSON -> typed `Dataset`, in steps, with the place
//! where a text that is not a dataset goes wrong; then the consistency checks (`validate`).

use super::date::Date;
use super::model::{Dataset, SCHEMA_VERSION};
use super::validate::{check, DatasetError};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;
use std::future::Future;

/// Only the schema version, read before anything else from a JSON object (every other field is
/// skipped; serde's derive would also take a list).
struct SchemaProbe(Option<u64>);

impl<'de> Deserialize<'de> for SchemaProbe {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = SchemaProbe;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<SchemaProbe, A::Error> {
                let mut version = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "schema_version" {
                        version = map.next_value::<Option<u64>>()?;
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(SchemaProbe(version))
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

/// The largest dataset file the page reads: a hundred times the published one, and small enough
/// to read, check and draw without freezing a phone's tab.
pub const MAX_DATASET_BYTES: u64 = 10 * 1_048_576;

/// Refuses a file of `bytes` bytes before it is read, if it is larger than the page reads.
pub fn check_size(bytes: u64) -> Result<(), DatasetError> {
    if bytes > MAX_DATASET_BYTES {
        Err(DatasetError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// Parses and validates a dataset file as it was fetched or opened: its size, its encoding
/// (UTF-8; UTF-16 is named as such, other bytes by their offset), then `parse_dataset`.
pub fn parse_dataset_bytes(bytes: &[u8]) -> Result<Dataset, DatasetError> {
    at_once(read_dataset_bytes(bytes, no_pause))
}

/// Parses and validates dataset JSON (a UTF-8 byte-order mark before it is allowed).
pub fn parse_dataset(json: &str) -> Result<Dataset, DatasetError> {
    at_once(read_dataset(json, no_pause))
}

/// `parse_dataset_bytes` in steps, awaiting `pause()` between them (the page gives the browser a
/// task boundary there, so that reading a dataset is a few short tasks rather than one long one).
pub async fn read_dataset_bytes<P: Future<Output = ()>>(
    bytes: &[u8],
    pause: impl FnMut() -> P,
) -> Result<Dataset, DatasetError> {
    check_size(bytes.len() as u64)?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(DatasetError::Utf16);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| DatasetError::NotUtf8 {
        at: e.valid_up_to() as u64,
    })?;
    read_dataset(text, pause).await
}

/// `parse_dataset` in steps, awaiting `pause()` between them. A first pass reads the top level
/// (checking that the whole text is JSON, and the schema version) and keeps each large field as
/// its text; the fields are then read in groups, and the dataset checked, a step each.
pub async fn read_dataset<P: Future<Output = ()>>(
    json: &str,
    mut pause: impl FnMut() -> P,
) -> Result<Dataset, DatasetError> {
    check_size(json.len() as u64)?;
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // A text whose top level is not that of a dataset is read again to say why (`why_not`).
    let mut reader = serde_json::Deserializer::from_str(json);
    let top = match serde_path_to_error::deserialize::<_, TopLevel>(&mut reader) {
        Ok(top) => top,
        Err(e) => return Err(why_not(json, &e)),
    };
    // Nothing but white space may follow the dataset's JSON ("...}<script>" is no dataset).
    reader.end().map_err(|e| DatasetError::Malformed(unreadable(&e)))?;
    if top.schema_version != SCHEMA_VERSION {
        return Err(DatasetError::UnsupportedSchema {
            found: Some(u64::from(top.schema_version)),
        });
    }
    pause().await;
    let sources = field("sources", top.sources)?;
    let countries = field("countries", top.countries)?;
    let refugees = field("refugees", top.refugees)?;
    pause().await;
    let casualties = field("casualties", top.casualties)?;
    let idps = field("idps", top.idps)?;
    let events = field("events", top.events)?;
    let figures = field("figures", top.figures)?;
    pause().await;
    let dataset = Dataset {
        schema_version: top.schema_version,
        dataset_version: top.dataset_version,
        war_start: top.war_start,
        first_date: top.first_date,
        last_date: top.last_date,
        sources,
        countries,
        refugees,
        casualties,
        idps,
        events,
        quotes: field("quotes", top.quotes)?,
        claims: field("claims", top.claims)?,
        changelog: field("changelog", top.changelog)?,
        figures,
    };
    pause().await;
    let problems = check(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(DatasetError::Invalid(problems))
    }
}

/// The dataset's top level: its small fields read, its large ones kept as their JSON text (which
/// this pass checks is JSON) to be read one by one (`field`). The same fields as `Dataset`.
#[derive(Deserialize)]
struct TopLevel<'a> {
    schema_version: u32,
    dataset_version: String,
    war_start: Date,
    first_date: Date,
    last_date: Date,
    #[serde(borrow)]
    sources: &'a RawValue,
    #[serde(borrow)]
    countries: &'a RawValue,
    #[serde(borrow)]
    refugees: &'a RawValue,
    #[serde(borrow)]
    casualties: &'a RawValue,
    #[serde(borrow)]
    idps: &'a RawValue,
    #[serde(borrow)]
    events: &'a RawValue,
    #[serde(borrow)]
    quotes: &'a RawValue,
    #[serde(borrow)]
    claims: &'a RawValue,
    #[serde(borrow)]
    changelog: &'a RawValue,
    #[serde(borrow)]
    figures: &'a RawValue,
}

/// One large field of the dataset read from its text, a wrong shape named by its path from the
/// dataset's top (`refugees.total.points.cumulative[0]`).
fn field<T: serde::de::DeserializeOwned>(name: &str, text: &RawValue) -> Result<T, DatasetError> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text.get())).map_err(|e| {
        let inner = e.path().to_string();
        let path = match inner.as_str() {
            "." => name.to_string(),
            _ if inner.starts_with('[') => format!("{name}{inner}"),
            _ => format!("{name}.{inner}"),
        };
        DatasetError::Malformed(shape_error(&path, e.inner()))
    })
}

/// No pause between the steps of reading a dataset.
fn no_pause() -> std::future::Ready<()> {
    std::future::ready(())
}

/// The result of reading a dataset without pauses: such a reading finishes when first polled.
fn at_once(reading: impl Future<Output = Result<Dataset, DatasetError>>) -> Result<Dataset, DatasetError> {
    let mut reading = std::pin::pin!(reading);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(result) = reading.as_mut().poll(&mut context) {
            return result;
        }
    }
}

/// Why a text that could not be read as a dataset is not one: not JSON; or not a dataset of
/// this schema version (looked at first, whatever else is wrong); or JSON of another shape, with
/// the path to the first field that is not as expected (`failed`, the first reading's error).
fn why_not(json: &str, failed: &serde_path_to_error::Error<serde_json::Error>) -> DatasetError {
    match serde_json::from_str::<SchemaProbe>(json) {
        Err(e) => DatasetError::Malformed(unreadable(&e)),
        Ok(probe) if probe.0 != Some(u64::from(SCHEMA_VERSION)) => DatasetError::UnsupportedSchema { found: probe.0 },
        Ok(_) => DatasetError::Malformed(shape_error(&failed.path().to_string(), failed.inner())),
    }
}

/// Why a text is not a dataset at all: not JSON (with the place), cut short, or JSON that is not
/// an object with a numeric schema_version.
fn unreadable(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let place = format!("line {}, column {}", e.line(), e.column());
    match e.classify() {
        Category::Eof => format!("the text ends before its JSON does, at {place} (is the file complete?)"),
        Category::Syntax | Category::Io => format!("the text is not JSON: at {place}, {}", plain(e)),
        Category::Data => "the text is not a JSON object with a numeric schema_version".into(),
    }
}

/// Where a dataset that is JSON but not of the expected shape goes wrong, named by its path:
/// `refugees.by_country[3].points.cumulative[17]: expected a whole number, found a string "x"`.
fn shape_error(path: &str, e: &serde_json::Error) -> String {
    format!(
        "it is JSON, but not of the shape of schema_version {SCHEMA_VERSION}: at {path}: {}",
        plain(e)
    )
}

/// serde's message in the reader's words: what was expected first, no Rust type names, and
/// the place (which the path or the caller gives) left off.
fn plain(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    let found = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|p| text.strip_prefix(p));
    let mut out = match found.and_then(|t| t.split_once(", expected ")) {
        Some((found, expected)) => format!("expected {expected}, found {found}"),
        None => text.to_string(),
    };
    let words = [
        ("expected u64", "expected a whole number (0 or more)"),
        ("expected u32", "expected a whole number (0 or more)"),
        ("expected i64", "expected a whole number"),
        ("expected i32", "expected a whole number"),
        ("expected a borrowed string", "expected a string"),
        ("integer `", "the number `"),
        ("floating point `", "the number `"),
        ("a sequence", "a list"),
        ("a map", "an object"),
        ("found sequence", "found a list"),
        ("found map", "found an object"),
        ("found string ", "found the string "),
        ("recursion limit exceeded", "nested more than 128 levels deep"),
        (
            "unexpected end of hex escape",
            "a \\u escape that is not a whole character",
        ),
        (
            "lone leading surrogate in hex escape",
            "a \\u escape that is not a whole character",
        ),
    ];
    for (from, to) in words {
        out = out.replace(from, to);
    }
    out
}
