//! Claims against the data, and revisions between vintages: arithmetic only, no verdict beyond it.

use crate::data::{Claim, Dataset, Date, MeasureKind, Metric, Precision, Qualifier, Scope};
use crate::i18n::Lang;

/// The dataset's figure for a metric on a date, or the nearest earlier report.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub date: Date,
    pub value: u64,
    /// The page of that figure where the dataset has one per point (casualty reports, IDP rounds).
    pub source_url: Option<String>,
    /// How exact the figure is: a lower bound cannot show a claim too high.
    pub precision: Precision,
}

/// The most days a dataset figure may precede a claim and still be set beside it: about a
/// month (OHCHR reported monthly late in the war); an older figure says nothing of the claim.
pub const FIGURE_WINDOW_DAYS: i64 = 35;

/// How a claim stands beside the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The series' own counter, and its report of the claim's cut-off: judged against it.
    SameCutoff,
    /// The series' own counter, the claim's cut-off not known: set beside the latest figure by
    /// the claim's day, not judged.
    SameCounter,
    /// Another counter's count: set beside the data, never judged by it, no arithmetic.
    OtherCounter,
}

/// A claim beside the data of its day.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub basis: Basis,
    pub figure: Option<Figure>,
    /// Data minus claim (the same counter only).
    pub difference: Option<i128>,
    /// The difference as a percentage of the claimed value ("about" and "exactly" claims of the
    /// same counter only: of "more than" one it would say nothing).
    pub percent: Option<f64>,
    /// Whether the claim's qualifier holds against the figure of its cut-off (`SameCutoff`).
    pub holds: Option<bool>,
}

/// The figure of `metric` on `date`, or the nearest earlier one of the same counter and
/// measure (no more than `FIGURE_WINDOW_DAYS` before); none before the first report. Border
/// crossings after the first months' daily series come from UNHCR's later figures (the exact
/// ones before a lower bound of the same day); refugees recorded from the portal's series and
/// the figures restated from it; "all displaced" from none (no series counts it).
pub fn figure_on_or_before(dataset: &Dataset, metric: Metric, date: Date) -> Option<Figure> {
    let found = match metric {
        Metric::RefugeesCumulative => {
            let total = &dataset.refugees.total.points;
            match total.iter().rev().find(|p| p.date <= date) {
                Some(p) if total.last().is_some_and(|l| date <= l.date) => Some(Figure {
                    date: p.date,
                    value: p.cumulative,
                    source_url: None,
                    precision: Precision::Exact,
                }),
                earlier => latest_figure(dataset, MeasureKind::BorderCrossings, Scope::AllCountries, date).or(earlier
                    .map(|p| Figure {
                        date: p.date,
                        value: p.cumulative,
                        source_url: None,
                        precision: Precision::Exact,
                    })),
            }
        }
        Metric::CiviliansKilled | Metric::CiviliansInjured | Metric::CivilianCasualtiesTotal => dataset
            .casualties
            .points
            .iter()
            .rev()
            .filter(|p| p.date <= date)
            .find_map(|p| {
                let (value, precision) = match metric {
                    Metric::CiviliansKilled => (p.killed, p.killed_precision),
                    Metric::CiviliansInjured => (p.injured, p.injured_precision),
                    _ => (p.total, Precision::Exact),
                };
                value.map(|value| Figure {
                    date: p.date,
                    value,
                    source_url: Some(p.source_url.clone()),
                    precision,
                })
            }),
        Metric::Idps => dataset
            .idps
            .rounds
            .iter()
            .rev()
            .find(|r| r.date <= date)
            .map(|r| Figure {
                date: r.date,
                value: r.total,
                source_url: r.source_url.clone(),
                precision: r.precision,
            }),
        Metric::RefugeesRecordedEurope => latest_figure(dataset, MeasureKind::RefugeesRecorded, Scope::Europe, date),
        Metric::RefugeesRecordedGlobal => latest_figure(dataset, MeasureKind::RefugeesRecorded, Scope::Global, date),
        Metric::DisplacedTotal => None,
    };
    found.filter(|f| date.war_day() - f.date.war_day() <= FIGURE_WINDOW_DAYS)
}

