//! The colours of the app, in one table: the canvas, the PNG download, the SVG of the tests and
//! the stylesheet's custom properties all take them from here. The stylesheet's block of custom
//! properties is generated from this table (`cargo run --bin theme-css -- assets/style.css`; a
//! test fails when it is out of date), so a new theme is one new value of `Theme`.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `rgba(r, g, b, a)`, for the canvas's style strings.
    pub fn rgba(self, alpha: f64) -> String {
        format!("rgba({}, {}, {}, {alpha})", self.0, self.1, self.2)
    }
}

/// How many colours the categorical palette has (series colours wrap around it).
pub const PALETTE_SIZE: usize = 8;

/// Declares `Theme` with one field per role and the CSS custom property each role is written as.
macro_rules! theme_roles {
    ($( $(#[$doc:meta])* $field:ident => $css:literal, )+) => {
        /// Every colour the app uses, by role.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Theme {
            $( $(#[$doc])* pub $field: Rgb, )+
            /// The categorical palette of the series (`--series-0` ...).
            pub series: [Rgb; PALETTE_SIZE],
        }

        impl Theme {
            /// Every role as a CSS custom property and its colour, in table order.
            pub fn properties(&self) -> Vec<(String, Rgb)> {
                let mut out = vec![$( ($css.to_string(), self.$field), )+];
                out.extend(self.series.iter().enumerate().map(|(i, c)| (format!("--series-{i}"), *c)));
                out
            }
        }
    };
}

theme_roles! {
    /// The page behind the panels.
    ground => "--ground",
    /// Panels and charts.
    surface => "--surface",
    /// Text, and the series drawn as totals.
    ink => "--ink",
    /// Secondary text that still carries content (context, caveats).
    ink_soft => "--ink-soft",
    /// Notes and source lines.
    muted => "--muted",
    /// Borders of panels.
    line => "--line",
    /// Value gridlines.
    grid => "--grid",
    /// Day gridlines.
    grid_minor => "--grid-minor",
    /// Axes, ticks, badge and tooltip borders.
    axis => "--axis",
    /// Links and focus rings.
    accent => "--accent",
    error => "--error",
    error_ground => "--error-ground",
    notice => "--notice",
    notice_line => "--notice-line",
    /// A claim's qualifier holds against the data, or does not.
    holds => "--holds",
    does_not_hold => "--does-not-hold",
    /// Claim and caveat marks on a chart, and their words.
    claim => "--claim",
    claim_text => "--claim-text",
    /// Quote markers on the time axis, and who was quoted.
    quote => "--quote",
    quote_text => "--quote-text",
    /// Event lines and labels, and events named in text.
    event => "--event",
    event_text => "--event-text",
    /// Notes under a chart.
    note_text => "--note-text",
    /// The selected day's crosshair, and the selected quote's edge and ground.
    selected => "--selected",
    selected_ground => "--selected-ground",
    /// The hovered day's crosshair.
    hover => "--hover",
    /// The range being dragged across a chart.
    band => "--band",
}

impl Theme {
    /// The colour of a series' role in this theme.
    pub fn series_color(&self, color: super::SeriesColor) -> Rgb {
        match color {
            super::SeriesColor::Ink => self.ink,
            super::SeriesColor::Palette(i) => self.series[i % PALETTE_SIZE],
        }
    }

    /// The stylesheet block of custom properties of this theme, for `selector`.
    pub fn css_block(&self, selector: &str) -> String {
        let mut css = format!("{selector} {{\n");
        for (name, color) in self.properties() {
            css.push_str(&format!("  {name}: {};\n", color.hex()));
        }
        css.push_str("}\n");
        css
    }
}

/// The light theme (the only one so far).
pub const LIGHT: Theme = Theme {
    ground: Rgb(250, 250, 250),
    surface: Rgb(255, 255, 255),
    ink: Rgb(20, 20, 20),
    ink_soft: Rgb(51, 51, 51),
    muted: Rgb(85, 85, 85),
    line: Rgb(221, 221, 221),
    grid: Rgb(228, 228, 228),
    grid_minor: Rgb(238, 238, 238),
    axis: Rgb(150, 150, 150),
    accent: Rgb(0, 114, 178),
    error: Rgb(164, 0, 0),
    error_ground: Rgb(255, 245, 245),
    notice: Rgb(255, 248, 225),
    notice_line: Rgb(224, 192, 96),
    holds: Rgb(27, 94, 32),
    does_not_hold: Rgb(138, 28, 28),
    claim: Rgb(170, 20, 60),
    claim_text: Rgb(138, 20, 56),
    quote: Rgb(120, 60, 140),
    quote_text: Rgb(90, 42, 110),
    event: Rgb(150, 110, 40),
    event_text: Rgb(110, 79, 18),
    note_text: Rgb(106, 74, 0),
    selected: Rgb(160, 0, 60),
    selected_ground: Rgb(251, 239, 244),
    hover: Rgb(40, 40, 40),
    band: Rgb(40, 80, 160),
    // Okabe and Ito's colour-blind-safe categorical palette, then greys.
    series: [
        Rgb(0, 114, 178),
        Rgb(213, 94, 0),
        Rgb(0, 158, 115),
        Rgb(204, 121, 167),
        Rgb(230, 159, 0),
        Rgb(86, 180, 233),
        Rgb(120, 120, 120),
        Rgb(160, 160, 160),
    ],
};

/// The first and last line of the generated block in the stylesheet.
pub const CSS_BEGIN: &str =
    "/* Theme: generated from src/chart/theme.rs by `cargo run --bin theme-css -- assets/style.css`; edit it there. */";
pub const CSS_END: &str = "/* End of the generated theme. */";

/// The generated block of the stylesheet, between its markers.
pub fn stylesheet_block() -> String {
    format!("{CSS_BEGIN}\n{}{CSS_END}", LIGHT.css_block(":root"))
}

/// `stylesheet` with its generated block replaced by the current one; none when it has no
/// markers.
pub fn with_current_block(stylesheet: &str) -> Option<String> {
    let start = stylesheet.find(CSS_BEGIN)?;
    let end = stylesheet[start..].find(CSS_END)? + start + CSS_END.len();
    Some(format!(
        "{}{}{}",
        &stylesheet[..start],
        stylesheet_block(),
        &stylesheet[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_as_css() {
        assert_eq!(Rgb(0, 114, 178).hex(), "#0072b2");
        assert_eq!(Rgb(40, 80, 160).rgba(0.15), "rgba(40, 80, 160, 0.15)");
        let block = LIGHT.css_block(":root");
        assert!(block.starts_with(":root {\n  --ground: #fafafa;\n"), "{block}");
        assert!(block.contains("  --series-7: #a0a0a0;\n"));
    }

    #[test]
    fn every_css_name_is_distinct() {
        let names: Vec<String> = LIGHT.properties().into_iter().map(|(n, _)| n).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn the_block_is_replaced_between_its_markers() {
        let css = format!("a {{}}\n{CSS_BEGIN}\nstale block\n{CSS_END}\nb {{}}\n");
        let new = with_current_block(&css).unwrap();
        assert!(new.starts_with("a {}\n") && new.ends_with("\nb {}\n"));
        assert!(new.contains("--ink: #141414;") && !new.contains("stale block"));
        assert_eq!(with_current_block("no markers"), None);
    }
}
