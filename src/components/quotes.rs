use super::external_link;
use crate::data::{outlet, Dataset};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuotePanelProps {
    pub dataset: Rc<Dataset>,
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
                    <blockquote cite={q.source_url.clone()}><p>{ format!("“{}”", q.text) }</p></blockquote>
                    <p class="quote-who"><strong>{ &q.speaker }</strong>{ ", " }{ &q.role }</p>
                    <p class="quote-context">{ &q.context }</p>
                    <p class="quote-source">
                        { "Source: " }{ external_link(&q.source_url, outlet(&q.source_url)) }
                        if let Some(original) = &q.original_source_url {
                            { " · original: " }{ external_link(original, outlet(original)) }
                        }
                    </p>
                    if let Some(note) = &q.note {
                        <p class="quote-note">{ "Note: " }{ note }</p>
                    }
                </li>
            }) }
            </ol>
        </aside>
    }
}
