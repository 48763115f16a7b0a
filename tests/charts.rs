//! Transforms and chart drawing against the shipped dataset, drawn through plotters' SVG backend.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::chart::theme::Glyph;
use displacement_tracker::chart::{self, to_svg, ChartId, ChartSpec, FigureNote, Mark, LIGHT};
use displacement_tracker::data::text::has_cyrillic;
use displacement_tracker::data::{parse_dataset, Dataset, Precision};
use displacement_tracker::i18n::Lang;
use displacement_tracker::state::{from_query, ChartOptions, Measure, Mode, Scale};
use displacement_tracker::transform;

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
                .replace("&#39;", "'")
                .replace("&apos;", "'")
        })
        .collect()
}

/// The chart options of a view given as a URL query.
fn options(d: &Dataset, query: &str) -> ChartOptions {
    let (state, notices) = from_query(query, &transform::bounds(d));
    assert!(notices.is_empty(), "{notices:?}");
    state.options
}

/// The chart `id` of a view given as a URL query.
fn chart_in(d: &Dataset, query: &str, id: ChartId) -> ChartSpec {
    transform::charts(d, &options(d, query))
        .into_iter()
        .find(|c| c.id == id)
        .unwrap()
}

fn chart(d: &Dataset, id: ChartId) -> ChartSpec {
    chart_in(d, "", id)
}

fn first_view(d: &Dataset) -> Vec<ChartSpec> {
    transform::charts(d, &ChartOptions::default())
}

/// The query that shows every receiving country (the first view shows the largest only).
fn every_country(d: &Dataset) -> String {
    let ids: Vec<&str> = d.refugees.by_country.iter().map(|s| s.id.as_str()).collect();
    format!("countries={}", ids.join(","))
}

/// The charts with every receiving country shown.
fn every_country_view(d: &Dataset) -> Vec<ChartSpec> {
    transform::charts(d, &options(d, &every_country(d)))
}

/// The points of every `<polyline>` of the SVG drawn in `color` (`#RRGGBB`), one list each.
fn polylines_in(svg: &str, color: &str) -> Vec<usize> {
    svg.split("<polyline")
        .skip(1)
        .filter(|e| {
            e.split_once("/>")
                .is_some_and(|(attrs, _)| attrs.contains(&format!("stroke=\"{color}\"")))
        })
        .map(|e| {
            let points = e
                .split_once("points=\"")
                .map_or("", |(_, rest)| rest.split('"').next().unwrap_or(""));
            points.split_whitespace().count()
        })
        .collect()
}

/// A series' colour in the light theme, as the SVG backend writes it.
fn svg_color(color: chart::SeriesColor) -> String {
    LIGHT.series_color(color).hex().to_uppercase()
}

fn write_artifact(name: &str, svg: &str) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("charts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), svg).unwrap();
}

#[test]
fn the_first_view_shows_the_totals_and_the_largest_country() {
    let d = dataset();
    let spec = chart(&d, ChartId::Refugees);
    let ids: Vec<&str> = spec.series.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "total",
            "unhcr-crossings-floors",
            "unhcr-crossings-reported",
            "unhcr-crossings-revised",
            "pol",
            "unhcr-crossings-countries-pol"
        ]
    );
    assert!(spec
        .notes
        .iter()
        .any(|n| n == "7 of 8 receiving-country series not shown."));
}

#[test]
fn cumulative_refugees_spec_uses_the_dataset_figures() {
    let d = dataset();
    let spec = chart_in(&d, &every_country(&d), ChartId::Refugees);
    let ids: Vec<&str> = spec.series.iter().map(|s| s.id.as_str()).collect();
    // The first months' headline, then UNHCR's later figures in their three vintages, then each
    // receiving country and its later figures (neighbours of Ukraine only).
    assert_eq!(
        ids[..4],
        [
            "total",
            "unhcr-crossings-floors",
            "unhcr-crossings-reported",
            "unhcr-crossings-revised"
        ]
    );
    assert_eq!(spec.series.len(), 4 + d.refugees.by_country.len() + 7);
    let total = &spec.series[0];
    assert_eq!(
        total.label,
        "All countries: UNHCR's headline “refugees fleeing Ukraine”, to 29 May 2022 (border crossings)"
    );
    // Never one line across UNHCR's change of measure: the headline ends before 9 June 2022
    // (day 106), each country's later figures start after it, in the country's colour.
    assert!(total.points.last().unwrap().day < 106);
    let later_poland = spec
        .series
        .iter()
        .find(|s| s.id == "unhcr-crossings-countries-pol")
        .unwrap();
    assert!(later_poland.points[0].day > 106);
    assert_eq!(
        later_poland.color,
        spec.series.iter().find(|s| s.id == "pol").unwrap().color
    );
    assert_eq!(spec.seams.iter().map(|s| s.day).collect::<Vec<_>>(), [106]);
    assert!(
        spec.notes[0].starts_with("On 9 June 2022 UNHCR replaced its headline"),
        "the seam in words"
    );
    // The note on arrivals from Moldova names them, not the revised vintage (also dashed).
    let route: Vec<&String> = spec
        .notes
        .iter()
        .filter(|n| n.contains("counted again on arrival from Moldova"))
        .collect();
    assert_eq!(route.len(), 1);
    assert!(route[0].starts_with("Romania (from Moldova) (dashed)"), "{}", route[0]);
    // Lower bounds are kept as such, never on a line.
    let floors = spec.series.iter().find(|s| s.id == "unhcr-crossings-floors").unwrap();
    assert_eq!(floors.mark, Mark::Markers);
    assert!(floors.points.iter().all(|p| p.precision == Precision::AtLeast));
    assert_eq!(
        floors.points.last().map(|p| (p.day, p.value)),
        Some((1127, 47_200_000.0))
    );
    // 2022-03-20 (war day 25): 3,401,677 in UNHCR's total, as published.
    assert!(total.xy().contains(&(25, 3_401_677.0)));
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
    assert!(russia.xy().contains(&(13, 99_300.0)) && russia.xy().contains(&(14, 97_098.0)));
    assert!(spec.source_line.contains("UNHCR") && spec.source_line.contains("not unique people"));
    assert_eq!(spec.x_range.0, 1);
}

