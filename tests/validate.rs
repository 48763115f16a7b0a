//! The app-side validation of dataset JSON: what the page says when the dataset is wrong.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::data::{
    check_size, parse_dataset, parse_dataset_bytes, read_dataset_bytes, Dataset, DatasetError, MAX_DATASET_BYTES,
};

const SHIPPED: &str = include_str!("../assets/data/dataset.json");

fn edited(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
    f(&mut value);
    serde_json::to_string(&value).unwrap()
}

#[test]
fn shipped_dataset_validates() {
    let d = parse_dataset(SHIPPED).unwrap();
    assert_eq!(d.first_date.iso(), "2022-02-24");
    assert!(d.quotes.iter().any(|q| q.speaker == "Dmitry Peskov" && q.war_day == 26));
    for publisher in ["UNHCR", "OHCHR", "IOM"] {
        assert!(
            d.sources.iter().any(|s| s.publisher.starts_with(publisher)),
            "{publisher}"
        );
    }
}

#[test]
fn files_too_large_or_not_utf8() {
    assert_eq!(check_size(MAX_DATASET_BYTES), Ok(()));
    let err = check_size(30 * 1_048_576).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the file is 31,457,280 bytes (30.0 MB); the page reads datasets of at most 10,485,760 bytes (10 MB; the published one is about 0.4 MB)"
    );
    // The bound holds for text already read too, before any parsing.
    let padded = format!("{SHIPPED}{}", " ".repeat(MAX_DATASET_BYTES as usize));
    assert!(matches!(parse_dataset(&padded), Err(DatasetError::TooLarge { .. })));
    // The same file as bytes reads as the text does; a UTF-8 byte-order mark is allowed.
    assert!(parse_dataset_bytes(SHIPPED.as_bytes()).is_ok());
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend_from_slice(SHIPPED.as_bytes());
    assert!(parse_dataset_bytes(&bom).is_ok());
    // UTF-16 (either byte order) is named as such.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(SHIPPED.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(
        parse_dataset_bytes(&utf16).unwrap_err().to_string(),
        "the file is not UTF-8 text: it is UTF-16 (it starts with UTF-16's byte-order mark); save it as UTF-8"
    );
    // Other bytes that are no UTF-8 are named by their offset (Latin-1 "ü" at byte 3).
    assert_eq!(
        parse_dataset_bytes(b"{\"a\xfc\": 1}").unwrap_err().to_string(),
        "the file is not UTF-8 text: byte 3 (counting from 0) is not part of a UTF-8 character; save the file as UTF-8"
    );
}

#[test]
fn broken_escapes_are_named() {
    let lone = SHIPPED.replacen("\"speaker\":\"", "\"speaker\":\"\\ud800", 1);
    let err = parse_dataset(&lone).unwrap_err().to_string();
    assert!(
        err.ends_with("at quotes[0].speaker: a \\u escape that is not a whole character"),
        "{err}"
    );
}

#[test]
fn not_json() {
    let err = parse_dataset("<html>404</html>").unwrap_err();
    assert!(matches!(err, DatasetError::Malformed(_)));
    assert_eq!(
        err.to_string(),
        "the dataset cannot be read: the text is not JSON: at line 1, column 1, expected value"
    );
    let err = parse_dataset("[1, 2]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "the dataset cannot be read: the text is not a JSON object with a numeric schema_version"
    );
    let truncated = &SHIPPED[..SHIPPED.len() / 2];
    let err = parse_dataset(truncated).unwrap_err().to_string();
    assert!(
        err.starts_with("the dataset cannot be read: the text ends before its JSON does, at line 1, column "),
        "{err}"
    );
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let err = parse_dataset(&deep).unwrap_err().to_string();
    assert_eq!(
        err,
        "the dataset cannot be read: the text is not a JSON object with a numeric schema_version"
    );
    // Nested 200,000 deep where the dataset has a list: named, without overflowing the stack.
    let deep = SHIPPED.replacen(
        "\"events\":[",
        &format!("\"events\":[{}{},", "[".repeat(200_000), "]".repeat(200_000)),
        1,
    );
    let err = parse_dataset(&deep).unwrap_err().to_string();
    assert!(
        err.starts_with(
            "the dataset cannot be read: it is JSON, but not of the shape of schema_version 3: at events[0]"
        ),
        "{}",
        &err[..200]
    );
    // And in a field the app does not read: skipped.
    let deep = SHIPPED.replacen(
        '{',
        &format!("{{\"x\":{}{},", "[".repeat(200_000), "]".repeat(200_000)),
        1,
    );
    assert!(parse_dataset(&deep).is_ok());
}

