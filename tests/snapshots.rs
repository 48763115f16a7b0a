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

mod fixture_csv;

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

/// The reviewed drawing holds the fixture's figures: the daily chart of war days 2 to 4 has a
/// bar a day, on one baseline, in day order, each as tall as its figure on one scale (to the
/// pixel), whatever the program that wrote the file did.
#[test]
fn the_reviewed_daily_bars_are_the_fixtures_figures() {
    let daily: Vec<f64> = fixture_csv::rows("refugees_total.csv")
        .iter()
        .filter(|r| (2..=4).contains(&r["war_day"].parse::<i64>().unwrap()))
        .map(|r| r["daily"].parse().unwrap())
        .collect();
    assert_eq!(daily, [100_316.0, 143_235.0, 167_673.0]);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/snapshots__daily-share-refugees-daily.snap");
    let svg = std::fs::read_to_string(path).unwrap();
    let attribute = |element: &str, name: &str| -> f64 {
        let at = element.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        element[at..].split('"').next().unwrap().parse().unwrap()
    };
    // The bars: the rectangles of the series' colour (the background is the first rectangle).
    let bars: Vec<(f64, f64, f64)> = svg
        .split("<rect")
        .skip(2)
        .filter(|r| r.contains("fill=\"#0072B2\""))
        .map(|r| (attribute(r, "x"), attribute(r, "y"), attribute(r, "height")))
        .collect();
    assert_eq!(bars.len(), daily.len(), "a bar a day: {bars:?}");
    let scale = bars.iter().map(|b| b.2).sum::<f64>() / daily.iter().sum::<f64>();
    for (i, ((x, y, height), figure)) in bars.iter().zip(&daily).enumerate() {
        assert!(
            (height - figure * scale).abs() <= 1.0,
            "day {}: {height} px for {figure}",
            i + 2
        );
        assert_eq!(y + height, bars[0].1 + bars[0].2, "one baseline");
        if i > 0 {
            assert!(*x > bars[i - 1].0, "in day order");
        }
    }
}
