//! Yew components: thin views over the data, transform and chart layers. One selected or
//! hovered war day drives every chart, the tooltips, the timeline and the quote panel; the view
//! state lives in one reducer (`crate::state`) and in the URL.

mod app;
mod chart_canvas;
mod chart_layer;
mod claims;
mod controls;
mod crosshair;
mod dashboard;
mod error_panel;
mod footer;
mod hooks;
mod hover;
mod hover_paint;
mod own_data;
mod quotes;
mod share;
mod sources;
mod tooltip;

pub use app::{App, FirstView, FirstViewProps};
pub use chart_canvas::ChartCanvas;
pub use controls::controls;
pub use dashboard::{Dashboard, DashboardProps};
pub use error_panel::{error_panel, LoadError};
pub use footer::footer;
pub use quotes::{QuotePanel, QuotePanelProps};
pub use share::{SharePanel, SharePanelProps};
pub use sources::DatasetSections;

use crate::i18n::{lang_of, Lang, DATA_LANG};

/// The page's language where a component needs it: given by the page (English when none is).
#[yew::hook]
fn use_lang() -> Lang {
    yew::use_context::<Lang>().unwrap_or_default()
}

/// Sets yew's panic hook (a panic shows an error panel instead of a frozen page: yew would
/// otherwise replace any hook with its own when it renders) and mounts `C` with `props` in
/// `root`, or in the body when there is none (and nowhere without a body). The app and its
/// tests mount through here.
#[cfg(target_arch = "wasm32")]
pub fn mount_with<C: yew::BaseComponent>(
    root: Option<web_sys::Element>,
    props: C::Properties,
) -> Option<yew::AppHandle<C>> {
    yew::set_custom_panic_hook(Box::new(|info| crate::web::show_fatal_error(&info.to_string())));
    let root = root.or_else(crate::web::body)?;
    Some(yew::Renderer::<C>::with_root_and_props(root, props).render())
}

/// Mounts the app (see `mount_with`).
#[cfg(target_arch = "wasm32")]
pub fn mount(root: Option<web_sys::Element>) -> Option<yew::AppHandle<App>> {
    mount_with::<App>(root, ())
}

/// An external link that opens in a new tab without giving the page a handle on this one; only
/// to a web address (`http:`/`https:`), otherwise the text alone. Validation already rejects
/// a dataset with any other link; this keeps every view safe on its own.
fn external_link(href: &str, text: &str) -> yew::Html {
    match crate::data::web_link(href) {
        Some(href) => yew::html! {
            <a href={href.to_string()} target="_blank" rel="noopener noreferrer">{ text }</a>
        },
        None => yew::html! { <span>{ text }</span> },
    }
}

/// A chart's unit badges and links to its sources' entries (with their caveats) on the page at
/// `page` ("" for this page; the full view's link in an embedded chart).
fn source_links(spec: &crate::chart::ChartSpec, page: &str) -> yew::Html {
    let lang = spec.lang;
    yew::html! {
        <span class="chart-sources">
            { for spec.units().iter().map(|u| yew::html! { <span class="unit-badge" lang={crate::i18n::lang_of(u)}>{ *u }</span> }) }
            { " " }{ tr!(lang, SourcesAndCaveats) }{ " " }
            { for spec.publishers().into_iter().map(|(publisher, first)| yew::html! {
                <a href={format!("{page}#source-{first}")} target={(!page.is_empty()).then_some("_blank")}>{ publisher }</a>
            }) }
        </span>
    }
}

/// The reader's choice of colours: as the system, light or dark.
fn theme_switch(theme: &hooks::ThemeState, lang: Lang) -> yew::Html {
    use crate::chart::theme::ThemeChoice;
    use yew::TargetCast;
    let choose = theme.choose.clone();
    let on_change = yew::Callback::from(move |e: yew::Event| {
        let chosen = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value());
        if let Some(choice) = chosen.as_deref().and_then(ThemeChoice::parse) {
            choose.emit(choice);
        }
    });
    let options = [
        (ThemeChoice::System, tr!(lang, ColoursSystem)),
        (ThemeChoice::Light, tr!(lang, ColoursLight)),
        (ThemeChoice::Dark, tr!(lang, ColoursDark)),
    ];
    yew::html! {
        <p class="theme-switch">
            <label for="theme">{ tr!(lang, Colours) }</label>
            <select id="theme" onchange={on_change}>
                { for options.iter().map(|(choice, label)| yew::html! {
                    <option value={choice.as_str()} selected={*choice == theme.choice}>{ *label }</option>
                }) }
            </select>
            if let Some(note) = &theme.note { <span class="theme-note" role="status">{ tr!(lang, NotRemembered, why = note) }</span> }
        </p>
    }
}

