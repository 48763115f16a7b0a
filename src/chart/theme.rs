//! The colours of the app, in one table per theme: the canvas, the PNG download, the SVG of the
//! tests and the stylesheet's custom properties all take them from here. The stylesheet's block
//! of custom properties is generated from these tables (`cargo run --bin theme-css --
//! assets/style.css`; a test fails when it is out of date).
//!
//! The series palettes are chosen so that any two series that share their second channel (a
//! glyph along the line, see `GLYPHS`) stay distinguishable for readers with deuteranopia,
//! protanopia and tritanopia, and every line keeps 3:1 against the chart; tests/palette.rs
//! checks both, and 4.5:1 for every text colour.

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

/// A shape drawn along a line and in its key: the second channel of series whose colours come
/// close for some readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    Circle,
    Square,
    Triangle,
    Cross,
}

impl Glyph {
    /// The class of the glyph's swatch in the stylesheet.
    pub fn css_class(self) -> &'static str {
        match self {
            Glyph::Circle => "glyph-circle",
            Glyph::Square => "glyph-square",
            Glyph::Triangle => "glyph-triangle",
            Glyph::Cross => "glyph-cross",
        }
    }
}

/// The glyph of each palette colour, the same in every theme (the colours without one are far
/// enough apart by colour alone).
pub const GLYPHS: [Option<Glyph>; PALETTE_SIZE] = [
    None,
    None,
    Some(Glyph::Circle),
    None,
    None,
    Some(Glyph::Square),
    Some(Glyph::Triangle),
    Some(Glyph::Cross),
];

/// The themes a reader can choose, by the name the page and its storage use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    Light,
    Dark,
}

spelled_enum! {
    /// What the reader chose: follow the system, or always light or dark. Kept in the browser's
    /// storage under these spellings, so the choice stays from one visit to the next.
    #[derive(Default)]
    pub enum ThemeChoice {
        #[default]
        System => "system",
        Light => "light",
        Dark => "dark",
    }
}

impl ThemeChoice {
    /// The theme shown, given whether the system asks for dark colours.
    pub fn effective(self, system_dark: bool) -> ThemeName {
        match self {
            ThemeChoice::Light => ThemeName::Light,
            ThemeChoice::Dark => ThemeName::Dark,
            ThemeChoice::System if system_dark => ThemeName::Dark,
            ThemeChoice::System => ThemeName::Light,
        }
    }
}

impl ThemeName {
    pub fn theme(self) -> &'static Theme {
        match self {
            ThemeName::Light => &LIGHT,
            ThemeName::Dark => &DARK,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Light => "light",
            ThemeName::Dark => "dark",
        }
    }
}

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
    /// The colours of text, each read against `surface` and `ground` (4.5:1 at least).
    pub fn text_roles(&self) -> [(&'static str, Rgb); 12] {
        [
            ("ink", self.ink),
            ("ink-soft", self.ink_soft),
            ("muted", self.muted),
            ("accent", self.accent),
            ("error", self.error),
            ("holds", self.holds),
            ("does-not-hold", self.does_not_hold),
            ("claim-text", self.claim_text),
            ("quote-text", self.quote_text),
            ("event-text", self.event_text),
            ("note-text", self.note_text),
            ("selected", self.selected),
        ]
    }

    /// The colours of lines and marks that carry data, read against `surface` (3:1 at least).
    pub fn line_roles(&self) -> Vec<(String, Rgb)> {
        let mut roles = vec![
            ("ink".to_string(), self.ink),
            ("claim".to_string(), self.claim),
            ("quote".to_string(), self.quote),
            ("event".to_string(), self.event),
            ("selected".to_string(), self.selected),
            ("hover".to_string(), self.hover),
        ];
        roles.extend(self.series.iter().enumerate().map(|(i, c)| (format!("series-{i}"), *c)));
        roles
    }

    /// The colour of a series' role in this theme.
    pub fn series_color(&self, color: super::SeriesColor) -> Rgb {
        match color {
            super::SeriesColor::Ink => self.ink,
            super::SeriesColor::Palette(i) => self.series[i % PALETTE_SIZE],
        }
    }
}

/// The light theme.
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
    // Blue and vermilion after Okabe and Ito, sky, indigo and grey; then green, magenta and
    // amber, which carry glyphs. All at least 3:1 on white.
    series: [
        Rgb(0, 114, 178),
        Rgb(213, 94, 0),
        Rgb(61, 143, 207),
        Rgb(51, 34, 136),
        Rgb(118, 118, 118),
        Rgb(0, 135, 106),
        Rgb(181, 64, 127),
        Rgb(143, 106, 0),
    ],
};

