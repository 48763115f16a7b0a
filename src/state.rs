//! The view state: one reducer (pure) and its URL form. No timers, storage or DOM here.

/// Cumulative totals or daily figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Cumulative,
    Daily,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scale {
    #[default]
    Linear,
    Log,
}

/// What the refugee figures are measured in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    #[default]
    Absolute,
    /// Per 1,000 residents of the receiving country.
    PerThousand,
    /// Each country as a percentage of UNHCR's all-country total that day.
    Share,
}

/// Everything a reader chose. `hover` and `playing` are transient and never in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub selected: Option<i64>,
    pub hover: Option<i64>,
    /// Zoomed range of war days, inclusive.
    pub range: Option<(i64, i64)>,
    /// Refugee series ids that are hidden (none: all shown), in the dataset's order.
    pub hidden: Vec<String>,
    pub mode: Mode,
    pub scale: Scale,
    pub measure: Measure,
    /// Whether UNHCR's earlier vintage of its total is drawn over the current one.
    pub earlier_vintage: bool,
    pub playing: bool,
    /// `?embed=<chart id>`: the page shows only that chart, for an iframe.
    pub embed: Option<&'static str>,
}

/// The charts of a view, by id (also the values of `?embed=`).
pub const CHART_IDS: [&str; 4] = ["refugees", "refugees-daily", "casualties", "idps"];

/// The war days the data covers, and the refugee series that can be chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bounds {
    pub first_day: i64,
    pub last_day: i64,
    pub series: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Select a day (click on a chart, the timeline, a quote).
    Select(i64),
    /// Move the selection by a number of days (arrow keys: 1, PageUp/PageDown: 7).
    Step(i64),
    First,
    Last,
    Hover(Option<i64>),
    ClearHover,
    TogglePlay,
    /// One step of play, by this many days (1; 7 when the reader prefers reduced motion).
    Tick(i64),
    Zoom(i64, i64),
    ResetZoom,
    ToggleSeries(String),
    ShowAllSeries,
    ToggleEarlierVintage,
    SetMode(Mode),
    SetScale(Scale),
    SetMeasure(Measure),
    /// Back/forward: the state read from the URL.
    Restore(Box<ViewState>),
}

impl Action {
    /// Whether the change is one a reader made deliberately, and so gets its own history entry
    /// (hovering, animation ticks and stepping replace the current entry instead).
    pub fn is_deliberate(&self) -> bool {
        !matches!(
            self,
            Action::Hover(_) | Action::ClearHover | Action::Tick(_) | Action::Step(_) | Action::Restore(_)
        )
    }
}

impl ViewState {
    /// The range shown: the zoom, or everything.
    pub fn visible(&self, bounds: &Bounds) -> (i64, i64) {
        self.range.unwrap_or((bounds.first_day, bounds.last_day))
    }

    /// The day the charts and the panel follow: the hovered day, else the selected one.
    pub fn focus(&self) -> Option<i64> {
        self.hover.or(self.selected)
    }

    pub fn is_shown(&self, series: &str) -> bool {
        !self.hidden.iter().any(|h| h == series)
    }
}

fn clamp(day: i64, bounds: &Bounds) -> i64 {
    day.clamp(bounds.first_day, bounds.last_day)
}

/// The one reducer: the next state after `action`.
pub fn reduce(state: &ViewState, action: Action, bounds: &Bounds) -> ViewState {
    let mut next = state.clone();
    let (lo, hi) = state.visible(bounds);
    match action {
        Action::Select(day) => {
            let day = clamp(day, bounds);
            next.selected = Some(day);
            if !(lo..=hi).contains(&day) {
                next.range = None;
            }
        }
        Action::Step(delta) => {
            next.selected = Some(match state.selected {
                Some(day) => (day + delta).clamp(lo, hi),
                None if delta < 0 => hi,
                None => lo,
            });
        }
        Action::First => next.selected = Some(lo),
        Action::Last => next.selected = Some(hi),
        Action::Hover(day) => next.hover = day.map(|d| clamp(d, bounds)),
        Action::ClearHover => next.hover = None,
        Action::TogglePlay => {
            next.playing = !state.playing;
            if next.playing && state.selected.is_none_or(|d| d >= hi) {
                next.selected = Some(lo);
            }
        }
        Action::Tick(days) => {
            if state.playing {
                let day = state.selected.map_or(lo, |d| d + days.max(1));
                next.selected = Some(day.min(hi));
                next.playing = day < hi;
            }
        }
        Action::Zoom(a, b) => {
            let (a, b) = (clamp(a.min(b), bounds), clamp(a.max(b), bounds));
            if b > a {
                next.range = Some((a, b)).filter(|r| *r != (bounds.first_day, bounds.last_day));
                if let Some(s) = next.selected {
                    next.selected = Some(s.clamp(a, b));
                }
            }
        }
        Action::ResetZoom => next.range = None,
        Action::ToggleSeries(id) => {
            if bounds.series.contains(&id) {
                let was_hidden = |s: &String| next.hidden.contains(s);
                next.hidden = bounds
                    .series
                    .iter()
                    .filter(|s| was_hidden(s) != (**s == id))
                    .cloned()
                    .collect();
            }
        }
        Action::ShowAllSeries => next.hidden.clear(),
        Action::ToggleEarlierVintage => next.earlier_vintage = !state.earlier_vintage,
        Action::SetMode(mode) => next.mode = mode,
        Action::SetScale(scale) => next.scale = scale,
        Action::SetMeasure(measure) => next.measure = measure,
        Action::Restore(restored) => {
            next = *restored;
            next.hover = state.hover;
            next.playing = false;
        }
    }
    next
}

