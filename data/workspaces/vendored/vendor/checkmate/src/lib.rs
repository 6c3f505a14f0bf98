use std::fmt::Debug;

pub fn expect_eq<T: PartialEq + Debug>(actual: T, expected: T) {
    assert_eq!(actual, expected, "{}", tinyfmt::render(1, tinyfmt::Padding::None));
}
