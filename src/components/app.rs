use super::hover::HoverDay;
use super::Shared;
use super::{error_panel, Dashboard, LoadError};
use crate::data::{parse_dataset, Dataset};
use crate::web;
use yew::prelude::*;

/// Where the bundled dataset is, relative to the page (so that sub-path hosting works).
pub const DATASET_URL: &str = "data/dataset.json";

enum Load {
    Loading,
    Ready(Shared<Dataset>),
    Failed(LoadError),
}

async fn load(url: &str) -> Load {
    match web::fetch_text(url).await {
        Err(e) => Load::Failed(LoadError {
            what: "The dataset could not be loaded".into(),
            location: url.into(),
            details: vec![e.to_string()],
        }),
        // serde names where the text stops being JSON, or the path of a field of the wrong shape.
        Ok(text) => match web::measured("parse-dataset", || parse_dataset(&text)) {
            Ok(dataset) => Load::Ready(Shared::new(dataset)),
            Err(e) => Load::Failed(LoadError {
                what: format!("The dataset is not valid: {e}"),
                location: url.into(),
                details: e.details(),
            }),
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct FirstViewProps {
    pub dataset: Shared<Dataset>,
}

/// The page once its dataset is in: the dashboard, with the hovered day kept here beside it (a
/// hover re-renders this and what reads the day, not the dashboard: its props stay the same).
/// Rendered by the app in the browser, and natively at build time to bake the first view.
#[function_component(FirstView)]
pub fn first_view(props: &FirstViewProps) -> Html {
    let day = use_state_eq(|| None::<i64>);
    let set_hover = {
        let day = day.setter();
        (*use_memo((), move |_| Callback::from(move |d| day.set(d)))).clone()
    };
    html! {
        <ContextProvider<HoverDay> context={HoverDay(*day)}>
            <Dashboard dataset={props.dataset.clone()} {set_hover} />
        </ContextProvider<HoverDay>>
    }
}

/// Fetches and validates the dataset, then shows it, or says what failed and where. Until the
/// app's own charts are drawn, the first view baked into the page (if any) stays in place.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_state(|| Load::Loading);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                state.set(load(DATASET_URL).await);
            });
        });
    }
    match &*state {
        Load::Loading => html! {
            <main class="loading" aria-busy="true"><p>{ "Loading the dataset…" }</p></main>
        },
        Load::Ready(dataset) => html! { <FirstView dataset={dataset.clone()} /> },
        // Nothing of the baked view may stay over an error: the panel takes its place at once.
        Load::Failed(error) => {
            web::reveal_app();
            html! { <main>{ error_panel(error) }</main> }
        }
    }
}