/// The URL query of a state (without `?`); empty for the default view.
pub fn to_query(state: &ViewState, bounds: &Bounds) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    if let Some(day) = state.selected {
        q.append_pair("day", &day.to_string());
    }
    if let Some((a, b)) = state.range {
        q.append_pair("from", &a.to_string());
        q.append_pair("to", &b.to_string());
    }
    if !state.hidden.is_empty() {
        let shown: Vec<&str> = bounds
            .series
            .iter()
            .filter(|s| !state.hidden.contains(*s))
            .map(String::as_str)
            .collect();
        q.append_pair("countries", &shown.join(","));
    }
    if state.mode == Mode::Daily {
        q.append_pair("mode", "daily");
    }
    if state.scale == Scale::Log {
        q.append_pair("scale", "log");
    }
    match state.measure {
        Measure::Absolute => {}
        Measure::PerThousand => {
            q.append_pair("measure", "per1000");
        }
        Measure::Share => {
            q.append_pair("measure", "share");
        }
    }
    if state.earlier_vintage {
        q.append_pair("vintage", "earlier");
    }
    if let Some(chart) = state.embed {
        q.append_pair("embed", chart);
    }
    q.finish()
}

/// Reads a state from a URL query (with or without `?`). Unknown or out-of-range parameters are
/// ignored; each gives a short notice (the values are quoted as text, never as markup).
pub fn from_query(query: &str, bounds: &Bounds) -> (ViewState, Vec<String>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let mut from = None;
    let mut to = None;
    let query = query.strip_prefix('?').unwrap_or(query);
    let day_in = |name: &str, value: &str, notices: &mut Vec<String>| -> Option<i64> {
        match value.parse::<i64>() {
            Ok(d) if (bounds.first_day..=bounds.last_day).contains(&d) => Some(d),
            Ok(d) => {
                notices.push(format!(
                    "Ignored {name}={d}: the data covers war days {} to {}.",
                    bounds.first_day, bounds.last_day
                ));
                None
            }
            Err(_) => {
                notices.push(format!("Ignored {name}=\"{}\": not a war day.", short(value)));
                None
            }
        }
    };
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "day" => state.selected = day_in("day", &value, &mut notices),
            "from" => from = day_in("from", &value, &mut notices),
            "to" => to = day_in("to", &value, &mut notices),
            "countries" => {
                let wanted: Vec<&str> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
                for unknown in wanted.iter().filter(|w| !bounds.series.iter().any(|s| s == *w)) {
                    notices.push(format!("Ignored unknown country \"{}\".", short(unknown)));
                }
                if bounds.series.iter().any(|s| wanted.contains(&s.as_str())) {
                    state.hidden = bounds
                        .series
                        .iter()
                        .filter(|s| !wanted.contains(&s.as_str()))
                        .cloned()
                        .collect();
                }
            }
            "mode" => match value.as_ref() {
                "daily" => state.mode = Mode::Daily,
                "cumulative" => state.mode = Mode::Cumulative,
                other => notices.push(format!("Ignored mode=\"{}\": use cumulative or daily.", short(other))),
            },
            "scale" => match value.as_ref() {
                "log" => state.scale = Scale::Log,
                "linear" => state.scale = Scale::Linear,
                other => notices.push(format!("Ignored scale=\"{}\": use linear or log.", short(other))),
            },
            "measure" => match value.as_ref() {
                "per1000" => state.measure = Measure::PerThousand,
                "share" => state.measure = Measure::Share,
                "absolute" => state.measure = Measure::Absolute,
                other => notices.push(format!(
                    "Ignored measure=\"{}\": use absolute, per1000 or share.",
                    short(other)
                )),
            },
            "vintage" if value == "earlier" => state.earlier_vintage = true,
            "vintage" => notices.push(format!("Ignored vintage=\"{}\": use earlier.", short(&value))),
            "embed" => match CHART_IDS.iter().find(|id| **id == value) {
                Some(id) => state.embed = Some(id),
                None => notices.push(format!(
                    "Ignored embed=\"{}\": use one of {}.",
                    short(&value),
                    CHART_IDS.join(", ")
                )),
            },
            other => notices.push(format!("Ignored unknown parameter \"{}\".", short(other))),
        }
    }
    match (from, to) {
        (Some(a), Some(b)) if a < b => state.range = Some((a, b)),
        (None, None) => {}
        _ => notices.push("Ignored the zoom: it needs from and to, with from before to.".into()),
    }
    if let (Some((a, b)), Some(day)) = (state.range, state.selected) {
        if !(a..=b).contains(&day) {
            notices.push(format!("Ignored day={day}: it is outside the zoomed range {a} to {b}."));
            state.selected = None;
        }
    }
    (state, notices)
}

