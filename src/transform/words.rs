//! A chart without the picture: its figures as a table (the same figures as the CSV export),
//! the view in one sentence computed from them, and the first series as a tone.

use crate::chart::{ChartSpec, Point, SeriesSpec};
use crate::data::Precision;

/// A chart's figures: one row per war day with any figure, one column per series.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Each series' full label, in the chart's order.
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub day: i64,
    /// "21 Mar 2022" (empty for a day without a date).
    pub date: String,
    /// Each series' figure that day and its precision; `None`: no report that day.
    pub cells: Vec<Option<(f64, Precision)>>,
}

/// The series with figures in the view (a hidden series has none).
fn with_figures(spec: &ChartSpec) -> impl Iterator<Item = &SeriesSpec> {
    spec.series.iter().filter(|s| !s.points.is_empty())
}

/// The chart's figures as a table, exactly as the chart and the CSV export have them.
pub fn table(spec: &ChartSpec) -> Table {
    let series: Vec<&SeriesSpec> = with_figures(spec).collect();
    let mut days: Vec<i64> = series.iter().flat_map(|s| s.points.iter().map(|p| p.day)).collect();
    days.sort_unstable();
    days.dedup();
    Table {
        columns: series.iter().map(|s| s.label.clone()).collect(),
        rows: days
            .into_iter()
            .map(|day| TableRow {
                day,
                date: spec.lang.day_date(day),
                cells: series
                    .iter()
                    .map(|s| s.at(day).map(|p| (p.value, p.precision)))
                    .collect(),
            })
            .collect(),
    }
}

/// The view in one or two sentences: where the first series started and ended (and its peak,
/// where that is elsewhere), and which other series ends highest. `number` writes a figure.
pub fn summary(spec: &ChartSpec, number: &dyn Fn(f64) -> String) -> String {
    let (lo, hi) = spec.x_range;
    let lang = spec.lang;
    let figure = |p: &Point| lang.qualified(number(p.value), p.precision);
    let at = |day: i64| lang.date_and_day(day);
    let mut series = with_figures(spec);
    let Some(lead) = series.next() else {
        return tr!(lang, SummaryNoFigures, from = at(lo), to = at(hi));
    };
    let unit = &spec.y_label;
    let (first, last) = (&lead.points[0], &lead.points[lead.points.len() - 1]);
    let mut out = if lead.points.len() == 1 {
        tr!(
            lang,
            SummaryOnlyFigure,
            name = lead.name,
            value = figure(first),
            unit = unit,
            date = at(first.day)
        )
    } else {
        let peak = lead
            .points
            .iter()
            .fold(first, |best, p| if p.value > best.value { p } else { best });
        let peak = if peak.day != last.day && peak.value > last.value {
            tr!(lang, SummaryPeak, value = figure(peak), date = at(peak.day))
        } else {
            String::new()
        };
        tr!(
            lang,
            SummaryFromTo,
            name = lead.name,
            first = figure(first),
            unit = unit,
            first_date = at(first.day),
            last = figure(last),
            last_date = at(last.day),
            peak = peak
        )
    };
    let ends = |s: &&SeriesSpec| s.points[s.points.len() - 1].value;
    if let Some(top) = series.max_by(|a, b| ends(a).total_cmp(&ends(b))) {
        let end = &top.points[top.points.len() - 1];
        out.push(' ');
        out.push_str(&tr!(
            lang,
            SummaryOtherHighest,
            name = top.name,
            value = figure(end),
            date = at(end.day)
        ));
    }
    out
}

/// One series' figure on one day, as the live region reads it when a reader moves between the
/// series with the keyboard: "Poland: 2,111,547 border crossings on 21 Mar 2022 (day 26)".
pub fn series_line(spec: &ChartSpec, series: usize, day: i64, number: &dyn Fn(f64) -> String) -> String {
    let Some(s) = spec.series.get(series) else {
        return String::new();
    };
    let lang = spec.lang;
    let date = lang.date_and_day(day);
    match s.at(day) {
        Some(p) => tr!(
            lang,
            SeriesLine,
            name = s.name,
            value = lang.qualified(number(p.value), p.precision),
            unit = spec.y_label,
            date = date
        ),
        None => tr!(lang, SeriesLineNoReport, name = s.name, date = date),
    }
}

