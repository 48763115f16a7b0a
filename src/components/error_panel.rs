use crate::i18n::{Lang, DATA_LANG};
use yew::prelude::*;

/// What failed, where, and every message that explains it.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub what: String,
    pub location: String,
    pub details: Vec<String>,
}

/// The panel shown instead of the charts when the published dataset cannot be used.
pub fn error_panel(e: &LoadError, lang: Lang) -> Html {
    html! {
        <section id="load-error" class="error-panel" role="alert">
            { error_body(e, lang) }
            <p>{ tr!(lang, NothingShownRather) }</p>
        </section>
    }
}

/// What failed, where, and each message, under a heading. The messages that place a problem
/// in the file are technical and stay in English.
pub fn error_body(e: &LoadError, lang: Lang) -> Html {
    html! {
        <>
        <h2>{ &e.what }</h2>
        <p>{ tr!(lang, Where) }{ " " }<code>{ &e.location }</code></p>
        <ul class="error-details" lang={DATA_LANG}>
            { for e.details.iter().map(|d| html! { <li><code>{ d }</code></li> }) }
        </ul>
        </>
    }
}
