use yew::prelude::*;

/// What failed, where, and every message that explains it.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub what: String,
    pub location: String,
    pub details: Vec<String>,
}

/// The panel shown instead of the charts when the published dataset cannot be used.
pub fn error_panel(e: &LoadError) -> Html {
    html! {
        <section id="load-error" class="error-panel" role="alert">
            { error_body(e) }
            <p>{ "Nothing is shown rather than figures that may be wrong. Rebuild the dataset with the project's build-dataset command, or reload the page." }</p>
        </section>
    }
}

/// What failed, where, and each message, under a heading.
pub fn error_body(e: &LoadError) -> Html {
    html! {
        <>
        <h2>{ &e.what }</h2>
        <p>{ "Where: " }<code>{ &e.location }</code></p>
        <ul class="error-details">
            { for e.details.iter().map(|d| html! { <li><code>{ d }</code></li> }) }
        </ul>
        </>
    }
}
