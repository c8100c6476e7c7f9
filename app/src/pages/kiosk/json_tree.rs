//! JSON as the kiosk's browser code reads and writes it: through the browser's own
//! parser (`JSON.parse`, `JSON.stringify`) rather than serde_json compiled into the WASM.
//! serde_json's parser, serde's error messages and the float formatting they reach cost
//! every kiosk tablet about a fifth of the WASM (issue 16, README "Kiosk download budget").
//!
//! The same code reads and builds `serde_json::Value`s in the unit tests, which compare it
//! with what serde writes and reads on the server: the two shapes cannot drift apart.

/// A parsed JSON value, read.
pub trait JsonRead: Sized {
    /// The member `name` of an object.
    fn member(&self, name: &str) -> Option<Self>;
    fn text(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    /// The items of an array; `None` for anything else.
    fn items(&self) -> Option<Vec<Self>>;
    fn is_null(&self) -> bool;
}

/// A JSON value, built.
pub trait JsonBuild: Sized {
    fn text(value: &str) -> Self;
    fn number(value: f64) -> Self;
    fn boolean(value: bool) -> Self;
    fn null() -> Self;
    fn list(items: Vec<Self>) -> Self;
    fn object(members: Vec<(&str, Self)>) -> Self;
}

/// The member `name` as a whole number that fits a `u32`.
pub fn member_u32<J: JsonRead>(json: &J, name: &str) -> Option<u32> {
    let n = json.member(name)?.number()?;
    (n >= 0.0 && n <= f64::from(u32::MAX) && n.fract() == 0.0).then_some(n as u32)
}

/// The member `name` as text.
pub fn member_text<J: JsonRead>(json: &J, name: &str) -> Option<String> {
    json.member(name)?.text()
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{JsonBuild, JsonRead};
    use wasm_bindgen::{JsCast, JsValue};

    impl JsonRead for JsValue {
        fn member(&self, name: &str) -> Option<Self> {
            if !self.is_object() {
                return None;
            }
            js_sys::Reflect::get(self, &JsValue::from_str(name))
                .ok()
                .filter(|v| !v.is_undefined())
        }
        fn text(&self) -> Option<String> {
            self.as_string()
        }
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn items(&self) -> Option<Vec<Self>> {
            self.dyn_ref::<js_sys::Array>().map(|a| a.iter().collect())
        }
        fn is_null(&self) -> bool {
            JsValue::is_null(self)
        }
    }

    impl JsonBuild for JsValue {
        fn text(value: &str) -> Self {
            JsValue::from_str(value)
        }
        fn number(value: f64) -> Self {
            JsValue::from_f64(value)
        }
        fn boolean(value: bool) -> Self {
            JsValue::from_bool(value)
        }
        fn null() -> Self {
            JsValue::NULL
        }
        fn list(items: Vec<Self>) -> Self {
            items.into_iter().collect::<js_sys::Array>().into()
        }
        fn object(members: Vec<(&str, Self)>) -> Self {
            let object = js_sys::Object::new();
            for (name, value) in members {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), &value);
            }
            object.into()
        }
    }

    /// `text` parsed by the browser.
    pub fn parse(text: &str) -> Option<JsValue> {
        js_sys::JSON::parse(text).ok()
    }

    /// `value` written by the browser.
    pub fn stringify(value: &JsValue) -> Option<String> {
        js_sys::JSON::stringify(value).ok()?.as_string()
    }
}

#[cfg(feature = "hydrate")]
pub use browser::{parse, stringify};

#[cfg(test)]
mod serde_values {
    use super::{JsonBuild, JsonRead};
    use serde_json::Value;

    impl JsonRead for Value {
        fn member(&self, name: &str) -> Option<Self> {
            self.get(name).cloned()
        }
        fn text(&self) -> Option<String> {
            self.as_str().map(str::to_owned)
        }
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn items(&self) -> Option<Vec<Self>> {
            self.as_array().cloned()
        }
        fn is_null(&self) -> bool {
            Value::is_null(self)
        }
    }

    impl JsonBuild for Value {
        fn text(value: &str) -> Self {
            Value::from(value)
        }
        fn number(value: f64) -> Self {
            // serde writes whole numbers as integers; so does JSON.stringify.
            if value.fract() == 0.0 && value.abs() < 9e15 {
                Value::from(value as i64)
            } else {
                Value::from(value)
            }
        }
        fn boolean(value: bool) -> Self {
            Value::from(value)
        }
        fn null() -> Self {
            Value::Null
        }
        fn list(items: Vec<Self>) -> Self {
            Value::Array(items)
        }
        fn object(members: Vec<(&str, Self)>) -> Self {
            Value::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_numbers_are_read_only_when_they_fit() {
        let j = json!({"a": 3, "b": -1, "c": 2.5, "d": 5e10, "e": "3"});
        assert_eq!(member_u32(&j, "a"), Some(3));
        assert_eq!(member_u32(&j, "b"), None);
        assert_eq!(member_u32(&j, "c"), None);
        assert_eq!(member_u32(&j, "d"), None);
        assert_eq!(member_u32(&j, "e"), None);
        assert_eq!(member_u32(&j, "missing"), None);
    }
}