#[test]
fn wrong_schema_version() {
    let err = parse_dataset(&edited(|v| v["schema_version"] = 1.into())).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the dataset has schema_version 1, but this app reads schema_version 3"
    );
    let err = parse_dataset("{}").unwrap_err();
    assert_eq!(err, DatasetError::UnsupportedSchema { found: None });
    let err = parse_dataset(&edited(|v| v["schema_version"] = "1".into())).unwrap_err();
    assert!(matches!(err, DatasetError::Malformed(_)), "{err}");
}

/// The message for a dataset of the wrong shape, which must name the path of the field.
fn shape_error(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let err = parse_dataset(&edited(f)).unwrap_err();
    assert!(matches!(err, DatasetError::Malformed(_)), "{err}");
    let text = err.to_string();
    let prefix = "the dataset cannot be read: it is JSON, but not of the shape of schema_version 3: at ";
    assert!(text.starts_with(prefix), "{text}");
    text[prefix.len()..].to_string()
}

#[test]
fn wrong_shape_names_the_field() {
    let at = shape_error(|v| v["refugees"]["total"]["points"]["cumulative"][0] = "many".into());
    assert!(
        at.starts_with(
            "refugees.total.points.cumulative[0]: expected a whole number (0 or more), found the string \"many\""
        ),
        "{at}"
    );
    let at = shape_error(|v| {
        v["refugees"]["by_country"][2]["points"]["daily"]
            .as_array_mut()
            .unwrap()
            .pop();
    });
    assert!(
        at.starts_with(
            "refugees.by_country[2].points: the columns differ in length: 95 dates, 95 cumulative, 94 daily"
        ),
        "{at}"
    );
    let at = shape_error(|v| {
        v["idps"]["rounds"][1]["regions"][2]
            .as_object_mut()
            .unwrap()
            .remove("current_location");
    });
    assert!(
        at.starts_with("idps.rounds[1].regions[2]: missing field `current_location`"),
        "{at}"
    );
    let at = shape_error(|v| v["quotes"][3]["date"] = "21 March 2022".into());
    assert!(
        at.starts_with("quotes[3].date: \"21 March 2022\" is not a date (YYYY-MM-DD)"),
        "{at}"
    );
    let at = shape_error(|v| v["refugees"]["by_country"][1]["kind"] = "arrivals_from_mars".into());
    assert!(
        at.starts_with("refugees.by_country[1].kind: unknown variant `arrivals_from_mars`"),
        "{at}"
    );
    let at = shape_error(|v| {
        v.as_object_mut().unwrap().remove("events");
    });
    assert!(at.starts_with(".: missing field `events`"), "{at}");
    // A large field of the wrong shape as a whole, or one missing a field of its own: named by
    // the field, as the dataset's other places are.
    let at = shape_error(|v| v["casualties"] = "none".into());
    assert!(at.starts_with("casualties: expected "), "{at}");
    let at = shape_error(|v| v["claims"] = serde_json::json!({}));
    assert!(at.starts_with("claims: expected a list, found an object"), "{at}");
    let at = shape_error(|v| {
        v["refugees"].as_object_mut().unwrap().remove("total");
    });
    assert!(at.starts_with("refugees: missing field `total`"), "{at}");
    let at = shape_error(|v| v["changelog"][0]["date"] = 5.into());
    assert!(at.starts_with("changelog[0].date: "), "{at}");
}

/// The page reads a dataset in steps with a pause between them (a task boundary in the browser):
/// the same dataset, or the same error, as reading it at once.
#[test]
fn a_dataset_read_in_steps_is_the_dataset_read_at_once() {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    fn stepped(json: &str) -> (Result<Dataset, DatasetError>, usize) {
        // Every pause is pending once, as a task boundary is: the reading goes on only when
        // polled again.
        struct Pause(bool);
        impl std::future::Future for Pause {
            type Output = ();
            fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
                if std::mem::replace(&mut self.0, true) {
                    Poll::Ready(())
                } else {
                    Poll::Pending
                }
            }
        }
        let mut reading = std::pin::pin!(read_dataset_bytes(json.as_bytes(), || Pause(false)));
        let mut context = Context::from_waker(Waker::noop());
        let mut pauses = 0;
        loop {
            match reading.as_mut().poll(&mut context) {
                Poll::Ready(result) => return (result, pauses),
                Poll::Pending => pauses += 1,
            }
        }
    }
    let (dataset, pauses) = stepped(SHIPPED);
    assert_eq!(dataset.unwrap(), parse_dataset(SHIPPED).unwrap());
    assert!(pauses >= 3, "{pauses} pauses");
    for json in [
        edited(|v| v["quotes"][3]["date"] = "21 March 2022".into()),
        edited(|v| v["schema_version"] = 1.into()),
        edited(|v| v["refugees"]["total"]["points"]["dates"][3] = "2022-02-26".into()),
        SHIPPED[..SHIPPED.len() / 2].to_string(),
    ] {
        let (result, _) = stepped(&json);
        assert_eq!(result.unwrap_err(), parse_dataset(&json).unwrap_err());
    }
}

