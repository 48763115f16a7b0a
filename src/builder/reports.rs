//! Figures published in reports: OHCHR's civilian casualty reports and IOM's survey rounds of
//! internally displaced people (a TOTAL row and regional rows per round).

use super::anomalies;
use super::reader::{Problems, Row, Table};
use super::refugees::no_duplicate_dates;
use super::register::Register;
use super::Input;
use crate::data::date::Date;
use crate::data::model::{Casualties, CasualtyPoint, IdpRegion, IdpRound, Idps};
use std::collections::{BTreeMap, BTreeSet};

pub(super) const CASUALTIES: Input = Input {
    file: "civilian_casualties.csv",
    columns: &[
        "date",
        "war_day",
        "killed",
        "injured",
        "total",
        "date_basis",
        "published",
        "source_type",
        "source_url",
        "note",
    ],
};

pub(super) const IDPS: Input = Input {
    file: "idps.csv",
    columns: &[
        "date",
        "war_day",
        "round",
        "survey_period",
        "region",
        "idps_current_location",
        "idps_by_region_of_origin",
        "value_basis",
        "publisher",
        "source_url",
        "repo_source_path",
        "note",
    ],
};

pub(super) fn read_casualties(t: &Table, reg: &Register, p: &mut Problems) -> Option<Casualties> {
    let source = reg.file_source(t, p);
    let mut seen = BTreeSet::new();
    let mut points = Vec::new();
    for row in t.rows() {
        let dated = row.dated("date", p);
        let killed = row.opt_count("killed", p);
        let injured = row.opt_count("injured", p);
        let total = row.opt_count("total", p);
        let published = row.opt_date("published", p);
        let basis = row.text("date_basis", p);
        if let Some(b) = &basis {
            if b != "cutoff_24h" && b != "report_date" {
                row.report(
                    p,
                    "date_basis",
                    format!("unknown basis \"{b}\" (expected cutoff_24h or report_date)"),
                );
            }
        }
        let source_type = row.text("source_type", p);
        let url = row.link("source_url", p);
        if let (Some(k), Some(i), Some(tot)) = (killed, injured, total) {
            if k + i != tot {
                row.report(p, "total", format!("{tot} is not killed {k} + injured {i}"));
            }
        }
        if killed.is_none() && injured.is_none() && total.is_none() {
            row.report(
                p,
                "total",
                "row has no figure (killed, injured and total are all empty)".into(),
            );
        }
        let (Some((date, war_day)), Some(date_basis), Some(source_type), Some(source_url)) =
            (dated, basis, source_type, url)
        else {
            continue;
        };
        if !no_duplicate_dates(&row, &mut seen, "casualties", date, p) {
            continue;
        }
        points.push(CasualtyPoint {
            date,
            war_day,
            killed,
            injured,
            total,
            date_basis,
            published,
            source_type,
            source_url,
            note: row.opt_text("note"),
        });
    }
    points.sort_by_key(|x| x.date);
    let caveats = anomalies::casualties(&points);
    Some(Casualties {
        source: source?,
        caveats,
        points,
    })
}

/// One row of an IOM round, read and checked: its TOTAL or one region.
struct IdpRow {
    date: Date,
    war_day: i64,
    round: u32,
    region: String,
    current: u64,
    origin: Option<u64>,
    source: String,
    basis: String,
    period: String,
}

fn idp_row(row: &Row<'_>, reg: &Register, total_rows: &mut BTreeSet<u32>, p: &mut Problems) -> Option<IdpRow> {
    let dated = row.dated("date", p);
    let round = row.whole_in::<u32>("round", 1..=u64::from(u32::MAX), p);
    let region = row.text("region", p);
    if let (Some(r), Some("TOTAL")) = (round, region.as_deref()) {
        total_rows.insert(r);
    }
    let current = row.count("idps_current_location", p);
    let origin = row.opt_count("idps_by_region_of_origin", p);
    let publisher = row.text("publisher", p);
    let source = publisher
        .as_deref()
        .and_then(|k| reg.resolve(row, "publisher", Some(k), p));
    let basis = row.text("value_basis", p);
    let period = row.text("survey_period", p);
    let (date, war_day) = dated?;
    Some(IdpRow {
        date,
        war_day,
        round: round?,
        region: region?,
        current: current?,
        origin,
        source: source?,
        basis: basis?,
        period: period?,
    })
}

/// IOM's rounds: each TOTAL row is a round, the other rows are its regions (same date).
pub(super) fn read_idps(t: &Table, reg: &Register, p: &mut Problems) -> Idps {
    let mut rounds: BTreeMap<u32, IdpRound> = BTreeMap::new();
    let mut regions: Vec<(u64, u32, IdpRegion, Date)> = Vec::new();
    let mut seen = BTreeSet::new();
    // Rounds that have a TOTAL row, valid or not (so a bad TOTAL row is reported once).
    let mut total_rows = BTreeSet::new();
    for row in t.rows() {
        let Some(r) = idp_row(&row, reg, &mut total_rows, p) else {
            continue;
        };
        if !seen.insert((r.round, r.region.clone())) {
            row.report(
                p,
                "region",
                format!("duplicate region \"{}\" in round {}", r.region, r.round),
            );
            continue;
        }
        if r.region != "TOTAL" {
            let entry = IdpRegion {
                region: r.region,
                current_location: r.current,
                by_region_of_origin: r.origin,
                source: r.source,
                source_url: row.opt_link("source_url", p),
                note: row.opt_text("note"),
            };
            regions.push((row.line, r.round, entry, r.date));
            continue;
        }
        if rounds.values().any(|round| round.date == r.date) {
            row.report(p, "date", format!("duplicate date {} in series idps", r.date));
            continue;
        }
        let round = IdpRound {
            round: r.round,
            date: r.date,
            war_day: r.war_day,
            survey_period: r.period,
            total: r.current,
            value_basis: r.basis,
            source: r.source,
            source_url: row.opt_link("source_url", p),
            repo_source_path: row.opt_text("repo_source_path"),
            note: row.opt_text("note"),
            regions: Vec::new(),
        };
        rounds.insert(r.round, round);
    }
    attach_regions(t, &mut rounds, regions, &total_rows, p);
    let rounds: Vec<IdpRound> = rounds.into_values().collect();
    let caveats = anomalies::idps(&rounds);
    Idps { caveats, rounds }
}

/// Puts each region in its round, reporting regions whose round has no TOTAL row or another date.
fn attach_regions(
    t: &Table,
    rounds: &mut BTreeMap<u32, IdpRound>,
    regions: Vec<(u64, u32, IdpRegion, Date)>,
    total_rows: &BTreeSet<u32>,
    p: &mut Problems,
) {
    for (line, round, region, date) in regions {
        match rounds.get_mut(&round) {
            Some(r) if r.date == date => r.regions.push(region),
            Some(r) => p.at(
                &t.file,
                line,
                Some("date"),
                format!("{date} differs from round {round}'s TOTAL date {}", r.date),
            ),
            None if total_rows.contains(&round) => {}
            None => p.at(&t.file, line, Some("round"), format!("round {round} has no TOTAL row")),
        }
    }
}
