//! The hovered day over each chart, written straight into the page: the dashed line, a dot on
//! each series' figure and the tooltip. A hover re-renders no component: every chart's painter
//! is told the day, works out what its chart shows (`Shown`), and writes only the attributes
//! and text that differ from what it wrote before. Their elements live in two empty containers
//! that the chart's layer renders (over the chart, and under it for a tooltip without room
//! beside the crosshair); the view never touches what is inside them.

use super::chart_layer::Over;
use super::crosshair::Placed;
use super::tooltip::swatch_shape;
use super::{Geometry, Shared};
use crate::chart::layout::{place_tooltip, Placement};
use crate::chart::{ChartSpec, SeriesColor};
use crate::transform::{tooltip, Tooltip, TooltipRow};
use crate::web::{IntlNumbers, WebError};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};
use yew::{Callback, NodeRef};

/// What one chart shows of the hovered day (pure: tested natively).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shown {
    /// The day of the dashed line, and whether its dots show (with the series that stands out).
    pub marks: Option<(i64, Option<Option<usize>>)>,
    /// The day of the tooltip, and the series whose row stands out.
    pub tip: Option<(i64, Option<usize>)>,
}

/// Every chart marks the hovered day; the chart under the pointer also dots its figures and has
/// the tooltip. A chart with the keyboard's focus (`keyed`: its selected day) and not the
/// pointer shows that day the same way, with the keyboard's series standing out.
pub fn shown(hover: Option<i64>, over: Over, keyed: Option<i64>, focus_series: Option<usize>) -> Shown {
    let marks = match (hover, keyed) {
        (Some(day), _) => Some((day, over.inside.then_some(over.series))),
        (None, Some(day)) => Some((day, Some(focus_series))),
        (None, None) => None,
    };
    let tip = match (hover.filter(|_| over.inside), keyed) {
        (Some(day), _) => Some((day, over.series)),
        (None, Some(day)) => Some((day, focus_series)),
        (None, None) => None,
    };
    Shown { marks, tip }
}

/// The painters of the page's charts and the hovered day they paint.
#[derive(Default)]
pub struct Painters {
    day: Option<i64>,
    painters: Vec<Weak<RefCell<Painter>>>,
}

/// The page's painters, shared by the page (which sets the day) and its charts (each adds its
/// own). Two are equal when they are the same.
#[derive(Clone, Default)]
pub struct HoverPainters(pub Rc<RefCell<Painters>>);

impl PartialEq for HoverPainters {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl HoverPainters {
    /// Paints `day` (or none) on every chart.
    pub fn set_day(&self, day: Option<i64>) {
        let painters: Vec<_> = {
            let mut all = self.0.borrow_mut();
            all.day = day;
            all.painters.retain(|p| p.strong_count() > 0);
            all.painters.iter().filter_map(Weak::upgrade).collect()
        };
        for painter in painters {
            painter.borrow_mut().paint(day);
        }
    }

    pub fn day(&self) -> Option<i64> {
        self.0.borrow().day
    }

    pub fn add(&self, painter: &Rc<RefCell<Painter>>) {
        self.0.borrow_mut().painters.push(Rc::downgrade(painter));
    }
}

/// One chart's hover: what it is told, the elements it writes, and what it wrote.
pub struct Painter {
    spec: Option<Shared<ChartSpec>>,
    area: Option<Geometry>,
    canvas: NodeRef,
    /// The containers over and under the chart.
    layer: NodeRef,
    below: NodeRef,
    /// Whether the pointer is over this chart, and the series nearest to it.
    pub over: Over,
    /// The selected day while the chart has the keyboard's focus, and the keyboard's series.
    pub keyboard: Option<i64>,
    pub focus_series: Option<usize>,
    nodes: Option<Nodes>,
    on_error: Callback<String>,
    failed: bool,
    /// Whether the chart is in sight (or not known to be out of it): a chart out of sight is
    /// not painted, and is painted when it comes into sight.
    pub in_sight: bool,
}

impl Painter {
    pub fn new(canvas: NodeRef, layer: NodeRef, below: NodeRef, on_error: Callback<String>) -> Self {
        Self {
            spec: None,
            area: None,
            canvas,
            layer,
            below,
            over: Over::default(),
            keyboard: None,
            focus_series: None,
            nodes: None,
            on_error,
            failed: false,
            in_sight: true,
        }
    }

