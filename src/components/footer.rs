use crate::data::Dataset;
use crate::i18n::{lang_of, Lang};
use yew::prelude::*;

/// Who made the page and whose figures it shows, the dataset's version, date range and
/// changelog (a plain function: it is small and changes only with the dataset).
pub fn footer(d: &Dataset, lang: Lang) -> Html {
    html! {
        <footer class="page-footer">
            <p class="credit">{ tr!(lang, FooterCredit) }{ " " }<a href="#sources">{ tr!(lang, SourcesAndMethod) }</a>{ "." }</p>
            <p>{ tr!(lang, FooterDataset, version = d.dataset_version, schema = d.schema_version, first = lang.date(d.first_date), last = lang.date(d.last_date)) }</p>
            <details class="changelog">
                <summary>{ tr!(lang, WhatChanged) }</summary>
                <ul>{ for d.changelog.iter().map(|c| html! { <li><time datetime={c.date.iso()}>{ lang.date(c.date) }</time>{ ": " }<span lang={lang_of(&c.change)}>{ &c.change }</span></li> }) }</ul>
            </details>
        </footer>
    }
}
