use super::external_link;
use super::Shared;
use crate::data::Dataset;
use crate::i18n::{Lang, DATA_LANG};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DatasetSectionsProps {
    pub dataset: Shared<Dataset>,
}

/// The parts of the page that change only with the dataset: the claims beside the data, and the
/// sources and method. One component, so that they are not rendered again when the day changes.
#[function_component(DatasetSections)]
pub fn dataset_sections(props: &DatasetSectionsProps) -> Html {
    let lang = super::use_lang();
    html! { <>{ super::claims::claims_section(&props.dataset, lang) }{ sources_section(&props.dataset, lang) }</> }
}

/// Every source of the dataset with its unit and caveats, how the dataset was built, and the
/// caveats found in the data.
fn sources_section(d: &Dataset, lang: Lang) -> Html {
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
                { tr!(lang, MethodDataset, version = d.dataset_version, schema = d.schema_version, first = lang.date(d.first_date), last = lang.date(d.last_date)) }
                { " " }{ tr!(lang, MethodCommand) }{ " " }<code>{ "cargo run --bin build-dataset -- ../shared/data assets/data/dataset.json" }</code>
                { " " }{ tr!(lang, MethodChecks) }{ " " }<code>{ "--check" }</code>{ " " }{ tr!(lang, MethodCheckMode) }{ " " }
                { tr!(lang, MethodWarDays) }
            </p>
            <ul class="source-list">
            { for d.sources.iter().map(|s| html! {
                <li class="source" id={format!("source-{}", s.id)} data-source={s.id.clone()}>
                    <p class="source-title" lang={DATA_LANG}><strong>{ &s.publisher }</strong>{ ": " }
                        if let Some(url) = &s.url { { external_link(url, &s.title) } } else { { &s.title } }
                    </p>
                    if let Some(via) = &s.via {
                        <p class="source-via">{ tr!(lang, TakenFrom) }{ " " }
                            <span lang={DATA_LANG}>if let Some(url) = &s.via_url { { external_link(url, via) } } else { { via } }</span>
                        </p>
                    }
                    <p class="source-meta">
                        if let Some(unit) = &s.unit { <span class="unit-badge" lang={DATA_LANG}>{ unit }</span>{ " " } }
                        if let Some(as_of) = &s.as_of { { tr!(lang, AsOf, date = as_of) }{ " " } }
                        if let Some(licence) = &s.licence { <span lang={DATA_LANG}>{ format!("{licence}.") }</span> }
                    </p>
                    if !s.caveats.is_empty() {
                        <ul class="caveats" lang={DATA_LANG}>{ for s.caveats.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                    }
                </li>
            }) }
            </ul>
            if !series_caveats.is_empty() {
                <h3>{ tr!(lang, FoundInFigures) }</h3>
                <ul class="caveats data-caveats">{ for series_caveats.iter().map(|(label, text)| html! { <li>{ label }{ ": " }<span lang={DATA_LANG}>{ *text }</span></li> }) }</ul>
            }
        </section>
    }
}
