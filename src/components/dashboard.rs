use super::hooks::{use_first_chart_mark, use_media, use_theme};
use super::quotes::day_sheet;
use super::Shared;
use super::{controls, footer, page_header, ChartCanvas, DatasetSections, QuotePanel, SharePanel};
use crate::chart::theme::ThemeName;
use crate::chart::{ChartId, ChartSpec};
use crate::data::Dataset;
use crate::i18n::Lang;
use crate::state::{from_query, key_action, reduce, to_query, Action, Bounds, ChartOptions, Notice, ViewState};
use crate::web;
use crate::{export, transform};
use std::cell::OnceCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub dataset: Shared<Dataset>,
    /// Sets (or clears) the hovered day; the same callback for the page's life.
    pub set_hover: Callback<Option<i64>>,
    /// Told the view's language whenever it changes (the page around the view follows it).
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
}

/// Where the phone layout starts: the controls fold, and the selected day's quotes open from
/// the bottom of the screen.
const PHONE: &str = "(max-width: 600px)";

/// The view state with what the reducer needs, for Yew's `use_reducer`.
#[derive(Clone, PartialEq)]
pub struct Model {
    pub state: ViewState,
    pub bounds: Bounds,
    /// Whether the last change was deliberate (it gets its own history entry).
    deliberate: bool,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let deliberate = action.is_deliberate();
        let state = reduce(&self.state, action, &self.bounds);
        if state == self.state {
            return self;
        }
        Rc::new(Model {
            state,
            bounds: self.bounds.clone(),
            deliberate,
        })
    }
}

/// The view state from the URL, its notices, and the reducer that keeps it (and the URL) from
/// then on: deliberate changes get their own history entry; back and forward restore the view.
#[hook]
fn use_view_state(d: &Shared<Dataset>, lang: Lang) -> (UseReducerHandle<Model>, Vec<Notice>) {
    let (initial, notices) = {
        let d = d.clone();
        (*use_memo((), move |_| {
            let bounds = transform::bounds(&d);
            let (mut state, notices) = from_query(&web::location_search(), &bounds);
            // The page's language: the link's, else the reader's choice or browser's.
            state.options.lang = lang;
            let model = Model {
                state,
                bounds,
                deliberate: false,
            };
            (model, notices)
        }))
        .clone()
    };
    let model = use_reducer(move || initial);
    let query = to_query(&model.state);
    use_effect_with((query, model.deliberate), |(query, deliberate)| {
        web::set_query(query, *deliberate)
    });
    {
        let dispatcher = model.dispatcher();
        let bounds = model.bounds.clone();
        use_effect_with((), move |_| {
            let listener = web::on_window("popstate", move || {
                let (state, _) = from_query(&web::location_search(), &bounds);
                dispatcher.dispatch(Action::Restore(Box::new(state)));
            });
            move || drop(listener)
        });
    }
    (model, notices)
}

/// Play: ten steps a second through the days shown, in about 30 seconds (a day a step for the
/// first months, about a week for the whole war), until the end or a pause. A reader who
/// prefers reduced motion gets no animation: a step a second, a week or more.
#[hook]
fn use_play(playing: bool, range: (i64, i64), dispatch: Callback<Action>) {
    use_effect_with((playing, range), move |(playing, range)| {
        let interval = playing.then(|| {
            let reduced = web::prefers_reduced_motion();
            let period = if reduced { 1000 } else { 100 };
            let days = crate::state::play_step(*range, reduced);
            gloo_timers::callback::Interval::new(period, move || dispatch.emit(Action::Tick(days)))
        });
        move || drop(interval)
    });
}

/// The selected day's headline for the live region. While the timeline plays, it is said at
/// most once a second (every tenth step; every step with reduced motion, a step a second), so a
/// screen reader is not flooded; paused, every change is said.
#[hook]
fn use_announcement(d: &Shared<Dataset>, state: &crate::state::ViewState, bounds: &Bounds) -> String {
    let said = use_state_eq(String::new);
    let (selected, playing, lang) = (state.cursor.selected, state.cursor.playing, state.options.lang);
    let range = state.options.visible(bounds);
    {
        let (said, d) = (said.clone(), d.clone());
        use_effect_with(
            (selected, playing, lang, range),
            move |(selected, playing, lang, range)| {
                let reduced = web::prefers_reduced_motion();
                let every = if reduced { 1 } else { 10 };
                let step = crate::state::play_step(*range, reduced);
                let tick = selected.map_or(0, |day| (day - range.0) / step.max(1));
                if !*playing || tick % every == 0 {
                    said.set(
                        selected
                            .map(|day| transform::headline(&d, day, *lang))
                            .unwrap_or_default(),
                    );
                }
            },
        );
    }
    (*said).clone()
}

