use super::Shared;
use crate::data::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub dataset: Shared<Dataset>,
}

/// The dataset's version, date range and changelog.
#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    let d = &props.dataset;
    html! {
        <footer class="page-footer">
            <p>{ format!(
                "Dataset version {} (schema {}), figures from {} to {}, built from the project's sourced CSVs.",
                d.dataset_version, d.schema_version, d.first_date.human(), d.last_date.human()
            ) }</p>
            <details class="changelog">
                <summary>{ "What changed in the dataset" }</summary>
                <ul>{ for d.changelog.iter().map(|c| html! { <li><time datetime={c.date.iso()}>{ c.date.human() }</time>{ ": " }{ &c.change }</li> }) }</ul>
            </details>
        </footer>
    }
}
