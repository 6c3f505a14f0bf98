fn main() {
    println!("{}", shop::price_tag(100));
}
