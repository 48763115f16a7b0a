//! The dataset builder against small fixture CSVs: one mutation per kind of input error, each
//! reported with its file, line and column; real anomalies kept as caveats; deterministic output.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::builder::{self, InputError};
use displacement_tracker::data::{parse_dataset, Figures, MeasureKind, Precision, Scope, SeriesKind};
use std::collections::BTreeMap;
use std::path::Path;

fn fixtures() -> BTreeMap<String, String> {
    builder::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small")).unwrap()
}

/// The fixtures with one line of one file replaced (line numbers are 1-based, header = 1).
fn with_line(file: &str, line: usize, text: &str) -> BTreeMap<String, String> {
    let mut files = fixtures();
    let content = files.get_mut(file).unwrap();
    let mut lines: Vec<&str> = content.lines().collect();
    lines[line - 1] = text;
    *content = lines.join("\n") + "\n";
    files
}

fn errors(files: &BTreeMap<String, String>) -> Vec<String> {
    builder::build(files, builder::SOURCES_CSV)
        .expect_err("expected the build to fail")
        .iter()
        .map(InputError::to_string)
        .collect()
}

#[test]
fn fixtures_build_and_validate() {
    let dataset = builder::build(&fixtures(), builder::SOURCES_CSV).unwrap();
    let json = builder::to_json(&dataset).unwrap();
    assert_eq!(parse_dataset(&json).unwrap(), dataset);
    assert_eq!(dataset.refugees.total.points.len(), 4);
    assert_eq!(dataset.first_date.iso(), "2022-02-24");
    // The whole war: the last figure is Eurostat's for July 2026.
    assert_eq!(dataset.last_date.iso(), "2026-07-31");
    // Largest first, arrivals from Moldova last and of their own kind.
    let ids: Vec<&str> = dataset.refugees.by_country.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["pol", "rus", "rou-from-mda"]);
    assert_eq!(dataset.refugees.by_country[2].kind, SeriesKind::ArrivalsFromMoldova);
    assert!(!dataset.refugees.by_country[1].has_daily);
    assert_eq!(dataset.quotes[0].speaker, "Filippo Grandi", "quotes are in date order");
    assert_eq!(dataset.quotes[1].text, "first it’s necessary to do the homework");
    assert_eq!(
        dataset.idps.rounds.len(),
        5,
        "two rounds of the first months, three later figures"
    );
    assert_eq!(dataset.idps.rounds[0].regions.len(), 2);
    assert_eq!(dataset.casualties.points[0].injured, None, "an empty cell stays empty");
    assert_eq!(
        dataset.source("unhcr-pol").unwrap().unit.as_deref(),
        Some("border crossings (not unique people)")
    );
}

#[test]
fn output_is_deterministic() {
    let a = builder::to_json(&builder::build(&fixtures(), builder::SOURCES_CSV).unwrap()).unwrap();
    let b = builder::to_json(&builder::build(&fixtures(), builder::SOURCES_CSV).unwrap()).unwrap();
    assert_eq!(a, b);
    // The version follows the content.
    let changed = with_line("refugees_total.csv", 5, "2022-02-27,4,490434,167674");
    let c = builder::to_json(&builder::build(&changed, builder::SOURCES_CSV).unwrap()).unwrap();
    let version = |json: &str| parse_dataset(json).unwrap().dataset_version;
    assert_ne!(version(&a), version(&c));
    assert_eq!(version(&a).len(), 16);
}

