//! Every chart drawn from the fixture CSVs at 640 x 400 through plotters' SVG backend, compared
//! with the reviewed drawing committed in tests/snapshots/. A change to what a chart draws
//! shows here as a diff; after reviewing it, accept it with `INSTA_UPDATE=always cargo test
//! --test snapshots` (or `cargo insta review`).
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::builder;
use displacement_tracker::chart::to_svg;
use displacement_tracker::data::Dataset;
use displacement_tracker::state::from_query;
use displacement_tracker::transform::{bounds, charts};
use std::path::Path;

fn fixtures() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
    let files = builder::read_dir(&dir).unwrap();
    builder::build(&files, builder::SOURCES_CSV).unwrap()
}

/// Every chart of the view given by `query`, as SVG.
fn snapshot_view(name: &str, query: &str) {
    let d = fixtures();
    let (state, notices) = from_query(query, &bounds(&d));
    assert!(notices.is_empty(), "{notices:?}");
    for spec in charts(&d, &state.options) {
        let svg = to_svg(&spec, 640, 400).unwrap();
        insta::assert_snapshot!(format!("{name}-{}", spec.id), svg);
    }
}

#[test]
fn default_view() {
    snapshot_view("default", "");
}

#[test]
fn per_thousand_on_a_log_scale_with_the_earlier_vintage() {
    snapshot_view("per1000-log-vintage", "measure=per1000&scale=log&vintage=earlier");
}

#[test]
fn daily_share_of_two_countries() {
    snapshot_view("daily-share", "mode=daily&measure=share&countries=pol,rus&from=2&to=4");
}
