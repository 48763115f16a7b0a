use super::hover::HoverQuote;
use super::hover_paint::HoverPainters;
use super::own_data::{drop_zone, own_banner, OpenFile, Own};
use super::Shared;
use super::{error_panel, Dashboard, LoadError};
use crate::data::own_words::{translate, OwnWords, UK_WORDS_URL};
use crate::data::{check_size, read_dataset_bytes, Dataset, DatasetError};
use crate::i18n::Lang;
use crate::web;
use yew::prelude::*;

/// Where the bundled dataset is, relative to the page (so that sub-path hosting works).
pub const DATASET_URL: &str = "data/dataset.json";

enum Load {
    Loading,
    /// The dataset, and the offline copy it came from, if it did.
    Ready(Shared<Dataset>, Option<web::SavedCopy>),
    Failed(LoadError),
}

async fn load(url: &str, lang: Lang) -> Load {
    let fetched = match web::fetch_bytes(url).await {
        Ok(fetched) => fetched,
        Err(e) => {
            return Load::Failed(LoadError {
                what: tr!(lang, DatasetNotLoaded).into(),
                location: url.into(),
                details: vec![e.to_string()],
            })
        }
    };
    // Reading the dataset, and rendering what it holds, each in a task of its own. So is
    // making the first Intl number formatter, which loads the browser's locale data (30-60 ms
    // in Chromium; the later ones take a fraction of a millisecond): the view's first render
    // uses it, and would otherwise be that much longer.
    web::next_task().await;
    web::IntlNumbers::exact(lang, 0);
    web::next_task().await;
    // serde names where the text stops being JSON, or the path of a field of the wrong shape.
    let parsed = read_in_tasks("parse-dataset", &fetched.bytes).await;
    web::next_task().await;
    match parsed {
        Ok(dataset) => Load::Ready(Shared::new(dataset), fetched.saved),
        Err(e) => Load::Failed(LoadError {
            what: tr!(lang, DatasetNotValid, why = e.summary(lang)),
            location: url.into(),
            details: e.details(),
        }),
    }
}

/// The dataset's own words in Ukrainian (event titles, roles, notes, caveats), fetched the first
/// time the page is in Ukrainian.
#[derive(Clone, PartialEq)]
enum Words {
    NotAsked,
    Loading,
    Ready(Shared<OwnWords>),
    /// Why they could not be had.
    Failed(String),
}

async fn load_words() -> Words {
    let url = web::site_address(UK_WORDS_URL);
    match web::fetch_bytes(&url).await {
        Ok(fetched) => match serde_json::from_slice::<OwnWords>(&fetched.bytes) {
            Ok(words) => Words::Ready(Shared::new(words)),
            Err(e) => Words::Failed(format!("{url}: {e}")),
        },
        Err(e) => Words::Failed(e.to_string()),
    }
}

/// A dataset as shown in `lang`: with its own words in Ukrainian where they are this dataset's,
/// else as it is, and why not.
fn in_lang(dataset: &Shared<Dataset>, words: &Words, lang: Lang) -> (Shared<Dataset>, Option<String>) {
    match (lang, words) {
        (Lang::Uk, Words::Ready(words)) => match translate(dataset, words) {
            Ok(translated) => (Shared::new(translated), None),
            Err(mismatch) => (dataset.clone(), Some(mismatch.to_string())),
        },
        (Lang::Uk, Words::Failed(why)) => (dataset.clone(), Some(why.clone())),
        _ => (dataset.clone(), None),
    }
}

/// Reads and validates a reader's file: refused unread when too large.
async fn open(file: &web_sys::File, lang: Lang) -> Result<Dataset, LoadError> {
    let name = file.name();
    let failed = |what: String, details: Vec<String>| LoadError {
        what: tr!(lang, OwnNotOpened, name = name, why = what),
        location: name.clone(),
        details,
    };
    let size = file.size();
    let size = if size.is_finite() && size >= 0.0 {
        size as u64
    } else {
        u64::MAX
    };
    check_size(size).map_err(|e| failed(e.summary(lang), Vec::new()))?;
    let bytes = web::read_file(file)
        .await
        .map_err(|e| failed(tr!(lang, OwnNotRead).into(), vec![e.to_string()]))?;
    read_in_tasks("parse-own-dataset", &bytes)
        .await
        .map_err(|e| failed(e.summary(lang), e.details()))
}

/// Reads a dataset's bytes in a few steps, a task each (the first call of each part's reading
/// also compiles its code), each step measured as `name`.
async fn read_in_tasks(name: &'static str, bytes: &[u8]) -> Result<Dataset, DatasetError> {
    let steps = web::MeasuredSteps::start(name);
    let read = read_dataset_bytes(bytes, || steps.pause()).await;
    steps.end();
    read
}

#[derive(Properties, PartialEq)]
pub struct FirstViewProps {
    pub dataset: Shared<Dataset>,
    /// Told the view's language whenever it changes.
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
}

