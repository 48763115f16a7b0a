use super::quote_body;
use super::Shared;
use crate::data::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuotePanelProps {
    pub dataset: Shared<Dataset>,
}

/// Quotes in date order: speaker, role, date and war day, the words, context, source, notes.
#[function_component(QuotePanel)]
pub fn quote_panel(props: &QuotePanelProps) -> Html {
    let quotes = props.dataset.quotes_by_date();
    html! {
        <aside class="quotes" aria-labelledby="quotes-heading">
            <h2 id="quotes-heading">{ "What was said" }</h2>
            <p class="panel-note">{ "Quoted exactly as printed in the linked page, in date order." }</p>
            <ol class="quote-list">
            { for quotes.iter().map(|q| html! {
                <li class="quote" data-war-day={q.war_day.to_string()}>
                    <p class="quote-when">
                        <time datetime={q.date.iso()}>{ q.date.human() }</time>
                        { format!(" · day {}", q.war_day) }
                    </p>
                    { quote_body(q) }
                </li>
            }) }
            </ol>
        </aside>
    }
}
