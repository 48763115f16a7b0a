//! Charts as SVG for the page itself (native only: the first view baked into index.html).

use super::{draw, theme, ChartSpec, DrawError, LIGHT};
use std::fmt::Write;

/// The chart as an SVG element for the page itself (native; the first view baked into
/// index.html): drawn by the same code at `width` x `height`, scaling with its box (viewBox),
/// with every colour of the light theme written as the theme's custom property, so the picture
/// follows the reader's light or dark theme like the rest of the page.
pub fn themed_svg(
    spec: &ChartSpec,
    (width, height): (u32, u32),
    class: &str,
    label: &str,
) -> Result<String, DrawError> {
    let mut svg = String::new();
    {
        use plotters::prelude::IntoDrawingArea;
        let root = plotters_svg::SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root, spec, &LIGHT, 1.0, (&|v| spec.lang.compact(v), &|_, _| None))?;
    }
    let svg = page_svg_attributes(&svg);
    let opening = format!("<svg width=\"{width}\" height=\"{height}\" ");
    let escaped = crate::data::text::escape_html(label);
    let svg = svg.replacen(
        &opening,
        &format!("<svg class=\"{class}\" role=\"img\" aria-label=\"{escaped}\" "),
        1,
    );
    Ok(shapes_as_paths(&theme::with_custom_properties(&svg)))
}

