//! Hooks shared by the views.

use crate::chart::theme::{ThemeChoice, ThemeName};
use crate::chart::ChartId;
use crate::web;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A callback for charts to report "drawn" (with their id and true), or "waits out of sight
/// until the app shows" (false). Once every one of the `expected` charts has reported and the
/// charts are in the view (`charts_in`), once only: the app takes the place of the first view
/// baked into the page, and marks `app-ready`, and `first-chart` unless the baked view has
/// marked it already. Once every chart has been drawn after that and the rest of the view is
/// rendered too (`rest`), it marks `view-complete`.
#[hook]
pub fn use_first_chart_mark(expected: usize, charts_in: bool, rest: bool) -> Callback<(ChartId, bool)> {
    let seen = use_mut_ref(Reports::default);
    let now = use_mut_ref(|| (charts_in, rest));
    *now.borrow_mut() = (charts_in, rest);
    let ready: Rc<dyn Fn()> = {
        let seen: Rc<RefCell<Reports>> = seen.clone();
        Rc::new(move || {
            let mut seen = seen.borrow_mut();
            let (charts_in, rest) = *now.borrow();
            if seen.reported.len() == expected && charts_in && !seen.shown {
                seen.shown = true;
                web::reveal_app();
                web::mark_once("first-chart");
                web::mark("app-ready");
            }
            if seen.shown && seen.drawn.len() == expected && rest && !seen.complete {
                seen.complete = true;
                web::mark("view-complete");
            }
        })
    };
    {
        let ready = ready.clone();
        use_effect_with((charts_in, rest), move |_| ready());
    }
    Callback::from(move |(id, drawn): (ChartId, bool)| {
        {
            let mut seen = seen.borrow_mut();
            if !seen.reported.contains(&id) {
                seen.reported.push(id);
            }
            if drawn && !seen.drawn.contains(&id) {
                seen.drawn.push(id);
            }
        }
        ready();
    })
}

/// What the charts have reported to `use_first_chart_mark`, and what it has marked.
#[derive(Default)]
struct Reports {
    /// Drawn, or waiting out of sight.
    reported: Vec<ChartId>,
    drawn: Vec<ChartId>,
    /// The app shows (`app-ready`).
    shown: bool,
    /// `view-complete` is marked.
    complete: bool,
}

/// A counter that changes each time the window is resized (a dependency for redraws).
#[hook]
pub fn use_window_resizes() -> u32 {
    let resized = use_state(|| 0u32);
    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let listener = web::on_window("resize", move || resized.set(*resized + 1));
            move || drop(listener)
        });
    }
    *resized
}

/// Where the reader's choice of colours is kept, and the system's question for dark colours.
const THEME_KEY: &str = "theme";
const SYSTEM_DARK: &str = "(prefers-color-scheme: dark)";

/// The reader's colours: the theme shown, their choice, a way to change it, and a note when the
/// browser will not remember it.
pub struct ThemeState {
    pub shown: ThemeName,
    pub choice: ThemeChoice,
    pub choose: Callback<ThemeChoice>,
    pub note: Option<String>,
}

/// The theme the reader sees: their stored choice, or the system's preference, followed as it
/// changes. Choosing sets the page's `data-theme` (the stylesheet follows it) and stores it.
#[hook]
pub fn use_theme() -> ThemeState {
    let choice = use_state(|| {
        web::stored(THEME_KEY)
            .as_deref()
            .and_then(ThemeChoice::parse)
            .unwrap_or_default()
    });
    let system_dark = use_state(|| web::media_matches(SYSTEM_DARK));
    let note = use_state(|| None::<String>);
    {
        let system_dark = system_dark.clone();
        use_effect_with((), move |_| {
            let listener = web::on_media_change(SYSTEM_DARK, move |dark| system_dark.set(dark));
            move || drop(listener)
        });
    }
    let choose = {
        let (choice, note) = (choice.clone(), note.clone());
        Callback::from(move |chosen: ThemeChoice| {
            let fixed = (chosen != ThemeChoice::System).then(|| chosen.as_str());
            web::set_root_attribute("data-theme", fixed);
            note.set(web::store(THEME_KEY, fixed).err().map(|e| e.to_string()));
            choice.set(chosen);
        })
    };
    ThemeState {
        shown: choice.effective(*system_dark),
        choice: *choice,
        choose,
        note: (*note).clone(),
    }
}

/// Whether a media query matches, followed as it changes (e.g. the phone layout).
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let matches = use_state(|| web::media_matches(query));
    {
        let matches = matches.clone();
        use_effect_with(query, move |query| {
            let listener = web::on_media_change(query, move |now| matches.set(now));
            move || drop(listener)
        });
    }
    *matches
}
