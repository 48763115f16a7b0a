//! What a view shows, as CSV that carries its sources: a block of `#` comment lines (title, the
//! view's link, dataset version, every source with its link, the caveats of what is included),
//! then one row per figure with ISO dates, war days and plain numbers.

use crate::chart::ChartSpec;
use crate::data::{Dataset, Date};
use crate::i18n::Lang;
use crate::state::{ChartOptions, Measure, Mode};
use crate::transform::{bounds, charts, series_label};

/// One CSV field, quoted when it holds a comma, a quote or a line break. A text a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, as the
/// OWASP guidance on CSV injection lists them) gets a leading `'` and is quoted, so it is read as
/// text; a number stays a number.
fn field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err();
    if formula {
        format!("\"'{}\"", text.replace('"', "\"\""))
    } else if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A comment line; line breaks inside become spaces so the block stays one line per entry.
fn comment(out: &mut String, text: &str) {
    out.push_str("# ");
    out.push_str(&text.replace(['\n', '\r'], " "));
    out.push('\n');
}

/// The source ids behind the figures of the given charts, in dataset order.
fn sources_of(dataset: &Dataset, specs: &[ChartSpec]) -> Vec<String> {
    let ids: Vec<&str> = specs.iter().flat_map(ChartSpec::source_ids).collect();
    dataset
        .sources
        .iter()
        .filter(|s| ids.contains(&s.id.as_str()))
        .map(|s| s.id.clone())
        .collect()
}

/// The CSV of everything the view shows: every chart's series, in the view's range.
pub fn view_csv(dataset: &Dataset, options: &ChartOptions, link: &str) -> String {
    let specs = charts(dataset, options);
    let range = options.visible(&bounds(dataset));
    let mut out = String::new();
    header(&mut out, dataset, (&specs, options.lang), range, link);
    out.push_str("chart,series,date,war_day,value,precision,unit,detail,source\n");
    for spec in &specs {
        for series in &spec.series {
            for p in &series.points {
                let source = p.source.as_ref().unwrap_or(&series.source);
                let row = [
                    spec.id.to_string(),
                    series.label.clone(),
                    iso_day(p.day),
                    p.day.to_string(),
                    p.value.to_string(),
                    p.precision.to_string(),
                    spec.y_label.clone(),
                    p.detail.clone().unwrap_or_default(),
                    source.url.clone().unwrap_or_else(|| source.label.clone()),
                ];
                let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
                out.push_str(&fields.join(","));
                out.push('\n');
            }
        }
    }
    out
}

/// A war day's ISO date (or the number, for a day without a date).
fn iso_day(day: i64) -> String {
    Date::from_war_day(day).map_or_else(|| day.to_string(), Date::iso)
}

/// The `#` block over the rows: what the view is, its link and dataset, every source behind its
/// figures (with link, unit and caveats), the dated caveats in its range and its charts' notes,
/// in the view's language (the dataset's own words as they are).
fn header(out: &mut String, dataset: &Dataset, (specs, lang): (&[ChartSpec], Lang), (lo, hi): (i64, i64), link: &str) {
    comment(out, tr!(lang, CsvTitle));
    comment(out, &tr!(lang, CsvView, link = link));
    let titles: Vec<&str> = specs.iter().map(|s| s.title.as_str()).collect();
    comment(out, &tr!(lang, CsvCharts, titles = titles.join("; ")));
    for spec in specs {
        comment(out, &format!("{}: {}", spec.title, spec.coverage));
    }
    comment(out, tr!(lang, CsvPrecision));
    comment(
        out,
        &tr!(
            lang,
            CsvWarDays,
            from = lang.whole(lo),
            to = lang.whole(hi),
            first = iso_day(lo),
            last = iso_day(hi)
        ),
    );
    comment(
        out,
        &tr!(
            lang,
            CsvDataset,
            version = dataset.dataset_version,
            schema = dataset.schema_version
        ),
    );
    for s in sources_of(dataset, specs).iter().filter_map(|id| dataset.source(id)) {
        // The publisher's own page; else the copy the figures were read from, said as such;
        // else how the figures are linked ("each point links to its own page").
        let link = match (s.url.as_deref(), s.via_url.as_deref(), s.via.as_deref()) {
            (Some(url), _, _) => url.to_string(),
            (None, Some(copy), _) => tr!(lang, CsvVia, via = copy),
            (None, None, Some(how)) => how.to_string(),
            (None, None, None) => tr!(lang, NoLinkGiven).to_string(),
        };
        let source = format!("{}, {} ({link})", s.publisher, s.title);
        comment(out, &tr!(lang, CsvSource, id = s.id, source = source));
        if let Some(unit) = &s.unit {
            comment(out, &tr!(lang, CsvUnit, id = s.id, unit = unit));
        }
        for caveat in &s.caveats {
            comment(out, &tr!(lang, CsvCaveat, id = s.id, caveat = caveat));
        }
    }
    let shown: Vec<&str> = specs
        .iter()
        .flat_map(|s| s.series.iter().filter(|x| !x.points.is_empty()).map(|x| x.id.as_str()))
        .collect();
    let r = &dataset.refugees;
    for s in std::iter::once(&r.total)
        .chain(r.by_country.iter())
        .filter(|s| shown.contains(&s.id.as_str()))
    {
        let in_range = |c: &&crate::data::Caveat| c.date.is_none_or(|d| (lo..=hi).contains(&d.war_day()));
        for c in s.caveats.iter().filter(in_range) {
            let label = series_label(dataset, s, lang);
            comment(out, &tr!(lang, CsvCaveat, id = label, caveat = c.text));
        }
    }
    for spec in specs {
        for note in &spec.notes {
            comment(out, &tr!(lang, CsvNote, id = spec.id, note = note));
        }
    }
}

