//! The view state: what the charts show (`ChartOptions`), where the reader is (`Cursor`), and
//! one pure reducer. Its URL form is in `url`. No timers, storage or DOM here.
//!
//! The hovered day is not view state: it is never in the URL, and the page keeps it apart so
//! that a hover re-renders only what follows it (the crosshairs, the tooltip, the quote panel).

mod charts;
mod url;

pub use charts::ChartId;
pub use url::{from_query, to_query, Notice};

use crate::i18n::Lang;

spelled_enum! {
    /// Cumulative totals or daily figures.
    #[derive(Default)]
    pub enum Mode {
        #[default]
        Cumulative => "cumulative",
        Daily => "daily",
    }
}

spelled_enum! {
    /// The value axis of the country comparison.
    #[derive(Default)]
    pub enum Scale {
        #[default]
        Linear => "linear",
        Log => "log",
    }
}

spelled_enum! {
    /// What the refugee figures are measured in.
    #[derive(Default)]
    pub enum Measure {
        #[default]
        Absolute => "absolute",
        /// Per 1,000 residents of the receiving country.
        PerThousand => "per1000",
        /// Each country as a percentage of UNHCR's all-country total that day.
        Share => "share",
    }
}

/// What the charts show. The charts are computed from this value alone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChartOptions {
    /// Zoomed range of war days, inclusive: never empty, never every day (that is `None`).
    pub range: Option<(i64, i64)>,
    /// The refugee series (receiving countries) shown, in the dataset's order; none: those
    /// shown unless the reader chooses (`Bounds::series_default`).
    pub countries: Option<Vec<String>>,
    pub mode: Mode,
    pub scale: Scale,
    pub measure: Measure,
    /// Whether UNHCR's earlier vintage of its total is drawn over the current one.
    pub earlier_vintage: bool,
    /// The receiving countries (ISO codes, in the bounds' order) whose refugees recorded are
    /// charted; none: the countries with the most (`Bounds::recorded_default`).
    pub recorded: Option<Vec<String>>,
    /// The language of every word the charts and the page say.
    pub lang: Lang,
}

impl ChartOptions {
    /// The range shown: the zoom, or everything.
    pub fn visible(&self, bounds: &Bounds) -> (i64, i64) {
        self.range.unwrap_or((bounds.first_day, bounds.last_day))
    }

    /// Whether a refugee series is shown; `default` is the view's default (`Bounds::series_default`).
    pub fn is_shown(&self, series: &str, default: &[String]) -> bool {
        self.countries.as_deref().unwrap_or(default).iter().any(|s| s == series)
    }

    /// The countries whose refugees recorded are charted.
    pub fn recorded_countries<'a>(&'a self, bounds: &'a Bounds) -> &'a [String] {
        self.recorded.as_deref().unwrap_or(&bounds.recorded_default)
    }
}

/// Where the reader is: the selected day, and whether the timeline plays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: Option<i64>,
    /// Transient: never in the URL.
    pub playing: bool,
}

/// Everything a reader chose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub options: ChartOptions,
    pub cursor: Cursor,
    /// `?embed=<chart>`: the page shows only that chart, for an iframe.
    pub embed: Option<ChartId>,
}

impl ViewState {
    /// The view as its link gives it: not playing, not embedded.
    pub fn as_linked(&self) -> ViewState {
        ViewState {
            options: self.options.clone(),
            cursor: Cursor {
                selected: self.cursor.selected,
                ..Cursor::default()
            },
            embed: None,
        }
    }
}