#[test]
fn inconsistencies_are_listed_with_their_place() {
    let json = edited(|v| {
        v["refugees"]["total"]["points"]["dates"][3] = "2022-02-26".into();
        v["quotes"][0]["source"] = "nobody".into();
        v["casualties"]["points"][2]["total"] = 1.into();
        let first = v["idps"]["rounds"][0]["date"].clone();
        v["idps"]["rounds"][1]["date"] = first;
        v["idps"]["rounds"][1]["war_day"] = 21.into();
    });
    let err = parse_dataset(&json).unwrap_err();
    assert_eq!(
        err.details(),
        [
            "refugees.total.points.dates[3]: date 2022-02-26 does not follow 2022-02-26",
            "casualties.points[2]: killed 102 + injured 304 is not total 1",
            "idps.rounds[1]: date 2022-03-16 does not follow 2022-03-16",
            "quotes[0].source: unknown source id \"nobody\"",
        ]
    );
}

#[test]
fn check_command_reads_a_dataset_as_the_app_does() {
    let run = |path: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_build-dataset"))
            .arg("--check")
            .arg(path)
            .output()
            .unwrap()
    };
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data/dataset.json");
    let ok = run(&shipped);
    assert!(ok.status.success());
    assert!(String::from_utf8_lossy(&ok.stdout).contains("reads and validates"));

    let broken = std::env::temp_dir().join(format!("dataset-check-{}.json", std::process::id()));
    std::fs::write(&broken, edited(|v| v["quotes"][3]["date"] = "21 March 2022".into())).unwrap();
    let bad = run(&broken);
    std::fs::remove_file(&broken).unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("at quotes[3].date: \"21 March 2022\" is not a date"),
        "{stderr}"
    );
}

#[test]
fn quotes_by_date_is_stable() {
    let mut d = parse_dataset(SHIPPED).unwrap();
    // Reverse the dataset's order: the result must be in date order, and quotes of one date must
    // keep their (reversed) dataset order.
    d.quotes.reverse();
    let sorted = d.quotes_by_date();
    assert_eq!(sorted.len(), d.quotes.len());
    for pair in sorted.windows(2) {
        assert!(pair[0].date <= pair[1].date);
        if pair[0].date == pair[1].date {
            let index = |q: &&displacement_tracker::data::Quote| d.quotes.iter().position(|x| x == *q);
            assert!(index(&pair[0]) < index(&pair[1]), "equal dates keep dataset order");
        }
    }
    assert!(
        sorted.windows(2).any(|p| p[0].date == p[1].date),
        "the shipped quotes have a shared date to test"
    );
}

/// Every link in a dataset must be a web link: each other kind is named with its place, all of
/// them listed (this dataset loaded before, its links rendered as clickable).
#[test]
fn links_other_than_web_links_are_rejected_where_they_are() {
    let json = edited(|v| {
        v["sources"][0]["via_url"] = "javascript:alert(3)".into();
        v["sources"][1]["url"] = " JavaScript:alert(3)".into();
        v["casualties"]["points"][0]["source_url"] = "data:text/html,<script>alert(3)</script>".into();
        v["idps"]["rounds"][0]["source_url"] = "file:///etc/passwd".into();
        v["idps"]["rounds"][0]["regions"][0]["source_url"] = "vbscript:x".into();
        v["events"][0]["source_url"] = "java\tscript:alert(3)".into();
        v["claims"][0]["source_url"] = "//evil.example/x".into();
        v["quotes"][0]["source_url"] = "javascript:alert(document.cookie)".into();
        v["quotes"][0]["original_source_url"] = "https:alert(3)".into();
    });
    let details = parse_dataset(&json).unwrap_err().details();
    let link = |at: &str, url: &str| format!("{at}: \"{url}\" is not a web link (http:// or https://)");
    assert_eq!(
        details,
        [
            link("sources[0].via_url", "javascript:alert(3)"),
            link("sources[1].url", " JavaScript:alert(3)"),
            link(
                "casualties.points[0].source_url",
                "data:text/html,<script>alert(3)</script>"
            ),
            link("idps.rounds[0].source_url", "file:///etc/passwd"),
            link("idps.rounds[0].regions[0].source_url", "vbscript:x"),
            link("events[0].source_url", "java\\tscript:alert(3)"),
            link("claims[0].source_url", "//evil.example/x"),
            link("quotes[0].source_url", "javascript:alert(document.cookie)"),
            link("quotes[0].original_source_url", "https:alert(3)"),
        ]
    );
}

