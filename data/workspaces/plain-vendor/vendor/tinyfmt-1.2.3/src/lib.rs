pub enum Padding {
    None,
    Left(usize),
}

pub fn render(n: u32, padding: Padding) -> String {
    let digits = n.to_string();
    match padding {
        Padding::None => digits,
        Padding::Left(width) => format!("{:>width$}", digits, width = width),
    }
}