/// At most 40 characters of a value, for notices.
fn short(value: &str) -> String {
    let mut s: String = value.chars().take(40).collect();
    if value.chars().count() > 40 {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds() -> Bounds {
        Bounds {
            first_day: 1,
            last_day: 120,
            series: vec!["pol".into(), "hun".into(), "rou-from-mda".into()],
        }
    }

    fn run(actions: impl IntoIterator<Item = Action>) -> ViewState {
        actions
            .into_iter()
            .fold(ViewState::default(), |s, a| reduce(&s, a, &bounds()))
    }

    #[test]
    fn select_and_step_stay_inside_the_data() {
        assert_eq!(run([Action::Select(26)]).selected, Some(26));
        assert_eq!(run([Action::Select(26), Action::Step(1)]).selected, Some(27));
        assert_eq!(run([Action::Select(2), Action::Step(-7)]).selected, Some(1));
        assert_eq!(run([Action::Select(118), Action::Step(7)]).selected, Some(120));
        assert_eq!(run([Action::Select(500)]).selected, Some(120));
        assert_eq!(
            run([Action::Step(1)]).selected,
            Some(1),
            "stepping forward from nothing starts at the first day"
        );
        assert_eq!(
            run([Action::Step(-1)]).selected,
            Some(120),
            "stepping back from nothing starts at the end"
        );
        assert_eq!(run([Action::Last]).selected, Some(120));
        assert_eq!(run([Action::Select(50), Action::First]).selected, Some(1));
    }

    #[test]
    fn hover_is_separate_from_selection() {
        let s = run([Action::Select(26), Action::Hover(Some(40))]);
        assert_eq!((s.selected, s.hover, s.focus()), (Some(26), Some(40), Some(40)));
        let s = reduce(&s, Action::ClearHover, &bounds());
        assert_eq!(s.focus(), Some(26));
    }

    #[test]
    fn play_runs_to_the_end_and_stops() {
        let mut s = run([Action::Select(117), Action::TogglePlay]);
        assert!(s.playing);
        for _ in 0..10 {
            s = reduce(&s, Action::Tick(1), &bounds());
        }
        assert_eq!(s.selected, Some(120));
        assert!(!s.playing, "play stops at the last day");
        let s = reduce(&s, Action::TogglePlay, &bounds());
        assert_eq!((s.playing, s.selected), (true, Some(1)), "play again from the start");
        let paused = reduce(&s, Action::TogglePlay, &bounds());
        assert!(!paused.playing);
        assert_eq!(
            reduce(&paused, Action::Tick(1), &bounds()).selected,
            Some(1),
            "no tick while paused"
        );
    }

    #[test]
    fn play_by_weeks_stops_on_the_last_day() {
        let mut s = run([Action::Select(100), Action::TogglePlay]);
        let mut days = vec![];
        while s.playing {
            s = reduce(&s, Action::Tick(7), &bounds());
            days.extend(s.selected);
        }
        assert_eq!(days, [107, 114, 120], "a week at a time, then the last day");
    }

    #[test]
    fn zoom_and_reset() {
        let s = run([Action::Select(80), Action::Zoom(40, 20)]);
        assert_eq!(s.range, Some((20, 40)));
        assert_eq!(s.selected, Some(40), "the selection moves into the zoomed range");
        assert_eq!(run([Action::Zoom(20, 40), Action::First]).selected, Some(20));
        assert_eq!(
            run([Action::Zoom(20, 40), Action::Select(38), Action::Step(7)]).selected,
            Some(40),
            "steps stay in the zoom"
        );
        let s = run([Action::Zoom(20, 40), Action::Select(90)]);
        assert_eq!(
            (s.selected, s.range),
            (Some(90), None),
            "selecting outside the zoom shows everything"
        );
        assert_eq!(run([Action::Zoom(20, 20)]).range, None, "an empty range is no zoom");
        assert_eq!(run([Action::Zoom(-5, 500)]).range, None, "the whole range is no zoom");
        assert_eq!(run([Action::Zoom(20, 40), Action::ResetZoom]).range, None);
    }

    #[test]
    fn toggles() {
        let s = run([Action::ToggleSeries("hun".into()), Action::ToggleSeries("nope".into())]);
        assert!(!s.is_shown("hun") && s.is_shown("pol"));
        assert_eq!(s.hidden.len(), 1, "unknown series are not recorded");
        assert!(
            run([Action::ToggleSeries("hun".into()), Action::ToggleSeries("hun".into())])
                .hidden
                .is_empty()
        );
        let s = run([
            Action::SetScale(Scale::Log),
            Action::SetMeasure(Measure::PerThousand),
            Action::SetMode(Mode::Daily),
        ]);
        assert_eq!(
            (s.scale, s.measure, s.mode),
            (Scale::Log, Measure::PerThousand, Mode::Daily)
        );
        assert_eq!(
            reduce(&s, Action::SetScale(Scale::Linear), &bounds()).scale,
            Scale::Linear
        );
    }

    #[test]
    fn url_round_trip() {
        let s = run([
            Action::Select(26),
            Action::Zoom(10, 60),
            Action::ToggleSeries("hun".into()),
            Action::SetMode(Mode::Daily),
            Action::SetScale(Scale::Log),
            Action::SetMeasure(Measure::PerThousand),
            Action::ToggleEarlierVintage,
        ]);
        let q = to_query(&s, &bounds());
        assert_eq!(
            q,
            "day=26&from=10&to=60&countries=pol%2Crou-from-mda&mode=daily&scale=log&measure=per1000&vintage=earlier"
        );
        let (back, notices) = from_query(&format!("?{q}"), &bounds());
        assert_eq!(back, s);
        assert!(notices.is_empty());
        assert_eq!(to_query(&ViewState::default(), &bounds()), "");
        assert_eq!(from_query("", &bounds()), (ViewState::default(), vec![]));
        let share = run([Action::SetMeasure(Measure::Share)]);
        assert_eq!(from_query(&to_query(&share, &bounds()), &bounds()).0, share);
        let (embed, notices) = from_query("embed=casualties&from=10&to=60", &bounds());
        assert_eq!((embed.embed, embed.range), (Some("casualties"), Some((10, 60))));
        assert!(notices.is_empty());
        assert_eq!(to_query(&embed, &bounds()), "from=10&to=60&embed=casualties");
        let (none, notices) = from_query("embed=<b>", &bounds());
        assert_eq!(none.embed, None);
        assert_eq!(
            notices,
            ["Ignored embed=\"<b>\": use one of refugees, refugees-daily, casualties, idps."]
        );
    }

    #[test]
    fn garbage_is_ignored_with_notices() {
        let (s, notices) = from_query(
            "?day=abc&from=5&to=999&countries=pol,xx<script>&mode=weekly&scale=&measure=per1000&utm=1&%FF=1",
            &bounds(),
        );
        assert_eq!(s.selected, None);
        assert_eq!(s.range, None);
        assert_eq!(s.measure, Measure::PerThousand, "valid parameters still apply");
        assert!(s.is_shown("pol") && !s.is_shown("hun"));
        assert_eq!(
            notices,
            [
                "Ignored day=\"abc\": not a war day.",
                "Ignored to=999: the data covers war days 1 to 120.",
                "Ignored unknown country \"xx<script>\".",
                "Ignored mode=\"weekly\": use cumulative or daily.",
                "Ignored scale=\"\": use linear or log.",
                "Ignored unknown parameter \"utm\".",
                "Ignored unknown parameter \"\u{FFFD}\".",
                "Ignored the zoom: it needs from and to, with from before to.",
            ]
        );
        let long = "x".repeat(100);
        let (_, notices) = from_query(&format!("{long}=1"), &bounds());
        assert_eq!(notices[0].chars().count(), "Ignored unknown parameter \"\".".len() + 41);
        let (s, notices) = from_query("day=100&from=10&to=20", &bounds());
        assert_eq!((s.selected, s.range), (None, Some((10, 20))));
        assert_eq!(notices, ["Ignored day=100: it is outside the zoomed range 10 to 20."]);
    }

    #[test]
    fn restore_keeps_hover_and_stops_play() {
        let s = run([Action::Hover(Some(5)), Action::Select(9), Action::TogglePlay]);
        let target = ViewState {
            selected: Some(30),
            ..ViewState::default()
        };
        let r = reduce(&s, Action::Restore(Box::new(target)), &bounds());
        assert_eq!((r.selected, r.hover, r.playing), (Some(30), Some(5), false));
    }

    #[test]
    fn deliberate_actions() {
        assert!(Action::Select(3).is_deliberate());
        assert!(Action::SetScale(Scale::Log).is_deliberate());
        assert!(!Action::Hover(Some(3)).is_deliberate());
        assert!(!Action::Tick(1).is_deliberate());
    }
}