#[test]
fn daily_spec_has_one_bar_per_reported_day() {
    let d = dataset();
    let spec = chart(&d, ChartId::RefugeesDaily);
    assert_eq!(spec.series[0].mark, Mark::Bars);
    assert_eq!(spec.series[0].points.len(), d.refugees.total.points.len());
    assert_eq!(spec.series[0].xy()[0], (1, 79_209.0));
}

#[test]
fn casualties_are_markers_at_report_dates_only() {
    let d = dataset();
    let spec = chart(&d, ChartId::Casualties);
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
    assert!(killed.xy().contains(&(4, 102.0)) && injured.xy().contains(&(4, 304.0)));
}

#[test]
fn idps_are_one_point_per_round() {
    let d = dataset();
    let spec = chart(&d, ChartId::Idps);
    assert_eq!(
        spec.series[0].xy(),
        [
            (21, 6_477_723.0),
            (37, 7_138_715.0),
            (53, 7_707_000.0),
            (69, 8_029_000.0),
            (89, 7_100_000.0),
            (120, 6_200_000.0),
            (184, 6_645_000.0),
            (205, 6_975_000.0),
            (285, 5_900_000.0),
            (334, 5_400_000.0),
            (579, 3_700_000.0)
        ]
    );
    assert_eq!(spec.series[0].points[10].precision, Precision::Rounded);
    assert!(spec.source_line.contains("rounds 1–14"));
    // Other publishers' figures are series of their own, never joined to IOM's.
    let ids: Vec<&str> = spec.series[1..].iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["unhcr-idps-year-end", "unhcr-idps-statement", "usa-for-unhcr-idps"]
    );
    assert!(
        spec.series.iter().all(|s| s.mark == Mark::Markers),
        "survey rounds and year-end figures are points"
    );
}