/// The country chart's choices in one line, for the fold that holds them under that chart:
/// "All countries · cumulative · linear". `names` gives a refugee series' name.
pub fn choices_summary(state: &ViewState, bounds: &Bounds, names: impl Fn(&str) -> String) -> String {
    let o = &state.options;
    let lang = o.lang;
    let shown: Vec<&String> = bounds
        .series
        .iter()
        .filter(|s| o.is_shown(s, &bounds.series_default))
        .collect();
    let countries = match shown.len() {
        0 => tr!(lang, SummaryNoCountries).to_string(),
        n if n == bounds.series.len() => tr!(lang, SummaryAllCountries).to_string(),
        1 | 2 => shown.iter().map(|s| names(s)).collect::<Vec<_>>().join(", "),
        n => tr!(lang, SummarySomeCountries, shown = n, all = bounds.series.len()),
    };
    let mode = match o.mode {
        Mode::Cumulative => tr!(lang, SummaryCumulative),
        Mode::Daily => tr!(lang, SummaryDaily),
    };
    let mut parts = vec![countries, mode.to_string()];
    match o.measure {
        Measure::Absolute => {}
        Measure::PerThousand => parts.push(tr!(lang, SummaryPerThousand).into()),
        Measure::Share => parts.push(tr!(lang, SummaryShare).into()),
    }
    parts.push(
        match o.scale {
            Scale::Linear => tr!(lang, SummaryLinear),
            Scale::Log => tr!(lang, SummaryLog),
        }
        .into(),
    );
    parts.join(" · ")
}

/// The days shown and the day selected in one line, for the folded controls on a phone: "all
/// days · no day selected", "days 10–60 · day 26".
pub fn summary(state: &ViewState) -> String {
    let lang = state.options.lang;
    let range = match state.options.range {
        Some((a, b)) => tr!(lang, SummaryDays, from = lang.whole(a), to = lang.whole(b)),
        None => tr!(lang, SummaryAllDays).to_string(),
    };
    let day = state.cursor.selected.map_or_else(
        || tr!(lang, SummaryNoDay).to_string(),
        |d| tr!(lang, SummaryDay, day = lang.whole(d)),
    );
    format!("{range} · {day}")
}

/// The war days the data covers, and the refugee series that can be chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub first_day: i64,
    pub last_day: i64,
    pub series: Vec<String>,
    /// The refugee series shown unless the reader chooses.
    pub series_default: Vec<String>,
    /// The receiving countries with refugees recorded (ISO codes, the most first), and those
    /// charted unless the reader chooses.
    pub recorded: Vec<String>,
    pub recorded_default: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Select a day (click on a chart, the timeline, a quote).
    Select(i64),
    /// Move the selection by a number of days (arrow keys: 1; with Shift: 7).
    Step(i64),
    /// Move the selection by calendar months (PageUp/PageDown: 1; with Shift: 12, a year).
    StepMonths(i32),
    First,
    Last,
    TogglePlay,
    /// One step of play, by this many days (1; 7 when the reader prefers reduced motion).
    Tick(i64),
    /// Zoom to the days between two days (a drag across a chart), in either order.
    Zoom(i64, i64),
    /// Move the start of the range (the "from" handle); the end moves along if it must.
    ZoomFrom(i64),
    /// Move the end of the range (the "to" handle); the start moves along if it must.
    ZoomTo(i64),
    ResetZoom,
    ToggleSeries(String),
    ShowAllSeries,
    /// Back to the refugee series shown unless the reader chooses.
    DefaultSeries,
    /// Chart, or stop charting, a country's refugees recorded (its ISO code).
    ToggleRecordedCountry(String),
    /// Back to the countries with the most refugees recorded.
    DefaultRecordedCountries,
    ToggleEarlierVintage,
    SetMode(Mode),
    SetScale(Scale),
    SetMeasure(Measure),
    /// The reader's language (replaces the history entry: back goes to the previous view).
    SetLang(Lang),
    /// Back/forward: the state read from the URL.
    Restore(Box<ViewState>),
}

impl Action {
    /// Whether the change is one a reader made deliberately, and so gets its own history entry
    /// (animation ticks and stepping replace the current entry instead).
    pub fn is_deliberate(&self) -> bool {
        !matches!(
            self,
            Action::Tick(_) | Action::Step(_) | Action::StepMonths(_) | Action::Restore(_) | Action::SetLang(_)
        )
    }
}