/// The latest figure on or before `date` among the dataset's series of a measure and scope; of
/// figures of the same day, an exact one before a rounded one before a lower bound.
fn latest_figure(dataset: &Dataset, measure: MeasureKind, scope: Scope, date: Date) -> Option<Figure> {
    let rank = |p: Precision| match p {
        Precision::Exact => 0,
        Precision::Rounded => 1,
        Precision::AtLeast => 2,
    };
    dataset
        .figures
        .iter()
        .filter(|f| f.measure == measure && f.scope == scope)
        .flat_map(|f| f.points.iter().filter(|p| p.date <= date).map(move |p| (f, p)))
        .max_by(|(_, a), (_, b)| {
            a.date
                .cmp(&b.date)
                .then_with(|| rank(b.precision).cmp(&rank(a.precision)))
        })
        .map(|(f, p)| Figure {
            date: p.date,
            value: p.value,
            source_url: f.doc(p).map(str::to_string),
            precision: p.precision,
        })
}

/// The unit a rounded figure is given in: 10 to the power of its trailing zeros
/// (4,000,000 -> 1,000,000; 6,480,000 -> 10,000; 352 -> 1).
pub fn rounding_unit(value: u64) -> u64 {
    let mut unit: u64 = 1;
    while let Some(next) = unit.checked_mul(10).filter(|n| value != 0 && value.is_multiple_of(*n)) {
        unit = next;
    }
    unit
}

/// Whether `data` bears out a claim of `claimed` with this qualifier: more than (data above the
/// claim), at least (data at or above it), about (data rounds to the claim at the claim's own
/// precision: within half its rounding unit), exactly (equal).
pub fn qualifier_holds(qualifier: Qualifier, claimed: u64, data: u64) -> bool {
    match qualifier {
        Qualifier::MoreThan => data > claimed,
        Qualifier::AtLeast => data >= claimed,
        Qualifier::About => u128::from(data.abs_diff(claimed)) * 2 <= u128::from(rounding_unit(claimed)),
        Qualifier::Exactly => data == claimed,
    }
}

/// Whether the claim holds against a figure of its precision, where the figure can tell: a
/// lower bound only bears out "more than" and "at least" claims below it (the true figure may
/// be anything above it); a rounded figure tells nothing within half its rounding unit.
pub fn holds_against(claim: &Claim, figure: &Figure) -> Option<bool> {
    let (claimed, data) = (claim.value, figure.value);
    match figure.precision {
        Precision::Exact => Some(qualifier_holds(claim.qualifier, claimed, data)),
        Precision::AtLeast => match claim.qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast => qualifier_holds(claim.qualifier, claimed, data).then_some(true),
            Qualifier::About | Qualifier::Exactly => None,
        },
        Precision::Rounded => {
            let close = u128::from(data.abs_diff(claimed)) * 2 <= u128::from(rounding_unit(data));
            (!close).then(|| qualifier_holds(claim.qualifier, claimed, data))
        }
    }
}

/// A claim beside the data: judged only against its own counter's figure of its cut-off; a
/// claim of another counter, or of unknown cut-off, only set beside the latest figure by its day.
pub fn compare(dataset: &Dataset, claim: &Claim) -> Comparison {
    let (basis, figure) = match (&claim.count.other, claim.count.cutoff) {
        (Some(_), _) => (
            Basis::OtherCounter,
            figure_on_or_before(dataset, claim.metric, claim.date),
        ),
        (None, Some(cutoff)) => (
            Basis::SameCutoff,
            figure_on_or_before(dataset, claim.metric, cutoff).filter(|f| f.date == cutoff),
        ),
        (None, None) => (
            Basis::SameCounter,
            figure_on_or_before(dataset, claim.metric, claim.date),
        ),
    };
    let difference = figure
        .as_ref()
        .filter(|_| basis != Basis::OtherCounter)
        .map(|f| i128::from(f.value) - i128::from(claim.value));
    let counted = matches!(claim.qualifier, Qualifier::About | Qualifier::Exactly);
    Comparison {
        basis,
        percent: difference
            .filter(|_| claim.value > 0 && counted)
            .map(|d| 100.0 * d as f64 / claim.value as f64),
        holds: figure
            .as_ref()
            .filter(|_| basis == Basis::SameCutoff)
            .and_then(|f| holds_against(claim, f)),
        difference,
        figure,
    }
}