#[test]
fn real_anomalies_become_caveats() {
    let dataset = builder::build(&fixtures(), builder::SOURCES_CSV).unwrap();
    let rus = &dataset.refugees.by_country[1];
    assert_eq!(rus.caveats.len(), 1);
    assert_eq!(rus.caveats[0].date.unwrap().iso(), "2022-02-27");
    assert_eq!(
        rus.caveats[0].text,
        "The cumulative figure falls from 99,300 (25 Feb 2022) to 97,098 (27 Feb 2022); kept as published."
    );
    assert_eq!(rus.points[1].cumulative, 97098, "the dip is kept, not smoothed");
    let idp_caveats: Vec<&str> = dataset.idps.caveats.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        idp_caveats,
        [
            "Round 1: East and Center show exactly the same figure (1,123,237) in the source; kept as is.",
            "Round 3 total (7,707,000) is the sum of the macro-region figures, not a published headline.",
            "Round 12 total (5,400,000) is a rounded figure from the source.",
        ]
    );
}

/// The whole war's series of one measure and source, by id.
fn figures<'a>(dataset: &'a displacement_tracker::data::Dataset, id: &str) -> &'a Figures {
    dataset
        .figures
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no series {id}"))
}

#[test]
fn the_whole_war_keeps_each_measure_apart_with_its_precision() {
    let d = builder::build(&fixtures(), builder::SOURCES_CSV).unwrap();
    // Border crossings in three vintages, never one series: revised month-end figures, lower
    // bounds, figures as published at the time.
    let revised = figures(&d, "unhcr-crossings-revised");
    assert_eq!(revised.measure, MeasureKind::BorderCrossings);
    assert_eq!(
        revised.points.iter().map(|p| p.value).collect::<Vec<_>>(),
        [4_053_063, 5_562_632]
    );
    let floors = figures(&d, "unhcr-crossings-floors");
    assert!(floors.points.iter().all(|p| p.precision == Precision::AtLeast));
    assert_eq!(
        floors.docs[0],
        "https://github.com/EuranetPlus/map-ukraine/blob/e5ce5696821bdc76d1140530be1f40e11c87641f/static/languages/en.json",
        "a repository file is linked at its commit"
    );
    let reported = figures(&d, "unhcr-crossings-reported");
    assert_eq!(reported.points[1].value, 18_844_000);
    assert_eq!(reported.points[1].precision, Precision::Rounded);
    // Refugees recorded (a stock) and UNHCR's year-end statistics (another definition).
    let europe = figures(&d, "unhcr-recorded-europe");
    assert_eq!(europe.measure, MeasureKind::RefugeesRecorded);
    assert_eq!(europe.scope, Scope::Europe);
    assert_eq!(
        figures(&d, "unhcr-year-end-europe").measure,
        MeasureKind::YearEndStatistics
    );
    assert_eq!(
        figures(&d, "usa-for-unhcr-global").points[0].precision,
        Precision::Rounded
    );
    // Two figures published for one day: the first on the chart, the other kept in words.
    assert_eq!(europe.points[0].value, 4_904_207);
    assert!(
        europe.caveats.iter().any(|c| c.text.contains("4,816,923")),
        "{:?}",
        europe.caveats
    );
    // By country: a series per measure and country; month figures dated their month's end.
    assert_eq!(figures(&d, "unhcr-crossings-countries-pol").points.len(), 4);
    assert_eq!(figures(&d, "unhcr-year-end-countries-deu").points[0].value, 1_097_503);
    let months = figures(&d, "unhcr-months-countries-pol");
    assert!(months.monthly);
    assert_eq!(months.points[0].date.iso(), "2025-04-30");
    assert_eq!(figures(&d, "one-national-months-can").source, "one-national-months");
    assert_eq!(
        figures(&d, "unhcr-months-countries-pol").country.as_deref(),
        Some("Poland"),
        "named as countries.csv names it"
    );
    // EU temporary protection decisions, a monthly flow; months without an EU total said.
    let protection = figures(&d, "eurostat-tp");
    assert_eq!(protection.measure, MeasureKind::TemporaryProtection);
    assert_eq!(protection.points.len(), 3);
    assert!(protection
        .caveats
        .iter()
        .any(|c| c.text.contains("Jul 2022 and Aug 2026")));
    // No two measures add up anywhere: each series is one measure.
    let ids: Vec<&str> = d.figures.iter().map(|f| f.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn later_reports_join_their_counters_series_with_their_precision() {
    let d = builder::build(&fixtures(), builder::SOURCES_CSV).unwrap();
    // OHCHR: one series across both files; "at least 10,000" is a lower bound.
    let nov = d
        .casualties
        .points
        .iter()
        .find(|p| p.date.iso() == "2023-11-21")
        .unwrap();
    assert_eq!((nov.killed, nov.killed_precision), (Some(10_000), Precision::AtLeast));
    assert_eq!(nov.injured_precision, Precision::AtLeast);
    let later = d
        .casualties
        .points
        .iter()
        .find(|p| p.date.iso() == "2026-01-31")
        .unwrap();
    assert_eq!((later.killed, later.killed_precision), (Some(15_172), Precision::Exact));
    // IOM: later rounds and estimates join its rounds; round 4 is new here, round 12 rounded;
    // UNHCR's year-end figure is a series of its own.
    let rounds: Vec<Option<u32>> = d.idps.rounds.iter().map(|r| r.round).collect();
    assert_eq!(rounds, [Some(1), Some(3), Some(4), None, Some(12)]);
    assert_eq!(d.idps.rounds[4].precision, Precision::Rounded);
    let unhcr = figures(&d, "unhcr-idps-year-end");
    assert_eq!(
        (unhcr.measure, unhcr.points[0].value),
        (MeasureKind::InternallyDisplaced, 5_914_000)
    );
    // Statements of both periods, in date order.
    assert!(d
        .claims
        .iter()
        .any(|c| c.metric == displacement_tracker::data::Metric::DisplacedTotal));
    assert!(d.events.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn whole_war_inputs_are_located_like_the_others() {
    let cases = [
        (
            "whole-war/refugees_crossings.csv",
            3,
            "2022-04-26,62,5200000,about,x,EuranetPlus/map-ukraine@e5ce5696821bdc76d1140530be1f40e11c87641f:static/languages/en.json,",
            "whole-war/refugees_crossings.csv:3: precision: unknown precision \"about\" (expected exact, rounded or at_least)",
        ),
        (
            "whole-war/refugees_crossings.csv",
            3,
            "2022-04-26,62,5200000,at_least,x,somebody's notes,",
            "whole-war/refugees_crossings.csv:3: source: \"somebody\\'s\" is neither a web link nor a repository file (owner/repo@commit:path)",
        ),
        (
            "whole-war/refugees_crossings.csv",
            3,
            "2022-04-26,61,5200000,at_least,x,EuranetPlus/map-ukraine@e5ce5696821bdc76d1140530be1f40e11c87641f:static/languages/en.json,",
            "whole-war/refugees_crossings.csv:3: war_day: 61 disagrees with date 2022-04-26, which is war day 62",
        ),
        (
            "whole-war/refugees_recorded.csv",
            2,
            "2022-06-09,106,4904207,asia,odp_recorded,exact,x,https://www.cr4u.info/updates/archive/16-june-14,",
            "whole-war/refugees_recorded.csv:2: scope: unknown scope \"asia\" (expected europe or global)",
        ),
        (
            "whole-war/refugees_by_country.csv",
            3,
            "2022-07-12,139,Germany,DEU,refugees_somewhere,893000,exact,x,https://example.org/a,",
            "whole-war/refugees_by_country.csv:3: measure_code: unknown measure \"refugees_somewhere\"",
        ),
        (
            "whole-war/refugees_by_country_month.csv",
            2,
            "2022-13,Canada,CAN,22253,x,https://example.org/a,",
            "whole-war/refugees_by_country_month.csv:2: month: \"2022-13\" is not a month (YYYY-MM)",
        ),
        (
            "whole-war/temporary_protection_decisions_eu.csv",
            3,
            "2022-08,EU27_2020,23x,https://example.org/a",
            "whole-war/temporary_protection_decisions_eu.csv:3: value: \"23x\" is not a whole number",
        ),
        (
            "whole-war/idps.csv",
            3,
            "2022-08-26,184,,(not stated),6645000,exact,Somebody's estimate | https://example.org/a,",
            "whole-war/idps.csv:3: source: unknown source: \"Somebody's estimate\" has no entry in the sources register",
        ),
    ];
    for (file, line, text, expected) in cases {
        let found = errors(&with_line(file, line, text));
        assert_eq!(found[0], expected, "{file}:{line}");
        // A page the register does not know is also said to have no source record; nothing else.
        assert!(
            found[1..]
                .iter()
                .all(|e| e.contains("has no entry in the sources register")),
            "{found:?}"
        );
    }
}

#[test]
fn a_lower_bound_needs_its_words_in_the_row() {
    // precision.csv says 23 Nov 2023's killed figure is "at least 10,000": without those words in
    // the row's note, the builder says where the note and the claim part.
    let mut files = fixtures();
    let later = files.get_mut("whole-war/civilian_casualties.csv").unwrap();
    *later = later.replace("At least 10,000 civilians", "Ten thousand civilians");
    assert_eq!(
        errors(&files),
        ["precision.csv:2: evidence: \"At least 10,000 civilians\" is not in the note of whole-war/civilian_casualties.csv:3"]
    );
}

#[test]
fn flat_days_and_bad_daily_become_caveats() {
    let files = with_line("refugees_total.csv", 4, "2022-02-26,3,179525,0");
    let dataset = builder::build(&files, builder::SOURCES_CSV).unwrap();
    let texts: Vec<&str> = dataset.refugees.total.caveats.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The cumulative figure is unchanged from 25 Feb 2022 to 26 Feb 2022 (179,525).",
            "The daily figure 167,673 is not the difference of the cumulative figures (179,525 to 490,433).",
        ]
    );
}

#[test]
fn not_a_whole_number() {
    let files = with_line(
        "refugees_by_country.csv",
        3,
        "2022-02-25,2,Poland,POL,arrivals_from_ukraine,12a,48300,as_in_source,Refugee_UNHCR/Refugee leaving Ukraine - Poland.csv",
    );
    assert_eq!(
        errors(&files),
        ["refugees_by_country.csv:3: individuals_cumulative: \"12a\" is not a whole number"]
    );
}

#[test]
fn negative_count() {
    let files = with_line(
        "civilian_casualties.csv",
        3,
        "2022-02-27,4,-102,304,406,cutoff_24h,2022-03-01,ohchr_update_text,https://example.org/b,",
    );
    assert_eq!(
        errors(&files),
        ["civilian_casualties.csv:3: killed: \"-102\" is negative"]
    );
}

#[test]
fn bad_date() {
    let files = with_line("refugees_total.csv", 3, "2022-02-30,2,179525,100316");
    assert_eq!(
        errors(&files),
        ["refugees_total.csv:3: date: \"2022-02-30\" is not a date (YYYY-MM-DD)"]
    );
}

#[test]
fn war_day_disagrees_with_date() {
    let files = with_line(
        "events.csv",
        3,
        "2022-03-21,25,Talks by video link,https://example.org/e2,",
    );
    assert_eq!(
        errors(&files),
        ["events.csv:3: war_day: 25 disagrees with date 2022-03-21, which is war day 26"]
    );
    let files = with_line("war_days_reference.csv", 2, "2022-02-25,1,2800,about");
    assert_eq!(
        errors(&files),
        ["war_days_reference.csv:2: day: 1 disagrees with date 2022-02-25, which is war day 2"]
    );
}

#[test]
fn duplicate_date_in_series() {
    let files = with_line(
        "refugees_by_country.csv",
        4,
        "2022-02-25,2,Poland,POL,arrivals_from_ukraine,156000,78700,as_in_source,Refugee_UNHCR/Refugee leaving Ukraine - Poland.csv",
    );
    assert_eq!(
        errors(&files),
        ["refugees_by_country.csv:4: date: duplicate date 2022-02-25 in series pol"]
    );
    let files = with_line(
        "civilian_casualties.csv",
        3,
        "2022-02-26,3,102,304,406,cutoff_24h,2022-03-01,ohchr_update_text,https://example.org/b,",
    );
    assert_eq!(
        errors(&files),
        ["civilian_casualties.csv:3: date: duplicate date 2022-02-26 in series casualties"]
    );
}

#[test]
fn unknown_source() {
    let files = with_line(
        "refugees_by_country.csv",
        2,
        "2022-02-24,1,Poland,POL,arrivals_from_ukraine,29000,29000,as_in_source,somewhere/else.csv",
    );
    assert_eq!(
        errors(&files),
        ["refugees_by_country.csv:2: source_path: unknown source: \"somewhere/else.csv\" has no entry in the sources register"]
    );
    let files = with_line(
        "idps.csv",
        2,
        "2022-03-16,21,1,2022-03-09/2022-03-16,TOTAL,6477723,,as_in_source,Someone,,,",
    );
    assert_eq!(
        errors(&files),
        ["idps.csv:2: publisher: unknown source: \"Someone\" has no entry in the sources register"]
    );
}

#[test]
fn unknown_country_code() {
    let files = with_line(
        "refugees_by_country.csv",
        5,
        "2022-02-25,2,Russian Federation,RUX,arrivals_from_ukraine,99300,,as_in_source,Refugee_UNHCR/Refugee leaving Ukraine - Russia.csv",
    );
    assert_eq!(
        errors(&files),
        ["refugees_by_country.csv:5: iso3: unknown country code \"RUX\" (not in countries.csv)"]
    );
}

#[test]
fn missing_required_column() {
    let files = with_line(
        "quotes.csv",
        1,
        "speaker,role,date_said,war_day,quote,context,source_link,original_source_url,note",
    );
    let found = errors(&files);
    assert_eq!(found, ["quotes.csv:1: source_url: required column is missing"]);
}

#[test]
fn casualty_sum_must_hold() {
    let files = with_line(
        "civilian_casualties.csv",
        3,
        "2022-02-27,4,102,304,407,cutoff_24h,2022-03-01,ohchr_update_text,https://example.org/b,",
    );
    assert_eq!(
        errors(&files),
        ["civilian_casualties.csv:3: total: 407 is not killed 102 + injured 304"]
    );
}

#[test]
fn every_problem_is_listed_in_file_order() {
    let mut files = with_line("refugees_total.csv", 3, "2022-02-25,2,-1,x");
    files.insert(
        "events.csv".into(),
        "date,war_day,title,source_url,note\n2022-03-21,26,,https://example.org/e2,\n".into(),
    );
    assert_eq!(
        errors(&files),
        [
            "events.csv:2: title: is empty",
            "refugees_total.csv:3: daily: \"x\" is not a whole number",
            "refugees_total.csv:3: individuals_cumulative: \"-1\" is negative",
        ]
    );
}

#[test]
fn missing_file_is_reported() {
    let mut files = fixtures();
    files.remove("idps.csv");
    assert_eq!(errors(&files), ["idps.csv: file is missing"]);
    let err = builder::read_dir(Path::new("/nonexistent-dir")).unwrap_err();
    assert_eq!(err.len(), builder::input_files().len());
    assert!(err[0]
        .to_string()
        .starts_with("countries.csv: cannot read /nonexistent-dir/countries.csv"));
}

/// The committed dataset is exactly what the builder produces from `../shared/data`.
#[test]
fn committed_dataset_matches_shared_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(root.join("assets/data/dataset.json")).unwrap();
    let shared = root.join("../shared/data");
    assert!(
        shared.is_dir(),
        "../shared/data (the sourced CSVs) must be beside the project: without it nothing proves \
         that assets/data/dataset.json is what the builder makes of them"
    );
    let files = builder::read_dir(&shared).unwrap();
    let built = builder::to_json(&builder::build(&files, builder::SOURCES_CSV).unwrap()).unwrap();
    assert!(built == committed, "assets/data/dataset.json is stale: run `cargo run --bin build-dataset -- ../shared/data assets/data/dataset.json`");
}

/// The fixtures without one line of one file.
fn without_line(file: &str, line: usize) -> BTreeMap<String, String> {
    let mut files = fixtures();
    let content = files.get_mut(file).unwrap();
    let lines: Vec<&str> = content
        .lines()
        .enumerate()
        .filter(|(i, _)| i + 1 != line)
        .map(|(_, l)| l)
        .collect();
    *content = lines.join("\n") + "\n";
    files
}

#[test]
fn a_daily_figure_after_a_gap_is_marked_with_the_days_it_covers() {
    // No report for 26 Feb: 27 Feb's daily figure, 310,908, is the difference since 25 Feb.
    let mut files = without_line("refugees_total.csv", 4);
    let total = files.get_mut("refugees_total.csv").unwrap();
    *total = total.replace("2022-02-27,4,490433,167673", "2022-02-27,4,490433,310908");
    let dataset = builder::build(&files, builder::SOURCES_CSV).unwrap();
    let caveats = &dataset.refugees.total.caveats;
    assert_eq!(caveats.len(), 1, "{caveats:?}");
    assert_eq!(caveats[0].date.unwrap().iso(), "2022-02-27");
    assert_eq!(
        caveats[0].text,
        "No report for 26 Feb 2022: the daily figure of 27 Feb 2022, 310,908, covers the 2 days since 25 Feb 2022; kept as published, not split."
    );
    let point = dataset.refugees.total.points.iter().find(|p| p.war_day == 4).unwrap();
    assert_eq!(point.daily, Some(310_908), "the figure is kept, not split");

    // Two days missing, and a daily figure that is not the difference either.
    let mut files = without_line("refugees_total.csv", 3);
    let total = files.get_mut("refugees_total.csv").unwrap();
    *total = total.replace("2022-02-26,3,322760,143235\n", "");
    let dataset = builder::build(&files, builder::SOURCES_CSV).unwrap();
    assert_eq!(
        dataset.refugees.total.caveats[0].text,
        "No report for 25 Feb 2022 to 26 Feb 2022: the daily figure of 27 Feb 2022, 167,673, covers the 3 days since 24 Feb 2022, and is not the difference of the cumulative figures (79,209 to 490,433); kept as published, not split."
    );
}

#[test]
fn the_shipped_earlier_vintage_marks_its_missing_19_april() {
    let dataset = parse_dataset(include_str!("../assets/data/dataset.json")).unwrap();
    let earlier = dataset.refugees.earlier_total.unwrap();
    let texts: Vec<(String, &str)> = earlier
        .caveats
        .iter()
        .map(|c| (c.date.map(|d| d.iso()).unwrap_or_default(), c.text.as_str()))
        .collect();
    assert!(
        texts.contains(&(
            "2022-04-20".into(),
            "No report for 19 Apr 2022: the daily figure of 20 Apr 2022, 104,894, covers the 2 days since 18 Apr 2022; kept as published, not split."
        )),
        "{texts:?}"
    );
}

/// Values that do not fit what they are kept in are reported where they are, never cast: these
/// gave the same dataset as the real data before (4294967302 as u32 is 6, 4294969317 as i32 is 2021).
#[test]
fn values_beyond_their_types_are_located_not_cast() {
    let files = with_line(
        "idps.csv",
        2,
        "2022-03-16,21,4294967302,2022-03-09/2022-03-16,TOTAL,6477723,,as_in_source,IOM DTM,https://example.org/r1,,",
    );
    assert!(
        errors(&files)
            .contains(&"idps.csv:2: round: \"4294967302\" is not a whole number from 1 to 4294967295".to_string()),
        "{:?}",
        errors(&files)
    );
    let files = with_line(
        "countries.csv",
        2,
        "Poland,POL,36981559,4294969317,\"World Bank, SP.POP.TOTL\",https://data.worldbank.org/indicator/SP.POP.TOTL,fixture,",
    );
    assert_eq!(
        errors(&files)[0],
        "countries.csv:2: population_year: \"4294969317\" is not a whole number from 1900 to 2099"
    );
}

#[test]
fn counts_and_dates_out_of_bounds_are_located() {
    let files = with_line("refugees_total.csv", 3, "2022-02-25,2,18446744073709551615,100316");
    assert_eq!(
        errors(&files),
        ["refugees_total.csv:3: individuals_cumulative: 18446744073709551615 is more than any count of people can be (at most 10000000000)"]
    );
    let files = with_line(
        "civilian_casualties.csv",
        3,
        "2022-02-27,4,102,304,406,cutoff_24h,9999-12-31,ohchr_update_text,https://example.org/b,",
    );
    assert_eq!(
        errors(&files),
        ["civilian_casualties.csv:3: published: 9999-12-31 is outside 2014-01-01 to 2099-12-31"]
    );
}

#[test]
fn only_web_links_are_accepted() {
    let files = with_line(
        "civilian_casualties.csv",
        3,
        "2022-02-27,4,102,304,406,cutoff_24h,2022-03-01,ohchr_update_text,javascript:alert(3),",
    );
    assert_eq!(
        errors(&files),
        ["civilian_casualties.csv:3: source_url: \"javascript:alert(3)\" is not a web link (http:// or https://)"]
    );
    let files = with_line(
        "events.csv",
        2,
        "2022-02-24,1,Full-scale attack begins,\"data:text/html;base64,PHNjcmlwdD4=\",",
    );
    assert_eq!(
        errors(&files),
        ["events.csv:2: source_url: \"data:text/html;base64,PHNjcmlwdD4=\" is not a web link (http:// or https://)"]
    );
    let sources = builder::SOURCES_CSV.replace(
        ",https://github.com/WellsRC/Ukraine_Displacement,2022-05-29,",
        ",javascript:alert(3),2022-05-29,",
    );
    let err: Vec<String> = builder::build(&fixtures(), &sources)
        .unwrap_err()
        .iter()
        .map(InputError::to_string)
        .collect();
    assert_eq!(
        err[0],
        "sources.csv:2: via_url: \"javascript:alert(3)\" is not a web link (http:// or https://)"
    );
    assert!(
        err.iter()
            .all(|e| e.ends_with("via_url: \"javascript:alert(3)\" is not a web link (http:// or https://)")),
        "{err:?}"
    );
}

/// A total without rows is named at its file (found by the fuzzer: it was left to the app's
/// validation, as "dataset.json: refugees.total.points: has no points", with no file or line).
#[test]
fn a_total_without_rows_is_named_at_its_file() {
    let mut files = fixtures();
    files.insert(
        "refugees_total.csv".into(),
        "date,war_day,individuals_cumulative,daily\n".into(),
    );
    assert_eq!(errors(&files), ["refugees_total.csv: has no rows"]);
}

#[test]
fn whose_count_a_claim_gives_needs_its_words_in_the_claim() {
    // claim_counts.csv says the claim of 352 killed is the Interior Ministry's count: with those
    // words gone from the row, the builder says where the record and the claim part.
    let files = with_line(
        "claims.csv",
        3,
        "2022-02-27,4,A ministry,\"352 Ukrainian civilians have been killed\",civilians_killed,352,exactly,https://example.org/c2,fixture",
    );
    assert_eq!(
        errors(&files),
        ["claim_counts.csv:2: evidence: \"Interior Ministry\" is not in the who or note of claims.csv:3"]
    );
    let dataset = builder::build(&fixtures(), builder::SOURCES_CSV).unwrap();
    let claim = dataset.claims.iter().find(|c| c.value == 352).unwrap();
    assert_eq!(claim.count.other.as_deref(), Some("Ukraine's Interior Ministry"));
}

#[test]
fn every_record_of_whose_count_applies_to_a_published_claim() {
    // Each row of claim_counts.csv gives its claim of the published dataset its counter or
    // cut-off: a row with a typo in its date, measure or value would silently apply to none.
    let dataset = parse_dataset(include_str!("../assets/data/dataset.json")).unwrap();
    let mut reader = csv::Reader::from_reader(builder::CLAIM_COUNTS_CSV.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let r = record.unwrap();
        let (date, metric, value, count, cutoff) = (&r[1], &r[2], r[3].parse::<u64>().unwrap(), &r[4], &r[5]);
        let claim = dataset
            .claims
            .iter()
            .find(|c| c.date.iso() == date && c.metric.as_str() == metric && c.value == value)
            .unwrap_or_else(|| panic!("no published claim of {date}, {metric} {value}"));
        if count == "same" {
            assert_eq!(
                (claim.count.other.as_deref(), claim.count.cutoff.map(|d| d.iso())),
                (None, Some(cutoff.to_string()))
            );
        } else {
            assert_eq!(claim.count.other.as_deref(), Some(count));
        }
        rows += 1;
    }
    assert_eq!(rows, dataset.claims.iter().filter(|c| !c.count.is_unknown()).count());
}

#[test]
fn a_note_for_readers_never_names_a_data_file() {
    let files = with_line(
        "claims.csv",
        3,
        "2022-02-27,4,Ukraine Interior Ministry,\"352 Ukrainian civilians have been killed\",civilians_killed,352,exactly,https://example.org/c2,\"see refugees_by_country.csv\"",
    );
    assert_eq!(
        errors(&files),
        ["claims.csv:3: note: names the data file refugees_by_country.csv: give readers plain words for it in plain_words.csv"]
    );
    // A phrase the project has plain words for is said in them.
    let files = with_line(
        "claims.csv",
        3,
        "2022-02-27,4,Ukraine Interior Ministry,\"352 Ukrainian civilians have been killed\",civilians_killed,352,exactly,https://example.org/c2,\"OHCHR: 102 (civilian_casualties.csv)\"",
    );
    let dataset = builder::build(&files, builder::SOURCES_CSV).unwrap();
    let claim = dataset.claims.iter().find(|c| c.value == 352).unwrap();
    assert_eq!(claim.note.as_deref(), Some("OHCHR: 102 (OHCHR's reports)"));
}

#[test]
fn no_published_note_names_a_data_file() {
    let dataset = parse_dataset(include_str!("../assets/data/dataset.json")).unwrap();
    let notes = dataset
        .claims
        .iter()
        .map(|c| &c.note)
        .chain(dataset.quotes.iter().map(|q| &q.note))
        .chain(dataset.events.iter().map(|e| &e.note))
        .flatten()
        .chain(dataset.claims.iter().map(|c| &c.who));
    for note in notes {
        for written in [".csv", "seed article", "PROVENANCE"] {
            assert!(!note.contains(written), "{note}");
        }
    }
}

#[test]
fn a_source_id_the_page_cannot_use_is_located_in_the_register() {
    // Found by the fuzzer: an id with spaces made a series id the reader refuses, and the
    // builder wrote that dataset without a word.
    let register = builder::SOURCES_CSV.replacen("\nunhcr-total,", "\nunhcr total,", 1);
    let said: Vec<String> = builder::build(&fixtures(), &register)
        .expect_err("the register is refused")
        .iter()
        .map(InputError::to_string)
        .collect();
    assert_eq!(
        said,
        ["sources.csv:2: id: the source id \"unhcr total\" is empty or has a comma or a space"]
    );
}
