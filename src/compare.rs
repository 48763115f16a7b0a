//! Claims against the data, and revisions between vintages: arithmetic only, no verdict beyond it.

use crate::data::{Claim, Dataset, Date, Metric, Qualifier};

/// The dataset's figure for a metric on a date, or the nearest earlier report.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub date: Date,
    pub value: u64,
    /// The page of that figure where the dataset has one per point (casualty reports, IDP rounds).
    pub source_url: Option<String>,
}

/// A claim beside the data of its day.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub figure: Option<Figure>,
    /// Data minus claim.
    pub difference: Option<i64>,
    /// The difference as a percentage of the claimed value.
    pub percent: Option<f64>,
    /// Whether the claim's qualifier holds against the data figure.
    pub holds: Option<bool>,
}

/// The figure of `metric` on `date`, or the nearest earlier one; none before the first report.
pub fn figure_on_or_before(dataset: &Dataset, metric: Metric, date: Date) -> Option<Figure> {
    match metric {
        Metric::RefugeesCumulative => dataset
            .refugees
            .total
            .points
            .iter()
            .rev()
            .find(|p| p.date <= date)
            .map(|p| Figure {
                date: p.date,
                value: p.cumulative,
                source_url: None,
            }),
        Metric::CiviliansKilled | Metric::CiviliansInjured | Metric::CivilianCasualtiesTotal => dataset
            .casualties
            .points
            .iter()
            .rev()
            .filter(|p| p.date <= date)
            .find_map(|p| {
                let value = match metric {
                    Metric::CiviliansKilled => p.killed,
                    Metric::CiviliansInjured => p.injured,
                    _ => p.total,
                };
                value.map(|value| Figure {
                    date: p.date,
                    value,
                    source_url: Some(p.source_url.clone()),
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
            }),
    }
}

/// The unit a rounded figure is given in: 10 to the power of its trailing zeros
/// (4,000,000 -> 1,000,000; 6,480,000 -> 10,000; 352 -> 1).
pub fn rounding_unit(value: u64) -> u64 {
    let mut unit = 1;
    while value != 0 && value.is_multiple_of(unit * 10) {
        unit *= 10;
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
        Qualifier::About => data.abs_diff(claimed) * 2 <= rounding_unit(claimed),
        Qualifier::Exactly => data == claimed,
    }
}

pub fn compare(dataset: &Dataset, claim: &Claim) -> Comparison {
    let figure = figure_on_or_before(dataset, claim.metric, claim.date);
    let difference = figure.as_ref().map(|f| f.value as i64 - claim.value as i64);
    Comparison {
        percent: difference
            .filter(|_| claim.value > 0)
            .map(|d| 100.0 * d as f64 / claim.value as f64),
        holds: figure
            .as_ref()
            .map(|f| qualifier_holds(claim.qualifier, claim.value, f.value)),
        difference,
        figure,
    }
}

/// The same day in two vintages of UNHCR's total.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    pub date: Date,
    pub current: u64,
    pub earlier: u64,
    /// Current minus earlier.
    pub difference: i64,
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
            let difference = c.cumulative as i64 - e.cumulative as i64;
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
