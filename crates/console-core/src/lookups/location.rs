//! A location at the precision the job needs: with `district`, the page gets the address
//! cut to its district (or city) and no point, no map; the exact location stays with the
//! lookup in the backend until the operator reveals it (journaled as a number is).

use crate::lookups::view::LocationView;

/// The address up to its district or county (`北京市海淀区`), else its city or province;
/// `None` when none of these can be told (the address is then held back whole).
pub fn district_of(address: &str) -> Option<String> {
    let chars: Vec<char> = address.chars().collect();
    let cut = |ends: &[char]| chars.iter().position(|c| ends.contains(c)).filter(|i| *i > 0);
    let end = cut(&['区', '县', '旗']).or_else(|| cut(&['市'])).or_else(|| cut(&['省']))?;
    Some(chars[..=end].iter().collect())
}

impl LocationView {
    /// What the page gets at district precision.
    pub(crate) fn coarse(&self) -> LocationView {
        LocationView {
            address: self.address.as_deref().and_then(district_of),
            lat: None,
            lng: None,
            coord_system: self.coord_system,
            tiles: None,
            point_held: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_to_the_district_or_the_city() {
        assert_eq!(district_of("北京市海淀区小清河路").as_deref(), Some("北京市海淀区"));
        assert_eq!(district_of("上海市浦东新区世纪大道 100 号").as_deref(), Some("上海市浦东新区"));
        assert_eq!(district_of("广东省深圳市南山区科技园").as_deref(), Some("广东省深圳市南山区"));
        assert_eq!(district_of("浙江省义乌市稠城街道").as_deref(), Some("浙江省义乌市"));
        assert_eq!(district_of("云南省 某地 123 号").as_deref(), Some("云南省"));
        assert_eq!(district_of("221B Baker Street, London"), None);
        assert_eq!(district_of("区政府大院"), None, "a district name needs something before it");
    }
}
