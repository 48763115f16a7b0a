use super::hooks::use_first_chart_mark;
use super::Shared;
use super::{controls, footer, page_header, ChartCanvas, DatasetSections, QuotePanel, SharePanel};
use crate::data::Dataset;
use crate::state::{from_query, reduce, to_query, Action, Bounds, ViewState};
use crate::web;
use crate::{export, transform};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub dataset: Shared<Dataset>,
}

/// The view state with what the reducer needs, for Yew's `use_reducer`.
#[derive(Clone, PartialEq)]
pub struct Model {
    pub state: ViewState,
    pub bounds: Bounds,
    /// Whether the last change was deliberate (it gets its own history entry).
    deliberate: bool,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let deliberate = action.is_deliberate();
        let state = reduce(&self.state, action, &self.bounds);
        if state == self.state {
            return self;
        }
        Rc::new(Model {
            state,
            bounds: self.bounds.clone(),
            deliberate,
        })
    }
}

/// Maps a key to an action: arrows step a day, PageUp/PageDown a week, Home/End the ends,
/// Escape clears the hover.
pub fn key_action(key: &str) -> Option<Action> {
    match key {
        "ArrowLeft" => Some(Action::Step(-1)),
        "ArrowRight" => Some(Action::Step(1)),
        "PageDown" => Some(Action::Step(-7)),
        "PageUp" => Some(Action::Step(7)),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        "Escape" => Some(Action::ClearHover),
        _ => None,
    }
}

/// The whole view: header, notices, controls, the charts, the quote panel and the sources. The
/// view state lives in one reducer and in the URL.
#[function_component(Dashboard)]
pub fn dashboard(props: &DashboardProps) -> Html {
    let d = &props.dataset;
    let (initial, notices) = {
        let d = d.clone();
        (*use_memo((), move |_| {
            let bounds = transform::bounds(&d);
            let (state, notices) = from_query(&web::location_search(), &bounds);
            (
                Model {
                    state,
                    bounds,
                    deliberate: false,
                },
                notices,
            )
        }))
        .clone()
    };
    let model = use_reducer(move || initial);
    let dispatch: Callback<Action> = {
        let model = model.dispatcher();
        Callback::from(move |action| model.dispatch(action))
    };

    // The URL follows the state: deliberate changes get their own history entry.
    {
        let query = to_query(&model.state, &model.bounds);
        use_effect_with((query, model.deliberate), |(query, deliberate)| {
            web::set_query(query, *deliberate)
        });
    }
    // Back and forward restore the view from the URL.
    {
        let dispatch = dispatch.clone();
        let bounds = model.bounds.clone();
        use_effect_with((), move |_| {
            let listener = web::WindowListener::new("popstate", move || {
                let (state, _) = from_query(&web::location_search(), &bounds);
                dispatch.emit(Action::Restore(Box::new(state)));
            });
            move || drop(listener)
        });
    }
    // Play: ten days a second, until the end or a pause. A reader who prefers reduced motion
    // gets no animation: a week at a time, once a second.
    {
        let dispatch = dispatch.clone();
        use_effect_with(model.state.playing, move |playing| {
            let interval = playing.then(|| {
                let (period, days) = if web::prefers_reduced_motion() {
                    (1000, 7)
                } else {
                    (100, 1)
                };
                let tick = Closure::<dyn Fn()>::new(move || dispatch.emit(Action::Tick(days)));
                let id = web_sys::window().and_then(|w| {
                    w.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), period)
                        .ok()
                });
                (tick, id)
            });
            move || {
                if let (Some((_tick, Some(id))), Some(w)) = (interval, web_sys::window()) {
                    w.clear_interval_with_handle(id);
                }
            }
        });
    }

    let specs = {
        let state = model.state.clone();
        let d = d.clone();
        use_memo(
            (
                state.range,
                state.hidden.clone(),
                state.mode,
                state.scale,
                state.measure,
                state.earlier_vintage,
            ),
            move |_| {
                transform::with_events(&d, transform::charts(&d, &state))
                    .into_iter()
                    .map(Shared::new)
                    .collect::<Vec<_>>()
            },
        )
    };
    // Marks `first-chart` once every chart of the first view has been drawn.
    let on_drawn = use_first_chart_mark(if model.state.embed.is_some() { 1 } else { specs.len() });
    let on_select = dispatch.reform(Action::Select);
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(action) = key_action(&e.key()) {
                e.prevent_default();
                dispatch.emit(action);
            }
        })
    };
    let state = &model.state;
    // The view as its link gives it: what the share panel, CSV, PNG and citation name.
    let view = ViewState {
        hover: None,
        playing: false,
        embed: None,
        ..state.clone()
    };
    let link = {
        let query = to_query(&view, &model.bounds);
        let base = web::page_base();
        if query.is_empty() {
            base
        } else {
            format!("{base}?{query}")
        }
    };
    let stamp = AttrValue::from(export::stamp(d, &view, &link));
    let chart = |spec: &Shared<transform::ChartSpec>, sources_page: &str| {
        html! {
            <ChartCanvas key={spec.id} spec={spec.clone()} selected={state.selected} hover={state.hover}
                on_drawn={on_drawn.clone()} dispatch={dispatch.clone()} on_key={on_key.clone()} stamp={stamp.clone()} sources_page={sources_page.to_string()} />
        }
    };
    // Embedded (`?embed=<chart>`): that chart, its sources and a link to the full view, no more.
    if let Some(id) = state.embed {
        return html! {
            <main class="embed">
                { for specs.iter().filter(|s| s.id == id).map(|spec| chart(spec, &link)) }
                <p class="embed-link">
                    <a href={link.clone()} target="_blank" rel="noopener">{ "Open the full view, with every source, caveat and quote" }</a>
                </p>
            </main>
        };
    }
    let announcement = state
        .selected
        .map(|day| transform::headline(d, day))
        .unwrap_or_default();
    html! {
        <>
        { page_header(d) }
        if !notices.is_empty() {
            <div class="notices" role="status">
                <p>{ "Some of the link's settings were not understood and were ignored:" }</p>
                <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            </div>
        }
        { controls(d, state, &model.bounds, &dispatch, &on_key) }
        <p id="announcer" class="announcer" aria-live="polite">{ announcement }</p>
        <div class="layout">
            <main class="charts">
                { for specs.iter().map(|spec| chart(spec, "")) }
                <SharePanel dataset={d.clone()} view={view.clone()} link={link.clone()}
                    charts={specs.iter().map(|s| (s.id, s.title.clone())).collect::<Vec<_>>()} />
                <DatasetSections dataset={d.clone()} />
            </main>
            <QuotePanel dataset={d.clone()} selected={state.selected} hover={state.hover} on_select={on_select.clone()} />
        </div>
        { footer(d) }
        </>
    }
}