    /// The chart as now drawn: a new spec builds the elements anew; a new drawing moves them.
    pub fn set_chart(&mut self, spec: &Shared<ChartSpec>, area: &Geometry) {
        if self.spec.as_ref() != Some(spec) {
            if let Some(nodes) = self.nodes.take() {
                nodes.remove();
            }
            self.spec = Some(spec.clone());
        }
        self.area = Some(area.clone());
        if let Some(nodes) = &mut self.nodes {
            // Drawn again (resized, zoomed): every position is written again.
            nodes.forget_positions();
        }
    }

    /// Shows `hover` (the page's hovered day) as this chart should. A failure says so in the
    /// chart's error line, once, and the chart stops following the hover (its table and the
    /// keyboard still give every figure).
    pub fn paint(&mut self, hover: Option<i64>) {
        // A chart under the pointer is in sight, whatever the observer has said so far.
        if self.failed || !(self.in_sight || self.over.inside) {
            return;
        }
        if let Err(e) = self.try_paint(hover) {
            self.failed = true;
            self.on_error.emit(e.to_string());
        }
    }

    fn try_paint(&mut self, hover: Option<i64>) -> Result<(), WebError> {
        let (Some(spec), Some(area)) = (self.spec.clone(), self.area.clone()) else {
            return Ok(());
        };
        // Borrowed, not copied: this runs on every pointer move.
        let placed = area.0.borrow();
        let (Some(placed), Some(layer), Some(below)) = (
            placed.as_ref(),
            self.layer.cast::<Element>(),
            self.below.cast::<Element>(),
        ) else {
            return Ok(());
        };
        // The keyboard's day shows while the pointer is not on the chart.
        let keyed = self.keyboard.filter(|_| !self.over.inside);
        let shown = shown(hover, self.over, keyed, self.focus_series);
        if self.nodes.is_none() {
            if shown == Shown::default() {
                return Ok(());
            }
            self.nodes = Some(Nodes::new(&spec)?);
        }
        let Some(nodes) = self.nodes.as_mut() else {
            return Ok(());
        };
        nodes.marks(&spec, placed, shown.marks, &layer)?;
        let canvas_width = self
            .canvas
            .cast::<web_sys::HtmlCanvasElement>()
            .map_or(0.0, |c| f64::from(c.width()));
        nodes.tip(&spec, placed, canvas_width, shown.tip, (&layer, &below))
    }
}

fn document() -> Result<Document, WebError> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| WebError("no document to draw the hovered day in".into()))
}

fn failed(doing: &str) -> impl Fn(wasm_bindgen::JsValue) -> WebError + '_ {
    move |e| WebError::from_js(doing, &e)
}