/// The dark theme: the same roles tuned for a dark ground, the palette in the same hue families
/// (lighter), so a series keeps its colour's name across themes.
pub const DARK: Theme = Theme {
    ground: Rgb(18, 20, 23),
    surface: Rgb(27, 30, 35),
    ink: Rgb(232, 232, 232),
    ink_soft: Rgb(204, 204, 204),
    muted: Rgb(170, 170, 170),
    line: Rgb(58, 63, 70),
    grid: Rgb(46, 50, 56),
    grid_minor: Rgb(38, 42, 47),
    axis: Rgb(122, 128, 136),
    accent: Rgb(108, 180, 240),
    error: Rgb(255, 120, 120),
    error_ground: Rgb(58, 28, 28),
    notice: Rgb(58, 50, 32),
    notice_line: Rgb(138, 116, 48),
    holds: Rgb(127, 214, 138),
    does_not_hold: Rgb(255, 138, 138),
    claim: Rgb(255, 107, 142),
    claim_text: Rgb(255, 154, 176),
    quote: Rgb(192, 138, 216),
    quote_text: Rgb(214, 176, 232),
    event: Rgb(216, 176, 96),
    event_text: Rgb(224, 192, 128),
    note_text: Rgb(224, 192, 112),
    selected: Rgb(255, 110, 150),
    selected_ground: Rgb(58, 32, 48),
    hover: Rgb(208, 208, 208),
    band: Rgb(80, 128, 224),
    series: [
        Rgb(79, 159, 224),
        Rgb(240, 122, 48),
        Rgb(143, 211, 255),
        Rgb(107, 92, 255),
        Rgb(163, 163, 163),
        Rgb(23, 184, 144),
        Rgb(224, 140, 192),
        Rgb(240, 228, 66),
    ],
};

/// An SVG drawn in the light theme with its colours as the theme's custom properties: each
/// element's `fill="#rrggbb"` and `stroke="#rrggbb"` of a theme colour become one
/// `style="fill:var(--role);stroke:var(--role)"`. Where two roles share a colour, the chart's
/// roles (series, ink, marks) come first.
pub fn with_custom_properties(svg: &str) -> String {
    let mut roles: Vec<(String, Rgb)> = LIGHT.properties();
    // Chart roles first: a series that shares the accent's colour stays a series.
    roles.sort_by_key(|(name, _)| !(name.starts_with("--series") || name == "--ink" || name == "--surface"));
    let var_of = |hex: &str| -> Option<String> {
        roles
            .iter()
            .find(|(_, c)| c.hex().eq_ignore_ascii_case(hex))
            .map(|(name, _)| format!("var({name})"))
    };
    let mut out = String::with_capacity(svg.len());
    for (i, piece) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let (tag, rest) = piece.split_once('>').map_or((piece, None), |(t, r)| (t, Some(r)));
        let mut tag = tag.to_string();
        let mut style = Vec::new();
        for property in ["fill", "stroke"] {
            let attribute = format!(" {property}=\"#");
            if let Some(at) = tag.find(&attribute) {
                let start = at + attribute.len() - 1;
                let hex = &tag[start..start + 7];
                if let Some(var) = var_of(hex) {
                    style.push(format!("{property}:{var}"));
                    tag.replace_range(at..start + 8, "");
                }
            }
        }
        if !style.is_empty() {
            let self_closing = tag.ends_with('/');
            if self_closing {
                tag.pop();
            }
            tag.push_str(&format!(" style=\"{}\"", style.join(";")));
            if self_closing {
                tag.push('/');
            }
        }
        out.push_str(&tag);
        if let Some(rest) = rest {
            out.push('>');
            out.push_str(rest);
        }
    }
    out
}

/// The first and last line of the generated block in the stylesheet.
pub const CSS_BEGIN: &str =
    "/* Theme: generated from src/chart/theme.rs by `cargo run --bin theme-css -- assets/style.css`; edit it there. */";
pub const CSS_END: &str = "/* End of the generated theme. */";

/// The generated block of the stylesheet, between its markers: every role once, with its light
/// and dark colours (`light-dark()`, chosen by the page's `color-scheme`: the system's, or the
/// reader's choice through `data-theme`).
pub fn stylesheet_block() -> String {
    let mut css = format!("{CSS_BEGIN}\n:root {{\n");
    for ((name, light), (_, dark)) in LIGHT.properties().into_iter().zip(DARK.properties()) {
        css.push_str(&format!("  {name}: light-dark({}, {});\n", light.hex(), dark.hex()));
    }
    css.push_str("}\n");
    css.push_str(CSS_END);
    css
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
        let block = stylesheet_block();
        assert!(
            block.contains(":root {\n  --ground: light-dark(#fafafa, #121417);\n"),
            "{block}"
        );
        assert!(block.contains("  --series-7: light-dark(#8f6a00, #f0e442);\n"));
    }

    #[test]
    fn the_reader_s_choice_wins_over_the_system() {
        assert_eq!(ThemeChoice::System.effective(true), ThemeName::Dark);
        assert_eq!(ThemeChoice::System.effective(false), ThemeName::Light);
        assert_eq!(ThemeChoice::Light.effective(true), ThemeName::Light);
        assert_eq!(ThemeChoice::Dark.effective(false), ThemeName::Dark);
        assert_eq!(ThemeChoice::parse("dark"), Some(ThemeChoice::Dark));
        assert_eq!(ThemeChoice::parse("auto"), None);
    }

    #[test]
    fn svg_colours_become_the_theme_s_properties() {
        let svg = r##"<svg><rect x="0" fill="#FFFFFF" stroke="none"/><polyline fill="none" stroke="#0072B2" points="1,2"/><text fill="#141414">Poland</text><line stroke="#123456"/></svg>"##;
        assert_eq!(
            with_custom_properties(svg),
            r##"<svg><rect x="0" stroke="none" style="fill:var(--surface)"/><polyline fill="none" points="1,2" style="stroke:var(--series-0)"/><text style="fill:var(--ink)">Poland</text><line stroke="#123456"/></svg>"##
        );
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
        assert!(new.contains("--ink: light-dark(#141414, #e8e8e8);") && !new.contains("stale block"));
        assert_eq!(with_current_block("no markers"), None);
    }
}
