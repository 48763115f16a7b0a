use crate::chart::Mark;
use crate::data::Dataset;
use crate::state::{choices_summary, reduce, summary, Action, Bounds, Measure, Mode, Scale, ViewState};
use crate::transform::series_color;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A callback that sends one action, whatever the event.
fn send<E: 'static>(dispatch: &Callback<Action>, action: Action) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.emit(action.clone()))
}

fn input_day(e: &Event) -> Option<i64> {
    e.target_dyn_into::<HtmlInputElement>()
        .and_then(|i| i.value().parse().ok())
}

/// A range handle ("from" or "to"): moving it sends its action, and the handle then shows the
/// end of the range the view will have (which may differ from where it was dropped).
fn range_handle(
    s: &ViewState,
    b: &Bounds,
    dispatch: &Callback<Action>,
    action: fn(i64) -> Action,
    end: fn((i64, i64)) -> i64,
) -> Callback<Event> {
    let (s, b, dispatch) = (s.clone(), b.clone(), dispatch.clone());
    Callback::from(move |e: Event| {
        let Some(day) = input_day(&e) else { return };
        let next = reduce(&s, action(day), &b);
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            input.set_value(&end(next.options.visible(&b)).to_string());
        }
        dispatch.emit(action(day));
    })
}

/// A labelled radio group.
fn choice<T: Copy + PartialEq + 'static>(
    name: &'static str,
    legend: &str,
    options: &[(T, &str)],
    current: T,
    on: Callback<T>,
) -> Html {
    html! {
        <fieldset class="choice">
            <legend>{ legend }</legend>
            { for options.iter().map(|&(value, label)| {
                let on = on.clone();
                html! {
                    <label>
                        <input type="radio" name={name} checked={value == current}
                            onchange={Callback::from(move |_| on.emit(value))} />
                        { label }
                    </label>
                }
            }) }
        </fieldset>
    }
}

/// The timeline (select a day, play), pinned, and, in the page's flow, the days shown (zoom and
/// named ranges). The country chart's own choices are under its title (`refugee_choices`). On a phone everything but the timeline folds
/// into one summary line that opens it (`open`, toggled by `on_open`): the stylesheet folds it,
/// so the first view baked into the page folds the same way. A plain function, not a component:
/// it follows every change of the view state anyway.
pub fn controls(
    s: &ViewState,
    b: &Bounds,
    (dispatch, on_key): (&Callback<Action>, &Callback<KeyboardEvent>),
    (open, on_open): (bool, Callback<MouseEvent>),
) -> Html {
    let lang = s.options.lang;
    // Pinned at the top of a wide screen: the timeline alone, one slim row. What else the
    // reader may choose is in the page's flow, under it.
    html! {
        <>
        <section class="controls timeline-bar" aria-label={tr!(lang, ExploreByWarDay)}>
            { timeline(s, b, dispatch, on_key) }
        </section>
        <section class="controls view-options" aria-label={tr!(lang, ViewOptions)}>
            <div class={classes!("more-controls", open.then_some("open"))}>
                <button type="button" class="more-summary" aria-expanded={open.to_string()} aria-controls="more-controls"
                    onclick={on_open}>{ summary(s) }</button>
                <div class="more" id="more-controls">
                { zoom(s, b, dispatch) }
                </div>
            </div>
        </section>
        </>
    }
}