#[test]
fn every_chart_draws_title_axes_legend_and_source() {
    let d = dataset();
    for spec in first_view(&d) {
        let svg = to_svg(&spec, 900, 460).unwrap();
        write_artifact(&format!("{}.svg", spec.id), &svg);
        let t = texts(&svg);
        let all = t.join(" ");
        assert!(
            all.starts_with(&spec.title),
            "{}: the title, whole, first: {all}",
            spec.id
        );
        assert!(t.contains(&spec.y_label), "{}: y label", spec.id);
        assert!(t.contains(&"War day · date".to_string()), "{}: x label", spec.id);
        // The time axis reads at the scale of years: the years on the date row, round war days
        // on the row under it.
        for year in ["2023", "2024", "2025", "2026"] {
            assert!(
                t.contains(&year.to_string()),
                "{}: {year} on the date row {t:?}",
                spec.id
            );
        }
        assert!(
            t.contains(&"Day 500".to_string()) && t.contains(&"Day 1,000".to_string()),
            "{}: {t:?}",
            spec.id
        );
        // Lines are named at their ends; other series in the key when there are two or more
        // (a country's extra marks, in its line's colour, by kind of mark instead).
        let keyed = spec.series.iter().filter(|s| s.keyed && !s.mark.is_line()).count();
        for series in spec.series.iter().filter(|s| s.keyed) {
            let named = t.contains(&series.name);
            if series.mark.is_line() {
                // A line that stops early says so: "Poland, to May 2022" (cut with "…" if long).
                let labelled = t.iter().any(|x| {
                    x == &series.name
                        || x.starts_with(&format!("{}, to ", series.name))
                        || x.ends_with('…') && series.name.starts_with(x.trim_end_matches('…'))
                });
                assert!(labelled, "{}: label {} in {t:?}", spec.id, series.name);
            } else {
                assert_eq!(named, keyed >= 2, "{}: key {}", spec.id, series.name);
            }
        }
        for entry in &spec.mark_key {
            assert!(t.contains(&entry.text), "{}: key {}", spec.id, entry.text);
        }
        assert!(all.contains(&spec.source_line), "{}: source line", spec.id);
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
    let spec = chart(&d, ChartId::Casualties);
    let casualties = to_svg(&spec, 900, 460).unwrap();
    // One marker per report in the series' colour, plus its marker in the key; a lower bound is
    // drawn as one (lines), not as a marker.
    for series in &spec.series {
        let color = svg_color(series.color);
        let markers = casualties
            .split("<circle")
            .skip(1)
            .filter(|c| {
                c.split("/>")
                    .next()
                    .is_some_and(|a| a.contains(&format!("fill=\"{color}\"")))
            })
            .count();
        let bounds = series
            .points
            .iter()
            .filter(|p| p.precision == Precision::AtLeast)
            .count();
        assert!(bounds > 0, "{}: OHCHR's lower bounds", series.id);
        assert_eq!(markers, series.points.len() - bounds + 1, "{}", series.id);
    }
    let daily = to_svg(&chart(&d, ChartId::RefugeesDaily), 900, 460).unwrap();
    let bars = d.refugees.total.points.len();
    assert!(daily.matches("<rect").count() >= bars, "one rect per day");
    // In the first months: one line per country in its own colour, through every one of its
    // points (no key: the lines are named at their ends); a dashed line is many short
    // polylines; glyphs drawn as outlines (triangles, crosses) are short polylines after it.
    let spec = chart_in(&d, "from=1&to=95", ChartId::Refugees);
    let cumulative = to_svg(&spec, 900, 460).unwrap();
    for series in spec
        .series
        .iter()
        .filter(|s| s.color != chart::SeriesColor::Ink && !s.points.is_empty())
    {
        let lines = polylines_in(&cumulative, &svg_color(series.color));
        match (series.mark, series.color.glyph()) {
            (Mark::Line, None) => assert_eq!(lines, [series.points.len()], "{}: its line", series.id),
            (Mark::Line, Some(Glyph::Triangle)) => {
                assert_eq!(lines[0], series.points.len(), "{}: its line", series.id);
                assert!(
                    lines.len() >= 3 && lines[1..].iter().all(|n| *n == 4),
                    "{}: triangles {lines:?}",
                    series.id
                );
            }
            (Mark::Line, Some(_)) => assert_eq!(lines[0], series.points.len(), "{}: its line", series.id),
            (Mark::DashedLine, _) => assert!(lines.len() > 3, "{}: dashes {lines:?}", series.id),
            other => panic!("{}: unexpected mark {other:?}", series.id),
        }
    }
}

#[test]
fn hidpi_scales_text() {
    let spec = chart(&dataset(), ChartId::Idps);
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
        chart::draw(&root, &spec, &LIGHT, 2.0, (&|v| Lang::En.fixed(v, 0), &|_, _| None)).unwrap();
    }
    let ratio = title_size(&two) / title_size(&one);
    assert!(
        (ratio - 2.0).abs() < 0.1,
        "title font scales with the device pixel ratio: {ratio}"
    );
}

#[test]
fn every_chart_shares_the_view_range() {
    let d = dataset();
    let last = d.last_date.war_day();
    for spec in first_view(&d) {
        assert_eq!(spec.x_range, (1, last), "{}", spec.id);
    }
    for spec in transform::charts(&d, &options(&d, "from=20&to=40")) {
        assert_eq!(spec.x_range, (20, 40));
        assert!(
            spec.series
                .iter()
                .all(|s| s.points.iter().all(|p| (20..=40).contains(&p.day))),
            "{}",
            spec.id
        );
    }
}

#[test]
fn per_thousand_residents_from_the_real_data() {
    let d = dataset();
    let spec = chart_in(&d, &format!("measure=per1000&{}", every_country(&d)), ChartId::Refugees);
    assert!(
        spec.series.iter().all(|s| s.id != "total"),
        "the all-country total has no receiving country"
    );
    let poland = spec.series.iter().find(|s| s.id == "pol").unwrap();
    // 21 Mar 2022 (day 26): 2,111,547 arrivals in Poland, 36,981,559 residents (World Bank 2021).
    let p = poland.at(26).unwrap();
    assert!((p.value - 57.097_295_438_518_42).abs() < 1e-9, "{}", p.value);
    assert_eq!(p.detail.as_deref(), Some("2,111,547 of 36,981,559 residents"));
    assert_eq!(spec.decimals, 2);
    assert_eq!(spec.y_label, "per 1,000 residents");
    assert!(spec.source_line.contains("World Bank"));
    // Hungary on day 26 (refugees_by_country.csv, countries.csv): 317,863 arrivals, 9,630,932
    // residents: 1000 * 317,863 / 9,630,932 = 33.004386...
    let hungary = spec.series.iter().find(|s| s.id == "hun").unwrap().at(26).unwrap();
    assert!(
        (hungary.value - 33.004_386_283_695_08).abs() < 1e-9,
        "{}",
        hungary.value
    );
    assert_eq!(hungary.detail.as_deref(), Some("317,863 of 9,630,932 residents"));
}

