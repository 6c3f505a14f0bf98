use tinyfmt::Padding;

pub fn label(n: u32) -> String {
    tinyfmt::render(n, Padding::Left(4))
}

pub fn legacy_label(n: u32) -> String {
    oldfmt::format_u32(n)
}
