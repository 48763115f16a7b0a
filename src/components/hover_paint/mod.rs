//! The hovered day over each chart, written straight into the page: the dashed line, a dot on
//! each series' figure and the tooltip. A hover re-renders no component: every chart's painter
//! is told the day, works out what its chart shows (`Shown`), and writes only the attributes
//! and text that differ from what it wrote before. Their elements live in two empty containers
//! that the chart's layer renders (over the chart, and under it for a tooltip without room
//! beside the crosshair); the view never touches what is inside them. The tooltip's elements
//! are in `tip`, the write-once bookkeeping of every element in `written`.

mod tip;
mod written;

use super::chart_layer::Over;
use super::crosshair::Placed;
use super::{Geometry, Shared};
use crate::chart::layout::{place_tooltip, Placement};
use crate::chart::ChartSpec;
use crate::transform::tooltip;
use crate::web::WebError;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use tip::Tip;
use web_sys::{Document, Element};
use written::{document, element, failed, Place, Written};
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

/// The elements of one chart's hover.
struct Nodes {
    doc: Document,
    line: Written,
    dots: Vec<Written>,
    tip: Tip,
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
        // At the plot's top, or lower where the bar pinned at the top of the screen covers it.
        let (x, top) = (
            placed.drawn.plot.x_of(day) / ratio,
            (f64::from(placed.drawn.plot.top) / ratio).max(pinned_over(&self.doc, layer) + 4.0),
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

/// How far down the chart the bar pinned at the top of the screen (the timeline) reaches, in
/// CSS px from the top of the chart's stack (what the tooltip over it is placed against); 0 when
/// it does not cover the chart (scrolled away, or not pinned on a narrow screen).
fn pinned_over(doc: &Document, layer: &Element) -> f64 {
    let (Some(bar), Some(stack)) = (
        doc.query_selector("#app .timeline-bar").ok().flatten(),
        layer.parent_element(),
    ) else {
        return 0.0;
    };
    (bar.get_bounding_client_rect().bottom() - stack.get_bounding_client_rect().top()).max(0.0)
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
