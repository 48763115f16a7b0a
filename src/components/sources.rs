use super::external_link;
use super::Shared;
use crate::data::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DatasetSectionsProps {
    pub dataset: Shared<Dataset>,
}

/// The parts of the page that change only with the dataset: the claims beside the data, and the
/// sources and method. One component, so that they are not rendered again when the day changes.
#[function_component(DatasetSections)]
pub fn dataset_sections(props: &DatasetSectionsProps) -> Html {
    html! { <>{ super::claims::claims_section(&props.dataset) }{ sources_section(&props.dataset) }</> }
}

/// Every source of the dataset with its unit and caveats, how the dataset was built, and the
/// caveats found in the data.
fn sources_section(d: &Dataset) -> Html {
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
            <h2 id="sources-heading">{ "Sources and method" }</h2>
            <p class="method">
                { format!("This page shows dataset {} (schema {}), figures from {} to {}. ", d.dataset_version, d.schema_version, d.first_date.human(), d.last_date.human()) }
                { "The project's command " }<code>{ "cargo run --bin build-dataset -- ../shared/data assets/data/dataset.json" }</code>
                { " builds it from the sourced CSVs: it checks every row (dates, whole and non-negative counts, war days against dates, repeated dates, known sources and countries) and lists every problem instead of writing a dataset; with " }<code>{ "--check" }</code>{ " it reads a dataset as this page does. Figures are kept as published; what looks wrong is listed below, not corrected. " }
                { "War days count from 24 February 2022 (day 1): war day = (date − 24 Feb 2022) + 1." }
            </p>
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
