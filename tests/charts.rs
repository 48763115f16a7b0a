//! Transforms and chart drawing against the shipped dataset, drawn through plotters' SVG backend.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::chart::{self, to_svg};
use displacement_tracker::data::{parse_dataset, Dataset};
use displacement_tracker::transform::{self, Mark};

fn dataset() -> Dataset {
    let json = include_str!("../assets/data/dataset.json");
    parse_dataset(json).expect("the shipped dataset validates")
}

/// All `<text>` contents of an SVG, unescaped enough for the labels used here.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
                .map(|(x, _)| x.to_string())
        })
        .map(|t| {
            t.trim()
                .replace("&amp;", "&")
                .replace("&#183;", "·")
                .replace("&#8212;", "—")
                .replace("&#8211;", "–")
        })
        .collect()
}

fn write_artifact(name: &str, svg: &str) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("charts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), svg).unwrap();
}

#[test]
fn cumulative_refugees_spec_uses_the_dataset_figures() {
    let d = dataset();
    let spec = transform::refugees_cumulative(&d);
    assert_eq!(spec.series.len(), 1 + d.refugees.by_country.len());
    let total = &spec.series[0];
    assert_eq!(total.label, "All countries (UNHCR total)");
    // 2022-03-20 (war day 25): 3,401,677 in UNHCR's total, as published.
    assert!(total.points.contains(&(25, 3_401_677.0)));
    assert_eq!(spec.y_label, "border crossings");
    let moldova = spec
        .series
        .iter()
        .find(|s| s.label.contains("arrivals from Moldova"))
        .unwrap();
    assert_eq!(moldova.mark, Mark::DashedLine);
    assert!(moldova.label.ends_with("not part of the total"));
    let russia = spec.series.iter().find(|s| s.label == "Russian Federation").unwrap();
    // The dip from 99,300 to 97,098 is kept.
    assert!(russia.points.contains(&(13, 99_300.0)) && russia.points.contains(&(14, 97_098.0)));
    assert!(spec.source_line.contains("UNHCR") && spec.source_line.contains("not unique people"));
    assert_eq!(spec.x_range.0, 1);
}

#[test]
fn daily_spec_has_one_bar_per_reported_day() {
    let d = dataset();
    let spec = transform::refugees_daily(&d);
    assert_eq!(spec.series[0].mark, Mark::Bars);
    assert_eq!(spec.series[0].points.len(), d.refugees.total.points.len());
    assert_eq!(spec.series[0].points[0], (1, 79_209.0));
}

#[test]
fn casualties_are_markers_at_report_dates_only() {
    let d = dataset();
    let spec = transform::casualties(&d);
    let killed = &spec.series[0];
    assert_eq!(killed.mark, Mark::Markers);
    assert_eq!(
        killed.points.len(),
        d.casualties.points.iter().filter(|p| p.killed.is_some()).count()
    );
    let injured = &spec.series[1];
    assert_eq!(
        injured.points.len(),
        d.casualties.points.iter().filter(|p| p.injured.is_some()).count()
    );
    assert!(
        injured.points.len() < killed.points.len(),
        "rows without an injured figure get no point"
    );
    // 24:00 27 Feb 2022 (day 4): 102 killed, 304 injured.
    assert!(killed.points.contains(&(4, 102.0)) && injured.points.contains(&(4, 304.0)));
}

#[test]
fn idps_are_one_point_per_round() {
    let d = dataset();
    let spec = transform::idps(&d);
    assert_eq!(
        spec.series[0].points,
        [
            (21, 6_477_723.0),
            (37, 7_138_715.0),
            (53, 7_707_000.0),
            (69, 8_029_000.0),
            (89, 7_100_000.0),
            (120, 6_200_000.0)
        ]
    );
    assert!(spec.source_line.contains("rounds 1–6"));
}

#[test]
fn every_chart_draws_title_axes_legend_and_source() {
    let d = dataset();
    for spec in transform::first_view(&d) {
        let svg = to_svg(&spec, 900, 460).unwrap();
        write_artifact(&format!("{}.svg", spec.id), &svg);
        let t = texts(&svg);
        assert!(t.contains(&spec.title), "{}: title", spec.id);
        assert!(t.contains(&spec.y_label), "{}: y label", spec.id);
        assert!(t.contains(&"War day · date".to_string()), "{}: x label", spec.id);
        assert!(
            t.iter().any(|x| x.starts_with("Day ") && x.contains(" 2022")),
            "{}: war-day ticks {t:?}",
            spec.id
        );
        for series in &spec.series {
            assert!(t.contains(&series.label), "{}: legend {}", spec.id, series.label);
        }
        let footer: String = t
            .iter()
            .filter(|x| !x.starts_with("Day "))
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(footer.contains(&spec.source_line), "{}: source line", spec.id);
        assert!(
            t.iter()
                .any(|x| x.contains(',') && x.chars().next().unwrap().is_ascii_digit()),
            "{}: grouped numbers",
            spec.id
        );
    }
}

#[test]
fn drawing_marks_match_the_data() {
    let d = dataset();
    let casualties = to_svg(&transform::casualties(&d), 900, 460).unwrap();
    let reports = transform::casualties(&d)
        .series
        .iter()
        .map(|s| s.points.len())
        .sum::<usize>();
    // One circle per report point, plus the two legend markers.
    assert_eq!(casualties.matches("<circle").count(), reports + 2);
    let daily = to_svg(&transform::refugees_daily(&d), 900, 460).unwrap();
    let bars = d.refugees.total.points.len();
    assert!(daily.matches("<rect").count() >= bars, "one rect per day");
    let cumulative = to_svg(&transform::refugees_cumulative(&d), 900, 460).unwrap();
    assert!(cumulative.matches("<polyline").count() >= 8, "one line per series");
}

#[test]
fn hidpi_scales_text() {
    let spec = transform::idps(&dataset());
    let title_size = |svg: &str| -> f64 {
        let at = svg.find("font-weight=\"bold\"").unwrap();
        let before = &svg[..at];
        let size = before.rsplit("font-size=\"").next().unwrap();
        size.split('"').next().unwrap().parse().unwrap()
    };
    let one = to_svg(&spec, 900, 460).unwrap();
    let mut two = String::new();
    {
        use plotters::prelude::*;
        let root = plotters_svg::SVGBackend::with_string(&mut two, (1800, 920)).into_drawing_area();
        chart::draw(&root, &spec, 2.0, &chart::group_digits).unwrap();
    }
    let ratio = title_size(&two) / title_size(&one);
    assert!(
        (ratio - 2.0).abs() < 0.1,
        "title font scales with the device pixel ratio: {ratio}"
    );
}
