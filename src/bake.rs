//! The first view in the page itself: the app's own components, rendered natively with Yew's
//! server renderer at build time (the charts as SVG from the same chart code), written into
//! index.html. A reader sees the header, the charts, the quotes and the sources before the
//! wasm arrives, and without JavaScript; the app then renders its own view out of sight and
//! takes the baked view's place when its charts are drawn (`web::reveal_app`).

use crate::chart::{raster, ChartId};
use crate::components::{FirstView, Shared};
use crate::data::own_words::{translate, OwnWords};
use crate::data::text::escape_html;
use crate::data::{parse_dataset, Dataset, DatasetError};
use crate::i18n::Lang;
use crate::state::{from_query, ChartOptions};
use crate::transform::{bounds, chart};
use std::fmt;
use yew::prelude::*;

/// Why the first view could not be baked.
#[derive(Debug)]
pub enum BakeError {
    Dataset(DatasetError),
    /// The page has no empty `#app` element to put the view beside.
    NoAppElement,
    /// The page lacks a part the page in another language is made from (named).
    NoPart(&'static str),
    Render(String),
    /// The own words in the page's language cannot be read, or are another dataset's.
    Words(String),
}

impl fmt::Display for BakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BakeError::Dataset(e) => write!(f, "the dataset cannot be baked: {e}"),
            BakeError::NoAppElement => f.write_str("the page has no empty <div id=\"app\"></div> to bake beside"),
            BakeError::NoPart(part) => write!(f, "the page has no {part} to write in another language"),
            BakeError::Render(e) => write!(f, "the first view could not be rendered: {e}"),
            BakeError::Words(e) => write!(f, "the dataset's own words cannot be used: {e}"),
        }
    }
}

/// The languages a page is baked in, each with its page's address from the site's root: the
/// English page at the root, the Ukrainian one in `uk/`.
pub const PAGES: [(Lang, &str); 2] = [(Lang::En, "index.html"), (Lang::Uk, "uk/index.html")];

#[derive(Properties, PartialEq)]
struct BakedProps {
    dataset: Shared<Dataset>,
    lang: Lang,
}

/// The first view in a language: the app's own view, in a language given as the page's.
#[function_component(Baked)]
fn baked(props: &BakedProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang}>
            <FirstView dataset={props.dataset.clone()} />
        </ContextProvider<Lang>>
    }
}

/// The dataset (JSON) the pages are baked from, read once for every page and picture.
pub fn dataset(dataset_json: &str) -> Result<Dataset, BakeError> {
    parse_dataset(dataset_json).map_err(BakeError::Dataset)
}

/// The dataset with its own words in another language (`dataset.uk.json`).
pub fn in_words(dataset: &Dataset, words_json: &str) -> Result<Dataset, BakeError> {
    let words: OwnWords = serde_json::from_str(words_json).map_err(|e| BakeError::Words(e.to_string()))?;
    translate(dataset, &words).map_err(|e| BakeError::Words(e.to_string()))
}

/// The link preview's picture of each page (`og:image`), beside the page.
pub const PREVIEW: &str = "preview.png";
/// The picture's size in pixels: the chart drawn at 800 x 420 CSS pixels, 1.5 device pixels each.
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// The link preview's picture (PNG): the first chart of the first view in `lang`, drawn by the
/// chart code; with its description for `og:image:alt`.
pub fn preview(dataset: &Dataset, lang: Lang) -> Result<(Vec<u8>, String), BakeError> {
    let (state, _) = from_query("", &bounds(dataset));
    let options = ChartOptions { lang, ..state.options };
    let spec = chart(dataset, &options, ChartId::ALL[0]);
    let png = raster::png(&spec, (800, 420), 1.5).map_err(|e| BakeError::Render(e.to_string()))?;
    Ok((png, format!("{}. {}", spec.title, spec.coverage)))
}