/// The view in words: what it shows, over which war days and dates, and how it is measured.
pub fn view_title(dataset: &Dataset, options: &ChartOptions) -> String {
    let (lo, hi) = options.visible(&bounds(dataset));
    let lang = options.lang;
    let day = |d: i64| Date::from_war_day(d).map_or_else(|| lang.day(d), |date| lang.date(date));
    let measure = match options.measure {
        Measure::Absolute => "",
        Measure::PerThousand => tr!(lang, ViewTitlePerThousand),
        Measure::Share => tr!(lang, ViewTitleShare),
    };
    let mode = match options.mode {
        Mode::Cumulative => "",
        Mode::Daily => tr!(lang, ViewTitleDaily),
    };
    tr!(
        lang,
        ViewTitle,
        from = lang.whole(lo),
        to = lang.whole(hi),
        first = day(lo),
        last = day(hi),
        measure = measure,
        mode = mode
    )
}

/// A citation of the view: title, dataset version, link and the date it was read.
pub fn citation(dataset: &Dataset, options: &ChartOptions, link: &str, accessed: Date) -> String {
    let lang = options.lang;
    tr!(
        lang,
        Citation,
        title = view_title(dataset, options),
        version = dataset.dataset_version,
        schema = dataset.schema_version,
        link = link,
        accessed = lang.date(accessed)
    )
}

/// What a downloaded picture of a chart carries under its own source line: the range shown,
/// the dataset version and the view's link.
pub fn stamp(dataset: &Dataset, options: &ChartOptions, link: &str) -> String {
    let (lo, hi) = options.visible(&bounds(dataset));
    let lang = options.lang;
    let day = |d: i64| Date::from_war_day(d).map_or_else(|| d.to_string(), |date| lang.date(date));
    tr!(
        lang,
        Stamp,
        from = lang.whole(lo),
        to = lang.whole(hi),
        first = day(lo),
        last = day(hi),
        version = dataset.dataset_version,
        link = link
    )
}

/// The snippet a host page pastes to embed one chart.
pub fn embed_snippet(src: &str, title: &str) -> String {
    // The frame takes its content's height: the embedded page says it (boot.js posts
    // {type: "displacement-tracker:height", height} to its parent), and the script below, from
    // the page's own origin only, sets it on the frame that said it. Without the script (a
    // host that strips scripts) the frame keeps a height that fits most widths.
    let frame = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{EMBED_HEIGHT}\" style=\"border:0;width:100%;max-width:1000px\" loading=\"lazy\" data-displacement-tracker></iframe>",
        crate::data::text::escape_html(src),
        crate::data::text::escape_html(title)
    );
    match origin(src) {
        Some(origin) => format!(
            "{frame}<script>addEventListener(\"message\",function(e){{var d=e.data;if(e.origin!==\"{origin}\"||!d||d.type!==\"displacement-tracker:height\")return;document.querySelectorAll(\"iframe[data-displacement-tracker]\").forEach(function(f){{if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+\"px\"}})}})</script>"
        ),
        None => frame,
    }
}

/// The frame's height before its page says its own (or where no script runs).
pub const EMBED_HEIGHT: u32 = 900;

/// The origin of a web address ("https://example.org:8443"), or none where it is not a plain
/// http(s) address (then the snippet has no script: no text of the address goes into code).
fn origin(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let end = url.len() - rest.len() + host.len();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    (!host.is_empty() && host.chars().all(plain)).then(|| &url[..end])
}

#[cfg(test)]
mod field_tests {
    use super::field;

    #[test]
    fn cells_a_spreadsheet_would_run_are_text() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("+1+2"), "\"'+1+2\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(field("-cmd|' /C calc'!A0"), "\"'-cmd|' /C calc'!A0\"");
        assert_eq!(field("\tx"), "\"'\tx\"");
        // Numbers, and text that only contains such characters later, stay as they are.
        assert_eq!(field("-5.5"), "-5.5");
        assert_eq!(field("3460430"), "3460430");
        assert_eq!(field("a=b"), "a=b");
        assert_eq!(field("a, b"), "\"a, b\"");
    }
}

#[cfg(test)]
mod tests {
    use super::{embed_snippet, field, origin};

    #[test]
    fn embed_snippet_escapes_its_attributes() {
        let snippet = embed_snippet("https://h.org/t/?embed=idps&from=2&to=9", "Say \"hi\" <b>");
        assert!(snippet.starts_with(
            "<iframe src=\"https://h.org/t/?embed=idps&amp;from=2&amp;to=9\" title=\"Say &quot;hi&quot; &lt;b&gt;\" \
             width=\"100%\" height=\"900\" style=\"border:0;width:100%;max-width:1000px\" loading=\"lazy\" \
             data-displacement-tracker></iframe><script>"
        ));
        assert!(snippet.contains("e.origin!==\"https://h.org\""), "{snippet}");
        assert!(snippet.ends_with("</script>"));
        // An address that is not plain http(s) gets no script: none of it goes into code.
        for odd in [
            "javascript:alert(1)",
            "https://h.org\"+alert(1)+\"/x",
            "file:///etc/passwd",
        ] {
            let snippet = embed_snippet(odd, "t");
            assert!(!snippet.contains("<script>"), "{snippet}");
        }
        assert_eq!(origin("http://127.0.0.1:8080/?embed=x"), Some("http://127.0.0.1:8080"));
    }

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(field("Poland"), "Poland");
        assert_eq!(
            field("Romania (arrivals from Moldova) — not part of the total"),
            "Romania (arrivals from Moldova) — not part of the total"
        );
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