/// Whose figure the dataset's series of a metric gives, in words: "OHCHR's confirmed minimum".
pub fn data_counter(metric: Metric, lang: Lang) -> &'static str {
    match metric {
        Metric::RefugeesCumulative | Metric::RefugeesRecordedEurope | Metric::RefugeesRecordedGlobal => {
            tr!(lang, CounterUnhcr)
        }
        Metric::CiviliansKilled | Metric::CiviliansInjured | Metric::CivilianCasualtiesTotal => tr!(lang, CounterOhchr),
        Metric::Idps | Metric::DisplacedTotal => tr!(lang, CounterIom),
    }
}

/// What a metric counts, in words.
pub fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    match metric {
        Metric::RefugeesCumulative => tr!(lang, MetricRefugees),
        Metric::CiviliansKilled => tr!(lang, MetricKilled),
        Metric::CiviliansInjured => tr!(lang, MetricInjured),
        Metric::CivilianCasualtiesTotal => tr!(lang, MetricCasualties),
        Metric::Idps => tr!(lang, MetricIdps),
        Metric::RefugeesRecordedEurope => tr!(lang, MetricRecordedEurope),
        Metric::RefugeesRecordedGlobal => tr!(lang, MetricRecordedGlobal),
        Metric::DisplacedTotal => tr!(lang, MetricDisplacedTotal),
    }
}

pub fn qualifier_name(q: Qualifier, lang: Lang) -> &'static str {
    match q {
        Qualifier::MoreThan => tr!(lang, QualifierMoreThan),
        Qualifier::AtLeast => tr!(lang, QualifierAtLeast),
        Qualifier::About => tr!(lang, QualifierAbout),
        Qualifier::Exactly => tr!(lang, QualifierExactly),
    }
}

/// A signed whole number with grouping: "+80,430", "-773", "0".
fn signed(value: i128, lang: Lang) -> String {
    let sign = if value > 0 { "+" } else { "" };
    format!("{sign}{}", lang.whole(value))
}

/// A signed percentage: "+2.4%", "-0.97%"; "+2,4%" in Ukrainian.
fn signed_percent(value: f64, decimals: u8, lang: Lang) -> String {
    let text = lang.fixed(value, decimals);
    // A figure that rounds to zero has no sign, as `Lang::fixed` writes no minus for it.
    let rounds_to_zero = !text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if value > 0.0 && !rounds_to_zero { "+" } else { "" };
    format!("{sign}{text}%")
}

fn holds_words(holds: bool, lang: Lang) -> &'static str {
    if holds {
        tr!(lang, Holds)
    } else {
        tr!(lang, DoesNotHold)
    }
}