/// The page with its preview picture named: `og:image` (absolute under `site`, the address the
/// site is served from, when the build knows it; else relative to the page), its size and
/// description, the large card for it, and `og:url` when `site` is known.
pub fn with_preview(page: &str, lang: Lang, site: Option<&str>, alt: &str) -> Result<String, BakeError> {
    let here = match lang {
        Lang::En => "",
        other => &format!("{}/", other.as_str()),
    };
    let site = site.map(|s| format!("{}/", s.trim_end_matches('/')));
    // Relative to the page when the site's address is not known: the picture is beside it.
    let image = match &site {
        Some(site) => format!("{site}{here}{PREVIEW}"),
        None => PREVIEW.to_string(),
    };
    let mut out = page.to_string();
    for (marker, text) in [
        ("property=og:image", image),
        ("property=og:image:width", PREVIEW_SIZE.0.to_string()),
        ("property=og:image:height", PREVIEW_SIZE.1.to_string()),
        ("property=og:image:alt", alt.to_string()),
        ("name=twitter:card", "summary_large_image".to_string()),
    ] {
        out = set_meta(&out, marker, &text).ok_or(BakeError::NoPart(marker))?;
    }
    if let Some(site) = site {
        let url = format!("{site}{here}");
        out = match set_meta(&out, "property=og:url", &url) {
            Some(set) => set,
            None => out.replacen(
                "<meta property",
                &format!(
                    "<meta property=\"og:url\" content=\"{}\"><meta property",
                    escape_html(&url)
                ),
                1,
            ),
        };
    }
    Ok(out)
}

/// The first view of a dataset as HTML in `lang`, rendered by the app's components (give it the
/// dataset `in_words` of that language where it has them).
pub fn first_view(dataset: Dataset, lang: Lang) -> Result<String, BakeError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| BakeError::Render(e.to_string()))?;
    let props = BakedProps {
        dataset: Shared::new(dataset),
        lang,
    };
    let local = tokio::task::LocalSet::new();
    Ok(local.block_on(&runtime, async move {
        yew::LocalServerRenderer::<Baked>::with_props(props)
            .hydratable(false)
            .render()
            .await
    }))
}

/// The built page (index.html, written in English) as the page in `lang`: its language, title,
/// descriptions and note for readers without JavaScript in `lang`; links to the page in each
/// language (`<link rel="alternate" hreflang>`, and in the note, for a reader without
/// JavaScript); and, for a page in `uk/`, its own files' addresses one level up. `years` are the
/// dataset's first and last (the title names them). A page made before gets the same again.
pub fn page_in(page: &str, lang: Lang, (from, to): (i32, i32)) -> Result<String, BakeError> {
    let mut out = page.to_string();
    let up = lang != Lang::En;
    if up {
        out = one_level_up(&out);
    }
    let title = tr!(lang, DocumentTitle, from = from, to = to);
    out = replace_between(&out, "<title>", "</title>", &escape_html(&title)).ok_or(BakeError::NoPart("<title>"))?;
    for (marker, text) in [
        ("name=description", tr!(lang, PageDescription, to = to)),
        ("property=og:title", title.clone()),
        ("property=og:description", tr!(lang, PreviewDescription).to_string()),
    ] {
        out = set_meta(&out, marker, &text).ok_or(BakeError::NoPart(marker))?;
    }
    let html_tag = out.find("<html").ok_or(BakeError::NoPart("<html>"))?;
    let html_end = html_tag + out[html_tag..].find('>').ok_or(BakeError::NoPart("<html>"))?;
    let fixed = if up {
        format!(" data-page-lang=\"{}\"", lang.as_str())
    } else {
        String::new()
    };
    out.replace_range(
        html_tag..=html_end,
        &format!("<html lang=\"{}\"{fixed}>", lang.as_str()),
    );
    // The pages in each language, from this one (relative: the site may be under any path).
    let (root, here) = if up { ("../", "./") } else { ("./", "uk/") };
    let other = if up { Lang::En } else { Lang::Uk };
    let alternates = format!(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"{root}\"><link rel=\"alternate\" hreflang=\"uk\" href=\"{}\"><link rel=\"alternate\" hreflang=\"x-default\" href=\"{root}\">",
        if up { here } else { "uk/" }
    );
    let start = out.find("<link rel=\"alternate\"");
    let end = out.find("</head>").ok_or(BakeError::NoPart("</head>"))?;
    out.replace_range(start.filter(|s| *s < end).unwrap_or(end)..end, &alternates);
    let other_href = if up { root } else { here };
    let note = format!(
        "<p class=\"no-script\">{} <a href=\"{other_href}\" hreflang=\"{o}\" lang=\"{o}\">{}</a></p>",
        escape_html(tr!(lang, NoScriptNote)),
        other.own_name(),
        o = other.as_str()
    );
    out = replace_between(&out, "<noscript><p", "</noscript>", "").ok_or(BakeError::NoPart("<noscript><p>"))?;
    out = out.replacen("<noscript><p</noscript>", &format!("<noscript>{note}</noscript>"), 1);
    Ok(out)
}

