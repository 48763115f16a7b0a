//! Mutated URL queries: to the URL reader, back to a query, and through the reducer.

use crate::runner::{pick, Corpus, Target, ODD_TEXT};
use displacement_tracker::state::{from_query, reduce, to_query, Action};
use displacement_tracker::transform;
use fastrand::Rng;

pub struct Queries;

impl Target for Queries {
    const NAME: &'static str = "query";
    const OUTCOMES: (&'static str, &'static str) = ("read without a notice", "read with a notice");
    type Input = String;

    fn input(rng: &mut Rng, _: &Corpus) -> String {
        mutated_query(rng)
    }

    fn exercise(query: &String, corpus: &Corpus, rng: &mut Rng) -> Result<bool, String> {
        exercise(query, corpus, rng)
    }

    fn text(query: &String) -> String {
        query.clone()
    }
}

const KEYS: [&str; 13] = [
    "day",
    "from",
    "to",
    "countries",
    "mode",
    "scale",
    "measure",
    "vintage",
    "embed",
    "play",
    "theme",
    "lang",
    "x",
];
const VALUES: [&str; 17] = [
    "26",
    "-1",
    "0",
    "9223372036854775807",
    "-9223372036854775808",
    "99999999999999999999",
    "pol,hun",
    "daily",
    "log",
    "per1000",
    "share",
    "earlier",
    "refugees",
    "",
    "%FF%FE",
    "1e3",
    "uk",
];

pub fn mutated_query(rng: &mut Rng) -> String {
    let mut pairs = Vec::new();
    for _ in 0..rng.usize(..8) {
        let key = pick(rng, &KEYS);
        let value = pick(rng, &VALUES);
        pairs.push(format!("{key}={value}"));
    }
    let mut query = pairs.join("&");
    if rng.u8(..4) == 0 {
        let mut bytes = query.into_bytes();
        for _ in 0..rng.usize(1..=4) {
            let odd = pick(rng, &ODD_TEXT);
            let at = rng.usize(..=bytes.len());
            let glue = [b'%', b'&', b'='][rng.usize(..3)];
            bytes.splice(at..at, odd.bytes().chain([glue]));
        }
        query = String::from_utf8_lossy(&bytes).into_owned();
    }
    query
}

/// The URL reader on a query, its state back to a query and read again (the same view), then
/// a few actions on it (the range stays inside the bounds).
fn exercise(query: &str, corpus: &Corpus, rng: &mut Rng) -> Result<bool, String> {
    let bounds = transform::bounds(&corpus.read[rng.usize(..corpus.read.len())]);
    let (state, notices) = from_query(query, &bounds);
    let again = to_query(&state);
    let (back, _) = from_query(&again, &bounds);
    if back.options != state.options {
        return Err(format!("the query {again:?} does not reopen the view of {query:?}"));
    }
    let mut s = state;
    for _ in 0..8 {
        let day = rng.i64(..);
        let action = [
            Action::Select(day),
            Action::Step(day),
            Action::Tick(day),
            Action::Zoom(day, rng.i64(..)),
            Action::ZoomFrom(day),
            Action::ZoomTo(day),
            Action::TogglePlay,
            Action::ResetZoom,
        ][rng.usize(..8)]
        .clone();
        s = reduce(&s, action, &bounds);
    }
    if let Some((a, b)) = s.options.range {
        if !(bounds.first_day <= a && a < b && b <= bounds.last_day) {
            return Err(format!(
                "range {a}..{b} outside {}..{}",
                bounds.first_day, bounds.last_day
            ));
        }
    }
    Ok(notices.is_empty())
}
