//! Figures published in reports: OHCHR's civilian casualty reports and IOM's survey rounds of
//! internally displaced people (a TOTAL row and regional rows per round).

use super::figures::{Collector, RowFigure, SeriesHead};
use super::reader::{Problems, Row, Table};
use super::refugees::no_duplicate_dates;
use super::register::Register;
use super::statements::spelled;
use super::Input;
use crate::data::date::Date;
use crate::data::model::{CasualtyPoint, IdpRegion, IdpRound, MeasureKind, Precision, Scope};
use std::collections::{BTreeMap, BTreeSet};

const CASUALTY_COLUMNS: &[&str] = &[
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
];

pub(super) const CASUALTIES: Input = Input {
    file: "civilian_casualties.csv",
    columns: CASUALTY_COLUMNS,
};

/// OHCHR's later reports, in the same columns.
pub(super) const LATER_CASUALTIES: Input = Input {
    file: "whole-war/civilian_casualties.csv",
    columns: CASUALTY_COLUMNS,
};

/// Later displacement figures: IOM's rounds and estimates, and other publishers' figures.
pub(super) const LATER_IDPS: Input = Input {
    file: "whole-war/idps.csv",
    columns: &[
        "date",
        "war_day",
        "round",
        "survey_period",
        "idps",
        "precision",
        "source",
        "source_detail",
    ],
};

/// The project's notes of figures that are not exact where the file has no precision column:
/// each names the row (file and date), the column, its precision, and the words of the row's
/// note that say so ("at least 10,000"), which the builder finds there.
pub(super) const PRECISION: Input = Input {
    file: "precision.csv",
    columns: &["file", "date", "column", "precision", "evidence"],
};

pub const PRECISION_CSV: &str = include_str!("precision.csv");

/// One note of `precision.csv`.
pub(super) struct PrecisionNote {
    line: u64,
    file: String,
    date: Date,
    column: String,
    precision: Precision,
    evidence: String,
}

pub(super) fn read_precision_notes(t: &Table, p: &mut Problems) -> Vec<PrecisionNote> {
    let mut notes = Vec::new();
    for row in t.rows() {
        let file = row.text("file", p);
        let date = row.date("date", p);
        let column = row.text("column", p).filter(|c| {
            let known = c == "killed" || c == "injured";
            if !known {
                row.report(
                    p,
                    "column",
                    format!("\"{c}\" is not a figure's column (killed or injured)"),
                );
            }
            known
        });
        let precision = spelled(&row, "precision", Precision::parse, Precision::spellings, p);
        let evidence = row.text("evidence", p);
        if let (Some(file), Some(date), Some(column), Some(precision), Some(evidence)) =
            (file, date, column, precision, evidence)
        {
            notes.push(PrecisionNote {
                line: row.line,
                file,
                date,
                column,
                precision,
                evidence,
            });
        }
    }
    notes
}

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

/// OHCHR's reports of one file, each figure with its precision from `notes`; `seen` holds the
/// dates of reports already read (from another file), which must not come again.
pub(super) fn read_casualties(
    t: &Table,
    notes: &[PrecisionNote],
    seen: &mut BTreeSet<(String, Date)>,
    p: &mut Problems,
) -> Vec<CasualtyPoint> {
    let mut points = Vec::new();
    let mut used = vec![false; notes.len()];
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
        if !no_duplicate_dates(&row, seen, "casualties", date, p) {
            continue;
        }
        let mut precision = |column: &str| {
            let mut found = Precision::Exact;
            for (i, n) in notes.iter().enumerate() {
                if n.file == t.file && n.date == date && n.column == column {
                    used[i] = true;
                    if row.opt_text("note").is_some_and(|note| note.contains(&n.evidence)) {
                        found = n.precision;
                    } else {
                        let message = format!("\"{}\" is not in the note of {}:{}", n.evidence, t.file, row.line);
                        p.at(PRECISION.file, n.line, Some("evidence"), message);
                    }
                }
            }
            found
        };
        let killed_precision = precision("killed");
        let injured_precision = precision("injured");
        points.push(CasualtyPoint {
            date,
            war_day,
            killed,
            injured,
            total,
            killed_precision,
            injured_precision,
            date_basis,
            published,
            source_type,
            source_url,
            note: row.opt_text("note"),
        });
    }
    for (n, used) in notes.iter().zip(used) {
        if n.file == t.file && !used {
            let message = format!("no row of {} is dated {}", n.file, n.date);
            p.at(PRECISION.file, n.line, Some("date"), message);
        }
    }
    points
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
pub(super) fn read_idps(t: &Table, reg: &Register, p: &mut Problems) -> Vec<IdpRound> {
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
            round: Some(r.round),
            date: r.date,
            war_day: r.war_day,
            survey_period: r.period,
            total: r.current,
            precision: if r.basis == "rounded_in_source" {
                Precision::Rounded
            } else {
                Precision::Exact
            },
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
    rounds.into_values().collect()
}

