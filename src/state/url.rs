//! The URL form of a view: every choice in the query, so a copied link reopens the same view.
//! Parameters the page does not understand are ignored, each with a notice that quotes it as text.

use super::ChartId;
use super::{Bounds, Measure, Mode, Scale, ViewState};
use crate::i18n::Lang;

/// A parameter of the link that was ignored, and why; said in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    NotWarDay {
        name: String,
        value: String,
    },
    OutsideData {
        name: String,
        day: i64,
        first: i64,
        last: i64,
    },
    UnknownCountry(String),
    /// A value that is none of `choices`.
    Spelling {
        name: String,
        value: String,
        choices: Vec<&'static str>,
    },
    Vintage(String),
    UnknownParameter(String),
    Zoom,
    DayOutsideZoom {
        day: i64,
        from: i64,
        to: i64,
    },
}

impl Notice {
    /// The notice in words.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::NotWarDay { name, value } => tr!(lang, NoticeNotWarDay, name = name, value = value),
            Notice::OutsideData { name, day, first, last } => {
                tr!(
                    lang,
                    NoticeOutsideData,
                    name = name,
                    day = day,
                    first = first,
                    last = last
                )
            }
            Notice::UnknownCountry(value) => tr!(lang, NoticeUnknownCountry, value = value),
            Notice::Spelling { name, value, choices } => {
                let choices: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
                tr!(
                    lang,
                    NoticeSpelling,
                    name = name,
                    value = value,
                    choices = lang.or_list(&choices)
                )
            }
            Notice::Vintage(value) => tr!(lang, NoticeVintage, value = value),
            Notice::UnknownParameter(value) => tr!(lang, NoticeUnknownParameter, value = value),
            Notice::Zoom => tr!(lang, NoticeZoom).to_string(),
            Notice::DayOutsideZoom { day, from, to } => {
                tr!(lang, NoticeDayOutsideZoom, day = day, from = from, to = to)
            }
        }
    }
}

/// The URL query of a state (without `?`); empty for the default view. Play is transient and
/// never written.
pub fn to_query(state: &ViewState) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    let o = &state.options;
    if let Some(day) = state.cursor.selected {
        q.append_pair("day", &day.to_string());
    }
    if let Some((a, b)) = o.range {
        q.append_pair("from", &a.to_string());
        q.append_pair("to", &b.to_string());
    }
    if let Some(shown) = &o.countries {
        // No country shown is written as an empty list, which reads back as none.
        q.append_pair("countries", &shown.join(","));
    }
    if o.mode != Mode::default() {
        q.append_pair("mode", o.mode.as_str());
    }
    if o.scale != Scale::default() {
        q.append_pair("scale", o.scale.as_str());
    }
    if o.measure != Measure::default() {
        q.append_pair("measure", o.measure.as_str());
    }
    if o.earlier_vintage {
        q.append_pair("vintage", "earlier");
    }
    if let Some(recorded) = &o.recorded {
        let codes: Vec<String> = recorded.iter().map(|c| c.to_lowercase()).collect();
        q.append_pair("recorded", &codes.join(","));
    }
    if let Some(chart) = state.embed {
        q.append_pair("embed", chart.as_str());
    }
    if o.lang != Lang::default() {
        q.append_pair("lang", o.lang.as_str());
    }
    q.finish()
}

/// Reads a state from a URL query (with or without `?`). Unknown or out-of-range parameters are
/// ignored; each gives a short notice (the values are quoted as text, never as markup).
pub fn from_query(query: &str, bounds: &Bounds) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let (mut from, mut to) = (None, None);
    let query = query.strip_prefix('?').unwrap_or(query);
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let o = &mut state.options;
        match key.as_ref() {
            "day" => state.cursor.selected = war_day("day", &value, bounds, &mut notices),
            "from" => from = war_day("from", &value, bounds, &mut notices),
            "to" => to = war_day("to", &value, bounds, &mut notices),
            "countries" => o.countries = shown_countries(&value, bounds, &mut notices),
            "recorded" => o.recorded = recorded_countries(&value, bounds, &mut notices),
            "mode" => o.mode = spelled("mode", &value, Mode::parse, Mode::SPELLINGS, &mut notices).unwrap_or(o.mode),
            "scale" => {
                o.scale = spelled("scale", &value, Scale::parse, Scale::SPELLINGS, &mut notices).unwrap_or(o.scale)
            }
            "measure" => {
                let measure = spelled("measure", &value, Measure::parse, Measure::SPELLINGS, &mut notices);
                o.measure = measure.unwrap_or(o.measure);
            }
            "vintage" if value == "earlier" => o.earlier_vintage = true,
            "vintage" => notices.push(Notice::Vintage(short(&value))),
            "embed" => state.embed = spelled("embed", &value, ChartId::parse, ChartId::SPELLINGS, &mut notices),
            "lang" => o.lang = spelled("lang", &value, Lang::parse, Lang::SPELLINGS, &mut notices).unwrap_or(o.lang),
            other => notices.push(Notice::UnknownParameter(short(other))),
        }
    }
    match (from, to) {
        // Every day is no zoom: the link shows the whole range.
        (Some(a), Some(b)) if (a, b) == (bounds.first_day, bounds.last_day) => {}
        (Some(a), Some(b)) if a < b => state.options.range = Some((a, b)),
        (None, None) => {}
        _ => notices.push(Notice::Zoom),
    }
    if let (Some((a, b)), Some(day)) = (state.options.range, state.cursor.selected) {
        if !(a..=b).contains(&day) {
            notices.push(Notice::DayOutsideZoom { day, from: a, to: b });
            state.cursor.selected = None;
        }
    }
    (state, notices)
}

