//! The reader's language and the browser's Intl: numbers and dates in the language's locale
//! (with the same text written natively where there is no browser or no Intl), and the language
//! the page starts in, is remembered in and says it is in.

use super::{browser, set_root_attribute, store};
use crate::i18n::Lang;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::JsValue;

/// Exact figures with `decimals` decimals in `lang`: the browser's Intl, or natively (the first
/// view baked at build time) the same text (`IntlNumbers` falls back to it).
pub fn exact_numbers(lang: Lang, decimals: u8) -> Box<dyn Fn(f64) -> String> {
    let numbers = IntlNumbers::exact(lang, decimals);
    Box::new(move |v| numbers.format(v))
}

/// A number formatter from the browser's Intl in the language's locale (en-GB, uk-UA), falling
/// back to the same text written natively. The browser's formatter of each language and kind
/// is made once (`made`) and shared.
pub struct IntlNumbers {
    format: Option<Function>,
    fallback: fn(Lang, f64, u8) -> String,
    lang: Lang,
    decimals: u8,
}

/// Which formatter of a language: compact (axes), or exact with a number of decimals.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Compact,
    Exact(u8),
}

/// A formatter made for a language and kind (none without Intl).
type Made = ((Lang, Kind), Option<Function>);

/// Each formatter made so far, by language and kind (none without Intl): making an Intl
/// formatter costs far more than using one, and each chart's drawing and each hover asks for
/// one.
fn made(lang: Lang, kind: Kind) -> Option<Function> {
    thread_local! {
        static MADE: std::cell::RefCell<Vec<Made>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    MADE.with_borrow_mut(|made| {
        if let Some((_, format)) = made.iter().find(|(key, _)| *key == (lang, kind)) {
            return format.clone();
        }
        let format = match kind {
            Kind::Compact => IntlNumbers::with(
                lang,
                &[
                    ("notation", NumberOption::Text("compact")),
                    ("maximumSignificantDigits", NumberOption::Count(3)),
                ],
            ),
            Kind::Exact(decimals) => IntlNumbers::with(
                lang,
                &[
                    ("minimumFractionDigits", NumberOption::Count(decimals)),
                    ("maximumFractionDigits", NumberOption::Count(decimals)),
                ],
            ),
        };
        made.push(((lang, kind), format.clone()));
        format
    })
}

/// Whether the browser has `Intl.<name>` (an engine without it gets the same text written
/// natively instead of an exception).
fn has_intl(name: &str) -> bool {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into())
        .ok()
        .filter(JsValue::is_object);
    intl.and_then(|intl| Reflect::get(&intl, &name.into()).ok())
        .is_some_and(|f| f.is_function())
}

/// An option of Intl.NumberFormat, made a JavaScript value only where there is a browser.
enum NumberOption {
    Text(&'static str),
    Count(u8),
}

impl IntlNumbers {
    /// The formatter of `lang` with `options`; none without a browser or without Intl (natively,
    /// no JavaScript value can be made at all).
    fn with(lang: Lang, options: &[(&str, NumberOption)]) -> Option<Function> {
        browser()?;
        if !has_intl("NumberFormat") {
            return None;
        }
        let object = Object::new();
        for (key, value) in options {
            let value = match value {
                NumberOption::Text(text) => JsValue::from_str(text),
                NumberOption::Count(n) => JsValue::from(*n),
            };
            Reflect::set(&object, &JsValue::from_str(key), &value).ok();
        }
        let formatter = js_sys::Intl::NumberFormat::new(&Array::of1(&lang.locale().into()), &object);
        Some(formatter.format())
    }

    /// Compact, for axes: "3.4m", "3,4 млн".
    pub fn compact(lang: Lang) -> Self {
        Self {
            format: made(lang, Kind::Compact),
            fallback: |lang, v, _| lang.compact(v),
            lang,
            decimals: 0,
        }
    }

    /// Full figures with a fixed number of decimals: "3,401,677", "57.10"; "3 401 677", "57,10".
    pub fn exact(lang: Lang, decimals: u8) -> Self {
        Self {
            format: made(lang, Kind::Exact(decimals)),
            fallback: Lang::fixed,
            lang,
            decimals,
        }
    }

    pub fn format(&self, value: f64) -> String {
        self.format
            .as_ref()
            .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_f64(value)).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| (self.fallback)(self.lang, value, self.decimals))
    }
}

/// A date as the browser's Intl writes it in `lang` (day, short month, year), for the browser
/// tests that hold the native form to it; none without a browser.
pub fn intl_date(lang: Lang, date: crate::data::Date) -> Option<String> {
    browser()?;
    if !has_intl("DateTimeFormat") {
        return None;
    }
    let options = Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok();
    }
    let format = js_sys::Intl::DateTimeFormat::new(&Array::of1(&lang.locale().into()), &options).format();
    let (year, month, day) = date.parts();
    let at = js_sys::Date::utc(f64::from(year), f64::from(month) - 1.0) + (f64::from(day) - 1.0) * 86_400_000.0;
    format
        .call1(&JsValue::NULL, &js_sys::Date::new(&at.into()))
        .ok()?
        .as_string()
}

/// Where the reader's choice of language is kept.
const LANG_KEY: &str = "lang";

/// The language the page starts in, as the page's loader (`assets/boot.js`, which decides it
/// before the app runs, to keep or drop the baked view) put it in `<html data-start-lang>`:
/// `?lang=` when it names one, else the reader's earlier choice, else the first of the
/// browser's languages the page speaks, else English. A page without the loader (the browser
/// tests) starts in English.
pub fn initial_lang() -> Lang {
    browser()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-start-lang"))
        .and_then(|lang| Lang::parse(&lang))
        .unwrap_or_default()
}

/// Remembers the reader's choice of language (quietly: the page works without it).
pub fn remember_lang(lang: Lang) {
    store(LANG_KEY, Some(lang.as_str())).ok();
}

/// Puts the page in `lang`: `<html lang>`, and the document's title where one is given.
pub fn set_page_lang(lang: Lang, title: Option<&str>) {
    set_root_attribute("lang", Some(lang.as_str()));
    if let (Some(document), Some(title)) = (browser().and_then(|w| w.document()), title) {
        if document.title() != title {
            document.set_title(title);
        }
    }
}
