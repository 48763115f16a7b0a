//! Real anomalies in the published figures, found in the data and carried as caveats:
//! never rejected, never smoothed.

use crate::data::group_digits;
use crate::data::model::{CasualtyPoint, Caveat, IdpRound, RefugeePoint};

fn group(n: u64) -> String {
    group_digits(n as f64)
}

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
        let consecutive = b.war_day == a.war_day + 1;
        if let (true, Some(daily)) = (consecutive, b.daily) {
            if b.cumulative.checked_sub(a.cumulative) != Some(daily) {
                caveats.push(Caveat {
                    date: Some(b.date),
                    text: format!(
                        "The daily figure {} is not the difference of the cumulative figures ({} to {}).",
                        group(daily),
                        group(a.cumulative),
                        group(b.cumulative)
                    ),
                });
            }
        }
    }
    caveats
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
        if let Some(basis) = basis {
            caveats.push(Caveat {
                date: Some(r.date),
                text: format!("Round {} total ({}) {basis}.", r.round, group(r.total)),
            });
        }
        for (i, a) in r.regions.iter().enumerate() {
            for b in &r.regions[i + 1..] {
                if a.current_location == b.current_location {
                    caveats.push(Caveat {
                        date: Some(r.date),
                        text: format!(
                            "Round {}: {} and {} show exactly the same figure ({}) in the source; kept as is.",
                            r.round,
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