#[test]
fn share_of_the_total_from_the_real_data() {
    let d = dataset();
    let spec = chart_in(&d, &format!("measure=share&{}", every_country(&d)), ChartId::Refugees);
    let at = |id: &str| {
        spec.series
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.at(26))
            .map(|p| p.value)
    };
    // Day 26: total 3,460,430; Poland 2,111,547; Russia 252,376.
    assert!((at("pol").unwrap() - 61.019_786_558_317_9).abs() < 1e-9);
    assert!((at("rus").unwrap() - 7.293_197_666_185_994_5).abs() < 1e-9);
    assert_eq!(
        at("rou-from-mda"),
        None,
        "arrivals from Moldova are not part of the total"
    );
    assert!(spec.notes.iter().any(|n| n.contains("not part of UNHCR's total")));
    assert!(spec.notes.iter().any(|n| n.contains("need not sum to 100%")));
    // Belarus has no figure on day 25 (irregular dates): no share, no interpolation.
    let blr = spec.series.iter().find(|s| s.id == "blr").unwrap();
    assert!(blr.at(24).is_none());
    assert_eq!(transform::share(1, 0), None);
}

#[test]
fn daily_mode_keeps_only_series_with_daily_figures() {
    let d = dataset();
    let spec = chart_in(&d, &format!("mode=daily&{}", every_country(&d)), ChartId::Refugees);
    let ids: Vec<&str> = spec.series.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["total", "pol", "hun", "rou", "svk", "rou-from-mda"]);
    assert_eq!(spec.series[1].at(26).unwrap().value, 29_501.0);
    assert!(spec.notes.contains(
        &"No daily figures are published for Russian Federation, Republic of Moldova, Belarus: choose cumulative to see them.".to_string()
    ));
    assert!(spec.notes.contains(
        &"UNHCR's later border crossings are cumulative figures only: choose cumulative to see them.".to_string()
    ));
}

#[test]
fn chosen_countries_and_log_scale() {
    let d = dataset();
    let spec = chart_in(&d, "countries=pol,rus&scale=log", ChartId::Refugees);
    let ids: Vec<&str> = spec.series.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "total",
            "unhcr-crossings-floors",
            "unhcr-crossings-reported",
            "unhcr-crossings-revised",
            "pol",
            "unhcr-crossings-countries-pol",
            "rus",
            "unhcr-crossings-countries-rus"
        ]
    );
    assert!(spec.log_scale);
    assert!(spec.y_min > 0.0 && spec.y_min < 79_209.0);
    assert!(spec
        .notes
        .iter()
        .any(|n| n == "6 of 8 receiving-country series not shown."));
    assert!(
        !chart_in(&d, "scale=log", ChartId::Casualties).log_scale,
        "the log scale is for the comparison chart"
    );
    let svg = to_svg(&spec, 900, 460).unwrap();
    let t = texts(&svg);
    assert!(
        t.iter().any(|x| x == "100,000") && t.iter().any(|x| x == "1,000,000"),
        "decade ticks on a log scale: {t:?}"
    );
}

#[test]
fn tooltip_gives_exact_figures_or_no_report() {
    let d = dataset();
    let refugees = chart_in(&d, &every_country(&d), ChartId::Refugees);
    let t = transform::tooltip(&refugees, 25);
    assert_eq!(t.title, "Day 25 · 20 Mar 2022");
    let row = |label: &str| t.rows.iter().find(|r| r.label == label).unwrap();
    assert_eq!(
        row("All countries: UNHCR's headline “refugees fleeing Ukraine”, to 29 May 2022 (border crossings)").value,
        Some(3_401_677.0)
    );
    assert_eq!(row("Poland").value, Some(2_082_046.0));
    assert_eq!(row("Russian Federation").value, Some(231_764.0));
    assert!(row("Poland")
        .source
        .label
        .starts_with("UNHCR (from national authorities), Arrivals from Ukraine: Poland"));
    let on_24 = transform::tooltip(&refugees, 24);
    assert_eq!(
        on_24.rows.iter().find(|r| r.label == "Belarus").unwrap().value,
        None,
        "no report that day"
    );
    // Casualties: each report has its own source page.
    let c = transform::tooltip(&chart(&d, ChartId::Casualties), 25);
    assert_eq!(c.rows[0].value, Some(925.0));
    assert_eq!(c.rows[1].value, Some(1496.0));
    assert_eq!(c.rows[0].source.label, "reliefweb.int");
    assert_eq!(c.rows[0].detail.as_deref(), Some("to 24:00 on 20 Mar 2022"));
    assert_eq!(
        c.rows[0].unit_badge.as_deref(),
        Some("confirmed minimum (revised upwards later)")
    );
    assert_eq!(
        row("Poland").unit_badge.as_deref(),
        Some("border crossings (not unique people)")
    );
    assert!(
        transform::tooltip(&chart(&d, ChartId::Casualties), 26).rows[0]
            .value
            .is_none(),
        "no OHCHR report dated 21 Mar 2022"
    );
    let idp = transform::tooltip(&chart(&d, ChartId::Idps), 21);
    assert_eq!(idp.rows[0].value, Some(6_477_723.0));
    assert!(idp.rows[0].source.url.as_deref().unwrap().contains("round-1"));
    // Quotes of the day.
    assert_eq!(
        transform::tooltip(&refugees, 26).quoted.as_deref(),
        Some("Dmitry Peskov, OHCHR (UN Human Rights Office)")
    );
}

