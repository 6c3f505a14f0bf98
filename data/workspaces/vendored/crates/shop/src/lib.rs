pub fn price_tag(cents: u32) -> String {
    tinyfmt::render(cents, tinyfmt::Padding::Left(6))
}

pub fn receipt_line(cents: u32) -> String {
    fmt09::format_u32(cents)
}