/// `page` with what is between the first `open` and the `close` after it replaced by `with`.
fn replace_between(page: &str, open: &str, close: &str, with: &str) -> Option<String> {
    let start = page.find(open)? + open.len();
    let end = start + page[start..].find(close)?;
    Some(format!("{}{with}{}", &page[..start], &page[end..]))
}

/// `page` with the `content` of the `<meta>` tag that holds `marker` (`name=description`,
/// written with or without quotes) set to `text`.
fn set_meta(page: &str, marker: &str, text: &str) -> Option<String> {
    let quoted = marker.replacen('=', "=\"", 1) + "\"";
    let mut from = 0;
    while let Some(at) = page[from..].find("<meta").map(|i| i + from) {
        let end = at + page[at..].find('>')?;
        let tag = &page[at..end];
        if tag.contains(&quoted)
            || tag
                .split_whitespace()
                .any(|w| w == marker || w.trim_end_matches('/') == marker)
        {
            // The value quoted, or (as a minifier leaves a value without spaces) bare.
            let start = tag.find("content=")? + "content=".len();
            let quoted = tag[start..].starts_with('"');
            let (content, close) = if quoted {
                (start + 1, start + 1 + tag[start + 1..].find('"')?)
            } else {
                (start, start + tag[start..].find(' ').unwrap_or(tag.len() - start))
            };
            let value = escape_html(text);
            let value = if quoted { value } else { format!("\"{value}\"") };
            return Some(format!("{}{value}{}", &page[..at + content], &page[at + close..]));
        }
        from = end;
    }
    None
}

/// `page` with the addresses of its own files (`href`, `src`) that are relative to it made
/// relative to the directory above: the page moves one level down (`uk/`). Absolute paths,
/// other sites, in-page and query links stay.
fn one_level_up(page: &str) -> String {
    let mut out = String::with_capacity(page.len() + 64);
    let mut rest = page;
    while let Some(at) = [" href=", " src="]
        .iter()
        .filter_map(|a| rest.find(a).map(|i| i + a.len()))
        .min()
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let quote = rest.starts_with('"').then_some("\"");
        let value = &rest[quote.map_or(0, |q| q.len())..];
        let value = match quote {
            Some(q) => value.split(q).next().unwrap_or(""),
            None => value.split([' ', '>']).next().unwrap_or(""),
        };
        let relative = !value.is_empty()
            && !value.starts_with(['/', '#', '?', '"', '>'])
            && !value.split(['/', '?', '#']).next().unwrap_or("").contains(':');
        if let Some(q) = quote {
            out.push_str(q);
            rest = &rest[q.len()..];
        }
        if relative {
            out.push_str("../");
        }
    }
    out.push_str(rest);
    out
}

/// The dataset's first and last years, for the pages' titles.
pub fn years(d: &Dataset) -> (i32, i32) {
    (d.first_date.parts().0, d.last_date.parts().0)
}

