//! The CSV export of a view built from the fixture CSVs: exact text.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::builder;
use displacement_tracker::export::view_csv;
use displacement_tracker::state::from_query;
use displacement_tracker::transform::bounds;
use std::path::Path;

#[test]
fn csv_of_a_chosen_view() {
    let files = builder::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small")).unwrap();
    let d = builder::build(&files, builder::SOURCES_CSV).unwrap();
    let (state, notices) = from_query("from=2&to=4&countries=pol&measure=per1000", &bounds(&d));
    assert!(notices.is_empty());
    let csv = view_csv(
        &d,
        &state,
        "https://example.org/tracker/?from=2&to=4&countries=pol&measure=per1000",
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export-view.csv");
    if std::env::var_os("WRITE_EXPECTED").is_some() {
        std::fs::write(&path, csv.replace(&d.dataset_version, "{version}")).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    let expected = expected.replace("{version}", &d.dataset_version);
    assert_eq!(csv, expected);
}
