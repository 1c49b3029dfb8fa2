//! "Open in map": an OpenStreetMap link for a WGS-84 point, built from two checked numbers.

use crate::error::ConsoleError;

pub fn map_link(lat: f64, lng: f64) -> Result<String, ConsoleError> {
    if !(lat.is_finite() && lng.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng)) {
        return Err(ConsoleError::OpenFailed { detail: format!("({lat}, {lng}) is not a point on the map") });
    }
    Ok(format!("https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lng:.6}#map=17/{lat:.6}/{lng:.6}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_link_only_for_real_points() {
        assert_eq!(
            map_link(40.02248, 116.2986).unwrap(),
            "https://www.openstreetmap.org/?mlat=40.022480&mlon=116.298600#map=17/40.022480/116.298600"
        );
        assert!(map_link(f64::NAN, 1.0).is_err());
        assert!(map_link(91.0, 1.0).is_err());
        assert!(map_link(1.0, -181.0).is_err());
    }
}