/// Counts above what a count of people can be, and sums that would wrap: `killed: u64::MAX,
/// injured: 1, total: 0` passed the killed + injured = total check before (the sum wrapped).
#[test]
fn figures_out_of_range_are_rejected_and_sums_cannot_wrap() {
    let json = edited(|v| {
        let p = &mut v["casualties"]["points"][2];
        p["killed"] = u64::MAX.into();
        p["injured"] = 1.into();
        p["total"] = 0.into();
        v["refugees"]["total"]["points"]["cumulative"][5] = 10_000_000_001u64.into();
        v["refugees"]["by_country"][0]["points"]["daily"][2] = 9_007_199_254_740_993u64.into();
        v["claims"][0]["value"] = u64::MAX.into();
        v["countries"][0]["population"] = 10_000_000_000u64.into();
        v["countries"][1]["population_year"] = 2150.into();
        v["idps"]["rounds"][0]["total"] = 18_446_744_073_709_551_000u64.into();
    });
    let details = parse_dataset(&json).unwrap_err().details();
    let too_many =
        |at: &str, n: u64| format!("{at}: {n} is more than any count of people can be (at most 10000000000)");
    assert_eq!(
        details,
        [
            "countries[1].population_year: 2150 is not a year from 1900 to 2099".to_string(),
            too_many("refugees.total.points.cumulative[5]", 10_000_000_001),
            too_many("refugees.by_country[0].points.daily[2]", 9_007_199_254_740_993),
            too_many("casualties.points[2].killed", u64::MAX),
            format!("casualties.points[2]: killed {} + injured 1 is not total 0", u64::MAX),
            too_many("idps.rounds[0].total", 18_446_744_073_709_551_000),
            too_many("claims[0].value", u64::MAX),
        ]
    );
}

/// Dates far from the data (the year 9999 made every chart walk 2.9 million days per draw).
#[test]
fn dates_outside_the_span_are_rejected() {
    let json = edited(|v| {
        v["last_date"] = "9999-12-31".into();
        v["quotes"][2]["date"] = "1900-01-01".into();
        v["quotes"][2]["war_day"] = (-44_794).into();
        v["idps"]["caveats"][0]["date"] = "2100-01-01".into();
    });
    let details = parse_dataset(&json).unwrap_err().details();
    assert!(
        details.contains(&"last_date: date 9999-12-31 is outside 2014-01-01 to 2099-12-31".to_string()),
        "{details:?}"
    );
    assert!(
        details.contains(&"quotes[2].date: date 1900-01-01 is outside 2014-01-01 to 2099-12-31".to_string()),
        "{details:?}"
    );
    assert!(
        details.contains(&"idps.caveats[0].date: date 2100-01-01 is outside 2014-01-01 to 2099-12-31".to_string()),
        "{details:?}"
    );
}

/// A dataset with thousands of problems lists the first 200 and counts the rest.
#[test]
fn a_long_list_of_problems_is_cut_with_a_count() {
    let json = edited(|v| {
        for q in v["casualties"]["points"].as_array_mut().unwrap() {
            q["source_url"] = "javascript:0".into();
            q["war_day"] = 0.into();
            q["total"] = 20_000_000_000u64.into();
        }
    });
    let err = parse_dataset(&json).unwrap_err();
    let DatasetError::Invalid(problems) = &err else {
        panic!("{err}")
    };
    assert!(problems.len() > 200, "{}", problems.len());
    let details = err.details();
    assert_eq!(details.len(), 201);
    assert_eq!(details[200], format!("... and {} more", problems.len() - 200));
}

