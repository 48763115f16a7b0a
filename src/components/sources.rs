use super::external_link;
use super::Shared;
use crate::data::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub dataset: Shared<Dataset>,
}

/// Every source of the dataset with its unit and caveats, plus the caveats found in the data.
#[function_component(SourceList)]
pub fn source_list(props: &SourceListProps) -> Html {
    let d = &props.dataset;
    let series_caveats = std::iter::once(&d.refugees.total)
        .chain(d.refugees.by_country.iter())
        .flat_map(|s| s.caveats.iter().map(move |c| format!("{}: {}", s.label, c.text)))
        .chain(
            d.casualties
                .caveats
                .iter()
                .map(|c| format!("Civilian casualties: {}", c.text)),
        )
        .chain(
            d.idps
                .caveats
                .iter()
                .map(|c| format!("Internally displaced: {}", c.text)),
        )
        .collect::<Vec<_>>();
    html! {
        <section id="sources" class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{ "Sources and caveats" }</h2>
            <p>{ "War days count from 24 February 2022 (day 1): war day = (date − 24 Feb 2022) + 1." }</p>
            <ul class="source-list">
            { for d.sources.iter().map(|s| html! {
                <li class="source" id={format!("source-{}", s.id)} data-source={s.id.clone()}>
                    <p class="source-title"><strong>{ &s.publisher }</strong>{ ": " }
                        if let Some(url) = &s.url { { external_link(url, &s.title) } } else { { &s.title } }
                    </p>
                    if let Some(via) = &s.via {
                        <p class="source-via">{ "Taken from: " }
                            if let Some(url) = &s.via_url { { external_link(url, via) } } else { { via } }
                        </p>
                    }
                    <p class="source-meta">
                        if let Some(unit) = &s.unit { <span class="unit-badge">{ unit }</span>{ " " } }
                        if let Some(as_of) = &s.as_of { { format!("As of {as_of}. ") } }
                        if let Some(licence) = &s.licence { { format!("{licence}.") } }
                    </p>
                    if !s.caveats.is_empty() {
                        <ul class="caveats">{ for s.caveats.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                    }
                </li>
            }) }
            </ul>
            if !series_caveats.is_empty() {
                <h3>{ "Found in the figures (kept as published)" }</h3>
                <ul class="caveats data-caveats">{ for series_caveats.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
            }
        </section>
    }
}