/// What of the view is rendered while the page starts, in this order, a task each: the header
/// and controls; the first chart; the other charts; the share panel, claims and sources; the
/// quotes. The app takes the baked view's place once its charts are in (and those in sight
/// drawn), holding the baked view's sections and quotes in their places until its own come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Page,
    First,
    Charts,
    Sections,
    All,
}

impl Stage {
    fn next(self) -> Option<Self> {
        match self {
            Stage::Page => Some(Stage::First),
            Stage::First => Some(Stage::Charts),
            Stage::Charts => Some(Stage::Sections),
            Stage::Sections => Some(Stage::All),
            Stage::All => None,
        }
    }
}

/// The charts of one set of chart options, each made when the view first asks for it: while the
/// page starts, the first render draws only the first chart, and makes only that one.
struct Charts {
    dataset: Shared<Dataset>,
    options: ChartOptions,
    made: [OnceCell<Shared<ChartSpec>>; ChartId::ALL.len()],
}

impl Charts {
    fn new(dataset: Shared<Dataset>, options: ChartOptions) -> Self {
        Self {
            dataset,
            options,
            made: Default::default(),
        }
    }

    fn get(&self, id: ChartId) -> Shared<ChartSpec> {
        // `ChartId::ALL` lists the charts in their declared order.
        self.made[id as usize]
            .get_or_init(|| Shared::new(transform::chart(&self.dataset, &self.options, id)))
            .clone()
    }

    /// Every chart, in page order.
    fn all(&self) -> impl Iterator<Item = Shared<ChartSpec>> + '_ {
        ChartId::ALL.iter().map(|id| self.get(*id))
    }
}