#[test]
fn quote_markers_are_drawn_on_the_time_axis() {
    let d = dataset();
    let spec = chart(&d, ChartId::Idps);
    let in_range = d
        .quotes
        .iter()
        .filter(|q| q.war_day <= d.last_date.war_day())
        .map(|q| q.war_day)
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(spec.quote_days.len(), in_range.len());
    let svg = to_svg(&spec, 900, 460).unwrap();
    // One outlined triangle per day with quotes, in the quote markers' colour.
    let markers = svg
        .split("<polyline")
        .filter(|e| e.contains("stroke=\"#783C8C\""))
        .count();
    assert_eq!(markers, in_range.len());
}

#[test]
fn default_view_state() {
    let s = ChartOptions::default();
    assert_eq!(
        (s.mode, s.scale, s.measure),
        (Mode::Cumulative, Scale::Linear, Measure::Absolute)
    );
}

#[test]
fn headline_in_words() {
    let d = dataset();
    assert_eq!(
        transform::headline(&d, 26, Lang::En),
        "Day 26, 21 Mar 2022. 3,460,430 border crossings out of Ukraine so far (UNHCR), 58,753 that day. \
         Civilians, OHCHR's latest report on 20 Mar 2022: 925 killed, 1,496 injured. \
         Internally displaced, IOM round 1 (16 Mar 2022): 6,477,723."
    );
    assert!(transform::headline(&d, 1, Lang::En).contains("No OHCHR civilian casualty report yet."));
    // After the first months' daily figures: UNHCR's latest figure by then, with its precision.
    assert!(
        transform::headline(&d, 120, Lang::En)
            .contains("Border crossings out of Ukraine, UNHCR's latest figure by then (21 Jun 2022): 8,007,014."),
        "{}",
        transform::headline(&d, 120, Lang::En)
    );
    let later = transform::headline(&d, 1127, Lang::En);
    assert!(
        later.contains(
            "Border crossings out of Ukraine, UNHCR's latest figure by then (26 Mar 2025): at least 47,200,000."
        ),
        "{later}"
    );
    assert!(
        later.contains("Civilians, OHCHR's latest report on 21 Feb 2025: 12,654 killed, 29,392 injured."),
        "{later}"
    );
    assert!(transform::headline(&d, 1438, Lang::En)
        .contains("Civilians, OHCHR's latest report that day: 15,172 killed, 41,378 injured."));
    assert!(transform::headline(&d, 636, Lang::En).contains("at least 10,000 killed, at least 18,500 injured"));
    // The same figures in Ukrainian, grouped with no-break spaces, dates as uk-UA writes them.
    assert_eq!(
        transform::headline(&d, 26, Lang::Uk).replace('\u{a0}', " "),
        "День 26, 21 бер. 2022 р. Перетинів кордону з України на цей час (УВКБ ООН): 3 460 430, того дня: 58 753. \
         Цивільні, останній звіт УВКПЛ ООН від 20 бер. 2022 р.: убиті: 925, поранені: 1 496. \
         Внутрішньо переміщені особи, раунд МОМ 1 (16 бер. 2022 р.): 6 477 723."
    );
}

#[test]
fn charts_in_ukrainian() {
    let d = dataset();
    let (state, notices) = from_query(&format!("lang=uk&{}", every_country(&d)), &transform::bounds(&d));
    assert!(notices.is_empty());
    assert_eq!(state.options.lang, Lang::Uk);
    let specs = transform::charts(&d, &state.options);
    let titles: Vec<&str> = specs.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Перетини кордону з України за країнами, що приймають, наростаючим підсумком",
            "Біженці з України, зареєстровані в Європі та у світі",
            "Біженці з України, зареєстровані в 6 країнах, де їх найбільше",
            "Цивільні жертви, підтверджені УВКПЛ ООН, наростаючим підсумком",
            "Внутрішньо переміщені особи в Україні",
            "Рішення про надання тимчасового захисту в ЄС, за місяць",
            "Щоденні перетини кордону з України",
        ]
    );
    let names: Vec<&str> = specs[0].series.iter().map(|s| s.name.as_str()).collect();
    assert!(
        names.contains(&"Польща") && names.contains(&"Румунія (з Молдови)"),
        "{names:?}"
    );
    let svg = to_svg(&specs[0], 900, 560).unwrap();
    assert!(
        svg.contains("День війни · дата") && svg.contains("День 1\u{a0}000"),
        "axis in Ukrainian"
    );
    assert!(
        svg.contains("10\u{a0}000\u{a0}000"),
        "value axis grouped as uk-UA writes it"
    );
    let table = transform::table(&specs[0]);
    let row = table.rows.iter().find(|r| r.day == 26).unwrap();
    assert_eq!(row.date, "21 бер. 2022 р.");
    assert_eq!(
        row.cells[0],
        Some((3_460_430.0, displacement_tracker::data::Precision::Exact))
    );
}

