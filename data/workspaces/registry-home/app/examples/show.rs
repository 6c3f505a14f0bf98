fn main() {
    checkmate::expect_eq(regapp::legacy_label(3), String::from("3"));
}