/// The later file's figures: IOM's (a round, or an estimate quoted without one) join IOM's
/// rounds, a round already read from the first months' file only if it repeats it exactly;
/// other publishers' figures (UNHCR's year-end statistics and statements, USA for UNHCR) are
/// series of their own. The register keys each row by the words before ` | ` in `source`; the
/// page is the first word after it.
pub(super) fn read_later_idps(
    t: &Table,
    reg: &Register,
    rounds: &mut Vec<IdpRound>,
    c: &mut Collector,
    p: &mut Problems,
) {
    let iom = reg.find(&t.file, Some("IOM DTM")).map(|s| s.id.clone());
    for row in t.rows() {
        let dated = row.dated("date", p);
        let round = row
            .opt_text("round")
            .and_then(|_| row.whole_in::<u32>("round", 1..=u64::from(u32::MAX), p));
        let value = row.count("idps", p);
        let precision = spelled(&row, "precision", Precision::parse, Precision::spellings, p);
        let period = row.text("survey_period", p);
        let source = row.text("source", p);
        let (what, page) = match source.as_deref().map(|s| s.split_once(" | ")) {
            Some(Some((what, page))) => (Some(what.to_string()), Some(page)),
            Some(None) => {
                row.report(p, "source", "expected \"what it is | its page\"".into());
                (None, None)
            }
            None => (None, None),
        };
        let page = page.and_then(|d| super::figures::doc(&row, "source", d, p));
        let registered = what
            .as_deref()
            .and_then(|w| super::figures::registered(&row, reg, "source", w, p));
        let (Some((date, war_day)), Some(value), Some(precision), Some(period), Some((source_id, title))) =
            (dated, value, precision, period, registered)
        else {
            continue;
        };
        if Some(&source_id) != iom.as_ref() {
            let head = SeriesHead {
                id: source_id.clone(),
                measure: MeasureKind::InternallyDisplaced,
                scope: Scope::Ukraine,
                country: None,
                source: source_id,
                label: title,
                monthly: false,
            };
            c.add(
                head,
                RowFigure {
                    date,
                    value,
                    precision,
                    doc: page,
                },
            );
            continue;
        }
        if let Some((n, same)) = round.and_then(|n| Some((n, rounds.iter().find(|r| r.round == Some(n))?))) {
            if same.date != date || same.total != value {
                let message = format!(
                    "round {n} is also in {} with {} on {}",
                    IDPS.file, same.total, same.date
                );
                row.report(p, "round", message);
            }
            continue;
        }
        if rounds.iter().any(|r| r.date == date) {
            row.report(p, "date", format!("duplicate date {date} in series idps"));
            continue;
        }
        rounds.push(IdpRound {
            round,
            date,
            war_day,
            survey_period: period,
            total: value,
            precision,
            value_basis: match precision {
                Precision::Exact => "as_in_source",
                Precision::Rounded => "rounded_in_source",
                Precision::AtLeast => "lower_bound_in_source",
            }
            .into(),
            source: source_id,
            source_url: page,
            repo_source_path: None,
            note: row.opt_text("source_detail"),
            regions: Vec::new(),
        });
    }
    rounds.sort_by_key(|r| r.date);
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