/// A claim and the data of its day, in words: "Claim: more than 3,380,000 border crossings out
/// of Ukraine (cumulative). UNHCR's figure, 21 Mar 2022: 3,460,430 (difference +80,430)." and a
/// second line: whether the qualifier holds against the same counter's figure of the claim's
/// cut-off, or why the claim is not judged; none when the dataset has no figure to set it beside.
pub fn claim_sentences(claim: &Claim, c: &Comparison, lang: Lang) -> (String, Option<String>) {
    let (qualifier, value, metric) = (
        qualifier_name(claim.qualifier, lang),
        lang.whole(claim.value),
        metric_name(claim.metric, lang),
    );
    let claimed = match &claim.count.other {
        Some(counter) => tr!(
            lang,
            ClaimByOther,
            qualifier = qualifier,
            value = value,
            metric = metric,
            counter = counter
        ),
        None => tr!(
            lang,
            ClaimSentence,
            qualifier = qualifier,
            value = value,
            metric = metric
        ),
    };
    let data = data_counter(claim.metric, lang);
    let Some(f) = &c.figure else {
        let none = match (c.basis, claim.count.cutoff) {
            (Basis::SameCutoff, Some(cutoff)) => tr!(lang, NoReportOfCutoff, date = lang.date(cutoff)),
            _ => tr!(lang, NoReportByThatDay).to_string(),
        };
        return (format!("{claimed} {none}"), None);
    };
    let (date, figure) = (lang.date(f.date), lang.figure(f.value, f.precision));
    let beside = match (c.basis, c.difference, c.percent) {
        (Basis::OtherCounter, _, _) | (_, None, _) => {
            tr!(lang, OtherCountSentence, data = data, date = date, value = figure)
        }
        (_, Some(diff), Some(pct)) => tr!(
            lang,
            DataSentence,
            data = data,
            date = date,
            value = figure,
            difference = signed(diff, lang),
            percent = signed_percent(pct, 1, lang)
        ),
        (_, Some(diff), None) => tr!(
            lang,
            DataSentenceNoPercent,
            data = data,
            date = date,
            value = figure,
            difference = signed(diff, lang)
        ),
    };
    let second = match (c.basis, c.holds) {
        (Basis::SameCutoff, Some(holds)) => Some(tr!(
            lang,
            VerdictSentence,
            qualifier = qualifier,
            holds = holds_words(holds, lang),
            data = data
        )),
        (Basis::SameCounter, _) => Some(tr!(lang, NotJudged).to_string()),
        _ => None,
    };
    (format!("{claimed} {beside}"), second)
}

/// A claim and the data of its day in one short line, for a tooltip: "more than 3,380,000;
/// UNHCR's figure 3,460,430". The full sentences are in `claim_sentences`.
pub fn claim_summary(claim: &Claim, c: &Comparison, lang: Lang) -> String {
    let claimed = format!("{} {}", qualifier_name(claim.qualifier, lang), lang.whole(claim.value));
    let data = data_counter(claim.metric, lang);
    let Some(f) = &c.figure else {
        return tr!(lang, ClaimSummaryNoReport, claimed = claimed);
    };
    let value = lang.figure(f.value, f.precision);
    match (&claim.count.other, c.holds) {
        (Some(counter), _) => tr!(
            lang,
            ClaimSummaryOther,
            claimed = claimed,
            counter = counter,
            data = data,
            value = value
        ),
        (None, Some(holds)) => tr!(
            lang,
            ClaimSummary,
            claimed = claimed,
            data = data,
            value = value,
            holds = holds_words(holds, lang)
        ),
        (None, None) => tr!(lang, ClaimSummaryBeside, claimed = claimed, data = data, value = value),
    }
}

/// A revision in words, from the earlier vintage's side: "current vintage 79,209: -773 (-0.97%)".
pub fn revision_words(r: &Revision, lang: Lang) -> String {
    tr!(
        lang,
        RevisionWords,
        current = lang.whole(r.current),
        difference = signed(r.difference, lang),
        percent = signed_percent(r.percent, 2, lang)
    )
}

/// The same day in two vintages of UNHCR's total.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    pub date: Date,
    pub current: u64,
    pub earlier: u64,
    /// Current minus earlier.
    pub difference: i128,
    /// The difference as a percentage of the earlier value.
    pub percent: f64,
}

