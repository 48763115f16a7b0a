//! The first view baked into the page at build time, from the bundled dataset: every chart of
//! the default view as SVG in both sizes, coloured by the theme's custom properties; every
//! quote with its source; and the page it goes into.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::bake::{
    dataset, first_view, in_words, into_page, preview, with_preview, BakeError, PREVIEW_SIZE,
};
use displacement_tracker::chart::Mark;
use displacement_tracker::data::parse_dataset;
use displacement_tracker::i18n::Lang;
use displacement_tracker::state::from_query;
use displacement_tracker::transform::{bounds, charts};
use std::path::Path;

fn bundled() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data/dataset.json");
    std::fs::read_to_string(path).unwrap()
}

/// The SVG elements of `view` drawn for `chart`, in the order they appear.
fn svgs_of<'a>(view: &'a str, chart: &str) -> Vec<&'a str> {
    let marker = format!("<svg data-chart=\"{chart}\" ");
    view.match_indices(&marker)
        .map(|(at, _)| {
            let end = view[at..].find("</svg>").unwrap();
            &view[at..at + end]
        })
        .collect()
}

/// The text of each `<text>` element of an SVG, trimmed.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].trim())
        })
        .collect()
}

#[test]
fn every_chart_of_the_default_view_is_drawn_wide_and_for_phones() {
    let json = bundled();
    let view = first_view(dataset(&json).unwrap(), Lang::En).unwrap();
    let dataset = parse_dataset(&json).unwrap();
    let (state, _) = from_query("", &bounds(&dataset));
    let specs = charts(&dataset, &state.options);
    assert!(
        specs.len() >= 3,
        "the default view has the refugee, casualty and IDP charts"
    );
    for spec in &specs {
        let svgs = svgs_of(&view, spec.id.as_str());
        assert_eq!(svgs.len(), 2, "{}: one wide and one phone drawing", spec.id);
        assert!(svgs[0].contains("chart-baked-wide") && svgs[0].contains("viewBox=\"0 0 960 540\""));
        // On a phone the chart grows a row of 1.15rem for each keyed line beyond three (style.css),
        // so the picture is drawn that much taller and carries the count, as the app's canvas does.
        let lines = spec.series.iter().filter(|s| s.keyed).count();
        let phone_height = 440 + (lines.saturating_sub(3) as f64 * 18.4).round() as u32;
        assert!(
            svgs[1].contains("chart-baked-phone") && svgs[1].contains(&format!("viewBox=\"0 0 360 {phone_height}\""))
        );
        for svg in &svgs {
            assert!(
                svg.contains(&format!("style=\"--key-lines: {lines}\"")),
                "{}: its key's lines",
                spec.id
            );
        }
        for svg in &svgs {
            assert!(
                svg.contains("role=\"img\" aria-label=\""),
                "{}: labelled as an image",
                spec.id
            );
            // Every colour is the theme's, so the drawing follows the reader's light or dark theme.
            assert!(svg.contains("var(--"), "{}: drawn in the theme's colours", spec.id);
            assert!(
                !svg.contains("fill=\"#") && !svg.contains("stroke=\"#"),
                "{}: a fixed colour",
                spec.id
            );
        }
        // The wide drawing names each line at its end (a long name shortened to fit).
        for series in spec
            .series
            .iter()
            .filter(|s| matches!(s.mark, Mark::Line | Mark::DashedLine))
        {
            let start: String = series.name.chars().take(4).collect();
            let named = texts(svgs[0]).iter().any(|t| t.starts_with(&start));
            assert!(named, "{}: {} is not named", spec.id, series.name);
        }
    }
}

#[test]
fn every_quote_is_in_the_first_view_with_its_source() {
    let json = bundled();
    let view = first_view(dataset(&json).unwrap(), Lang::En).unwrap();
    let dataset = parse_dataset(&json).unwrap();
    assert!(!dataset.quotes.is_empty());
    for quote in &dataset.quotes {
        let url = quote.source_url.replace('&', "&amp;");
        assert!(
            view.contains(&format!("href=\"{url}\"")),
            "the source of {:?}",
            quote.speaker
        );
        assert!(view.contains(&quote.speaker.replace('&', "&amp;")), "{}", quote.speaker);
    }
}

#[test]
fn the_view_goes_into_the_page_and_a_bad_dataset_is_refused() {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
    let baked = into_page(&page, "<main>first view</main>").unwrap();
    assert!(baked.contains("<div id=\"baked\"><main>first view</main></div><div id=\"app\" class=\"arriving\"></div>"));
    assert_eq!(baked.matches("id=\"app\"").count(), 1);
    match dataset("{\"not\": \"a dataset\"}") {
        Err(e @ BakeError::Dataset(_)) => assert!(e.to_string().starts_with("the dataset cannot be baked")),
        other => panic!("expected a dataset error, got {:?}", other.map(|d| d.dataset_version)),
    }
    let json = bundled();
    let other = r#"{"lang":"uk","dataset_version":"0000","texts":[]}"#;
    match in_words(&dataset(&json).unwrap(), other) {
        Err(e @ BakeError::Words(_)) => assert!(e.to_string().contains("they are of dataset 0000"), "{e}"),
        other => panic!(
            "expected an own-words error, got {:?}",
            other.map(|d| d.dataset_version)
        ),
    }
}

