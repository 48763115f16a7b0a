//! Properties of the view state over random action sequences and random queries: whatever a
//! reader does, the state stays consistent, a copied link reopens exactly the view, and the
//! range handles always show the view's range.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::chart::ChartId;
use displacement_tracker::state::{
    from_query, reduce, to_query, Action, Bounds, Cursor, Measure, Mode, Scale, ViewState,
};
use proptest::prelude::*;

const SERIES: [&str; 4] = ["pol", "hun", "rus", "rou-from-mda"];
const RECORDED: [&str; 4] = ["DEU", "POL", "CZE", "MLT"];

fn bounds() -> impl Strategy<Value = Bounds> {
    (
        1i64..300, // a one-day dataset too (a reader may open one)
        proptest::sample::subsequence(SERIES.to_vec(), 0..=SERIES.len()),
    )
        .prop_map(|(last, series)| Bounds {
            first_day: 1,
            last_day: last,
            series_default: series.iter().take(1).map(|s| s.to_string()).collect(),
            series: series.into_iter().map(String::from).collect(),
            recorded: RECORDED.iter().map(|c| c.to_string()).collect(),
            recorded_default: RECORDED[..2].iter().map(|c| c.to_string()).collect(),
        })
}

/// A day, sometimes far outside any data, sometimes at the ends of i64.
fn day() -> impl Strategy<Value = i64> {
    prop_oneof![
        8 => -20i64..320,
        1 => any::<i64>(),
        1 => Just(i64::MAX),
        1 => Just(i64::MIN),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        day().prop_map(Action::Select),
        day().prop_map(Action::Step),
        Just(Action::First),
        Just(Action::Last),
        Just(Action::TogglePlay),
        prop_oneof![-3i64..10, any::<i64>()].prop_map(Action::Tick),
        (day(), day()).prop_map(|(a, b)| Action::Zoom(a, b)),
        day().prop_map(Action::ZoomFrom),
        day().prop_map(Action::ZoomTo),
        Just(Action::ResetZoom),
        prop_oneof![proptest::sample::select(SERIES.to_vec()), Just("nope")]
            .prop_map(|s| Action::ToggleSeries(s.into())),
        Just(Action::ShowAllSeries),
        Just(Action::DefaultSeries),
        Just(Action::ToggleEarlierVintage),
        prop_oneof![proptest::sample::select(RECORDED.to_vec()), Just("ZZZ")]
            .prop_map(|c| Action::ToggleRecordedCountry(c.into())),
        Just(Action::DefaultRecordedCountries),
        day().prop_map(|d| Action::StepMonths(d.clamp(-1000, 1000) as i32)),
        proptest::sample::select(Mode::ALL.to_vec()).prop_map(Action::SetMode),
        proptest::sample::select(Scale::ALL.to_vec()).prop_map(Action::SetScale),
        proptest::sample::select(Measure::ALL.to_vec()).prop_map(Action::SetMeasure),
    ]
}

fn run(bounds: &Bounds, actions: &[Action]) -> ViewState {
    actions
        .iter()
        .fold(ViewState::default(), |s, a| reduce(&s, a.clone(), bounds))
}

/// What must hold of every state a reader can reach.
fn consistent(s: &ViewState, b: &Bounds) -> Result<(), TestCaseError> {
    let o = &s.options;
    if let Some((a, z)) = o.range {
        prop_assert!(b.first_day <= a && a < z && z <= b.last_day, "range {a}..{z}");
        prop_assert!((a, z) != (b.first_day, b.last_day), "every day is no zoom");
    }
    if let Some(chosen) = &o.recorded {
        let in_order: Vec<&String> = b.recorded.iter().filter(|c| chosen.contains(c)).collect();
        prop_assert_eq!(
            in_order,
            chosen.iter().collect::<Vec<_>>(),
            "recorded: known countries, in order"
        );
        prop_assert!(chosen != &b.recorded_default, "the default is no choice");
    }
    let (lo, hi) = o.visible(b);
    if let Some(day) = s.cursor.selected {
        prop_assert!((lo..=hi).contains(&day), "selected {day} outside {lo}..{hi}");
    }
    prop_assert!(!s.cursor.playing || s.cursor.selected.is_some());
    if let Some(shown) = &o.countries {
        let in_order: Vec<&String> = b.series.iter().filter(|x| shown.contains(x)).collect();
        prop_assert_eq!(
            in_order,
            shown.iter().collect::<Vec<_>>(),
            "shown: known series, in order"
        );
        prop_assert!(shown != &b.series_default, "the default is no choice");
    }
    Ok(())
}