/// The link that reopens a view: the page's address with the view's query.
fn view_link(view: &ViewState) -> String {
    let query = to_query(view);
    let base = web::page_base();
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// The whole view: header, notices, controls, the charts, the quote panel and the sources. The
/// view state lives in one reducer and in the URL.
#[function_component(Dashboard)]
pub fn dashboard(props: &DashboardProps) -> Html {
    let d = &props.dataset;
    let page_lang = super::use_lang();
    let (model, notices) = use_view_state(d, page_lang);
    let lang = model.state.options.lang;
    {
        let on_lang = props.on_lang.clone();
        use_effect_with(lang, move |lang| on_lang.emit(*lang));
        let years = (d.first_date.parts().0, d.last_date.parts().0);
        use_effect_with((lang, years), |(lang, (from, to))| {
            web::set_page_lang(*lang, Some(&tr!(*lang, DocumentTitle, from = from, to = to)));
        });
    }
    let choose_lang = {
        let dispatch = model.dispatcher();
        Callback::from(move |lang: Lang| {
            web::remember_lang(lang);
            dispatch.dispatch(Action::SetLang(lang));
        })
    };
    let dispatch: Callback<Action> = {
        let dispatcher = model.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    };
    use_play(
        model.state.cursor.playing,
        model.state.options.visible(&model.bounds),
        dispatch.clone(),
    );
    // The charts follow the chart options alone: a hover or a selection never rebuilds them.
    let specs = {
        let d = d.clone();
        use_memo(model.state.options.clone(), move |options| {
            Charts::new(d, options.clone())
        })
    };
    let state = &model.state;
    // While the page starts, the view is rendered in stages, each in a task of its own, so that
    // the page answers input between them (see `Stage`). Baked natively, there is one render,
    // and everything is in it.
    let stage = use_state_eq(|| {
        if cfg!(target_arch = "wasm32") {
            Stage::Page
        } else {
            Stage::All
        }
    });
    {
        let (now, next) = (*stage, stage.setter());
        use_effect_with(now, move |now| {
            let task = now
                .next()
                .map(|later| gloo_timers::callback::Timeout::new(0, move || next.set(later)));
            move || drop(task)
        });
    }
    let stage = if state.embed.is_some() { Stage::All } else { *stage };
    let rest = stage == Stage::All;
    // The app shows once its charts are in (the share panel, claims, sources and quotes come in
    // the next tasks; until then it shows the baked view's, `web::adopting`).
    let on_drawn = use_first_chart_mark(
        if state.embed.is_some() { 1 } else { ChartId::ALL.len() },
        stage >= Stage::Charts,
        rest,
    );
    let theme = use_theme();
    let phone = use_media(PHONE);
    let controls_open = use_state(|| false);
    let on_open_controls = {
        let open = controls_open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // Downloaded pictures are light unless the reader asks for the dark theme.
    let dark_pictures = use_state(|| false);
    let png_theme = if *dark_pictures {
        ThemeName::Dark
    } else {
        ThemeName::Light
    };
    let set_hover = props.set_hover.clone();
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(action) = key_action(&e.key(), e.shift_key()) {
                e.prevent_default();
                dispatch.emit(action);
            } else if e.key() == "Escape" {
                set_hover.emit(None);
            }
        })
    };
    // The view as its link gives it: what the share panel, CSV, PNG and citation name.
    let view = state.as_linked();
    let link = view_link(&view);
    let stamp = AttrValue::from(export::stamp(d, &view.options, &link));
    let chart = |spec: &Shared<ChartSpec>, sources_page: &str| {
        // A chart's own choices are made at the chart (not when embedded): the country chart's
        // countries and measures, the recorded chart's countries.
        let choices = match spec.id {
            _ if !sources_page.is_empty() => Html::default(),
            ChartId::Refugees => super::controls::refugee_choices(d, state, &model.bounds, &dispatch),
            ChartId::RecordedCountries => super::controls::recorded_countries(d, state, &model.bounds, &dispatch),
            _ => Html::default(),
        };
        html! {
            <ChartCanvas key={spec.id.as_str()} spec={spec.clone()} selected={state.cursor.selected}
                on_drawn={on_drawn.clone()} dispatch={dispatch.clone()} on_key={on_key.clone()} set_hover={props.set_hover.clone()} stamp={stamp.clone()} sources_page={sources_page.to_string()}
                theme={theme.shown} png_theme={png_theme}>
                { choices }
            </ChartCanvas>
        }
    };
    // Embedded (`?embed=<chart>`): that chart, its sources and a link to the full view, no more.
    if let Some(id) = state.embed {
        return html! {
            <ContextProvider<Lang> context={lang}>
            <main class="embed">
                { chart(&specs.get(id), &link) }
                // The credit travels with the chart: who made it, whose figures, from where.
                <p class="embed-credit">
                    { tr!(lang, EmbedCredit, publishers = specs.get(id).publishers().iter().map(|(p, _)| *p).collect::<Vec<_>>().join(", ")) }
                    { " " }<a href={link.clone()} target="_blank" rel="noopener">{ tr!(lang, OpenFullView) }</a>
                </p>
            </main>
            </ContextProvider<Lang>>
        };
    }
    let announcement = use_announcement(d, state, &model.bounds);
    html! {
        <ContextProvider<Lang> context={lang}>
        <a class="skip-link" href="#charts">{ tr!(lang, SkipToCharts) }</a>
        { page_header(d, &theme, (lang, &choose_lang)) }
        if !notices.is_empty() {
            <div class="notices" role="status">
                <p>{ tr!(lang, NoticesIntro) }</p>
                <ul>{ for notices.iter().map(|n| html! { <li>{ n.text(lang) }</li> }) }</ul>
            </div>
        }
        { controls(state, &model.bounds, (&dispatch, &on_key), (*controls_open, on_open_controls)) }
        <p id="announcer" class="announcer" aria-live="polite">{ announcement }</p>
        <div class="layout">
            <main class="charts" id="charts">
                // The first chart apart from the others: its list stays the same when they come.
                if stage >= Stage::First {
                    { chart(&specs.get(ChartId::ALL[0]), "") }
                }
                if stage > Stage::First {
                    { for specs.all().skip(1).map(|spec| chart(&spec, "")) }
                }
                if stage >= Stage::Sections {
                <SharePanel dataset={d.clone()} options={view.options.clone()} link={link.clone()}
                    charts={specs.all().map(|s| (s.id, s.title.clone())).collect::<Vec<_>>()}
                    dark_pictures={*dark_pictures} on_dark_pictures={Callback::from(move |dark| dark_pictures.set(dark))} />
                <DatasetSections dataset={d.clone()} folded={phone} />
                } else {
                    { super::adopting("#share, section.claims, #sources") }
                }
            </main>
            <QuotePanel dataset={d.clone()} selected={state.cursor.selected} on_select={dispatch.reform(Action::Select)} quotes_shown={rest} />
            if phone { { day_sheet(d, state.cursor.selected, lang) } }
        </div>
        { footer(d, lang) }
        </ContextProvider<Lang>>
    }
}