/// The action of a key on a chart or the timeline: arrows step a day (a week with Shift),
/// PageUp/PageDown a month (a year with Shift), Home/End go to the ends. (Escape clears the
/// hover, which is not view state.)
pub fn key_action(key: &str, shift: bool) -> Option<Action> {
    let days = if shift { 7 } else { 1 };
    let months = if shift { 12 } else { 1 };
    match key {
        "ArrowLeft" => Some(Action::Step(-days)),
        "ArrowRight" => Some(Action::Step(days)),
        "PageDown" => Some(Action::StepMonths(-months)),
        "PageUp" => Some(Action::StepMonths(months)),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        _ => None,
    }
}

/// The war day `months` calendar months from `day` (the same day of the month, or the month's
/// last day where it is shorter).
pub fn months_from(day: i64, months: i32) -> i64 {
    match crate::data::Date::from_war_day(day) {
        Some(date) => date.add_months(months).map_or(day, crate::data::Date::war_day),
        None => day,
    }
}

/// Days played per tick of Play, so that the days shown play in about 30 seconds at ten ticks a
/// second (one day a tick for the first months, about a week for the whole war); with reduced
/// motion, one tick a second over about 30 seconds, a week at least.
pub fn play_step((lo, hi): (i64, i64), reduced_motion: bool) -> i64 {
    let days = (hi - lo).max(1);
    if reduced_motion {
        (days / 30).max(7)
    } else {
        (days / 300).max(1)
    }
}

/// Named ranges of days, one click away: the first 120 days, and each calendar year of the war
/// the data reaches (each clipped to the data).
pub fn named_ranges(bounds: &Bounds) -> Vec<(NamedRange, (i64, i64))> {
    let mut out = Vec::new();
    if bounds.last_day - bounds.first_day > 120 {
        out.push((NamedRange::FirstMonths, (bounds.first_day.max(1), 120)));
    }
    let (Some(first), Some(last)) = (
        crate::data::Date::from_war_day(bounds.first_day),
        crate::data::Date::from_war_day(bounds.last_day),
    ) else {
        return out;
    };
    let (y0, y1) = (first.parts().0, last.parts().0);
    if y1 > y0 {
        for year in y0..=y1 {
            let (Some(a), Some(b)) = (
                crate::data::Date::from_calendar(year, 1, 1),
                crate::data::Date::from_calendar(year, 12, 31),
            ) else {
                continue;
            };
            let range = (a.war_day().max(bounds.first_day), b.war_day().min(bounds.last_day));
            if range.1 > range.0 {
                out.push((NamedRange::Year(year), range));
            }
        }
    }
    out
}

/// A range of days with a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamedRange {
    /// The first 120 days of the war (the first four months).
    FirstMonths,
    Year(i32),
}

fn clamp(day: i64, bounds: &Bounds) -> i64 {
    day.clamp(bounds.first_day, bounds.last_day)
}

/// Sets the range to the days `a` to `b` (inside the bounds, `a` < `b`): every day is no zoom.
/// The selection moves inside the new range.
fn set_range(next: &mut ViewState, (a, b): (i64, i64), bounds: &Bounds) {
    let (a, b) = (clamp(a, bounds), clamp(b, bounds));
    if b <= a {
        return;
    }
    next.options.range = Some((a, b)).filter(|r| *r != (bounds.first_day, bounds.last_day));
    if let Some(s) = next.cursor.selected {
        next.cursor.selected = Some(s.clamp(a, b));
    }
}

