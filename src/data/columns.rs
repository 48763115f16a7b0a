//! Reads `RefugeePoints` from their columns with miniserde (what `#[derive(Deserialize)]` would
//! generate for `PointColumns`, then the conversion that checks the columns' lengths).

use super::model::{PointColumns, RefugeePoints};
use crate::data::Date;
use miniserde::de::{Map, Visitor};
use miniserde::{Deserialize, Error, Result};

miniserde::make_place!(Place);

struct Builder<'a> {
    dates: Option<Vec<Date>>,
    cumulative: Option<Vec<u64>>,
    daily: Option<Vec<Option<u64>>>,
    out: &'a mut Option<RefugeePoints>,
}

impl Visitor for Place<RefugeePoints> {
    fn map(&mut self) -> Result<Box<dyn Map + '_>> {
        Ok(Box::new(Builder {
            dates: None,
            cumulative: None,
            daily: None,
            out: &mut self.out,
        }))
    }
}

impl Map for Builder<'_> {
    fn key(&mut self, k: &str) -> Result<&mut dyn Visitor> {
        match k {
            "dates" => Ok(Deserialize::begin(&mut self.dates)),
            "cumulative" => Ok(Deserialize::begin(&mut self.cumulative)),
            "daily" => Ok(Deserialize::begin(&mut self.daily)),
            _ => Ok(<dyn Visitor>::ignore()),
        }
    }

    fn finish(&mut self) -> Result<()> {
        let (Some(dates), Some(cumulative), Some(daily)) =
            (self.dates.take(), self.cumulative.take(), self.daily.take())
        else {
            return Err(Error);
        };
        let columns = PointColumns {
            dates,
            cumulative,
            daily,
        };
        *self.out = Some(RefugeePoints::try_from(columns).map_err(|_| Error)?);
        Ok(())
    }
}

impl Deserialize for RefugeePoints {
    fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
        Place::new(out)
    }
}
