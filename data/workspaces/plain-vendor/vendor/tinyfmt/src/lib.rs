pub fn format_u32(n: u32) -> String {
    n.to_string()
}
