use super::hover::use_hover_quote;
use super::Shared;
use super::{external_link, quote_body};
use crate::data::{outlet, Dataset, Quote};
use crate::i18n::{lang_of, Lang};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuotePanelProps {
    pub dataset: Shared<Dataset>,
    #[prop_or_default]
    pub selected: Option<i64>,
    #[prop_or_default]
    pub on_select: Callback<i64>,
    /// Whether the quotes themselves are rendered (the panel is in place either way).
    #[prop_or(true)]
    pub quotes_shown: bool,
}

#[derive(Properties, PartialEq)]
struct QuoteItemProps {
    /// The quotes in date order.
    quotes: Shared<Vec<Quote>>,
    /// The quote's place among the quotes in date order.
    index: usize,
    current: bool,
    on_select: Callback<i64>,
}

/// One quote, highlighted when it goes with the day followed: a component of its own, so that a
/// hover re-renders only the quotes whose highlight changes.
#[function_component(QuoteItem)]
fn quote_item(props: &QuoteItemProps) -> Html {
    let Some(q) = props.quotes.get(props.index) else {
        return Html::default();
    };
    let day = q.war_day;
    let lang = super::use_lang();
    let on_select = props.on_select.clone();
    let current = props.current;
    let when = html! {
        <>
            <time datetime={q.date.iso()}>{ lang.date(q.date) }</time>
            { " · " }{ tr!(lang, SummaryDay, day = lang.whole(day)) }
        </>
    };
    // Baked into the page (natively), nothing can select a day: the date is text, also for a
    // reader without JavaScript. The app makes it the button that selects the day.
    let when = if cfg!(target_arch = "wasm32") {
        html! {
            <button type="button" class="quote-day" onclick={Callback::from(move |_| on_select.emit(day))}>
                { when }
                <span class="visually-hidden">{ tr!(lang, SelectThisDay) }</span>
            </button>
        }
    } else {
        html! { <span class="quote-day quote-day-text"><span>{ when }</span></span> }
    };
    html! {
        <li class={classes!("quote", current.then_some("current"))} data-war-day={day.to_string()} aria-current={current.then_some("true")}>
            <p class="quote-when">{ when }</p>
            { quote_body(q, lang) }
        </li>
    }
}

/// Quotes in date order: speaker, role, date and war day, the words, context, source, notes.
/// The quotes of the selected (or hovered) day are highlighted, and selecting a day scrolls the
/// panel to them.
#[function_component(QuotePanel)]
pub fn quote_panel(props: &QuotePanelProps) -> Html {
    let quotes = {
        let d = props.dataset.clone();
        (*use_memo(d, |d| {
            Shared::new(d.quotes_by_date().into_iter().cloned().collect::<Vec<Quote>>())
        }))
        .clone()
    };
    let d = &props.dataset;
    let lang = super::use_lang();
    // The highlight follows the hovered day (else the selected one); the status line and the
    // day's events follow the selected day only, so that a hover changes a class, not text.
    let target = use_hover_quote().unwrap_or_else(|| props.selected.and_then(|day| d.quote_day(day)));
    let selected_target = props.selected.and_then(|day| d.quote_day(day));
    let list = use_node_ref();
    {
        let list = list.clone();
        let target = props.selected.and_then(|day| d.quote_day(day));
        // Also when the quotes arrive after the panel (see `quotes_shown`).
        use_effect_with((target, props.quotes_shown), move |(target, _)| {
            let (Some(day), Some(panel)) = (target, list.cast::<HtmlElement>()) else {
                return;
            };
            let item = panel
                .query_selector(&format!("li.quote[data-war-day=\"{day}\"]"))
                .ok()
                .flatten()
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok());
            if let Some(item) = item {
                // Scroll the panel itself (not the page) so the item is at its top.
                let delta = item.get_bounding_client_rect().top() - panel.get_bounding_client_rect().top();
                panel.set_scroll_top(panel.scroll_top() + delta.round() as i32 - 8);
            }
        });
    }
    let status = match (props.selected, selected_target) {
        (Some(day), Some(t)) if t == day => tr!(lang, SaidOnDay, day = lang.whole(day)),
        (Some(day), Some(t)) => tr!(lang, NothingSaidOnDay, day = lang.whole(day), nearest = lang.whole(t)),
        (Some(day), None) => tr!(lang, NothingSaidByDay, day = lang.whole(day)),
        (None, _) => tr!(lang, SelectADay).to_string(),
    };
    let events = props
        .dataset
        .events
        .iter()
        .filter(|e| Some(e.war_day) == props.selected);
    html! {
        <aside class="quotes scrolling" aria-labelledby="quotes-heading" ref={list}>
            <h2 id="quotes-heading">{ tr!(lang, WhatWasSaid) }</h2>
            <p class="panel-note">{ tr!(lang, QuotedExactly) }{ " " }<span class="quote-status">{ status }</span></p>
            <ul class="panel-events">
                { for events.map(|e| html! {
                    <li>{ tr!(lang, EventThatDay) }{ " " }<span lang={lang_of(&e.title)}>{ &e.title }</span>{ " (" }{ external_link(&e.source_url, outlet(&e.source_url)) }{ ")" }</li>
                }) }
            </ul>
        if props.quotes_shown {
            <ol class="quote-list">
            { for quotes.iter().enumerate().map(|(index, q)| html! {
                <QuoteItem key={index} quotes={quotes.clone()} index={index}
                    current={Some(q.war_day) == target} on_select={props.on_select.clone()} />
            }) }
            </ol>
        } else {
            { super::adopting(".quote-list") }
        }
        </aside>
    }
}

/// On a phone, the selected day's quotes (or the nearest earlier ones) open from the bottom of
/// the screen, without scrolling to the panel after the charts.
pub fn day_sheet(d: &Dataset, selected: Option<i64>, lang: Lang) -> Html {
    let Some(day) = selected.and_then(|s| d.quote_day(s)) else {
        // No day chosen yet (or none with quotes by then): a way to the quotes, in reach.
        return html! {
            <a class="day-sheet quotes-jump" href="#quotes-heading">{ tr!(lang, QuotesJump, count = d.quotes.len()) }</a>
        };
    };
    let quotes = d.quotes_by_date();
    let of_day: Vec<_> = quotes.iter().filter(|q| q.war_day == day).collect();
    let title = match selected {
        Some(s) if s == day => tr!(lang, SaidOnDaySheet, day = lang.whole(day), count = of_day.len()),
        _ => tr!(lang, SaidLastSheet, day = lang.whole(day), count = of_day.len()),
    };
    html! {
        <details class="day-sheet">
            <summary>{ title }</summary>
            <ol class="quote-list">
                { for of_day.iter().map(|q| html! { <li class="quote">{ quote_body(q, lang) }</li> }) }
            </ol>
        </details>
    }
}
