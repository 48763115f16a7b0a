//! The fuzzer's loop: arguments, the corpus the mutations start from, one target on every core
//! under `catch_unwind`, and the report.

use displacement_tracker::builder::{self, InputError};
use displacement_tracker::data::{parse_dataset, Dataset};
use fastrand::Rng;
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What one kind of input is: how it is made, what is done with it, how it is written down.
pub trait Target {
    const NAME: &'static str;
    /// How an accepted input and any other are counted, in words.
    const OUTCOMES: (&'static str, &'static str);
    type Input;
    fn input(rng: &mut Rng, corpus: &Corpus) -> Self::Input;
    /// `Ok(true)`: accepted and exercised; `Ok(false)`: refused as it should be; `Err`: a
    /// promise broken without a panic.
    fn exercise(input: &Self::Input, corpus: &Corpus, rng: &mut Rng) -> Result<bool, String>;
    /// The input as text, for the file a failure is written to.
    fn text(input: &Self::Input) -> String;
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..));
    let only = args.get(2).map(String::as_str);
    let names = [
        super::datasets::Datasets::NAME,
        super::queries::Queries::NAME,
        super::csv_dirs::CsvDirs::NAME,
    ];
    if only.is_some_and(|t| !names.contains(&t)) {
        eprintln!("usage: fuzz [inputs per target] [seed] [{}]", names.join("|"));
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
    let chosen = |name: &str| only.is_none_or(|o| o == name);
    let run_args = (inputs, seed, &corpus, root);
    let ok = [
        !chosen(names[0]) || run::<super::datasets::Datasets>(run_args),
        !chosen(names[1]) || run::<super::queries::Queries>(run_args),
        !chosen(names[2]) || run::<super::csv_dirs::CsvDirs>(run_args),
    ];
    if ok.iter().all(|ok| *ok) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What the mutations start from: the shipped dataset and a small dataset built from the test
/// fixtures (as text, as JSON values and as read), and those fixtures as a CSV directory.
pub struct Corpus {
    pub datasets: Vec<String>,
    pub values: Vec<Value>,
    pub read: Vec<Dataset>,
    pub fixtures: builder::Files,
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
        let read = datasets
            .iter()
            .map(|d| parse_dataset(d).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?;
        Ok(Corpus {
            datasets,
            values,
            read,
            fixtures,
        })
    }
}

fn list(errors: &[InputError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// Counts of one target's run, shared by its threads, and its slowest input so far.
#[derive(Default)]
struct Tally {
    done: AtomicU64,
    accepted: AtomicU64,
    stop: AtomicBool,
    /// Microseconds the slowest input took, and that input as text.
    slowest: Mutex<(u128, String)>,
    /// Per worker, the seed its input in progress was made from (to write it down on a hang).
    current: Vec<AtomicU64>,
}

/// How long a run may make no progress at all before it counts as hung.
const HUNG_AFTER: Duration = Duration::from_secs(120);

/// How often a long run says how far it is.
const PROGRESS_EVERY: Duration = Duration::from_secs(30);

/// Runs one target on every core; false after a failure (its input is written to a file).
fn run<T: Target>((inputs, seed, corpus, root): (u64, u64, &Corpus, &Path)) -> bool {
    let started = Instant::now();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let tally = Tally {
        current: (0..threads).map(|_| AtomicU64::new(0)).collect(),
        ..Tally::default()
    };
    let finished = AtomicBool::new(false);
    let failure = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let tally = &tally;
                let share = inputs / threads + u64::from(t < inputs % threads);
                scope.spawn(move || worker::<T>(share, (t, seed.wrapping_add(t * 7919)), corpus, tally))
            })
            .collect();
        scope.spawn(|| progress::<T>((inputs, started), (corpus, root), &tally, &finished));
        // Every worker joined (a lost one is a failure too), then the first failure.
        let outcomes: Vec<_> = workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Some(("a worker stopped".into(), String::new())))
            })
            .collect();
        let failure = outcomes.into_iter().flatten().next();
        finished.store(true, Ordering::Relaxed);
        failure
    });
    let (done, accepted) = (
        tally.done.load(Ordering::Relaxed),
        tally.accepted.load(Ordering::Relaxed),
    );
    let seconds = started.elapsed().as_secs_f64();
    let (accepted_as, rest_as) = T::OUTCOMES;
    println!(
        "{}: {done} inputs, {accepted} {accepted_as}, {} {rest_as}, {seconds:.1} s, {}",
        T::NAME,
        done - accepted,
        if failure.is_some() { "FAILED" } else { "no panic" }
    );
    if let Ok(slowest) = tally.slowest.lock() {
        if !slowest.1.is_empty() {
            let file = save(root, &format!("{}-slowest", T::NAME), &slowest.1);
            println!(
                "{}: slowest input {:.1} ms, in {}",
                T::NAME,
                slowest.0 as f64 / 1000.0,
                file.display()
            );
        }
    }
    match failure {
        None => true,
        Some((message, input)) => {
            let file = save(root, T::NAME, &input);
            eprintln!("{}: {message}\n  input: {}", T::NAME, file.display());
            false
        }
    }
}