/// The page with the first view baked in: the view in `#baked`, and the app's empty `#app`
/// marked as arriving (rendered out of sight until it takes the view's place). A page baked
/// before gets the new view in place of the old one.
pub fn into_page(page: &str, view: &str) -> Result<String, BakeError> {
    const ARRIVING: &str = "<div id=\"app\" class=\"arriving\"></div>";
    let baked = format!("<div id=\"baked\">{view}</div>{ARRIVING}");
    if let (Some(start), Some(end)) = (page.find("<div id=\"baked\">"), page.find(ARRIVING)) {
        if start < end {
            return Ok(format!("{}{baked}{}", &page[..start], &page[end + ARRIVING.len()..]));
        }
    }
    for app in ["<div id=app></div>", "<div id=\"app\"></div>"] {
        if let Some(at) = page.find(app) {
            return Ok(format!("{}{baked}{}", &page[..at], &page[at + app.len()..]));
        }
    }
    Err(BakeError::NoAppElement)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html lang=en><meta charset=utf-8><meta content=\"x\" name=description>\
        <title>old</title><meta content=\"y\" property=og:title><meta content=\"z\" property=og:description>\
        <link href=favicon.svg rel=icon><script src=\"/boot.js?js=a.js\" type=module></script>\
        <link href=\"noscript.css\" rel=stylesheet><a href=\"https://x.org/a\">x</a><a href=#c>c</a></head>\
        <body><noscript><p class=no-script>old note</p></noscript><div id=app></div></body>";

    #[test]
    fn the_ukrainian_page_is_ukrainian_one_level_down_and_linked_both_ways() {
        let uk = page_in(PAGE, Lang::Uk, (2022, 2026)).unwrap();
        assert!(
            uk.starts_with("<!doctype html><html lang=\"uk\" data-page-lang=\"uk\">"),
            "{uk}"
        );
        assert!(uk.contains("<title>Україна 2022–2026, день за днем"), "{uk}");
        assert!(uk.contains("content=\"Перетини кордону з України"), "{uk}");
        assert!(
            uk.contains("href=../favicon.svg") && uk.contains("href=\"../noscript.css\""),
            "{uk}"
        );
        assert!(
            uk.contains("src=\"/boot.js?js=a.js\"")
                && uk.contains("href=\"https://x.org/a\"")
                && uk.contains("href=#c"),
            "{uk}"
        );
        assert!(uk.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../\"><link rel=\"alternate\" hreflang=\"uk\" href=\"./\">"), "{uk}");
        assert!(uk.contains("<noscript><p class=\"no-script\">Без JavaScript"), "{uk}");
        assert!(
            uk.contains("<a href=\"../\" hreflang=\"en\" lang=\"en\">English</a></p></noscript>"),
            "{uk}"
        );
        let en = page_in(PAGE, Lang::En, (2022, 2026)).unwrap();
        assert!(
            en.starts_with("<!doctype html><html lang=\"en\">") && en.contains("href=favicon.svg"),
            "{en}"
        );
        assert!(en.contains("<title>Ukraine 2022–2026, day by day"), "{en}");
        assert!(en.contains("hreflang=\"uk\" href=\"uk/\""), "{en}");
        assert!(
            en.contains("<a href=\"uk/\" hreflang=\"uk\" lang=\"uk\">Українська</a>"),
            "{en}"
        );
        // Made again from a page made before: the same page.
        assert_eq!(page_in(&en, Lang::En, (2022, 2026)).unwrap(), en);
        assert!(matches!(
            page_in("<html>", Lang::Uk, (2022, 2026)),
            Err(BakeError::NoPart(_))
        ));
    }

    #[test]
    fn the_built_page_has_every_part_the_other_language_needs() {
        let page = include_str!("../index.html");
        for (lang, _) in PAGES {
            page_in(page, lang, (2022, 2026)).unwrap();
        }
    }

    #[test]
    fn the_view_goes_beside_the_app() {
        let page = "<body><div id=app></div><script src=boot.js></script></body>";
        assert_eq!(
            into_page(page, "<main>view</main>").unwrap(),
            "<body><div id=\"baked\"><main>view</main></div><div id=\"app\" class=\"arriving\"></div><script src=boot.js></script></body>"
        );
        assert!(matches!(into_page("<body></body>", "x"), Err(BakeError::NoAppElement)));
    }

    #[test]
    fn a_baked_page_gets_the_new_view_in_place_of_the_old() {
        let page = "<body><div id=app></div><script src=boot.js></script></body>";
        let once = into_page(page, "<main>old</main>").unwrap();
        assert_eq!(
            into_page(&once, "<main>new</main>").unwrap(),
            into_page(page, "<main>new</main>").unwrap()
        );
    }
}
