//! The palettes work for every reader: every series line keeps 3:1 against the chart and every
//! text colour 4.5:1 against its ground, in both themes; and any two series that share their
//! second channel (the same glyph, or none) stay distinguishable by colour under normal vision
//! and simulated protanopia, deuteranopia and tritanopia.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::chart::theme::{Rgb, Theme, DARK, GLYPHS, LIGHT};

/// The smallest CIEDE2000 difference that still tells two thin lines apart at a glance.
const DISTINCT: f64 = 12.0;

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn encoded(c: f64) -> f64 {
    let c = c.clamp(0.0, 1.0);
    if c <= 0.003_130_8 {
        12.92 * c
    } else {
        1.055 * c.powf(1.0 / 2.4) - 0.055
    }
}

/// WCAG 2 relative luminance and contrast ratio.
fn luminance(c: Rgb) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Colour-vision deficiencies at full severity (Machado, Oliveira and Fernandes 2009), applied
/// in linear RGB.
const SIMULATIONS: [(&str, [[f64; 3]; 3]); 3] = [
    (
        "protanopia",
        [
            [0.152_286, 1.052_583, -0.204_868],
            [0.114_503, 0.786_281, 0.099_216],
            [-0.003_882, -0.048_116, 1.051_998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367_322, 0.860_646, -0.227_968],
            [0.280_085, 0.672_501, 0.047_413],
            [-0.011_820, 0.042_940, 0.968_881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255_528, -0.076_749, -0.178_779],
            [-0.078_411, 0.930_809, 0.147_602],
            [0.004_733, 0.691_367, 0.303_900],
        ],
    ),
];

/// A colour as seen with a deficiency, in encoded sRGB (0-1).
fn simulate(c: Rgb, m: &[[f64; 3]; 3]) -> [f64; 3] {
    let l = [linear(c.0), linear(c.1), linear(c.2)];
    m.map(|row| encoded(row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))
}

/// CIELAB (D65) of an encoded sRGB colour (0-1).
fn lab(rgb: [f64; 3]) -> [f64; 3] {
    let lin = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb.map(lin);
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b;
    let z = (0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b) / 1.088_83;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation).