/// The switch to the other language, named in that language.
fn lang_switch(lang: Lang, on_lang: &yew::Callback<Lang>) -> yew::Html {
    let other = match lang {
        Lang::En => Lang::Uk,
        Lang::Uk => Lang::En,
    };
    let on_click = on_lang.reform(move |_: yew::MouseEvent| other);
    yew::html! {
        <p class="lang-switch">
            <button type="button" lang={other.as_str()} onclick={on_click}>{ other.own_name() }</button>
        </p>
    }
}

/// What the page shows and the data's date range, in plain words, the choice of colours and
/// of language.
fn page_header(
    d: &crate::data::Dataset,
    theme: &hooks::ThemeState,
    (lang, on_lang): (Lang, &yew::Callback<Lang>),
) -> yew::Html {
    let (first, last) = (d.first_date, d.last_date);
    yew::html! {
        <header class="page-header">
            <div class="page-tools">
                { lang_switch(lang, on_lang) }
                { theme_switch(theme, lang) }
                <own_data::OpenButton />
                <p class="to-sources"><a href="#sources">{ tr!(lang, SourcesAndMethod) }</a></p>
            </div>
            <h1>{ tr!(lang, PageTitle) }</h1>
            <p class="lede">
                { tr!(lang, Lede) }{ " " }
                { tr!(
                    lang,
                    LedeUpdated,
                    first = lang.date_and_day(first.war_day()),
                    last = lang.date_and_day(last.war_day()),
                    updated = d.changelog.last().map_or_else(String::new, |c| lang.date(c.date))
                ) }{ " " }
                { tr!(lang, LedeUnits) }
            </p>
        </header>
    }
}

/// A quote's words, speaker and role, context, source links and the data's note about it.
/// The quote and the speaker's name stay as printed; the role, context and note are the
/// dataset's own words, in the page's language where it has them (`data::own_words`).
fn quote_body(q: &crate::data::Quote, lang: Lang) -> yew::Html {
    use crate::data::outlet;
    yew::html! {
        <>
        <blockquote cite={q.source_url.clone()} lang={DATA_LANG}><p>{ format!("“{}”", q.text) }</p></blockquote>
        <p class="quote-who" lang={lang_of(&q.role)}><strong lang={DATA_LANG}>{ &q.speaker }</strong>{ ", " }{ &q.role }</p>
        <p class="quote-context" lang={lang_of(&q.context)}>{ &q.context }</p>
        <p class="quote-source">
            { tr!(lang, SourceLabel) }{ " " }{ external_link(&q.source_url, outlet(&q.source_url)) }
            if let Some(original) = &q.original_source_url {
                { " · " }{ tr!(lang, OriginalLabel) }{ " " }{ external_link(original, outlet(original)) }
            }
        </p>
        if let Some(note) = &q.note {
            <p class="quote-note">{ tr!(lang, NoteLabel) }{ " " }<span lang={lang_of(note)}>{ note }</span></p>
        }
        </>
    }
}

/// Where a chart was last drawn (none before), shared by the chart and the layer over it. Two
/// are equal when they are the same cell.
#[derive(Clone)]
pub struct Geometry(pub std::rc::Rc<std::cell::RefCell<Option<crosshair::Placed>>>);

impl PartialEq for Geometry {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Immutable data handed down as props. Two are equal when they are the same allocation: the
/// dataset and the chart specs never change in place, so comparing their contents on every
/// render would be wasted work (and code).
pub struct Shared<T>(std::rc::Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(std::rc::Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Where a part of the app not yet rendered holds, once the app shows, what the baked view has
/// there: the elements `selector` finds in the baked view (in the page's order;
/// `web::reveal_app` moves them). A
/// box with no box of its own (`display: contents`), so that they lay out as in the baked view;
/// the part's own render replaces it, and them with it.
pub fn adopting(selector: &'static str) -> yew::Html {
    yew::html! { <div class="adopting" data-adopt={selector}></div> }
}
