//! Claims against the data and the revision of UNHCR's total, on the shipped dataset.
#![cfg(not(target_arch = "wasm32"))]

use displacement_tracker::compare::{
    claim_sentences, claim_summary, compare, figure_on_or_before, holds_against, revisions, Basis, FIGURE_WINDOW_DAYS,
};
use displacement_tracker::data::{parse_dataset, Dataset, Date, Metric, Precision, Qualifier};
use displacement_tracker::i18n::Lang;

fn dataset() -> Dataset {
    parse_dataset(include_str!("../assets/data/dataset.json")).unwrap()
}

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn the_seed_articles_claim_beside_the_data_of_its_day_not_judged() {
    let d = dataset();
    let claim = d.claims.iter().find(|c| c.text.contains("3.38 million")).unwrap();
    assert_eq!(
        (claim.date, claim.war_day, claim.value, claim.qualifier),
        (date("2022-03-21"), 26, 3_380_000, Qualifier::MoreThan)
    );
    let c = compare(&d, claim);
    assert_eq!(
        c.basis,
        Basis::SameCounter,
        "the UN figure behind it was not found: no cut-off"
    );
    let figure = c.figure.clone().unwrap();
    assert_eq!((figure.date, figure.value), (date("2022-03-21"), 3_460_430));
    assert_eq!(c.difference, Some(80_430));
    assert_eq!(c.percent, None, "no percentage of a \"more than\"");
    assert_eq!(c.holds, None);
    let (sentence, second) = claim_sentences(claim, &c, Lang::En);
    assert_eq!(
        sentence,
        "Claim: more than 3,380,000 border crossings out of Ukraine (cumulative). \
         UNHCR's figure, 21 Mar 2022: 3,460,430 (difference +80,430)."
    );
    assert_eq!(
        second.as_deref(),
        Some("When the claim's count was taken is not stated, so it is set beside the data, not judged.")
    );
}

#[test]
fn another_counters_count_is_set_beside_ohchrs_never_judged_by_it() {
    let d = dataset();
    for (metric, value, counter, ohchr) in [
        (Metric::CiviliansKilled, 352, "Ukraine's Interior Ministry", "102"),
        (Metric::CiviliansInjured, 1684, "Ukraine's Interior Ministry", "304"),
        (
            Metric::CiviliansKilled,
            2000,
            "the State Emergency Service of Ukraine",
            "249",
        ),
    ] {
        let claim = d
            .claims
            .iter()
            .find(|c| c.metric == metric && c.value == value)
            .unwrap();
        assert_eq!(claim.count.other.as_deref(), Some(counter));
        let c = compare(&d, claim);
        assert_eq!(c.basis, Basis::OtherCounter);
        assert_eq!(
            (c.difference, c.percent, c.holds),
            (None, None, None),
            "no arithmetic, no verdict"
        );
        let (sentence, second) = claim_sentences(claim, &c, Lang::En);
        assert!(sentence.contains(&format!("counted by {counter}.")), "{sentence}");
        assert!(
            sentence.contains("A different count: OHCHR's confirmed minimum, "),
            "{sentence}"
        );
        assert!(
            sentence.contains(&format!(", is {ohchr}. Neither is judged by the other.")),
            "{sentence}"
        );
        assert_eq!(second, None);
        let summary = claim_summary(claim, &c, Lang::En);
        assert!(!summary.contains("hold"), "{summary}");
    }
    // IOM's count of border crossings beside UNHCR's.
    let iom = d
        .claims
        .iter()
        .find(|c| c.metric == Metric::RefugeesCumulative && c.value == 3_000_000)
        .unwrap();
    assert_eq!(compare(&d, iom).basis, Basis::OtherCounter);
}

