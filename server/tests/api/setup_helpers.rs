//! Helpers for the setup tests: the hours-and-services form as a manager's browser posts
//! it, filled with what is stored and then changed.

use super::helpers::TestApp;

/// The availability form of `center` as it stands, with `change` applied: a named field
/// is set to the value, and one the form does not have yet (a checkbox left unticked) is
/// added.
pub async fn availability_form(
    app: &TestApp,
    center: &str,
    stranded: &str,
    change: &[(&str, &str)],
) -> String {
    let mut conn = app.pool.acquire().await.unwrap();
    let now = app::db::center_availability::current(&mut conn, center)
        .await
        .unwrap();
    let mut fields: Vec<(String, String)> = vec![
        ("lang".into(), "en".into()),
        ("center".into(), center.into()),
        ("stranded".into(), stranded.into()),
    ];
    for day in 1..=7i16 {
        let open = now.hours.iter().find(|(d, ..)| *d == day);
        let time = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
        fields.push((
            format!("opens_{day}"),
            open.map(|o| time(o.1)).unwrap_or_default(),
        ));
        fields.push((
            format!("closes_{day}"),
            open.map(|o| time(o.2)).unwrap_or_default(),
        ));
    }
    for (service, rules) in &now.services {
        if rules.offered {
            fields.push((format!("offered_{service}"), "yes".into()));
        }
        fields.push((format!("slot_{service}"), rules.slot_minutes.to_string()));
        fields.push((format!("capacity_{service}"), rules.capacity.to_string()));
        fields.push((format!("lead_{service}"), rules.lead_minutes.to_string()));
        fields.push((format!("horizon_{service}"), rules.horizon_days.to_string()));
    }
    for (name, value) in change {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_owned(),
            None => fields.push(((*name).to_owned(), (*value).to_owned())),
        }
    }
    fields
        .iter()
        .map(|(n, v)| format!("{n}={}", app::pages::booking::query::encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}