/// The one reducer: the next state after `action`.
pub fn reduce(state: &ViewState, action: Action, bounds: &Bounds) -> ViewState {
    let mut next = state.clone();
    let (lo, hi) = state.options.visible(bounds);
    let cursor = &mut next.cursor;
    match action {
        Action::Select(day) => {
            let day = clamp(day, bounds);
            cursor.selected = Some(day);
            if !(lo..=hi).contains(&day) {
                next.options.range = None;
            }
        }
        Action::Step(delta) => {
            cursor.selected = Some(match state.cursor.selected {
                Some(day) => day.saturating_add(delta).clamp(lo, hi),
                None if delta < 0 => hi,
                None => lo,
            });
        }
        Action::StepMonths(months) => {
            cursor.selected = Some(match state.cursor.selected {
                Some(day) => months_from(day, months).clamp(lo, hi),
                None if months < 0 => hi,
                None => lo,
            });
        }
        Action::First => cursor.selected = Some(lo),
        Action::Last => cursor.selected = Some(hi),
        Action::TogglePlay => {
            cursor.playing = !state.cursor.playing;
            if cursor.playing && state.cursor.selected.is_none_or(|d| d >= hi) {
                cursor.selected = Some(lo);
            }
        }
        Action::Tick(days) => {
            if state.cursor.playing {
                let day = state.cursor.selected.map_or(lo, |d| d.saturating_add(days.max(1)));
                cursor.selected = Some(day.clamp(lo, hi));
                cursor.playing = day < hi;
            }
        }
        Action::Zoom(a, b) => set_range(&mut next, (a.min(b), a.max(b)), bounds),
        // A range is at least two days: a one-day dataset has nothing to zoom.
        Action::ZoomFrom(day) if bounds.first_day < bounds.last_day => {
            let from = day.clamp(bounds.first_day, bounds.last_day - 1);
            set_range(&mut next, (from, hi.max(from + 1)), bounds);
        }
        Action::ZoomTo(day) if bounds.first_day < bounds.last_day => {
            let to = day.clamp(bounds.first_day + 1, bounds.last_day);
            set_range(&mut next, (lo.min(to - 1), to), bounds);
        }
        Action::ZoomFrom(_) | Action::ZoomTo(_) => {}
        Action::ResetZoom => next.options.range = None,
        Action::ToggleSeries(id) => {
            if bounds.series.contains(&id) {
                let was = |s: &String| state.options.is_shown(s, &bounds.series_default);
                let chosen: Vec<String> = bounds
                    .series
                    .iter()
                    .filter(|s| was(s) != (**s == id))
                    .cloned()
                    .collect();
                next.options.countries = (chosen != bounds.series_default).then_some(chosen);
            }
        }
        Action::ShowAllSeries => {
            next.options.countries = (bounds.series != bounds.series_default).then(|| bounds.series.clone());
        }
        Action::DefaultSeries => next.options.countries = None,
        Action::ToggleRecordedCountry(code) => {
            if bounds.recorded.contains(&code) {
                let was = state.options.recorded_countries(bounds);
                let chosen: Vec<String> = bounds
                    .recorded
                    .iter()
                    .filter(|c| was.contains(c) != (**c == code))
                    .cloned()
                    .collect();
                next.options.recorded = (chosen != bounds.recorded_default).then_some(chosen);
            }
        }
        Action::DefaultRecordedCountries => next.options.recorded = None,
        Action::ToggleEarlierVintage => next.options.earlier_vintage = !state.options.earlier_vintage,
        Action::SetMode(mode) => next.options.mode = mode,
        Action::SetScale(scale) => next.options.scale = scale,
        Action::SetMeasure(measure) => next.options.measure = measure,
        Action::SetLang(lang) => next.options.lang = lang,
        Action::Restore(restored) => {
            // Back and Forward move between views; the language stays the reader's choice.
            next = ViewState {
                options: ChartOptions {
                    lang: state.options.lang,
                    ..restored.options
                },
                ..*restored
            };
            next.cursor.playing = false;
        }
    }
    next
}

