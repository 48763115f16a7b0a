//! The app-side validation of dataset JSON: what the page says when the dataset is wrong.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::data::{parse_dataset, DatasetError};

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
fn not_json() {
    let err = parse_dataset("<html>404</html>").unwrap_err();
    assert!(matches!(err, DatasetError::Malformed(_)));
    assert_eq!(
        err.to_string(),
        "the dataset cannot be read: the text is not valid JSON"
    );
}

#[test]
fn wrong_schema_version() {
    let err = parse_dataset(&edited(|v| v["schema_version"] = 2.into())).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the dataset has schema_version 2, but this app reads schema_version 1"
    );
    let err = parse_dataset("{}").unwrap_err();
    assert_eq!(err, DatasetError::UnsupportedSchema { found: None });
}

#[test]
fn wrong_shape_names_the_record() {
    let err = parse_dataset(&edited(|v| {
        v["refugees"]["total"]["points"][0]["cumulative"] = "many".into()
    }))
    .unwrap_err();
    assert!(matches!(err, DatasetError::Malformed(_)));
    assert_eq!(
        err.to_string(),
        "the dataset cannot be read: refugees.total.points[0] is not of the expected shape: \
         {\"cumulative\":\"many\",\"daily\":79209,\"date\":\"2022-02-24\",\"war_day\":1}"
    );
    let err = parse_dataset(&edited(|v| {
        v["idps"]["rounds"][1]["regions"][2]
            .as_object_mut()
            .unwrap()
            .remove("current_location");
    }))
    .unwrap_err();
    assert!(
        err.to_string()
            .contains(": idps.rounds[1].regions[2] is not of the expected shape: {"),
        "{err}"
    );
    let err = parse_dataset(&edited(|v| v["quotes"][3]["date"] = "21 March 2022".into())).unwrap_err();
    assert!(
        err.to_string().contains(": quotes[3] is not of the expected shape: "),
        "{err}"
    );
    let err = parse_dataset(&edited(|v| {
        v["refugees"]["by_country"][1]["kind"] = "arrivals_from_mars".into()
    }))
    .unwrap_err();
    assert!(
        err.to_string()
            .contains(": refugees.by_country[1] is not of the expected shape: "),
        "{err}"
    );
    let err = parse_dataset(&edited(|v| {
        v.as_object_mut().unwrap().remove("events");
    }))
    .unwrap_err();
    assert!(
        err.to_string()
            .ends_with("a required part of the dataset is missing or of the wrong type"),
        "{err}"
    );
}

#[test]
fn inconsistencies_are_listed_with_their_place() {
    let json = edited(|v| {
        v["refugees"]["total"]["points"][3]["war_day"] = 7.into();
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
            "refugees.total.points[3]: war_day 7 disagrees with date 2022-02-27 (war day 4)",
            "casualties.points[2]: killed 102 + injured 304 is not total 1",
            "idps.rounds[1]: date 2022-03-16 does not follow 2022-03-16",
            "quotes[0].source: unknown source id \"nobody\"",
        ]
    );
}
