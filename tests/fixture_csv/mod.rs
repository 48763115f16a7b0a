//! The fixture CSVs (tests/fixtures/small) read with the csv crate, not by the builder: what
//! native tests use to check the reviewed files against figures the program did not produce.

use std::collections::HashMap;
use std::path::Path;

/// A fixture CSV's rows, each a map from column name to text.
pub fn rows(file: &str) -> Vec<HashMap<String, String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/small")
        .join(file);
    let mut reader = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .map(String::from)
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}
