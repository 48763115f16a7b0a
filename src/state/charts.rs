//! The charts of a view, by name: the reader's choice of one (`?embed=`) and the key every
//! chart, canvas and export is known by.

spelled_enum! {
    /// The charts of a view, in page order. Their spellings are the URL's (`?embed=`), the
    /// canvases' ids and the CSV's `chart` column, so existing links keep working.
    pub enum ChartId {
        /// Border crossings out of Ukraine, cumulative, by receiving country.
        Refugees => "refugees",
        /// Refugees from Ukraine recorded in Europe and globally (a stock of people).
        Recorded => "recorded",
        /// Refugees from Ukraine recorded, by receiving country.
        RecordedCountries => "recorded-countries",
        Casualties => "casualties",
        Idps => "idps",
        /// EU decisions granting temporary protection, per month (a flow).
        Protection => "protection",
        /// Border crossings out of Ukraine per day (the first months only).
        RefugeesDaily => "refugees-daily",
    }
}

impl ChartId {
    /// Whether the reader can put this chart on a logarithmic scale (the country comparison).
    pub fn has_log_scale(self) -> bool {
        self == ChartId::Refugees
    }
}
