use checkmate::expect_eq;

#[test]
fn pads() {
    expect_eq(regapp::label(7), String::from("   7"));
}
