#[test]
fn tag() {
    checkmate::expect_eq(shop::price_tag(42), String::from("    42"));
}
