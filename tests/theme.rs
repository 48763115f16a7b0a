//! The page and the charts take their colours from one table (`src/chart/theme.rs`): the
//! stylesheet's custom properties are generated from it and nothing else in the stylesheet
//! names a colour.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::chart::theme::{self, CSS_END, LIGHT};

const STYLESHEET: &str = include_str!("../assets/style.css");

#[test]
fn the_stylesheet_block_is_generated_from_the_theme() {
    assert!(
        theme::with_current_block(STYLESHEET).as_deref() == Some(STYLESHEET),
        "assets/style.css's theme block is stale: run `cargo run --bin theme-css -- assets/style.css`"
    );
}

/// Every `var(--name)` of a text.
fn custom_properties_used(text: &str) -> Vec<String> {
    text.split("var(--")
        .skip(1)
        .filter_map(|rest| rest.split([')', ',']).next())
        .map(|name| format!("--{name}"))
        .collect()
}

#[test]
fn every_custom_property_in_use_is_in_the_theme() {
    let defined: Vec<String> = LIGHT.properties().into_iter().map(|(name, _)| name).collect();
    // Not colours: what the app sets on an element for its size (the lines a chart's key names).
    const LAYOUT: [&str; 1] = ["--key-lines"];
    let used = custom_properties_used(STYLESHEET);
    assert!(used.len() > 20, "the stylesheet uses the theme: {used:?}");
    for name in used.into_iter().filter(|n| !LAYOUT.contains(&n.as_str())) {
        assert!(defined.contains(&name), "{name} is used but not in the theme");
    }
    // Swatches in the page name their series' colour by custom property.
    for i in [0, 3, 7, 8, 15] {
        let var = displacement_tracker::chart::SeriesColor::Palette(i).css_var();
        for name in custom_properties_used(&var) {
            assert!(defined.contains(&name), "{var}");
        }
    }
}

#[test]
fn no_colour_is_named_outside_the_theme_block() {
    let (_, rules) = STYLESHEET
        .split_once(CSS_END)
        .expect("the stylesheet has the generated block");
    let hex = rules
        .match_indices('#')
        .map(|(i, _)| &rules[i + 1..])
        .filter(|after| {
            let digits = after.chars().take_while(char::is_ascii_hexdigit).count();
            matches!(digits, 3 | 6) && !after[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        })
        .count();
    assert_eq!(hex, 0, "hex colours outside the theme block");
    for name in ["rgb(", "hsl(", ": white", ": black", " white;", " black;"] {
        let uses: Vec<&str> = rules
            .lines()
            .filter(|l| l.contains(name) && !l.contains("box-shadow"))
            .collect();
        assert!(uses.is_empty(), "{name} outside the theme block: {uses:?}");
    }
}
