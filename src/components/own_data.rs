//! A dataset file of the reader's own: the button that opens one, the line that says it is
//! shown, and what is wrong with one that cannot be. The file is read on the reader's device.

use super::error_panel::{error_body, LoadError};
use crate::data::Dataset;
use crate::i18n::Lang;
use crate::web;
use yew::prelude::*;

/// How the page header's button opens a file (given by the app; absent when the first view is
/// baked, where the button waits for the app).
#[derive(Clone, PartialEq)]
pub struct OpenFile(pub Callback<web_sys::File>);

/// "Open a dataset…": a file picker for a dataset in this page's format.
#[function_component(OpenButton)]
pub fn open_button() -> Html {
    let lang = super::use_lang();
    let open = use_context::<OpenFile>();
    let input = use_node_ref();
    let on_click = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_change = Callback::from(move |e: Event| {
        let file = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .and_then(|input| web::chosen_file(&input));
        if let (Some(open), Some(file)) = (&open, file) {
            open.0.emit(file);
        }
    });
    html! {
        <p class="open-data">
            <button type="button" class="open-data-button" onclick={on_click} aria-describedby="open-data-note">{ tr!(lang, OpenDataset) }</button>
            <input id="open-data-file" ref={input} type="file" accept=".json,application/json" hidden=true tabindex="-1" aria-label={tr!(lang, ADatasetFile)} onchange={on_change} />
            <span id="open-data-note" class="visually-hidden">{ tr!(lang, OpenDatasetNote) }{ " " }{ tr!(lang, StaysHere) }</span>
        </p>
    }
}

/// The reader's file being shown: its name and what it holds.
#[derive(Clone, PartialEq)]
pub struct Own {
    pub name: AttrValue,
    pub dataset: super::Shared<Dataset>,
}

/// The line above the page while the reader's file is read or shown, and the panel for one that
/// cannot be shown (the data on screen stays).
pub fn own_banner(
    reading: Option<&str>,
    own: Option<&Own>,
    failed: Option<&LoadError>,
    (back, dismiss): (Callback<MouseEvent>, Callback<MouseEvent>),
    lang: Lang,
) -> Html {
    html! {
        <>
        if let Some(name) = reading {
            <p class="own-data" role="status">{ tr!(lang, ReadingYourFile, name = name) }{ " " }{ tr!(lang, StaysHere) }</p>
        }
        if let Some(own) = own {
            <div class="own-data" role="status">
                <p>
                    { tr!(lang, ShowingYourFile) }{ " " }<strong>{ &own.name }</strong>
                    { tr!(lang, YourFileHolds, version = own.dataset.dataset_version, first = lang.date(own.dataset.first_date), last = lang.date(own.dataset.last_date)) }
                    { " " }{ tr!(lang, StaysHere) }{ " " }
                    <button type="button" class="back-to-published" onclick={back}>{ tr!(lang, BackToPublished) }</button>
                </p>
            </div>
        }
        if let Some(e) = failed {
            <section id="own-error" class="error-panel own-error" role="alert">
                { error_body(e, lang) }
                <p>
                    { tr!(lang, DataUnchanged) }{ " " }
                    <button type="button" class="dismiss" onclick={dismiss}>{ tr!(lang, Dismiss) }</button>
                </p>
            </section>
        }
        </>
    }
}

/// Over the page while files are dragged onto it.
pub fn drop_zone(lang: Lang) -> Html {
    html! {
        <div class="drop-zone" aria-hidden="true">
            <p>{ tr!(lang, DropToOpen) }{ " " }{ tr!(lang, StaysHere) }</p>
        </div>
    }
}