/// What the state's unit tests share: bounds of 120 days and three series, and a reader's
/// actions from the default view.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{reduce, Action, Bounds, ViewState};

    pub fn bounds() -> Bounds {
        Bounds {
            first_day: 1,
            last_day: 120,
            series: vec!["pol".into(), "hun".into(), "rou-from-mda".into()],
            series_default: vec!["pol".into()],
            recorded: vec!["DEU".into(), "POL".into(), "CZE".into(), "MLT".into()],
            recorded_default: vec!["DEU".into(), "POL".into()],
        }
    }

    /// Bounds of the whole war (to 31 Jul 2026, day 1,619), with no series to choose.
    pub fn whole_war() -> Bounds {
        Bounds {
            first_day: 1,
            last_day: 1619,
            series: vec![],
            series_default: vec![],
            recorded: vec![],
            recorded_default: vec![],
        }
    }

    pub fn run(actions: impl IntoIterator<Item = Action>) -> ViewState {
        actions
            .into_iter()
            .fold(ViewState::default(), |s, a| reduce(&s, a, &bounds()))
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{bounds, run};
    use super::*;

    #[test]
    fn select_and_step_stay_inside_the_data() {
        let selected = |actions: Vec<Action>| run(actions).cursor.selected;
        assert_eq!(selected(vec![Action::Select(26)]), Some(26));
        assert_eq!(selected(vec![Action::Select(26), Action::Step(1)]), Some(27));
        assert_eq!(selected(vec![Action::Select(2), Action::Step(-7)]), Some(1));
        assert_eq!(selected(vec![Action::Select(118), Action::Step(7)]), Some(120));
        assert_eq!(selected(vec![Action::Select(500)]), Some(120));
        assert_eq!(
            selected(vec![Action::Step(1)]),
            Some(1),
            "forward from nothing: the first day"
        );
        assert_eq!(
            selected(vec![Action::Step(-1)]),
            Some(120),
            "back from nothing: the end"
        );
        assert_eq!(selected(vec![Action::Last]), Some(120));
        assert_eq!(selected(vec![Action::Select(50), Action::First]), Some(1));
    }

    #[test]
    fn play_runs_to_the_end_and_stops() {
        let mut s = run([Action::Select(117), Action::TogglePlay]);
        assert!(s.cursor.playing);
        for _ in 0..10 {
            s = reduce(&s, Action::Tick(1), &bounds());
        }
        assert_eq!(s.cursor.selected, Some(120));
        assert!(!s.cursor.playing, "play stops at the last day");
        let s = reduce(&s, Action::TogglePlay, &bounds());
        assert_eq!(
            (s.cursor.playing, s.cursor.selected),
            (true, Some(1)),
            "again from the start"
        );
        let paused = reduce(&s, Action::TogglePlay, &bounds());
        assert!(!paused.cursor.playing);
        let ticked = reduce(&paused, Action::Tick(1), &bounds());
        assert_eq!(ticked.cursor.selected, Some(1), "no tick while paused");
    }

    #[test]
    fn play_by_weeks_stops_on_the_last_day() {
        let mut s = run([Action::Select(100), Action::TogglePlay]);
        let mut days = vec![];
        while s.cursor.playing {
            s = reduce(&s, Action::Tick(7), &bounds());
            days.extend(s.cursor.selected);
        }
        assert_eq!(days, [107, 114, 120], "a week at a time, then the last day");
    }

    #[test]
    fn zoom_and_reset() {
        let s = run([Action::Select(80), Action::Zoom(40, 20)]);
        assert_eq!(s.options.range, Some((20, 40)));
        assert_eq!(s.cursor.selected, Some(40), "the selection moves into the zoomed range");
        assert_eq!(run([Action::Zoom(20, 40), Action::First]).cursor.selected, Some(20));
        let stepped = run([Action::Zoom(20, 40), Action::Select(38), Action::Step(7)]);
        assert_eq!(stepped.cursor.selected, Some(40), "steps stay in the zoom");
        let s = run([Action::Zoom(20, 40), Action::Select(90)]);
        assert_eq!(
            (s.cursor.selected, s.options.range),
            (Some(90), None),
            "selecting outside shows all"
        );
        assert_eq!(
            run([Action::Zoom(20, 20)]).options.range,
            None,
            "an empty range is no zoom"
        );
        assert_eq!(
            run([Action::Zoom(-5, 500)]).options.range,
            None,
            "the whole range is no zoom"
        );
        assert_eq!(run([Action::Zoom(20, 40), Action::ResetZoom]).options.range, None);
    }

    #[test]
    fn the_range_handles_push_each_other() {
        // Dragging "from" past "to" moves "to" along, and the reverse.
        assert_eq!(
            run([Action::Zoom(10, 60), Action::ZoomFrom(80)]).options.range,
            Some((80, 81))
        );
        assert_eq!(
            run([Action::Zoom(10, 60), Action::ZoomFrom(60)]).options.range,
            Some((60, 61))
        );
        assert_eq!(
            run([Action::Zoom(10, 60), Action::ZoomTo(5)]).options.range,
            Some((4, 5))
        );
        assert_eq!(run([Action::ZoomFrom(200)]).options.range, Some((119, 120)));
        assert_eq!(
            run([Action::Zoom(10, 60), Action::ZoomFrom(1)]).options.range,
            Some((1, 60))
        );
        assert_eq!(
            run([Action::Zoom(10, 120), Action::ZoomFrom(1)]).options.range,
            None,
            "every day is no zoom"
        );
    }

    #[test]
    fn toggles() {
        let default = &bounds().series_default;
        let first = ViewState::default();
        assert!(first.options.is_shown("pol", default) && !first.options.is_shown("hun", default));
        let s = run([Action::ToggleSeries("hun".into()), Action::ToggleSeries("nope".into())]);
        assert!(s.options.is_shown("hun", default) && s.options.is_shown("pol", default));
        assert!(!s.options.is_shown("rou-from-mda", default));
        assert_eq!(
            s.options.countries,
            Some(vec!["pol".to_string(), "hun".to_string()]),
            "unknown series are not recorded; the bounds' order"
        );
        let twice = run([Action::ToggleSeries("hun".into()), Action::ToggleSeries("hun".into())]);
        assert_eq!(twice.options.countries, None, "back to the default is no choice");
        let all = run([Action::ShowAllSeries]);
        assert!(["pol", "hun", "rou-from-mda"]
            .iter()
            .all(|s| all.options.is_shown(s, default)));
        assert_eq!(
            run([Action::ShowAllSeries, Action::DefaultSeries]).options.countries,
            None
        );
        let none = run([Action::ToggleSeries("pol".into())]);
        assert_eq!(none.options.countries, Some(vec![]), "none shown is a choice");
        let s = run([
            Action::SetScale(Scale::Log),
            Action::SetMeasure(Measure::PerThousand),
            Action::SetMode(Mode::Daily),
        ]);
        let o = &s.options;
        assert_eq!(
            (o.scale, o.measure, o.mode),
            (Scale::Log, Measure::PerThousand, Mode::Daily)
        );
        assert_eq!(
            reduce(&s, Action::SetScale(Scale::Linear), &bounds()).options.scale,
            Scale::Linear
        );
    }

    #[test]
    fn recorded_countries_are_chosen_from_the_default() {
        let s = run([Action::ToggleRecordedCountry("MLT".into())]);
        assert_eq!(s.options.recorded_countries(&bounds()), ["DEU", "POL", "MLT"]);
        let s = reduce(&s, Action::ToggleRecordedCountry("DEU".into()), &bounds());
        assert_eq!(
            s.options.recorded.as_deref(),
            Some(&["POL".to_string(), "MLT".to_string()][..])
        );
        // Back to the default: no choice is kept (the link stays short).
        let s = run([
            Action::ToggleRecordedCountry("CZE".into()),
            Action::ToggleRecordedCountry("CZE".into()),
        ]);
        assert_eq!(s.options.recorded, None);
        let s = run([Action::ToggleRecordedCountry("XXX".into())]);
        assert_eq!(s.options.recorded, None, "an unknown code changes nothing");
        let s = run([
            Action::ToggleRecordedCountry("MLT".into()),
            Action::DefaultRecordedCountries,
        ]);
        assert_eq!(s.options.recorded, None);
    }

    #[test]
    fn restore_stops_play() {
        let s = run([Action::Select(9), Action::TogglePlay]);
        let mut target = ViewState::default();
        target.cursor.selected = Some(30);
        let r = reduce(&s, Action::Restore(Box::new(target)), &bounds()).cursor;
        assert_eq!((r.selected, r.playing), (Some(30), false));
    }

    #[test]
    fn restore_keeps_the_readers_language() {
        let s = run([Action::SetLang(Lang::Uk), Action::Select(9)]);
        // An earlier entry of the history, from before the reader chose Ukrainian.
        let mut target = ViewState::default();
        target.cursor.selected = Some(30);
        let r = reduce(&s, Action::Restore(Box::new(target)), &bounds());
        assert_eq!((r.cursor.selected, r.options.lang), (Some(30), Lang::Uk));
    }

    #[test]
    fn deliberate_actions() {
        assert!(Action::Select(3).is_deliberate());
        assert!(Action::SetScale(Scale::Log).is_deliberate());
        assert!(!Action::Step(1).is_deliberate());
        assert!(!Action::Tick(1).is_deliberate());
    }

    #[test]
    fn the_view_in_one_line() {
        let name = |id: &str| id.to_uppercase();
        assert_eq!(
            choices_summary(&ViewState::default(), &bounds(), name),
            "POL · cumulative · linear"
        );
        assert_eq!(
            choices_summary(&run([Action::ShowAllSeries]), &bounds(), name),
            "All countries · cumulative · linear"
        );
        assert_eq!(summary(&ViewState::default()), "all days · no day selected");
        let s = run([
            Action::ToggleSeries("rou-from-mda".into()),
            Action::SetMeasure(Measure::PerThousand),
            Action::SetScale(Scale::Log),
            Action::Zoom(10, 60),
            Action::Select(26),
        ]);
        assert_eq!(
            choices_summary(&s, &bounds(), name),
            "POL, ROU-FROM-MDA · cumulative · per 1,000 residents · log"
        );
        assert_eq!(summary(&s), "days 10–60 · day 26");
        let none = run([Action::ToggleSeries("pol".into())]);
        assert!(choices_summary(&none, &bounds(), name).starts_with("No countries · "));
    }

    #[test]
    fn keys() {
        assert_eq!(key_action("ArrowRight", false), Some(Action::Step(1)));
        assert_eq!(key_action("ArrowLeft", true), Some(Action::Step(-7)));
        assert_eq!(key_action("PageDown", false), Some(Action::StepMonths(-1)));
        assert_eq!(key_action("PageUp", true), Some(Action::StepMonths(12)));
        assert_eq!(key_action("Home", false), Some(Action::First));
        assert_eq!(
            key_action("Escape", false),
            None,
            "the hover is the page's, not the view's"
        );
        assert_eq!(key_action("a", false), None);
    }

    #[test]
    fn months_and_years_step_by_the_calendar() {
        // Day 26 is 21 Mar 2022: a month on is 21 Apr 2022 (day 57), a year on 21 Mar 2023.
        assert_eq!(months_from(26, 1), 57);
        assert_eq!(months_from(26, 12), 26 + 365);
        assert_eq!(months_from(57, -1), 26);
        // 31 Mar 2022 (day 36) plus a month: 30 Apr 2022 (day 66).
        assert_eq!(months_from(36, 1), 66);
        let bounds = fixtures::whole_war();
        let at = |actions: Vec<Action>| {
            actions
                .into_iter()
                .fold(ViewState::default(), |s, a| reduce(&s, a, &bounds))
                .cursor
                .selected
        };
        assert_eq!(at(vec![Action::Select(26), Action::StepMonths(12)]), Some(391));
        assert_eq!(
            at(vec![Action::Select(1600), Action::StepMonths(12)]),
            Some(1619),
            "to the end, no further"
        );
        assert_eq!(at(vec![Action::Select(20), Action::StepMonths(-1)]), Some(1));
    }

    #[test]
    fn play_suits_the_days_shown() {
        assert_eq!(play_step((1, 120), false), 1);
        assert_eq!(play_step((1, 1619), false), 5);
        assert_eq!(play_step((1, 120), true), 7);
        assert_eq!(play_step((1, 1619), true), 53);
    }

    #[test]
    fn named_ranges_of_the_whole_war() {
        let bounds = fixtures::whole_war();
        let ranges = named_ranges(&bounds);
        assert_eq!(ranges[0], (NamedRange::FirstMonths, (1, 120)));
        // 2022 from day 1 to 31 Dec (day 311); 2026 to the data's end.
        assert_eq!(ranges[1], (NamedRange::Year(2022), (1, 311)));
        assert_eq!(ranges[2], (NamedRange::Year(2023), (312, 676)));
        assert_eq!(ranges.last(), Some(&(NamedRange::Year(2026), (1408, 1619))));
        assert!(
            named_ranges(&fixtures::bounds()).is_empty(),
            "120 days have no named ranges"
        );
    }
}