#[test]
fn the_same_counters_report_of_the_claims_cut_off_judges_it() {
    let d = dataset();
    let find = |metric: Metric, value: u64| {
        d.claims
            .iter()
            .find(|c| c.metric == metric && c.value == value)
            .unwrap()
    };
    // OHCHR's 1,006 (JURIST, 4 March) is its report to 24:00 3 March, not the next one.
    let c = compare(&d, find(Metric::CivilianCasualtiesTotal, 1006));
    assert_eq!(c.basis, Basis::SameCutoff);
    assert_eq!(
        c.figure.as_ref().map(|f| (f.date, f.value)),
        Some((date("2022-03-03"), 1006))
    );
    assert_eq!(c.holds, Some(true));
    // IOM's round 1 ended 16 March; OCHA stated "6.48 million" on 18 March.
    let c = compare(&d, find(Metric::Idps, 6_480_000));
    assert_eq!(
        c.figure.as_ref().map(|f| (f.date, f.value)),
        Some((date("2022-03-16"), 6_477_723))
    );
    assert_eq!(c.holds, Some(true), "6,477,723 rounds to 6.48 million");
    let (_, verdict) = claim_sentences(find(Metric::Idps, 6_480_000), &c, Lang::En);
    assert_eq!(
        verdict.as_deref(),
        Some("“about” holds against IOM's estimate of the same cut-off.")
    );
    // "At least 1,650 injured" to 24:00 23 March: that report gives no injured figure.
    let claim = find(Metric::CiviliansInjured, 1650);
    let c = compare(&d, claim);
    assert_eq!((c.figure.clone(), c.holds), (None, None));
    let (sentence, _) = claim_sentences(claim, &c, Lang::En);
    assert!(
        sentence.ends_with("No report of that cut-off (23 Mar 2022) in the dataset."),
        "{sentence}"
    );
}

#[test]
fn nearest_earlier_report_when_none_that_day() {
    let d = dataset();
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
fn only_claims_of_the_same_counter_and_a_known_cut_off_are_judged() {
    let d = dataset();
    assert_eq!(d.claims.len(), 52);
    let first_months = d.claims.iter().filter(|c| c.date <= date("2022-06-30"));
    assert_eq!(first_months.clone().count(), 25);
    let mut judged = 0;
    for claim in &d.claims {
        let c = compare(&d, claim);
        match c.basis {
            Basis::OtherCounter => assert_eq!((c.difference, c.holds), (None, None), "{}", claim.text),
            Basis::SameCounter => assert_eq!(c.holds, None, "{}", claim.text),
            Basis::SameCutoff => {
                let f = c.figure.as_ref();
                assert!(
                    f.is_none() || f.is_some_and(|f| Some(f.date) == claim.count.cutoff),
                    "{}",
                    claim.text
                );
                judged += usize::from(c.holds.is_some());
            }
        }
        if claim.date <= date("2022-06-30") && claim.value != 1650 {
            assert!(c.figure.is_some(), "{}", claim.text);
        }
        let (_, second) = claim_sentences(claim, &c, Lang::En);
        assert!(second.is_none_or(|s| !s.contains("does not hold") || c.basis == Basis::SameCutoff));
    }
    assert_eq!(
        judged, 8,
        "the claims whose cut-off the notes give (nine), with a figure of it"
    );
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
    // Border crossings after the first months: UNHCR's later figures; as published that day.
    let c = compare(&d, find(Metric::RefugeesCumulative, "2022-07-08"));
    assert_eq!(c.figure.map(|f| f.value), Some(8_792_763));
    // "More than 10,000 killed" against OHCHR's "at least 10,000": not judged, and a lower
    // bound could neither bear it out nor refute it.
    let claim = find(Metric::CiviliansKilled, "2023-11-21");
    let c = compare(&d, claim);
    let f = c.figure.as_ref().unwrap();
    assert_eq!((f.value, f.precision), (10_000, Precision::AtLeast));
    assert_eq!(c.holds, None);
    assert_eq!(holds_against(claim, f), None);
    // OHCHR's count to 16 July 2023, as a UN official gave it the next day.
    let c = compare(&d, find(Metric::CiviliansKilled, "2023-07-17"));
    assert_eq!((c.basis, c.holds), (Basis::SameCutoff, Some(true)));
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
    use displacement_tracker::compare::{qualifier_holds, rounding_unit};
    let mut d = dataset();
    let mut claim = d.claims[0].clone();
    claim.metric = Metric::RefugeesCumulative;
    claim.value = u64::MAX;
    claim.qualifier = Qualifier::About;
    claim.count = Default::default();
    claim.count.cutoff = compare(&d, &claim).figure.map(|f| f.date);
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