/// Prints how far a run is, every `PROGRESS_EVERY`, until it is finished. A run that makes no
/// progress for `HUNG_AFTER` is a failure: the inputs in progress are written down and the
/// process ends.
fn progress<T: Target>(
    (inputs, started): (u64, Instant),
    (corpus, root): (&Corpus, &Path),
    tally: &Tally,
    finished: &AtomicBool,
) {
    let mut next = started + PROGRESS_EVERY;
    let mut last = (0, Instant::now());
    while !finished.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(200));
        let done = tally.done.load(Ordering::Relaxed);
        if done != last.0 {
            last = (done, Instant::now());
        } else if last.1.elapsed() > HUNG_AFTER {
            eprintln!(
                "{}: no input finished for {} s; the inputs in progress:",
                T::NAME,
                HUNG_AFTER.as_secs()
            );
            for (worker, seed) in tally.current.iter().enumerate() {
                let input = T::input(&mut Rng::with_seed(seed.load(Ordering::Relaxed)), corpus);
                let file = save(root, &format!("{}-hung-{worker}", T::NAME), &T::text(&input));
                eprintln!("  {}", file.display());
            }
            std::process::exit(1);
        }
        if Instant::now() < next {
            continue;
        }
        next += PROGRESS_EVERY;
        let slowest = tally.slowest.lock().map_or(0, |s| s.0);
        println!(
            "{}: {done} of {inputs} after {:.0} s, slowest so far {:.1} ms",
            T::NAME,
            started.elapsed().as_secs_f64(),
            slowest as f64 / 1000.0
        );
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

/// One thread's share: the first failure, with its input as text.
fn worker<T: Target>(
    inputs: u64,
    (index, seed): (u64, u64),
    corpus: &Corpus,
    tally: &Tally,
) -> Option<(String, String)> {
    let mut rng = Rng::with_seed(seed);
    for _ in 0..inputs {
        if tally.stop.load(Ordering::Relaxed) {
            return None;
        }
        // Each input is made from a fresh seed, kept while it runs.
        let input_seed = rng.u64(..);
        if let Some(current) = tally.current.get(index as usize) {
            current.store(input_seed, Ordering::Relaxed);
        }
        // A panic while making the input is the fuzzer's own: reported, never lost with its thread.
        let Ok(input) = catch_unwind(AssertUnwindSafe(|| T::input(&mut Rng::with_seed(input_seed), corpus))) else {
            tally.stop.store(true, Ordering::Relaxed);
            return Some((
                format!("panic while making the input of seed {input_seed}"),
                String::new(),
            ));
        };
        let mut case = Rng::with_seed(input_seed.rotate_left(32));
        let began = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| T::exercise(&input, corpus, &mut case)));
        let took = began.elapsed().as_micros();
        if let Ok(mut slowest) = tally.slowest.lock() {
            if took > slowest.0 {
                *slowest = (took, T::text(&input));
            }
        }
        tally.done.fetch_add(1, Ordering::Relaxed);
        let failure = match outcome {
            Ok(Ok(accepted)) => {
                if accepted {
                    tally.accepted.fetch_add(1, Ordering::Relaxed);
                }
                continue;
            }
            Ok(Err(broken)) => broken,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                format!("panic: {message}")
            }
        };
        tally.stop.store(true, Ordering::Relaxed);
        return Some((failure, T::text(&input)));
    }
    None
}

/// Numbers at and beyond what the dataset's fields hold, and ones JSON or Rust read oddly.
pub const NUMBERS: [&str; 18] = [
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

/// Text that breaks naive handling: controls, escapes, lone surrogates, direction marks, markup.
pub const ODD_TEXT: [&str; 22] = [
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
    // Cells a spreadsheet would run as formulas, and ids the page must refuse.
    "=HYPERLINK(\"https://example.org\",\"x\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "pol,hun",
    "a b",
];

/// Dates at and beyond the span a dataset may have, and ones the calendar has not.
pub const DATES: [&str; 10] = [
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

/// One of `items`.
pub fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}
