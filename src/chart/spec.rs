//! What a chart shows, with no pixels: the contract between the transforms that build it and the
//! painter that draws it (and the tooltips, exports and tests that read it).

use crate::data::Precision;

// Which chart is the reader's choice (state); what it shows is here.
pub use crate::state::ChartId;

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Line,
    /// A dashed line: a series that is not part of the totals.
    DashedLine,
    Bars,
    /// A bar across the whole month that ends on the point's day (a monthly flow).
    MonthBars,
    /// Markers at report dates only, no line between them.
    Markers,
    /// A stroke across the month that ends on the point's day, at its value: a figure known
    /// only to the month.
    MonthSpans,
}

impl Mark {
    /// Whether the series is a line (named at its end) rather than marks (named in the key).
    pub fn is_line(self) -> bool {
        matches!(self, Mark::Line | Mark::DashedLine)
    }
}

/// A series' colour by role; the theme gives the actual colour when it is drawn (so the same
/// spec draws in light and dark, on screen, in a PNG and in SVG).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesColor {
    /// The text colour: totals and the headline series.
    Ink,
    /// The n-th colour of the categorical palette (wrapping).
    Palette(usize),
}

impl SeriesColor {
    /// The glyph that goes with the colour, if any (the second channel of close colours).
    pub fn glyph(self) -> Option<super::theme::Glyph> {
        match self {
            SeriesColor::Ink => None,
            SeriesColor::Palette(i) => super::theme::GLYPHS[i % super::theme::PALETTE_SIZE],
        }
    }

    /// The stylesheet's custom property of this colour, for swatches in HTML.
    pub fn css_var(self) -> String {
        match self {
            SeriesColor::Ink => "var(--ink)".into(),
            SeriesColor::Palette(i) => format!("var(--series-{})", i % super::theme::PALETTE_SIZE),
        }
    }
}

/// Where a figure comes from: a label (publisher and document, or outlet) and a link if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRef {
    pub label: String,
    pub url: Option<String>,
    /// The dataset's source records behind it (empty for a single page).
    pub ids: Vec<String>,
}

/// One figure of a series on one war day.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub day: i64,
    pub value: f64,
    /// What the value is computed from, when it is not the published figure itself
    /// (e.g. "2,144,244 of 3,401,677").
    pub detail: Option<String>,
    /// The point's own source, where it differs from the series' (casualty reports, IDP rounds).
    pub source: Option<SourceRef>,
    /// How exact the published figure is: a lower bound is drawn as one (never on a line),
    /// a rounded figure hollow.
    pub precision: Precision,
}

impl Point {
    /// A published figure, exact, with nothing more to say about it.
    pub fn plain(day: i64, value: f64) -> Point {
        Point {
            day,
            value,
            detail: None,
            source: None,
            precision: Precision::Exact,
        }
    }
}

/// Consecutive points of a line further apart than this are not joined: a line between
/// them would suggest figures in between (reports of 31 days apart still join: monthly data).
pub const JOIN_DAYS: i64 = 45;

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesSpec {
    /// Stable id (the dataset's series id, or the chart's own).
    pub id: String,
    /// What the series is, in full (CSV exports, the chart's description).
    pub label: String,
    /// A short name, for the label at the line's end and the tooltip's rows.
    pub name: String,
    pub color: SeriesColor,
    pub mark: Mark,
    pub source: SourceRef,
    /// In date order, inside the chart's x range.
    pub points: Vec<Point>,
    /// A line joins two consecutive points only if they are at most this many days apart
    /// (`JOIN_DAYS`, or `i64::MAX` for a daily series joined across days without a report).
    pub max_gap: i64,
    /// A glyph of its own, whatever its colour's (UNHCR's year-end statistics: crosses, the
    /// other definition beside the same place's other figures).
    pub glyph: Option<super::theme::Glyph>,
    /// Whether the key above the plot names it (a series that is not a line). A country's
    /// extra marks, in the colour of its line, are named by the chart's `mark_key` instead.
    pub keyed: bool,
}

/// An entry of a chart's key that names a kind of mark rather than a series: drawn in the text
/// colour, for marks that several series draw in their own colours.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkKey {
    pub text: String,
    pub mark: Mark,
    pub glyph: Option<super::theme::Glyph>,
}

impl SeriesSpec {
    /// The series' figure on exactly this day, if it has one (never interpolated).
    pub fn at(&self, day: i64) -> Option<&Point> {
        self.points
            .binary_search_by_key(&day, |p| p.day)
            .ok()
            .map(|i| &self.points[i])
    }