/// A war day inside the data, or a notice.
fn war_day(name: &str, value: &str, bounds: &Bounds, notices: &mut Vec<Notice>) -> Option<i64> {
    match value.parse::<i64>() {
        Ok(d) if (bounds.first_day..=bounds.last_day).contains(&d) => Some(d),
        Ok(day) => {
            notices.push(Notice::OutsideData {
                name: name.into(),
                day,
                first: bounds.first_day,
                last: bounds.last_day,
            });
            None
        }
        Err(_) => {
            notices.push(Notice::NotWarDay {
                name: name.into(),
                value: short(value),
            });
            None
        }
    }
}

/// The series a `countries=` list shows, in the bounds' order. An empty list shows none; a list
/// of which nothing is known is ignored (the default shown), and the default is no choice.
fn shown_countries(value: &str, bounds: &Bounds, notices: &mut Vec<Notice>) -> Option<Vec<String>> {
    let wanted: Vec<&str> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    for unknown in wanted.iter().filter(|w| !bounds.series.iter().any(|s| s == *w)) {
        notices.push(Notice::UnknownCountry(short(unknown)));
    }
    let shown: Vec<String> = bounds
        .series
        .iter()
        .filter(|s| wanted.contains(&s.as_str()))
        .cloned()
        .collect();
    let ignored = !wanted.is_empty() && shown.is_empty();
    (!ignored && shown != bounds.series_default).then_some(shown)
}

/// The countries (ISO codes, any case) whose refugees recorded are charted, in the bounds'
/// order; an unknown code gets a notice. The default countries are no choice.
fn recorded_countries(value: &str, bounds: &Bounds, notices: &mut Vec<Notice>) -> Option<Vec<String>> {
    let wanted: Vec<String> = value
        .split(',')
        .map(|s| s.trim().to_ascii_uppercase())
        .filter(|s| !s.is_empty())
        .collect();
    for unknown in wanted.iter().filter(|w| !bounds.recorded.contains(w)) {
        notices.push(Notice::UnknownCountry(short(&unknown.to_lowercase())));
    }
    let chosen: Vec<String> = bounds.recorded.iter().filter(|c| wanted.contains(c)).cloned().collect();
    (chosen != bounds.recorded_default).then_some(chosen)
}

