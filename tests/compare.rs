//! Claims against the data and the revision of UNHCR's total, on the shipped dataset.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::compare::{compare, figure_on_or_before, revisions, FIGURE_WINDOW_DAYS};
use displacement_tracker::data::{parse_dataset, Dataset, Date, Metric, Precision, Qualifier};

fn dataset() -> Dataset {
    parse_dataset(include_str!("../assets/data/dataset.json")).unwrap()
}

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn the_seed_articles_claim_against_the_data_of_its_day() {
    let d = dataset();
    let claim = d.claims.iter().find(|c| c.text.contains("3.38 million")).unwrap();
    assert_eq!(
        (claim.date, claim.war_day, claim.value, claim.qualifier),
        (date("2022-03-21"), 26, 3_380_000, Qualifier::MoreThan)
    );
    let c = compare(&d, claim);
    let figure = c.figure.unwrap();
    assert_eq!((figure.date, figure.value), (date("2022-03-21"), 3_460_430));
    assert_eq!(c.difference, Some(80_430));
    assert!((c.percent.unwrap() - 2.379_585_798_816_568).abs() < 1e-9);
    assert_eq!(c.holds, Some(true));
}

#[test]
fn national_counts_against_ohchrs_confirmed_minimum() {
    let d = dataset();
    let claim = d
        .claims
        .iter()
        .find(|c| c.metric == Metric::CiviliansKilled && c.value == 352)
        .unwrap();
    let c = compare(&d, claim);
    assert_eq!(
        c.figure.as_ref().map(|f| f.value),
        Some(102),
        "OHCHR to 24:00 27 Feb 2022"
    );
    assert_eq!(c.difference, Some(-250));
    assert_eq!(c.holds, Some(false));
    assert!(c.figure.unwrap().source_url.unwrap().contains("27-february"));
}

#[test]
fn nearest_earlier_report_when_none_that_day() {
    let d = dataset();
    // IOM round 1 ended 16 March; OCHA stated "6.48 million" on 18 March.
    let claim = d
        .claims
        .iter()
        .find(|c| c.metric == Metric::Idps && c.value == 6_480_000)
        .unwrap();
    let c = compare(&d, claim);
    assert_eq!(
        c.figure.as_ref().map(|f| (f.date, f.value)),
        Some((date("2022-03-16"), 6_477_723))
    );
    assert_eq!(c.holds, Some(true), "6,477,723 rounds to 6.48 million");
    // Before the first report there is nothing to compare with.
    assert_eq!(figure_on_or_before(&d, Metric::Idps, date("2022-03-15")), None);
    assert_eq!(
        figure_on_or_before(&d, Metric::CiviliansInjured, date("2022-02-24")),
        None
    );
    // Injured: skips reports that give no injured figure (26 Feb gives only killed and total).
    assert_eq!(
        figure_on_or_before(&d, Metric::CiviliansInjured, date("2022-02-26")).map(|f| f.value),
        Some(102)
    );
}

#[test]
fn every_claim_of_the_first_months_is_compared() {
    let d = dataset();
    assert_eq!(d.claims.len(), 52);
    let first_months = d.claims.iter().filter(|c| c.date <= date("2022-06-30"));
    assert_eq!(first_months.clone().count(), 25);
    for claim in first_months {
        let c = compare(&d, claim);
        assert!(c.figure.is_some(), "{}", claim.text);
        assert!(c.holds.is_some());
    }
}

#[test]
fn later_claims_only_against_the_same_measure_and_never_refuted_by_a_lower_bound() {
    let d = dataset();
    let find = |metric: Metric, day: &str| {
        d.claims
            .iter()
            .find(|c| c.metric == metric && c.date == date(day))
            .unwrap()
    };
    // Refugees recorded (a stock) against the portal's recorded series, not crossings.
    let c = compare(&d, find(Metric::RefugeesRecordedEurope, "2022-07-08"));
    let f = c.figure.unwrap();
    assert_eq!(
        (f.date, f.value, f.precision),
        (date("2022-07-08"), 5_640_475, Precision::Exact)
    );
    assert_eq!(c.holds, Some(true));
    // Border crossings after the first months: UNHCR's later figures; as published that day.
    let c = compare(&d, find(Metric::RefugeesCumulative, "2022-07-08"));
    assert_eq!(c.figure.map(|f| f.value), Some(8_792_763));
    // "More than 10,000 killed" against OHCHR's "at least 10,000": a lower bound equal to the
    // claim can neither bear it out nor refute it.
    let c = compare(&d, find(Metric::CiviliansKilled, "2023-11-21"));
    let f = c.figure.as_ref().unwrap();
    assert_eq!((f.value, f.precision), (10_000, Precision::AtLeast));
    assert_eq!(c.holds, None);
    // Refugees and internally displaced together: no series counts it, so no comparison.
    let c = compare(&d, find(Metric::DisplacedTotal, "2022-07-08"));
    assert_eq!((c.figure, c.holds), (None, None));
    // A figure more than about a month older than a claim says nothing of it.
    let c = compare(&d, find(Metric::RefugeesRecordedEurope, "2023-05-24"));
    assert_eq!(
        c.figure, None,
        "the portal's last dated Europe figure is of 31 Dec 2022"
    );
    // No comparison ever uses a later figure or a figure of another measure.
    for claim in &d.claims {
        if let Some(f) = compare(&d, claim).figure {
            assert!(f.date <= claim.date, "{}", claim.text);
            assert!(
                claim.date.war_day() - f.date.war_day() <= FIGURE_WINDOW_DAYS,
                "{}",
                claim.text
            );
        }
    }
}