    /// Whether the series speaks of `day`: it has a figure that day, or the day lies between
    /// its first and last figures (a day without a report). Before it begins or after it ends,
    /// a series says nothing of a day.
    pub fn covers(&self, day: i64) -> bool {
        self.at(day).is_some()
            || self.points.first().is_some_and(|p| p.day <= day) && self.points.last().is_some_and(|p| p.day >= day)
    }

    /// The glyph drawn along the series and for its marks, if any.
    pub fn glyph(&self) -> Option<super::theme::Glyph> {
        self.glyph.or(self.color.glyph())
    }

    /// The precision all its points share, if they share one (the key draws it so).
    pub fn precision(&self) -> Option<Precision> {
        let first = self.points.first()?.precision;
        self.points.iter().all(|p| p.precision == first).then_some(first)
    }

    pub fn xy(&self) -> Vec<(i64, f64)> {
        self.points.iter().map(|p| (p.day, p.value)).collect()
    }

    /// For a day without a report inside the series' period: the reports before and after it,
    /// and how the drawing crosses the day between them.
    pub fn gap_around(&self, day: i64) -> Option<(i64, i64, Crossing)> {
        if self.at(day).is_some() {
            return None;
        }
        let after = self.points.partition_point(|p| p.day < day);
        let (before, next) = (self.points.get(after.checked_sub(1)?)?, self.points.get(after)?);
        let crossing = if !self.mark.is_line() {
            Crossing::Marks
        } else if before.precision == Precision::AtLeast || next.precision == Precision::AtLeast {
            Crossing::LowerBound
        } else if self
            .runs()
            .iter()
            .any(|r| r.contains(&(after - 1)) && r.contains(&after))
        {
            Crossing::Joined
        } else {
            Crossing::TooFar
        };
        Some((before.day, next.day, crossing))
    }

    /// The runs of points a line joins, as index ranges: consecutive points that are not lower
    /// bounds, at most `max_gap` days apart. A lower bound is never on a line.
    pub fn runs(&self) -> Vec<std::ops::Range<usize>> {
        let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, p) in self.points.iter().enumerate() {
            if p.precision == Precision::AtLeast {
                continue;
            }
            match runs.last_mut() {
                Some(run) if run.end == i && p.day.saturating_sub(self.points[i - 1].day) <= self.max_gap => {
                    run.end = i + 1;
                }
                _ => runs.push(i..i + 1),
            }
        }
        runs
    }
}

/// How a series' drawing crosses a day without a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crossing {
    /// A line joins the reports on either side.
    Joined,
    /// No line: the reports are further apart than the series' line joins.
    TooFar,
    /// No line: a report on either side is a lower bound, which is never on a line.
    LowerBound,
    /// The series is drawn as marks, never joined.
    Marks,
}

/// A day where the measure of a chart's figures changed: drawn as a vertical rule, named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seam {
    pub day: i64,
    /// A short name, drawn beside the rule.
    pub label: String,
    /// What changed, in full (notes, tooltips).
    pub text: String,
}

/// An event on the time axis, with its source page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMark {
    pub day: i64,
    pub title: String,
    pub source_url: String,
}

/// What a note pinned to a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureNote {
    /// A figure stated that day by officials or the press (drawn as a hollow diamond).
    Claim,
    /// A caveat about that day's figure (drawn as a ring).
    Caveat,
}

/// A note pinned to a figure of a chart; its words go in the tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureMark {
    pub day: i64,
    pub value: f64,
    pub note: FigureNote,
    /// Everything said about the figure.
    pub text: String,
    /// The same in one short line, for tooltips.
    pub short: String,
}

/// A source record as a chart names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartSource {
    pub id: String,
    pub publisher: String,
    /// E.g. "border crossings (not unique people)".
    pub unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub id: ChartId,
    /// The language of the chart's words (its title, axes, notes, tooltip and summary).
    pub lang: crate::i18n::Lang,
    pub title: String,
    /// The unit, shown on the y axis and in tooltips.
    pub y_label: String,
    /// Decimal places of the values (0 for counts).
    pub decimals: u8,
    /// Whether the values are rates or shares of the counts (per 1,000 residents, % of a total)
    /// rather than the counts themselves.
    pub rate: bool,
    /// War days shown, inclusive (the same for every chart of a view).
    pub x_range: (i64, i64),
    /// Lower end of the value axis (0, or the smallest positive value on a log scale).
    pub y_min: f64,
    pub y_max: f64,
    pub log_scale: bool,
    pub series: Vec<SeriesSpec>,
    /// What the view leaves out or changes, in words (e.g. series without daily figures).
    pub notes: Vec<String>,
    /// Quote markers on the time axis: (war day, speakers).
    pub quote_days: Vec<(i64, String)>,
    /// Events in the chart's range.
    pub events: Vec<EventMark>,
    /// Claims and caveats pinned to figures.
    pub marks: Vec<FigureMark>,
    /// Days where the measure changed (UNHCR's new headline of 9 June 2022).
    pub seams: Vec<Seam>,
    /// Kinds of marks named in the key, after the series it names.
    pub mark_key: Vec<MarkKey>,
    /// Up to which date each of the chart's series has figures, in one line ("Figures to …").
    pub coverage: String,
    /// Where the publisher gives later figures than the dataset's: its name and page.
    pub later_figures: Option<(String, String)>,
    /// "Source: ..." line drawn under the chart.
    pub source_line: String,
    /// The source records behind the figures shown, for links and unit badges.
    pub sources: Vec<ChartSource>,
}

