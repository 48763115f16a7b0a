//! Real anomalies in the published figures, found in the data and carried as caveats:
//! never rejected, never smoothed.

use crate::data::model::{CasualtyPoint, Caveat, IdpRound, RefugeePoint};
use crate::data::text::count as group;
use crate::data::Date;

/// A cumulative series that falls, stays flat, or whose daily figure is not the difference.
pub fn cumulative(points: &[RefugeePoint]) -> Vec<Caveat> {
    let mut caveats = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if b.cumulative < a.cumulative {
            caveats.push(Caveat {
                date: Some(b.date),
                text: format!(
                    "The cumulative figure falls from {} ({}) to {} ({}); kept as published.",
                    group(a.cumulative),
                    a.date.human(),
                    group(b.cumulative),
                    b.date.human()
                ),
            });
        } else if b.cumulative == a.cumulative {
            caveats.push(Caveat {
                date: Some(b.date),
                text: format!(
                    "The cumulative figure is unchanged from {} to {} ({}).",
                    a.date.human(),
                    b.date.human(),
                    group(b.cumulative)
                ),
            });
        }
        let Some(daily) = b.daily else { continue };
        let difference = b.cumulative.checked_sub(a.cumulative);
        let not_the_difference = format!(
            "is not the difference of the cumulative figures ({} to {})",
            group(a.cumulative),
            group(b.cumulative)
        );
        let span = b.war_day - a.war_day;
        if span > 1 {
            caveats.push(Caveat {
                date: Some(b.date),
                text: gap(
                    a,
                    b,
                    daily,
                    span,
                    (difference != Some(daily)).then_some(&not_the_difference),
                ),
            });
        } else if difference != Some(daily) {
            caveats.push(Caveat {
                date: Some(b.date),
                text: format!("The daily figure {} {not_the_difference}.", group(daily)),
            });
        }
    }
    caveats
}

/// A daily figure reported after days without a report: it covers them all (the source gives
/// no split, so none is made).
fn gap(a: &RefugeePoint, b: &RefugeePoint, daily: u64, span: i64, mismatch: Option<&String>) -> String {
    let first_missing = Date::from_war_day(a.war_day + 1).map_or_else(String::new, Date::human);
    let missing = if span == 2 {
        first_missing
    } else {
        let last_missing = Date::from_war_day(b.war_day - 1).map_or_else(String::new, Date::human);
        format!("{first_missing} to {last_missing}")
    };
    let also = mismatch.map_or_else(String::new, |m| format!(", and {m}"));
    format!(
        "No report for {missing}: the daily figure of {}, {}, covers the {span} days since {}{also}; kept as published, not split.",
        b.date.human(),
        group(daily),
        a.date.human(),
    )
}

/// Cumulative killed or total that fall between two reports.
pub fn casualties(points: &[CasualtyPoint]) -> Vec<Caveat> {
    let mut caveats = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        for (what, x, y) in [("killed", a.killed, b.killed), ("total", a.total, b.total)] {
            if let (Some(x), Some(y)) = (x, y) {
                if y < x {
                    caveats.push(Caveat {
                        date: Some(b.date),
                        text: format!(
                            "The cumulative {what} figure falls from {} ({}) to {} ({}); kept as published.",
                            group(x),
                            a.date.human(),
                            group(y),
                            b.date.human()
                        ),
                    });
                }
            }
        }
    }
    caveats
}

/// Totals that are derived or rounded, and regions that repeat another region's figure.
pub fn idps(rounds: &[IdpRound]) -> Vec<Caveat> {
    let mut caveats = Vec::new();
    for r in rounds {
        let basis = match r.value_basis.as_str() {
            "derived_sum_of_macro_regions" => Some("is the sum of the macro-region figures, not a published headline"),
            "rounded_in_source" => Some("is a rounded figure from the source"),
            _ => None,
        };
        let round = r.round.map(|n| format!("Round {n}"));
        if let Some(basis) = basis {
            let total = round
                .as_ref()
                .map_or_else(|| "IOM's estimate".to_string(), |r| format!("{r} total"));
            caveats.push(Caveat {
                date: Some(r.date),
                text: format!("{total} ({}) {basis}.", group(r.total)),
            });
        }
        // Regions come only with a numbered round.
        let Some(round) = round else { continue };
        for (i, a) in r.regions.iter().enumerate() {
            for b in &r.regions[i + 1..] {
                if a.current_location == b.current_location {
                    caveats.push(Caveat {
                        date: Some(r.date),
                        text: format!(
                            "{round}: {} and {} show exactly the same figure ({}) in the source; kept as is.",
                            a.region,
                            b.region,
                            group(a.current_location)
                        ),
                    });
                }
            }
        }
    }
    caveats
}