/// A new element with a class.
fn element(doc: &Document, tag: &str, class: &str) -> Result<Element, WebError> {
    let e = doc
        .create_element(tag)
        .map_err(failed("making the hovered day's marks"))?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

/// An element and what was last written into it, so that writing the same again costs nothing.
/// Positions are style properties set one by one (setting the whole style attribute makes the
/// browser parse all of it again, several times the cost).
struct Written {
    element: Element,
    /// The style properties written, with their values.
    props: Vec<(&'static str, String)>,
    class: String,
    text: String,
    /// Where the element is (none: not on the page).
    at: Option<Place>,
}

impl Written {
    fn new(element: Element) -> Self {
        let class = element.class_name();
        Self {
            element,
            props: Vec::new(),
            class,
            text: String::new(),
            at: None,
        }
    }

    /// Sets a style property (or removes it: `None`), unless it already has that value.
    fn prop(&mut self, name: &'static str, value: Option<String>) -> Result<(), WebError> {
        let now = self.props.iter().position(|(n, _)| *n == name);
        if now.map(|i| Some(&self.props[i].1)) == Some(value.as_ref()) {
            return Ok(());
        }
        let style = self.element.unchecked_ref::<web_sys::HtmlElement>().style();
        match &value {
            Some(v) => style.set_property(name, v),
            None => style.remove_property(name).map(drop),
        }
        .map_err(failed("placing the hovered day's marks"))?;
        if let Some(i) = now {
            self.props.remove(i);
        }
        if let Some(v) = value {
            self.props.push((name, v));
        }
        Ok(())
    }

    fn class(&mut self, class: &str) {
        if self.class != class {
            self.element.set_class_name(class);
            self.class = class.to_string();
        }
    }

    fn text(&mut self, text: &str) {
        if self.text != text {
            self.element.set_text_content(Some(text));
            self.text = text.to_string();
        }
    }

    /// Puts the element last in `parent` (the container over the chart or the one under it),
    /// or takes it out; nothing when it is already there.
    fn attach(&mut self, parent: Option<(&Element, Place)>) -> Result<(), WebError> {
        if self.at == parent.map(|(_, place)| place) {
            return Ok(());
        }
        match parent {
            Some((p, place)) => {
                p.append_child(&self.element)
                    .map_err(failed("showing the hovered day's marks"))?;
                self.at = Some(place);
            }
            None => {
                self.element.remove();
                self.at = None;
            }
        }
        Ok(())
    }
}

/// Which of the two containers an element is in.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    Over,
    Below,
}

/// The elements of one chart's hover.
struct Nodes {
    doc: Document,
    line: Written,
    dots: Vec<Written>,
    tip: Tip,
}

/// The tooltip's elements. Its table's rows are made again only when their shape changes (a
/// unit heading, a row's detail cell); moving from day to day writes text.
struct Tip {
    root: Written,
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
    showing: Option<(i64, Option<usize>)>,
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

impl Nodes {
    fn new(spec: &ChartSpec) -> Result<Self, WebError> {
        let doc = document()?;
        let line = Written::new(element(&doc, "span", "hover-line")?);
        // A dot has its series' colour for good; a hover moves it.
        let dots = spec
            .series
            .iter()
            .map(|s| {
                let dot = element(&doc, "span", "hover-dot off")?;
                dot.set_attribute("style", &format!("color: {}", s.color.css_var()))
                    .map_err(failed("making the hovered day's marks"))?;
                Ok(Written::new(dot))
            })
            .collect::<Result<Vec<_>, WebError>>()?;
        let tip = Tip::new(&doc)?;
        Ok(Self { doc, line, dots, tip })
    }

    fn remove(&self) {
        self.line.element.remove();
        for dot in &self.dots {
            dot.element.remove();
        }
        self.tip.root.element.remove();
    }

    fn forget_positions(&mut self) {
        for w in std::iter::once(&mut self.line)
            .chain(self.dots.iter_mut())
            .chain(std::iter::once(&mut self.tip.root))
        {
            w.props.clear();
        }
    }

    /// The dashed line at the day and, when `dots`, a dot on each series' figure (the series
    /// under the pointer larger); no figure that day, no dot.
    fn marks(
        &mut self,
        spec: &ChartSpec,
        placed: &Placed,
        marks: Option<(i64, Option<Option<usize>>)>,
        layer: &Element,
    ) -> Result<(), WebError> {
        let at = marks.and_then(|(day, dots)| Some((day, placed.x(day)?, dots)));
        let Some((day, x, dots)) = at else {
            self.line.attach(None)?;
            for dot in &mut self.dots {
                dot.attach(None)?;
            }
            return Ok(());
        };
        let (top, height) = placed.rows();
        self.line
            .prop("transform", Some(format!("translate({x:.1}px, {top:.1}px)")))?;
        self.line.prop("height", Some(format!("{height:.1}px")))?;
        self.line.attach(Some((layer, Place::Over)))?;
        let ratio = placed.ratio.max(1.0);
        for (i, (dot, series)) in self.dots.iter_mut().zip(&spec.series).enumerate() {
            let Some(hovered) = dots else {
                dot.attach(None)?;
                continue;
            };
            match series.at(day) {
                Some(point) => {
                    let y = f64::from(placed.drawn.axis.y_of(point.value)) / ratio;
                    dot.prop("transform", Some(format!("translate({x:.1}px, {y:.1}px)")))?;
                    dot.class(if hovered == Some(i) {
                        "hover-dot hovered"
                    } else {
                        "hover-dot"
                    });
                }
                None => dot.class("hover-dot off"),
            }
            dot.attach(Some((layer, Place::Over)))?;
        }
        Ok(())
    }

    /// The tooltip of the day, beside the crosshair on the side with room for it (its 22 rem
    /// and a margin), else under the chart; none without a day.
    fn tip(
        &mut self,
        spec: &ChartSpec,
        placed: &Placed,
        canvas_width: f64,
        tip: Option<(i64, Option<usize>)>,
        (layer, below): (&Element, &Element),
    ) -> Result<(), WebError> {
        let Some((day, hovered)) = tip else {
            return self.tip.root.attach(None);
        };
        let ratio = placed.ratio.max(1.0);
        let (x, top) = (
            placed.drawn.plot.x_of(day) / ratio,
            f64::from(placed.drawn.plot.top) / ratio,
        );
        let placement = place_tooltip(x, canvas_width / ratio, 360.0);
        // Placed by a transform on a layer of its own: moving it and changing its text repaint
        // the tooltip, not the page under it. On the left, its own width (100%) sets it off.
        let (class, transform, max_width, parent) = match placement {
            Placement::Right { left, max_width } => (
                "tooltip beside",
                Some(format!("translate({left:.0}px, {top:.0}px)")),
                Some(format!("{max_width:.0}px")),
                (layer, Place::Over),
            ),
            Placement::Left { right_edge, max_width } => (
                "tooltip beside",
                Some(format!("translate(calc({right_edge:.0}px - 100%), {top:.0}px)")),
                Some(format!("{max_width:.0}px")),
                (layer, Place::Over),
            ),
            Placement::Below => ("tooltip below", None, None, (below, Place::Below)),
        };
        // The same day and series as last time: the same text.
        if self.tip.showing != Some((day, hovered)) {
            let t = tooltip(spec, day);
            let hovered_label = hovered.and_then(|i| spec.series.get(i)).map(|s| s.label.as_str());
            self.tip.write(&self.doc, &t, hovered_label)?;
            self.tip.showing = Some((day, hovered));
        }
        self.tip.root.class(class);
        self.tip.root.prop("transform", transform)?;
        self.tip.root.prop("max-width", max_width)?;
        self.tip.root.attach(Some(parent))
    }
}

impl Tip {
    fn new(doc: &Document) -> Result<Self, WebError> {
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
    fn write(&mut self, doc: &Document, t: &Tooltip, hovered: Option<&str>) -> Result<(), WebError> {
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
            nodes
                .value
                .text(&r.value.map_or_else(|| no_report.clone(), |v| numbers.format(v)));
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
    if let Some(glyph) = SeriesColor::glyph(r.color) {
        let g = element(doc, "span", &format!("glyph {}", glyph.css_class()))?;
        span.append_child(&g).map_err(failed("writing the tooltip"))?;
    }
    Ok(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OVER: Over = Over {
        inside: true,
        series: Some(2),
    };

    #[test]
    fn the_chart_under_the_pointer_dots_its_figures_and_has_the_tooltip() {
        let s = shown(Some(26), OVER, None, None);
        assert_eq!(s.marks, Some((26, Some(Some(2)))));
        assert_eq!(s.tip, Some((26, Some(2))));
    }

    #[test]
    fn other_charts_only_mark_the_day() {
        let s = shown(Some(26), Over::default(), None, None);
        assert_eq!(s.marks, Some((26, None)));
        assert_eq!(s.tip, None);
    }

    #[test]
    fn the_keyboard_shows_the_selected_day_when_nothing_is_hovered() {
        let s = shown(None, Over::default(), Some(40), Some(1));
        assert_eq!(s.marks, Some((40, Some(Some(1)))));
        assert_eq!(s.tip, Some((40, Some(1))));
        // The pointer's day wins over the keyboard's.
        let s = shown(Some(26), OVER, Some(40), Some(1));
        assert_eq!(s.tip, Some((26, Some(2))));
        assert_eq!(shown(None, Over::default(), None, Some(1)), Shown::default());
    }
}
