fn main() {
    checkmate::expect_eq(shop::receipt_line(5), String::from("5"));
}