/// An SVG of plotters' backend as the page needs it: font sizes as drawn (the backend writes
/// them divided by 1.24; the layout measured them at their size, like the canvas draws them),
/// rounded to a tenth, and without the attributes that only repeat defaults or the
/// stylesheet (`opacity="1"`, the font family).
fn page_svg_attributes(svg: &str) -> String {
    let svg = svg
        .replace(" opacity=\"1\"", "")
        .replace(" font-family=\"sans-serif\"", "");
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg.as_str();
    while let Some(at) = rest.find("font-size=\"") {
        let (head, tail) = rest.split_at(at + "font-size=\"".len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        match tail[..end].parse::<f64>() {
            Ok(size) => out.push_str(&format!("{:.1}", size * 1.24)),
            Err(_) => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Plotters' lines, circles and rectangles as paths in relative coordinates, and consecutive
/// ones drawn alike (the same attributes, no opacity) as one path: the same picture in far fewer
/// bytes, since most steps of a line and most gaps between markers are a few pixels. An
/// element this cannot read is kept as it is. (Shapes drawn with an opacity stay apart, since
/// where they overlap they compound.)
fn shapes_as_paths(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut open: Option<OpenPath> = None;
    let close = |out: &mut String, open: &mut Option<OpenPath>| {
        if let Some(path) = open.take() {
            let _ = write!(out, "<path{} d=\"{}\"/>", path.attributes, path.d);
        }
    };
    let mut rest = svg;
    while let Some(at) = next_shape(rest) {
        let Some(length) = rest[at..].find("/>") else { break };
        let (between, element) = (&rest[..at], &rest[at..at + length + 2]);
        rest = &rest[at + length + 2..];
        match (&mut open, Shape::read(element)) {
            (Some(path), Some(shape))
                if path.attributes == shape.attributes
                    && !shape.attributes.contains("opacity")
                    && between.trim().is_empty() =>
            {
                path.add(&shape);
            }
            (_, shape) => {
                close(&mut out, &mut open);
                out.push_str(between);
                match shape {
                    Some(shape) => {
                        let mut path = OpenPath {
                            attributes: shape.attributes.clone(),
                            d: String::new(),
                            at: (0, 0),
                        };
                        path.add(&shape);
                        open = Some(path);
                    }
                    None => out.push_str(element),
                }
            }
        }
    }
    close(&mut out, &mut open);
    out.push_str(rest);
    out
}

/// Where the next line, circle or rectangle element starts.
fn next_shape(svg: &str) -> Option<usize> {
    svg.match_indices('<').map(|(at, _)| at).find(|&at| {
        ["<polyline ", "<circle ", "<rect "]
            .iter()
            .any(|tag| svg[at..].starts_with(tag))
    })
}

/// A path being written: its attributes, its data, and its current point.
struct OpenPath {
    attributes: String,
    d: String,
    at: (i32, i32),
}

impl OpenPath {
    /// Moves to the shape's start (relative to the current point) and draws it.
    fn add(&mut self, shape: &Shape) {
        let (dx, dy) = (shape.start.0 - self.at.0, shape.start.1 - self.at.1);
        let _ = write!(self.d, "m{dx}{}{dy}{}", gap(dy), shape.d);
        self.at = shape.end;
    }
}

/// The space between two numbers of path data, none before a minus sign.
fn gap(next: i32) -> &'static str {
    if next < 0 {
        ""
    } else {
        " "
    }
}

/// One element of plotters' SVG as a subpath.
struct Shape {
    /// The element's attributes other than its geometry, each with its leading space.
    attributes: String,
    start: (i32, i32),
    /// The path data after the move to `start`, relative.
    d: String,
    /// The current point after `d`.
    end: (i32, i32),
}

impl Shape {
    fn read(element: &str) -> Option<Shape> {
        let (name, inner) = element.strip_prefix('<')?.strip_suffix("/>")?.split_once(' ')?;
        let mut attributes = String::new();
        let mut geometry: Vec<(&str, &str)> = Vec::new();
        let mut rest = inner.trim();
        while let Some((key, tail)) = rest.split_once("=\"") {
            let (value, tail) = tail.split_once('"')?;
            let key = key.trim();
            if matches!(
                (name, key),
                ("polyline", "points") | ("circle", "cx" | "cy" | "r") | ("rect", "x" | "y" | "width" | "height")
            ) {
                geometry.push((key, value));
            } else {
                let _ = write!(attributes, " {key}=\"{value}\"");
            }
            rest = tail;
        }
        if !rest.trim().is_empty() {
            return None;
        }
        let number = |key: &str| geometry.iter().find(|(k, _)| *k == key)?.1.parse::<i32>().ok();
        let (start, d, end) = match name {
            // Lines only: subpaths of a filled shape would fill differently together.
            "polyline" if attributes.contains(" fill=\"none\"") => {
                let points = geometry.first()?.1.split_whitespace().map(|pair| {
                    let (x, y) = pair.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                });
                let points = points.collect::<Option<Vec<(i32, i32)>>>()?;
                let (&start, rest) = points.split_first()?;
                let mut d = String::new();
                let end = line_to(&mut d, start, rest);
                (start, d, end)
            }
            "circle" => {
                let (x, y, r) = (number("cx")?, number("cy")?, number("r")?);
                let d = format!("a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0{}{} 0z", 2 * r, gap(-2 * r), -2 * r);
                ((x - r, y), d, (x - r, y))
            }
            "rect" => {
                let (x, y, w, h) = (number("x")?, number("y")?, number("width")?, number("height")?);
                ((x, y), format!("h{w}v{h}h{}z", -w), (x, y))
            }
            _ => return None,
        };
        (geometry.len() == expected_geometry(name)).then_some(Shape {
            attributes,
            start,
            d,
            end,
        })
    }
}

/// How many geometry attributes each element has.
fn expected_geometry(name: &str) -> usize {
    match name {
        "polyline" => 1,
        "circle" => 3,
        _ => 4,
    }
}

/// Appends relative lines from `from` through `points` (`h` and `v` where they are straight).
/// Returns the last point.
fn line_to(d: &mut String, from: (i32, i32), points: &[(i32, i32)]) -> (i32, i32) {
    let mut at = from;
    for &(x, y) in points {
        let (dx, dy) = (x - at.0, y - at.1);
        let _ = match (dx, dy) {
            (_, 0) => write!(d, "h{dx}"),
            (0, _) => write!(d, "v{dy}"),
            _ => write!(d, "l{dx}{}{dy}", gap(dy)),
        };
        at = (x, y);
    }
    at
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_svgs_have_their_drawn_font_sizes() {
        let svg = r#"<text x="1" font-family="sans-serif" font-size="9.67741935483871" opacity="1">0</text>"#;
        assert_eq!(
            super::page_svg_attributes(svg),
            r#"<text x="1" font-size="12.0">0</text>"#
        );
    }

    type Subpath = Vec<(i32, i32)>;

    /// Each path of an SVG: its attributes, and the points its data passes through (absolute),
    /// one list per subpath; an arc's radius is kept beside its end point.
    fn paths(svg: &str) -> Vec<(String, Vec<Subpath>)> {
        svg.split("<path")
            .skip(1)
            .map(|p| {
                let (attributes, d) = p.split_once(" d=\"").unwrap();
                (attributes.to_string(), subpaths(&d[..d.find('"').unwrap()]))
            })
            .collect()
    }

    fn subpaths(d: &str) -> Vec<Subpath> {
        // Split into commands with their numbers ("-" starts a number too).
        let mut commands: Vec<(char, Vec<i32>)> = Vec::new();
        let mut number = String::new();
        let end_number = |number: &mut String, commands: &mut Vec<(char, Vec<i32>)>| {
            if !number.is_empty() {
                commands.last_mut().unwrap().1.push(number.parse().unwrap());
                number.clear();
            }
        };
        for c in d.chars() {
            if c.is_ascii_alphabetic() {
                end_number(&mut number, &mut commands);
                commands.push((c, Vec::new()));
            } else if c == ' ' || c == '-' {
                end_number(&mut number, &mut commands);
                if c == '-' {
                    number.push(c);
                }
            } else {
                number.push(c);
            }
        }
        end_number(&mut number, &mut commands);
        let mut lines: Vec<Subpath> = Vec::new();
        let mut at = (0, 0);
        for (command, n) in commands {
            at = match (command, n.as_slice()) {
                ('m', [dx, dy]) => {
                    lines.push(Vec::new());
                    (at.0 + dx, at.1 + dy)
                }
                ('l', [dx, dy]) => (at.0 + dx, at.1 + dy),
                ('h', [dx]) => (at.0 + dx, at.1),
                ('v', [dy]) => (at.0, at.1 + dy),
                ('a', [rx, ry, 0, 1, 0, dx, dy]) if rx == ry => (at.0 + dx, at.1 + dy),
                ('z', []) => lines.last().unwrap()[0],
                other => panic!("unexpected {other:?} in {d}"),
            };
            lines.last_mut().unwrap().push(at);
        }
        lines
    }

    #[test]
    fn lines_become_relative_paths_through_the_same_points() {
        let svg = "<svg>\n<polyline fill=\"none\" stroke-width=\"2\" points=\"47,450 950,450 950,20 960,10 \" style=\"stroke:var(--grid)\"/>\n\
                   <polyline fill=\"none\" stroke-width=\"2\" points=\"5,7 3,9 \" style=\"stroke:var(--grid)\"/>\n\
                   <polyline fill=\"none\" stroke-width=\"1\" points=\"1,1 2,2\" style=\"stroke:var(--grid)\"/>\n<text>a</text>\n\
                   <polyline fill=\"none\" stroke-width=\"1\" points=\"1,1 2,2\" style=\"stroke:var(--grid)\"/>\n</svg>";
        let out = super::shapes_as_paths(svg);
        assert!(!out.contains("<polyline"), "{out}");
        let paths = paths(&out);
        // The two alike and adjacent become one path; the others differ or are apart.
        assert_eq!(paths.len(), 3, "{out}");
        assert_eq!(
            paths[0].0,
            " fill=\"none\" stroke-width=\"2\" style=\"stroke:var(--grid)\""
        );
        assert_eq!(
            paths[0].1,
            [vec![(47, 450), (950, 450), (950, 20), (960, 10)], vec![(5, 7), (3, 9)]]
        );
        assert!(out.contains("d=\"m47 450h903v-430l10-10m-955-3l-2 2\""), "{out}");
        assert_eq!(paths[1].1, [vec![(1, 1), (2, 2)]]);
        assert_eq!(paths[1].1, paths[2].1);
        assert!(out.starts_with("<svg>\n<path"), "{out}");
        assert!(out.contains("<text>a</text>\n<path"), "{out}");
        assert!(out.ends_with("/>\n</svg>"), "{out}");
    }

    #[test]
    fn markers_and_bars_become_closed_subpaths_of_the_same_size() {
        let svg = "<circle cx=\"10\" cy=\"20\" r=\"4\" stroke=\"none\" style=\"fill:var(--series-2)\"/>\n\
                   <circle cx=\"30\" cy=\"15\" r=\"4\" stroke=\"none\" style=\"fill:var(--series-2)\"/>\n\
                   <rect x=\"5\" y=\"6\" width=\"7\" height=\"3\" stroke=\"none\" style=\"fill:var(--series-5)\"/>\n\
                   <rect x=\"50\" y=\"60\" width=\"2\" height=\"9\" opacity=\"0.85\" style=\"fill:var(--series-0)\"/>\n\
                   <rect x=\"52\" y=\"61\" width=\"2\" height=\"8\" opacity=\"0.85\" style=\"fill:var(--series-0)\"/>";
        let out = super::shapes_as_paths(svg);
        let paths = paths(&out);
        assert_eq!(paths.len(), 4, "{out}");
        assert_eq!(paths[0].0, " stroke=\"none\" style=\"fill:var(--series-2)\"");
        // A circle: from its left end, two half-circle arcs of its radius, closed.
        assert_eq!(
            paths[0].1,
            [
                vec![(6, 20), (14, 20), (6, 20), (6, 20)],
                vec![(26, 15), (34, 15), (26, 15), (26, 15)]
            ]
        );
        assert!(out.contains("a4 4 0 1 0 8 0a4 4 0 1 0-8 0z"), "{out}");
        assert_eq!(paths[1].1, [vec![(5, 6), (12, 6), (12, 9), (5, 9), (5, 6)]]);
        // Bars drawn with an opacity stay one path each: together they would not compound.
        assert_eq!(paths[2].0, " opacity=\"0.85\" style=\"fill:var(--series-0)\"");
        assert_eq!(paths[2].1, [vec![(50, 60), (52, 60), (52, 69), (50, 69), (50, 60)]]);
        assert_eq!(paths[3].1, [vec![(52, 61), (54, 61), (54, 69), (52, 69), (52, 61)]]);
    }

    #[test]
    fn an_element_that_cannot_be_read_is_kept() {
        for svg in [
            "<polyline fill=\"none\" points=\"1,x 2,2\"/>",
            "<polyline points=\"1,1 2,2\" style=\"fill:red\"/>",
            "<polyline fill=\"none\" points=\"\"/>",
            "<rect x=\"1\" y=\"2\" width=\"3\"/>",
            "<circle cx=\"1\" cy=\"2\" r=\"0.5\"/>",
            "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" broken/>",
        ] {
            assert_eq!(super::shapes_as_paths(svg), svg);
        }
    }
}
