use std::collections::HashMap;

fn main() {
    let mut names: HashMap<u32, String> = HashMap::new();
    names.insert(1, String::new());
    let mut v = Vec::new();
    v.push(1u32);
    let first: Option<u32> = Some(v.len() as u32);
    if let Some(n) = first {
        names.insert(n, String::new());
    }
}
