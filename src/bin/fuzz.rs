//! `cargo run --profile fuzz --bin fuzz -- [inputs per target] [seed] [target]`: feeds mutated
//! inputs to the pure layers and stops at the first panic, printing it with the input's file.
//!
//! - `dataset`: mutated dataset JSON (byte flips, truncations, splices, huge, negative and
//!   fractional numbers, deep nesting, long strings, odd Unicode, values of another type or
//!   removed) to the reader; every accepted dataset goes through the transforms for a random
//!   view, the tooltips and headlines, the SVG drawing, the CSV export and the claim arithmetic.
//! - `query`: mutated URL queries to the URL reader, and its state back to a query.
//! - `builder`: mutated CSV directories (the test fixtures) to the builder: every problem must
//!   be located at `file:line`, and every dataset it makes must pass the app's validation.
//!
//! The `fuzz` profile keeps overflow checks and debug assertions on (the release build would
//! wrap silently) and unwinds, so each input runs under `catch_unwind`. Inputs run on every
//! core; the seed makes a run repeatable. `scripts/fuzz.sh` is the short run the tests make.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use displacement_tracker::builder::{self, InputError};
    use displacement_tracker::data::{parse_dataset, Dataset};
    use displacement_tracker::state::{from_query, reduce, to_query, Action, ChartOptions};
    use displacement_tracker::{chart, compare, export, transform};
    use fastrand::Rng;
    use serde_json::Value;
    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::time::Instant;

    const TARGETS: [&str; 3] = ["dataset", "query", "builder"];

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let inputs: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
        let seed: u64 = args
            .get(1)
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| fastrand::u64(..));
        let only = args.get(2).map(String::as_str);
        if only.is_some_and(|t| !TARGETS.contains(&t)) {
            eprintln!("usage: fuzz [inputs per target] [seed] [dataset|query|builder]");
            return ExitCode::from(2);
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = match Corpus::read(root) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("fuzz: {e}");
                return ExitCode::from(2);
            }
        };
        // Panics are reported once, with their input, by the loop: not by the default hook.
        std::panic::set_hook(Box::new(|_| {}));
        println!(
            "fuzz: seed {seed}, {inputs} inputs per target, overflow checks {}",
            cfg!(debug_assertions)
        );
        let mut failed = false;
        for target in TARGETS.iter().filter(|t| only.is_none_or(|o| o == **t)) {
            failed |= !run(target, inputs, seed, &corpus, root);
        }
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    /// What the mutations start from: the shipped dataset, a small dataset built from the test
    /// fixtures, and those fixtures as a CSV directory.
    struct Corpus {
        datasets: Vec<String>,
        values: Vec<Value>,
        fixtures: builder::Files,
    }

    impl Corpus {
        fn read(root: &Path) -> Result<Corpus, String> {
            let shipped = std::fs::read_to_string(root.join("assets/data/dataset.json"))
                .map_err(|e| format!("cannot read assets/data/dataset.json: {e}"))?;
            let fixtures = builder::read_dir(&root.join("tests/fixtures/small")).map_err(|e| list(&e))?;
            let small = builder::build(&fixtures, builder::SOURCES_CSV).map_err(|e| list(&e))?;
            let small = builder::to_json(&small).map_err(|e| e.to_string())?;
            let datasets = vec![shipped, small];
            let values = datasets
                .iter()
                .map(|d| serde_json::from_str(d).map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?;
            Ok(Corpus {
                datasets,
                values,
                fixtures,
            })
        }
    }

    fn list(errors: &[InputError]) -> String {
        errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
    }

    /// Counts of one target's run, shared by its threads.
    #[derive(Default)]
    struct Tally {
        done: AtomicU64,
        accepted: AtomicU64,
        stop: AtomicBool,
    }

    /// Runs one target on every core; false after a panic (its input is written to a file).
    fn run(target: &str, inputs: u64, seed: u64, corpus: &Corpus, root: &Path) -> bool {
        let started = Instant::now();
        let tally = Tally::default();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
        let failure = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    let tally = &tally;
                    let share = inputs / threads + u64::from(t < inputs % threads);
                    scope.spawn(move || worker(target, share, seed.wrapping_add(t * 7919), corpus, tally))
                })
                .collect();
            workers.into_iter().find_map(|w| w.join().ok().flatten())
        });
        let (done, accepted) = (
            tally.done.load(Ordering::Relaxed),
            tally.accepted.load(Ordering::Relaxed),
        );
        let seconds = started.elapsed().as_secs_f64();
        let (accepted_as, rest_as) = match target {
            "dataset" => (
                "accepted and drawn, exported, compared",
                "refused with a located message",
            ),
            "query" => ("read without a notice", "read with a notice"),
            _ => ("built into a dataset that reads back", "refused with located problems"),
        };
        println!(
            "{target}: {done} inputs, {accepted} {accepted_as}, {} {rest_as}, {seconds:.1} s, {}",
            done - accepted,
            if failure.is_some() { "FAILED" } else { "no panic" }
        );
        match failure {
            None => true,
            Some((message, input)) => {
                let file = save(root, target, &input);
                eprintln!("{target}: {message}\n  input: {}", file.display());
                false
            }
        }
    }

    fn save(root: &Path, target: &str, input: &str) -> PathBuf {
        let dir = root.join("target/fuzz-failures");
        let file = dir.join(format!("{target}-{}.txt", std::process::id()));
        if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&file, input)) {
            eprintln!("cannot write {}: {e}", file.display());
        }
        file
    }

    /// One thread's share: the first failure, with its input.
    fn worker(target: &str, inputs: u64, seed: u64, corpus: &Corpus, tally: &Tally) -> Option<(String, String)> {
        let mut rng = Rng::with_seed(seed);
        for _ in 0..inputs {
            if tally.stop.load(Ordering::Relaxed) {
                return None;
            }
            let input = match target {
                "dataset" => mutated_dataset(&mut rng, corpus),
                "query" => mutated_query(&mut rng),
                _ => serde_json::to_string(&mutated_files(&mut rng, &corpus.fixtures)).unwrap_or_default(),
            };
            let case_seed = rng.u64(..);
            let outcome = catch_unwind(AssertUnwindSafe(|| match target {
                "dataset" => exercise_dataset(&input, case_seed),
                "query" => exercise_query(&input, corpus, case_seed),
                _ => exercise_builder(&input),
            }));
            tally.done.fetch_add(1, Ordering::Relaxed);
            match outcome {
                Ok(Ok(true)) => {
                    tally.accepted.fetch_add(1, Ordering::Relaxed);
                }
                Ok(Ok(false)) => {}
                Ok(Err(broken)) => {
                    tally.stop.store(true, Ordering::Relaxed);
                    return Some((broken, input));
                }
                Err(panic) => {
                    tally.stop.store(true, Ordering::Relaxed);
                    let message = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    return Some((format!("panic: {message}"), input));
                }
            }
        }
        None
    }

    // ---- datasets ----

    const NUMBERS: [&str; 18] = [
        "18446744073709551615",
        "18446744073709551616",
        "9223372036854775808",
        "9007199254740993",
        "10000000000",
        "10000000001",
        "4294967302",
        "2147483648",
        "-1",
        "-9223372036854775809",
        "1.5",
        "-0",
        "0",
        "1e308",
        "1e400",
        "NaN",
        "Infinity",
        "00012",
    ];

    const ODD_TEXT: [&str; 14] = [
        "\u{202e}",
        "\u{0}",
        "\\u0000",
        "\\ud800",
        "\u{feff}",
        "e\u{301}\u{301}\u{301}",
        "😀",
        "\u{2028}",
        "<script>alert(1)</script>",
        "javascript:alert(1)",
        "\"",
        "\\",
        "ü",
        "\u{10ffff}",
    ];

    const DATES: [&str; 10] = [
        "2014-01-01",
        "2099-12-31",
        "2013-12-31",
        "2100-01-01",
        "9999-12-31",
        "0000-01-01",
        "2022-02-29",
        "2024-02-29",
        "2022-02-24",
        "2022-06-23",
    ];

    fn mutated_dataset(rng: &mut Rng, corpus: &Corpus) -> String {
        // One in ten from the shipped dataset, the rest from the small one (quicker to draw).
        let base = usize::from(rng.u8(..10) != 0);
        if rng.bool() {
            let mut value = corpus.values[base].clone();
            for _ in 0..rng.usize(1..=4) {
                mutate_value(rng, &mut value);
            }
            return serde_json::to_string(&value).unwrap_or_default();
        }
        let mut bytes = corpus.datasets[base].clone().into_bytes();
        for _ in 0..rng.usize(1..=3) {
            mutate_bytes(rng, &mut bytes, corpus);
        }
        // As a browser reads a file: invalid UTF-8 becomes U+FFFD.
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>, corpus: &Corpus) {
        if bytes.is_empty() {
            bytes.extend_from_slice(b"{}");
        }
        let at = rng.usize(..bytes.len());
        match rng.u8(..8) {
            0 => {
                for _ in 0..rng.usize(1..=8) {
                    let i = rng.usize(..bytes.len());
                    bytes[i] = if rng.bool() {
                        bytes[i] ^ (1 << rng.u8(..8))
                    } else {
                        rng.u8(..)
                    };
                }
            }
            1 => bytes.truncate(at),
            2 => {
                let other = corpus.datasets[rng.usize(..corpus.datasets.len())].as_bytes();
                let from = rng.usize(..other.len());
                let to = (from + rng.usize(..2000)).min(other.len());
                bytes.splice(at..at, other[from..to].iter().copied());
            }
            3 => {
                // A number replaced: at the digit run around a random digit.
                let Some(digit) = (0..64)
                    .map(|_| rng.usize(..bytes.len()))
                    .find(|i| bytes[*i].is_ascii_digit())
                else {
                    return;
                };
                let start = bytes[..digit]
                    .iter()
                    .rposition(|b| !b.is_ascii_digit() && *b != b'-')
                    .map_or(0, |p| p + 1);
                let end = bytes[digit..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .map_or(bytes.len(), |p| digit + p);
                let number = NUMBERS[rng.usize(..NUMBERS.len())];
                bytes.splice(start..end, number.bytes());
            }
            4 => {
                let depth = [10, 129, 1000, 200_000][rng.usize(..4)];
                let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
                bytes.splice(at..at, nested.bytes());
            }
            5 => {
                let Some(quote) = bytes[at..].iter().position(|b| *b == b'"').map(|p| at + p + 1) else {
                    return;
                };
                let long = "x".repeat([100, 10_000, 1_000_000][rng.usize(..3)]);
                bytes.splice(quote..quote, long.bytes());
            }
            6 => {
                let odd = ODD_TEXT[rng.usize(..ODD_TEXT.len())];
                bytes.splice(at..at, odd.bytes());
            }
            _ => {
                let len = rng.usize(..64).min(bytes.len() - at);
                bytes.drain(at..at + len);
            }
        }
    }

    /// One node of the JSON tree changed: another type, an extreme or odd value, removed,
    /// duplicated, emptied.
    fn mutate_value(rng: &mut Rng, value: &mut Value) {
        // A random path down the tree, as a JSON pointer.
        let mut pointer = String::new();
        let mut at: &Value = value;
        for _ in 0..rng.usize(..12) {
            let step = match at {
                Value::Object(map) if !map.is_empty() => {
                    map.iter().nth(rng.usize(..map.len())).map(|(k, v)| (k.clone(), v))
                }
                Value::Array(items) if !items.is_empty() => {
                    let i = rng.usize(..items.len());
                    Some((i.to_string(), &items[i]))
                }
                _ => None,
            };
            let Some((key, next)) = step else { break };
            pointer.push('/');
            pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            at = next;
            if !(next.is_object() || next.is_array()) && rng.bool() {
                break;
            }
        }
        let Some(node) = value.pointer_mut(&pointer) else {
            return;
        };
        match rng.u8(..11) {
            0 => *node = Value::Null,
            1 => *node = serde_json::from_str(NUMBERS[rng.usize(..NUMBERS.len())]).unwrap_or(Value::Null),
            2 => *node = Value::String(DATES[rng.usize(..DATES.len())].into()),
            3 => *node = Value::String(ODD_TEXT[rng.usize(..ODD_TEXT.len())].into()),
            4 => *node = Value::String("x".repeat([0, 100, 1_000_000][rng.usize(..3)])),
            5 => match node {
                Value::Object(map) if !map.is_empty() => {
                    let key = map.keys().nth(rng.usize(..map.len())).cloned().unwrap_or_default();
                    map.remove(&key);
                }
                Value::Array(items) if !items.is_empty() => {
                    items.remove(rng.usize(..items.len()));
                }
                _ => *node = Value::Array(Vec::new()),
            },
            6 => match node {
                Value::Array(items) if !items.is_empty() => {
                    let copy = items[rng.usize(..items.len())].clone();
                    items.insert(rng.usize(..=items.len()), copy);
                }
                Value::Array(items) => items.clear(),
                _ => {}
            },
            7 => match node {
                Value::Array(items) => items.truncate(rng.usize(..=items.len().min(2))),
                Value::String(s) => {
                    *s = s.replace("https://", ["javascript:", "data:", " https://", "//"][rng.usize(..4)])
                }
                _ => {}
            },
            8 => {
                if let Value::Number(n) = node {
                    if let Some(v) = n.as_u64() {
                        let extreme =
                            [0, 1, v.saturating_mul(1000), 10_000_000_000, u64::MAX / 2, u64::MAX][rng.usize(..6)];
                        *node = Value::from(extreme);
                    }
                }
            }
            9 => *node = Value::Bool(rng.bool()),
            _ => *node = Value::Object(serde_json::Map::new()),
        }
    }

    /// The reader, and for an accepted dataset everything a reader's view draws from it.
    fn exercise_dataset(input: &str, seed: u64) -> Result<bool, String> {
        let Ok(dataset) = parse_dataset(input) else {
            return Ok(false);
        };
        let mut rng = Rng::with_seed(seed);
        let bounds = transform::bounds(&dataset);
        let (state, _) = from_query(&mutated_query(&mut rng), &bounds);
        exercise_view(&dataset, &state.options, &mut rng)?;
        Ok(true)
    }

    fn exercise_view(d: &Dataset, options: &ChartOptions, rng: &mut Rng) -> Result<(), String> {
        let bounds = transform::bounds(d);
        let days = [
            bounds.first_day,
            bounds.last_day,
            rng.i64(bounds.first_day..=bounds.last_day),
            bounds.last_day.saturating_add(1),
            rng.i64(..),
        ];
        let (width, height) = [(320, 420), (640, 400), (1600, 800)][rng.usize(..3)];
        for spec in transform::charts(d, options) {
            // A drawing error is a message on screen, not a panic; both are fine here.
            let _ = chart::to_svg(&spec, width, height);
            for day in days {
                let tip = transform::tooltip(&spec, day);
                let _ = (tip.unit_groups(), tip.sources_line());
            }
        }
        for day in days {
            transform::headline(d, day);
        }
        let link = "https://example.org/?day=26";
        export::view_csv(d, options, link);
        export::citation(d, options, link, d.last_date);
        export::stamp(d, options, link);
        for claim in &d.claims {
            let c = compare::compare(d, claim);
            compare::claim_sentences(claim, &c);
        }
        compare::revisions(d).iter().for_each(|r| {
            compare::revision_words(r);
        });
        Ok(())
    }

    // ---- URL queries ----

    const KEYS: [&str; 12] = [
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
        "x",
    ];
    const VALUES: [&str; 16] = [
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
    ];

    fn mutated_query(rng: &mut Rng) -> String {
        let mut pairs = Vec::new();
        for _ in 0..rng.usize(..8) {
            let key = KEYS[rng.usize(..KEYS.len())];
            let value = VALUES[rng.usize(..VALUES.len())];
            pairs.push(format!("{key}={value}"));
        }
        let mut query = pairs.join("&");
        if rng.u8(..4) == 0 {
            let mut bytes = query.into_bytes();
            for _ in 0..rng.usize(1..=4) {
                let odd = ODD_TEXT[rng.usize(..ODD_TEXT.len())];
                let at = rng.usize(..=bytes.len());
                let glue = [b'%', b'&', b'='][rng.usize(..3)];
                bytes.splice(at..at, odd.bytes().chain([glue]));
            }
            query = String::from_utf8_lossy(&bytes).into_owned();
        }
        query
    }

    /// The URL reader on a query, its state back to a query and read again (the same state),
    /// then a few actions on it.
    fn exercise_query(query: &str, corpus: &Corpus, seed: u64) -> Result<bool, String> {
        let mut rng = Rng::with_seed(seed);
        let dataset = parse_dataset(&corpus.datasets[rng.usize(..corpus.datasets.len())]).map_err(|e| e.to_string())?;
        let bounds = transform::bounds(&dataset);
        let (state, notices) = from_query(query, &bounds);
        let again = to_query(&state, &bounds);
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

    // ---- CSV directories ----

    fn mutated_files(rng: &mut Rng, fixtures: &builder::Files) -> builder::Files {
        let mut files = fixtures.clone();
        files.insert("sources.csv".into(), builder::SOURCES_CSV.into());
        for _ in 0..rng.usize(1..=3) {
            let name = files.keys().nth(rng.usize(..files.len())).cloned().unwrap_or_default();
            let Some(text) = files.get_mut(&name) else { continue };
            let mut lines: Vec<String> = text.lines().map(String::from).collect();
            if lines.is_empty() {
                continue;
            }
            let i = rng.usize(..lines.len());
            match rng.u8(..7) {
                0 => {
                    lines.remove(i);
                }
                1 => {
                    let copy = lines[i].clone();
                    lines.insert(rng.usize(..=lines.len()), copy);
                }
                2 => {
                    // One cell replaced by an extreme value, a date or odd text.
                    let mut cells: Vec<String> = lines[i].split(',').map(String::from).collect();
                    let c = rng.usize(..cells.len());
                    cells[c] = match rng.u8(..3) {
                        0 => NUMBERS[rng.usize(..NUMBERS.len())].to_string(),
                        1 => DATES[rng.usize(..DATES.len())].to_string(),
                        _ => ODD_TEXT[rng.usize(..ODD_TEXT.len())].to_string(),
                    };
                    lines[i] = cells.join(",");
                }
                3 => {
                    let cut = rng.usize(..=lines[i].len());
                    let cut = (0..=cut).rev().find(|c| lines[i].is_char_boundary(*c)).unwrap_or(0);
                    lines[i].truncate(cut);
                }
                4 => lines[i].push_str(",extra"),
                5 => lines.truncate(i),
                _ => {
                    let j = rng.usize(..lines.len());
                    lines.swap(i, j);
                }
            }
            *text = lines.join("\n") + "\n";
        }
        if rng.u8(..20) == 0 {
            let name = files.keys().nth(rng.usize(..files.len())).cloned().unwrap_or_default();
            files.remove(&name);
        }
        files
    }

    /// The builder on a CSV directory: problems located at `file:line` (or the file itself: a
    /// missing file or header), never found only by the app's validation afterwards; a dataset
    /// it makes must read back as itself.
    fn exercise_builder(input: &str) -> Result<bool, String> {
        let Ok(mut files) = serde_json::from_str::<builder::Files>(input) else {
            return Err("the fuzzer wrote an unreadable directory".into());
        };
        let sources = files.remove("sources.csv").unwrap_or_default();
        match builder::build(&files, &sources) {
            Ok(dataset) => {
                let json = builder::to_json(&dataset).map_err(|e| e.to_string())?;
                let back =
                    parse_dataset(&json).map_err(|e| format!("the builder's dataset does not read back: {e}"))?;
                if back != dataset {
                    return Err("the builder's dataset reads back differently".into());
                }
                Ok(true)
            }
            Err(problems) => {
                if let Some(unlocated) = problems.iter().find(|p| p.file == "dataset.json") {
                    return Err(format!("a problem the builder did not locate: {unlocated}"));
                }
                Ok(false)
            }
        }
    }
}
