//! The CSV export of a view built from the fixture CSVs: exact text.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::builder;
use displacement_tracker::export::view_csv;
use displacement_tracker::state::from_query;
use displacement_tracker::transform::bounds;
use std::path::Path;

mod fixture_csv;

#[test]
fn csv_of_a_chosen_view() {
    let files = builder::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small")).unwrap();
    let d = builder::build(&files, builder::SOURCES_CSV).unwrap();
    let (state, notices) = from_query("from=2&to=4&countries=pol&measure=per1000", &bounds(&d));
    assert!(notices.is_empty());
    let csv = view_csv(
        &d,
        &state.options,
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

#[test]
fn citation_and_picture_stamp_name_the_view_version_and_link() {
    use displacement_tracker::data::{parse_dataset, Date};
    use displacement_tracker::export::{citation, stamp, view_title};
    let d = parse_dataset(include_str!("../assets/data/dataset.json")).unwrap();
    let link = "https://example.org/tracker/?from=2&to=4&countries=pol&measure=per1000";
    let (state, _) = from_query("from=2&to=4&countries=pol&measure=per1000", &bounds(&d));
    let title = "Refugees, civilian casualties and internal displacement in Ukraine, war days 2 to 4 \
                 (25 Feb 2022 to 27 Feb 2022), refugees per 1,000 residents";
    assert_eq!(view_title(&d, &state.options), title);
    let accessed = Date::parse_iso("2026-11-25").unwrap();
    assert_eq!(
        citation(&d, &state.options, link, accessed),
        format!(
            "displacement-tracker, “{title}”, dataset version {} (schema 3), {link} (accessed 25 Nov 2026).",
            d.dataset_version
        )
    );
    let (all, _) = from_query("mode=daily", &bounds(&d));
    assert!(view_title(&d, &all.options).ends_with("war days 1 to 1,619 (24 Feb 2022 to 31 Jul 2026), daily figures"));

    // The stamp goes under a chart's own source line in a downloaded picture.
    let stamp = stamp(&d, &state.options, link);
    assert_eq!(
        stamp,
        format!(
            "War days 2 to 4 (25 Feb 2022 to 27 Feb 2022) · dataset {} · {link}",
            d.dataset_version
        )
    );
    let mut spec = displacement_tracker::transform::charts(&d, &state.options).remove(0);
    spec.source_line = format!("{} · {stamp}", spec.source_line);
    let svg = displacement_tracker::chart::to_svg(&spec, 1600, 920).unwrap();
    assert!(
        svg.contains(&format!("dataset {}", d.dataset_version)),
        "the stamp is drawn"
    );
    assert!(svg.contains("War days 2 to 4"));
}

#[test]
fn csv_citation_and_stamp_in_ukrainian() {
    use displacement_tracker::data::{parse_dataset, Date};
    use displacement_tracker::export::{citation, stamp};
    let d = parse_dataset(include_str!("../assets/data/dataset.json")).unwrap();
    let link = "https://example.org/tracker/?from=2&to=4&lang=uk";
    let (state, notices) = from_query("from=2&to=4&lang=uk", &bounds(&d));
    assert!(notices.is_empty());
    let csv = view_csv(&d, &state.options, link);
    let header: Vec<&str> = csv.lines().take_while(|l| l.starts_with('#')).collect();
    assert_eq!(
        header[0],
        "# displacement-tracker: що повномасштабне вторгнення в Україну зробило з людьми, день за днем"
    );
    assert_eq!(header[1], format!("# Подання: {link}"));
    assert!(header[2].starts_with("# Графіки: Перетини кордону з України за країнами, що приймають"));
    // Each chart's period, in the reader's language.
    assert!(
        header[3].starts_with(
            "# Перетини кордону з України за країнами, що приймають, наростаючим підсумком: Цифри до 26 бер. 2025 р."
        ),
        "{}",
        header[3]
    );
    assert!(header.contains(&"# Дні війни з 2 по 4 (з 2022-02-25 по 2022-02-27); день війни 1 = 2022-02-24"));
    // The sources' own words stay as published.
    assert!(header
        .iter()
        .any(|l| l.starts_with("# Джерело [unhcr-total]: UNHCR, Ukraine refugee situation")));
    // The columns are the same in every language (for tools); the values are plain numbers.
    assert!(csv.contains("\nchart,series,date,war_day,value,precision,unit,detail,source\n"));
    assert!(csv.contains("\nrefugees,Польща,2022-02-25,2,"), "{csv}");
    let accessed = Date::parse_iso("2026-11-25").unwrap();
    assert_eq!(
        citation(&d, &state.options, link, accessed),
        format!(
            "displacement-tracker, «Біженці, цивільні жертви та внутрішнє переміщення в Україні, дні війни з 2 по 4 \
             (з 25 лют. 2022 р. по 27 лют. 2022 р.)», версія даних {} (схема 3), {link} (дата звернення: 25 лист. 2026 р.).",
            d.dataset_version
        )
    );
    assert_eq!(
        stamp(&d, &state.options, link),
        format!(
            "Дні війни з 2 по 4 (з 25 лют. 2022 р. по 27 лют. 2022 р.) · дані {} · {link}",
            d.dataset_version
        )
    );
}

/// The reviewed CSV (tests/fixtures/export-view.csv) holds the fixture's figures for war days 2
/// to 4, each read here from the fixture CSVs with the csv crate (not by the builder): Poland
/// per 1,000 residents, the casualties, the daily crossings; and nothing else.
#[test]
fn the_reviewed_csv_holds_the_fixtures_figures() {
    use fixture_csv::rows;
    let in_view =
        |r: &std::collections::HashMap<String, String>| (2..=4).contains(&r["war_day"].parse::<i64>().unwrap());
    let mut expected: Vec<(String, String, String, f64)> = Vec::new();
    let population: f64 = rows("countries.csv").iter().find(|r| r["iso3"] == "POL").unwrap()["population"]
        .parse()
        .unwrap();
    for r in rows("refugees_by_country.csv")
        .iter()
        .filter(|r| r["iso3"] == "POL" && in_view(r))
    {
        let cumulative: f64 = r["individuals_cumulative"].parse().unwrap();
        expected.push((
            "refugees".into(),
            "Poland".into(),
            r["war_day"].clone(),
            cumulative * 1000.0 / population,
        ));
    }
    for r in rows("civilian_casualties.csv").iter().filter(|r| in_view(r)) {
        for (column, series) in [("killed", "Killed"), ("injured", "Injured")] {
            if let Ok(value) = r[column].parse::<f64>() {
                expected.push(("casualties".into(), series.into(), r["war_day"].clone(), value));
            }
        }
    }
    for r in rows("refugees_total.csv").iter().filter(|r| in_view(r)) {
        let series = "Border crossings out of Ukraine per day";
        expected.push((
            "refugees-daily".into(),
            series.into(),
            r["war_day"].clone(),
            r["daily"].parse().unwrap(),
        ));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export-view.csv");
    let text = std::fs::read_to_string(path).unwrap();
    let data: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut reader = csv::Reader::from_reader(data.as_bytes());
    let found: Vec<(String, String, String, f64)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[0].to_string(),
                r[1].to_string(),
                r[3].to_string(),
                r[4].parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for ((chart, series, day, value), want) in found.iter().zip(&expected) {
        assert_eq!((chart, series, day), (&want.0, &want.1, &want.2));
        assert!(
            (value - want.3).abs() <= want.3.abs() * 1e-12,
            "{chart} {series} day {day}: {value}, not {}",
            want.3
        );
    }
}