fn ciede2000(p: [f64; 3], q: [f64; 3]) -> f64 {
    let ([l1, a1, b1], [l2, a2, b2]) = (p, q);
    let c_mean = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (c_mean.powi(7) / (c_mean.powi(7) + 25f64.powi(7))).sqrt());
    let (a1, a2) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1, c2) = (a1.hypot(b1), a2.hypot(b2));
    let hue = |b: f64, a: f64| b.atan2(a).to_degrees().rem_euclid(360.0);
    let (h1, h2) = (hue(b1, a1), hue(b2, a2));
    let dh = if c1 * c2 == 0.0 {
        0.0
    } else if (h2 - h1).abs() <= 180.0 {
        h2 - h1
    } else if h2 - h1 > 180.0 {
        h2 - h1 - 360.0
    } else {
        h2 - h1 + 360.0
    };
    let d_l = l2 - l1;
    let d_c = c2 - c1;
    let d_h = 2.0 * (c1 * c2).sqrt() * (dh / 2.0).to_radians().sin();
    let l_mean = (l1 + l2) / 2.0;
    let c_mean = (c1 + c2) / 2.0;
    let h_mean = if c1 * c2 == 0.0 {
        h1 + h2
    } else if (h1 - h2).abs() <= 180.0 {
        (h1 + h2) / 2.0
    } else if h1 + h2 < 360.0 {
        (h1 + h2 + 360.0) / 2.0
    } else {
        (h1 + h2 - 360.0) / 2.0
    };
    let t = 1.0 - 0.17 * (h_mean - 30.0).to_radians().cos()
        + 0.24 * (2.0 * h_mean).to_radians().cos()
        + 0.32 * (3.0 * h_mean + 6.0).to_radians().cos()
        - 0.20 * (4.0 * h_mean - 63.0).to_radians().cos();
    let d_theta = 30.0 * (-((h_mean - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (c_mean.powi(7) / (c_mean.powi(7) + 25f64.powi(7))).sqrt();
    let s_l = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * c_mean;
    let s_h = 1.0 + 0.015 * c_mean * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
    ((d_l / s_l).powi(2) + (d_c / s_c).powi(2) + (d_h / s_h).powi(2) + r_t * (d_c / s_c) * (d_h / s_h)).sqrt()
}

fn rgb01(c: Rgb) -> [f64; 3] {
    [c.0, c.1, c.2].map(|v| f64::from(v) / 255.0)
}

#[test]
fn the_colour_difference_matches_published_values() {
    // Sharma, Wu and Dalal (2005), table 1, pairs 1, 7 and 17.
    let close = |a: [f64; 3], b: [f64; 3], expected: f64| {
        let d = ciede2000(a, b);
        assert!((d - expected).abs() < 1e-4, "{a:?} {b:?}: {d} against {expected}");
    };
    close([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425);
    close([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669);
    close([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492);
    // Deuteranopia makes red and green alike; tritanopia leaves them apart.
    let (red, green) = (Rgb(200, 60, 40), Rgb(90, 140, 40));
    let seen = |c: Rgb, i: usize| lab(simulate(c, &SIMULATIONS[i].1));
    assert!(ciede2000(seen(red, 1), seen(green, 1)) < ciede2000(seen(red, 2), seen(green, 2)));
}

/// Every series a chart can show together: the ink (totals) and the palette, each with its glyph.
fn shown_series(theme: &Theme) -> Vec<(String, Rgb, Option<displacement_tracker::chart::theme::Glyph>)> {
    let mut series = vec![("ink".to_string(), theme.ink, None)];
    series.extend((0..GLYPHS.len()).map(|i| (format!("series-{i}"), theme.series[i], GLYPHS[i])));
    series
}

/// The smallest difference between two series of `theme` that share their second channel, under
/// normal vision and each simulation: (difference, how seen, the two series).
fn closest_pair(theme: &Theme) -> (f64, &'static str, String, String) {
    let series = shown_series(theme);
    let mut closest = (f64::INFINITY, "", String::new(), String::new());
    for (i, (a, ca, ga)) in series.iter().enumerate() {
        for (b, cb, gb) in &series[i + 1..] {
            if ga != gb {
                continue;
            }
            let normal = ("normal vision", ciede2000(lab(rgb01(*ca)), lab(rgb01(*cb))));
            let simulated = SIMULATIONS
                .iter()
                .map(|(name, m)| (*name, ciede2000(lab(simulate(*ca, m)), lab(simulate(*cb, m)))));
            for (seen, d) in std::iter::once(normal).chain(simulated) {
                if d < closest.0 {
                    closest = (d, seen, a.clone(), b.clone());
                }
            }
        }
    }
    closest
}

#[test]
fn series_stay_distinguishable_for_every_eye() {
    for (name, theme) in [("light", &LIGHT), ("dark", &DARK)] {
        let (d, seen, a, b) = closest_pair(theme);
        assert!(d >= DISTINCT, "{name}: {a} and {b} differ by only {d:.1} ({seen})");
    }
}

#[test]
fn a_palette_without_glyphs_would_fail_for_some_eyes() {
    // The glyphs are needed: without them, some pairs come too close for some readers.
    let series = shown_series(&LIGHT);
    let glyphed: Vec<&(String, Rgb, _)> = series.iter().filter(|s| s.2.is_some()).collect();
    assert!(!glyphed.is_empty());
    let worst = series
        .iter()
        .flat_map(|(_, a, _)| series.iter().map(move |(_, b, _)| (*a, *b)))
        .filter(|(a, b)| a != b)
        .flat_map(|(a, b)| {
            SIMULATIONS
                .iter()
                .map(move |(_, m)| ciede2000(lab(simulate(a, m)), lab(simulate(b, m))))
        })
        .fold(f64::INFINITY, f64::min);
    assert!(worst < DISTINCT, "{worst}");
}

#[test]
fn lines_and_text_keep_their_contrast() {
    for (name, theme) in [("light", &LIGHT), ("dark", &DARK)] {
        for (role, color) in theme.line_roles() {
            let c = contrast(color, theme.surface);
            assert!(
                c >= 3.0,
                "{name}: line {role} {} has {c:.2}:1 on the chart",
                color.hex()
            );
        }
        for (role, color) in theme.text_roles() {
            for (ground, g) in [("surface", theme.surface), ("ground", theme.ground)] {
                let c = contrast(color, g);
                assert!(
                    c >= 4.5,
                    "{name}: text {role} {} has {c:.2}:1 on the {ground}",
                    color.hex()
                );
            }
        }
        let c = contrast(theme.ink, theme.selected_ground);
        assert!(c >= 4.5, "{name}: text on the selected quote's ground has {c:.2}:1");
    }
}