/// Play, step and the slider of the selected day.
fn timeline(s: &ViewState, b: &Bounds, dispatch: &Callback<Action>, on_key: &Callback<KeyboardEvent>) -> Html {
    let (lo, hi) = s.options.visible(b);
    let lang = s.options.lang;
    let day_text = |day| lang.day_label(day);
    let selected = s.cursor.selected.unwrap_or(lo);
    let select = |dispatch: &Callback<Action>| {
        let dispatch = dispatch.clone();
        move |e: &Event| {
            if let Some(day) = input_day(e) {
                dispatch.emit(Action::Select(day));
            }
        }
    };
    let on_change = {
        let select = select(dispatch);
        Callback::from(move |e: Event| select(&e))
    };
    let on_input = {
        let select = select(dispatch);
        Callback::from(move |e: InputEvent| select(&e))
    };
    html! {
        <div class="timeline">
            <button type="button" class="play" aria-pressed={s.cursor.playing.to_string()} onclick={send(dispatch, Action::TogglePlay)}>
                { if s.cursor.playing { tr!(lang, Pause) } else { tr!(lang, Play) } }
            </button>
            <button type="button" aria-label={tr!(lang, PreviousDay)} onclick={send(dispatch, Action::Step(-1))}>{ "◀" }</button>
            <label class="timeline-label">
                <span class="visually-hidden">{ tr!(lang, SelectedWarDay) }</span>
                <input id="timeline" type="range" min={lo.to_string()} max={hi.to_string()} step="1"
                    value={selected.to_string()} aria-valuetext={day_text(selected)}
                    onchange={on_change} oninput={on_input} onkeydown={on_key.clone()} />
            </label>
            <button type="button" aria-label={tr!(lang, NextDay)} onclick={send(dispatch, Action::Step(1))}>{ "▶" }</button>
            <output class="selected-day" for="timeline">
                { s.cursor.selected.map_or_else(|| tr!(lang, NoDaySelectedHint).to_string(), day_text) }
            </output>
        </div>
    }
}

/// The two handles of the range of days shown, and the way back to every day.
fn zoom(s: &ViewState, b: &Bounds, dispatch: &Callback<Action>) -> Html {
    // Zoomed is never one day nor every day: two days or fewer leave nothing to zoom.
    let lang = s.options.lang;
    if b.last_day - b.first_day < 2 {
        return html! { <div class="zoom"><p class="hint">{ tr!(lang, TooFewDaysToZoom) }</p></div> };
    }
    let day_text = |day| lang.day_label(day);
    let (lo, hi) = s.options.visible(b);
    let on_from = range_handle(s, b, dispatch, Action::ZoomFrom, |(lo, _)| lo);
    let on_to = range_handle(s, b, dispatch, Action::ZoomTo, |(_, hi)| hi);
    html! {
        <div class="zoom">
            <label>{ tr!(lang, ZoomFrom) }{ " " }
                <input id="zoom-from" type="range" min={b.first_day.to_string()} max={(b.last_day - 1).to_string()} value={lo.to_string()}
                    aria-valuetext={day_text(lo)} onchange={on_from} />
                <span class="zoom-day">{ day_text(lo) }</span>
            </label>
            <label>{ tr!(lang, ZoomTo) }{ " " }
                <input id="zoom-to" type="range" min={(b.first_day + 1).to_string()} max={b.last_day.to_string()} value={hi.to_string()}
                    aria-valuetext={day_text(hi)} onchange={on_to} />
                <span class="zoom-day">{ day_text(hi) }</span>
            </label>
            <button type="button" disabled={s.options.range.is_none()} onclick={send(dispatch, Action::ResetZoom)}>{ tr!(lang, ShowAllDays) }</button>
            <span class="named-ranges">
                { for crate::state::named_ranges(b).into_iter().map(|(name, (from, to))| {
                    let text = match name {
                        crate::state::NamedRange::FirstMonths => tr!(lang, FirstMonths).to_string(),
                        crate::state::NamedRange::Year(year) => year.to_string(),
                    };
                    let pressed = s.options.range == Some((from, to));
                    html! {
                        <button type="button" aria-pressed={pressed.to_string()} onclick={send(dispatch, Action::Zoom(from, to))}>{ text }</button>
                    }
                }) }
            </span>
            <span class="hint">{ tr!(lang, OrDragAcross) }</span>
        </div>
    }
}

