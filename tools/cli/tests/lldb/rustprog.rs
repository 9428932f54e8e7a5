// Kestrel LLDB test program in Rust: recursion, a struct, a slice, a panic. Built by the
// test (tools/cli/tests/lldb.rs) with Debian's rustc and its wasm32-wasi std
// (`/usr/bin/rustc --target wasm32-wasi -g`); line numbers are part of the test.
use std::process::exit;

struct Point {
    x: i32,
    y: i32,
}

fn fib(n: u32) -> u32 {
    let smaller = n < 2;
    if smaller {
        return n;
    }
    fib(n - 1) + fib(n - 2)
}

fn weigh(values: &[i32], origin: &Point) -> i32 {
    let mut total = origin.x * origin.y;
    for v in values {
        total += *v;
    }
    total
}

fn pick(values: &[i32], index: usize) -> i32 {
    values[index]
}

fn main() {
    let numbers = [3, 5, 7, 11];
    let origin = Point { x: 4, y: 9 };
    if std::env::args().nth(1).as_deref() == Some("panic") {
        let far = numbers.len() + 3;
        let value = pick(&numbers, far);
        println!("unreachable {}", value);
    }
    let f = fib(10);
    let w = weigh(&numbers, &origin);
    println!("fib {} weigh {}", f, w);
    exit(if f == 55 { 7 } else { 1 });
}