/// Every day that both vintages of the total have, with the revision.
pub fn revisions(dataset: &Dataset) -> Vec<Revision> {
    let Some(earlier) = &dataset.refugees.earlier_total else {
        return Vec::new();
    };
    dataset
        .refugees
        .total
        .points
        .iter()
        .filter_map(|c| {
            let e = earlier.points.iter().find(|e| e.date == c.date)?;
            let difference = i128::from(c.cumulative) - i128::from(e.cumulative);
            let percent = if e.cumulative > 0 {
                100.0 * difference as f64 / e.cumulative as f64
            } else {
                0.0
            };
            Some(Revision {
                date: c.date,
                current: c.cumulative,
                earlier: e.cumulative,
                difference,
                percent,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_units() {
        assert_eq!(rounding_unit(4_000_000), 1_000_000);
        assert_eq!(rounding_unit(6_480_000), 10_000);
        assert_eq!(rounding_unit(3_380_000), 10_000);
        assert_eq!(rounding_unit(352), 1);
        assert_eq!(rounding_unit(0), 1);
    }

    #[test]
    fn a_claim_in_one_line() {
        use crate::data::{ClaimCount, Date, Metric};
        let mut claim = Claim {
            date: Date::parse_iso("2022-03-21").unwrap(),
            war_day: 26,
            who: "UN".into(),
            text: "more than 3.38 million".into(),
            metric: Metric::RefugeesCumulative,
            value: 3_380_000,
            qualifier: Qualifier::MoreThan,
            source: "s".into(),
            source_url: "https://example.org".into(),
            note: None,
            count: ClaimCount::default(),
        };
        let mut data = Comparison {
            basis: Basis::SameCutoff,
            figure: Some(Figure {
                date: claim.date,
                value: 3_460_430,
                source_url: None,
                precision: Precision::Exact,
            }),
            difference: Some(80_430),
            percent: None,
            holds: Some(true),
        };
        assert_eq!(
            claim_summary(&claim, &data, Lang::En),
            "more than 3,380,000; UNHCR's figure 3,460,430: holds"
        );
        assert_eq!(
            claim_summary(&claim, &data, Lang::Uk),
            "понад 3\u{a0}380\u{a0}000; цифра УВКБ ООН 3\u{a0}460\u{a0}430: справджується"
        );
        data.holds = None;
        data.basis = Basis::SameCounter;
        assert_eq!(
            claim_summary(&claim, &data, Lang::En),
            "more than 3,380,000; UNHCR's figure 3,460,430"
        );
        claim.count.other = Some("IOM".into());
        data.basis = Basis::OtherCounter;
        assert_eq!(
            claim_summary(&claim, &data, Lang::En),
            "more than 3,380,000, counted by IOM; UNHCR's figure 3,460,430"
        );
        let none = Comparison {
            basis: Basis::SameCounter,
            figure: None,
            difference: None,
            percent: None,
            holds: None,
        };
        assert_eq!(
            claim_summary(&claim, &none, Lang::En),
            "more than 3,380,000; no report in the dataset by that day"
        );
    }

    #[test]
    fn each_qualifier() {
        assert!(qualifier_holds(Qualifier::MoreThan, 3_380_000, 3_460_430));
        assert!(!qualifier_holds(Qualifier::MoreThan, 100, 100));
        assert!(qualifier_holds(Qualifier::AtLeast, 100, 100));
        assert!(!qualifier_holds(Qualifier::AtLeast, 100, 99));
        assert!(qualifier_holds(Qualifier::About, 4_000_000, 4_499_999));
        assert!(qualifier_holds(Qualifier::About, 4_000_000, 3_500_000));
        assert!(!qualifier_holds(Qualifier::About, 4_000_000, 4_500_001));
        assert!(qualifier_holds(Qualifier::About, 6_480_000, 6_477_723));
        assert!(!qualifier_holds(Qualifier::About, 6_480_000, 6_474_999));
        assert!(qualifier_holds(Qualifier::Exactly, 352, 352));
        assert!(!qualifier_holds(Qualifier::Exactly, 352, 102));
    }
}