/// The country chart's choices, folded under its title, the fold naming them in one line:
/// countries (and UNHCR's earlier vintage), cumulative or daily, absolute, per 1,000 residents
/// or share, linear or logarithmic. None of them changes another chart.
pub fn refugee_choices(d: &Dataset, s: &ViewState, b: &Bounds, dispatch: &Callback<Action>) -> Html {
    let o = &s.options;
    let lang = o.lang;
    let name = |id: &str| {
        let series = d.refugees.by_country.iter().find(|s| s.id == id);
        series.map_or_else(|| id.to_string(), |s| crate::transform::country_name(d, s, lang))
    };
    html! {
        <details class="chart-choices refugee-choices">
            <summary>{ choices_summary(s, b, name) }</summary>
            { countries(d, s, b, dispatch) }
            { choice("mode", tr!(lang, Figures), &[(Mode::Cumulative, tr!(lang, Cumulative)), (Mode::Daily, tr!(lang, Daily))], o.mode, dispatch.reform(Action::SetMode)) }
            { choice("measure", tr!(lang, Measure), &[(Measure::Absolute, tr!(lang, Absolute)), (Measure::PerThousand, tr!(lang, PerThousandResidents)), (Measure::Share, tr!(lang, ShareOfTotal))], o.measure, dispatch.reform(Action::SetMeasure)) }
            { choice("scale", tr!(lang, ScaleOfCountryChart), &[(Scale::Linear, tr!(lang, Linear)), (Scale::Log, tr!(lang, Logarithmic))], o.scale, dispatch.reform(Action::SetScale)) }
        </details>
    }
}

/// The receiving countries whose refugees recorded the recorded chart shows, folded under it:
/// every country with figures, the most first, with a way back to those with the most.
pub fn recorded_countries(d: &Dataset, s: &ViewState, b: &Bounds, dispatch: &Callback<Action>) -> Html {
    let lang = s.options.lang;
    let chosen = s.options.recorded_countries(b);
    let name = |code: &str| {
        let own = d
            .figures
            .iter()
            .find(|f| f.iso3.as_deref() == Some(code))
            .and_then(|f| f.country.clone())
            .unwrap_or_else(|| code.to_string());
        match lang {
            crate::i18n::Lang::En => own,
            _ => lang.country(code).map_or(own, str::to_string),
        }
    };
    html! {
        <details class="chart-choices">
            <summary>{ tr!(lang, ChooseCountries) }{ format!(" ({} / {})", chosen.len(), b.recorded.len()) }</summary>
            <fieldset>
                <legend class="visually-hidden">{ tr!(lang, ChooseCountries) }</legend>
                { for b.recorded.iter().map(|code| html! {
                    <label class="country">
                        <input type="checkbox" checked={chosen.contains(code)} data-recorded={code.clone()}
                            onchange={send::<Event>(dispatch, Action::ToggleRecordedCountry(code.clone()))} />
                        { name(code) }
                    </label>
                }) }
                <button type="button" disabled={s.options.recorded.is_none()} onclick={send(dispatch, Action::DefaultRecordedCountries)}>
                    { tr!(lang, CountriesWithMost, count = b.recorded_default.len()) }
                </button>
            </fieldset>
        </details>
    }
}

/// The receiving countries to show, each in its colour, and the earlier vintage of the total.
fn countries(d: &Dataset, s: &ViewState, b: &Bounds, dispatch: &Callback<Action>) -> Html {
    let o = &s.options;
    let default = &b.series_default;
    let lang = o.lang;
    html! {
        <fieldset class="countries">
            <legend>{ tr!(lang, ReceivingCountries) }</legend>
            { for d.refugees.by_country.iter().map(|series| {
                let mark = if series.kind == crate::data::SeriesKind::ArrivalsFromMoldova { Mark::DashedLine } else { Mark::Line };
                html! {
                    <label class="country">
                        <input type="checkbox" checked={o.is_shown(&series.id, default)} data-series={series.id.clone()}
                            onchange={send::<Event>(dispatch, Action::ToggleSeries(series.id.clone()))} />
                        { super::tooltip::swatch(series_color(d, &series.id), mark) }
                        { crate::transform::series_label(d, series, lang) }
                    </label>
                }
            }) }
            <button type="button" disabled={b.series.iter().all(|id| o.is_shown(id, default))} onclick={send(dispatch, Action::ShowAllSeries)}>{ tr!(lang, AllSeries) }</button>
            <button type="button" disabled={o.countries.is_none()} onclick={send(dispatch, Action::DefaultSeries)}>{ tr!(lang, DefaultSeries) }</button>
            if d.refugees.earlier_total.is_some() {
                <label class="vintage">
                    <input type="checkbox" id="earlier-vintage" checked={o.earlier_vintage} onchange={send::<Event>(dispatch, Action::ToggleEarlierVintage)} />
                    { tr!(lang, OverlayEarlierVintage) }
                </label>
            }
        </fieldset>
    }
}
