//! Hooks shared by the views.

use crate::chart::theme::{ThemeChoice, ThemeName};
use crate::chart::ChartId;
use crate::web;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A callback for charts to report "drawn" (with their id). Once all `expected` charts have been
/// drawn and the rest of the view is rendered (`rest`), once only: the app takes the place of the
/// first view baked into the page, and marks `app-ready`, and `first-chart` unless the baked view
/// has marked it already.
#[hook]
pub fn use_first_chart_mark(expected: usize, rest: bool) -> Callback<ChartId> {
    let drawn = use_mut_ref(|| (Vec::<ChartId>::new(), false));
    let rest_now = use_mut_ref(|| rest);
    *rest_now.borrow_mut() = rest;
    let ready: Rc<dyn Fn()> = {
        let drawn: Rc<RefCell<(Vec<ChartId>, bool)>> = drawn.clone();
        Rc::new(move || {
            let mut drawn = drawn.borrow_mut();
            if drawn.0.len() == expected && *rest_now.borrow() && !drawn.1 {
                drawn.1 = true;
                web::reveal_app();
                web::mark_once("first-chart");
                web::mark("app-ready");
            }
        })
    };
    {
        let ready = ready.clone();
        use_effect_with(rest, move |_| ready());
    }
    Callback::from(move |id: ChartId| {
        {
            let mut drawn = drawn.borrow_mut();
            if !drawn.0.contains(&id) {
                drawn.0.push(id);
            }
        }
        ready();
    })
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
