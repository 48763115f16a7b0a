use super::external_link;
use super::Shared;
use crate::data::Dataset;
use crate::i18n::{lang_of, Lang, DATA_LANG};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DatasetSectionsProps {
    pub dataset: Shared<Dataset>,
    /// Whether the sections' long lists start folded under their headings (on a phone).
    #[prop_or_default]
    pub folded: bool,
}

/// The parts of the page that change only with the dataset: the claims beside the data, and the
/// sources and method. One component, so that they are not rendered again when the day changes.
#[function_component(DatasetSections)]
pub fn dataset_sections(props: &DatasetSectionsProps) -> Html {
    let lang = super::use_lang();
    let (d, folded) = (&props.dataset, props.folded);
    html! { <>{ super::claims::claims_section(d, lang, folded) }{ sources_section(d, lang, folded) }</> }
}

/// A section's long list under a line that says what it holds: open unless `folded` (a phone,
/// where the lists would put thousands of pixels between the charts and the footer). A link to
/// a place inside opens it (boot.js).
pub(super) fn fold(summary: String, folded: bool, body: Html) -> Html {
    html! {
        <details class="section-fold" open={!folded}>
            <summary>{ summary }</summary>
            { body }
        </details>
    }
}

/// Every source of the dataset with its unit and caveats, how the dataset was built, and the
/// caveats found in the data.
fn sources_section(d: &Dataset, lang: Lang, folded: bool) -> Html {
    let series_caveats = std::iter::once(&d.refugees.total)
        .chain(d.refugees.by_country.iter())
        .flat_map(|s| {
            let label = crate::transform::series_label(d, s, lang);
            s.caveats.iter().map(move |c| (label.clone(), &c.text))
        })
        .chain(
            d.casualties
                .caveats
                .iter()
                .map(|c| (tr!(lang, CivilianCasualties).to_string(), &c.text)),
        )
        .chain(
            d.idps
                .caveats
                .iter()
                .map(|c| (tr!(lang, IdpsName).to_string(), &c.text)),
        )
        .collect::<Vec<_>>();
    html! {
        <section id="sources" class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{ tr!(lang, SourcesAndMethod) }</h2>
            <p class="method">
                { tr!(lang, MethodPlain, version = d.dataset_version, first = lang.date(d.first_date), last = lang.date(d.last_date)) }
                { " " }{ tr!(lang, MethodWarDays) }
            </p>
            { fold(tr!(lang, SourcesFold, count = d.sources.len()), folded, html! { <>
            <ul class="source-list">
            { for d.sources.iter().map(|s| html! {
                <li class="source" id={format!("source-{}", s.id)} data-source={s.id.clone()}>
                    <p class="source-title">
                        <strong lang={lang_of(lang.organisation(&s.publisher))}>{ lang.organisation(&s.publisher) }</strong>{ ": " }
                        <span lang={DATA_LANG}>if let Some(url) = &s.url { { external_link(url, &s.title) } } else { { &s.title } }</span>
                    </p>
                    <p class="source-meta">
                        if let Some(unit) = &s.unit { <span class="unit-badge" lang={lang_of(lang.unit(unit))}>{ lang.unit(unit) }</span>{ " " } }
                        if let Some(as_of) = &s.as_of { { tr!(lang, AsOf, date = as_of_date(as_of, lang)) }{ " " } }
                        if let Some(licence) = &s.licence { <span lang={lang_of(licence)}>{ format!("{licence}.") }</span> }
                    </p>
                    if let Some(via) = &s.via { { via_line(via, s.via_url.as_deref(), lang) } }
                    if !s.caveats.is_empty() {
                        <ul class="caveats">{ for s.caveats.iter().map(|c| html! { <li lang={lang_of(c)}>{ c }</li> }) }</ul>
                    }
                </li>
            }) }
            </ul>
            if !series_caveats.is_empty() {
                <h3>{ tr!(lang, FoundInFigures) }</h3>
                <ul class="caveats data-caveats">{ for series_caveats.iter().map(|(label, text)| html! { <li>{ label }{ ": " }<span lang={lang_of(text)}>{ *text }</span></li> }) }</ul>
            }
            </> }) }
        </section>
    }
}

/// A source's date as the reader's language writes it ("29 May 2022"); a year alone as it is.
fn as_of_date(as_of: &str, lang: Lang) -> String {
    crate::data::Date::parse_iso(as_of).map_or_else(|| as_of.to_string(), |d| lang.date(d))
}

/// Where the figures were read, after the publisher: a copy kept elsewhere (a repository) is
/// named by its place, with its version, file and licence one tap away; words alone otherwise
/// ("each point links to its own page").
fn via_line(via: &str, via_url: Option<&str>, lang: Lang) -> Html {
    let place = via_url.and_then(|url| {
        let host = crate::data::outlet(url);
        let rest = url.split_once(host).map(|(_, r)| r.trim_matches('/'))?;
        crate::data::web_link(url).map(|_| {
            (
                url,
                if rest.is_empty() {
                    host.to_string()
                } else {
                    format!("{rest} ({host})")
                },
            )
        })
    });
    match place {
        Some((url, name)) => html! {
            <div class="source-via">
                { tr!(lang, Via) }{ " " }<span lang={DATA_LANG}>{ external_link(url, &name) }</span>
                <details class="source-copy">
                    <summary>{ tr!(lang, WhichCopy) }</summary>
                    <p lang={lang_of(via)}>{ via }</p>
                </details>
            </div>
        },
        None => html! {
            <div class="source-via">{ tr!(lang, Via) }{ " " }<span lang={lang_of(via)}>{ via }</span></div>
        },
    }
}
