//! What is pinned to a chart besides its series, built with the chart: the dataset's events on
//! the time axis, figures stated at the time (claims) on the chart of their metric, and dated
//! caveats on the figure they concern.

use crate::chart::{ChartId, EventMark, FigureMark, FigureNote, SeriesSpec};
use crate::compare::{claim_sentences, claim_summary, compare};
use crate::data::{Caveat, Dataset, Metric};
use crate::state::{ChartOptions, Measure, Mode, Scale};

/// The events of the dataset inside `range`.
pub fn events(dataset: &Dataset, (lo, hi): (i64, i64)) -> Vec<EventMark> {
    dataset
        .events
        .iter()
        .filter(|e| (lo..=hi).contains(&e.war_day))
        .map(|e| EventMark {
            day: e.war_day,
            title: e.title.clone(),
            source_url: e.source_url.clone(),
        })
        .collect()
}

/// The chart a claim of `metric` is drawn on under `options`, if the chart shows that kind of
/// figure there: cumulative UNHCR totals in absolute figures on a linear scale; OHCHR's and
/// IOM's counts on theirs.
pub fn chart_of(metric: Metric, options: &ChartOptions) -> Option<ChartId> {
    match metric {
        Metric::RefugeesCumulative => {
            (options.measure == Measure::Absolute && options.mode == Mode::Cumulative && options.scale == Scale::Linear)
                .then_some(ChartId::Refugees)
        }
        Metric::CiviliansKilled | Metric::CiviliansInjured | Metric::CivilianCasualtiesTotal => {
            Some(ChartId::Casualties)
        }
        Metric::Idps => Some(ChartId::Idps),
        Metric::RefugeesRecordedEurope | Metric::RefugeesRecordedGlobal => Some(ChartId::Recorded),
        // No series counts refugees and internally displaced people together.
        Metric::DisplacedTotal => None,
    }
}

/// The claims drawn on `chart`, each with its words, the data of its day and the arithmetic.
pub fn claims(dataset: &Dataset, chart: ChartId, options: &ChartOptions) -> Vec<FigureMark> {
    dataset
        .claims
        .iter()
        .filter(|claim| chart_of(claim.metric, options) == Some(chart))
        .map(|claim| {
            let c = compare(dataset, claim);
            let (figures, verdict) = claim_sentences(claim, &c, options.lang);
            FigureMark {
                day: claim.war_day,
                value: claim.value as f64,
                note: FigureNote::Claim,
                text: format!(
                    "{}: “{}” {figures} {}",
                    claim.who,
                    claim.text,
                    verdict.unwrap_or_default()
                ),
                short: format!(
                    "◇ {}: {} ({})",
                    tr!(options.lang, Claim),
                    claim_summary(claim, &c, options.lang),
                    claim.who
                ),
            }
        })
        .collect()
}

/// Dated caveats about a series, each on the series' figure of its day (where the chart has
/// one), named by `label` when the chart shows several series.
pub fn caveats(series: &SeriesSpec, caveats: &[Caveat], label: Option<&str>) -> Vec<FigureMark> {
    caveats
        .iter()
        .filter_map(|caveat| {
            let day = caveat.date?.war_day();
            let point = series.at(day)?;
            let text = match label {
                Some(label) => format!("{label}: {}", caveat.text),
                None => caveat.text.clone(),
            };
            Some(FigureMark {
                day,
                value: point.value,
                note: FigureNote::Caveat,
                short: format!("○ {text}"),
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cumulative_refugee_claims_only_where_the_chart_shows_cumulative_totals() {
        let default = ChartOptions::default();
        assert_eq!(chart_of(Metric::RefugeesCumulative, &default), Some(ChartId::Refugees));
        for options in [
            ChartOptions {
                mode: Mode::Daily,
                ..ChartOptions::default()
            },
            ChartOptions {
                measure: Measure::Share,
                ..ChartOptions::default()
            },
            ChartOptions {
                scale: Scale::Log,
                ..ChartOptions::default()
            },
        ] {
            assert_eq!(chart_of(Metric::RefugeesCumulative, &options), None, "{options:?}");
        }
        let daily = ChartOptions {
            mode: Mode::Daily,
            ..ChartOptions::default()
        };
        assert_eq!(chart_of(Metric::CiviliansKilled, &daily), Some(ChartId::Casualties));
        assert_eq!(chart_of(Metric::Idps, &daily), Some(ChartId::Idps));
    }
}