impl ChartSpec {
    /// The dataset source records behind the figures this chart shows, without repeats.
    pub fn source_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for id in self
            .series
            .iter()
            .filter(|s| !s.points.is_empty())
            .flat_map(|s| s.source.ids.iter())
        {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        ids
    }

    /// What the marks drawn on the chart mean, for the notes under it.
    pub fn mark_notes(&self) -> Vec<&'static str> {
        let lang = self.lang;
        let has = |note: FigureNote| self.marks.iter().any(|m| m.note == note);
        let mut notes = Vec::new();
        match (self.quote_days.is_empty(), self.events.is_empty()) {
            (false, false) => notes.push(tr!(lang, StrokesQuotesAndEvents)),
            (false, true) => notes.push(tr!(lang, StrokesQuotes)),
            (true, false) => notes.push(tr!(lang, StrokesEvents)),
            (true, true) => {}
        }
        if has(FigureNote::Claim) {
            notes.push(tr!(lang, ClaimMarkNote));
        }
        if has(FigureNote::Caveat) {
            notes.push(tr!(lang, CaveatMarkNote));
        }
        notes
    }

    /// The series whose figure on `day` is drawn nearest to the pixel row `y` (`y_of` maps a
    /// value to its row): the series the pointer is on.
    pub fn nearest_series(&self, day: i64, y: f64, y_of: impl Fn(f64) -> i32) -> Option<usize> {
        self.series
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.at(day).map(|p| (i, (f64::from(y_of(p.value)) - y).abs())))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }

    /// The publishers of the chart's sources, each once, with the id of their first source
    /// record (their entries in Sources and method follow one another).
    pub fn publishers(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = Vec::new();
        for s in &self.sources {
            if !out.iter().any(|(p, _)| *p == s.publisher) {
                out.push((&s.publisher, &s.id));
            }
        }
        out
    }

    /// The units of the chart's sources, each once, in the order of the sources.
    pub fn units(&self) -> Vec<&str> {
        let mut units: Vec<&str> = Vec::new();
        for unit in self.sources.iter().filter_map(|s| s.unit.as_deref()) {
            if !units.contains(&unit) {
                units.push(unit);
            }
        }
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_ids_keep_their_url_spellings() {
        let spelled: Vec<&str> = ChartId::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            spelled,
            [
                "refugees",
                "recorded",
                "recorded-countries",
                "casualties",
                "idps",
                "protection",
                "refugees-daily"
            ]
        );
        assert!(ChartId::Refugees.has_log_scale() && !ChartId::Idps.has_log_scale());
    }

    #[test]
    fn units_are_listed_once_even_when_not_neighbours() {
        let source = |id: &str, unit: Option<&str>| ChartSource {
            id: id.into(),
            publisher: id.into(),
            unit: unit.map(Into::into),
        };
        let spec = ChartSpec {
            id: ChartId::Refugees,
            lang: Default::default(),
            title: String::new(),
            y_label: String::new(),
            decimals: 0,
            rate: false,
            x_range: (1, 2),
            y_min: 0.0,
            y_max: 1.0,
            log_scale: false,
            series: Vec::new(),
            notes: Vec::new(),
            quote_days: Vec::new(),
            events: Vec::new(),
            marks: Vec::new(),
            seams: Vec::new(),
            mark_key: Vec::new(),
            coverage: String::new(),
            later_figures: None,
            source_line: String::new(),
            sources: vec![
                source("a", Some("border crossings")),
                source("b", Some("residents")),
                source("c", Some("border crossings")),
                source("d", None),
            ],
        };
        assert_eq!(spec.units(), ["border crossings", "residents"]);
    }
}
