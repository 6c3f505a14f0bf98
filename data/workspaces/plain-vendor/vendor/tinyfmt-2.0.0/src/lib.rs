pub fn render_any<T: ToString>(value: T) -> String {
    value.to_string()
}
