//! Where the chat took place.

use serde::Serialize;

use super::reader::{Obj, Reader};
use super::warning::WarningProblem;

/// The table swaps the descriptions of `lat` and `lng`; the names are right (the example
/// is Beijing: lat 40.02, lng 116.30). The coordinate system is not said: usually GCJ-02.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub address: Option<String>,
    /// Both or neither: a point on the map (checked, see [`Location::read`]).
    pub lat: Option<f64>,
    pub lng: Option<f64>,
}

impl Location {
    /// (0, 0) and out-of-range pairs are no point (with a warning); a pair that is valid
    /// only swapped is swapped back (with a warning).
    pub(crate) fn read(r: &mut Reader, o: &Obj<'_>, path: &str) -> Self {
        let address = r.text(o, "address");
        let (lat, lng) = match (r.float(o, "lat"), r.float(o, "lng")) {
            (Some(lat), Some(lng)) => match point(lat, lng) {
                Point::Valid => (Some(lat), Some(lng)),
                Point::Swapped => {
                    r.warn_point(path.to_owned(), WarningProblem::Swapped);
                    (Some(lng), Some(lat))
                }
                Point::None => {
                    r.warn_point(path.to_owned(), WarningProblem::NoPoint);
                    (None, None)
                }
            },
            _ => (None, None),
        };
        Self { address, lat, lng }
    }
}

enum Point {
    Valid,
    Swapped,
    None,
}

fn point(lat: f64, lng: f64) -> Point {
    let valid = |lat: f64, lng: f64| lat.abs() <= 90.0 && lng.abs() <= 180.0;
    if lat == 0.0 && lng == 0.0 {
        Point::None
    } else if valid(lat, lng) {
        Point::Valid
    } else if valid(lng, lat) {
        Point::Swapped
    } else {
        Point::None
    }
}