/// Numbers that do not fit their field are named by their path, in words, not cast.
#[test]
fn numbers_that_do_not_fit_are_shape_errors() {
    let at = shape_error(|v| v["countries"][1]["population_year"] = 4_294_969_317i64.into());
    assert!(
        at.starts_with("countries[1].population_year: expected a whole number, found the number `4294969317`"),
        "{at}"
    );
    let at = shape_error(|v| v["refugees"]["by_country"][3]["points"]["cumulative"][17] = (-5).into());
    assert!(
        at.starts_with(
            "refugees.by_country[3].points.cumulative[17]: expected a whole number (0 or more), found the number `-5`"
        ),
        "{at}"
    );
    let at = shape_error(|v| v["claims"][0]["value"] = 1.5.into());
    assert!(
        at.starts_with("claims[0].value: expected a whole number (0 or more), found the number `1.5`"),
        "{at}"
    );
    let at = shape_error(|v| v["idps"]["rounds"][0]["round"] = 4_294_967_302u64.into());
    assert!(
        at.starts_with("idps.rounds[0].round: expected a whole number (0 or more), found the number `4294967302`"),
        "{at}"
    );
}

#[test]
fn a_byte_order_mark_is_allowed() {
    let with_bom = format!("\u{feff}{SHIPPED}");
    assert_eq!(parse_dataset(&with_bom).unwrap(), parse_dataset(SHIPPED).unwrap());
}

/// The whole war's figure series: each page a link, each point's page one of its series', each
/// monthly figure at its month's end, each id once.
#[test]
fn figure_series_are_checked() {
    let json = edited(|v| {
        let figures = v["figures"].as_array_mut().unwrap();
        let first = figures[0]["id"].clone();
        figures[1]["id"] = first;
        figures[0]["docs"][0] = "javascript:alert(1)".into();
        figures[0]["points"]["doc"][1] = 999.into();
        let monthly = figures.iter().position(|f| f["monthly"] == true).unwrap();
        figures[monthly]["points"]["dates"][0] = "2022-08-15".into();
    });
    let err = parse_dataset(&json).unwrap_err();
    let DatasetError::Invalid(problems) = &err else {
        panic!("{err}")
    };
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        said.iter().any(|p| p.starts_with("figures[1].id: duplicate series id")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|p| p.starts_with("figures[0].docs[0]: \"javascript:alert(1)\" is not a web link")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|p| p.starts_with("figures[0].points.doc[1]: names page 999 of a series with")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|p| p.ends_with("2022-08-15 is not the last day of its month (the series is monthly)")),
        "{said:?}"
    );
    // A column of another length is a shape error, named by the series.
    let at = shape_error(|v| v["figures"][2]["points"]["precision"] = serde_json::json!(["exact"]));
    assert!(
        at.starts_with("figures[2].points: the columns differ in length"),
        "{at}"
    );
    let at = shape_error(|v| v["figures"][2]["points"]["precision"][0] = "roughly".into());
    assert!(
        at.starts_with("figures[2].points.precision[0]: unknown variant"),
        "{at}"
    );
}

/// Text after the dataset's JSON is no dataset: a file ending `...}<script>...` is refused with
/// the place where the JSON should have ended (white space after it is fine).
#[test]
fn nothing_may_follow_the_json() {
    let err = parse_dataset(&format!("{}<script>x</script>", SHIPPED.trim_end())).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the dataset cannot be read: the text is not JSON: at line 1, column "),
        "{err}"
    );
    assert!(err.to_string().ends_with("trailing characters"), "{err}");
    assert!(parse_dataset(&format!("{SHIPPED}\n \n")).is_ok());
    assert!(matches!(
        parse_dataset(&format!("{}{{}}", SHIPPED.trim_end())),
        Err(DatasetError::Malformed(_))
    ));
}

/// The dataset's first and last dates are those of its figures; ids that name things on the
/// page are unique and free of commas and spaces.
#[test]
fn date_bounds_and_ids_are_checked() {
    let problems = |f: &dyn Fn(&mut serde_json::Value)| -> Vec<String> {
        match parse_dataset(&edited(|v| f(v))) {
            Err(DatasetError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        problems(&|v| v["last_date"] = "2022-05-29".into()),
        ["last_date: is 2022-05-29, but the last figure is of 2026-07-31"],
        "a last date earlier than the figures would cut them from every chart"
    );
    assert_eq!(
        problems(&|v| v["first_date"] = "2022-01-01".into()),
        ["first_date: is 2022-01-01, but the first figure is of 2022-02-24"]
    );
    let found = problems(&|v| {
        let first = v["sources"][0]["id"].clone();
        v["sources"][1]["id"] = first;
    });
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("sources[1].id: duplicate source id \"unhcr-total\"")),
        "{found:?}"
    );
    let found = problems(&|v| v["refugees"]["by_country"][0]["id"] = "pol,hun".into());
    assert!(
        found.contains(
            &"refugees.by_country[0].id: the series id \"pol,hun\" is empty or has a comma or a space".to_string()
        ),
        "{found:?}"
    );
    let found = problems(&|v| v["countries"][1]["iso3"] = v["countries"][0]["iso3"].clone());
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("countries[1].iso3: duplicate country code")),
        "{found:?}"
    );
}

