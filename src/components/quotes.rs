use super::Shared;
use super::{external_link, quote_body};
use crate::data::{outlet, Dataset};
use crate::transform::quote_day;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuotePanelProps {
    pub dataset: Shared<Dataset>,
    #[prop_or_default]
    pub selected: Option<i64>,
    #[prop_or_default]
    pub hover: Option<i64>,
    #[prop_or_default]
    pub on_select: Callback<i64>,
}

/// Quotes in date order: speaker, role, date and war day, the words, context, source, notes.
/// The quotes of the selected (or hovered) day are highlighted, and selecting a day scrolls the
/// panel to them.
#[function_component(QuotePanel)]
pub fn quote_panel(props: &QuotePanelProps) -> Html {
    let quotes = props.dataset.quotes_by_date();
    let days: Vec<i64> = quotes.iter().map(|q| q.war_day).collect();
    let focus = props.hover.or(props.selected);
    let target = focus.and_then(|day| quote_day(&days, day));
    let list = use_node_ref();
    {
        let list = list.clone();
        let target = props.selected.and_then(|day| quote_day(&days, day));
        use_effect_with(target, move |target| {
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
    let status = match (focus, target) {
        (Some(day), Some(t)) if t == day => format!("Said on day {day}:"),
        (Some(day), Some(t)) => {
            format!("Nothing in this list was said on day {day}; the nearest earlier quotes are from day {t}.")
        }
        (Some(day), None) => format!("Nothing in this list was said by day {day}."),
        (None, _) => "Select a day to see what was said then.".to_string(),
    };
    let events = props.dataset.events.iter().filter(|e| Some(e.war_day) == focus);
    html! {
        <aside class="quotes scrolling" aria-labelledby="quotes-heading" ref={list}>
            <h2 id="quotes-heading">{ "What was said" }</h2>
            <p class="panel-note">{ "Quoted exactly as printed in the linked page, in date order. " }<span class="quote-status">{ status }</span></p>
            <ul class="panel-events">
                { for events.map(|e| html! {
                    <li>{ format!("Event that day: {} (", e.title) }{ external_link(&e.source_url, outlet(&e.source_url)) }{ ")" }</li>
                }) }
            </ul>
            <ol class="quote-list">
            { for quotes.iter().map(|q| {
                let day = q.war_day;
                let on_select = props.on_select.clone();
                let current = Some(day) == target;
                html! {
                <li class={classes!("quote", current.then_some("current"))} data-war-day={day.to_string()} aria-current={current.then_some("true")}>
                    <p class="quote-when">
                        <button type="button" class="quote-day" onclick={Callback::from(move |_| on_select.emit(day))}
                            aria-label={format!("Select day {day}, {}", q.date.human())}>
                            <time datetime={q.date.iso()}>{ q.date.human() }</time>
                            { format!(" · day {day}") }
                        </button>
                    </p>
                    { quote_body(q) }
                </li>
            }}) }
            </ol>
        </aside>
    }
}

/// On a phone, the selected day's quotes (or the nearest earlier ones) open from the bottom of
/// the screen, without scrolling to the panel after the charts.
pub fn day_sheet(d: &Dataset, selected: Option<i64>) -> Html {
    let quotes = d.quotes_by_date();
    let days: Vec<i64> = quotes.iter().map(|q| q.war_day).collect();
    let Some(day) = selected.and_then(|s| quote_day(&days, s)) else {
        return Html::default();
    };
    let of_day: Vec<_> = quotes.iter().filter(|q| q.war_day == day).collect();
    let title = match selected {
        Some(s) if s == day => format!("What was said on day {day} ({})", of_day.len()),
        _ => format!("What was said last, on day {day} ({})", of_day.len()),
    };
    html! {
        <details class="day-sheet">
            <summary>{ title }</summary>
            <ol class="quote-list">
                { for of_day.iter().map(|q| html! { <li class="quote">{ quote_body(q) }</li> }) }
            </ol>
        </details>
    }
}