#[test]
fn events_are_marked_with_labels_and_in_the_tooltip() {
    let d = dataset();
    let specs = first_view(&d);
    let idps = specs.iter().find(|s| s.id == ChartId::Idps).unwrap();
    assert_eq!(
        idps.events.len(),
        d.events.len(),
        "all events fall inside the default range"
    );
    // Events are ticks under the time axis, one each, in the events' colour; their names show
    // in the tooltip and for the selected day.
    let svg = to_svg(idps, 900, 460).unwrap();
    let ticks = polylines_in(&svg, &LIGHT.event.hex().to_uppercase());
    assert_eq!(ticks, vec![2; d.events.len()]);
    assert!(
        !texts(&svg).iter().any(|x| x.starts_with("Russia launches")),
        "no event text over the plot"
    );
    let tip = transform::tooltip(idps, 26);
    assert_eq!(tip.events.len(), 1);
    assert!(tip.events[0].0.starts_with("Russia-Ukraine talks by video link"));
    assert_eq!(tip.events[0].1.label, "republicworld.com");
    let said = tip.said_line();
    assert!(
        said.contains("Russia-Ukraine talks by video link") && said.contains("(republicworld.com)"),
        "the tooltip's line of what was said and done: {said}"
    );
    assert_eq!(
        transform::tooltip(idps, 3).said_line(),
        "",
        "nothing said or done on day 3"
    );
    let zoomed = chart_in(&d, "from=30&to=60", ChartId::Idps);
    assert!(
        zoomed.events.iter().all(|e| (30..=60).contains(&e.day)),
        "only the events of the range"
    );
    assert!(zoomed.events.len() < d.events.len());
}

#[test]
fn earlier_vintage_overlays_the_total_with_the_revision_of_each_day() {
    let d = dataset();
    let spec = chart_in(&d, "vintage=earlier", ChartId::Refugees);
    let earlier = spec.series.iter().find(|s| s.id == "total-earlier").unwrap();
    assert_eq!(earlier.label, "UNHCR total, earlier vintage");
    assert_eq!(earlier.mark, Mark::DashedLine);
    let day1 = earlier.at(1).unwrap();
    assert_eq!(day1.value, 79_982.0);
    // Current 79,209 against earlier 79,982: -773, -773 / 79,982 = -0.9665%.
    assert_eq!(day1.detail.as_deref(), Some("current vintage 79,209: -773 (-0.97%)"));
    let current = spec.series.iter().find(|s| s.id == "total").unwrap();
    assert_eq!(current.at(1).unwrap().value, 79_209.0);
    let tip = transform::tooltip(&spec, 1);
    assert!(tip
        .rows
        .iter()
        .any(|r| r.label == "UNHCR total, earlier vintage" && r.value == Some(79_982.0)));
    // Per 1,000 residents there is no total to overlay: the chart says so.
    let per = chart_in(&d, "vintage=earlier&measure=per1000", ChartId::Refugees);
    assert!(per.series.iter().all(|s| s.id != "total-earlier"));
    assert!(per
        .notes
        .iter()
        .any(|n| n.contains("earlier vintage is drawn with absolute figures only")));
    assert!(
        chart(&d, ChartId::Refugees)
            .series
            .iter()
            .all(|s| s.id != "total-earlier"),
        "off by default"
    );
}

