// Realistic fn bodies touching every expression, statement and pattern form: the seed of the
// body fuzz test and a whole-file check.
export const BODIES_RS = String.raw`
use std::collections::HashMap;

const LIMIT: usize = 1 << 10;
static NAMES: [&str; 2] = ["a", "b"];

#[repr(u8)]
enum Level { Low = 1, High = Level::Low as u8 + 1 }

struct Point { x: i32, y: i32 }

impl Point {
    fn dist2(&self, other: &Point) -> i64 {
        let dx = (self.x - other.x) as i64;
        let dy = (self.y - other.y) as i64;
        dx * dx + dy * dy
    }

    fn parse(s: &str) -> Result<Point, String> {
        let mut parts = s.split(',').map(str::trim);
        let (Some(x), Some(y)) = (parts.next(), parts.next()) else {
            return Err(format!("bad point {s:?}"));
        };
        let x: i32 = x.parse().map_err(|e| e.to_string())?;
        let y = y.parse::<i32>().map_err(|e: std::num::ParseIntError| -> String { e.to_string() })?;
        Ok(Point { x, y })
    }
}

fn classify(v: &[i32], table: &mut HashMap<i32, usize>) -> Option<&'static str> {
    let mut total = 0;
    'outer: for (i, &n) in v.iter().enumerate() {
        if n < 0 && i > 0 || n == i32::MIN {
            continue 'outer;
        } else if let Some(count) = table.get_mut(&n) && *count > 1 {
            *count += 1;
        } else {
            table.insert(n, 1);
        }
        let mut k = n;
        while k > 0 {
            k >>= 1;
            total += k as usize % LIMIT;
            if total >= LIMIT { break 'outer; }
        }
    }
    let label = match total {
        0 => return None,
        1..=9 | 11 => "small",
        n if n % 2 == 0 => { "even" }
        _ => "odd",
    };
    let level = loop { break if total > 100 { Level::High } else { Level::Low }; };
    let _ = (level as u8, NAMES[0], [0u8; 4], &raw const total, !true, -(total as i64));
    let closure = move |a: usize, b| a.wrapping_add(b).min(LIMIT);
    let boxed: Box<dyn Fn(usize) -> usize> = Box::new(|x| closure(x, 1));
    let r = ..=5;
    let range = 0..total;
    let _ = unsafe { std::ptr::read(&total as *const usize) };
    let _ = <Vec<u8> as Default>::default();
    let Point { x, y: ref py, .. } = Point { x: 1, ..Point { x: 0, y: 0 } };
    let [first, .., last] = [1, 2, 3];
    let t = (x, *py, first + last, range.len(), r.end, boxed(2));
    let _ = t.0 + t.3.pow(2);
    let _ = async move { 1 };
    let _ = 'blk: { if t.1 > 0 { break 'blk 1; } 2 };
    macro_rules! twice { ($e:expr) => { $e * 2 }; }
    fn helper(x: u8) -> u8 { twice!(x) }
    assert!(helper(2) == 4, "{}", label);
    Some(label)
}
`;
