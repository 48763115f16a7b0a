//! The hovered day's tooltip, written into the page: the date and war day, a row per series
//! (swatch, short name, exact figure; the hovered series standing out), the unit, claims and
//! caveats, what was said and done that day, and the publishers. The rows are made again only
//! when their shape changes (a unit heading, a row's detail cell); moving from day to day
//! writes text.

use super::written::{element, failed, Written};
use crate::components::tooltip::swatch_shape;
use crate::transform::{Tooltip, TooltipRow};
use crate::web::{IntlNumbers, WebError};
use web_sys::{Document, Element};

/// The tooltip's elements.
pub struct Tip {
    pub root: Written,
    title: Written,
    body: Element,
    unit: Written,
    marks: Element,
    mark_lines: Vec<String>,
    said: Written,
    sources: Written,
    shape: Vec<Part>,
    rows: Vec<RowNodes>,
    /// The day and series whose text the tooltip has.
    pub showing: Option<(i64, Option<usize>)>,
}

/// A part of the tooltip's table: a unit's heading, or a series' row (with a detail cell or not).
#[derive(Clone, Debug, PartialEq)]
enum Part {
    Unit(String),
    Row { label: String, detail: bool },
}

struct RowNodes {
    label: String,
    row: Written,
    value: Written,
    detail: Option<Written>,
}

impl Tip {
    pub fn new(doc: &Document) -> Result<Self, WebError> {
        let root = element(doc, "div", "tooltip beside")?;
        root.set_attribute("role", "tooltip")
            .map_err(failed("making the tooltip"))?;
        let add = |tag: &str, class: &str| -> Result<Element, WebError> {
            let e = element(doc, tag, class)?;
            root.append_child(&e).map_err(failed("making the tooltip"))?;
            Ok(e)
        };
        let title = add("p", "tooltip-day")?;
        let table = add("table", "")?;
        let body = element(doc, "tbody", "")?;
        table.append_child(&body).map_err(failed("making the tooltip"))?;
        // The same slots on every day (empty ones hidden by the stylesheet), marks in a box of
        // their own: moving from day to day changes text, not the tooltip's shape.
        let unit = add("p", "tooltip-unit tooltip-line")?;
        let marks = add("div", "tooltip-marks")?;
        let said = add("p", "tooltip-said tooltip-line")?;
        let sources = add("p", "tooltip-sources tooltip-line")?;
        Ok(Self {
            root: Written::new(root),
            title: Written::new(title),
            body,
            unit: Written::new(unit),
            marks,
            mark_lines: Vec::new(),
            said: Written::new(said),
            sources: Written::new(sources),
            shape: Vec::new(),
            rows: Vec::new(),
            showing: None,
        })
    }

    /// Writes the tooltip `t`, with the row of the series labelled `hovered` standing out.
    pub fn write(&mut self, doc: &Document, t: &Tooltip, hovered: Option<&str>) -> Result<(), WebError> {
        let lang = t.lang;
        let groups = t.unit_groups();
        let one_unit = groups.len() == 1;
        let shape: Vec<Part> = groups
            .iter()
            .flat_map(|(unit, rows)| {
                let heading = (!one_unit).then(|| Part::Unit(unit.clone()));
                heading.into_iter().chain(rows.iter().map(|r| Part::Row {
                    label: r.label.clone(),
                    detail: r.detail.is_some(),
                }))
            })
            .collect();
        if shape != self.shape {
            self.rebuild(doc, &shape, t)?;
            self.shape = shape;
        }
        let numbers = IntlNumbers::exact(lang, t.decimals);
        let no_report = tr!(lang, NoReport).to_string();
        for nodes in &mut self.rows {
            let Some(r) = t.rows.iter().find(|r| r.label == nodes.label) else {
                continue;
            };
            nodes.value.text(
                &r.value
                    .map_or_else(|| no_report.clone(), |v| lang.qualified(numbers.format(v), r.precision)),
            );
            if let (Some(cell), Some(detail)) = (&mut nodes.detail, &r.detail) {
                cell.text(detail);
            }
            nodes.row.class(if hovered == Some(r.label.as_str()) {
                "hovered"
            } else {
                ""
            });
        }
        self.title.text(&t.title);
        let unit = if one_unit {
            groups.first().map(|(u, _)| u.as_str()).unwrap_or_default()
        } else {
            ""
        };
        self.unit.text(unit);
        if t.mark_lines != self.mark_lines {
            self.marks.set_text_content(None);
            for line in &t.mark_lines {
                let p = element(doc, "p", "tooltip-mark tooltip-line")?;
                p.set_text_content(Some(line));
                self.marks.append_child(&p).map_err(failed("writing the tooltip"))?;
            }
            self.mark_lines = t.mark_lines.clone();
        }
        // Who was quoted and what happened that day share a line.
        self.said.text(&t.said_line());
        self.sources.text(&t.sources_line());
        Ok(())
    }

    /// The table's rows made again for a new shape.
    fn rebuild(&mut self, doc: &Document, shape: &[Part], t: &Tooltip) -> Result<(), WebError> {
        self.body.set_text_content(None);
        self.rows.clear();
        let append = |parent: &Element, child: &Element| {
            parent
                .append_child(child)
                .map(drop)
                .map_err(failed("writing the tooltip"))
        };
        for part in shape {
            let tr = element(doc, "tr", "")?;
            match part {
                Part::Unit(unit) => {
                    tr.set_class_name("tooltip-unit");
                    let th = element(doc, "th", "")?;
                    th.set_attribute("colspan", "4")
                        .map_err(failed("writing the tooltip"))?;
                    th.set_attribute("scope", "rowgroup")
                        .map_err(failed("writing the tooltip"))?;
                    th.set_text_content(Some(unit));
                    append(&tr, &th)?;
                }
                Part::Row { label, detail } => {
                    let Some(r) = t.rows.iter().find(|r| &r.label == label) else {
                        continue;
                    };
                    let key = element(doc, "td", "key")?;
                    append(&key, &swatch(doc, r)?)?;
                    let th = element(doc, "th", "")?;
                    th.set_attribute("scope", "row")
                        .map_err(failed("writing the tooltip"))?;
                    th.set_text_content(Some(&r.name));
                    let value = element(doc, "td", "value")?;
                    for cell in [&key, &th, &value] {
                        append(&tr, cell)?;
                    }
                    let detail = if *detail {
                        let cell = element(doc, "td", "detail")?;
                        append(&tr, &cell)?;
                        Some(Written::new(cell))
                    } else {
                        None
                    };
                    self.rows.push(RowNodes {
                        label: label.clone(),
                        row: Written::new(tr.clone()),
                        value: Written::new(value),
                        detail,
                    });
                }
            }
            append(&self.body, &tr)?;
        }
        Ok(())
    }
}

/// A series' swatch, as `tooltip::swatch` writes it.
fn swatch(doc: &Document, r: &TooltipRow) -> Result<Element, WebError> {
    let span = element(doc, "span", &format!("swatch {}", swatch_shape(r.mark)))?;
    span.set_attribute("style", &format!("color: {}", r.color.css_var()))
        .map_err(failed("writing the tooltip"))?;
    span.set_attribute("aria-hidden", "true")
        .map_err(failed("writing the tooltip"))?;
    if let Some(glyph) = r.glyph {
        let g = element(doc, "span", &format!("glyph {}", glyph.css_class()))?;
        span.append_child(&g).map_err(failed("writing the tooltip"))?;
    }
    Ok(span)
}