/// The state a link reopens: as it was, not playing.
fn as_reopened(s: &ViewState) -> ViewState {
    ViewState {
        cursor: Cursor {
            selected: s.cursor.selected,
            ..Cursor::default()
        },
        ..s.clone()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_reachable_state_is_consistent(b in bounds(), actions in proptest::collection::vec(action(), 0..40)) {
        let mut s = ViewState::default();
        for a in actions {
            s = reduce(&s, a, &b);
            consistent(&s, &b)?;
        }
    }

    #[test]
    fn a_link_reopens_exactly_its_view(
        b in bounds(),
        actions in proptest::collection::vec(action(), 0..40),
        embed in proptest::option::of(proptest::sample::select(ChartId::ALL.to_vec())),
    ) {
        let mut s = run(&b, &actions);
        s.embed = embed;
        let query = to_query(&s);
        let (back, notices) = from_query(&query, &b);
        prop_assert!(notices.is_empty(), "{query}: {notices:?}");
        prop_assert_eq!(back, as_reopened(&s), "{}", query);
    }

    #[test]
    fn the_range_handles_show_the_view_range(
        b in bounds(),
        actions in proptest::collection::vec(action(), 0..20),
        handle in day(),
    ) {
        let s = run(&b, &actions);
        if b.first_day == b.last_day {
            // One day: nothing to zoom, and nothing changes.
            prop_assert_eq!(&reduce(&s, Action::ZoomFrom(handle), &b), &s);
            prop_assert_eq!(&reduce(&s, Action::ZoomTo(handle), &b), &s);
            return Ok(());
        }
        let from = reduce(&s, Action::ZoomFrom(handle), &b);
        prop_assert_eq!(from.options.visible(&b).0, handle.clamp(b.first_day, b.last_day - 1));
        prop_assert!(from.options.visible(&b).1 >= s.options.visible(&b).1, "the end moves only forward");
        let to = reduce(&s, Action::ZoomTo(handle), &b);
        prop_assert_eq!(to.options.visible(&b).1, handle.clamp(b.first_day + 1, b.last_day));
        prop_assert!(to.options.visible(&b).0 <= s.options.visible(&b).0, "the start moves only back");
    }

    #[test]
    fn a_range_of_every_day_is_no_zoom(b in bounds(), day in proptest::option::of(day())) {
        let mut query = format!("from={}&to={}", b.first_day, b.last_day);
        if let Some(day) = day {
            query.push_str(&format!("&day={day}"));
        }
        let (s, _) = from_query(&query, &b);
        prop_assert_eq!(s.options.range, None);
        prop_assert!(!to_query(&s).contains("from="));
    }

    #[test]
    fn any_query_reads_as_a_consistent_state(b in bounds(), pairs in proptest::collection::vec(
        (
            prop_oneof![
                proptest::sample::select(vec!["day", "from", "to", "countries", "mode", "scale", "measure", "vintage", "embed"]).prop_map(String::from),
                "\\PC{0,8}",
            ],
            prop_oneof![
                day().prop_map(|d| d.to_string()),
                proptest::sample::select(vec!["", "pol", "pol,hun", "daily", "log", "share", "per1000", "earlier", "idps"]).prop_map(String::from),
                "\\PC{0,12}",
            ],
        ),
        0..8,
    )) {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            q.append_pair(k, v);
        }
        let query = q.finish();
        let (s, _) = from_query(&query, &b);
        consistent(&s, &b)?;
        // What was read writes back to a link that reads the same again.
        let again = from_query(&to_query(&s), &b);
        prop_assert_eq!(again, (s, vec![]));
    }
}
