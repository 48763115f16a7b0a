use crate::data::Dataset;
use yew::prelude::*;

/// The dataset's version, date range and changelog (a plain function: it is small and changes
/// only with the dataset).
pub fn footer(d: &Dataset) -> Html {
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
