use super::Shared;
use crate::chart::ChartId;
use crate::data::Dataset;
use crate::export;
use crate::state::ChartOptions;
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub dataset: Shared<Dataset>,
    /// What the charts of the view show.
    pub options: ChartOptions,
    /// The link that reopens the view.
    pub link: AttrValue,
    /// The charts that can be embedded: (id, title).
    pub charts: Vec<(ChartId, String)>,
    /// Whether downloaded pictures are in the dark theme (they are light unless asked).
    pub dark_pictures: bool,
    pub on_dark_pictures: Callback<bool>,
}

/// Copies `text`, then says in the status line whether it worked.
fn copy(text: String, (copied, not_copied): (String, String), status: UseStateHandle<String>) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        let (text, status, copied, not_copied) = (text.clone(), status.clone(), copied.clone(), not_copied.clone());
        wasm_bindgen_futures::spawn_local(async move {
            status.set(match web::copy_text(&text).await {
                Ok(()) => copied,
                Err(e) => format!("{not_copied} {e}."),
            });
        });
    })
}

/// What a reader can take away: the view's link, its CSV with sources, a citation and the code
/// to embed one chart.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let status = use_state(String::new);
    let embed_chart = use_state(|| ChartId::Refugees);
    let d = &props.dataset;
    let options = &props.options;
    let lang = options.lang;
    let link = props.link.to_string();
    let citation = web::today().map_or_else(String::new, |today| export::citation(d, options, &link, today));
    let embed_src = format!(
        "{link}{}embed={}",
        if link.contains('?') { '&' } else { '?' },
        *embed_chart
    );
    let embed_title = props
        .charts
        .iter()
        .find(|(id, _)| *id == *embed_chart)
        .map_or_else(String::new, |(_, title)| format!("{title} (displacement-tracker)"));
    let snippet = export::embed_snippet(&embed_src, &embed_title);
    let on_csv = {
        let (d, options, link, status) = (d.clone(), options.clone(), link.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let csv = export::view_csv(&d, &options, &link);
            let (lo, hi) = options.visible(&crate::transform::bounds(&d));
            let name = format!("displacement-tracker-days-{lo}-{hi}.csv");
            match web::download(&name, &web::text_data_url("text/csv", &csv)) {
                Ok(()) => status.set(tr!(options.lang, Downloaded, name = name)),
                Err(e) => status.set(e.to_string()),
            }
        })
    };
    let on_dark_pictures = {
        let on = props.on_dark_pictures.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on.emit(input.checked());
            }
        })
    };
    let on_embed_chart = {
        let embed_chart = embed_chart.clone();
        Callback::from(move |e: Event| {
            let chosen = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value());
            if let Some(id) = chosen.as_deref().and_then(ChartId::parse) {
                embed_chart.set(id);
            }
        })
    };
    html! {
        <section id="share" class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{ tr!(lang, TakeThisView) }</h2>
            <p>
                <label for="share-link">{ tr!(lang, LinkToView) }</label>
                <input id="share-link" type="text" readonly=true value={link.clone()} />
            </p>
            <p>
                <button type="button" id="download-csv" onclick={on_csv}>{ tr!(lang, DownloadCsv) }</button>
                { " " }{ tr!(lang, CsvExplained) }
            </p>
            <p>
                <label class="inline">
                    <input type="checkbox" id="dark-pictures" checked={props.dark_pictures} onchange={on_dark_pictures} />
                    { " " }{ tr!(lang, DarkPictures) }
                </label>
            </p>
            <p>
                <label for="citation">{ tr!(lang, CiteThisView) }</label>
                <textarea id="citation" readonly=true rows="3" value={citation.clone()} />
                <button type="button" onclick={copy(citation, (tr!(lang, CitationCopied).into(), tr!(lang, CitationNotCopied).into()), status.clone())}>{ tr!(lang, CopyCitation) }</button>
            </p>
            <p>
                <label for="embed-chart">{ tr!(lang, EmbedOneChart) }</label>
                <select id="embed-chart" onchange={on_embed_chart}>
                    { for props.charts.iter().map(|(id, title)| html! {
                        <option value={id.as_str()} selected={*id == *embed_chart}>{ title }</option>
                    }) }
                </select>
                <label for="embed-code" class="visually-hidden">{ tr!(lang, EmbedCodeLabel) }</label>
                <textarea id="embed-code" readonly=true rows="3" value={snippet.clone()} />
                <button type="button" onclick={copy(snippet, (tr!(lang, EmbedCopied).into(), tr!(lang, EmbedNotCopied).into()), status.clone())}>{ tr!(lang, CopyEmbedCode) }</button>
            </p>
            <p class="share-status" role="status">{ (*status).clone() }</p>
        </section>
    }
}