#[test]
fn claims_and_dated_caveats_are_pinned_to_their_figures() {
    let d = dataset();
    let specs = every_country_view(&d);
    let refugees = &specs[0];
    // The seed article of 21 March 2022 (day 26): "more than 3.38 million".
    let seed = refugees
        .marks
        .iter()
        .find(|m| m.note == FigureNote::Claim && m.day == 26 && m.value == 3_380_000.0)
        .unwrap();
    assert!(seed.text.contains("3.38 million"), "{}", seed.text);
    assert!(seed
        .text
        .contains("UNHCR's figure, 21 Mar 2022: 3,460,430 (difference +80,430)."));
    assert!(
        seed.text.ends_with("so it is set beside the data, not judged."),
        "{}",
        seed.text
    );
    // Russia's cumulative figure that falls on 9 March 2022 (day 14), on its figure that day.
    let dip = refugees
        .marks
        .iter()
        .find(|m| m.note == FigureNote::Caveat && m.day == 14)
        .unwrap();
    assert_eq!(dip.value, 97_098.0);
    assert!(dip
        .text
        .starts_with("Russian Federation: The cumulative figure falls from 99,300"));
    let tip = transform::tooltip(refugees, 26);
    assert!(tip
        .marks
        .iter()
        .any(|m| m.starts_with("Claim: ") && m.contains("3.38 million")));
    let notes = refugees.mark_notes();
    assert!(notes.iter().any(|n| n.starts_with("◇")) && notes.iter().any(|n| n.starts_with("○")));
    // IOM's rounded and summed totals carry their caveats; casualty claims go on that chart.
    let idps = specs.iter().find(|s| s.id == ChartId::Idps).unwrap();
    assert!(idps
        .marks
        .iter()
        .any(|m| m.note == FigureNote::Caveat && m.text.contains("Round 5 total (7,100,000) is a rounded figure")));
    let claims = |spec: &ChartSpec| spec.marks.iter().filter(|m| m.note == FigureNote::Claim).count();
    let casualties = specs.iter().find(|s| s.id == ChartId::Casualties).unwrap();
    assert!(claims(casualties) > 0, "casualty claims");
    // The marks are drawn: a closed diamond (five points) in the marks' colour per claim, and
    // one more in the chart's key, which names it as no data (in the picture itself, so in a
    // PNG and an embed too).
    let svg = to_svg(refugees, 1200, 600).unwrap();
    let diamonds = polylines_in(&svg, &LIGHT.claim.hex().to_uppercase());
    assert_eq!(diamonds, vec![5; claims(refugees) + 1]);
    assert!(svg.contains("figure stated at the time (not data)"));
    assert!(svg.contains("caveat on a figure"));
    // Claims of cumulative counts are not drawn where the chart shows other figures: per 1,000
    // residents, daily figures, a log scale.
    for query in ["measure=per1000", "mode=daily", "scale=log"] {
        let spec = chart_in(&d, query, ChartId::Refugees);
        assert_eq!(claims(&spec), 0, "{query}");
    }
    let daily = chart_in(&d, "mode=daily", ChartId::Refugees);
    assert!(
        daily.y_max < 1_000_000.0,
        "no claim stretches the daily axis: {}",
        daily.y_max
    );
}

#[test]
fn the_canvas_measures_text_in_the_font_it_draws() {
    // plotters-canvas sets "<style> <size>px <family>" before drawing a text; the browser's
    // measure uses the same CSS font.
    assert_eq!(chart::canvas_font(13.5), "normal 13.5px sans-serif");
    assert_eq!(chart::canvas_font(26.0), "normal 26px sans-serif");
}

/// The page makes its charts one by one as it renders them (the first one first): each is the
/// chart of its id, the same as the whole set in page order gives.
#[test]
fn each_chart_is_made_alone_as_in_the_whole_set() {
    let d = dataset();
    for query in ["", "mode=daily&scale=log&from=20&to=40", "lang=uk&measure=per1000"] {
        let o = options(&d, query);
        let all = transform::charts(&d, &o);
        assert_eq!(
            all.iter().map(|s| s.id).collect::<Vec<_>>(),
            ChartId::ALL.to_vec(),
            "{query}"
        );
        for (n, id) in ChartId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, n, "ChartId::ALL is in declared order");
            assert_eq!(transform::chart(&d, &o, *id), all[n], "{query}: {id:?}");
        }
    }
}

/// Drawing cost follows pixels, not points, for every mark: 20,000 daily bars or markers on a
/// chart 600 px wide draw at most two a pixel column (the highest and lowest of the column).
#[test]
fn bars_and_markers_are_decimated_per_pixel_column() {
    let d = dataset();
    let mut spec = chart(&d, ChartId::RefugeesDaily);
    let template = spec.series[0].points[0].clone();
    spec.x_range = (1, 20_000);
    spec.series[0].points = (1..=20_000)
        .map(|day| chart::Point {
            day,
            value: (day % 97) as f64 * 1000.0,
            ..template.clone()
        })
        .collect();
    for mark in [Mark::Bars, Mark::Markers] {
        spec.series[0].mark = mark;
        let svg = to_svg(&spec, 600, 400).unwrap();
        let shapes = svg.matches("<rect").count() + svg.matches("<circle").count();
        assert!(shapes < 2 * 600, "{mark:?}: {shapes} shapes for 20,000 points");
        assert!(shapes > 200, "{mark:?}: the points are drawn ({shapes})");
    }
}