/// The page once its dataset is in: the dashboard, with the hovered day kept here beside it. A
/// hover paints the charts' marks and tooltips (`hover_paint`) and re-renders only what reads
/// the day from the context (the quote panel's highlight), not the dashboard: its props stay the
/// same. Rendered by the app in the browser, and natively at build time to bake the first view.
#[function_component(FirstView)]
pub fn first_view(props: &FirstViewProps) -> Html {
    let quote = use_state_eq(|| None::<Option<i64>>);
    let painters = use_memo((), |_| HoverPainters::default());
    let set_hover = {
        let (quote, painters) = (quote.setter(), (*painters).clone());
        (*use_memo(props.dataset.clone(), move |dataset| {
            let dataset = dataset.clone();
            Callback::from(move |d: Option<i64>| {
                painters.set_day(d);
                quote.set(d.map(|d| dataset.quote_day(d)));
            })
        }))
        .clone()
    };
    html! {
        <ContextProvider<HoverPainters> context={(*painters).clone()}>
        <ContextProvider<HoverQuote> context={HoverQuote(*quote)}>
            <Dashboard dataset={props.dataset.clone()} {set_hover} on_lang={props.on_lang.clone()} />
        </ContextProvider<HoverQuote>>
        </ContextProvider<HoverPainters>>
    }
}

/// The reader's own file: what is being read, what is shown, what could not be.
#[derive(Clone, Default, PartialEq)]
struct OwnState {
    reading: Option<AttrValue>,
    shown: Option<Own>,
    failed: Option<LoadError>,
    /// Counts the files shown, so that each gets a fresh view (its own bounds and notices).
    generation: u32,
}

/// Opening a file: a later choice wins over one still being read.
#[hook]
fn use_open_file(own: UseStateHandle<OwnState>, lang: Lang) -> Callback<web_sys::File> {
    let ticket = use_mut_ref(|| 0u32);
    use_callback(lang, move |file: web_sys::File, lang| {
        let lang = *lang;
        let mine = ticket.borrow().wrapping_add(1);
        *ticket.borrow_mut() = mine;
        own.set(OwnState {
            reading: Some(file.name().into()),
            failed: None,
            ..(*own).clone()
        });
        let (own, ticket) = (own.clone(), ticket.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = open(&file, lang).await;
            if *ticket.borrow() != mine {
                return;
            }
            let mut next = (*own).clone();
            next.reading = None;
            match result {
                Ok(dataset) => {
                    next.shown = Some(Own {
                        name: file.name().into(),
                        dataset: Shared::new(dataset),
                    });
                    next.generation = next.generation.wrapping_add(1);
                }
                Err(e) => next.failed = Some(e),
            }
            own.set(next);
        });
    })
}

/// The reader's own dataset, if one is shown.
fn own_dataset(own: &OwnState) -> Option<Shared<Dataset>> {
    own.shown.as_ref().map(|o| o.dataset.clone())
}

/// That the page and its data are the offline copy, and when it was saved, in words.
fn offline_note(saved: web::SavedCopy, dataset: &Dataset, lang: Lang) -> String {
    let (version, last) = (&dataset.dataset_version, lang.date(dataset.last_date));
    match saved.day {
        Some(day) => tr!(lang, OfflineOn, saved = lang.date(day), version = version, last = last),
        None => tr!(lang, Offline, version = version, last = last),
    }
}

/// Whether this build of the page is new to this browser: a reader who came before sees a
/// notice once (the build is remembered from then on). The first visit says nothing.
#[hook]
fn use_updated_since_last_visit() -> bool {
    *use_memo((), |_| {
        let Some(build) = web::page_build() else {
            return false;
        };
        let last = web::stored("build");
        web::store("build", Some(&build)).ok();
        last.is_some_and(|last| last != build)
    })
}

/// Notices at the foot of the screen (over the page, so that nothing moves): offline, updated.
fn toasts(notes: &[String], dismiss: Callback<MouseEvent>, lang: Lang) -> Html {
    if notes.is_empty() {
        return Html::default();
    }
    html! {
        <div class="toasts" role="status">
            { for notes.iter().map(|n| html! { <p>{ n }</p> }) }
            <button type="button" onclick={dismiss}>{ tr!(lang, Dismiss) }</button>
        </div>
    }
}

