//! "Open in map": an OpenStreetMap link for a WGS-84 point, built from two checked numbers.

use crate::error::ConsoleError;
use crate::policy::Policy;

/// The map's site, which "open in map" sends the point to.
const MAP_SITE: &str = "https://www.openstreetmap.org/";

/// `Err(host_not_allowed)` when IT's allowed hosts leave the map's site out.
pub(crate) fn check_map_allowed(policy: &Policy) -> Result<(), ConsoleError> {
    match url::Url::parse(MAP_SITE) {
        Ok(url) if policy.host_allowed(&url) => Ok(()),
        Ok(url) => Err(ConsoleError::HostNotAllowed { host: url.host_str().unwrap_or_default().to_owned() }),
        Err(e) => Err(ConsoleError::OpenFailed { detail: e.to_string() }),
    }
}

pub fn map_link(lat: f64, lng: f64) -> Result<String, ConsoleError> {
    if !(lat.is_finite() && lng.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng)) {
        return Err(ConsoleError::OpenFailed { detail: format!("({lat}, {lng}) is not a point on the map") });
    }
    Ok(format!("{MAP_SITE}?mlat={lat:.6}&mlon={lng:.6}#map=17/{lat:.6}/{lng:.6}"))
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
