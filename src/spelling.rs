//! Enums with one spelling per variant, shared by every place that reads or writes them: the
//! dataset builder (CSV values), serde (dataset JSON) and the URL. A variant cannot
//! be added without its spelling, and a spelling cannot be read in one place and not another.

/// Declares an enum whose variants are written `Variant => "spelling"`. Generates `ALL`,
/// `as_str`, `parse`, `spellings` (for messages: "a, b or c"), `Display`, and the serde impls
/// that read and write exactly these spellings.
macro_rules! spelled_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every spelling, in declaration order.
            pub const SPELLINGS: &'static [&'static str] = &[$($text),+];

            /// The one spelling of this variant.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text ),+
                }
            }

            /// The variant spelled `text`, if any.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $( $text => Some($name::$variant), )+
                    _ => None,
                }
            }

            /// Every spelling, for messages: "a, b or c".
            pub fn spellings() -> String {
                $crate::spelling::list(Self::SPELLINGS)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::parse(&text).ok_or_else(|| serde::de::Error::unknown_variant(&text, &[$($text),+]))
            }
        }

    };
}

/// "a", "a or b", "a, b or c".
pub fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    spelled_enum! {
        /// A test enum.
        #[derive(Default)]
        pub enum Fruit {
            #[default]
            Apple => "apple",
            BloodOrange => "blood_orange",
        }
    }

    #[test]
    fn one_spelling_each_way() {
        for fruit in Fruit::ALL {
            assert_eq!(Fruit::parse(fruit.as_str()), Some(*fruit));
        }
        assert_eq!(Fruit::parse("Apple"), None, "spellings are exact");
        assert_eq!(Fruit::default(), Fruit::Apple);
        assert_eq!(Fruit::spellings(), "apple or blood_orange");
        assert_eq!(Fruit::BloodOrange.to_string(), "blood_orange");
    }

    #[test]
    fn json_reads_and_writes_the_same_spelling() {
        assert_eq!(serde_json::to_string(&Fruit::BloodOrange).unwrap(), "\"blood_orange\"");
        let back: Fruit = serde_json::from_str("\"blood_orange\"").unwrap();
        assert_eq!(back, Fruit::BloodOrange);
        let err = serde_json::from_str::<Fruit>("\"pear\"").unwrap_err().to_string();
        assert!(
            err.contains("unknown variant `pear`, expected `apple` or `blood_orange`"),
            "{err}"
        );
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(super::list(&["a"]), "a");
        assert_eq!(super::list(&["a", "b", "c"]), "a, b or c");
        assert_eq!(super::list(&[]), "");
    }
}
