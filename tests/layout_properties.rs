//! Properties of chart layout over random data: line labels never overlap, stay inside the plot
//! and keep the order of their lines; wherever the lines end, whatever the drawing's size.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::chart::frame::{frame, Measure};
use displacement_tracker::chart::layout::spread_labels;
use displacement_tracker::chart::{ChartId, ChartSpec, Mark, Point, SeriesColor, SeriesSpec, SourceRef};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn spread_labels_never_overlap(
        desired in proptest::collection::vec(-50.0f64..450.0, 1..12),
        height in 8.0f64..24.0,
        top in 0.0f64..50.0,
    ) {
        let bottom = top + 400.0;
        prop_assume!(desired.len() as f64 * height <= bottom - top);
        let centres = spread_labels(&desired, height, (top, bottom));
        prop_assert_eq!(centres.len(), desired.len());
        for c in &centres {
            prop_assert!(*c >= top + height / 2.0 - 1e-6 && *c <= bottom - height / 2.0 + 1e-6, "{} outside", c);
        }
        for i in 0..centres.len() {
            for j in i + 1..centres.len() {
                prop_assert!((centres[i] - centres[j]).abs() >= height - 1e-6, "{:?} overlap", (centres[i], centres[j]));
                // The order of the wishes is kept.
                if desired[i] < desired[j] {
                    prop_assert!(centres[i] < centres[j]);
                }
            }
        }
        // When no two wishes (each brought inside the plot) collide, every label stays there.
        let inside: Vec<f64> = desired.iter().map(|d| d.clamp(top + height / 2.0, bottom - height / 2.0)).collect();
        let collide = inside.iter().enumerate().any(|(i, a)| inside[i + 1..].iter().any(|b| (a - b).abs() < height));
        if !collide {
            for (c, want) in centres.iter().zip(&inside) {
                prop_assert!((c - want).abs() < 1e-6, "moved from {} to {}", want, c);
            }
        }
    }

    #[test]
    fn a_chart_s_line_labels_never_overlap(
        ends in proptest::collection::vec((1i64..=60, 0.0f64..1e6), 1..10),
        (width, height) in (320i32..2000, 300i32..900),
    ) {
        let series: Vec<SeriesSpec> = ends
            .iter()
            .enumerate()
            .map(|(i, (last, value))| SeriesSpec {
                id: format!("s{i}"),
                label: format!("Series number {i}"),
                name: format!("Series {i}"),
                color: SeriesColor::Palette(i),
                mark: if i % 3 == 2 { Mark::DashedLine } else { Mark::Line },
                source: SourceRef { label: "s".into(), url: None, ids: vec![] },
                points: vec![Point::plain(1, 0.0), Point::plain(*last + 1, *value)],
                max_gap: i64::MAX,
                glyph: None,
                keyed: true,
            })
            .collect();
        let spec = ChartSpec {
            id: ChartId::Refugees,
            lang: Default::default(),
            title: "A chart with a title long enough to need more than one line on a phone".into(),
            y_label: "things".into(),
            decimals: 0,
            rate: false,
            x_range: (1, 61),
            y_min: 0.0,
            y_max: 1e6,
            log_scale: false,
            series,
            notes: vec![],
            quote_days: vec![],
            events: vec![],
            marks: vec![],
            seams: vec![],
            mark_key: vec![],
            coverage: String::new(),
            later_figures: None,
            source_line: "Source: somebody, somewhere, with a source line that wraps on narrow drawings.".into(),
            sources: vec![],
        };
        let mono: Measure<'_> = &|text: &str, size: f64| text.chars().count() as f64 * size * 0.55;
        let f = frame(&spec, (width, height), 1.0, mono, &|v| format!("{v}"));
        let boxes: Vec<(i32, i32, i32, i32)> = f.labels.iter().map(|l| l.bounds(f.line)).collect();
        prop_assert_eq!(boxes.len(), spec.series.len().min(((f.plot.bottom - f.plot.top) / f.line) as usize));
        for (i, a) in boxes.iter().enumerate() {
            prop_assert!(a.1 >= f.plot.top - 1 && a.3 <= f.plot.bottom + 1, "label {:?} outside the plot's height", a);
            prop_assert!(a.2 <= width, "label {:?} past the drawing's right edge {}", a, width);
            for b in &boxes[i + 1..] {
                let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                prop_assert!(apart, "{:?} and {:?} overlap", a, b);
            }
        }
        // Each label sits right of its own line's end, so right of every line that ends no
        // later (a line that stops early is named at its end, not at the plot's edge).
        for label in &f.labels {
            prop_assert!(label.x > label.end.0, "a label over its own line");
            prop_assert!(
                f.labels.iter().filter(|l| l.end.0 <= label.end.0).all(|l| label.x > l.end.0),
                "a label over a line that ended before it"
            );
        }
    }
}