/// UNHCR's change of measure is named beside its rule, inside the plot: to its left where the
/// plot ends too soon after it (the first 120 days end 14 days after 9 June 2022).
#[test]
fn the_seam_is_named_inside_the_plot() {
    let d = dataset();
    let anchor = |query: &str| {
        let svg = to_svg(&chart_in(&d, query, ChartId::Refugees), 900, 460).unwrap();
        let at = svg.find(">\n9 Jun 2022: new measure").expect("the seam is named");
        let element = &svg[svg[..at].rfind("<text").unwrap()..at];
        element
            .split("text-anchor=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(anchor(""), "start", "the whole war: right of the rule");
    assert_eq!(anchor("from=1&to=120"), "end", "the first 120 days: left of it");
}

/// Every chart draws at every width, from 1 px to 4,000 px, and at tiny heights: never a panic
/// (a chart embedded in a frame a few pixels wide once panicked placing its day labels).
#[test]
fn every_chart_draws_at_every_size() {
    let d = dataset();
    let specs = first_view(&d);
    let widths = (1..=100).step_by(3).chain((101..=4000).step_by(97)).chain([4000]);
    for width in widths {
        for height in [1, 60, 300] {
            for spec in &specs {
                let mut svg = String::new();
                use plotters::prelude::*;
                let root = plotters_svg::SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
                let drawn = chart::draw(&root, spec, &LIGHT, 1.0, (&|v| Lang::En.fixed(v, 0), &|_, _| None));
                assert!(drawn.is_ok(), "{} at {width}x{height}: {drawn:?}", spec.id);
            }
        }
    }
}

#[test]
fn a_day_without_a_report_says_how_the_drawing_crosses_it() {
    let d = dataset();
    let date = |day: i64| Lang::En.day_date(day);
    let (mut joined, mut apart) = (0, 0);
    for spec in every_country_view(&d) {
        for series in spec.series.iter().filter(|s| s.mark.is_line()) {
            let detail_on = |day: i64| {
                transform::tooltip(&spec, day)
                    .rows
                    .into_iter()
                    .find(|r| r.label == series.label)
                    .and_then(|r| r.value.is_none().then_some(r.detail).flatten())
            };
            let runs = series.runs();
            for (i, w) in series.points.windows(2).enumerate() {
                if w[1].day - w[0].day < 2 {
                    continue;
                }
                let words = detail_on(w[0].day + 1).unwrap();
                let (a, b) = (date(w[0].day), date(w[1].day));
                if w.iter().any(|p| p.precision == Precision::AtLeast) {
                    assert!(words.ends_with("include a lower bound, never on a line"), "{words}");
                } else if runs.iter().any(|r| r.contains(&i) && r.contains(&(i + 1))) {
                    assert_eq!(
                        words,
                        format!("the line joins the reports of {a} and {b}"),
                        "{}",
                        series.label
                    );
                    joined += 1;
                } else {
                    assert_eq!(
                        words,
                        format!("no line: the reports of {a} and {b} are too far apart"),
                        "{}",
                        series.label
                    );
                    apart += 1;
                }
            }
            // On a day with a report, or before the series begins, no such words.
            if let Some(first) = series.points.first() {
                assert_eq!(detail_on(first.day).filter(|_| first.detail.is_none()), None);
                assert_eq!(series.gap_around(first.day - 1), None);
            }
        }
    }
    assert!(joined > 10 && apart > 0, "{joined} joined, {apart} apart");
}

#[test]
fn a_narrow_drawing_names_its_lines_whole_in_the_key() {
    let d = dataset();
    let spec = chart_in(&d, &every_country(&d), ChartId::Refugees);
    for (width, height) in [(360, 760), (390, 700)] {
        let t = texts(&to_svg(&spec, width, height).unwrap());
        assert!(t.iter().all(|x| !x.contains('…')), "a name cut at {width} px: {t:?}");
        for name in [
            "Russian Federation, later, to Oct 2022",
            "Republic of Moldova, later, to Feb 2023",
        ] {
            assert!(t.iter().any(|x| x == name), "{name} at {width} px: {t:?}");
        }
    }
    // A wide drawing names each line at its end, beside the line, not in the key.
    let svg = to_svg(&spec, 1400, 620).unwrap();
    let t = texts(&svg);
    assert!(t.iter().any(|x| x == "Poland, to May 2022"), "{t:?}");
}

#[test]
fn in_ukrainian_every_publisher_and_unit_has_its_ukrainian_name() {
    let d = dataset();
    for s in &d.sources {
        assert_ne!(
            Lang::Uk.organisation(&s.publisher),
            s.publisher,
            "{}: no Ukrainian name",
            s.id
        );
        if let Some(unit) = &s.unit {
            assert_ne!(Lang::Uk.unit(unit), unit, "{}: no Ukrainian unit", s.id);
        }
    }
    // One name per organisation: UNHCR is УВКБ ООН in every chart's source line, key and badge.
    for spec in transform::charts(&d, &options(&d, "lang=uk")) {
        let line = spec.source_line.replace("USA for UNHCR", "");
        assert!(
            !line.contains("UNHCR") && !line.contains("OHCHR"),
            "{}: {}",
            spec.id,
            spec.source_line
        );
        for unit in spec.units() {
            assert!(has_cyrillic(unit), "{}: {unit}", spec.id);
        }
        for (publisher, _) in spec.publishers() {
            assert!(has_cyrillic(publisher), "{}: {publisher}", spec.id);
        }
    }
}