/// Fetches and validates the dataset, then shows it, or says what failed and where; shows a
/// reader's own dataset file instead while they ask for it. Until the app's own charts are
/// drawn, the first view baked into the page (if any) stays in place.
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state_eq(web::initial_lang);
    let on_lang = {
        let lang = lang.setter();
        use_callback((), move |chosen: Lang, ()| lang.set(chosen))
    };
    // The document's title names the data's years once the dataset is read (the dashboard).
    use_effect_with(*lang, |lang| web::set_page_lang(*lang, None));
    let state = use_state(|| Load::Loading);
    {
        let (state, lang) = (state.clone(), *lang);
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                state.set(load(&web::site_address(DATASET_URL), lang).await);
            });
        });
    }
    let words = use_state(|| Words::NotAsked);
    {
        // Asked for once: the first time the page is in Ukrainian (the state as of that render).
        let words = words.clone();
        use_effect_with(*lang, move |lang| {
            if *lang == Lang::Uk && *words == Words::NotAsked {
                words.set(Words::Loading);
                wasm_bindgen_futures::spawn_local(async move { words.set(load_words().await) });
            }
        });
    }
    let lang = *lang;
    let published = match &*state {
        Load::Ready(dataset, _) => Some(dataset.clone()),
        _ => None,
    };
    let shown = use_memo((published, (*words).clone(), lang), |(dataset, words, lang)| {
        dataset.as_ref().map(|d| in_lang(d, words, *lang))
    });
    // A page first shown in Ukrainian waits for its own words rather than show them in English
    // for a moment; a page switched to Ukrainian keeps what it shows until they come.
    let shown_once = use_mut_ref(|| false);
    let waiting = lang == Lang::Uk && matches!(*words, Words::NotAsked | Words::Loading) && !*shown_once.borrow();
    let updated = use_updated_since_last_visit();
    let toasts_dismissed = use_state_eq(|| false);
    let own = use_state(OwnState::default);
    let own_dataset = own_dataset(&own);
    let own_shown = use_memo((own_dataset, (*words).clone(), lang), |(dataset, words, lang)| {
        dataset.as_ref().map(|d| in_lang(d, words, *lang).0)
    });
    let open_file = use_open_file(own.clone(), lang);
    let dragging = use_state_eq(|| false);
    {
        let (dragging, open_file) = (dragging.setter(), open_file.clone());
        use_effect_with((), move |_| {
            let listeners = web::on_file_drop(move |on| dragging.set(on), move |file| open_file.emit(file));
            move || drop(listeners)
        });
    }
    let back = {
        let own = own.clone();
        Callback::from(move |_: MouseEvent| {
            own.set(OwnState {
                shown: None,
                failed: None,
                ..(*own).clone()
            })
        })
    };
    let dismiss = {
        let own = own.clone();
        Callback::from(move |_: MouseEvent| {
            own.set(OwnState {
                failed: None,
                ..(*own).clone()
            })
        })
    };
    let banner = own_banner(
        own.reading.as_deref(),
        own.shown.as_ref(),
        own.failed.as_ref(),
        (back, dismiss),
        lang,
    );
    let loading = || html! { <main class="loading" aria-busy="true"><p>{ tr!(lang, Loading) }</p></main> };
    let view = match (&own.shown, &*state) {
        (Some(mine), _) => {
            let dataset = (*own_shown).clone().unwrap_or_else(|| mine.dataset.clone());
            html! { <FirstView key={format!("own-{}", own.generation)} {dataset} on_lang={on_lang.clone()} /> }
        }
        (None, Load::Loading) => loading(),
        (None, Load::Ready(..)) if waiting => loading(),
        (None, Load::Ready(dataset, _)) => {
            *shown_once.borrow_mut() = true;
            let dataset = (*shown).as_ref().map_or_else(|| dataset.clone(), |(d, _)| d.clone());
            html! { <FirstView key="published" {dataset} on_lang={on_lang.clone()} /> }
        }
        // Nothing of the baked view may stay over an error: the panel takes its place at once.
        (None, Load::Failed(error)) => {
            web::reveal_app();
            html! {
                <main>
                    <h1 class="error-page-title">{ tr!(lang, PageTitle) }</h1>
                    { error_panel(error, lang) }
                    <p class="open-instead">{ tr!(lang, OpenInstead) }</p>
                    <super::own_data::OpenButton />
                </main>
            }
        }
    };
    let mut notes = Vec::new();
    if let Load::Ready(dataset, saved) = &*state {
        if let Some(saved) = saved {
            notes.push(offline_note(*saved, dataset, lang));
        } else if updated {
            let (version, last) = (&dataset.dataset_version, lang.date(dataset.last_date));
            notes.push(tr!(lang, UpdatedSinceLastVisit, version = version, last = last));
        }
    }
    if let Some((_, Some(why))) = &*shown {
        notes.push(tr!(lang, OwnWordsNotShown, why = why));
    }
    if *toasts_dismissed {
        notes.clear();
    }
    let dismiss_toasts = Callback::from(move |_: MouseEvent| toasts_dismissed.set(true));
    html! {
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<OpenFile> context={OpenFile(open_file)}>
            { banner }
            { view }
            { toasts(&notes, dismiss_toasts, lang) }
            if *dragging { { drop_zone(lang) } }
        </ContextProvider<OpenFile>>
        </ContextProvider<Lang>>
    }
}