#[test]
fn revisions_between_vintages() {
    let d = dataset();
    let r = revisions(&d);
    assert_eq!(r.len(), 82, "every day of the earlier vintage");
    assert_eq!(
        (r[0].date, r[0].current, r[0].earlier, r[0].difference),
        (date("2022-02-24"), 79_209, 79_982, -773)
    );
    assert!((r[0].percent - -0.966_467_455_177_415_4).abs() < 1e-9);
}

#[test]
fn every_record_points_to_a_source_that_exists() {
    let d = dataset();
    let ids: Vec<&str> = std::iter::once(&d.refugees.total)
        .chain(d.refugees.earlier_total.iter())
        .chain(d.refugees.by_country.iter())
        .map(|s| s.source.as_str())
        .chain(std::iter::once(d.casualties.source.as_str()))
        .chain(d.idps.rounds.iter().map(|r| r.source.as_str()))
        .chain(
            d.idps
                .rounds
                .iter()
                .flat_map(|r| r.regions.iter().map(|g| g.source.as_str())),
        )
        .chain(d.events.iter().map(|e| e.source.as_str()))
        .chain(d.quotes.iter().map(|q| q.source.as_str()))
        .chain(d.claims.iter().map(|c| c.source.as_str()))
        .chain(d.countries.iter().map(|c| c.source.as_str()))
        .chain(d.figures.iter().map(|f| f.source.as_str()))
        .collect();
    for id in &ids {
        assert!(d.source(id).is_some(), "{id}");
    }
    for source in &d.sources {
        assert!(
            ids.contains(&source.id.as_str()),
            "{} is used by some record",
            source.id
        );
    }
    for url in d
        .casualties
        .points
        .iter()
        .map(|p| &p.source_url)
        .chain(d.claims.iter().map(|c| &c.source_url))
    {
        assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "an absolute link: {url}"
        );
    }
}

/// Claim arithmetic on figures at the ends of u64: exact, never wrapped (these overflowed before,
/// panicking with overflow checks on and giving "difference +179,526" in the release build).
#[test]
fn extreme_claims_do_not_wrap() {
    use displacement_tracker::compare::{claim_sentences, qualifier_holds, rounding_unit};
    let mut d = dataset();
    let mut claim = d.claims[0].clone();
    claim.metric = Metric::RefugeesCumulative;
    claim.value = u64::MAX;
    claim.qualifier = Qualifier::About;
    let c = compare(&d, &claim);
    let figure = c.figure.clone().unwrap().value;
    assert_eq!(c.difference, Some(i128::from(figure) - i128::from(u64::MAX)));
    assert_eq!(c.holds, Some(false));
    let (sentence, _) = claim_sentences(&claim, &c, displacement_tracker::i18n::Lang::En);
    assert!(sentence.contains("about 18,446,744,073,709,551,615"), "{sentence}");
    assert!(sentence.contains("difference -18,446,744,073,70"), "{sentence}");

    assert_eq!(rounding_unit(u64::MAX), 1);
    assert_eq!(rounding_unit(10_000_000_000_000_000_000), 10_000_000_000_000_000_000);
    assert!(!qualifier_holds(Qualifier::About, u64::MAX, 0));
    assert!(!qualifier_holds(Qualifier::About, 0, u64::MAX));
    // 10^19 away: twice that wrapped to 1.55e18, within half of the rounding unit 10^19.
    assert!(!qualifier_holds(Qualifier::About, 10_000_000_000_000_000_000, 0));
    assert!(qualifier_holds(
        Qualifier::About,
        10_000_000_000_000_000_000,
        14_000_000_000_000_000_000
    ));

    // A revision between u64::MAX and 0 in the two vintages.
    d.refugees.total.points.0[0].cumulative = u64::MAX;
    if let Some(earlier) = d.refugees.earlier_total.as_mut() {
        earlier.points.0[0].cumulative = 0;
    }
    assert_eq!(revisions(&d)[0].difference, i128::from(u64::MAX));
}