#[test]
fn quotes_go_with_their_day_and_the_days_after_until_the_next() {
    let d = parse_dataset(include_str!("../assets/data/dataset.json")).unwrap();
    let mut days: Vec<i64> = d.quotes.iter().map(|q| q.war_day).collect();
    days.sort_unstable();
    days.dedup();
    assert!(days.len() > 10, "{days:?}");
    assert_eq!(d.quote_day(days[0] - 1), None, "nothing said before the first quote");
    for pair in days.windows(2) {
        let (said, next) = (pair[0], pair[1]);
        assert_eq!(d.quote_day(said), Some(said));
        assert_eq!(
            d.quote_day(next - 1),
            Some(said),
            "the days after day {said} go with it"
        );
    }
    assert_eq!(d.quote_day(i64::MAX), days.last().copied());
}

#[test]
fn whose_count_a_claim_gives_is_checked() {
    let problems = |f: &dyn Fn(&mut serde_json::Value)| -> Vec<String> {
        match parse_dataset(&edited(|v| f(v))) {
            Err(DatasetError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        problems(&|v| v["claims"][0]["count"] = serde_json::json!({ "cutoff": "2026-01-01" })),
        [format!(
            "claims[0].count.cutoff: 2026-01-01 is after the claim was made ({})",
            serde_json::from_str::<serde_json::Value>(SHIPPED).unwrap()["claims"][0]["date"]
                .as_str()
                .unwrap()
        )]
    );
    assert_eq!(
        problems(&|v| v["claims"][0]["count"] = serde_json::json!({ "other": "IOM", "cutoff": "2022-02-24" })),
        ["claims[0].count.cutoff: a cut-off is of the series' own reports: a claim of another counter has none"]
    );
    assert_eq!(
        problems(&|v| v["claims"][0]["count"] = serde_json::json!({ "other": " " })),
        ["claims[0].count.other: is empty (leave it out for the series' own counter)"]
    );
}

/// Copies `../shared/data` (the sourced CSVs) into a new directory, with `edit` applied to one
/// file's text.
fn data_copy(name: &str, file: &str, edit: impl Fn(&str) -> String) -> std::path::PathBuf {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        &dir.join("data"),
    );
    let path = dir.join("data").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
    dir
}

#[test]
fn other_data_is_built_without_ukrainian_words_it_has_none_for_and_nothing_stale_is_left() {
    let dir = data_copy("own-words", "events.csv", |t| {
        t.replace(
            "First round of Russia-Ukraine talks; no breakthrough",
            "First round of talks",
        )
    });
    let out = dir.join("dataset.json");
    let uk = dir.join("dataset.uk.json");
    std::fs::write(
        &uk,
        "{\"lang\":\"uk\",\"dataset_version\":\"an earlier one\",\"texts\":[]}",
    )
    .unwrap();
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_build-dataset"))
        .arg(dir.join("data"))
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{stderr}");
    assert!(out.exists(), "the dataset is written");
    assert!(!uk.exists(), "no other dataset's words are left beside it");
    assert!(
        stderr.contains("uk.csv: no Ukrainian for the event title, 2022-02-28: \"First round of talks\""),
        "{stderr}"
    );
    // The bake makes both pages; the Ukrainian one keeps those words in English, and says so.
    let page = dir.join("index.html");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"),
        &page,
    )
    .unwrap();
    let baked = std::process::Command::new(env!("CARGO_BIN_EXE_bake"))
        .arg(&page)
        .arg(&out)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&baked.stderr);
    assert!(baked.status.success(), "{said}");
    assert!(
        said.contains("the uk page keeps the dataset's own words in English"),
        "{said}"
    );
    let ukrainian = std::fs::read_to_string(dir.join("uk/index.html")).unwrap();
    assert!(ukrainian.contains("<strong lang=\"en\">Filippo Grandi</strong>, UN High Commissioner for Refugees"));
    std::fs::remove_dir_all(&dir).unwrap();
}