/// The variant spelled `value`, or a notice that names the spellings.
fn spelled<T>(
    name: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    choices: &'static [&'static str],
    notices: &mut Vec<Notice>,
) -> Option<T> {
    let found = parse(value);
    if found.is_none() {
        notices.push(Notice::Spelling {
            name: name.into(),
            value: short(value),
            choices: choices.to_vec(),
        });
    }
    found
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
mod recorded_tests {
    use super::super::fixtures::bounds;
    use super::*;

    #[test]
    fn recorded_countries_in_the_link() {
        let (state, notices) = from_query("recorded=mlt,pol,zzz", &bounds());
        assert_eq!(
            state.options.recorded.as_deref(),
            Some(&["POL".to_string(), "MLT".to_string()][..])
        );
        assert_eq!(notices, [Notice::UnknownCountry("zzz".into())]);
        assert_eq!(to_query(&state), "recorded=pol%2Cmlt");
        let (none, _) = from_query("recorded=", &bounds());
        assert_eq!(none.options.recorded, Some(Vec::new()), "no country is a choice too");
        assert_eq!(to_query(&none), "recorded=");
        let (default, _) = from_query("recorded=deu,pol", &bounds());
        assert_eq!(
            default.options.recorded, None,
            "the default countries need no parameter"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{bounds, run};
    use super::super::Action;
    use super::*;

    fn said(notices: &[Notice]) -> Vec<String> {
        notices.iter().map(|n| n.text(Lang::En)).collect()
    }

    #[test]
    fn url_round_trip() {
        let s = run([
            Action::Select(26),
            Action::Zoom(10, 60),
            Action::ToggleSeries("rou-from-mda".into()),
            Action::SetMode(Mode::Daily),
            Action::SetScale(Scale::Log),
            Action::SetMeasure(Measure::PerThousand),
            Action::ToggleEarlierVintage,
        ]);
        let q = to_query(&s);
        assert_eq!(
            q,
            "day=26&from=10&to=60&countries=pol%2Crou-from-mda&mode=daily&scale=log&measure=per1000&vintage=earlier"
        );
        let (back, notices) = from_query(&format!("?{q}"), &bounds());
        assert_eq!(back, s);
        assert!(notices.is_empty());
        assert_eq!(to_query(&ViewState::default()), "");
        assert_eq!(from_query("", &bounds()), (ViewState::default(), vec![]));
        let share = run([Action::SetMeasure(Measure::Share)]);
        assert_eq!(from_query(&to_query(&share), &bounds()).0, share);
    }

    #[test]
    fn the_language_is_in_the_link() {
        let uk = run([Action::SetLang(Lang::Uk), Action::Select(26)]);
        assert_eq!(to_query(&uk), "day=26&lang=uk");
        assert_eq!(from_query("day=26&lang=uk", &bounds()).0, uk);
        assert_eq!(
            to_query(&run([Action::SetLang(Lang::En)])),
            "",
            "English is the default"
        );
        let (state, notices) = from_query("lang=de", &bounds());
        assert_eq!(state.options.lang, Lang::En);
        assert_eq!(said(&notices), ["Ignored lang=\"de\": use en or uk."]);
        assert_eq!(
            notices[0].text(Lang::Uk),
            "Пропущено lang=\"de\": можливі значення — en або uk."
        );
        assert!(
            !Action::SetLang(Lang::Uk).is_deliberate(),
            "a language is not a step back"
        );
    }

    #[test]
    fn embed_links() {
        let (embed, notices) = from_query("embed=casualties&from=10&to=60", &bounds());
        assert_eq!(
            (embed.embed, embed.options.range),
            (Some(ChartId::Casualties), Some((10, 60)))
        );
        assert!(notices.is_empty());
        assert_eq!(to_query(&embed), "from=10&to=60&embed=casualties");
        let (none, notices) = from_query("embed=<b>", &bounds());
        assert_eq!(none.embed, None);
        assert_eq!(
            said(&notices),
            ["Ignored embed=\"<b>\": use refugees, recorded, recorded-countries, casualties, idps, protection or refugees-daily."]
        );
    }

    #[test]
    fn every_country_hidden_reopens_with_none() {
        let none = run([Action::ToggleSeries("pol".into())]);
        let q = to_query(&none);
        assert_eq!(q, "countries=");
        let (back, notices) = from_query(&q, &bounds());
        assert_eq!(back.options.countries, Some(vec![]), "no country shown");
        assert!(notices.is_empty());
        let (unknown, notices) = from_query("countries=xx", &bounds());
        assert_eq!(unknown.options.countries, None, "nothing known: the default shown");
        assert_eq!(said(&notices), ["Ignored unknown country \"xx\"."]);
        let (default, _) = from_query("countries=pol", &bounds());
        assert_eq!(default.options.countries, None, "the default is no choice");
        let all = run([Action::ShowAllSeries]);
        assert_eq!(to_query(&all), "countries=pol%2Chun%2Crou-from-mda");
    }

    #[test]
    fn every_day_is_no_zoom() {
        let (s, notices) = from_query("from=1&to=120", &bounds());
        assert_eq!(s.options.range, None);
        assert!(notices.is_empty());
        assert_eq!(to_query(&s), "");
    }

    #[test]
    fn garbage_is_ignored_with_notices() {
        let (s, notices) = from_query(
            "?day=abc&from=5&to=999&countries=pol,xx<script>&mode=weekly&scale=&measure=per1000&utm=1&%FF=1",
            &bounds(),
        );
        assert_eq!(s.cursor.selected, None);
        assert_eq!(s.options.range, None);
        assert_eq!(s.options.measure, Measure::PerThousand, "valid parameters still apply");
        let default = &bounds().series_default;
        assert!(s.options.is_shown("pol", default) && !s.options.is_shown("hun", default));
        assert_eq!(
            said(&notices),
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
        assert_eq!(
            said(&notices)[0].chars().count(),
            "Ignored unknown parameter \"\".".len() + 41
        );
        let (s, notices) = from_query("day=100&from=10&to=20", &bounds());
        assert_eq!((s.cursor.selected, s.options.range), (None, Some((10, 20))));
        assert_eq!(
            said(&notices),
            ["Ignored day=100: it is outside the zoomed range 10 to 20."]
        );
        let (_, notices) = from_query("measure=perthousand", &bounds());
        assert_eq!(
            said(&notices),
            ["Ignored measure=\"perthousand\": use absolute, per1000 or share."]
        );
    }
}
