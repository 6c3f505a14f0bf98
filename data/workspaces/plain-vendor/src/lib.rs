pub fn shown() -> String {
    tinyfmt::render(5, tinyfmt::Padding::None)
}