/// A chart's first series as sound: a tone whose pitch follows the figure, and what is said on
/// the way (the day at the start, at the peak and at the end).
#[derive(Clone, Debug, PartialEq)]
pub struct Tune {
    /// Seconds from the start, and the pitch (Hz) from then on.
    pub tones: Vec<(f64, f64)>,
    pub seconds: f64,
    /// Seconds from the start, and what is said then.
    pub said: Vec<(f64, String)>,
}

/// The pitch range: two octaves up from A3, a figure's place between the axis's ends giving its
/// place in the range (on the chart's own scale: a log axis is heard as one).
const LOW_HZ: f64 = 220.0;
const OCTAVES: f64 = 2.0;

/// The first series with figures as a tune of 2 to 6 seconds (30 ms a figure), or `None` when
/// the view has no figures.
pub fn tune(spec: &ChartSpec, number: &dyn Fn(f64) -> String) -> Option<Tune> {
    let series = with_figures(spec).next()?;
    let points = &series.points;
    let seconds = (points.len() as f64 * 0.03).clamp(2.0, 6.0);
    let scale = |v: f64| {
        if spec.log_scale {
            v.max(f64::MIN_POSITIVE).log10()
        } else {
            v
        }
    };
    let (lo, hi) = (scale(spec.y_min), scale(spec.y_max));
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let (first, last) = (points[0].day, points[points.len() - 1].day);
    let days = (last - first).max(1) as f64;
    let at = |day: i64| {
        if last == first {
            0.0
        } else {
            (day - first) as f64 / days * seconds
        }
    };
    let tones = points
        .iter()
        .map(|p| {
            let place = ((scale(p.value) - lo) / span).clamp(0.0, 1.0);
            (at(p.day), LOW_HZ * 2f64.powf(place * OCTAVES))
        })
        .collect();
    let peak = points
        .iter()
        .fold(&points[0], |best, p| if p.value > best.value { p } else { best });
    let lang = spec.lang;
    let line = |what: &str, p: &crate::chart::Point| {
        tr!(
            lang,
            TuneLine,
            what = what,
            value = lang.qualified(number(p.value), p.precision),
            date = lang.date_and_day(p.day)
        )
    };
    let start = line(tr!(lang, TuneStart), &points[0]);
    let mut said = vec![(0.0, format!("{}, {start}", series.name))];
    if peak.day != first && peak.day != last {
        said.push((at(peak.day), line(tr!(lang, TunePeak), peak)));
    }
    said.push((seconds, line(tr!(lang, TuneEnd), &points[points.len() - 1])));
    Some(Tune { tones, seconds, said })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse_dataset;
    use crate::i18n::Lang;
    use crate::state::ChartOptions;
    use crate::transform::charts;

    fn shipped() -> crate::data::Dataset {
        parse_dataset(include_str!("../../assets/data/dataset.json")).unwrap()
    }

    #[test]
    fn the_refugee_table_has_the_datasets_figures() {
        let d = shipped();
        let specs = charts(&d, &ChartOptions::default());
        let t = table(&specs[0]);
        assert_eq!(t.columns[0], specs[0].series[0].label);
        let day26 = t.rows.iter().find(|r| r.day == 26).unwrap();
        assert_eq!(day26.date, "21 Mar 2022");
        assert_eq!(day26.cells[0], Some((3_460_430.0, Precision::Exact)));
        // Every figure of every series is in the table, and nothing else.
        let figures: usize = specs[0].series.iter().map(|s| s.points.len()).sum();
        let cells = t.rows.iter().flat_map(|r| &r.cells).filter(|c| c.is_some()).count();
        assert_eq!(cells, figures);
        assert!(t.rows.windows(2).all(|w| w[0].day < w[1].day));
    }

    #[test]
    fn a_series_figure_in_words() {
        let d = shipped();
        let specs = charts(&d, &ChartOptions::default());
        let number = |v: f64| Lang::En.fixed(v, 0);
        let poland = specs[0].series.iter().position(|s| s.name == "Poland").unwrap();
        let figure = specs[0].series[poland].at(26).unwrap().value;
        assert_eq!(
            series_line(&specs[0], poland, 26, &number),
            format!(
                "Poland: {} {} on 21 Mar 2022 (day 26)",
                Lang::En.fixed(figure, 0),
                specs[0].y_label
            )
        );
        assert_eq!(series_line(&specs[0], 99, 26, &number), "");
        let russia = specs[0].series.iter().position(|s| s.at(2).is_none()).unwrap();
        assert!(series_line(&specs[0], russia, 2, &number).ends_with(": no report on 25 Feb 2022 (day 2)"));
    }

    #[test]
    fn a_chart_as_a_tune() {
        let d = shipped();
        let number = |v: f64| Lang::En.fixed(v, 0);
        let daily = charts(
            &d,
            &ChartOptions {
                mode: crate::state::Mode::Daily,
                ..ChartOptions::default()
            },
        );
        let tune = tune(&daily[0], &number).unwrap();
        let series = &daily[0].series[0];
        assert_eq!(tune.tones.len(), series.points.len());
        assert!((2.0..=6.0).contains(&tune.seconds));
        // Pitch follows the figure: the peak is the highest tone, all within two octaves of A3.
        let peak = series
            .points
            .iter()
            .position(|p| p.value == series.points.iter().map(|p| p.value).fold(0.0, f64::max))
            .unwrap();
        let highest = tune.tones.iter().map(|t| t.1).fold(0.0, f64::max);
        assert_eq!(tune.tones[peak].1, highest);
        assert!(tune.tones.iter().all(|t| (220.0..=880.0).contains(&t.1)));
        assert!(tune.tones.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(tune.said.len(), 3);
        assert_eq!(tune.said[0].0, 0.0);
        assert!(
            tune.said[0]
                .1
                .starts_with("All countries (headline), start: 79,209 on 24 Feb 2022 (day 1)"),
            "{:?}",
            tune.said
        );
        assert!(
            tune.said[1].1.starts_with("peak: 206,004 on 7 Mar 2022 (day 12)"),
            "{:?}",
            tune.said
        );
        assert_eq!(tune.said[2].0, tune.seconds);
        let mut empty = daily[0].clone();
        empty.series.iter_mut().for_each(|s| s.points.clear());
        assert_eq!(super::tune(&empty, &number), None);
    }

    #[test]
    fn summaries_say_where_the_view_starts_ends_and_peaks() {
        let d = shipped();
        let number = |v: f64| Lang::En.fixed(v, 0);
        let specs = charts(&d, &ChartOptions::default());
        let text = summary(&specs[0], &number);
        let total = &specs[0].series[0];
        let last = total.points.last().unwrap();
        assert!(
            text.starts_with(&format!(
                "{}: from {} {} on ",
                total.name,
                Lang::En.fixed(total.points[0].value, 0),
                specs[0].y_label
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!("to {} on ", Lang::En.fixed(last.value, 0))),
            "{text}"
        );
        assert!(
            text.contains(
                "Of the other series, Lower bounds ends highest: at least 47,200,000 on 26 Mar 2025 (day 1,127)."
            ),
            "{text}"
        );
        // Daily figures peak before the end: the peak is named.
        let daily = charts(
            &d,
            &ChartOptions {
                mode: crate::state::Mode::Daily,
                ..ChartOptions::default()
            },
        );
        assert!(
            summary(&daily[0], &number).contains(", highest "),
            "{}",
            summary(&daily[0], &number)
        );
        // A view without figures says so.
        let mut empty = specs[0].clone();
        empty.series.iter_mut().for_each(|s| s.points.clear());
        assert_eq!(
            summary(&empty, &number),
            format!(
                "No figures in this view, from 24 Feb 2022 (day 1) to {} (day {}).",
                Lang::En.day_date(empty.x_range.1),
                Lang::En.whole(empty.x_range.1)
            )
        );
    }
}
