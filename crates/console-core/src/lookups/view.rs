//! What the UI shows for a lookup, built from op-api's types and the profile: labels
//! applied, file names turned into URLs, nothing left for the UI to interpret.

use op_api::model::{Address, Channel, ChatInfo, ClientApp, Contact, FieldWarning, Foot, Location, RawText, User};
use op_api::DecodedChat;
use serde::Serialize;

use crate::lookups::phone::{mask_phone, PhoneField};
use crate::profiles::profile::{CoordSystem, Profile, TileLayer};
use crate::support::url_prefix::url_under;

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatView {
    pub profile_id: String,
    pub subtitle: Option<String>,
    pub chat_id: Option<String>,
    /// The raw status code, and the profile's label for it when one is set.
    pub status: Option<String>,
    pub status_label: Option<String>,
    /// Epoch milliseconds; the UI shows it in the API's zone (or local time) and the age.
    pub created_at: Option<i64>,
    pub operator_id: Option<String>,
    /// The serving operator is the signed-in one (the profile's operator id).
    pub operator_is_me: bool,
    pub group_id: Option<String>,
    pub is_in_group: Option<bool>,
    pub ref_chat_id: Option<String>,
    pub channel_id: Option<String>,
    pub channel_name: Option<String>,
    pub client_name: Option<String>,
    pub client_id: Option<String>,
    pub client_logo_url: Option<String>,
    pub client_type: Option<String>,
    pub version_code: Option<String>,
    pub location: Option<LocationView>,
    pub user: Option<UserView>,
    pub foot: Option<Foot>,
    /// Fields of the answer that could not be read (left out above), at most
    /// [`op_api::model::MAX_WARNINGS`]; how many more there were.
    pub warnings: Vec<FieldWarning>,
    pub warnings_left_out: usize,
    /// The profile's API zone, minutes east of UTC: times are shown in it, labelled.
    pub utc_offset_minutes: i32,
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationView {
    pub address: Option<String>,
    /// As sent, in `coord_system`; the UI converts for its tile layer.
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    pub coord_system: CoordSystem,
    /// The tiles of the result's profile (with their own datum), not of the one selected
    /// now: a result drawn later is still drawn on its own map.
    pub tiles: Option<TileLayer>,
    /// At district precision: the exact point (and the full address) is held in the
    /// backend until the operator reveals it (`reveal_location`).
    pub point_held: bool,
}

/// A phone number as the page gets it: masked. The full number is the page's only when
/// the operator reveals it (`reveal_phone` with the lookup's ID and `field`).
#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneView {
    pub masked: String,
    pub field: PhoneField,
    /// The answer had the full number (not only the API's own masked display form).
    pub can_reveal: bool,
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserView {
    pub user_id: Option<String>,
    pub user_name: Option<String>,
    pub nick_name: Option<String>,
    /// The nickname, else the user name, else the user ID.
    pub display_name: Option<String>,
    /// Up to two characters for an avatar placeholder.
    pub initials: String,
    pub avatar_url: Option<String>,
    pub phone: Option<PhoneView>,
    pub tags: Vec<String>,
    pub service_count: Option<i64>,
    pub addresses: Vec<AddressView>,
    pub contacts: Vec<ContactView>,
    /// Items of each list beyond [`op_api::MAX_LIST_ITEMS`]: counted, shown as "N more".
    pub tags_left_out: usize,
    pub addresses_left_out: usize,
    pub contacts_left_out: usize,
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressView {
    pub id: Option<String>,
    pub address: Option<String>,
    pub remark: Option<String>,
}

#[derive(ts_rs::TS, Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactView {
    pub id: Option<String>,
    pub name: Option<String>,
    pub phone: Option<PhoneView>,
}

/// Empty strings are as good as absent on screen.
fn text(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

fn raw(value: Option<RawText>) -> Option<String> {
    text(value.map(RawText::into_string))
}

/// The full numbers of a result, by field, for the lookup's record (never the page's).
pub type Phones = Vec<(PhoneField, String)>;

impl ChatView {
    /// The view of a decoded answer on `profile`, and its full phone numbers apart.
    pub fn build(lookup: DecodedChat, profile: &Profile) -> (Self, Phones) {
        let DecodedChat { chat, foot, warnings, warnings_left_out } = lookup;
        let ChatInfo {
            user,
            operator_id,
            subtitle,
            channel,
            ref_chat_id,
            location,
            group_id,
            status,
            chat_id,
            is_in_group,
            version_code,
            create_time,
            client_type,
            client,
        } = chat;
        let status = raw(status);
        let status_label = status.as_ref().and_then(|s| profile.status_labels.get(s)).cloned();
        let operator_id = text(operator_id);
        let operator_is_me = matches!((&operator_id, &profile.operator_id), (Some(a), Some(b)) if a == b);
        // Destructured as the chat is: a field op-api adds is a compile error here until shown.
        let (channel_id, channel_name) =
            channel.map(|Channel { channel_id, name }| (text(channel_id), text(name))).unwrap_or_default();
        let (client_name, client_id, client_logo_url) = client
            .map(|ClientApp { name, logo, client_id }| {
                (text(name), raw(client_id), asset_url(profile, logo.as_deref()))
            })
            .unwrap_or_default();
        let mut phones = Vec::new();
        let view = Self {
            profile_id: profile.id.clone(),
            subtitle: text(subtitle),
            chat_id: text(chat_id),
            status,
            status_label,
            created_at: create_time.map(|t| t.epoch_ms()),
            operator_id,
            operator_is_me,
            group_id: text(group_id),
            is_in_group,
            ref_chat_id: text(ref_chat_id),
            channel_id,
            channel_name,
            client_name,
            client_id,
            client_logo_url,
            client_type: raw(client_type),
            version_code: text(version_code),
            location: location
                .map(|Location { address, lat, lng }| LocationView {
                    address: text(address),
                    lat: lat.filter(|v| v.is_finite() && (-90.0..=90.0).contains(v)),
                    lng: lng.filter(|v| v.is_finite() && (-180.0..=180.0).contains(v)),
                    coord_system: profile.coord_system,
                    tiles: profile.tiles.clone(),
                    point_held: false,
                })
                .filter(|l| l.address.is_some() || (l.lat.is_some() && l.lng.is_some())),
            user: user.map(|u| UserView::build(u, profile, &mut phones)),
            foot,
            warnings,
            warnings_left_out,
            utc_offset_minutes: profile.api_utc_offset_minutes,
        };
        (view, phones)
    }
}

/// The masked form the page shows of a number (the API's display form when it sent one,
/// itself masked if it looks like a whole number), and the full one kept apart.
fn phone_view(
    field: PhoneField,
    phone: Option<String>,
    display: Option<String>,
    phones: &mut Phones,
) -> Option<PhoneView> {
    let display = display.map(|d| if d.contains('*') { d } else { mask_phone(&d) });
    let masked = display.or_else(|| phone.as_deref().map(mask_phone))?;
    let can_reveal = phone.is_some();
    if let Some(phone) = phone {
        phones.push((field, phone));
    }
    Some(PhoneView { masked, field, can_reveal })
}

impl UserView {
    /// Destructured, so that a field added to the API's user is not dropped unseen.
    fn build(user: User, profile: &Profile, phones: &mut Phones) -> Self {
        let User { user_id, user_name, nick_name, phone, display_phone, tags, address, icon, contacts, service_count } =
            user;
        let nick_name = text(nick_name);
        let user_name = text(user_name);
        let user_id = text(user_id);
        let display_name = nick_name.clone().or_else(|| user_name.clone()).or_else(|| user_id.clone());
        let tags = tags.unwrap_or_default();
        let addresses = address.unwrap_or_default();
        let contacts = contacts.unwrap_or_default();
        Self {
            initials: initials(display_name.as_deref()),
            display_name,
            avatar_url: asset_url(profile, icon.as_deref()),
            user_id,
            user_name,
            nick_name,
            phone: phone_view(PhoneField::User, text(phone), text(display_phone), phones),
            tags: tags.items.into_iter().filter_map(|t| raw(Some(t))).collect(),
            tags_left_out: tags.left_out,
            service_count,
            addresses: addresses
                .items
                .into_iter()
                .map(|Address { user_address_id, address, remark }| AddressView {
                    id: text(user_address_id),
                    address: text(address),
                    remark: text(remark),
                })
                .collect(),
            addresses_left_out: addresses.left_out,
            contacts: contacts
                .items
                .into_iter()
                .enumerate()
                .map(|(index, Contact { name, phone, user_contact_id })| ContactView {
                    id: text(user_contact_id),
                    name: text(name),
                    phone: phone_view(PhoneField::Contact { index: index as u32 }, text(phone), None, phones),
                })
                .collect(),
            contacts_left_out: contacts.left_out,
        }
    }
}

/// `{assetBaseUrl}/{file}` for a plain file name, or an absolute http(s) URL that lies
/// under the asset base URL (parsed and normalised). Anything else (a path, another host,
/// `..`) gives no URL, and the UI shows its fallback: nothing is requested.
fn asset_url(profile: &Profile, file: Option<&str>) -> Option<String> {
    let base = profile.asset_base_url.as_deref()?;
    let file = file?.trim();
    if file.starts_with("http://") || file.starts_with("https://") {
        let url = url::Url::parse(file).ok()?;
        return url_under(&url::Url::parse(base).ok()?, &url).then(|| url.to_string());
    }
    let plain = !file.is_empty()
        && file.len() <= 200
        && file != "."
        && file != ".."
        && file.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    plain.then(|| format!("{}/{}", base.trim_end_matches('/'), file))
}

/// The first letters of the first two words, or the first two characters.
fn initials(name: Option<&str>) -> String {
    let name = name.unwrap_or_default().trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let picked: String = if words.len() >= 2 {
        words.iter().take(2).filter_map(|w| w.chars().next()).collect()
    } else {
        name.chars().filter(|c| !c.is_control()).take(2).collect()
    };
    picked.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        let mut p = Profile::new("prod", "Prod", "https://op.example.com", "c");
        p.asset_base_url = Some("https://assets.example.com/img/".into());
        p.status_labels.insert("5".into(), "已结束".into());
        p.operator_id = Some("o0001b41cf9f36e5a42e2a5b539593981fe32".into());
        p
    }

    #[test]
    fn the_spec_example_becomes_a_view() {
        let lookup =
            op_api::decode_response(include_bytes!("../../../op-api/tests/data/example-response.json")).unwrap();
        let (view, phones) = ChatView::build(lookup, &profile());
        assert!(phones.is_empty());
        assert_eq!(view.status.as_deref(), Some("5"));
        assert_eq!(view.status_label.as_deref(), Some("已结束"));
        assert!(view.operator_is_me);
        assert_eq!(
            view.client_logo_url.as_deref(),
            Some("https://assets.example.com/img/635d69a89716478c9c7b7fc5ea948fe5_100.png")
        );
        assert_eq!(view.client_type.as_deref(), Some("4"));
        assert_eq!(view.created_at, Some(1_442_307_258_460));
        let location = view.location.unwrap();
        assert_eq!((location.lat, location.lng), (Some(40.02248), Some(116.2986)));
        assert_eq!(location.coord_system, CoordSystem::Gcj02);
        let user = view.user.unwrap();
        assert_eq!(user.display_name.as_deref(), Some("u00012b2e588bd93843168dfb67ae12cc2ee9"));
        assert_eq!(user.initials, "U0");
        assert_eq!(user.avatar_url, None);
        assert!(user.addresses.is_empty() && user.contacts.is_empty() && user.tags.is_empty());
        assert_eq!(view.warnings, vec![]);
        assert_eq!(view.utc_offset_minutes, 480);
    }

    #[test]
    fn asset_urls_only_for_plain_file_names() {
        let p = profile();
        assert_eq!(asset_url(&p, Some("a_1.png")).as_deref(), Some("https://assets.example.com/img/a_1.png"));
        assert_eq!(
            asset_url(&p, Some("https://assets.example.com/img/sub/a.png")).as_deref(),
            Some("https://assets.example.com/img/sub/a.png")
        );
        for bad in [
            "../../etc/passwd",
            "javascript:alert(1)",
            "https://evil/x.png",
            "",
            "..",
            "a b.png",
            "https://assets.example.com/imgx/a.png",
            "https://assets.example.com/img/%2e%2e/x.png",
            "http://assets.example.com/img/a.png",
        ] {
            assert_eq!(asset_url(&p, Some(bad)), None, "{bad}");
        }
        let mut without = profile();
        without.asset_base_url = None;
        assert_eq!(asset_url(&without, Some("a.png")), None);
    }

    #[test]
    fn phone_numbers_leave_masked_and_are_kept_apart() {
        let json = r#"{"code":200,"data":{"user":{"phone":"13812345678","displayPhone":"138****5678",
            "contacts":[{"name":"妈妈","phone":"13900001111"},{"name":"无号码"}]}}}"#;
        let (view, phones) = ChatView::build(op_api::decode_response(json.as_bytes()).unwrap(), &profile());
        let shown = serde_json::to_string(&view).unwrap();
        assert!(!shown.contains("13812345678") && !shown.contains("13900001111"), "{shown}");
        let user = view.user.unwrap();
        assert_eq!(
            user.phone.unwrap(),
            PhoneView { masked: "138****5678".into(), field: PhoneField::User, can_reveal: true }
        );
        assert_eq!(user.contacts[0].phone.as_ref().unwrap().masked, "139****1111");
        assert_eq!(user.contacts[1].phone, None);
        assert_eq!(
            phones,
            [
                (PhoneField::User, "13812345678".to_owned()),
                (PhoneField::Contact { index: 0 }, "13900001111".to_owned())
            ]
        );
        // A "display" form that is a whole number is masked too.
        let json = r#"{"code":200,"data":{"user":{"displayPhone":"13812345678"}}}"#;
        let (view, phones) = ChatView::build(op_api::decode_response(json.as_bytes()).unwrap(), &profile());
        assert_eq!(view.user.unwrap().phone.unwrap().masked, "138****5678");
        assert!(phones.is_empty());
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials(Some("张伟")), "张伟");
        assert_eq!(initials(Some("zhang wei")), "ZW");
        assert_eq!(initials(None), "");
    }

    #[test]
    fn out_of_range_coordinates_are_dropped_with_a_warning() {
        let json = r#"{"code":200,"data":{"location":{"lat":400.0,"lng":516.0,"address":null}}}"#;
        let (view, _) = ChatView::build(op_api::decode_response(json.as_bytes()).unwrap(), &profile());
        assert_eq!(view.location, None);
        assert_eq!(view.warnings.len(), 1);
    }
}