#[test]
fn the_ukrainian_view_is_in_ukrainian() {
    let json = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data/dataset.json")).unwrap();
    let words =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data/dataset.uk.json")).unwrap();
    let view = first_view(in_words(&dataset(&json).unwrap(), &words).unwrap(), Lang::Uk).unwrap();
    assert!(view.contains("Що повномасштабне вторгнення в Україну зробило з людьми, день за днем"));
    // Our own words in Ukrainian, marked so; the quotes as printed, marked English.
    assert!(view.contains("<strong lang=\"en\">Filippo Grandi</strong>, Верховний комісар ООН у справах біженців"));
    assert!(
        !view.contains("UN High Commissioner for Refugees"),
        "a role left in English"
    );
    assert!(
        view.contains("<span lang=\"uk\">Філіппо Гранді, Верховний комісар ООН у справах біженців (допис у X)</span>")
    );
    assert!(view.contains(
        "<li lang=\"uk\">Перетини кордону з України, а не окремі особи; повернення в Україну не віднімаються.</li>"
    ));
    assert!(
        view.contains("<blockquote cite=\"https://www.elmostrador.cl/"),
        "the quotes stay"
    );
    assert!(
        view.contains(" lang=\"en\"><p>“More than 50,000 Ukrainian refugees"),
        "as printed, in English"
    );
    assert!(
        view.contains("Джерела та методика") && view.contains("Що казали"),
        "the sections in Ukrainian"
    );
    assert!(!view.contains("Sources and method"), "no English heading");
    assert_eq!(
        view.matches("<svg").count(),
        first_view(dataset(&json).unwrap(), Lang::En)
            .unwrap()
            .matches("<svg")
            .count()
    );
}

#[test]
fn each_page_names_its_preview_picture_absolute_when_the_site_is_known() {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
    let en = with_preview(&page, Lang::En, None, "The chart").unwrap();
    assert!(en.contains("<meta property=\"og:image\" content=\"preview.png\">"));
    assert!(en.contains("<meta property=\"og:image:alt\" content=\"The chart\">"));
    assert!(en.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(!en.contains("og:url"), "no page address without the site's");
    let uk = with_preview(&page, Lang::Uk, Some("https://example.org/tracker"), "Графік").unwrap();
    assert!(uk.contains("<meta property=\"og:image\" content=\"https://example.org/tracker/uk/preview.png\">"));
    assert!(uk.contains("<meta property=\"og:url\" content=\"https://example.org/tracker/uk/\">"));
    // A minified page writes values without spaces bare: they are found and quoted.
    let minified = "<head><meta property=og:image content=preview.png><meta property=og:image:width content=1200><meta property=og:image:height content=630><meta property=og:image:alt content=\"x y\"><meta name=twitter:card content=summary></head>";
    let set = with_preview(minified, Lang::En, Some("https://example.org/"), "A chart").unwrap();
    assert!(
        set.contains("<meta property=og:image content=\"https://example.org/preview.png\">"),
        "{set}"
    );
    assert!(
        set.contains("<meta name=twitter:card content=\"summary_large_image\">"),
        "{set}"
    );
    assert!(matches!(
        with_preview("<head></head>", Lang::En, None, "x"),
        Err(BakeError::NoPart("property=og:image"))
    ));
}

#[test]
fn the_preview_is_a_picture_of_the_first_chart_in_each_language() {
    let json = bundled();
    let english = dataset(&json).unwrap();
    let (png, alt) = preview(&english, Lang::En).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let size = |png: &[u8]| {
        let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        (word(16), word(20))
    };
    assert_eq!(size(&png), PREVIEW_SIZE);
    assert!(
        alt.starts_with("Border crossings out of Ukraine by receiving country, cumulative. Figures to "),
        "{alt}"
    );
    // Drawn, not blank: a picture of many colours compresses far less than an empty one.
    assert!(png.len() > 50_000, "{} bytes", png.len());
    let words =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data/dataset.uk.json")).unwrap();
    let (uk, alt) = preview(&in_words(&english, &words).unwrap(), Lang::Uk).unwrap();
    assert_eq!(size(&uk), PREVIEW_SIZE);
    assert!(alt.starts_with("Перетини кордону з України"), "{alt}");
    assert_ne!(png, uk, "each language its own picture");
}
